"""Plain data: numbers, strings, arrays and nested dicts / tuples / lists of them, without pickles.

``save``/``load`` write and read an .npz file (the stored expected outputs, readable with numpy):
a JSON skeleton plus one entry per array. It cannot carry code or objects: only the dtypes listed
in DTYPE_KINDS are accepted. (What crosses into and out of the grader's sandboxes has its own
format, decoded with hard caps: grader/sandbox/wire.py.)
"""

import io
import json

import numpy as np

SKELETON = "__skeleton__"
DTYPE_KINDS = "biufcUS"
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
        if array.dtype.kind not in DTYPE_KINDS:
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


def save(path, value):
    """Write ``value`` as an .npz file: the skeleton as JSON text, plus one entry per array."""
    skeleton, arrays = split(value)
    buffer = io.BytesIO()
    np.savez(buffer, **{SKELETON: np.array(json.dumps(skeleton))}, **arrays)
    with open(path, "wb") as f:
        f.write(buffer.getvalue())


def load(path):
    """The value saved by save(); never unpickles."""
    with np.load(path, allow_pickle=False) as npz:
        arrays = {key: npz[key] for key in npz.files if key != SKELETON}
        skeleton = json.loads(str(npz[SKELETON]))
    return join(skeleton, arrays)
