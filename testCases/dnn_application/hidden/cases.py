"""Random hidden cases of the application's models: small synthetic problems of random shapes,
drawn from the grader's random state, so a grade can be reproduced from its seed."""

from dnn_utils.i18n import say

from ...assignment import count
from ..cases import classification_data

MAX_UNITS = 7
MAX_EXAMPLES = 9


def draw(function, rng):
    """(about, build) of one random case of ``function``; ``build()`` is deterministic."""
    seed = int(rng.randint(2**31 - 1))
    n_prev, n, m = (int(v) for v in rng.randint(1, MAX_UNITS + 1, size=3))
    m = int(rng.randint(1, MAX_EXAMPLES + 1))
    rng.choice(["sigmoid", "relu"])  # drawn as in the step-by-step generator: the recorded seeds keep their cases
    dims = [int(v) for v in rng.randint(1, MAX_UNITS + 1, size=rng.randint(1, 6) + 1)]
    match function:
        case "two_layer_model":
            n_x, n_h = max(n_prev, 2), max(n, 2)
            iterations = int(rng.randint(101, 260))
            return (f"{say('case.on_examples', model=(n_x, n_h, 1), examples=count(m + 10, 'example'))}, "
                    f"{count(iterations, 'iteration')}",
                    lambda: (*classification_data(seed, n_x, m + 10), (n_x, n_h, 1), 0.05, iterations))
        case "L_layer_model":
            model_dims = [max(dims[0], 2), *dims[1:-1], 1]
            iterations = int(rng.randint(101, 260))
            return (f"{say('case.on_examples', model=model_dims, examples=count(m + 10, 'example'))}, "
                    f"{count(iterations, 'iteration')}",
                    lambda: (*classification_data(seed, model_dims[0], m + 10), model_dims, 0.05, iterations))
    raise ValueError(f"no hidden cases for {function!r}")
