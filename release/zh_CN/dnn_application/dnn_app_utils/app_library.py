"""What the application notebook gives students ready-made: the step-by-step building blocks,
the application's deep initialisation and ``predict``.

The release build copies this module and the ones it imports into the application's student
folder as ``dnn_app_utils``; they are the answers to the step-by-step assignment, so release the
application after that assignment's deadline. Relative imports only, so the copy runs standalone.
"""

from .initialization import initialize_parameters
from .initialization import initialize_parameters_deep_scaled as initialize_parameters_deep
from .layer import linear_activation_backward, linear_activation_forward
from .model import L_model_backward, L_model_forward, compute_cost, predict, update_parameters

__all__ = [
    "initialize_parameters",
    "initialize_parameters_deep",
    "linear_activation_forward",
    "linear_activation_backward",
    "L_model_forward",
    "L_model_backward",
    "compute_cost",
    "update_parameters",
    "predict",
]
