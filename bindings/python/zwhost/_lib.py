"""Finding and loading libzwhost, and the prototypes of every function the binding calls.

Lookup order (the first that exists wins):
  1. the file named by the ZWHOST_LIBRARY environment variable (an error if it cannot be
     loaded: an explicit choice never falls back silently);
  2. the repository's build/lib/ next to this package (bindings/python/zwhost -> ../../../build/lib),
     so tests and examples in a checkout use the library just built;
  3. the system: ctypes.util.find_library("zwhost"), then "libzwhost.so.0".

Every prototype is declared here, once: argtypes and restype for each function, so ctypes
never guesses an int where the C function takes a pointer or a uint16_t.
"""
import ctypes
import ctypes.util
import os

from . import _structs as S

SONAME = "libzwhost.so.0"

c_int, c_char_p, c_void_p, c_size_t = ctypes.c_int, ctypes.c_char_p, ctypes.c_void_p, ctypes.c_size_t
c_uint8, c_uint16, c_uint32 = ctypes.c_uint8, ctypes.c_uint16, ctypes.c_uint32
P = ctypes.POINTER

# Callback types, as in include/zwhost/host.h and log.h. The host and event handles are
# opaque: c_void_p.
EVENT_CB = ctypes.CFUNCTYPE(None, c_void_p, c_void_p, c_void_p)
CLOSE_CB = ctypes.CFUNCTYPE(None, c_void_p, c_void_p)
WAKEUP_CB = ctypes.CFUNCTYPE(None, c_void_p, c_void_p)
LOG_CB = ctypes.CFUNCTYPE(None, c_int, c_char_p, c_void_p)

# name: (restype, argtypes)
PROTOTYPES = {
    # common.h, error.h, log.h
    "zwh_version": (c_uint32, []),
    "zwh_version_string": (c_char_p, []),
    "zwh_strerror": (c_char_p, [c_int]),
    "zwh_err_name": (c_char_p, [c_int]),
    "zwh_log_level_name": (c_char_p, [c_int]),
    # host.h: events
    "zwh_event_get_type": (c_int, [c_void_p]),
    "zwh_event_type_name": (c_char_p, [c_int]),
    "zwh_event_get_status": (c_int, [c_void_p]),
    "zwh_event_get_message": (c_char_p, [c_void_p]),
    "zwh_event_get_node_id": (c_uint16, [c_void_p]),
    "zwh_event_get_data": (P(c_uint8), [c_void_p, P(c_size_t)]),
    "zwh_event_get_rssi": (c_int, [c_void_p]),
    # host.h: lifecycle
    "zwh_host_new": (c_int, [c_void_p, P(c_void_p)]),
    "zwh_host_set_port": (c_int, [c_void_p, c_char_p]),
    "zwh_host_set_event_cb": (c_int, [c_void_p, EVENT_CB, c_void_p]),
    "zwh_host_set_log": (c_int, [c_void_p, LOG_CB, c_int, ctypes.c_uint, c_void_p]),
    "zwh_host_set_timeout": (c_int, [c_void_p, c_int, c_uint32]),
    "zwh_host_set_reconnect": (c_int, [c_void_p, c_uint32, c_uint32]),
    "zwh_host_set_wakeup_cb": (c_int, [c_void_p, WAKEUP_CB, c_void_p]),
    "zwh_host_start": (c_int, [c_void_p]),
    "zwh_host_wakeup": (c_int, [c_void_p]),
    "zwh_host_close": (c_int, [c_void_p, CLOSE_CB, c_void_p]),
    "zwh_host_run": (c_int, [c_void_p, c_int]),
    "zwh_host_get_state": (c_int, [c_void_p]),
    "zwh_host_get_controller_info": (c_int, [c_void_p, P(S.ControllerInfoC)]),
    "zwh_host_get_node_ids": (c_int, [c_void_p, P(c_uint16), c_size_t, P(c_size_t)]),
    "zwh_host_get_node_info": (c_int, [c_void_p, c_uint16, P(S.NodeInfoC)]),
    "zwh_generic_class_name": (c_char_p, [c_uint8]),
    "zwh_rf_region_name": (c_char_p, [c_uint8]),
    # cc.h
    "zwh_cc_format": (c_int, [c_char_p, c_size_t, c_char_p, c_size_t]),
    "zwh_cc_get_name": (c_char_p, [c_uint8]),
    "zwh_cc_get_command_name": (c_char_p, [c_uint8, c_uint8]),
    "zwh_cc_get_version": (c_int, [c_uint8]),
    # security.h
    "zwh_dsk_format": (c_int, [c_char_p, c_char_p, c_size_t]),
    "zwh_dsk_parse": (c_int, [c_char_p, c_char_p, P(c_char_p)]),
    "zwh_dsk_pin_get": (c_int, [c_char_p, P(c_uint16)]),
    "zwh_dsk_pin_parse": (c_int, [c_char_p, P(c_uint16), P(c_char_p)]),
    "zwh_qr_decode": (c_int, [c_char_p, P(S.QrInfoC), P(c_char_p)]),
    "zwh_qr_uuid_format": (c_int, [P(S.QrInfoC), c_char_p, c_size_t]),
    "zwh_keystore_new": (c_int, [c_char_p, P(c_void_p), c_char_p, c_size_t]),
    "zwh_keystore_free": (None, [c_void_p]),
    "zwh_keystore_classes_get": (c_uint32, [c_void_p]),
    # port.h
    "zwh_port_list": (c_int, [P(S.PortInfoC), c_size_t, P(c_size_t)]),
    "zwh_port_is_zwave_usb": (c_int, [c_uint16, c_uint16]),
}


def candidates(environ=None, package_dir=None):
    """The library paths to try, in order, as (origin, path) pairs.

    origin is "env", "build" or "system". A pure function of its arguments so the
    lookup order can be tested without loading anything."""
    environ = os.environ if environ is None else environ
    package_dir = package_dir or os.path.dirname(os.path.abspath(__file__))
    out = []
    env = environ.get("ZWHOST_LIBRARY")
    if env:
        out.append(("env", env))
    build_lib = os.path.normpath(os.path.join(package_dir, "..", "..", "..", "build", "lib"))
    for name in (SONAME, "libzwhost.so"):
        out.append(("build", os.path.join(build_lib, name)))
    found = ctypes.util.find_library("zwhost")
    if found:
        out.append(("system", found))
    out.append(("system", SONAME))
    return out


def load(environ=None, package_dir=None):
    """Loads the first library of candidates(); returns (CDLL, path, origin).

    Raises OSError naming every place tried when none loads."""
    tried = []
    for origin, path in candidates(environ, package_dir):
        if origin == "build" and not os.path.exists(path):
            tried.append(path + " (absent)")
            continue
        try:
            lib = ctypes.CDLL(path)
        except OSError as e:
            if origin == "env":
                raise OSError("ZWHOST_LIBRARY=%s cannot be loaded: %s" % (path, e)) from None
            tried.append("%s (%s)" % (path, e))
            continue
        declare(lib)
        return lib, getattr(lib, "_name", path), origin
    raise OSError("libzwhost not found; set ZWHOST_LIBRARY or build the repository (make). Tried: "
                  + "; ".join(tried))


def declare(lib):
    """Sets argtypes/restype of every prototype the library exports. A function missing from an
    older library is left out; callers check with has()."""
    for name, (res, args) in PROTOTYPES.items():
        fn = getattr(lib, name, None)
        if fn is None:
            continue
        fn.restype = res
        fn.argtypes = args


def has(lib, name):
    try:
        getattr(lib, name)
        return True
    except AttributeError:
        return False
