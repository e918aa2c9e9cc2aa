"""Random hidden cases of the step-by-step functions: fresh shapes and values drawn from the
grader's random state, so a grade can be reproduced from its seed."""

from dnn_utils.i18n import say

from ...assignment import count
from ..cases import backward_inputs, cost_inputs, forward_inputs, linear_inputs, model_backward_case, update_case

MAX_UNITS = 7
MAX_EXAMPLES = 9


def _layer_dims(rng, min_layers=1, max_layers=5):
    return [int(n) for n in rng.randint(1, MAX_UNITS + 1, size=rng.randint(min_layers, max_layers + 1) + 1)]


def draw(function, rng):
    """(about, build) of one random case of ``function``; ``build()`` is deterministic."""
    seed = int(rng.randint(2**31 - 1))
    n_prev, n, m = (int(v) for v in rng.randint(1, MAX_UNITS + 1, size=3))
    m = int(rng.randint(1, MAX_EXAMPLES + 1))
    activation = str(rng.choice(["sigmoid", "relu"]))
    dims = _layer_dims(rng)
    shape = f"{count(n, 'unit')}, {count(n_prev, 'input')}, {count(m, 'example')}"
    match function:
        case "initialize_parameters":
            return f"(n_x, n_h, n_y) = ({n_prev}, {n}, {m})", lambda: (n_prev, n, m)
        case "initialize_parameters_deep":
            return f"{dims}", lambda: (list(dims),)
        case "linear_forward":
            return shape, lambda: linear_inputs(seed, n_prev, n, m)
        case "linear_activation_forward":
            return (f"{shape}, {activation}",
                    lambda: (*linear_inputs(seed, n_prev, n, m), activation))
        case "L_model_forward":  # one sigmoid output unit, as the course's contract says
            dims[-1] = 1
            return f"{say('case.layers', dims=dims)}, {count(m, 'example')}", lambda: forward_inputs(seed, dims, m)
        case "compute_cost":
            return count(m, "example"), lambda: cost_inputs(seed, 1, m)
        case "linear_backward":
            return shape, lambda: backward_inputs(seed, n_prev, n, m)
        case "linear_activation_backward":
            return (f"{shape}, {activation}",
                    lambda: (*backward_inputs(seed, n_prev, n, m, with_activation_cache=True, zeros=True), activation))
        case "L_model_backward":
            dims[-1] = 1
            return (f"{say('case.layers', dims=dims)}, {count(m, 'example')}",
                    lambda: model_backward_case(seed, dims, m, zeros=True))
        case "update_parameters":
            rate = round(float(rng.uniform(0.001, 0.5)), 4)
            return (f"{say('case.layers', dims=dims)}, {say('case.learning_rate', rate=rate)}",
                    lambda: update_case(seed, dims, rate))
    raise ValueError(f"no hidden cases for {function!r}")
