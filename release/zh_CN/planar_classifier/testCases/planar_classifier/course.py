"""The course's fixtures of the planar classifier, rebuilt from their recipes (legacy global RNG:
``np.random.seed(s)`` then ``np.random.randn(...)`` in the order written; the order matters).

Where the course's recipe leaves something open, ours is written down here:
- compute_cost: A2 is the sigmoid of randn(1, 3), drawn right after Y;
- backward_propagation: the parameters are drawn W1, b1, W2, b2, then the cache Z1, A1, Z2, A2
  (forward order), each randn of its shape: so A1 is not tanh(Z1) and A2 not a probability;
- update_parameters: seed 1, parameters W1, b1, W2, b2 then grads dW1, db1, dW2, db2, for
  (n_x, n_h, n_y) = (2, 4, 1); the learning rate is left to its default, 1.2;
- predict (no recipe in the course's table): seed 1, X = randn(2, 3), then W1, b1, W2, b2.
"""

import numpy as np

from dnn_utils.activations import sigmoid

SHAPES = {"W1": (4, 2), "b1": (4, 1), "W2": (1, 4), "b2": (1, 1)}  # (n_x, n_h, n_y) = (2, 4, 1)


def _draw_parameters():
    return {key: np.random.randn(*shape) for key, shape in SHAPES.items()}


def layer_sizes_test_case():
    """X: (5, 3), Y: (2, 3)."""
    np.random.seed(1)
    X = np.random.randn(5, 3)
    Y = np.random.randn(2, 3)
    return X, Y


def initialize_parameters_test_case():
    """Arguments (n_x, n_h, n_y); the caller seeds the global RNG with INITIALIZE_SEED first."""
    return 2, 4, 1


INITIALIZE_SEED = 2


def forward_propagation_test_case():
    """X: (2, 3) and parameters of a (2, 4, 1) network."""
    np.random.seed(1)
    X = np.random.randn(2, 3)
    return X, _draw_parameters()


def compute_cost_test_case():
    """A2: (1, 3) probabilities, Y: (1, 3) booleans (as the course draws them)."""
    np.random.seed(1)
    Y = np.random.randn(1, 3) > 0
    A2, _ = sigmoid(np.random.randn(1, 3))
    return A2, Y


def backward_propagation_test_case():
    """parameters of a (2, 4, 1) network, a cache {"Z1", "A1", "Z2", "A2"} of independent draws,
    X: (2, 3) and Y: (1, 3) booleans."""
    np.random.seed(1)
    X = np.random.randn(2, 3)
    Y = np.random.randn(1, 3) > 0
    parameters = _draw_parameters()
    cache = {"Z1": np.random.randn(4, 3), "A1": np.random.randn(4, 3),
             "Z2": np.random.randn(1, 3), "A2": np.random.randn(1, 3)}
    return parameters, cache, X, Y


def update_parameters_test_case():
    """parameters and grads of a (2, 4, 1) network (the learning rate is left to its default)."""
    np.random.seed(1)
    parameters = _draw_parameters()
    grads = {"d" + key: np.random.randn(*shape) for key, shape in SHAPES.items()}
    return parameters, grads


def predict_test_case():
    """parameters of a (2, 4, 1) network and X: (2, 3)."""
    np.random.seed(1)
    X = np.random.randn(2, 3)
    return _draw_parameters(), X
