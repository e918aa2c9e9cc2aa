"""Parameter initialisation for the two-layer and the L-layer network."""

import numpy as np


def initialize_parameters(n_x, n_h, n_y):
    """Small random weights and zero biases for LINEAR -> RELU -> LINEAR -> SIGMOID.

    Seeds the global RNG with 1, then draws W1 before W2.
    Returns {"W1": (n_h, n_x), "b1": (n_h, 1), "W2": (n_y, n_h), "b2": (n_y, 1)}.
    """
    np.random.seed(1)
    W1 = np.random.randn(n_h, n_x) * 0.01
    W2 = np.random.randn(n_y, n_h) * 0.01
    return {"W1": W1, "b1": np.zeros((n_h, 1)), "W2": W2, "b2": np.zeros((n_y, 1))}


def _deep_weights(layer_dims, seed, scale):
    """Seed once, then W_l = randn(n_l, n_{l-1}) * scale(n_{l-1}) in layer order; b_l = 0."""
    np.random.seed(seed)
    parameters = {}
    for l in range(1, len(layer_dims)):
        n_l, n_prev = layer_dims[l], layer_dims[l - 1]
        parameters[f"W{l}"] = np.random.randn(n_l, n_prev) * scale(n_prev)
        parameters[f"b{l}"] = np.zeros((n_l, 1))
    return parameters


def initialize_parameters_deep(layer_dims):
    """Step-by-step version: seed 3, W_l = randn(n_l, n_{l-1}) * 0.01.

    layer_dims: [n_0, n_1, ..., n_L].  Returns W1..WL of shape (n_l, n_{l-1}) and b1..bL of (n_l, 1).
    """
    return _deep_weights(layer_dims, seed=3, scale=lambda n_prev: 0.01)


def initialize_parameters_deep_scaled(layer_dims):
    """Application version: seed 1, W_l = randn(n_l, n_{l-1}) / sqrt(n_{l-1}).

    Dividing by sqrt(n_{l-1}) keeps each Z of order one whatever the layer's fan-in, so a deep
    net starts neither saturated nor vanishing (with x 0.01 the cat network barely learns).
    """
    return _deep_weights(layer_dims, seed=1, scale=lambda n_prev: 1 / np.sqrt(n_prev))
