"""Can bytes from a sandbox cost the grader more than they are worth, or smuggle anything but
plain data? (grader/sandbox/wire.py decodes an attacker's frames.)"""

import struct
import time
import tracemalloc
import warnings

import numpy as np
import pytest

from grader.sandbox import wire
from grader.sandbox.protocol import task_run

U32 = struct.Struct("<I")
with warnings.catch_warnings():
    warnings.simplefilter("ignore", PendingDeprecationWarning)
    MATRIX = np.matrix([[1.0, 2.0]])


def test_plain_data_round_trips_with_its_types():
    value = {"W1": np.ones((2, 1)), "pair": (np.float64(0.5), [1, "x", None, True, 2.5]), "m": MATRIX,
             "zero-d": np.array(0.25), "ints": np.arange(3), "complex": np.array([1j]), "empty": np.zeros((0, 3))}
    back = wire.decode(wire.encode(value))
    assert type(back["pair"]) is tuple and back["pair"][1] == [1, "x", None, True, 2.5]
    assert type(back["pair"][0]) is np.float64 and type(back["m"]) is np.matrix and back["zero-d"].shape == ()
    assert back["ints"].dtype == np.int64 and back["complex"].dtype == np.complex128 and back["empty"].shape == (0, 3)
    assert np.array_equal(back["W1"], value["W1"])


def test_non_contiguous_and_big_endian_arrays_keep_their_values():
    value = [np.arange(6.0).reshape(2, 3).T, np.arange(3, dtype=">f8")]
    back = wire.decode(wire.encode(value))
    assert np.array_equal(back[0], value[0]) and np.array_equal(back[1], value[1])


@pytest.mark.parametrize("bad", [object(), np.array([object()]), {1: 1}, {1.5: 1}, lambda: 0, np.array(["text"]),
                                 np.ma.masked_array([1.0]), b"bytes", {"set": {1, 2}}])
def test_anything_else_is_refused_when_encoding(bad):
    with pytest.raises(wire.NotPlainData):
        wire.encode({"x": bad})


def nested_lists(count):
    """[[], [], ...]: the cheapest way to make many objects out of few bytes."""
    return bytes((wire.LIST,)) + U32.pack(count) + (bytes((wire.LIST,)) + U32.pack(0)) * count


def deep_lists(depth):
    return (bytes((wire.LIST,)) + U32.pack(1)) * depth + bytes((wire.NONE,))


def test_many_small_values_are_refused_before_they_cost_memory():
    data = nested_lists(1_600_000)  # 8 MB of empty lists took 433 MB with the old JSON format
    started = time.perf_counter()
    with pytest.raises(wire.NotPlainData, match="more than"):
        wire.decode(data)
    assert time.perf_counter() - started < 2
    tracemalloc.start()
    with pytest.raises(wire.NotPlainData, match="more than"):
        wire.decode(data)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 64 << 20


def test_deep_nesting_and_lying_counts_are_refused():
    with pytest.raises(wire.NotPlainData, match="nested deeper"):
        wire.decode(deep_lists(10_000))
    lying = bytes((wire.LIST,)) + U32.pack(2**32 - 1)
    with pytest.raises(wire.NotPlainData, match="claims more items"):
        wire.decode(lying)
    huge_string = bytes((wire.STR,)) + U32.pack(2**31) + b"x" * 100
    with pytest.raises(wire.NotPlainData):
        wire.decode(huge_string)


def test_dict_keys_are_strings_bounded_in_number_and_never_repeated():
    """Integer keys sharing one hash made the grading process spend 79 s (quadratic); str keys
    hash with a random seed, and their number is capped."""
    keys = 5000
    data = bytes((wire.DICT,)) + U32.pack(keys) + b"".join(U32.pack(1) + b"k" + bytes((wire.NONE,)) for _ in range(keys))
    with pytest.raises(wire.NotPlainData, match="over the limit"):
        wire.decode(data)
    repeated = bytes((wire.DICT,)) + U32.pack(2) + (U32.pack(1) + b"k" + bytes((wire.NONE,))) * 2
    with pytest.raises(wire.NotPlainData, match="repeated key"):
        wire.decode(repeated)


def test_arrays_are_checked_against_their_bytes_and_caps():
    good = wire.encode(np.arange(4.0))
    with pytest.raises(wire.NotPlainData, match="truncated"):
        wire.decode(good[:-1])
    with pytest.raises(wire.NotPlainData, match="trailing"):
        wire.decode(good + b"x")
    header = bytes((wire.ARRAY,)) + struct.pack("<BBB", 11, 0, 2)
    with pytest.raises(wire.NotPlainData):
        wire.decode(header + U32.pack(1 << 20) + U32.pack(1 << 20))  # 2^40 entries claimed
    with pytest.raises(wire.NotPlainData, match="malformed"):
        wire.decode(bytes((wire.ARRAY,)) + struct.pack("<BBB", 99, 0, 0))  # no such dtype (objects have none)
    with pytest.raises(wire.NotPlainData):
        wire.decode(b"\x00" * 10 + b"X", wire.Limits(max_bytes=10))


def test_a_forged_result_becomes_typed_clipped_values():
    """Every field of a result is checked: an exception type that is a complex number, a message
    of 256 KiB, cases that are not dicts, too many or too few cases."""
    forged = {
        "cell_errors": [{"type": np.complex128(1j), "message": "m" * 262144, "where": 5}] * 100,
        "cases": [{"error": {"type": "ValueError", "message": "x" * 262144}, "printed": "p" * 262144},
                  "not a case", {"returned": True, "output": 1.0, "args_after": "not a list"}] + [{}] * 50,
    }
    run = task_run(forged, case_count=4)
    assert len(run.cell_errors) == 20 and run.cell_errors[0].type == "UnknownError"
    assert len(run.cases) == 4
    assert run.cases[0].raised.type == "ValueError" and len(run.cases[0].raised.message) <= 300
    assert len(run.cases[0].printed) <= 2000
    assert run.cases[1].raised.type == "GraderError"
    assert run.cases[2].returned and run.cases[2].args_after is None  # fails closed: inputs not checked
    assert task_run("garbage", 3).sandbox_error.type == "GraderError"


def test_the_function_a_sandbox_says_raised_is_an_identifier_or_nothing():
    """A sandbox names the function that raised (for the blame in feedback): anything but a short
    identifier (text with spaces or a newline, markup, a huge name, not a string) is dropped."""
    from grader.sandbox.protocol import raised

    assert raised({"type": "NotImplementedError", "message": "", "function": "linear_forward"}).function == "linear_forward"
    for forged in ("a b", "f\n", "<script>", "x" * 81, 7, None, ["f"]):
        assert raised({"type": "ValueError", "message": "m", "function": forged}).function == ""
