"""ctypes mirrors of the public plain-data structs (field order and types exactly as in
include/zwhost/*.h; tests/test_layout.py checks sizes and offsets against the C compiler)."""
import ctypes

u8, u16, u32, ch = ctypes.c_uint8, ctypes.c_uint16, ctypes.c_uint32, ctypes.c_char


class ControllerInfoC(ctypes.Structure):
    """zwh_controller_info_t (host.h)"""
    _fields_ = [
        ("home_id", u32),
        ("node_id", u16),
        ("suc_node_id", u16),
        ("library_version", ch * 32),
        ("library_type", u8),
        ("api_version", u8),
        ("api_capabilities", u8),
        ("controller_capabilities", u8),
        ("chip_type", u8),
        ("chip_version", u8),
        ("app_version", u8),
        ("app_revision", u8),
        ("manufacturer_id", u16),
        ("product_type", u16),
        ("product_id", u16),
        ("protocol_major", u8),
        ("protocol_minor", u8),
        ("protocol_patch", u8),
        ("rf_region", u8),
        ("max_payload", u8),
        ("max_payload_lr", u8),
        ("is_primary", u8),
        ("is_sis", u8),
        ("long_range", u8),
        ("nodeid16", u8),
        ("tx_status_report", u8),
        ("function_mask", u8 * 32),
        ("node_count", u16),
        ("reserved", u8 * 6),
    ]


class NodeInfoC(ctypes.Structure):
    """zwh_node_info_t (host.h)"""
    _fields_ = [
        ("node_id", u16),
        ("basic", u8),
        ("generic", u8),
        ("specific", u8),
        ("listening", u8),
        ("routing", u8),
        ("beaming", u8),
        ("flirs_ms", u16),
        ("sleeping", u8),
        ("controller", u8),
        ("security_flag", u8),
        ("protocol_version", u8),
        ("long_range", u8),
        ("reserved", u8),
        ("max_speed", u32),
    ]


class QrInfoC(ctypes.Structure):
    """zwh_qr_info_t (security.h)"""
    _fields_ = [
        ("version", u8),
        ("requested_keys", u8),
        ("checksum", u16),
        ("dsk", u8 * 16),
        ("has_product_type", u8),
        ("generic_device_class", u8),
        ("specific_device_class", u8),
        ("installer_icon_type", u16),
        ("has_product_id", u8),
        ("manufacturer_id", u16),
        ("product_type", u16),
        ("product_id", u16),
        ("application_version", u16),
        ("has_max_inclusion_interval", u8),
        ("max_inclusion_interval_s", u16),
        ("has_uuid", u8),
        ("uuid_format", u8),
        ("uuid", u8 * 16),
        ("has_supported_protocols", u8),
        ("supported_protocols", u16),
        ("unknown_blocks", u8),
    ]


class PortInfoC(ctypes.Structure):
    """zwh_port_info_t (port.h)"""
    _fields_ = [
        ("path", ch * 128),
        ("manufacturer", ch * 64),
        ("product", ch * 64),
        ("serial", ch * 64),
        ("usb_vid", u16),
        ("usb_pid", u16),
        ("is_usb", u8),
        ("is_zwave", u8),
        ("reserved", u8 * 2),
    ]


i8, i32, i64 = ctypes.c_int8, ctypes.c_int32, ctypes.c_int64


def _u8s(*names):
    return [(n, u8) for n in names]


class SendOptsC(ctypes.Structure):
    """zwh_send_opts_t (send.h)"""
    _fields_ = _u8s("endpoint", "flags", "expect_cc", "expect_cmd", "match_index", "match_value") + [
        ("secclass", i8), ("reserved", u8), ("timeout_ms", u32)]


class IncludeOptsC(ctypes.Structure):
    """zwh_include_opts_t (inclusion.h)"""
    _fields_ = [("timeout_ms", u32), ("allowed", u32)] + _u8s("network_wide", "auto_grant", "has_pin", "reserved") + [
        ("pin", u16), ("reserved2", u16)]


class ConfigParamInfoC(ctypes.Structure):
    """zwh_config_param_info_t (node.h)"""
    _fields_ = [("number", u16)] + _u8s("size", "format", "flags") + [
        ("reserved", u8 * 3), ("min_value", i64), ("max_value", i64), ("default_value", i64), ("value", i64),
        ("name", ch * 128), ("info", ch * 512)]


class DoorLockOperationSetC(ctypes.Structure):
    """zwh_door_lock_operation_set_t (cc/door_lock.h)"""
    _fields_ = _u8s("mode")


class DoorLockOperationReportC(ctypes.Structure):
    """zwh_door_lock_operation_report_t (cc/door_lock.h)"""
    _fields_ = _u8s("mode", "outside_handles", "inside_handles", "condition", "timeout_minutes",
                    "timeout_seconds", "has_target", "target_mode", "duration")


class UserCodeC(ctypes.Structure):
    """zwh_user_code_t (cc/user_code.h): Set and Report"""
    _fields_ = _u8s("user_id", "status", "code_len") + [("code", u8 * 10)]


class UserCodeGetC(ctypes.Structure):
    """zwh_user_code_get_t (cc/user_code.h)"""
    _fields_ = _u8s("user_id")


class BinarySwitchSetC(ctypes.Structure):
    """zwh_binary_switch_set_t (cc/binary_switch.h)"""
    _fields_ = _u8s("value", "has_duration", "duration")


class BinarySwitchReportC(ctypes.Structure):
    """zwh_binary_switch_report_t (cc/binary_switch.h)"""
    _fields_ = _u8s("current_value", "has_target", "target_value", "duration")


class MeterGetC(ctypes.Structure):
    """zwh_meter_get_t (cc/meter.h)"""
    _fields_ = _u8s("has_scale", "rate_type", "scale", "scale2")


class MeterReportC(ctypes.Structure):
    """zwh_meter_report_t (cc/meter.h)"""
    _fields_ = _u8s("meter_type", "rate_type", "scale", "scale2", "precision", "size", "has_delta",
                    "has_previous") + [("delta_time", u16), ("value", i32), ("previous_value", i32)]


class ConfigurationSetC(ctypes.Structure):
    """zwh_configuration_set_t (cc/configuration.h)"""
    _fields_ = _u8s("parameter", "size", "format", "use_default") + [("value", i64)]


class ConfigurationGetC(ctypes.Structure):
    """zwh_configuration_get_t (cc/configuration.h)"""
    _fields_ = _u8s("parameter")


class ConfigurationReportC(ctypes.Structure):
    """zwh_configuration_report_t (cc/configuration.h)"""
    _fields_ = _u8s("parameter", "size", "format") + [("value", i64)]


class NotificationReportC(ctypes.Structure):
    """zwh_notification_report_t (cc/notification.h)"""
    _fields_ = _u8s("v1_type", "v1_level", "has_notification", "status", "type", "event", "params_len") + [
        ("params", u8 * 31), ("has_sequence", u8), ("sequence", u8)]


# (C type name, ctypes class) for the layout test
ALL = [
    ("zwh_controller_info_t", ControllerInfoC),
    ("zwh_node_info_t", NodeInfoC),
    ("zwh_qr_info_t", QrInfoC),
    ("zwh_port_info_t", PortInfoC),
    ("zwh_send_opts_t", SendOptsC),
    ("zwh_include_opts_t", IncludeOptsC),
    ("zwh_config_param_info_t", ConfigParamInfoC),
    ("zwh_door_lock_operation_set_t", DoorLockOperationSetC),
    ("zwh_door_lock_operation_report_t", DoorLockOperationReportC),
    ("zwh_user_code_t", UserCodeC),
    ("zwh_user_code_get_t", UserCodeGetC),
    ("zwh_binary_switch_set_t", BinarySwitchSetC),
    ("zwh_binary_switch_report_t", BinarySwitchReportC),
    ("zwh_meter_get_t", MeterGetC),
    ("zwh_meter_report_t", MeterReportC),
    ("zwh_configuration_set_t", ConfigurationSetC),
    ("zwh_configuration_get_t", ConfigurationGetC),
    ("zwh_configuration_report_t", ConfigurationReportC),
    ("zwh_notification_report_t", NotificationReportC),
]


def to_python(value):
    """A ctypes field value as plain Python: char arrays -> str, byte arrays -> bytes."""
    if isinstance(value, bytes):  # ctypes gives char arrays as bytes up to the NUL
        return value.decode("utf-8", "replace")
    if isinstance(value, ctypes.Array):
        return bytes(value)
    return value


class Record:
    """A read-only Python copy of a C struct: one attribute per field (reserved ones left out).
    Equality and repr by fields."""
    _c_type = None
    __slots__ = ("_values",)

    def __init__(self, c_struct):
        values = {}
        for name, _ in c_struct._fields_:
            if not name.startswith("reserved"):
                values[name] = to_python(getattr(c_struct, name))
        object.__setattr__(self, "_values", values)

    def __getattr__(self, name):
        try:
            return self._values[name]
        except KeyError:
            raise AttributeError(name) from None

    def __setattr__(self, name, value):
        raise AttributeError("%s is read-only" % type(self).__name__)

    def __eq__(self, other):
        return type(other) is type(self) and other._values == self._values

    def __hash__(self):
        return hash(tuple(sorted(self._values.items())))

    def as_dict(self):
        return dict(self._values)

    def __dir__(self):
        return list(self._values) + [n for n in dir(type(self)) if not n.startswith("__")]

    def __repr__(self):
        inner = ", ".join("%s=%r" % kv for kv in self._values.items())
        return "%s(%s)" % (type(self).__name__, inner)
