"""Does the one comparison helper say precisely what differs, and does plain data round-trip
without pickles?"""

import numpy as np
import pytest

from dnn_utils.compare import compare, matches
from dnn_utils.plain import NotPlainData, load, save, split


def kinds(actual, expected, **kw):
    return [(d.where, d.kind) for d in compare(actual, expected, **kw)]


def test_equal_structures_match():
    value = {"W1": np.ones((2, 3)), "cache": ((np.zeros(2), 1.5), [np.arange(3.0)])}
    assert matches(value, value)


def test_shape_difference_hints_at_keepdims():
    (difference,) = compare(np.ones(3), np.ones((3, 1)), name="db")
    assert difference.kind == "shape" and "keepdims" in difference.message and "(3,)" in difference.message


def test_values_difference_names_the_first_entry_and_counts():
    expected = np.arange(6.0).reshape(2, 3)
    actual = expected.copy()
    actual[1, 2] += 1
    (difference,) = compare(actual, expected, name="Z")
    assert difference.kind == "values" and difference.first_indices == [(1, 2)] and difference.mismatched == 1
    assert "[1, 2]" in difference.message and "got 6, expected 5" in difference.message


def test_missing_and_extra_keys_are_both_reported():
    assert sorted(kinds({"W1": 1.0, "W3": 2.0}, {"W1": 1.0, "W2": 2.0}, name="p")) == [
        ("p['W2']", "missing"), ("p['W3']", "extra")]


def test_wrong_types_are_reported_not_raised():
    for actual in (None, "0.5", {"a": 1}, object(), [[1, "x"]]):
        (difference,) = compare(actual, np.ones((1, 2)))
        assert difference.kind in ("type", "shape")
    assert kinds(np.ones(2), (np.ones(2), np.ones(2))) == [("result", "type")]
    assert kinds((np.ones(2),), (np.ones(2), np.ones(2))) == [("result", "length")]


def test_nan_is_reported_as_nonfinite_and_exact_zeros_compare_fine():
    assert kinds(np.array([np.nan, 0.0]), np.array([1.0, 0.0])) == [("result", "nonfinite")]
    assert matches(np.zeros((2, 2)), np.zeros((2, 2)), tolerance="exact")
    assert not matches(np.full((1,), 1e-300), np.zeros(1), tolerance="exact")


def test_integer_and_float32_arrays_are_flagged_as_dtype():
    assert kinds(np.zeros((2, 1), dtype=int), np.zeros((2, 1))) == [("result", "dtype")]
    assert kinds(np.ones(2, dtype=np.float32), np.ones(2)) == [("result", "dtype")]
    assert matches(0.25, np.float64(0.25)) and matches(np.float64(0.25), np.array(0.25))


def test_a_python_int_where_a_float_is_expected_is_a_type_difference():
    """Is b = 0 told from the contract's b = 0.0 (a Python int has no dtype to flag), and only that?"""
    assert kinds(0, 0.0) == [("result", "type")] and "int" in compare(0, 0.0)[0].message
    assert kinds(0, np.float64(0.0)) == [("result", "type")]
    assert matches(0.0, 0.0) and matches(np.float64(0.0), 0.0) and matches(2, 2) and matches(2.0, 2)
    assert kinds(1, 0.0) == [("result", "values")]  # a wrong value is reported as one
    assert not compare(0, 0.0, check_dtype=False)


@pytest.mark.parametrize("tolerance, ok", [("exact", False), ("strict", False), ("standard", True)])
def test_named_tolerances(tolerance, ok):
    assert matches(np.array([1.0 + 1e-8]), np.array([1.0]), tolerance=tolerance) is ok


def round_trip(value, folder):
    save(folder / "value.npz", value)
    return load(folder / "value.npz")


def test_zero_dimensional_and_non_contiguous_arrays_keep_their_shape(tmp_path):
    value = (np.squeeze(np.array([[0.5]])), np.arange(6.0).reshape(2, 3).T, np.float64(2.0))
    back = round_trip(value, tmp_path)
    assert back[0].shape == () and back[1].shape == (3, 2) and matches(back[1], value[1])
    assert isinstance(back[2], np.float64)


def test_plain_data_round_trips(tmp_path):
    value = {"W1": np.ones((2, 1)), 3: (np.float64(0.5), [1, "x", None, True]), "s": np.array(["a"])}
    back = round_trip(value, tmp_path)
    assert matches(back["W1"], value["W1"]) and back[3][1] == [1, "x", None, True] and isinstance(back[3], tuple)


@pytest.mark.parametrize("bad", [object(), np.array([object()]), {1.5: 1}, lambda: 0, np.ma.masked_array([1.0])])
def test_anything_else_is_refused(bad):
    with pytest.raises(NotPlainData):
        split({"x": bad})


def test_loading_refuses_pickled_arrays(tmp_path):
    path = tmp_path / "bad.npz"
    np.savez(path, __skeleton__=np.array('{"__array__": "a0", "scalar": false}'), a0=np.array([{}], dtype=object))
    with pytest.raises(ValueError):
        load(path)


def test_files_round_trip(tmp_path):
    value = {"x": (np.eye(2), [np.float64(1.5), "s"])}
    save(tmp_path / "v.npz", value)
    assert matches(load(tmp_path / "v.npz")["x"][0], np.eye(2))


def test_a_list_of_numbers_may_come_back_as_an_array():
    """The recorded costs are a list; an array of the same numbers is the same answer."""
    assert matches(np.array([0.7, 0.6]), [0.7, 0.6])
    assert kinds(np.array([0.7, 0.5]), [0.7, 0.6]) == [("result", "values")]


def test_extra_gradient_keys_are_harmless_but_extra_parameters_are_not():
    from testCases.checks import compare_outputs
    from testCases.dnn_step_by_step import ASSIGNMENT

    assert compare_outputs(ASSIGNMENT, "L_model_backward", {"dW1": 1.0, "dZ1": 2.0}, {"dW1": 1.0}) == []
    (difference,) = compare_outputs(ASSIGNMENT, "update_parameters", {"W1": 1.0, "L": 1}, {"W1": 1.0})
    assert difference.kind == "extra"


def test_identical_is_exact_and_structural():
    from dnn_utils.compare import identical

    value = {"W1": np.arange(4.0).reshape(2, 2), "c": (np.zeros(1), [1, "x"])}
    assert identical(value, {"W1": np.arange(4.0).reshape(2, 2), "c": (np.zeros(1), [1, "x"])})
    assert not identical(value, {"W1": np.arange(4.0).reshape(2, 2) + 1e-15, "c": (np.zeros(1), [1, "x"])})
    assert not identical((np.zeros(2),), [np.zeros(2)]) and not identical(np.zeros(2), np.zeros((2, 1)))
    assert identical(np.array([np.nan]), np.array([np.nan])) and not identical({"a": 1}, {"a": 1, "b": 2})
