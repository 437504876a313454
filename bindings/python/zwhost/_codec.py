"""The library's command-class codecs (include/zwhost/cc/*.h) through ctypes.

encode("door_lock_operation_set", mode=0xFF) -> bytes of the whole command (class byte
first), built by zwh_door_lock_operation_set_encode from the plain struct; decode(
"door_lock_operation_report", frame) -> the filled ctypes struct. Field checks (a code of
4..10 digits, a value that fits its size) are the C encoder's: it raises InvalidArgument."""
import ctypes

from . import _lib
from ._core import lib
from . import errors as E

MAX_COMMAND = 64  # every command the node surface encodes fits


def encode(name, **fields):
    st = _lib.CODECS[name]
    out = (ctypes.c_uint8 * MAX_COMMAND)()
    fn = getattr(lib, "zwh_%s_encode" % name)
    if st is None:
        n = fn(out, MAX_COMMAND)
    else:
        s = st()
        for k, v in fields.items():
            if k not in dict(st._fields_):
                raise TypeError("%s has no field %r" % (st.__doc__.split()[0], k))
            if k == "code":  # byte arrays: code and code_len together
                raw = v.encode("ascii") if isinstance(v, str) else bytes(v)
                if len(raw) > len(s.code):
                    raise E.InvalidArgument(detail="code longer than %d characters" % len(s.code))
                ctypes.memmove(s.code, raw, len(raw))
                s.code_len = len(raw)
            else:
                setattr(s, k, v)
        n = fn(ctypes.byref(s), out, MAX_COMMAND)
    E.check(n, name.replace("_", " "))
    return bytes(out[:n])


def decode(name, frame):
    st = _lib.CODECS[name]
    s = st()
    buf = (ctypes.c_uint8 * max(len(frame), 1)).from_buffer_copy(frame or b"\0")
    E.check(getattr(lib, "zwh_%s_decode" % name)(buf, len(frame), ctypes.byref(s)),
            "%s (%s)" % (name.replace("_", " "), bytes(frame).hex()))
    return s
