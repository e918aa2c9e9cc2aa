"""The public cases of the step-by-step assignment: the course's fixture of each function, plus
cases the course lacks (more examples, other shapes, several layers, a real probability AL
for the backward pass, pre-activations exactly at the ReLU's boundary), and the input builders that the hidden cases share.

Extra cases draw from their own ``np.random.RandomState(seed)`` so they never disturb (or
depend on) the global RNG that the course's functions seed.
"""

import numpy as np

from dnn_utils.activations import sigmoid

from ..assignment import Case, case_rng
from . import course


def random_parameters(rng, layer_dims):
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters[f"W{l}"] = rng.randn(layer_dims[l], layer_dims[l - 1])
        parameters[f"b{l}"] = rng.randn(layer_dims[l], 1)
    return parameters


def layer_cache(rng, n_prev, n, m, relu_input=False, zeros=False):
    """((A_prev, W, b), Z) with A_prev >= 0 when it comes out of a ReLU layer; with ``zeros``,
    about a quarter of Z is exactly 0, the ReLU's boundary (where dZ must be 0)."""
    A_prev = rng.randn(n_prev, m)
    if relu_input:
        A_prev = np.maximum(0, A_prev)
    W, b, Z = rng.randn(n, n_prev), rng.randn(n, 1), rng.randn(n, m)
    if zeros:
        Z[rng.rand(n, m) < 0.25] = 0.0
    return (A_prev, W, b), Z


def model_backward_case(seed, layer_dims, m, zeros=False):
    """AL a real probability (a sigmoid output), Y of 0/1 labels, caches of an L-layer network
    (with ``zeros``, hidden layers' Z hold exact zeros)."""
    rng = case_rng(seed)
    n_L = layer_dims[-1]
    AL, _ = sigmoid(rng.randn(n_L, m))
    Y = (rng.rand(n_L, m) > 0.5).astype(float)
    caches = [
        layer_cache(rng, layer_dims[l - 1], layer_dims[l], m, relu_input=l > 1, zeros=zeros and l < len(layer_dims) - 1)
        for l in range(1, len(layer_dims))
    ]
    return AL, Y, caches


def linear_inputs(seed, n_prev, n, m):
    """A_prev: (n_prev, m), W: (n, n_prev), b: (n, 1)."""
    rng = case_rng(seed)
    return rng.randn(n_prev, m), rng.randn(n, n_prev), rng.randn(n, 1)


def forward_inputs(seed, layer_dims, m):
    """X: (layer_dims[0], m) and the parameters of a network of layer_dims."""
    rng = case_rng(seed)
    return rng.randn(layer_dims[0], m), random_parameters(rng, layer_dims)


def cost_inputs(seed, n_y, m):
    """AL: (n_y, m) probabilities (sigmoid outputs), Y: (n_y, m) labels 0/1."""
    rng = case_rng(seed)
    AL, _ = sigmoid(rng.randn(n_y, m))
    return AL, (rng.rand(n_y, m) > 0.5).astype(float)


def backward_inputs(seed, n_prev, n, m, with_activation_cache=False, zeros=False):
    """dZ (or dA): (n, m) and the linear cache (A_prev, W, b), or the layer cache ((A_prev, W, b), Z)
    (with ``zeros``, Z holds exact zeros)."""
    rng = case_rng(seed)
    upstream = rng.randn(n, m)
    if with_activation_cache:
        return upstream, layer_cache(rng, n_prev, n, m, zeros=zeros)
    return upstream, (rng.randn(n_prev, m), rng.randn(n, n_prev), rng.randn(n, 1))


def update_case(seed, layer_dims, learning_rate):
    rng = case_rng(seed)
    parameters = random_parameters(rng, layer_dims)
    grads = {f"d{key}": rng.randn(*value.shape) for key, value in parameters.items()}
    return parameters, grads, learning_rate



CASES = (
    Case("initialize_parameters", "course", "the course's (n_x, n_h, n_y) = (3, 2, 1)", course.initialize_parameters_test_case),
    Case("initialize_parameters", "wider", "(5, 4, 3), several output units", lambda: (5, 4, 3)),
    Case("initialize_parameters_deep", "course", "the course's [5, 4, 3]", lambda: (course.initialize_parameters_deep_test_case(),)),
    Case("initialize_parameters_deep", "deeper", "[6, 5, 4, 3, 2], four layers", lambda: ([6, 5, 4, 3, 2],)),
    Case("initialize_parameters_deep", "one_layer", "[3, 1], a single layer", lambda: ([3, 1],)),
    Case("linear_forward", "course", "the course's fixture (seed 1)", course.linear_forward_test_case),
    Case("linear_forward", "several_units", "4 units, 3 inputs, 5 examples",
         lambda: linear_inputs(101, 3, 4, 5)),
    Case("linear_activation_forward", "course_sigmoid", "the course's fixture (seed 2), sigmoid",
         lambda: (*course.linear_activation_forward_test_case(), "sigmoid")),
    Case("linear_activation_forward", "course_relu", "the course's fixture (seed 2), relu",
         lambda: (*course.linear_activation_forward_test_case(), "relu")),
    Case("linear_activation_forward", "several_units_sigmoid", "3 units, 4 inputs, 6 examples, sigmoid",
         lambda: (*linear_inputs(102, 4, 3, 6), "sigmoid")),
    Case("linear_activation_forward", "several_units_relu", "3 units, 4 inputs, 6 examples, relu",
         lambda: (*linear_inputs(103, 4, 3, 6), "relu")),
    Case("L_model_forward", "course", "the course's 2-hidden-layer fixture (seed 6)", course.L_model_forward_test_case_2hidden),
    Case("L_model_forward", "deeper", "[6, 5, 4, 3, 1], 4 layers, 7 examples",
         lambda: forward_inputs(104, [6, 5, 4, 3, 1], 7)),
    Case("L_model_forward", "one_layer", "[4, 1], only the sigmoid layer",
         lambda: forward_inputs(105, [4, 1], 3)),
    Case("L_model_forward", "same_width", "[4, 4, 4, 1]: every hidden layer as wide as the input",
         lambda: forward_inputs(115, [4, 4, 4, 1], 5)),
    Case("compute_cost", "course", "the course's Y = [[1, 1, 0]], AL = [[0.8, 0.9, 0.4]]",
         lambda: tuple(reversed(course.compute_cost_test_case()))),
    Case("compute_cost", "more_examples", "10 examples",
         lambda: cost_inputs(106, 1, 10)),
    Case("linear_backward", "course", "the course's fixture (seed 1)", course.linear_backward_test_case),
    Case("linear_backward", "other_shapes", "2 units, 6 inputs, 3 examples",
         lambda: backward_inputs(107, 6, 2, 3)),
    Case("linear_activation_backward", "course_sigmoid", "the course's fixture (seed 2), sigmoid",
         lambda: (*course.linear_activation_backward_test_case(), "sigmoid")),
    Case("linear_activation_backward", "course_relu", "the course's fixture (seed 2), relu",
         lambda: (*course.linear_activation_backward_test_case(), "relu")),
    Case("linear_activation_backward", "several_units_sigmoid", "4 units, 3 inputs, 5 examples, sigmoid",
         lambda: (*backward_inputs(109, 3, 4, 5, with_activation_cache=True), "sigmoid")),
    Case("linear_activation_backward", "several_units_relu", "4 units, 3 inputs, 5 examples, relu",
         lambda: (*backward_inputs(108, 3, 4, 5, with_activation_cache=True), "relu")),

    Case("linear_activation_backward", "relu_boundary", "4 units, 3 inputs, 5 examples, relu, some Z exactly 0",
         lambda: (*backward_inputs(114, 3, 4, 5, with_activation_cache=True, zeros=True), "relu")),    Case("L_model_backward", "course", "the course's fixture (seed 3; its AL is not a probability)", course.L_model_backward_test_case),
    Case("L_model_backward", "probabilities", "[5, 4, 3, 1], AL a real probability, 6 examples",
         lambda: model_backward_case(110, [5, 4, 3, 1], 6)),
    Case("L_model_backward", "one_layer", "[3, 1], only the sigmoid layer", lambda: model_backward_case(111, [3, 1], 4)),
    Case("L_model_backward", "same_width", "[4, 4, 4, 1]: every hidden layer as wide as the input",
         lambda: model_backward_case(116, [4, 4, 4, 1], 5)),
    Case("L_model_backward", "relu_boundary", "[4, 3, 1], some hidden Z exactly 0 (dZ must be 0 there)",
         lambda: model_backward_case(112, [4, 3, 1], 5, zeros=True)),    Case("update_parameters", "course", "the course's fixture (seeds 2 and 3, learning rate 0.1)", course.update_parameters_test_case),
    Case("update_parameters", "three_layers", "[5, 4, 3, 2], learning rate 0.05", lambda: update_case(113, [5, 4, 3, 2], 0.05)),
)
