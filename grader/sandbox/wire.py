"""The wire format between a grading process and its sandboxes: plain data only, decoded with hard caps.

Every frame is ``<u64 length><payload>``. A payload is one value in a small tagged binary
encoding (no pickles, no JSON): None, bool, int64, float64, str, list, tuple, dict with str keys,
and numpy arrays of real or complex numbers (as raw bytes). Both sides use this one module: the
fork server imports it by file name, so every sandbox has it before it runs any student code
(grader/sandbox/child.py).

The decoder is written for an attacker's bytes. It never allocates more than the bytes it was
given justify, and it stops at whichever comes first of: the frame size, the nesting depth, the
number of values, the length of a string, the number of keys of a dict, the rank and size of an
array (``Limits``). Dict keys are str only (their hash is randomised, so no key flooding), and a
repeated key is refused.
"""

import struct
import warnings
from dataclasses import dataclass

import numpy as np

FRAME_HEADER = struct.Struct("<Q")
_U32 = struct.Struct("<I")
_I64 = struct.Struct("<q")
_F64 = struct.Struct("<d")
_ARRAY_HEAD = struct.Struct("<BBB")  # dtype code, kind (ndarray / numpy scalar / matrix), ndim

NONE, TRUE, FALSE, INT, FLOAT, STR, LIST, TUPLE, DICT, ARRAY = b"NTFifsltda"
ARRAY_KINDS = ("ndarray", "scalar", "matrix")
DTYPES = tuple(np.dtype(code) for code in
               ("?", "<i1", "<i2", "<i4", "<i8", "<u1", "<u2", "<u4", "<u8", "<f2", "<f4", "<f8", "<c8", "<c16"))
_DTYPE_CODE = {dtype: code for code, dtype in enumerate(DTYPES)}


class Encoded(bytes):
    """A value already encoded (by ``encode``): written as it is, to spare encoding it twice."""


class NotPlainData(TypeError):
    """The value holds something other than plain data (encoding), or the bytes are not a
    well-formed message within the limits (decoding)."""


@dataclass(frozen=True)
class Limits:
    """Caps on one decoded message."""

    max_bytes: int = 8 << 20
    max_depth: int = 24
    max_values: int = 200_000
    max_string: int = 64 << 10
    max_keys: int = 4096
    max_ndim: int = 8
    max_dim: int = 1 << 24
    max_elements: int = 1 << 22


TRUSTED = Limits(max_bytes=1 << 40, max_values=1 << 40, max_string=1 << 40, max_keys=1 << 40, max_elements=1 << 40)


# --- encoding --------------------------------------------------------------------------------

def encode(value):
    """``value`` as bytes; raises NotPlainData for anything but plain data."""
    parts = []
    _encode(value, parts, 0)
    return b"".join(parts)


def _encode(value, parts, depth):
    if depth > 64:
        raise NotPlainData("nested deeper than 64 levels")
    kind = type(value)
    if kind is Encoded:
        parts.append(value)
    elif value is None:
        parts.append(bytes((NONE,)))
    elif kind is bool:
        parts.append(bytes((TRUE if value else FALSE,)))
    elif kind is int:
        if -(1 << 63) <= value < (1 << 63):
            parts.append(bytes((INT,)) + _I64.pack(value))
        else:
            parts.append(bytes((FLOAT,)) + _F64.pack(float(value)))
    elif kind is float:
        parts.append(bytes((FLOAT,)) + _F64.pack(value))
    elif kind is str:
        data = value.encode("utf-8", "surrogatepass")
        parts.append(bytes((STR,)) + _U32.pack(len(data)) + data)
    elif kind is list or kind is tuple:
        parts.append(bytes((LIST if kind is list else TUPLE,)) + _U32.pack(len(value)))
        for item in value:
            _encode(item, parts, depth + 1)
    elif kind is dict:
        parts.append(bytes((DICT,)) + _U32.pack(len(value)))
        for key, item in value.items():
            if type(key) is not str:
                raise NotPlainData(f"dict keys must be str, got {type(key).__name__}")
            data = key.encode("utf-8", "surrogatepass")
            parts.append(_U32.pack(len(data)) + data)
            _encode(item, parts, depth + 1)
    elif kind is np.ndarray or kind is np.matrix or (isinstance(value, np.generic) and kind.__module__ == "numpy"):
        array = np.asarray(value)
        dtype = array.dtype.newbyteorder("<") if array.dtype.byteorder == ">" else array.dtype
        if dtype not in _DTYPE_CODE:
            raise NotPlainData(f"arrays of dtype {array.dtype} are not plain data")
        array_kind = 2 if kind is np.matrix else (1 if isinstance(value, np.generic) else 0)
        parts.append(bytes((ARRAY,)) + _ARRAY_HEAD.pack(_DTYPE_CODE[dtype], array_kind, array.ndim))
        parts.append(b"".join(_U32.pack(n) for n in array.shape))
        parts.append(np.ascontiguousarray(array, dtype=dtype).tobytes())
    else:
        raise NotPlainData(f"{kind.__module__}.{kind.__qualname__} is not plain data")


# --- decoding --------------------------------------------------------------------------------

def decode(data, limits=Limits()):
    """The value encoded in ``data``; NotPlainData when it is malformed or over ``limits``."""
    if len(data) > limits.max_bytes:
        raise NotPlainData(f"message of {len(data)} bytes, over the limit of {limits.max_bytes}")
    reader = _Reader(bytes(data), limits)
    value = reader.value(0)
    if reader.offset != len(reader.data):
        raise NotPlainData("trailing bytes after the message")
    return value


class _Reader:
    """Reads one value from bytes, checking every size against what is left before using it."""

    def __init__(self, data, limits):
        self.data, self.limits, self.offset, self.values, self.elements = data, limits, 0, 0, 0

    def need(self, size):
        """The current offset, after checking that ``size`` more bytes are there; moves past them."""
        start = self.offset
        if size < 0 or start + size > len(self.data):
            raise NotPlainData("truncated message")
        self.offset = start + size
        return start

    def count(self):
        (n,) = _U32.unpack_from(self.data, self.need(4))
        if n > len(self.data) - self.offset:  # every item takes at least one byte
            raise NotPlainData("a container claims more items than the message holds")
        return n

    def text(self):
        size = self.count()
        if size > self.limits.max_string:
            raise NotPlainData(f"a string of {size} bytes, over the limit of {self.limits.max_string}")
        start = self.need(size)
        try:
            return self.data[start:start + size].decode("utf-8")
        except UnicodeDecodeError:
            raise NotPlainData("a string that is not UTF-8") from None

    def value(self, depth):
        if depth > self.limits.max_depth:
            raise NotPlainData(f"nested deeper than {self.limits.max_depth} levels")
        self.values += 1
        if self.values > self.limits.max_values:
            raise NotPlainData(f"more than {self.limits.max_values} values")
        tag = self.data[self.need(1)]
        if tag == FLOAT:
            return _F64.unpack_from(self.data, self.need(8))[0]
        if tag == ARRAY:
            return self.array()
        if tag == STR:
            return self.text()
        if tag == LIST or tag == TUPLE:
            items = [self.value(depth + 1) for _ in range(self.count())]
            return items if tag == LIST else tuple(items)
        if tag == DICT:
            size = self.count()
            if size > self.limits.max_keys:
                raise NotPlainData(f"a dict of {size} keys, over the limit of {self.limits.max_keys}")
            result = {}
            for _ in range(size):
                key = self.text()
                if key in result:
                    raise NotPlainData("a dict with a repeated key")
                result[key] = self.value(depth + 1)
            return result
        if tag == INT:
            return _I64.unpack_from(self.data, self.need(8))[0]
        if tag == NONE:
            return None
        if tag == TRUE:
            return True
        if tag == FALSE:
            return False
        raise NotPlainData(f"unknown tag {tag}")

    def array(self):
        code, kind, ndim = _ARRAY_HEAD.unpack_from(self.data, self.need(_ARRAY_HEAD.size))
        if code >= len(DTYPES) or kind >= len(ARRAY_KINDS) or ndim > self.limits.max_ndim:
            raise NotPlainData("a malformed array header")
        shape = struct.unpack_from(f"<{ndim}I", self.data, self.need(4 * ndim))
        if any(n > self.limits.max_dim for n in shape) or (kind == 1 and ndim) or (kind == 2 and ndim != 2):
            raise NotPlainData(f"an array of shape {shape} is not allowed")
        count = 1
        for n in shape:
            count *= n
        self.elements += count
        if self.elements > self.limits.max_elements:
            raise NotPlainData(f"more than {self.limits.max_elements} array entries")
        dtype = DTYPES[code]
        start = self.need(count * dtype.itemsize)
        array = np.frombuffer(self.data, dtype=dtype, count=count, offset=start).reshape(shape).copy()
        if kind == 1:
            return array[()]
        if kind == 2:
            with warnings.catch_warnings():  # numpy frowns on np.matrix; the grader must still see one
                warnings.simplefilter("ignore", PendingDeprecationWarning)
                return np.asmatrix(array)
        return array


# --- frames ----------------------------------------------------------------------------------

def frame(payload):
    return FRAME_HEADER.pack(len(payload)) + payload
