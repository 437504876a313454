"""Synchronous helpers over the library: version, error names, the command-class formatter,
DSK/PIN and SmartStart QR parsing, the keys file, serial port listing. None of them needs a
host or a loop; all are safe from any thread (they touch no shared state)."""
import ctypes

from ._core import lib, cstr
from ._structs import QrInfoC, PortInfoC, Record
from . import errors as E

__all__ = ["version", "version_info", "strerror", "err_name", "cc_format", "cc_name",
           "cc_command_name", "cc_version", "dsk_parse", "dsk_format", "dsk_pin", "pin_parse",
           "qr_decode", "QrInfo", "Keystore", "list_ports", "PortInfo", "is_zwave_usb",
           "DSK_LEN", "SECCLASS_NAMES"]

DSK_LEN = 16
DSK_TEXT_SIZE = 48
SECCLASS_NAMES = {0: "S2_Unauthenticated", 1: "S2_Authenticated", 2: "S2_AccessControl",
                  3: "S2_LR_Authenticated", 4: "S2_LR_AccessControl", 7: "S0"}


def version():
    """Version of the loaded library, "0.1.0" (zwh_version_string)."""
    return cstr(lib.zwh_version_string())


def version_info():
    """(major, minor, patch) of the loaded library (zwh_version)."""
    v = lib.zwh_version()
    return (v >> 16) & 0xFF, (v >> 8) & 0xFF, v & 0xFF


def strerror(code):
    """"timed out" for ZWH_ETIMEDOUT (zwh_strerror)."""
    return cstr(lib.zwh_strerror(int(code)))


def err_name(code):
    """"ZWH_ETIMEDOUT" (zwh_err_name)."""
    return cstr(lib.zwh_err_name(int(code)))


def cc_format(frame):
    """One readable line for a command (class byte, command byte, fields), nested commands
    included; malformed or unknown commands render as hex. Never raises for bad bytes."""
    frame = bytes(frame)
    cap = 256
    while True:
        buf = ctypes.create_string_buffer(cap)
        need = lib.zwh_cc_format(frame, len(frame), buf, cap)
        if need < cap:
            return buf.value.decode("utf-8", "replace")
        cap = need + 1


def cc_name(cc):
    """"DoorLock" for 0x62, None for a class the library does not know."""
    return cstr(lib.zwh_cc_get_name(int(cc))) or None


def cc_command_name(cc, cmd):
    """"OperationSet" for (0x62, 0x01), or None."""
    return cstr(lib.zwh_cc_get_command_name(int(cc), int(cmd))) or None


def cc_version(cc):
    """Highest version of the class the library implements, 0 if unknown."""
    return lib.zwh_cc_get_version(int(cc))


def _dsk_bytes(dsk):
    dsk = bytes(dsk)
    if len(dsk) != DSK_LEN:
        raise E.InvalidArgument(detail="a DSK is %d bytes, got %d" % (DSK_LEN, len(dsk)))
    return dsk


def dsk_parse(text):
    """16 DSK bytes from "56990-56189-...-13623" (dashes or spaces). Raises BadDsk with the
    library's reason as detail."""
    out = ctypes.create_string_buffer(DSK_LEN)
    reason = ctypes.c_char_p()
    E.check(lib.zwh_dsk_parse(text.encode(), out, ctypes.byref(reason)), cstr(reason.value) or None)
    return out.raw


def dsk_format(dsk):
    """The 47-character text form of 16 DSK bytes."""
    out = ctypes.create_string_buffer(DSK_TEXT_SIZE)
    E.check(lib.zwh_dsk_format(_dsk_bytes(dsk), out, DSK_TEXT_SIZE))
    return out.value.decode()


def dsk_pin(dsk):
    """The PIN of a DSK: its first group, 0..65535."""
    pin = ctypes.c_uint16()
    E.check(lib.zwh_dsk_pin_get(_dsk_bytes(dsk), ctypes.byref(pin)))
    return pin.value


def pin_parse(text):
    """A 5-digit PIN ("01234") as an int. Raises BadDsk with the reason as detail."""
    pin = ctypes.c_uint16()
    reason = ctypes.c_char_p()
    E.check(lib.zwh_dsk_pin_parse(text.encode(), ctypes.byref(pin), ctypes.byref(reason)),
            cstr(reason.value) or None)
    return pin.value


class QrInfo(Record):
    """A decoded SmartStart / S2 QR code (zwh_qr_info_t fields; dsk and uuid as bytes)."""
    __slots__ = ()

    @property
    def dsk_text(self):
        return dsk_format(self.dsk)

    @property
    def pin(self):
        return dsk_pin(self.dsk)

    @property
    def uuid_text(self):
        """The UUID in its presentation format ("sn:..."), or None without one."""
        return self._values.get("_uuid_text")

    def as_dict(self):
        d = dict(self._values)
        d.pop("_uuid_text", None)
        return d


def qr_decode(text):
    """Decodes a QR code text ("9001...") into a QrInfo. Raises BadQrCode with the reason."""
    info = QrInfoC()
    reason = ctypes.c_char_p()
    E.check(lib.zwh_qr_decode(text.encode(), ctypes.byref(info), ctypes.byref(reason)),
            cstr(reason.value) or None)
    qr = QrInfo(info)
    uuid = None
    if info.has_uuid:
        buf = ctypes.create_string_buffer(64)
        n = E.check(lib.zwh_qr_uuid_format(ctypes.byref(info), buf, len(buf)))
        uuid = buf.raw[:n].decode("ascii", "replace")
    qr._values["_uuid_text"] = uuid
    return qr


class Keystore:
    """The network keys file (zwh_keystore_*): loaded, or created with fresh keys and mode
    0600 when missing. Key bytes never reach Python. close() wipes and frees it."""

    _ks = None

    def __init__(self, path):
        self.path = path
        msg = ctypes.create_string_buffer(256)
        ks = ctypes.c_void_p()
        E.check(lib.zwh_keystore_new(str(path).encode(), ctypes.byref(ks), msg, len(msg)),
                msg.value.decode("utf-8", "replace") or str(path))
        self._ks = ks

    @property
    def classes(self):
        """frozenset of the ZWH_SECCLASS_* numbers that have a key (see SECCLASS_NAMES)."""
        if self._ks is None:
            raise E.Canceled(detail="keystore closed")
        mask = lib.zwh_keystore_classes_get(self._ks)
        return frozenset(i for i in range(32) if mask & (1 << i))

    def close(self):
        ks, self._ks = self._ks, None
        if ks is not None:
            lib.zwh_keystore_free(ks)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __del__(self):
        self.close()


class PortInfo(Record):
    """One serial port (zwh_port_info_t)."""
    __slots__ = ()


def list_ports(max_ports=64):
    """The system's serial ports as PortInfo records; is_zwave marks known Z-Wave sticks."""
    arr = (PortInfoC * max_ports)()
    count = ctypes.c_size_t(0)
    E.check(lib.zwh_port_list(arr, max_ports, ctypes.byref(count)))
    return [PortInfo(arr[i]) for i in range(min(count.value, max_ports))]


def is_zwave_usb(vid, pid):
    return bool(lib.zwh_port_is_zwave_usb(int(vid), int(pid)))
