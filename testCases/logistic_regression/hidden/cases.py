"""Random hidden cases of logistic regression: fresh shapes and values drawn from the grader's
random state, so a grade can be reproduced from its seed. Every build is small and deterministic."""

from dnn_utils.i18n import say

from ...assignment import case_rng, count
from ..cases import classification_data, lattice_inputs, logistic_inputs

MAX_FEATURES = 8
MAX_EXAMPLES = 9


def _z(seed, shape):
    return (case_rng(seed).randn(*shape) * 4,)


def draw(function, rng):
    """(about, build) of one random case of ``function``; ``build()`` is deterministic."""
    seed = int(rng.randint(2**31 - 1))
    n_x = int(rng.randint(1, MAX_FEATURES + 1))
    m = int(rng.randint(1, MAX_EXAMPLES + 1))
    size = f"{count(n_x, 'feature')}, {count(m, 'example')}"
    match function:
        case "sigmoid":
            shape = (n_x, m)
            return say("case.array", shape=shape), lambda: _z(seed, shape)
        case "initialize_with_zeros":
            dim = int(rng.randint(1, 40))
            return f"dim = {dim}", lambda: (dim,)
        case "propagate":
            return size, lambda: logistic_inputs(seed, n_x, m)
        case "optimize":
            iterations = int(rng.randint(1, 251))
            rate = round(float(rng.uniform(0.005, 0.5)), 4)
            return (f"{size}, {count(iterations, 'iteration')}, {say('case.learning_rate', rate=rate)}",
                    lambda: (*logistic_inputs(seed, n_x, m), iterations, rate, False))
        case "predict":
            if rng.rand() < 0.5:
                return f"{size}, {say('case.first_on_boundary')}", lambda: lattice_inputs(seed, n_x, m)
            return size, lambda: logistic_inputs(seed, n_x, m)[:3]
        case "model":
            m_train, m_test = m + 10, int(rng.randint(2, MAX_EXAMPLES + 1))
            iterations = int(rng.randint(101, 251))
            rate = round(float(rng.uniform(0.01, 0.5)), 4)
            return (f"{count(n_x, 'feature')}, {say('case.train_and_test', train=m_train, test=m_test)}, "
                    f"{count(iterations, 'iteration')}, {say('case.learning_rate', rate=rate)}",
                    lambda: (*classification_data(seed, n_x, m_train, m_test), iterations, rate, False))
    raise ValueError(f"no hidden cases for {function!r}")
