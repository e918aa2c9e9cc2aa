"""Does the catalog of common mistakes catch and name each mistake, and leave correct code alone?"""

import copy
from functools import lru_cache

import numpy as np
import pytest

from dnn_utils import plain
from dnn_utils.activations import relu, sigmoid
from dnn_utils.checks import PASS, compare_outputs, run_case
from dnn_utils.compare import compare
from grader.hidden_cases import hidden_cases
from grader.mistakes import (
    CATALOG,
    Mistake,
    diagnose,
    mistake_outcome,
    mistake_outputs,
    public_mistake_data,
    run_quietly,
)
from grader.reference import reference_function, reference_output
from testCases.cases import ASSIGNMENTS, CASES

FUNCTIONS = list(CASES)
ALL_MISTAKES = [mistake for function in FUNCTIONS for mistake in CATALOG.get(function, [])]
HIDDEN_SEED, HIDDEN_COUNT = 7, 3


def mistake_id(mistake):
    return f"{mistake.function}:{mistake.id}"


@lru_cache(maxsize=None)
def cases_of(function):
    """The public cases and three hidden ones (seed 7) of ``function``."""
    return tuple(CASES[function]) + tuple(hidden_cases(function, seed=HIDDEN_SEED, count=HIDDEN_COUNT))


def args_of(function):
    return [case.build() for case in cases_of(function)]


@lru_cache(maxsize=None)
def reference_of(case):
    return reference_output(case)


def outcomes(mistake):
    """The mistake's Outcome on every public and hidden case (memoised by grader.mistakes)."""
    return [mistake_outcome(mistake, args) for args in args_of(mistake.function)]


# ---------------------------------------------------------------------------------------------
# The catalog itself
# ---------------------------------------------------------------------------------------------


def test_every_graded_function_has_at_least_three_mistakes_with_unique_ids():
    """Does every graded function have three or more catalogued mistakes, with ids unique within it?"""
    assert set(CATALOG) == set(CASES)
    for function, mistakes in CATALOG.items():
        assert len(mistakes) >= 3, function
        ids = [mistake.id for mistake in mistakes]
        assert len(ids) == len(set(ids)), f"{function} has duplicate ids"
        for mistake in mistakes:
            assert isinstance(mistake, Mistake) and mistake.function == function
            assert mistake.id.replace("_", "").isalnum(), mistake.id
            assert mistake.title.strip() and mistake.hint.strip() and callable(mistake.implementation)


@pytest.mark.parametrize("mistake", ALL_MISTAKES, ids=mistake_id)
def test_every_mistake_is_caught_by_the_public_cases(mistake):
    """Does some public case FAIL for each mistake (different outputs, or inputs changed in place)?"""
    statuses = [run_case(mistake.function, mistake.implementation, case, reference_of(case))
                for case in CASES[mistake.function]]
    failures = [report.lines for report in statuses if report.status != PASS]
    assert failures, f"{mistake_id(mistake)} passes every public case"
    if mistake.mutates_inputs:
        assert any("changed its input in place" in line for lines in failures for line in lines)


@pytest.mark.parametrize("mistake", ALL_MISTAKES, ids=mistake_id)
def test_mutates_inputs_flag_tells_the_truth(mistake):
    """Does a mistake change its inputs exactly when it is flagged mutates_inputs (outputs then right)?"""
    results = outcomes(mistake)
    if mistake.mutates_inputs:
        assert any(outcome.mutated for outcome in results)
        for case, outcome in zip(cases_of(mistake.function), results):
            assert not compare_outputs(mistake.function, outcome.output, reference_of(case)), case.key
    else:
        assert not any(outcome.mutated for outcome in results)


@pytest.mark.parametrize("function", FUNCTIONS)
def test_no_two_mistakes_of_a_function_look_the_same(function):
    """Can every pair of mistakes of a function be told apart on the public and hidden cases?"""
    mistakes = CATALOG[function]
    results = {mistake.id: outcomes(mistake) for mistake in mistakes}

    def same(a, b):
        if a.raised or b.raised:
            return a.raised == b.raised
        return a.mutated == b.mutated and not compare_outputs(function, a.output, b.output)

    for i, first in enumerate(mistakes):
        for second in mistakes[i + 1:]:
            pairs = zip(results[first.id], results[second.id])
            assert not all(same(a, b) for a, b in pairs), f"{first.id} and {second.id} are indistinguishable"


# ---------------------------------------------------------------------------------------------
# Naming a mistake
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("mistake", ALL_MISTAKES, ids=mistake_id)
def test_every_mistake_is_named_first_from_its_own_outputs(mistake):
    """Given a mistake's own outputs on the public and hidden cases, does diagnose name it first?"""
    results = outcomes(mistake)
    named = diagnose(mistake.function, args_of(mistake.function), [outcome.output for outcome in results],
                     mutated=[outcome.mutated for outcome in results])
    assert named, f"{mistake_id(mistake)} is not recognised"
    assert named[0] == mistake, f"{mistake_id(mistake)} named as {[m.id for m in named]}"


@pytest.mark.parametrize("mistake", [m for m in ALL_MISTAKES if not m.mutates_inputs], ids=mistake_id)
def test_output_mistakes_are_named_without_mutation_flags(mistake):
    """Are mistakes that show in the outputs named from the outputs alone (mutated not given)?"""
    named = diagnose(mistake.function, args_of(mistake.function), [outcome.output for outcome in outcomes(mistake)])
    assert named and named[0] == mistake


def test_a_mistake_that_only_shows_on_some_cases_is_preferred_to_one_that_shows_on_all():
    """When the student fails only the sigmoid cases with relu outputs, is "always relu" named before "swapped"?"""
    always_relu = next(m for m in CATALOG["linear_activation_forward"] if m.id == "always_relu")
    named = diagnose("linear_activation_forward", args_of("linear_activation_forward"),
                     [o.output for o in outcomes(always_relu)])
    assert [m.id for m in named] == ["always_relu", "activations_swapped"]


def test_diagnose_names_nothing_for_correct_or_crashing_code():
    """Does diagnose return nothing when the student passes every case, or only ever raised?"""
    function = "L_model_backward"
    cases = cases_of(function)
    assert diagnose(function, args_of(function), [reference_of(case) for case in cases]) == []
    assert diagnose(function, args_of(function), [None] * len(cases)) == []


def test_diagnose_touches_neither_the_arguments_nor_the_global_rng(capsys):
    """Does diagnose run the mistakes on copies, silently, restoring numpy's global random state?"""
    function = "update_parameters"
    args = args_of(function)
    pristine = copy.deepcopy(args)
    in_place = next(m for m in CATALOG[function] if m.mutates_inputs)
    np.random.seed(123)
    state = np.random.get_state()
    named = diagnose(function, args, [reference_of(case) for case in cases_of(function)],
                     mutated=[True] * len(args))
    assert named == [in_place]
    for after, before in zip(args, pristine):
        assert not compare(list(after), list(before), tolerance="exact", check_dtype=False)
    after_state = np.random.get_state()
    assert np.array_equal(after_state[1], state[1]) and after_state[2:] == state[2:]

    model_args = (*args_of("two_layer_model")[0][:3], 0.1, 101, True)  # print_cost=True
    diagnose("two_layer_model", [model_args], [None])
    first_mistake = CATALOG["two_layer_model"][0].implementation
    diagnose("two_layer_model", [model_args], [run_quietly(first_mistake, model_args).output])
    assert capsys.readouterr().out == ""


def test_diagnose_rejects_mismatched_lengths_and_unknown_functions():
    """Does diagnose refuse inputs it cannot line up, and function names it does not know?"""
    with pytest.raises(ValueError):
        diagnose("compute_cost", args_of("compute_cost"), [None])
    with pytest.raises(ValueError):
        diagnose("no_such_function", [], [])


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
    layer_backward = reference_function("linear_activation_backward")
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
    for case in cases_of(function):
        report = run_case(function, variant, case, reference_of(case))
        assert report.status == PASS, (case.key, report.lines)
    results = [run_quietly(variant, args) for args in args_of(function)]
    outputs, mutated = [r.output for r in results], [r.mutated for r in results]
    assert diagnose(function, args_of(function), outputs, mutated=mutated) == []


# ---------------------------------------------------------------------------------------------
# The mistakes' outputs as data
# ---------------------------------------------------------------------------------------------


def test_mistake_outputs_gives_one_output_per_case_and_mistake():
    """Does mistake_outputs give each mistake's output on each case, the outputs run_case would see?"""
    function = "linear_backward"
    outputs = mistake_outputs(function, CASES[function])
    assert list(outputs) == [m.id for m in CATALOG[function]]
    for mistake in CATALOG[function]:
        assert len(outputs[mistake.id]) == len(CASES[function])
        for case, output in zip(CASES[function], outputs[mistake.id]):
            assert not compare_outputs(function, output, mistake.implementation(*case.build()))


def _only_plain(value):
    if isinstance(value, dict):
        return all(isinstance(k, str) and _only_plain(v) for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return all(_only_plain(v) for v in value)
    return isinstance(value, (str, float, bool, np.ndarray, np.floating))


@pytest.mark.parametrize("assignment", list(ASSIGNMENTS))
def test_public_mistake_data_is_plain_data_that_round_trips(assignment, tmp_path):
    """Is public_mistake_data plain data (no code) that plain.save / load keeps, covering every mistake?"""
    data = public_mistake_data(assignment)
    functions = {case.function for case in ASSIGNMENTS[assignment]}
    assert set(data) == functions
    assert _only_plain(data)
    plain.save(tmp_path / "mistakes.npz", data)
    restored = plain.load(tmp_path / "mistakes.npz")
    for function in functions:
        assert list(restored[function]) == [m.id for m in CATALOG[function]]
        names = {case.name for case in CASES[function]}
        for mistake in CATALOG[function]:
            entry = restored[function][mistake.id]
            assert entry["title"] == mistake.title and entry["hint"] == mistake.hint
            assert entry["mutates_inputs"] == mistake.mutates_inputs
            assert set(entry["outputs"]) <= names and entry["outputs"]
            for case in CASES[function]:
                if case.name in entry["outputs"]:
                    expected = mistake_outcome(mistake, case.build()).output
                    assert not compare_outputs(function, entry["outputs"][case.name], expected)
