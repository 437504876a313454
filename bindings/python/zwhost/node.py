"""zwhost.Node: one node of a host's network and its command-class helpers.

Every operation is a blocking call on top of Host.send (the library's send pipeline: S2/S0,
Supervision, Multi Channel and retries are the library's). The commands are built and the
reports read with the library's CC codecs (zwhost/cc/*.h) through ctypes, so the binding
never lays out bytes itself. Calls take `timeout` (seconds; default: the host's) and raise
zwhost.Error subclasses: SupervisionFail when the node answers Supervision FAIL, Timeout,
NodeNoAck, NodeDead, ...

    node = host.nodes[3]
    node.unlock()
    node.user_code.set(5, "1234")
    status, code = node.user_code.get(5)
"""
import collections
import ctypes

from . import _codec
from ._core import lib, cstr
from ._structs import ConfigParamInfoC, Record
from . import errors as E

__all__ = ["Node", "LockState", "MeterReading", "USER_CODE_STATUS_NAMES"]

CC_BINARY_SWITCH, CC_METER, CC_CONFIGURATION, CC_DOOR_LOCK, CC_USER_CODE = 0x25, 0x32, 0x70, 0x62, 0x63
DOOR_LOCK_OPERATION_REPORT = 0x03
USER_CODE_REPORT = 0x03
BINARY_SWITCH_REPORT = 0x03
METER_REPORT = 0x02
CONFIGURATION_REPORT = 0x06
MODE_UNSECURED, MODE_SECURED = 0x00, 0xFF
USER_STATUS_AVAILABLE, USER_STATUS_ENABLED = 0x00, 0x01
USER_CODE_STATUS_NAMES = {0x00: "available", 0x01: "enabled", 0x02: "disabled", 0x03: "messaging",
                          0x04: "passage", 0xFE: "not available"}
METER_SCALE_MORE = 7


class LockState(Record):
    """A Door Lock Operation Report (zwh_door_lock_operation_report_t fields)."""
    __slots__ = ()

    @property
    def locked(self):
        """True when the bolt is secured, False when in any unsecured mode, None when unknown."""
        if self.mode == MODE_SECURED:
            return True
        return None if self.mode == 0xFE else False

    @property
    def mode_name(self):
        return cstr(lib.zwh_door_lock_get_mode_name(self.mode)) or None


# one reading of node.meter.get(): unpacks as (scale, value)
MeterReading = collections.namedtuple("MeterReading", "scale value")
MeterReading.__doc__ = """One meter reading: scale ("kWh", "W", "V", "A", ...) and value (a float
with the reported precision). Further facts: reading.meter_type, .rate_type, .report (the
decoded zwh_meter_report_t as a dict)."""


class _Reading(MeterReading):
    pass  # a __dict__ for the extra facts (a tuple subclass cannot have slots)


def _meter_reading(rep):
    scale2 = rep.scale2 if rep.scale == METER_SCALE_MORE else 0
    name = cstr(lib.zwh_meter_get_scale_name(rep.meter_type, rep.scale, scale2)) or "scale %d" % rep.scale
    r = _Reading(name, rep.value / (10 ** rep.precision))
    r.meter_type = cstr(lib.zwh_meter_get_type_name(rep.meter_type)) or str(rep.meter_type)
    r.rate_type = rep.rate_type
    r.report = Record(rep).as_dict()
    return r


class _Part:
    def __init__(self, node):
        self.node = node

    def _send(self, cmd, **kw):
        return self.node.host.send(self.node.id, cmd, endpoint=self.node.endpoint, **kw)


class UserCodes(_Part):
    """node.user_code: User Code CC (0x63), user ids 1..255."""

    def set(self, user_id, code, status=USER_STATUS_ENABLED, timeout=None):
        """Sets the code (4..10 digits, str) of user_id, enabled unless status says otherwise."""
        self._send(_codec.encode("user_code_set", user_id=int(user_id), status=int(status), code=str(code)),
                   timeout=timeout)

    def get(self, user_id, timeout=None):
        """(status, code) of user_id: status a ZWH_USER_CODE_STATUS_* number (see
        USER_CODE_STATUS_NAMES), code the digits as str ("" when the slot is available)."""
        r = self._send(_codec.encode("user_code_get", user_id=int(user_id)),
                       expect=(CC_USER_CODE, USER_CODE_REPORT), match=(2, int(user_id)), timeout=timeout)
        rep = _codec.decode("user_code_report", r.report)
        code = bytes(rep.code[:rep.code_len])
        if rep.status == USER_STATUS_AVAILABLE or not code.strip(b"\0"):
            code = b""
        return rep.status, code.decode("ascii", "replace")

    def clear(self, user_id, timeout=None):
        """Erases user_id's code (status available)."""
        self._send(_codec.encode("user_code_set", user_id=int(user_id), status=USER_STATUS_AVAILABLE),
                   timeout=timeout)


class Switch(_Part):
    """node.switch: Binary Switch CC (0x25)."""

    def on(self, timeout=None):
        self._send(_codec.encode("binary_switch_set", value=0xFF), timeout=timeout)

    def off(self, timeout=None):
        self._send(_codec.encode("binary_switch_set", value=0x00), timeout=timeout)

    def get(self, timeout=None):
        """True (on), False (off) or None (unknown) from a Binary Switch Report."""
        r = self._send(_codec.encode("binary_switch_get"), expect=(CC_BINARY_SWITCH, BINARY_SWITCH_REPORT),
                       timeout=timeout)
        v = _codec.decode("binary_switch_report", r.report).current_value
        return None if v == 0xFE else v != 0


class Meter(_Part):
    """node.meter: Meter CC (0x32)."""

    def get(self, timeout=None):
        """A list of MeterReading (scale name, value): one per scale the interview found
        supported (Meter Supported), or the node's default reading when unknown."""
        scales = self.node._meter_scales()
        if not scales:
            return [self._get(None, timeout)]
        return [self._get(s, timeout) for s in scales]

    def _get(self, scale, timeout):
        fields = {} if scale is None else {"has_scale": 1, "scale": min(scale, METER_SCALE_MORE),
                                           "scale2": max(scale - METER_SCALE_MORE, 0)}
        r = self._send(_codec.encode("meter_get", **fields), expect=(CC_METER, METER_REPORT), timeout=timeout)
        return _meter_reading(_codec.decode("meter_report", r.report))


class Config(_Part):
    """node.config: Configuration CC (0x70), parameters 1..255."""

    def get(self, number, timeout=None):
        """The parameter's value (signed, as the report gives it)."""
        return self._report(number, timeout).value

    def set(self, number, value, size=None, timeout=None):
        """Sets a parameter. size (1, 2, 4) defaults to what the interview learned, else to the
        size of the node's current Configuration Report of that parameter."""
        number = int(number)
        if size is None:
            size = self.node._param_size(number) or self._report(number, timeout).size
        self._send(_codec.encode("configuration_set", parameter=number, size=int(size), value=int(value)),
                   timeout=timeout)

    def _report(self, number, timeout):
        r = self._send(_codec.encode("configuration_get", parameter=int(number)),
                       expect=(CC_CONFIGURATION, CONFIGURATION_REPORT), match=(2, int(number)), timeout=timeout)
        return _codec.decode("configuration_report", r.report)


class Node:
    """A node of the host's network (host.nodes[id] or host.node(id)); endpoint selects a
    Multi Channel end point (node.at(1) returns that view)."""

    def __init__(self, host, node_id, endpoint=0):
        self.host = host
        self.id = int(node_id)
        self.endpoint = int(endpoint)
        self.user_code = UserCodes(self)
        self.switch = Switch(self)
        self.meter = Meter(self)
        self.config = Config(self)

    def at(self, endpoint):
        """The same node addressed at Multi Channel end point `endpoint`."""
        return Node(self.host, self.id, endpoint)

    # ---- facts (no traffic) ------------------------------------------------------------

    @property
    def info(self):
        """NodeInfo read from the host now (raises NoSuchNode once the node is gone)."""
        from .host import _node_info
        return self.host._call(lambda h: _node_info(h, self.id))

    @property
    def granted(self):
        """frozenset of the security class names the node was granted."""
        from .host import classes_names
        g = ctypes.c_uint32(0)
        self.host._call(lambda h: E.check(lib.zwh_host_get_node_granted(h, self.id, ctypes.byref(g)),
                                          "node %d" % self.id))
        return classes_names(g.value)

    @property
    def interview_state(self):
        """INTERVIEW_NONE (0), INTERVIEW_RUNNING (1) or INTERVIEW_COMPLETE (2)."""
        return self.host._call(lambda h: E.check(lib.zwh_host_get_interview_state(h, self.id), "node %d" % self.id))

    def supports(self, cc):
        """True when the node (this end point) supports command class cc, as far as known."""
        return bool(self.host._call(lambda h: E.check(lib.zwh_host_node_supports(h, self.id, self.endpoint, cc))))

    def wait_ready(self, timeout=None):
        """Blocks until the node's interview is complete (ZWH_EVENT_NODE_READY)."""
        from .host import EVENT_NODE_READY, INTERVIEW_COMPLETE
        timeout = self.host.timeout if timeout is None else timeout
        with self.host.events(timeout=timeout, types=EVENT_NODE_READY) as stream:
            if self.interview_state == INTERVIEW_COMPLETE:
                return
            for ev in stream:
                if ev.node_id == self.id:
                    return
        raise E.Timeout(detail="node %d: interview not complete within %gs" % (self.id, timeout))

    def _meter_scales(self):
        mtype, scales, reset = ctypes.c_uint8(), ctypes.c_uint32(), ctypes.c_uint8()
        rc = self.host._call(lambda h: lib.zwh_host_get_meter_support(
            h, self.id, self.endpoint, ctypes.byref(mtype), ctypes.byref(scales), ctypes.byref(reset)))
        if rc < 0:
            return []
        return [i for i in range(32) if scales.value & (1 << i)]

    def _param_size(self, number):
        p = ConfigParamInfoC()
        rc = self.host._call(lambda h: lib.zwh_host_get_config_param(h, self.id, self.endpoint, number,
                                                                     ctypes.byref(p)))
        return p.size if rc >= 0 else 0

    # ---- Door Lock (0x62) --------------------------------------------------------------

    def lock(self, timeout=None):
        """Door Lock Operation Set secured; returns once the lock reports success (a supervised
        lock answers WORKING while the bolt moves; SupervisionFail when it jams)."""
        self._lock_mode(MODE_SECURED, timeout)

    def unlock(self, timeout=None):
        """Door Lock Operation Set unsecured (see lock())."""
        self._lock_mode(MODE_UNSECURED, timeout)

    def lock_state(self, timeout=None):
        """Door Lock Operation Get -> LockState (mode, mode_name, locked, condition, ...)."""
        r = self.host.send(self.id, _codec.encode("door_lock_operation_get"), endpoint=self.endpoint,
                           expect=(CC_DOOR_LOCK, DOOR_LOCK_OPERATION_REPORT), timeout=timeout)
        return LockState(_codec.decode("door_lock_operation_report", r.report))

    def _lock_mode(self, mode, timeout):
        self.host.send(self.id, _codec.encode("door_lock_operation_set", mode=mode), endpoint=self.endpoint,
                       timeout=timeout)

    def send(self, command, **kw):
        """Host.send to this node (and end point)."""
        kw.setdefault("endpoint", self.endpoint)
        return self.host.send(self.id, command, **kw)

    def __eq__(self, other):
        return (isinstance(other, Node) and other.host is self.host and other.id == self.id
                and other.endpoint == self.endpoint)

    def __hash__(self):
        return hash((id(self.host), self.id, self.endpoint))

    def __repr__(self):
        return "Node(%d)" % self.id if not self.endpoint else "Node(%d.%d)" % (self.id, self.endpoint)
