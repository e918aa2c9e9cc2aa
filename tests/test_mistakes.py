"""Does the catalogue of common mistakes catch and name each mistake, and leave correct code alone?

Every mistake is a variant of the reference with one flaw switched on: with the flaw off it must
be the reference itself, and with it on it must be caught and named."""

import copy
from functools import lru_cache

import numpy as np
import pytest

from dnn_utils import plain
from dnn_utils.activations import relu, sigmoid
from dnn_utils.compare import compare, identical
from grader.grading.assignments import assignment_ids, load_spec
from grader.grading.cases import hidden_cases, reference_output
from grader.grading.diagnosis import diagnose, mistake_outcome, public_mistake_data, run_quietly
from testCases.assignment import Mistake
from testCases.checks import call_here, compare_outputs, evaluate_case

SPECS = {assignment: load_spec(assignment) for assignment in assignment_ids()}
FUNCTIONS = [(assignment, function) for assignment, spec in SPECS.items() for function in spec.functions]
ALL_MISTAKES = [(assignment, function, mistake) for assignment, function in FUNCTIONS
                for mistake in SPECS[assignment].mistakes.get(function, ())]
HIDDEN_SEED, HIDDEN_COUNT = 7, 3


def mistake_id(value):
    if isinstance(value, Mistake):
        return value.id
    return value


STEP = "dnn_step_by_step"  # the tests below that name a function name one of this assignment's


def catalogue(assignment, function):
    return SPECS[assignment].mistakes[function]


@lru_cache(maxsize=None)
def cases_of(assignment, function):
    """The public cases and three hidden ones (seed 7) of ``function``."""
    spec = SPECS[assignment]
    return tuple(spec.declaration.public_cases(function)) + tuple(hidden_cases(spec, function, HIDDEN_SEED, HIDDEN_COUNT))


def args_of(assignment, function):
    return [case.build() for case in cases_of(assignment, function)]


def seeds_of(assignment, function):
    return [case.seed for case in cases_of(assignment, function)]


@lru_cache(maxsize=None)
def reference_of(assignment, case):
    return reference_output(SPECS[assignment], case)


def outcomes(assignment, function, mistake):
    """The mistake's Outcome on every public and hidden case (memoised by the diagnosis)."""
    return [mistake_outcome(assignment, function, mistake, case.build(), case.seed) for case in cases_of(assignment, function)]


def verdicts(assignment, function, implementation, cases=None):
    """The CaseVerdicts of ``implementation`` run as a student's function, on every case."""
    declaration = SPECS[assignment].declaration
    with np.errstate(all="ignore"):
        return [evaluate_case(declaration, case, reference_of(assignment, case),
                              call_here(function, implementation, case.build(), case.seed))
                for case in (cases or cases_of(assignment, function))]


def named(assignment, function, implementation):
    return diagnose(SPECS[assignment], function, verdicts(assignment, function, implementation),
                    args_of(assignment, function), seeds_of(assignment, function))


# ---------------------------------------------------------------------------------------------
# The catalogue itself
# ---------------------------------------------------------------------------------------------


def test_every_graded_function_has_at_least_three_mistakes_with_unique_ids():
    """Does every graded function have three or more catalogued mistakes, with ids unique within it?"""
    for assignment, spec in SPECS.items():
        assert set(spec.mistakes) == set(spec.functions), assignment
        for function, mistakes in spec.mistakes.items():
            assert len(mistakes) >= 3, function
            ids = [mistake.id for mistake in mistakes]
            assert len(ids) == len(set(ids)), f"{function} has duplicate ids"
            for mistake in mistakes:
                assert isinstance(mistake, Mistake) and mistake.flaw, mistake.id
                assert mistake.id.replace("_", "").isalnum(), mistake.id
                assert mistake.title.strip() and mistake.hint.strip() and callable(mistake.implementation)


@pytest.mark.parametrize("assignment, function, mistake", ALL_MISTAKES, ids=mistake_id)
def test_every_mistake_with_its_flaw_off_is_exactly_the_reference(assignment, function, mistake):
    """Is each mistake defined relative to the reference: its variant with no flaw returns exactly
    what the reference returns, on every public and hidden case, and leaves the inputs alone?"""
    faithful = mistake.variant()
    for case in cases_of(assignment, function):
        outcome = run_quietly(faithful, case.build(), case.seed)
        assert not outcome.raised and not outcome.mutated, case.key
        assert identical(outcome.output, reference_of(assignment, case)), f"{mistake.id} without its flaw differs on {case.key}"


@pytest.mark.parametrize("assignment, function, mistake", ALL_MISTAKES, ids=mistake_id)
def test_every_mistake_is_caught_by_the_public_cases(assignment, function, mistake):
    """Does some public case FAIL for each mistake (different outputs, or inputs changed in place)?"""
    public = SPECS[assignment].declaration.public_cases(function)
    failures = [v.messages for v in verdicts(assignment, function, mistake.implementation, public) if not v.passed]
    assert failures, f"{mistake.id} passes every public case"
    if mistake.mutates_inputs:
        assert any("changed its input in place" in line for lines in failures for line in lines)


@pytest.mark.parametrize("assignment, function, mistake", ALL_MISTAKES, ids=mistake_id)
def test_mutates_inputs_flag_tells_the_truth(assignment, function, mistake):
    """Does a mistake change its inputs exactly when it is flagged mutates_inputs (outputs then right)?"""
    results = outcomes(assignment, function, mistake)
    declaration = SPECS[assignment].declaration
    if mistake.mutates_inputs:
        assert any(outcome.mutated for outcome in results)
        for case, outcome in zip(cases_of(assignment, function), results):
            assert not compare_outputs(declaration, function, outcome.output, reference_of(assignment, case)), case.key
    else:
        assert not any(outcome.mutated for outcome in results)


@pytest.mark.parametrize("assignment, function", FUNCTIONS)
def test_no_two_mistakes_of_a_function_look_the_same(assignment, function):
    """Can every pair of mistakes of a function be told apart on the public and hidden cases?"""
    mistakes = catalogue(assignment, function)
    declaration = SPECS[assignment].declaration
    results = {mistake.id: outcomes(assignment, function, mistake) for mistake in mistakes}

    def same(a, b):
        if a.raised or b.raised:
            return a.raised == b.raised
        return a.mutated == b.mutated and not compare_outputs(declaration, function, a.output, b.output)

    for i, first in enumerate(mistakes):
        for second in mistakes[i + 1:]:
            pairs = zip(results[first.id], results[second.id])
            assert not all(same(a, b) for a, b in pairs), f"{first.id} and {second.id} are indistinguishable"


# ---------------------------------------------------------------------------------------------
# Naming a mistake
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("assignment, function, mistake", ALL_MISTAKES, ids=mistake_id)
def test_every_mistake_is_named_first_from_what_it_does(assignment, function, mistake):
    """Run as a student's function on the public and hidden cases, is the mistake named first?"""
    found = named(assignment, function, mistake.implementation)
    assert found, f"{mistake.id} is not recognised"
    assert found[0].id == mistake.id, f"{mistake.id} named as {[m.id for m in found]}"


def test_a_mistake_that_only_shows_on_some_cases_is_preferred_to_one_that_shows_on_all():
    """When the student fails only the sigmoid cases with relu outputs, is "always relu" named before "swapped"?"""
    always_relu = next(m for m in catalogue(STEP, "linear_activation_forward") if m.id == "always_relu")
    assert [m.id for m in named(STEP, "linear_activation_forward", always_relu.implementation)] == [
        "always_relu", "activations_swapped"]


def test_diagnose_names_nothing_for_correct_or_crashing_code():
    """Does diagnose return nothing when the student passes every case, or only ever raised?"""
    assignment, function = STEP, "L_model_backward"

    def crashes(*args):
        raise ZeroDivisionError("no")

    assert named(assignment, function, SPECS[assignment].reference(function)) == []
    assert named(assignment, function, crashes) == []


def test_diagnose_touches_neither_the_arguments_nor_the_global_rng(capsys):
    """Does diagnose run the mistakes on copies, silently, restoring numpy's global random state?"""
    assignment, function = STEP, "update_parameters"
    spec = SPECS[assignment]
    args = args_of(assignment, function)
    pristine = copy.deepcopy(args)
    in_place = next(m for m in catalogue(assignment, function) if m.mutates_inputs)
    student = verdicts(assignment, function, in_place.implementation)
    np.random.seed(123)
    state = np.random.get_state()
    found = diagnose(spec, function, student, args)
    assert [m.id for m in found] == [in_place.id]
    for after, before in zip(args, pristine):
        assert not compare(list(after), list(before), tolerance="exact", check_dtype=False)
    after_state = np.random.get_state()
    assert np.array_equal(after_state[1], state[1]) and after_state[2:] == state[2:]

    application, model = "dnn_application", "two_layer_model"
    first_mistake = catalogue(application, model)[0]
    model_args = (*cases_of(application, model)[0].build()[:3], 0.1, 101, True)  # print_cost=True
    mistake_outcome(application, model, first_mistake, model_args)
    assert capsys.readouterr().out == ""


def test_a_failure_inside_diagnosis_is_logged_not_raised(caplog):
    """Does a broken diagnosis cost nothing (no mistake named) but leave an error with its traceback in the log?"""
    assignment, function = STEP, "compute_cost"
    with caplog.at_level("ERROR", logger="grader.grading.diagnosis"):
        assert diagnose(SPECS[assignment], function, [None], args_of(assignment, function)[:1]) == []
    [record] = caplog.records
    assert "diagnosis of compute_cost" in record.getMessage() and record.exc_info is not None
    caplog.clear()  # this error was wanted: the suite's guard against logged errors must not see it


# ---------------------------------------------------------------------------------------------
# Correct variants are not mistakes
# ---------------------------------------------------------------------------------------------


def linear_forward_with_matmul(A, W, b):
    return W @ A + b, (A, W, b)


def linear_backward_with_mean(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dW = 1 / m * (dZ @ A_prev.T)
    db = np.mean(dZ, axis=1, keepdims=True)
    return W.T @ dZ, dW, db


def linear_activation_backward_with_masks(dA, cache, activation):
    (A_prev, W, b), Z = cache
    if activation == "relu":
        dZ = dA * (Z > 0)
    else:
        s = 1 / (1 + np.exp(-Z))
        dZ = dA * s * (1 - s)
    m = A_prev.shape[1]
    return np.dot(W.T, dZ), np.dot(dZ, A_prev.T) / m, np.sum(dZ, axis=1, keepdims=True) / m


def compute_cost_sum_float(AL, Y):
    m = Y.shape[1]
    return float(-np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / m)


def compute_cost_dot_item(AL, Y):
    # float() of the (1, 1) dot product raises TypeError in NumPy 2.x; .item() takes its only entry.
    m = Y.shape[1]
    return (-(np.dot(Y, np.log(AL).T) + np.dot(1 - Y, np.log(1 - AL).T)) / m).item()


def compute_cost_dot_squeeze(AL, Y):
    m = Y.shape[1]
    return np.squeeze(-(1 / m) * (np.dot(Y, np.log(AL).T) + np.dot(1 - Y, np.log(1 - AL).T)))


def update_parameters_shallow_copy(parameters, grads, learning_rate):
    parameters = parameters.copy()
    for l in range(1, len(parameters) // 2 + 1):
        parameters["W" + str(l)] = parameters["W" + str(l)] - learning_rate * grads["dW" + str(l)]
        parameters["b" + str(l)] = parameters["b" + str(l)] - learning_rate * grads["db" + str(l)]
    return parameters


def update_parameters_deep_copy_in_place(parameters, grads, learning_rate):
    parameters = copy.deepcopy(parameters)
    for l in range(1, len(parameters) // 2 + 1):
        parameters[f"W{l}"] -= learning_rate * grads[f"dW{l}"]
        parameters[f"b{l}"] -= learning_rate * grads[f"db{l}"]
    return parameters


def L_model_forward_course_style(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L):
        Z = np.dot(parameters["W" + str(l)], A) + parameters["b" + str(l)]
        cache = ((A, parameters["W" + str(l)], parameters["b" + str(l)]), Z)
        A, _ = relu(Z)
        caches.append(cache)
    Z = np.dot(parameters["W" + str(L)], A) + parameters["b" + str(L)]
    AL, _ = sigmoid(Z)
    caches.append(((A, parameters["W" + str(L)], parameters["b" + str(L)]), Z))
    return AL, caches


def L_model_backward_course_loop(AL, Y, caches):
    layer_backward = SPECS[STEP].reference("linear_activation_backward")
    grads = {}
    L = len(caches)
    Y = Y.reshape(AL.shape)
    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = layer_backward(dAL, caches[L - 1], "sigmoid")
    for l in reversed(range(L - 1)):
        dA_prev, dW, db = layer_backward(grads["dA" + str(l + 1)], caches[l], "relu")
        grads["dA" + str(l)], grads["dW" + str(l + 1)], grads["db" + str(l + 1)] = dA_prev, dW, db
    return grads


CORRECT_VARIANTS = [
    ("linear_forward", linear_forward_with_matmul),
    ("linear_backward", linear_backward_with_mean),
    ("linear_activation_backward", linear_activation_backward_with_masks),
    ("compute_cost", compute_cost_sum_float),
    ("compute_cost", compute_cost_dot_item),
    ("compute_cost", compute_cost_dot_squeeze),
    ("update_parameters", update_parameters_shallow_copy),
    ("update_parameters", update_parameters_deep_copy_in_place),
    ("L_model_forward", L_model_forward_course_style),
    ("L_model_backward", L_model_backward_course_loop),
]


@pytest.mark.parametrize("function, variant", CORRECT_VARIANTS, ids=lambda v: getattr(v, "__name__", v))
def test_correct_variants_pass_and_are_not_diagnosed(function, variant):
    """Does a correct variant (np.dot vs @, np.mean, float(...), a copied dict, ...) pass and get no mistake name?"""
    assignment = STEP
    results = verdicts(assignment, function, variant)
    assert all(v.passed for v in results), [(v.name, v.messages) for v in results if not v.passed]
    assert named(assignment, function, variant) == []


# ---------------------------------------------------------------------------------------------
# The mistakes' outputs as data
# ---------------------------------------------------------------------------------------------


def _only_plain(value):
    if isinstance(value, dict):
        return all(isinstance(k, str) and _only_plain(v) for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return all(_only_plain(v) for v in value)
    return isinstance(value, (str, int, float, bool, np.ndarray, np.floating))  # int: b = 0, layer sizes


@pytest.mark.parametrize("assignment", list(SPECS))
def test_public_mistake_data_is_plain_data_that_round_trips(assignment, tmp_path):
    """Is public_mistake_data plain data (no code) that plain.save / load keeps, covering every mistake?"""
    spec = SPECS[assignment]
    data = public_mistake_data(spec)
    assert set(data) == set(spec.functions)
    assert _only_plain(data)
    plain.save(tmp_path / "mistakes.npz", data)
    restored = plain.load(tmp_path / "mistakes.npz")
    for function in spec.functions:
        mistakes = spec.mistakes[function]
        assert list(restored[function]) == [m.id for m in mistakes]
        public = spec.declaration.public_cases(function)
        for mistake in mistakes:
            entry = restored[function][mistake.id]
            assert entry["title"] == mistake.title and entry["hint"] == mistake.hint
            assert entry["mutates_inputs"] == mistake.mutates_inputs
            assert set(entry["outputs"]) <= {case.name for case in public} and entry["outputs"]
            for case in public:
                if case.name in entry["outputs"]:
                    expected = mistake_outcome(assignment, function, mistake, case.build(), case.seed).output
                    assert not compare_outputs(spec.declaration, function, entry["outputs"][case.name], expected)
