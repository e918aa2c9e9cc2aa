"""Are the stored expected outputs current, and do the fixtures follow the course's recipes?"""

import numpy as np
import pytest

import testCases as tc
from dnn_utils.compare import compare
from testCases.cases import ASSIGNMENTS
from testCases.generate import compute


@pytest.mark.parametrize("assignment", sorted(ASSIGNMENTS))
def test_stored_expected_outputs_are_current(assignment):
    stored = tc.expected_outputs(assignment)
    fresh = compute(assignment)
    assert sorted(stored) == sorted(fresh), "cases were added or removed: run `make expected`"
    differences = compare(stored, fresh, name=assignment, tolerance="exact")
    assert not differences, f"run `make expected`: {[d.message for d in differences]}"


def test_every_graded_function_has_the_course_case_and_an_extra_one():
    for function, cases in tc.CASES.items():
        names = [case.name for case in cases]
        assert len(names) == len(set(names)) and len(names) >= 2, function
    step_functions = {case.function for case in ASSIGNMENTS["dnn_step_by_step"]}
    assert len(step_functions) == 10


def test_cases_are_deterministic_and_leave_the_global_rng_alone():
    np.random.seed(123)
    before = np.random.get_state()[1].copy()
    for case in tc.CASES["L_model_backward"][1:]:
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
    for case in tc.CASES["L_model_backward"][1:]:
        AL, Y, caches = case.build()
        assert np.all((AL > 0) & (AL < 1)) and set(np.unique(Y)) <= {0.0, 1.0}


@pytest.mark.parametrize("assignment", sorted(ASSIGNMENTS))
def test_stored_mistake_outputs_are_current(assignment):
    from testCases.generate import public_mistake_data

    stored = tc.cases.known_mistakes(assignment)
    fresh = public_mistake_data(assignment)
    assert stored and set(stored) == set(fresh), "run `make expected`"
    differences = compare(stored, fresh, name=f"mistakes_{assignment}", tolerance="exact")
    assert not differences, f"run `make expected`: {[d.message for d in differences][:3]}"
