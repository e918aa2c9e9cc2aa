"""Plain data: numbers, strings, arrays and nested dicts / tuples / lists of them, stored in one
.npz without pickles.

Used for the stored expected outputs and for everything that crosses from a grading worker back
to the grader, so nothing but plain data is ever loaded (``allow_pickle=False`` throughout).
"""

import io
import json

import numpy as np

SKELETON = "__skeleton__"
SCALARS = (bool, int, float, str, type(None))
MAX_DEPTH = 32


class NotPlainData(TypeError):
    """The value holds something other than plain data."""


def split(value, arrays=None, depth=0):
    """(JSON-able skeleton, {key: ndarray}) for ``value``; raises NotPlainData otherwise."""
    arrays = {} if arrays is None else arrays
    if depth > MAX_DEPTH:
        raise NotPlainData(f"nested deeper than {MAX_DEPTH} levels")
    if type(value) in SCALARS:
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) > 2**53:
            value = float(value)
        return value, arrays
    if isinstance(value, (np.ndarray, np.generic)) and type(value).__module__ == "numpy":
        array = np.asarray(value)
        if array.dtype.kind not in "biufcUS":
            raise NotPlainData(f"arrays of dtype {array.dtype} are not plain data")
        key = f"a{len(arrays)}"
        arrays[key] = np.array(array)
        return {"__array__": key, "scalar": isinstance(value, np.generic)}, arrays
    if type(value) in (list, tuple):
        items = [split(item, arrays, depth + 1)[0] for item in value]
        return ({"__tuple__": items} if type(value) is tuple else items), arrays
    if type(value) is dict:
        pairs = []
        for key, item in value.items():
            if type(key) not in (str, int):
                raise NotPlainData(f"dict keys must be str or int, got {type(key).__name__}")
            pairs.append([key, split(item, arrays, depth + 1)[0]])
        return {"__dict__": pairs}, arrays
    raise NotPlainData(f"{type(value).__module__}.{type(value).__qualname__} is not plain data")


def join(skeleton, arrays):
    """Inverse of split()."""
    if isinstance(skeleton, list):
        return [join(item, arrays) for item in skeleton]
    if isinstance(skeleton, dict):
        if "__array__" in skeleton:
            array = arrays[skeleton["__array__"]]
            return array[()] if skeleton.get("scalar") else array
        if "__tuple__" in skeleton:
            return tuple(join(item, arrays) for item in skeleton["__tuple__"])
        if "__dict__" in skeleton:
            return {key: join(item, arrays) for key, item in skeleton["__dict__"]}
        raise NotPlainData(f"unknown skeleton node {sorted(skeleton)}")
    return skeleton


def dumps(value):
    """``value`` as the bytes of an .npz file (no pickles)."""
    skeleton, arrays = split(value)
    buffer = io.BytesIO()
    np.savez(buffer, **{SKELETON: np.array(json.dumps(skeleton))}, **arrays)
    return buffer.getvalue()


def loads(data):
    """The value stored by dumps(); refuses anything that would need a pickle."""
    with np.load(io.BytesIO(data), allow_pickle=False) as npz:
        arrays = {key: npz[key] for key in npz.files if key != SKELETON}
        skeleton = json.loads(str(npz[SKELETON]))
    return join(skeleton, arrays)


def save(path, value):
    with open(path, "wb") as f:
        f.write(dumps(value))


def load(path):
    with open(path, "rb") as f:
        return loads(f.read())
