"""zwhost.Error and its subclasses, generated from the library's error table at import.

Every ZWH_E* code the loaded library knows (zwh_err_name() gives it a name) gets a class.
Common codes get Pythonic names and also derive from the matching built-in exception, so
`except TimeoutError` and `except ConnectionError` work; the protocol blocks get a base per
block (ControllerError, NodeError, SecurityError)."""
import os

from ._core import lib, cstr

__all__ = ["Error", "ControllerError", "NodeError", "SecurityError", "error_class", "check",
           "from_code", "CODES"]


class Error(Exception):
    """A failure reported by libzwhost.

    code    the negative ZWH_E* code (e.g. -110)
    name    its symbolic name ("ZWH_ETIMEDOUT", from zwh_err_name())
    message the library's message ("timed out", from zwh_strerror())
    detail  extra context from the binding or an event ("tcp://...: connection refused"), or None
    """
    code = None  # set on generated subclasses

    def __init__(self, code=None, detail=None):
        code = type(self).code if code is None else int(code)
        if code is None:
            raise TypeError("zwhost.Error needs an error code")
        self.code = code
        self.name = cstr(lib.zwh_err_name(code))
        msg = cstr(lib.zwh_strerror(code))
        if msg == "unknown error" and -4096 < code < 0:
            msg = os.strerror(-code)  # a -errno outside the table, passed through from libuv
        self.message = msg
        self.detail = detail
        if not detail:
            text = "%s (%s)" % (msg, self.name)
        elif msg in detail:  # event messages often end with the library's message already
            text = "%s (%s)" % (detail, self.name)
        else:
            text = "%s: %s (%s)" % (detail, msg, self.name)
        super().__init__(text)
        if -4096 < code < 0 and isinstance(self, OSError):
            self.errno = -code

    def __reduce__(self):
        return (from_code, (self.code, self.detail))


class ControllerError(Error):
    """The stick refused or failed a Serial API exchange (codes -6001..-6019)."""


class NodeError(Error):
    """A node could not be reached or refused a command (codes -6020..-6039)."""


class SecurityError(Error):
    """S0/S2, key exchange, DSK/QR and keys-file failures (codes -6040..-6059)."""


# code name (without ZWH_) -> (class name, extra built-in base or None)
_NAMES = {
    "EPERM": ("NotPermitted", PermissionError),
    "ENOENT": ("NotFound", FileNotFoundError),
    "EIO": ("InputOutputError", OSError),
    "EAGAIN": ("TryAgain", BlockingIOError),
    "ENOMEM": ("OutOfMemory", MemoryError),
    "EACCES": ("AccessDenied", PermissionError),
    "EBUSY": ("Busy", OSError),
    "EEXIST": ("AlreadyExists", FileExistsError),
    "EINVAL": ("InvalidArgument", ValueError),
    "ENOSPC": ("NoSpace", OSError),
    "ERANGE": ("OutOfRange", ValueError),
    "ENOTSUP": ("NotSupported", None),
    "EPROTO": ("ProtocolError", None),
    "EBADMSG": ("BadMessage", None),
    "EMSGSIZE": ("MessageTooLong", None),
    "ECONNRESET": ("ConnectionReset", ConnectionResetError),
    "ENOTCONN": ("NotConnected", ConnectionError),
    "ETIMEDOUT": ("Timeout", TimeoutError),
    "ECONNREFUSED": ("ConnectionRefused", ConnectionRefusedError),
    "EHOSTUNREACH": ("HostUnreachable", ConnectionError),
    "EALREADY": ("AlreadyInProgress", None),
    "ECANCELED": ("Canceled", None),
    "ENAK": ("FrameRejected", None),
    "ECAN": ("FrameDiscarded", None),
    "ENOACK": ("NoAck", None),
    "ENORESPONSE": ("NoResponse", None),
    "ENOCALLBACK": ("NoCallback", None),
    "EREJECTED": ("Rejected", None),
    "EJAMMED": ("Jammed", None),
    "ENOTSERIALAPI": ("NotSerialApi", None),
    "ETXFAIL": ("TransmitFailed", None),
    "ENODEACK": ("NodeNoAck", None),
    "ENOROUTE": ("NoRoute", None),
    "ENONODE": ("NoSuchNode", None),
    "ENODEDEAD": ("NodeDead", None),
    "ENOCC": ("CommandClassNotSupported", None),
    "ESUPERVISION_FAIL": ("SupervisionFail", None),
    "ESUPERVISION_NOSUP": ("SupervisionNotSupported", None),
    "ES2_DECRYPT": ("S2DecryptFailed", None),
    "ES2_NONCE": ("S2NonceError", None),
    "ES2_REPLAY": ("S2Replay", None),
    "ES2_EXTENSION": ("S2Extension", None),
    "ES0_MAC": ("S0MacFailed", None),
    "ES0_NONCE": ("S0NonceError", None),
    "ENOKEY": ("NoKey", None),
    "ESECCLASS": ("SecurityClassTooLow", None),
    "EKEX_FAIL": ("KexFailed", None),
    "EDSK": ("BadDsk", ValueError),
    "EQRCODE": ("BadQrCode", ValueError),
    "EKEYFILE_MODE": ("KeyFileMode", None),
    "EKEYFILE": ("BadKeyFile", None),
}

CODES = {}       # name without ZWH_ ("ETIMEDOUT") -> code
_BY_CODE = {}    # code -> class
_LOWEST = -7000  # ZWH_ERRNO_MAX_ in error.h: every code lies above it


def _block_base(code):
    if -6020 < code <= -6001:
        return ControllerError
    if -6040 < code <= -6020:
        return NodeError
    if -6060 < code <= -6040:
        return SecurityError
    return Error


def _class_name(short):
    if short in _NAMES:
        return _NAMES[short]
    # a code added to the table after this file: "EFOO_BAR" -> "FooBar"
    return ("".join(p.capitalize() for p in short[1:].split("_")) or short), None


def _generate(namespace):
    for code in range(-1, _LOWEST, -1):
        full = cstr(lib.zwh_err_name(code))
        if not full.startswith("ZWH_E") or full == "ZWH_EUNKNOWN":
            continue
        short = full[4:]
        if short in CODES:  # two codes with one name cannot happen; keep the first
            continue
        CODES[short] = code
        cls_name, builtin = _class_name(short)
        bases = (_block_base(code),) + ((builtin,) if builtin else ())
        doc = "%s: %s (code %d)" % (full, cstr(lib.zwh_strerror(code)), code)
        cls = type(cls_name, bases, {"code": code, "__doc__": doc, "__module__": "zwhost"})
        _BY_CODE[code] = cls
        namespace[cls_name] = cls
        __all__.append(cls_name)


_generate(globals())


def error_class(code):
    """The Error subclass for a code (Error itself for a code the library does not name)."""
    return _BY_CODE.get(int(code), Error)


def from_code(code, detail=None):
    """An exception instance for a negative code."""
    return error_class(code)(code, detail)


def check(rc, detail=None):
    """Returns rc when it is >= 0, raises the matching Error when negative."""
    if rc < 0:
        raise from_code(rc, detail)
    return rc
