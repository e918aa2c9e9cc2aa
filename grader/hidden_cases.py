"""Randomised hidden cases: fresh shapes and values for every graded function, drawn from one
seed so that a grade can be reproduced. Never shipped to students."""

import numpy as np

from testCases.cases import (
    Case,
    case_rng,
    backward_inputs,
    classification_data,
    cost_inputs,
    forward_inputs,
    linear_inputs,
    model_backward_case,
    update_case,
)

MAX_UNITS = 7
MAX_EXAMPLES = 9


def _layer_dims(rng, min_layers=1, max_layers=5):
    return [int(n) for n in rng.randint(1, MAX_UNITS + 1, size=rng.randint(min_layers, max_layers + 1) + 1)]


def _draw(function, rng):
    """(about, build) of one random case of ``function``; build is deterministic."""
    seed = int(rng.randint(2**31 - 1))
    n_prev, n, m = (int(v) for v in rng.randint(1, MAX_UNITS + 1, size=3))
    m = int(rng.randint(1, MAX_EXAMPLES + 1))
    activation = str(rng.choice(["sigmoid", "relu"]))
    dims = _layer_dims(rng)
    match function:
        case "initialize_parameters":
            return f"({n_prev}, {n}, {m})", lambda: (n_prev, n, m)
        case "initialize_parameters_deep":
            return f"{dims}", lambda: (list(dims),)
        case "linear_forward":
            return f"{n} units, {n_prev} inputs, {m} examples", lambda: linear_inputs(seed, n_prev, n, m)
        case "linear_activation_forward":
            return f"{n} units, {n_prev} inputs, {m} examples, {activation}", lambda: (*linear_inputs(seed, n_prev, n, m), activation)
        case "L_model_forward":
            return f"layers {dims}, {m} examples", lambda: forward_inputs(seed, dims, m)
        case "compute_cost":
            return f"{m} examples", lambda: cost_inputs(seed, 1, m)
        case "linear_backward":
            return f"{n} units, {n_prev} inputs, {m} examples", lambda: backward_inputs(seed, n_prev, n, m)
        case "linear_activation_backward":
            return (f"{n} units, {n_prev} inputs, {m} examples, {activation}",
                    lambda: (*backward_inputs(seed, n_prev, n, m, with_activation_cache=True), activation))
        case "L_model_backward":
            return f"layers {dims}, {m} examples", lambda: model_backward_case(seed, dims, m)
        case "update_parameters":
            rate = round(float(rng.uniform(0.001, 0.5)), 4)
            return f"layers {dims}, learning rate {rate}", lambda: update_case(seed, dims, rate)
        case "two_layer_model":
            n_x, n_h = max(n_prev, 2), max(n, 2)
            iterations = int(rng.randint(101, 260))
            return (f"({n_x}, {n_h}, 1) on {m + 10} examples, {iterations} iterations",
                    lambda: (*classification_data(seed, n_x, m + 10), (n_x, n_h, 1), 0.05, iterations))
        case "L_layer_model":
            model_dims = [max(dims[0], 2), *dims[1:-1], 1]
            iterations = int(rng.randint(101, 260))
            return (f"{model_dims} on {m + 10} examples, {iterations} iterations",
                    lambda: (*classification_data(seed, model_dims[0], m + 10), model_dims, 0.05, iterations))
    raise ValueError(f"no hidden cases for {function!r}")


def hidden_cases(function, seed, count=4):
    """``count`` random cases of ``function`` drawn from ``seed``."""
    rng = case_rng(seed)  # used up before any case is built (builds re-seed it)
    cases = []
    for i in range(count):
        about, build = _draw(function, rng)
        cases.append(Case(function, f"hidden_{i + 1}", about, build))
    return cases
