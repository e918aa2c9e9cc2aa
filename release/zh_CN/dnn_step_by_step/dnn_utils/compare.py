"""The one numeric comparison of the course, used by the public checks, the hidden checks, the
grader and the reference tests alike.

``compare(actual, expected, name)`` walks arrays, numbers and nested dicts / tuples / lists and
returns a list of ``Difference``; an empty list means a match. Each difference names where it is
(``grads["dW1"]``, ``cache[0][1]``), what kind it is and, for values, which entries differ and by
how much, so a message can say more than "wrong values".
"""

from dataclasses import dataclass, field

import numpy as np

from .i18n import say

# Named tolerances: |actual - expected| <= atol + rtol * |expected|, entry by entry.
TOLERANCES = {
    "exact": (0.0, 0.0),
    "strict": (1e-12, 1e-9),  # the same float64 operations in another order
    "standard": (1e-7, 1e-9),  # student code against the reference
    "loose": (1e-4, 1e-6),  # results after many iterations of training
}
DEFAULT_TOLERANCE = "standard"
MAX_LISTED = 5
MAX_MAP_ROWS, MAX_MAP_COLUMNS = 12, 24  # a 2-D output this small gets a map of its wrong entries


@dataclass
class Difference:
    """One way ``actual`` differs from ``expected`` at ``where``.

    kind is one of: "type", "missing", "extra", "length", "shape", "dtype", "nonfinite", "values".
    """

    where: str
    kind: str
    message: str
    expected_shape: tuple | None = None
    actual_shape: tuple | None = None
    mismatched: int = 0
    total: int = 0
    first_indices: list = field(default_factory=list)
    max_abs_error: float = 0.0
    max_rel_error: float | None = 0.0
    wrong_map: list | None = None  # of a small 2-D output: which entries differ, a row as "0110"

    def as_dict(self):
        return {k: (list(v) if isinstance(v, tuple) else v) for k, v in self.__dict__.items()}


def _is_number(x):
    return isinstance(x, (int, float, np.integer, np.floating, np.bool_)) and not isinstance(x, bool)


def _as_real_array(x):
    """x as a float64 array if it is real numeric data (array, number, nested lists), else None."""
    if isinstance(x, (str, bytes, dict, type(None))) or isinstance(x, bool):
        return None
    try:
        array = np.asarray(x)
    except Exception:
        return None
    if array.dtype.kind not in "iuf":
        return None
    return array.astype(np.float64)


def _type_name(x):
    if isinstance(x, np.ndarray):
        return say("compare.array_of_dtype", dtype=x.dtype)
    return type(x).__name__


def compare(actual, expected, name="result", tolerance=DEFAULT_TOLERANCE, check_dtype=True):
    """All differences between ``actual`` and ``expected`` (a list; empty when they match).

    expected may be a number, an array, or dicts / tuples / lists of them; ``name`` is used for
    the location in messages. tolerance is a key of TOLERANCES or an (rtol, atol) pair.
    check_dtype=False accepts any real dtype with the right values (to compare inputs with
    themselves, say).
    """
    rtol, atol = TOLERANCES[tolerance] if isinstance(tolerance, str) else tolerance
    differences = []
    _compare(actual, expected, name, (rtol, atol, check_dtype), differences)
    return differences


def _compare(actual, expected, where, how, out):
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            out.append(Difference(where, "type", say("compare.not_dict", where=where, got=_type_name(actual))))
            return
        for key in expected:
            if key not in actual:
                out.append(Difference(f"{where}[{key!r}]", "missing", say("compare.missing_key", where=where, key=repr(key))))
            else:
                _compare(actual[key], expected[key], f"{where}[{key!r}]", how, out)
        extra = [key for key in actual if key not in expected]
        for key in extra[:MAX_LISTED]:
            out.append(Difference(f"{where}[{_key_text(key)}]", "extra", say("compare.extra_key", where=where, key=_key_text(key))))
        if len(extra) > MAX_LISTED:
            out.append(Difference(where, "extra", say("compare.more_extra_keys", where=where, count=len(extra) - MAX_LISTED)))
        return
    if isinstance(expected, (tuple, list)):
        if isinstance(actual, np.ndarray) and expected and all(_is_number(e) for e in expected):
            # A list of numbers (the recorded costs, say) returned as an array is the same data.
            _compare_arrays(actual, np.asarray(expected, dtype=np.float64), where, how, out)
            return
        if not isinstance(actual, (tuple, list)):
            kind = say("compare.a_tuple" if isinstance(expected, tuple) else "compare.a_list")
            out.append(Difference(where, "type", say("compare.not_sequence", where=where, kind=kind, count=len(expected),
                                                     got=_type_name(actual))))
            return
        if len(actual) != len(expected):
            out.append(Difference(where, "length", say("compare.length", where=where, expected=len(expected), got=len(actual))))
            return
        for i, (a, e) in enumerate(zip(actual, expected)):
            _compare(a, e, f"{where}[{i}]", how, out)
        return
    if isinstance(expected, (str, bytes, bool, type(None))):
        if type(actual) is not type(expected) or actual != expected:
            out.append(Difference(where, "values", say("compare.value", where=where, expected=repr(expected), got=_short_repr(actual))))
        return
    _compare_arrays(actual, expected, where, how, out)


def _key_text(key, limit=40):
    """A dict key as a message shows it: its repr, clipped (keys can come from anyone's output)."""
    text = repr(key)
    return text if len(text) <= limit else text[: limit - 4] + "...'"


def _short_repr(value, limit=24):
    """A short description of ``value``: its repr when that is short, else only its type.

    Never echoes long text, so an output cannot be used to carry data out of the grader."""
    if isinstance(value, (str, bytes, bool, int, float, type(None))):
        text = repr(value)
        if len(text) <= limit:
            return text
    if isinstance(value, (str, bytes)):
        return say("compare.a_type_of_length", type=type(value).__name__, length=len(value))
    return say("compare.a_type", type=type(value).__name__)


def _compare_arrays(actual, expected, where, how, out):
    rtol, atol, check_dtype = how
    if check_dtype and isinstance(expected, np.ndarray) and expected.ndim and type(actual) is not np.ndarray:
        # The contract is a numpy array: a list, or an np.matrix (whose * is a matrix product), is not one.
        got = say("compare.matrix") if isinstance(actual, np.matrix) else _type_name(actual)
        out.append(Difference(where, "type", say("compare.not_array", where=where, shape=_shape_text(expected), got=got),
                              expected_shape=expected.shape))
        return
    expected_array = np.asarray(expected, dtype=np.float64)
    actual_array = _as_real_array(actual)
    if actual_array is None:
        out.append(Difference(where, "type", say("compare.not_numeric", where=where, shape=_shape_text(expected_array), got=_type_name(actual))))
        return
    if actual_array.shape != expected_array.shape:
        hint = _shape_hint(actual_array.shape, expected_array.shape)
        out.append(
            Difference(
                where,
                "shape",
                say("compare.shape", where=where, actual=actual_array.shape, expected=expected_array.shape, hint=hint),
                expected_shape=expected_array.shape,
                actual_shape=actual_array.shape,
            )
        )
        return
    bad = ~np.isfinite(actual_array) & np.isfinite(expected_array)
    if bad.any():
        indices = [tuple(int(i) for i in ix) for ix in np.argwhere(bad)[:MAX_LISTED]]
        out.append(
            Difference(
                where,
                "nonfinite",
                say("compare.nonfinite", where=where, count=int(bad.sum()), index=_index_text(indices[0])),
                expected_shape=expected_array.shape,
                actual_shape=actual_array.shape,
                mismatched=int(bad.sum()),
                total=int(bad.size),
                first_indices=indices,
            )
        )
        return
    expected_finite = np.isfinite(expected_array).all()
    if expected_finite:  # the usual case, and no inf - inf to warn about
        error = np.abs(actual_array - expected_array)
        wrong = ~(error <= atol + rtol * np.abs(expected_array))
    else:
        with np.errstate(invalid="ignore"):
            error = np.abs(actual_array - expected_array)
            wrong = ~(error <= atol + rtol * np.abs(expected_array))
        # Equal infinities (or NaN where NaN is expected) count as agreement.
        same_special = ~np.isfinite(expected_array) & (
            (actual_array == expected_array) | (np.isnan(actual_array) & np.isnan(expected_array))
        )
        wrong &= ~same_special
    if not wrong.any():
        dtype = getattr(actual, "dtype", None)
        if check_dtype and dtype is not None and dtype != np.float64 and expected_array.size:
            out.append(
                Difference(
                    where,
                    "dtype",
                    say("compare.dtype", where=where, dtype=dtype),
                    expected_shape=expected_array.shape,
                    actual_shape=actual_array.shape,
                )
            )
        elif check_dtype and type(actual) is int and isinstance(expected, float):
            # A Python int has no dtype: where the contract is a float (b = 0.0), 0 is another type.
            out.append(Difference(where, "type", say("compare.int_for_float", where=where, got=_short_repr(actual),
                                                     expected=repr(float(expected))), expected_shape=()))
        return
    finite = np.isfinite(error)
    max_abs = float(error[wrong & finite].max()) if (wrong & finite).any() else float("inf")
    # Relative errors only where the expected entry is not (nearly) zero; an exact zero has none.
    nonzero = wrong & finite & (np.abs(expected_array) > 1e-12)
    max_rel = float((error[nonzero] / np.abs(expected_array[nonzero])).max()) if nonzero.any() else None
    size_text = (say("compare.largest_relative", error=f"{max_rel:.3g}") if max_rel is not None
                 else say("compare.largest_absolute", error=f"{max_abs:.3g}"))
    indices = [tuple(int(i) for i in ix) for ix in np.argwhere(wrong)[:MAX_LISTED]]
    first = indices[0]
    out.append(
        Difference(
            where,
            "values",
            say("compare.values", where=where, how_many=_how_many_differ(int(wrong.sum()), wrong.size),
                index=_index_text(first), got=f"{float(actual_array[first]):.8g}",
                expected=f"{float(expected_array[first]):.8g}", size=size_text),
            expected_shape=expected_array.shape,
            actual_shape=actual_array.shape,
            mismatched=int(wrong.sum()),
            total=int(wrong.size),
            first_indices=indices,
            max_abs_error=max_abs,
            max_rel_error=max_rel,
            wrong_map=["".join("1" if w else "0" for w in row) for row in wrong]
            if wrong.ndim == 2 and wrong.shape[0] <= MAX_MAP_ROWS and wrong.shape[1] <= MAX_MAP_COLUMNS else None,
        )
    )


def _how_many_differ(wrong, total):
    if total == 1:
        return say("compare.only_entry_differs")
    return say("compare.entry_differs" if wrong == 1 else "compare.entries_differ", wrong=wrong, total=total)


def _shape_hint(actual, expected):
    """What a shape mismatch with the same number of entries most likely is, for this quantity."""
    if np.prod(actual, dtype=np.int64) != np.prod(expected, dtype=np.int64):
        return ""
    if expected == ():
        return say("compare.shape_squeeze")
    if actual == expected[::-1]:
        return say("compare.shape_transpose")
    if len(actual) < len(expected):
        return say("compare.shape_axis_dropped")
    return say("compare.shape_rearranged")


def _shape_text(array):
    return say("compare.a_number") if array.shape == () else say("compare.shape_text", shape=array.shape)


def _index_text(index):
    return "[" + ", ".join(str(i) for i in index) + "]" if index else say("compare.only_entry")


def identical(a, b):
    """Exactly the same plain data (any real dtype), checked quickly: the common case of an
    unchanged input needs no report. compare() says how two values differ."""
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(identical(a[k], b[k]) for k in a)
    if isinstance(a, (tuple, list)) and isinstance(b, (tuple, list)):
        return type(a) is type(b) and len(a) == len(b) and all(identical(x, y) for x, y in zip(a, b))
    if isinstance(a, (str, bytes, bool, type(None))) or isinstance(b, (str, bytes, bool, type(None))):
        return type(a) is type(b) and a == b
    try:
        a, b = np.asarray(a), np.asarray(b)
        return a.shape == b.shape and a.dtype.kind in "biuf" and b.dtype.kind in "biuf" and np.array_equal(a, b, equal_nan=True)
    except (TypeError, ValueError):
        return False


def matches(actual, expected, tolerance=DEFAULT_TOLERANCE):
    """True when compare() finds no difference."""
    return not compare(actual, expected, tolerance=tolerance)
