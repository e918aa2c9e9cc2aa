"""Does the logistic-regression reference keep the course's contracts and reproduce its published
numbers, and do the assignment's cases and checks test what the generic tests cannot?"""

import numpy as np
import pytest

import testCases.logistic_regression as tc
from dnn_utils.compare import compare
from grader.grading.assignments import load_spec
from grader.grading.cases import hidden_cases
from source_solutions import logistic_regression as ref
from testCases.checks import CheckFailed
from testCases.logistic_regression.cases import lattice_inputs, logistic_inputs

# The course prints 8 decimals, so a printed number is within half a unit of the 8th decimal.
PRINTED = (0.0, 5.0000001e-9)
SPEC = load_spec("logistic_regression")


def assert_printed(actual, expected, tolerance=PRINTED):
    differences = compare(np.asarray(actual, dtype=float), np.array(expected, dtype=float), tolerance=tolerance)
    assert not differences, [d.message for d in differences]


# ---------------------------------------------------------------------------------------------
# The course's published numbers (an oracle independent of our stored expected outputs)
# ---------------------------------------------------------------------------------------------


def test_the_course_fixtures_give_the_course_expected_outputs():
    assert_printed(ref.sigmoid(*tc.sigmoid_test_case()), [0.5, 0.88079708])
    grads, cost = ref.propagate(*tc.propagate_test_case())
    assert_printed(grads["dw"], [[0.99845601], [2.39507239]])
    assert_printed(grads["db"], 0.00145558)
    assert_printed(cost, 5.80154532)
    params, grads, costs = ref.optimize(*tc.optimize_test_case())
    assert_printed(params["w"], [[0.19033591], [0.12259159]])
    assert_printed(params["b"], 1.92535983)
    assert_printed(grads["dw"], [[0.67752042], [1.41625495]])
    assert_printed(grads["db"], 0.2191945)
    assert_printed(costs, [5.80154532])
    assert np.array_equal(ref.predict(*tc.predict_test_case()), [[1.0, 1.0, 0.0]])


def test_the_cat_model_reaches_the_course_accuracies_exactly(cat_data):
    """model(..., num_iterations=2000, learning_rate=0.005) on the cats: 99.04306220095694 % and 70.0 %."""
    train_x, train_y, test_x, test_y, _ = cat_data
    d = ref.model(train_x, train_y, test_x, test_y, num_iterations=2000, learning_rate=0.005)
    assert ref.accuracy(d["Y_prediction_train"], train_y) == 99.04306220095694
    assert ref.accuracy(d["Y_prediction_test"], test_y) == 70.0
    # The course prints the costs with 6 decimals.
    assert_printed(d["costs"][:3] + d["costs"][-2:], [0.693147, 0.584508, 0.466949, 0.146542, 0.140872],
                   tolerance=(0.0, 5.0000001e-7))
    assert len(d["costs"]) == 20 and d["num_iterations"] == 2000 and d["learning_rate"] == 0.005


# ---------------------------------------------------------------------------------------------
# The reference's contracts
# ---------------------------------------------------------------------------------------------


def test_initialize_with_zeros_gives_a_float_b_and_a_float_column_w():
    w, b = ref.initialize_with_zeros(5)
    assert type(b) is float and b == 0.0
    assert w.shape == (5, 1) and w.dtype == np.float64 and not w.any()


def test_sigmoid_works_on_numbers_and_arrays_of_any_shape():
    assert ref.sigmoid(0) == 0.5 and ref.sigmoid(0.0) == 0.5
    z = np.linspace(-5, 5, 24).reshape(2, 3, 4)
    s = ref.sigmoid(z)
    assert s.shape == z.shape and np.all((0 < s) & (s < 1))
    assert np.allclose(s + ref.sigmoid(-z), 1.0)


def test_propagate_gradients_agree_with_finite_differences():
    """An independent oracle: dw and db are the derivatives of the cost that propagate returns."""
    w, b, X, Y = logistic_inputs(11, 4, 7)
    grads, cost = ref.propagate(w, b, X, Y)
    assert cost.shape == () and isinstance(grads["db"], float)
    eps = 1e-6
    numeric_dw = np.zeros_like(w)
    for j in range(w.shape[0]):
        step = np.zeros_like(w)
        step[j] = eps
        numeric_dw[j] = (ref.propagate(w + step, b, X, Y)[1] - ref.propagate(w - step, b, X, Y)[1]) / (2 * eps)
    numeric_db = (ref.propagate(w, b + eps, X, Y)[1] - ref.propagate(w, b - eps, X, Y)[1]) / (2 * eps)
    assert np.allclose(grads["dw"], numeric_dw, rtol=1e-6, atol=1e-9)
    assert np.isclose(grads["db"], numeric_db, rtol=1e-6, atol=1e-9)


@pytest.mark.parametrize("iterations, recorded", [(1, 1), (100, 1), (101, 2), (250, 3), (301, 4)])
def test_optimize_records_one_cost_every_100_iterations_from_0(iterations, recorded):
    w, b, X, Y = logistic_inputs(12, 3, 6)
    pristine = w.copy()
    params, grads, costs = ref.optimize(w, b, X, Y, iterations, 0.1)
    assert len(costs) == recorded and all(type(c) is float for c in costs)
    assert costs[0] == float(ref.propagate(w, b, X, Y)[1])  # before the first update
    assert np.array_equal(w, pristine), "the caller's w is left alone"
    assert params["w"].shape == (3, 1) and np.ndim(params["b"]) == 0 and grads["dw"].shape == (3, 1)


def test_optimize_grads_are_those_of_the_last_iteration_before_its_update():
    w, b, X, Y = logistic_inputs(13, 3, 6)
    before_last, _, _ = ref.optimize(w, b, X, Y, 4, 0.1)
    _, grads, _ = ref.optimize(w, b, X, Y, 5, 0.1)
    expected, _ = ref.propagate(before_last["w"], before_last["b"], X, Y)
    assert compare(grads, expected, tolerance="exact") == []


def test_predict_returns_float_zeros_and_ones_and_exactly_one_half_is_zero():
    w, b = np.array([[1.0], [2.0]]), -3.0
    X = np.array([[1.0, 1.0, 1.0], [1.0, 1.5, 0.5]])  # w^T x + b = 0, 1, -1
    assert ref.sigmoid(np.dot(w.T, X[:, :1]) + b)[0, 0] == 0.5
    Y_prediction = ref.predict(w, b, X)
    assert Y_prediction.dtype == np.float64 and Y_prediction.shape == (1, 3)
    assert Y_prediction.tolist() == [[0.0, 1.0, 0.0]]


def test_model_uses_only_its_arguments():
    """Two data sets give two different models, each the pipeline of the graded functions on its own data."""
    for seed, (n_x, m_train, m_test) in ((21, (3, 12, 5)), (22, (6, 15, 4))):
        X_train, Y_train, X_test, Y_test = tc.cases.classification_data(seed, n_x, m_train, m_test)
        d = ref.model(X_train, Y_train, X_test, Y_test, 150, 0.2)
        params, _, costs = ref.optimize(*ref.initialize_with_zeros(n_x), X_train, Y_train, 150, 0.2)
        assert set(d) == {"costs", "Y_prediction_test", "Y_prediction_train", "w", "b", "learning_rate",
                          "num_iterations"}
        assert d["costs"] == costs and np.array_equal(d["w"], params["w"]) and d["b"] == params["b"]
        assert np.array_equal(d["Y_prediction_test"], ref.predict(params["w"], params["b"], X_test))
        assert d["Y_prediction_train"].shape == (1, m_train) and d["Y_prediction_test"].shape == (1, m_test)


# ---------------------------------------------------------------------------------------------
# The cases and the checks
# ---------------------------------------------------------------------------------------------


def test_boundary_cases_put_an_example_exactly_on_one_half():
    """The public boundary case and the lattice hidden cases have w^T x + b exactly 0 in column 0."""
    builds = [lattice_inputs(seed, n_x, m) for seed, n_x, m in ((307, 4, 7), (1, 1, 1), (2, 8, 9), (3, 5, 2))]
    for w, b, X in builds:
        assert (np.dot(w.T, X) + b)[0, 0] == 0.0
        assert ref.predict(w, b, X)[0, 0] == 0.0


def test_hidden_cases_are_small_enough_for_the_grader():
    """Every hidden case is small: the checks take well under a second, and a student's optimize, which
    calls the reference propagate once per iteration, stays far below the grader's 20,000 calls."""
    for seed in range(20):
        iterations = 0
        for case in hidden_cases(SPEC, "optimize", seed, 6):
            w, b, X, Y, num_iterations, learning_rate, print_cost = case.build()
            assert X.shape[0] <= 8 and X.shape[1] <= 9 and not print_cost
            iterations += num_iterations
        public = sum(case.build()[4] for case in tc.ASSIGNMENT.public_cases("optimize"))
        assert iterations + public <= 2500
        for case in hidden_cases(SPEC, "model", seed, 6):
            X_train, _, X_test, _, num_iterations, _, _ = case.build()
            assert X_train.shape[1] != X_test.shape[1] and num_iterations <= 250


def test_the_check_names_b_0_and_the_square_cost(capsys):
    """A check cell catches b = 0 (an int) and the (1, m) by (m, 1) broadcast, and names both mistakes."""

    def initialize_with_zeros(dim):
        return np.zeros((dim, 1)), 0

    def propagate(w, b, X, Y):
        m = X.shape[1]
        A = ref.sigmoid(np.dot(w.T, X) + b)
        cost = -np.sum(Y * np.log(A).T + (1 - Y) * np.log(1 - A).T) / m
        return {"dw": np.dot(X, (A - Y).T) / m, "db": np.sum(A - Y) / m}, cost

    with pytest.raises(CheckFailed):
        tc.check("initialize_with_zeros", initialize_with_zeros)
    report = capsys.readouterr().out
    assert "b is the int 0, expected a float" in report and "b = 0, an int" in report
    with pytest.raises(CheckFailed):
        tc.check("propagate", propagate)
    assert "an (m, m) matrix summed" in capsys.readouterr().out
    tc.check("initialize_with_zeros", ref.initialize_with_zeros)
    assert "All checks passed." in capsys.readouterr().out


def test_integer_predictions_pass_the_checks_of_predict_and_model(capsys):
    """0/1 labels of any dtype are right: predict returning ints, and a model that keeps them."""
    from source_solutions import logistic_regression as reference
    from testCases.logistic_regression import check

    def predict(w, b, X):
        return reference.predict(w, b, X).astype(int)

    def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5, print_cost=False):
        d = reference.model(X_train, Y_train, X_test, Y_test, num_iterations, learning_rate, print_cost)
        return {**d, "Y_prediction_test": d["Y_prediction_test"] > 0.5, "Y_prediction_train": d["Y_prediction_train"].astype(int)}

    check("predict", predict)
    check("model", model)
    assert capsys.readouterr().out.count("All checks passed.") == 2
