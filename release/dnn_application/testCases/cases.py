"""Every public case of every graded function: the course's fixture plus our extra cases.

A Case builds the positional arguments of one call. Extra cases draw from their own
``np.random.RandomState(seed)`` so they never disturb (or depend on) the global RNG that the
course's functions seed. Nothing here imports the reference solutions: the student release
ships this module.
"""

import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable

import numpy as np

from dnn_utils.activations import sigmoid
from dnn_utils.plain import load

from . import course

EXPECTED_DIR = Path(__file__).resolve().parent / "expected"


# The course's fixtures and functions seed numpy's global RNG, so in a threaded program (the
# grader) every use of it must take turns: building a case, running the reference or a mistake.
GLOBAL_RNG_LOCK = threading.RLock()


@dataclass(frozen=True)
class Case:
    """One call of a graded function: ``build()`` returns its positional arguments."""

    function: str
    name: str
    about: str
    builder: Callable[[], tuple]

    @property
    def key(self):
        return f"{self.function}/{self.name}"

    def build(self):
        with GLOBAL_RNG_LOCK:
            return self.builder()


_THREAD = threading.local()


def case_rng(seed):
    """numpy's legacy RandomState seeded with ``seed``: this thread's one instance, re-seeded
    (making a new RandomState costs a hundred times more than re-seeding one)."""
    rng = getattr(_THREAD, "rng", None)
    if rng is None:
        rng = _THREAD.rng = np.random.RandomState()
    rng.seed(seed)
    return rng


def random_parameters(rng, layer_dims):
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters[f"W{l}"] = rng.randn(layer_dims[l], layer_dims[l - 1])
        parameters[f"b{l}"] = rng.randn(layer_dims[l], 1)
    return parameters


def layer_cache(rng, n_prev, n, m, relu_input=False):
    """((A_prev, W, b), Z) with A_prev >= 0 when it comes out of a ReLU layer."""
    A_prev = rng.randn(n_prev, m)
    if relu_input:
        A_prev = np.maximum(0, A_prev)
    return (A_prev, rng.randn(n, n_prev), rng.randn(n, 1)), rng.randn(n, m)


def model_backward_case(seed, layer_dims, m):
    """AL a real probability (a sigmoid output), Y of 0/1 labels, caches of an L-layer network."""
    rng = case_rng(seed)
    n_L = layer_dims[-1]
    AL, _ = sigmoid(rng.randn(n_L, m))
    Y = (rng.rand(n_L, m) > 0.5).astype(float)
    caches = [
        layer_cache(rng, layer_dims[l - 1], layer_dims[l], m, relu_input=l > 1)
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


def backward_inputs(seed, n_prev, n, m, with_activation_cache=False):
    """dZ (or dA): (n, m) and the linear cache (A_prev, W, b), or the layer cache ((A_prev, W, b), Z)."""
    rng = case_rng(seed)
    upstream = rng.randn(n, m)
    if with_activation_cache:
        return upstream, layer_cache(rng, n_prev, n, m)
    return upstream, (rng.randn(n_prev, m), rng.randn(n, n_prev), rng.randn(n, 1))


def update_case(seed, layer_dims, learning_rate):
    rng = case_rng(seed)
    parameters = random_parameters(rng, layer_dims)
    grads = {f"d{key}": rng.randn(*value.shape) for key, value in parameters.items()}
    return parameters, grads, learning_rate


def classification_data(seed, n_x, m):
    """A small learnable problem: X (n_x, m), Y (1, m) from a hidden linear rule."""
    rng = case_rng(seed)
    X = rng.randn(n_x, m)
    Y = (rng.randn(1, n_x) @ X > 0).astype(float)
    return X, Y


STEP_BY_STEP = [
    Case("initialize_parameters", "course", "the course's (3, 2, 1)", course.initialize_parameters_test_case),
    Case("initialize_parameters", "wider", "(5, 4, 3): several output units", lambda: (5, 4, 3)),
    Case("initialize_parameters_deep", "course", "the course's [5, 4, 3]", lambda: (course.initialize_parameters_deep_test_case(),)),
    Case("initialize_parameters_deep", "deeper", "[6, 5, 4, 3, 2]: four layers", lambda: ([6, 5, 4, 3, 2],)),
    Case("initialize_parameters_deep", "one_layer", "[3, 1]: a single layer", lambda: ([3, 1],)),
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
    Case("L_model_forward", "deeper", "[6, 5, 4, 3, 2]: 4 layers, 2 output units, 7 examples",
         lambda: forward_inputs(104, [6, 5, 4, 3, 2], 7)),
    Case("L_model_forward", "one_layer", "[4, 1]: only the sigmoid layer",
         lambda: forward_inputs(105, [4, 1], 3)),
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
    Case("linear_activation_backward", "several_units_relu", "4 units, 3 inputs, 5 examples, relu",
         lambda: (*backward_inputs(108, 3, 4, 5, with_activation_cache=True), "relu")),
    Case("linear_activation_backward", "several_units_sigmoid", "4 units, 3 inputs, 5 examples, sigmoid",
         lambda: (*backward_inputs(109, 3, 4, 5, with_activation_cache=True), "sigmoid")),
    Case("L_model_backward", "course", "the course's fixture (seed 3; its AL is not a probability)", course.L_model_backward_test_case),
    Case("L_model_backward", "probabilities", "[5, 4, 3, 1], AL a real probability, 6 examples",
         lambda: model_backward_case(110, [5, 4, 3, 1], 6)),
    Case("L_model_backward", "one_layer", "[3, 1]: only the sigmoid layer", lambda: model_backward_case(111, [3, 1], 4)),
    Case("L_model_backward", "two_outputs", "[4, 3, 2]: 2 output units", lambda: model_backward_case(112, [4, 3, 2], 5)),
    Case("update_parameters", "course", "the course's fixture (seeds 2 and 3, learning rate 0.1)", course.update_parameters_test_case),
    Case("update_parameters", "three_layers", "[5, 4, 3, 2], learning rate 0.05", lambda: update_case(113, [5, 4, 3, 2], 0.05)),
]

APPLICATION = [
    Case("two_layer_model", "small", "(6, 4, 1) on 20 synthetic examples, 201 iterations, learning rate 0.1",
         lambda: (*classification_data(201, 6, 20), (6, 4, 1), 0.1, 201)),
    Case("two_layer_model", "wide", "(10, 8, 1) on 30 synthetic examples, 301 iterations, learning rate 0.05",
         lambda: (*classification_data(202, 10, 30), (10, 8, 1), 0.05, 301)),
    Case("L_layer_model", "small", "[6, 5, 3, 1] on 20 synthetic examples, 201 iterations, learning rate 0.1",
         lambda: (*classification_data(203, 6, 20), [6, 5, 3, 1], 0.1, 201)),
    Case("L_layer_model", "two_layers", "[10, 4, 1] on 30 synthetic examples, 301 iterations, learning rate 0.05",
         lambda: (*classification_data(204, 10, 30), [10, 4, 1], 0.05, 301)),
]

# What each graded function returns, named in the course's notation (a tuple for several outputs).
OUTPUTS = {
    "initialize_parameters": "parameters",
    "initialize_parameters_deep": "parameters",
    "linear_forward": ("Z", "cache"),
    "linear_activation_forward": ("A", "cache"),
    "L_model_forward": ("AL", "caches"),
    "compute_cost": "cost",
    "linear_backward": ("dA_prev", "dW", "db"),
    "linear_activation_backward": ("dA_prev", "dW", "db"),
    "L_model_backward": "grads",
    "update_parameters": "parameters",
    "two_layer_model": ("parameters", "costs"),
    "L_layer_model": ("parameters", "costs"),
}

ASSIGNMENTS = {"dnn_step_by_step": STEP_BY_STEP, "dnn_application": APPLICATION}
CASES = {}
for _cases in ASSIGNMENTS.values():
    for _case in _cases:
        CASES.setdefault(_case.function, []).append(_case)


def assignment_of(function):
    return next(name for name, cases in ASSIGNMENTS.items() if any(c.function == function for c in cases))


@lru_cache(maxsize=None)
def known_mistakes(assignment):
    """{function: {mistake id: {"title", "hint", "mutates_inputs", "outputs": {case name: output}}}}:
    what catalogued mistakes return on the public cases (data only, no code). Empty if absent."""
    path = EXPECTED_DIR / f"mistakes_{assignment}.npz"
    return load(path) if path.exists() else {}


@lru_cache(maxsize=None)
def expected_outputs(assignment):
    """{case key: expected output} as generated by ``python -m testCases.generate``."""
    path = EXPECTED_DIR / f"{assignment}.npz"
    if not path.exists():
        raise FileNotFoundError(f"{path} is missing: run `python -m testCases.generate`.")
    return load(path)
