"""The public cases of the planar classifier: the course's fixture of each function, plus cases the
course lacks (more hidden units, more examples, several outputs, a backward cache whose A1 is not
tanh(Z1), outputs exactly at predict's threshold, several seeds for initialize_parameters), and the
input builders the hidden cases share.

Extra cases draw from their own ``np.random.RandomState(seed)``, never from the global RNG, except
through a case's ``seed``: the global seed the checks set right before calling the function.
"""

import numpy as np

from dnn_utils.activations import sigmoid
from dnn_utils.planar_data import load_planar_dataset

from ..assignment import Case, case_rng
from . import course


def random_parameters(rng, n_x, n_h, n_y):
    """W1 (n_h, n_x), b1 (n_h, 1), W2 (n_y, n_h), b2 (n_y, 1), all standard normal draws."""
    return {"W1": rng.randn(n_h, n_x), "b1": rng.randn(n_h, 1), "W2": rng.randn(n_y, n_h), "b2": rng.randn(n_y, 1)}


def labels(rng, n_y, m):
    """(n_y, m) labels 0.0 / 1.0."""
    return (rng.rand(n_y, m) > 0.5).astype(float)


def sizes_inputs(seed, n_x, n_y, m):
    """X: (n_x, m), Y: (n_y, m)."""
    rng = case_rng(seed)
    return rng.randn(n_x, m), labels(rng, n_y, m)


def forward_inputs(seed, n_x, n_h, m):
    """X: (n_x, m) and the parameters of an (n_x, n_h, 1) network."""
    rng = case_rng(seed)
    return rng.randn(n_x, m), random_parameters(rng, n_x, n_h, 1)


def cost_inputs(seed, m):
    """A2: (1, m) probabilities (sigmoid outputs), Y: (1, m) labels."""
    rng = case_rng(seed)
    A2, _ = sigmoid(rng.randn(1, m))
    return A2, labels(rng, 1, m)


def backward_inputs(seed, n_x, n_h, m):
    """parameters, cache, X, Y for an (n_x, n_h, 1) network. The cache is what a forward pass
    could hold except that A1 is NOT tanh(Z1): tanh of other numbers, so only code that takes
    tanh'(Z1) = 1 - A1**2 from the cached A1 (as the backward pass should) gets the expected dW1."""
    rng = case_rng(seed)
    X, Y = rng.randn(n_x, m), labels(rng, 1, m)
    parameters = random_parameters(rng, n_x, n_h, 1)
    Z1 = rng.randn(n_h, m)
    A1 = np.tanh(rng.randn(n_h, m))
    Z2 = rng.randn(1, m)
    A2, _ = sigmoid(rng.randn(1, m))
    return parameters, {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}, X, Y


def update_inputs(seed, n_x, n_h, n_y, learning_rate):
    rng = case_rng(seed)
    parameters = random_parameters(rng, n_x, n_h, n_y)
    grads = {"d" + key: rng.randn(*value.shape) for key, value in parameters.items()}
    return parameters, grads, learning_rate


def classification_data(seed, n_x, m):
    """A small problem a hidden layer helps with: X (n_x, m), Y (1, m) = 1 where two random
    linear rules agree."""
    rng = case_rng(seed)
    X = rng.randn(n_x, m)
    first, second = rng.randn(1, n_x) @ X > 0, rng.randn(1, n_x) @ X > 0
    return X, (first == second).astype(float)


def predict_inputs(seed, n_x, n_h, m, at_threshold=0):
    """parameters of an (n_x, n_h, 1) network and X: (n_x, m). With ``at_threshold`` = k > 0, b1 and
    b2 are 0 and the first k columns of X are 0, so A2 is exactly 0.5 there."""
    rng = case_rng(seed)
    parameters = random_parameters(rng, n_x, n_h, 1)
    X = rng.randn(n_x, m)
    if at_threshold:
        parameters["b1"][:] = 0.0
        parameters["b2"][:] = 0.0
        X[:, :at_threshold] = 0.0
    return parameters, X


def flower_short(num_iterations):
    X, Y = load_planar_dataset()
    return X, Y, 4, num_iterations


CASES = (
    Case("layer_sizes", "course", "the course's X (5, 3) and Y (2, 3) (seed 1)", course.layer_sizes_test_case),
    Case("layer_sizes", "one_output", "X (3, 10), Y (1, 10)", lambda: sizes_inputs(301, 3, 1, 10)),
    Case("initialize_parameters", "course", "the course's (n_x, n_h, n_y) = (2, 4, 1), global seed 2",
         course.initialize_parameters_test_case, seed=course.INITIALIZE_SEED),
    Case("initialize_parameters", "seed_1", "(2, 4, 1) again, global seed 1", lambda: (2, 4, 1), seed=1),
    Case("initialize_parameters", "wider", "(5, 6, 2), global seed 3", lambda: (5, 6, 2), seed=3),
    Case("forward_propagation", "course", "the course's fixture (seed 1): 2 inputs, 4 hidden units, 3 examples",
         course.forward_propagation_test_case),
    Case("forward_propagation", "wider", "3 inputs, 6 hidden units, 5 examples", lambda: forward_inputs(302, 3, 6, 5)),
    Case("compute_cost", "course", "the course's 3 examples (seed 1; Y as booleans)", course.compute_cost_test_case),
    Case("compute_cost", "more_examples", "10 examples", lambda: cost_inputs(303, 10)),
    Case("backward_propagation", "course", "the course's fixture (seed 1; a cache of independent draws)",
         course.backward_propagation_test_case),
    Case("backward_propagation", "cache_A1_not_tanh_Z1", "3 inputs, 5 hidden units, 6 examples; the cached A1 is "
         "not tanh(Z1)", lambda: backward_inputs(304, 3, 5, 6)),
    Case("update_parameters", "course", "the course's fixture (seed 1), default learning rate",
         course.update_parameters_test_case),
    Case("update_parameters", "wider", "(3, 5, 2), learning rate 0.5", lambda: update_inputs(305, 3, 5, 2, 0.5)),
    Case("nn_model", "flower_100", "the flower data, 4 hidden units, 100 iterations", lambda: flower_short(100),
         seed=0),
    Case("nn_model", "small", "3 inputs, 30 examples, 5 hidden units, 40 iterations",
         lambda: (*classification_data(306, 3, 30), 5, 40), seed=0),
    Case("predict", "course", "2 inputs, 4 hidden units, 3 examples (seed 1)", course.predict_test_case),
    Case("predict", "at_threshold", "3 inputs, 5 hidden units, 8 examples, A2 exactly 0.5 on the first 3",
         lambda: predict_inputs(307, 3, 5, 8, at_threshold=3)),
)
