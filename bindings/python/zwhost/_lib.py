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
# send.h, inclusion.h: (host, result, user), (host, status, node, granted, kex_fail, user),
# (host, status, node, user)
SEND_CB = ctypes.CFUNCTYPE(None, c_void_p, c_void_p, c_void_p)
INCLUDE_CB = ctypes.CFUNCTYPE(None, c_void_p, c_int, c_uint16, c_uint32, c_int, c_void_p)
NODE_CB = ctypes.CFUNCTYPE(None, c_void_p, c_int, c_uint16, c_void_p)

# The CC codecs the node surface uses: (function, struct or None) -> prototypes below.
# encode(in, out, cap) / encode(out, cap) when the struct is None; decode(frame, len, out).
CODECS = {
    "door_lock_operation_set": S.DoorLockOperationSetC,
    "door_lock_operation_get": None,
    "door_lock_operation_report": S.DoorLockOperationReportC,
    "user_code_set": S.UserCodeC,
    "user_code_get": S.UserCodeGetC,
    "user_code_report": S.UserCodeC,
    "binary_switch_set": S.BinarySwitchSetC,
    "binary_switch_get": None,
    "binary_switch_report": S.BinarySwitchReportC,
    "meter_get": S.MeterGetC,
    "meter_report": S.MeterReportC,
    "configuration_set": S.ConfigurationSetC,
    "configuration_get": S.ConfigurationGetC,
    "configuration_report": S.ConfigurationReportC,
    "notification_report": S.NotificationReportC,
}

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
    "zwh_event_get_endpoint": (c_int, [c_void_p]),
    "zwh_event_get_secclass": (c_int, [c_void_p]),
    "zwh_event_get_value": (c_uint32, [c_void_p]),
    "zwh_event_get_progress": (c_int, [c_void_p, P(c_int), P(c_int)]),
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
    "zwh_host_get_node_ccs": (c_int, [c_void_p, c_uint16, P(c_uint8), c_size_t, P(c_size_t), P(c_uint8),
                                      c_size_t, P(c_size_t)]),
    "zwh_host_interview": (c_int, [c_void_p, c_uint16]),
    # send.h
    "zwh_send_opts_init": (None, [P(S.SendOptsC)]),
    "zwh_host_send": (c_int, [c_void_p, c_uint16, P(c_uint8), c_size_t, P(S.SendOptsC), SEND_CB, c_void_p,
                              P(c_uint32)]),
    "zwh_host_cancel": (c_int, [c_void_p, c_uint32]),
    "zwh_result_get_status": (c_int, [c_void_p]),
    "zwh_result_is_final": (c_int, [c_void_p]),
    "zwh_result_get_request_id": (c_uint32, [c_void_p]),
    "zwh_result_get_node_id": (c_uint16, [c_void_p]),
    "zwh_result_get_supervision_status": (c_int, [c_void_p]),
    "zwh_result_get_duration": (c_int, [c_void_p]),
    "zwh_result_get_report": (P(c_uint8), [c_void_p, P(c_size_t)]),
    "zwh_result_get_secclass": (c_int, [c_void_p]),
    "zwh_result_get_rssi": (c_int, [c_void_p]),
    # inclusion.h
    "zwh_include_opts_init": (None, [P(S.IncludeOptsC)]),
    "zwh_host_include": (c_int, [c_void_p, P(S.IncludeOptsC), INCLUDE_CB, c_void_p]),
    "zwh_host_grant": (c_int, [c_void_p, c_uint32, c_int]),
    "zwh_host_set_pin": (c_int, [c_void_p, c_uint16]),
    "zwh_host_stop": (c_int, [c_void_p]),
    "zwh_host_exclude": (c_int, [c_void_p, c_uint32, NODE_CB, c_void_p]),
    "zwh_host_remove_failed": (c_int, [c_void_p, c_uint16, NODE_CB, c_void_p]),
    "zwh_host_set_keys": (c_int, [c_void_p, c_char_p, c_char_p, c_size_t]),
    "zwh_host_get_node_granted": (c_int, [c_void_p, c_uint16, P(c_uint32)]),
    # storage.h
    "zwh_host_set_state_file": (c_int, [c_void_p, c_char_p]),
    "zwh_host_save_state": (c_int, [c_void_p]),
    # node.h
    "zwh_host_get_interview_state": (c_int, [c_void_p, c_uint16]),
    "zwh_host_node_supports": (c_int, [c_void_p, c_uint16, c_uint8, c_uint8]),
    "zwh_host_get_cc_version": (c_int, [c_void_p, c_uint16, c_uint8]),
    "zwh_host_get_manufacturer": (c_int, [c_void_p, c_uint16, P(c_uint16), P(c_uint16), P(c_uint16)]),
    "zwh_host_get_config_param": (c_int, [c_void_p, c_uint16, c_uint8, c_uint16, P(S.ConfigParamInfoC)]),
    "zwh_host_get_meter_support": (c_int, [c_void_p, c_uint16, c_uint8, P(c_uint8), P(c_uint32), P(c_uint8)]),
    "zwh_host_get_user_count": (c_int, [c_void_p, c_uint16, P(c_uint16)]),
    # cc/*.h names
    "zwh_door_lock_get_mode_name": (c_char_p, [c_uint8]),
    "zwh_meter_get_type_name": (c_char_p, [c_uint8]),
    "zwh_meter_get_scale_name": (c_char_p, [c_uint8, c_uint8, c_uint8]),
    "zwh_meter_get_rate_name": (c_char_p, [c_uint8]),
    "zwh_notification_get_type_name": (c_char_p, [c_uint8]),
    "zwh_notification_get_event_name": (c_char_p, [c_uint8, c_uint8]),
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


for _name, _st in CODECS.items():
    PROTOTYPES["zwh_%s_encode" % _name] = (c_int, ([P(_st)] if _st else []) + [P(c_uint8), c_size_t])
    if _st is not None:
        PROTOTYPES["zwh_%s_decode" % _name] = (c_int, [P(c_uint8), c_size_t, P(_st)])


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
