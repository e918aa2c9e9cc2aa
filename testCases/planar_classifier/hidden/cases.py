"""Random hidden cases of the planar classifier: fresh shapes and values drawn from the grader's
random state, so a grade can be reproduced from its seed. initialize_parameters' and nn_model's
cases also carry a global seed of their own (the third item), set right before the call."""

from dnn_utils.i18n import say

from ...assignment import count
from ..cases import (backward_inputs, classification_data, cost_inputs, forward_inputs, predict_inputs,
                     sizes_inputs, update_inputs)

MAX_UNITS = 7
MAX_EXAMPLES = 9


def draw(function, rng):
    """(about, build) or (about, build, seed) of one random case of ``function``; ``build()`` is deterministic."""
    seed = int(rng.randint(2**31 - 1))
    n_x, n_h, n_y = (int(v) for v in rng.randint(1, MAX_UNITS + 1, size=3))
    m = int(rng.randint(1, MAX_EXAMPLES + 1))
    shape = f"{count(n_x, 'input')}, {count(n_h, 'hidden unit')}, {count(m, 'example')}"
    match function:
        case "layer_sizes":
            return f"X ({n_x}, {m}), Y ({n_y}, {m})", lambda: sizes_inputs(seed, n_x, n_y, m)
        case "initialize_parameters":
            global_seed = int(rng.randint(1000))
            return (f"(n_x, n_h, n_y) = ({n_x}, {n_h}, {n_y}), {say('case.global_seed', seed=global_seed)}",
                    lambda: (n_x, n_h, n_y), global_seed)
        case "forward_propagation":
            return shape, lambda: forward_inputs(seed, n_x, n_h, m)
        case "compute_cost":
            return count(m, "example"), lambda: cost_inputs(seed, m)
        case "backward_propagation":
            return f"{shape}; {say('case.cache_not_tanh')}", lambda: backward_inputs(seed, n_x, n_h, m)
        case "update_parameters":
            rate = round(float(rng.uniform(0.01, 2.0)), 3)
            return (f"({n_x}, {n_h}, {n_y}), {say('case.learning_rate', rate=rate)}",
                    lambda: update_inputs(seed, n_x, n_h, n_y, rate))
        case "nn_model":
            examples, iterations = int(rng.randint(10, 41)), int(rng.randint(5, 41))
            n_x = min(n_x, 4)
            return (f"{count(n_x, 'input')}, {count(examples, 'example')}, {count(n_h, 'hidden unit')}, {count(iterations, 'iteration')}",
                    lambda: (*classification_data(seed, n_x, examples), n_h, iterations), int(rng.randint(1000)))
        case "predict":
            at_threshold = int(rng.randint(1, m + 1))  # at least one A2 exactly 0.5 in every case
            return (f"{shape}, {say('case.at_threshold', examples=count(at_threshold, 'example'))}",
                    lambda: predict_inputs(seed, n_x, n_h, m, at_threshold))
    raise ValueError(f"no hidden cases for {function!r}")
