"""Are the stored expected outputs current, and do the fixtures follow the course's recipes?"""

import numpy as np
import pytest

import testCases
import testCases.dnn_step_by_step as tc
from dnn_utils.compare import compare
from grader.commands.expected import expected_outputs
from grader.grading.assignments import load_spec
from grader.grading.diagnosis import public_mistake_data

ASSIGNMENTS = testCases.assignment_ids()


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_stored_expected_outputs_are_current(assignment):
    """Do the stored outputs equal what the reference returns now (else: `make expected`)?"""
    spec = load_spec(assignment)
    stored = spec.declaration.expected_outputs
    fresh = expected_outputs(spec)
    assert sorted(stored) == sorted(fresh), "cases were added or removed: run `make expected`"
    # Training runs through BLAS: the last bits may differ between machines, nothing more.
    differences = compare(stored, fresh, name=assignment, tolerance="strict")
    assert not differences, f"run `make expected`: {[d.message for d in differences]}"


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_stored_mistake_outputs_are_current(assignment):
    """Does the shipped mistake data equal what the catalogue returns now (else: `make expected`)?"""
    spec = load_spec(assignment)
    stored = spec.declaration.known_mistakes
    fresh = public_mistake_data(spec)
    assert stored and set(stored) == set(fresh), "run `make expected`"
    differences = compare(stored, fresh, name=f"mistakes of {assignment}", tolerance="strict")
    assert not differences, f"run `make expected`: {[d.message for d in differences][:3]}"


def test_every_graded_function_has_the_course_case_and_an_extra_one():
    """Does every graded function have at least two public cases, with distinct names?"""
    for assignment in ASSIGNMENTS:
        declaration = testCases.load(assignment)
        for function in declaration.names:
            names = [case.name for case in declaration.public_cases(function)]
            assert len(names) == len(set(names)) and len(names) >= 2, function
    assert len(tc.ASSIGNMENT.functions) == 10


def test_cases_are_deterministic_and_leave_the_global_rng_alone():
    np.random.seed(123)
    before = np.random.get_state()[1].copy()
    for case in tc.ASSIGNMENT.public_cases("L_model_backward")[1:]:
        first, second = case.build(), case.build()
        assert not compare(first, second, tolerance="exact")
    assert np.array_equal(np.random.get_state()[1], before)


def test_course_backward_fixture_follows_the_recipe():
    AL, Y, caches = tc.L_model_backward_test_case()
    np.random.seed(3)
    assert np.array_equal(AL, np.random.randn(1, 2))
    assert np.array_equal(Y, [[1, 0]])
    assert caches[1][0][1].shape == (1, 3) and len(caches) == 2


def test_extra_backward_cases_use_a_real_probability():
    for case in tc.ASSIGNMENT.public_cases("L_model_backward")[1:]:
        AL, Y, caches = case.build()
        assert np.all((AL > 0) & (AL < 1)) and set(np.unique(Y)) <= {0.0, 1.0}
