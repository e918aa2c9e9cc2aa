"""The ten graded functions of "Building your Deep Neural Network: Step by Step"."""

from .initialization import initialize_parameters, initialize_parameters_deep
from .layer import linear_activation_backward, linear_activation_forward
from .linear import linear_backward, linear_forward
from .model import L_model_backward, L_model_forward, compute_cost, update_parameters

__all__ = [
    "initialize_parameters",
    "initialize_parameters_deep",
    "linear_forward",
    "linear_activation_forward",
    "L_model_forward",
    "compute_cost",
    "linear_backward",
    "linear_activation_backward",
    "L_model_backward",
    "update_parameters",
]
