"""The public cases of logistic regression: the course's fixture of each function, plus cases the
course lacks (several examples and features, exact zeros, the 0.5 threshold itself, training long
enough to record several costs), and the input builders that the hidden cases share.

Extra cases draw from their own ``np.random.RandomState(seed)``: they never touch the global RNG.
"""

import numpy as np

from ..assignment import Case, case_rng
from . import course


def logistic_inputs(seed, n_x, m, scale=1.0):
    """w: (n_x, 1), b a float, X: (n_x, m), Y: (1, m) float labels 0/1; ``scale`` shrinks w and b
    (0 gives the zero start, w = 0 and b = 0.0)."""
    rng = case_rng(seed)
    w = rng.randn(n_x, 1) * scale
    b = float(rng.randn()) * scale
    X = rng.randn(n_x, m)
    Y = (rng.rand(1, m) > 0.5).astype(float)
    return w, b, X, Y


def lattice_inputs(seed, n_x, m):
    """w: (n_x, 1) in halves, X: (n_x, m) small integers and b = -w^T x0: every w^T x + b is computed
    exactly, so column 0 lands exactly on 0, where sigmoid is exactly 0.5 (and other columns may too)."""
    rng = case_rng(seed)
    w = rng.randint(-4, 5, size=(n_x, 1)) / 2
    X = rng.randint(-3, 4, size=(n_x, m)).astype(float)
    b = -float(np.dot(w.T, X[:, :1])[0, 0])
    return w, b, X


def classification_data(seed, n_x, m_train, m_test):
    """X_train: (n_x, m_train), Y_train: (1, m_train), X_test, Y_test: a noisy linear rule."""
    rng = case_rng(seed)
    rule = rng.randn(n_x, 1)
    X = rng.randn(n_x, m_train + m_test)
    Y = (np.dot(rule.T, X) + 0.5 * rng.randn(1, m_train + m_test) > 0).astype(float)
    return X[:, :m_train], Y[:, :m_train], X[:, m_train:], Y[:, m_train:]


def _sigmoid_grid():
    return (np.array([[-6.0, -2.5, -1.0, 0.0], [0.5, 1.0, 3.0, 8.0]]),)


CASES = (
    Case("sigmoid", "course", "the course's z = np.array([0, 2]) (integers)", course.sigmoid_test_case),
    Case("sigmoid", "matrix", "a (2, 4) matrix from -6 to 8, zero included", _sigmoid_grid),
    Case("sigmoid", "column", "a (5, 1) column of random values", lambda: (case_rng(301).randn(5, 1) * 3,)),
    Case("sigmoid", "number", "a single number, -1.5", lambda: (-1.5,)),
    Case("initialize_with_zeros", "course", "the course's dim = 2", course.initialize_with_zeros_test_case),
    Case("initialize_with_zeros", "one", "dim = 1", lambda: (1,)),
    Case("initialize_with_zeros", "wider", "dim = 7", lambda: (7,)),
    Case("propagate", "course", "the course's fixture: 2 features, 3 examples, integer labels",
         course.propagate_test_case),
    Case("propagate", "several", "4 features, 6 examples", lambda: logistic_inputs(302, 4, 6)),
    Case("propagate", "zero_start", "w = 0 and b = 0.0: every A is 0.5", lambda: logistic_inputs(303, 3, 5, scale=0.0)),
    Case("propagate", "wide", "10 features, 8 examples", lambda: logistic_inputs(304, 10, 8, scale=0.3)),
    Case("optimize", "course", "the course's fixture: 100 iterations, learning rate 0.009",
         lambda: (*course.optimize_test_case(), False)),
    Case("optimize", "several_costs", "3 features, 8 examples, 301 iterations, learning rate 0.1 (4 costs)",
         lambda: (*logistic_inputs(305, 3, 8), 301, 0.1, False)),
    Case("optimize", "zero_start", "w = 0, b = 0.0, 5 features, 6 examples, 250 iterations, learning rate 0.05",
         lambda: (*logistic_inputs(306, 5, 6, scale=0.0), 250, 0.05, False)),
    Case("predict", "course", "the course's fixture: 2 features, 3 examples", course.predict_test_case),
    Case("predict", "boundary", "4 features, 7 examples, the first exactly on the boundary (A = 0.5)",
         lambda: lattice_inputs(307, 4, 7)),
    Case("predict", "wider", "6 features, 9 examples", lambda: logistic_inputs(308, 6, 9)[:3]),
    Case("model", "small", "4 features, 20 training and 8 test examples, 301 iterations, learning rate 0.1",
         lambda: (*classification_data(309, 4, 20, 8), 301, 0.1, False)),
    Case("model", "wider", "7 features, 15 training and 10 test examples, 201 iterations, learning rate 0.5",
         lambda: (*classification_data(310, 7, 15, 10), 201, 0.5, False)),
)
