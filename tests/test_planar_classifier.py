"""Does the planar classifier reproduce the course's published numbers, follow its data recipe, and
test what the generic tests cannot see (caches that are not self-consistent, several seeds, the
threshold, gradients against finite differences)?"""


import numpy as np
import pytest

import testCases.planar_classifier as tc
from dnn_utils.compare import compare
from dnn_utils.planar_data import load_extra_datasets, load_planar_dataset
from grader.grading.assignments import load_spec
from grader.grading.cases import hidden_cases
from source_solutions import planar_classifier as ref
from source_solutions.planar_classifier import nn_model, predict

SPEC = load_spec("planar_classifier")
MISTAKES = {function: {m.id: m.implementation for m in mistakes} for function, mistakes in SPEC.mistakes.items()}


@pytest.fixture(scope="module")
def flower():
    return load_planar_dataset()


def accuracy(parameters, X, Y):
    return float(np.mean(predict(parameters, X) == Y) * 100)


# ---------------------------------------------------------------------------------------------
# The course's published numbers
# ---------------------------------------------------------------------------------------------


def test_four_hidden_units_for_10000_iterations_give_90_75_percent(flower):
    X, Y = flower
    assert accuracy(nn_model(X, Y, 4, num_iterations=10000), X, Y) == 90.75


@pytest.mark.parametrize("n_h, expected", [(1, 67.5), (2, 67.25), (3, 90.75), (5, 91.25), (20, 91.0)])
def test_hidden_layer_sweep_of_5000_iterations(flower, n_h, expected):
    X, Y = flower
    assert accuracy(nn_model(X, Y, n_h, num_iterations=5000), X, Y) == expected


def test_dividing_by_m_instead_of_multiplying_by_one_over_m_moves_the_20_unit_result(flower, monkeypatch):
    """Why the reference writes (1 / m) * ...: the two round differently, and with / m the
    20-unit network ends one point (0.25 %) away from the course's 91 %."""
    X, Y = flower

    def divided_by_m(parameters, cache, X, Y):
        m = X.shape[1]
        dZ2 = cache["A2"] - Y
        dZ1 = np.dot(parameters["W2"].T, dZ2) * (1 - np.power(cache["A1"], 2))
        return {"dW1": np.dot(dZ1, X.T) / m, "db1": np.sum(dZ1, axis=1, keepdims=True) / m,
                "dW2": np.dot(dZ2, cache["A1"].T) / m, "db2": np.sum(dZ2, axis=1, keepdims=True) / m}

    monkeypatch.setattr(ref, "backward_propagation", divided_by_m)
    assert accuracy(ref.nn_model(X, Y, 20, num_iterations=5000), X, Y) == 90.75


def test_initialize_parameters_after_seed_2_gives_the_course_weights():
    np.random.seed(tc.INITIALIZE_SEED)
    parameters = ref.initialize_parameters(*tc.initialize_parameters_test_case())
    printed = (0.0, 5.0000001e-9)  # the course prints 8 decimals
    assert not compare(parameters["W1"], np.array([[-0.00416758, -0.00056267], [-0.02136196, 0.01640271],
                                                   [-0.01793436, -0.00841747], [0.00502881, -0.01245288]]),
                       tolerance=printed)
    assert not compare(parameters["W2"], np.array([[-0.01057952, -0.00909008, 0.00551454, 0.02292208]]),
                       tolerance=printed)
    assert not parameters["b1"].any() and parameters["b1"].shape == (4, 1) and parameters["b2"].shape == (1, 1)


# ---------------------------------------------------------------------------------------------
# The linear baseline: the series' own logistic regression
# ---------------------------------------------------------------------------------------------


def test_logistic_regression_baseline_gets_47_percent(flower):
    from planar_utils import logistic_regression_model, logistic_regression_predict

    X, Y = flower
    trained = logistic_regression_model(X, Y, X, Y, num_iterations=2000, learning_rate=0.5)
    predictions = logistic_regression_predict(trained["w"], trained["b"], X)
    assert np.mean(predictions == Y) * 100 == pytest.approx(47.0)


# ---------------------------------------------------------------------------------------------
# The data
# ---------------------------------------------------------------------------------------------


def test_flower_follows_the_recipe_of_the_issue(flower):
    """An independent rebuild: per class 200 angles, then 200 radii, drawn after np.random.seed(1)."""
    X, Y = flower
    np.random.seed(1)
    points, labels = [], []
    for j in (0, 1):
        t = np.linspace(3.12 * j, 3.12 * (j + 1), 200) + 0.2 * np.random.randn(200)
        r = 4 * np.sin(4 * t) + 0.2 * np.random.randn(200)
        points.append(np.c_[r * np.sin(t), r * np.cos(t)])
        labels += [j] * 200
    assert X.shape == (2, 400) and Y.shape == (1, 400) and X.dtype == np.float64
    assert np.array_equal(X, np.concatenate(points).T)
    assert np.array_equal(Y[0], labels) and Y.sum() == 200


def test_reference_module_reexports_the_flower():
    from source_solutions.planar_classifier import load_planar_dataset as reexported

    assert reexported is load_planar_dataset


def test_extra_data_sets_are_2d_binary_deterministic_and_leave_the_global_rng_alone():
    np.random.seed(123)
    state = np.random.get_state()[1].copy()
    first, second = load_extra_datasets(), load_extra_datasets()
    assert np.array_equal(np.random.get_state()[1], state)
    assert set(first) == {"noisy_circles", "noisy_moons", "blobs", "gaussian_quantiles"}
    for name, (X, Y) in first.items():
        assert X.shape == (2, 200) and Y.shape == (1, 200), name
        assert set(np.unique(Y)) == {0, 1} and 60 <= Y.sum() <= 140, name
        assert np.array_equal(X, second[name][0]) and np.array_equal(Y, second[name][1]), name


def test_gaussian_quantiles_put_the_far_half_in_class_1():
    X, Y = load_extra_datasets()["gaussian_quantiles"]
    distance = np.sum(X**2, axis=0)
    assert Y.sum() == 100 and distance[Y[0] == 1].min() > distance[Y[0] == 0].max()


# ---------------------------------------------------------------------------------------------
# The cases: what the checks must catch
# ---------------------------------------------------------------------------------------------


def backward_cases():
    return [case.build() for case in tc.ASSIGNMENT.public_cases("backward_propagation")] + [
        case.build() for case in hidden_cases(SPEC, "backward_propagation", 11, 6)]


def test_backward_caches_are_not_self_consistent():
    """A1 != tanh(Z1) in every public and hidden backward case, so tanh'(Z1) from Z1 is caught."""
    for _, cache, _, _ in backward_cases():
        assert not np.allclose(cache["A1"], np.tanh(cache["Z1"]))


def test_tanh_derivative_from_Z1_fails_every_backward_case():
    wrong = MISTAKES["backward_propagation"]["tanh_derivative_from_Z1"]
    for args in backward_cases():
        assert compare(wrong(*args)["dW1"], ref.backward_propagation(*args)["dW1"])


def test_backward_propagation_agrees_with_finite_differences():
    """An oracle independent of the reference's formulas: the cost's numerical derivatives."""
    rng = np.random.RandomState(5)
    X, Y = rng.randn(3, 7), (rng.rand(1, 7) > 0.5).astype(float)
    parameters = {"W1": rng.randn(5, 3), "b1": rng.randn(5, 1), "W2": rng.randn(1, 5), "b2": rng.randn(1, 1)}
    A2, cache = ref.forward_propagation(X, parameters)
    grads = ref.backward_propagation(parameters, cache, X, Y)
    epsilon = 1e-6
    for key, value in parameters.items():
        numeric = np.zeros_like(value)
        for index in np.ndindex(value.shape):
            shifted = {k: v.copy() for k, v in parameters.items()}
            shifted[key][index] += epsilon
            plus = ref.compute_cost(ref.forward_propagation(X, shifted)[0], Y)
            shifted[key][index] -= 2 * epsilon
            minus = ref.compute_cost(ref.forward_propagation(X, shifted)[0], Y)
            numeric[index] = (plus - minus) / (2 * epsilon)
        assert np.allclose(grads["d" + key], numeric, rtol=1e-5, atol=1e-8), key


def test_initialize_parameters_cases_use_several_seeds_so_a_seed_inside_fails():
    public = [case.seed for case in tc.ASSIGNMENT.public_cases("initialize_parameters")]
    hidden = [case.seed for case in hidden_cases(SPEC, "initialize_parameters", 11, 6)]
    assert None not in public + hidden and len(set(public)) >= 3 and len(set(hidden)) >= 2
    for seed_inside in range(5):
        def initialize_with_seed(n_x, n_h, n_y, seed_inside=seed_inside):
            np.random.seed(seed_inside)
            return ref.initialize_parameters(n_x, n_h, n_y)

        failed = 0
        for case in tc.ASSIGNMENT.public_cases("initialize_parameters"):
            np.random.seed(case.seed)
            expected = ref.initialize_parameters(*case.build())
            np.random.seed(case.seed)
            failed += bool(compare(initialize_with_seed(*case.build()), expected))
        assert failed >= 2, seed_inside


def test_predict_cases_include_outputs_exactly_at_the_threshold():
    parameters, X = tc.ASSIGNMENT.public_cases("predict")[1].build()
    A2, _ = ref.forward_propagation(X, parameters)
    assert np.sum(A2 == 0.5) == 3 and np.sum(A2 != 0.5) == 5
    assert not ref.predict(parameters, X)[0, :3].any()
    inclusive = MISTAKES["predict"]["inclusive_threshold"]
    assert np.array_equal(inclusive(parameters, X)[0, :3], [1.0, 1.0, 1.0])


def test_update_parameters_defaults_to_1_2_and_leaves_the_caller_alone():
    parameters, grads = tc.update_parameters_test_case()
    before = {k: v.copy() for k, v in parameters.items()}
    updated = ref.update_parameters(parameters, grads)
    assert np.array_equal(updated["W1"], before["W1"] - 1.2 * grads["dW1"])
    assert all(np.array_equal(parameters[k], before[k]) for k in before)


def test_nn_model_ignores_the_callers_seed_and_uses_its_arguments():
    """nn_model seeds with 3 itself; the global flower must not leak into training on other data."""
    X, Y = tc.cases.classification_data(9, 3, 20)
    np.random.seed(0)
    first = nn_model(X, Y, 3, num_iterations=20)
    np.random.seed(99)
    second = nn_model(X, Y, 3, num_iterations=20)
    assert not compare(first, second, tolerance="exact")
    assert first["W1"].shape == (3, 3) and first["W2"].shape == (1, 3)
    global_data = MISTAKES["nn_model"]["global_data"]
    assert global_data(X, Y, 3, num_iterations=20)["W1"].shape == (3, 2)


def test_nn_model_prints_the_cost_every_1000_iterations(capsys, flower):
    X, Y = flower
    nn_model(X, Y, 4, num_iterations=2001, print_cost=True)
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(":")[0] for line in lines] == [f"Cost after iteration {i}" for i in (0, 1000, 2000)]
    assert lines[0] == "Cost after iteration 0: 0.693162"


# ---------------------------------------------------------------------------------------------
# The decision-boundary plot
# ---------------------------------------------------------------------------------------------


def test_decision_boundary_asks_the_model_about_a_grid_of_2d_points(flower):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from dnn_utils.plots import plot_decision_boundary

    X, Y = flower
    shapes = []

    def above_the_diagonal(points):
        shapes.append(points.shape)
        return (points[1] > points[0]).astype(float)  # a rank-1 answer is accepted too

    axes = plot_decision_boundary(above_the_diagonal, X, Y, title="diagonal", resolution=0.1)
    assert len(shapes) == 1 and shapes[0][0] == 2 and shapes[0][1] > 1000
    assert axes.get_title() == "diagonal" and axes.collections
    plt.close(axes.figure)


def test_an_nn_model_of_the_older_course_calling_compute_cost_with_parameters_works_with_the_reference():
    """Older versions of the course called compute_cost(A2, Y, parameters); the reference that
    stands in for compute_cost when nn_model is graded accepts that call."""
    X, Y = load_planar_dataset()
    parameters = ref.initialize_parameters(2, 4, 1)
    A2, _ = ref.forward_propagation(X, parameters)
    assert ref.compute_cost(A2, Y, parameters) == ref.compute_cost(A2, Y)


def test_the_courses_boolean_predictions_pass_the_check(capsys):
    """The course's own predict returns A2 > 0.5, booleans: 0/1 labels are compared by value."""
    def predict(parameters, X):
        A2, _ = ref.forward_propagation(X, parameters)
        return A2 > 0.5

    tc.check("predict", predict)
    assert "All checks passed." in capsys.readouterr().out
