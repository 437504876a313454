"""zwhost.Host: one controller driven from Python.

Threads. The host gets its own libuv loop (zwh_host_new(NULL, ...)) and the binding runs it
in a thread it owns (zwh_host_run). The library is single-threaded: every call into it after
start happens on that loop thread. A call from any other thread is put on a queue and the
loop is woken with zwh_host_wakeup(), the library's only thread-safe function; the wakeup
callback drains the queue on the loop thread and hands each result back through a Future.
Calls made on the loop thread itself (from an event callback) run directly.

Callbacks. The CFUNCTYPE objects passed to the library are attributes of the Host and stay
referenced until the loop thread has returned from zwh_host_run (the library has freed the
host by then and can no longer call them). If a close times out they are moved to a
module-level list that is never emptied, so a late call can never hit freed memory.
"""
import atexit
import os
import concurrent.futures
import ctypes
import logging
import queue
import threading
import time
import weakref

from . import _lib
from ._core import lib, cstr
from ._structs import ControllerInfoC, NodeInfoC, SendOptsC, IncludeOptsC, Record
from . import errors as E
from .helpers import cc_format, dsk_format, pin_parse, Keystore, SECCLASS_NAMES
from . import _codec

__all__ = ["Host", "Node", "Event", "EventStream", "ControllerInfo", "NodeInfo", "SendResult", "Notification"]

# host.h constants
EVENT_READY = 1
EVENT_ERROR = 2
EVENT_DISCONNECTED = 3
EVENT_CONNECTED = 4
EVENT_NODE_INFO = 5
EVENT_COMMAND = 6
EVENT_NODE_ADDED = 7
EVENT_NODE_REMOVED = 8
EVENT_NODE_READY = 9
EVENT_NODE_DEAD = 10
EVENT_NODE_ALIVE = 11
EVENT_INTERVIEW = 12
EVENT_WAKE_UP = 13
EVENT_TX_REPORT = 14
EVENT_SECURITY_DROP = 15
EVENT_INCLUSION = 16
EVENT_S2_GRANT = 17
EVENT_S2_PIN = 18
EVENT_S2_CSA = 19
EVENT_NOTIFICATION = 20
EVENT_TYPES = tuple(range(EVENT_READY, EVENT_NOTIFICATION + 1))
SECCLASS_NONE = -1

HOST_IDLE, HOST_CONNECTING, HOST_STARTING, HOST_READY, HOST_CLOSING = range(5)
HOST_STATE_NAMES = {HOST_IDLE: "idle", HOST_CONNECTING: "connecting", HOST_STARTING: "starting",
                    HOST_READY: "ready", HOST_CLOSING: "closing"}

TIMEOUT_ACK, TIMEOUT_RESPONSE, TIMEOUT_CALLBACK, TIMEOUT_SOFT_RESET = 1, 2, 3, 4
RUN_DEFAULT = 0

LOG_ERROR, LOG_WARN, LOG_INFO, LOG_DEBUG, LOG_TRACE = range(5)
_PY_LEVEL = {LOG_ERROR: logging.ERROR, LOG_WARN: logging.WARNING, LOG_INFO: logging.INFO,
             LOG_DEBUG: logging.DEBUG, LOG_TRACE: 5}

RSSI_NOT_REPORTED = 127
GRACE = 5.0  # seconds a blocking call waits beyond the library's own deadline

# send.h flags
SEND_SUPERVISE, SEND_NO_SUPERVISION, SEND_BACKGROUND, SEND_NO_WAIT_WAKEUP = 0x01, 0x02, 0x04, 0x08
SEND_SECCLASS_AUTO = -3
INTERVIEW_NONE, INTERVIEW_RUNNING, INTERVIEW_COMPLETE = 0, 1, 2
EVENT_QUEUE_MAX = 4096  # per event stream; the oldest event is dropped beyond it

_log = logging.getLogger("zwhost")
_log.addHandler(logging.NullHandler())  # a library stays quiet until the application configures logging

# Callbacks of hosts whose loop did not end within close()'s timeout: kept forever.
_GRAVEYARD = []
_OPEN_HOSTS = weakref.WeakSet()


def event_type_name(t):
    """"ready", "error", ... for an event type (zwh_event_type_name)."""
    return cstr(lib.zwh_event_type_name(int(t)))


_EVENT_BY_NAME = {event_type_name(t): t for t in EVENT_TYPES}


def _event_type(t):
    if t is None or t == "*":
        return None
    if isinstance(t, str):
        try:
            return _EVENT_BY_NAME[t]
        except KeyError:
            raise ValueError("unknown event type %r (known: %s)" % (t, ", ".join(_EVENT_BY_NAME))) from None
    return int(t)


class Event:
    """A copy of one zwh_event_t, safe to keep after the callback (the C event is not).

    type, name, status, message, node_id, data (command bytes, DSK, ...), rssi (None when
    not reported), endpoint, secclass (ZWH_SECCLASS_* of a command, -1 plaintext), value
    (requested classes of s2-grant, granted classes of node-added), progress ((index, total)
    of interview events, else None). Notification events also carry `notification` (the
    decoded Notification Report as a Record, None for an undecodable one) and `user_id`
    (the keypad user of an Access Control event whose parameters name one, else None)."""
    __slots__ = ("type", "status", "message", "node_id", "data", "rssi", "time", "endpoint",
                 "secclass", "value", "progress", "notification", "user_id")

    def __init__(self, type, status=0, message="", node_id=0, data=b"", rssi=None, time_=None,
                 endpoint=0, secclass=SECCLASS_NONE, value=0, progress=None):
        self.type = type
        self.status = status
        self.message = message
        self.node_id = node_id
        self.data = data
        self.rssi = rssi
        self.time = time.monotonic() if time_ is None else time_
        self.endpoint = endpoint
        self.secclass = secclass
        self.value = value
        self.progress = progress
        self.notification = None
        self.user_id = None
        if type == EVENT_NOTIFICATION:
            self.notification, self.user_id = _decode_notification(data)

    @classmethod
    def _from_c(cls, ev):
        n = ctypes.c_size_t(0)
        p = lib.zwh_event_get_data(ev, ctypes.byref(n))
        data = ctypes.string_at(p, n.value) if p and n.value else b""
        rssi = lib.zwh_event_get_rssi(ev)
        t = lib.zwh_event_get_type(ev)
        progress = None
        if t == EVENT_INTERVIEW:
            i, total = ctypes.c_int(0), ctypes.c_int(0)
            if lib.zwh_event_get_progress(ev, ctypes.byref(i), ctypes.byref(total)) >= 0:
                progress = (i.value, total.value)
        return cls(t, lib.zwh_event_get_status(ev), cstr(lib.zwh_event_get_message(ev)),
                   lib.zwh_event_get_node_id(ev), data, None if rssi == RSSI_NOT_REPORTED else rssi,
                   endpoint=lib.zwh_event_get_endpoint(ev), secclass=lib.zwh_event_get_secclass(ev),
                   value=lib.zwh_event_get_value(ev), progress=progress)

    @property
    def name(self):
        """"ready", "error", "command", "node-added", "notification", ... (zwh_event_type_name)."""
        return event_type_name(self.type)

    @property
    def error(self):
        """The status as a zwhost.Error (None when status is 0)."""
        return E.from_code(self.status, self.message or None) if self.status < 0 else None

    @property
    def classes(self):
        """value as security class names: requested (s2-grant) or granted (node-added)."""
        return classes_names(self.value)

    def format(self):
        """The command of a COMMAND event as one readable line (zwh_cc_format)."""
        return cc_format(self.data) if self.data and self.type in (EVENT_COMMAND, EVENT_NOTIFICATION) else ""

    def __repr__(self):
        parts = ["%s" % self.name]
        if self.node_id:
            parts.append("node=%d" % self.node_id)
        if self.status:
            parts.append("status=%s" % cstr(lib.zwh_err_name(self.status)))
        if self.message:
            parts.append("message=%r" % self.message)
        if self.data:
            parts.append("data=%s" % self.data.hex())
        if self.user_id is not None:
            parts.append("user=%d" % self.user_id)
        return "Event(%s)" % " ".join(parts)


class Notification(Record):
    """zwh_notification_report_t of a notification event, with names."""
    __slots__ = ()

    @property
    def type_name(self):
        return cstr(lib.zwh_notification_get_type_name(self.type)) or None

    @property
    def event_name(self):
        return cstr(lib.zwh_notification_get_event_name(self.type, self.event)) or None


NOTIFICATION_ACCESS_CONTROL = 0x06
_USER_CODE_REPORT = b"\x63\x03"


def _decode_notification(data):
    """(Notification or None, keypad user id or None) of Notification Report bytes.

    The user: Access Control events carry either a User Code Report of the code used as
    their parameters (decoded with the C codec) or, on older locks, the user id alone."""
    try:
        rep = _codec.decode("notification_report", data)
    except E.Error:
        return None, None
    note = Notification(rep)
    user = None
    if rep.has_notification and rep.type == NOTIFICATION_ACCESS_CONTROL and rep.params_len:
        params = bytes(rep.params[:rep.params_len])
        if params[:2] == _USER_CODE_REPORT:
            try:
                user = _codec.decode("user_code_report", params).user_id
            except E.Error:
                user = None
        elif len(params) == 1:
            user = params[0]
    return note, user


def classes_names(mask):
    """frozenset of security class names ("S2_AccessControl", "S0", ...) of a ZWH_SECCLASS bit mask."""
    return frozenset(SECCLASS_NAMES.get(i, str(i)) for i in range(32) if mask & (1 << i))


def classes_mask(classes):
    """The bit mask of class names or ZWH_SECCLASS_* numbers."""
    by_name = {v.lower(): k for k, v in SECCLASS_NAMES.items()}
    mask = 0
    for c in classes:
        if isinstance(c, str):
            try:
                c = by_name[c.lower()]
            except KeyError:
                raise ValueError("unknown security class %r (known: %s)"
                                 % (c, ", ".join(SECCLASS_NAMES.values()))) from None
        mask |= 1 << int(c)
    return mask


class ControllerInfo(Record):
    """zwh_controller_info_t as a read-only object (one attribute per field)."""
    __slots__ = ()

    @property
    def rf_region_name(self):
        return cstr(lib.zwh_rf_region_name(self.rf_region))

    def supports_function(self, func_id):
        """True if the stick lists Serial API function func_id (1..255) as supported."""
        f = int(func_id) - 1
        return 0 <= f < 256 and bool(self.function_mask[f // 8] & (1 << (f % 8)))


class NodeInfo(Record):
    """zwh_node_info_t as a read-only object (one attribute per field)."""
    __slots__ = ()

    @property
    def generic_name(self):
        """"Binary Switch", ... or None for an unknown generic device class."""
        return cstr(lib.zwh_generic_class_name(self.generic)) or None


def _node_info(h, node_id):
    out = NodeInfoC()
    E.check(lib.zwh_host_get_node_info(h, node_id, ctypes.byref(out)), "node %d" % node_id)
    return NodeInfo(out)


def _controller_info(h):
    out = ControllerInfoC()
    E.check(lib.zwh_host_get_controller_info(h, ctypes.byref(out)))
    return ControllerInfo(out)


def _node_ids(h):
    count = ctypes.c_size_t(0)
    E.check(lib.zwh_host_get_node_ids(h, None, 0, ctypes.byref(count)))
    while True:
        cap = max(count.value, 1)
        ids = (ctypes.c_uint16 * cap)()
        E.check(lib.zwh_host_get_node_ids(h, ids, cap, ctypes.byref(count)))
        if count.value <= cap:  # the table cannot change between the calls (same loop turn)
            return [ids[i] for i in range(count.value)]


class EventStream:
    """An iterator over the host's events from the moment it was created.

    Iteration ends when `timeout` seconds (from creation; None = no limit) have passed, when
    the host closes, or when close() is called. `types` (a type, a name or a collection of
    them) filters. Use it as a context manager or let it run out: it unsubscribes then."""

    _END = object()

    def __init__(self, host, timeout=None, types=None):
        self._host = host
        self._deadline = None if timeout is None else time.monotonic() + timeout
        if types is None or isinstance(types, (int, str)):
            types = None if types is None else [types]
        self._types = None if types is None else {_event_type(t) for t in types}
        self._q = queue.Queue()
        self.dropped = 0
        self._done = False
        host._subscribe(self)

    def _offer(self, ev):
        if self._types is not None and ev.type not in self._types:
            return
        if self._q.qsize() >= EVENT_QUEUE_MAX:
            try:
                self._q.get_nowait()
                self.dropped += 1
            except queue.Empty:
                pass
        self._q.put(ev)

    def _end(self):
        self._q.put(self._END)

    def __iter__(self):
        return self

    def __next__(self):
        if self._done:
            raise StopIteration
        try:
            if self._deadline is None:
                item = self._q.get()
            else:
                left = self._deadline - time.monotonic()
                item = self._q.get(timeout=max(left, 0)) if left > 0 else self._q.get_nowait()
        except queue.Empty:
            item = self._END
        if item is self._END:
            self.close()
            raise StopIteration
        return item

    def close(self):
        if not self._done:
            self._done = True
            self._host._unsubscribe(self)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


class SendResult:
    """The outcome of one send (a copy of zwh_result_t).

    status (0 or ZWH_E*), final, request_id, node_id, supervision_status (ZWH_SUPERVISION_*
    or -1), duration (of a WORKING report), report (bytes of the report that answered a
    Get, class byte first, or None), secclass (-1 plaintext), rssi (None when unknown)."""
    __slots__ = ("status", "final", "request_id", "node_id", "supervision_status", "duration",
                 "report", "secclass", "rssi")

    @classmethod
    def _from_c(cls, res):
        r = cls()
        r.status = lib.zwh_result_get_status(res)
        r.final = bool(lib.zwh_result_is_final(res))
        r.request_id = lib.zwh_result_get_request_id(res)
        r.node_id = lib.zwh_result_get_node_id(res)
        r.supervision_status = lib.zwh_result_get_supervision_status(res)
        r.duration = lib.zwh_result_get_duration(res)
        n = ctypes.c_size_t(0)
        p = lib.zwh_result_get_report(res, ctypes.byref(n))
        r.report = ctypes.string_at(p, n.value) if p else None
        r.secclass = lib.zwh_result_get_secclass(res)
        rssi = lib.zwh_result_get_rssi(res)
        r.rssi = None if rssi == RSSI_NOT_REPORTED else rssi
        return r

    @property
    def secclass_name(self):
        return SECCLASS_NAMES.get(self.secclass, "none")

    def __repr__(self):
        return "SendResult(node=%d status=%d supervision=%d secclass=%s report=%s)" % (
            self.node_id, self.status, self.supervision_status, self.secclass_name,
            self.report.hex() if self.report else None)


class _Listener:
    """An internal event subscriber feeding a queue (see Host.include)."""
    END = object()

    def __init__(self, q, types):
        self._q, self._types = q, set(types)

    def _offer(self, ev):
        if ev.type in self._types:
            self._q.put(ev)

    def _end(self):
        self._q.put(self.END)


def _secclass_number(c):
    if isinstance(c, str):
        return (classes_mask([c]).bit_length() - 1)
    return int(c)


def _pin_number(pin):
    if isinstance(pin, str):
        return pin_parse(pin)
    pin = int(pin)
    if not 0 <= pin <= 65535:
        raise E.InvalidArgument(detail="PIN %d is not 0..65535" % pin)
    return pin


def _partial_dsk_text(data):
    """The DSK of an S2 PIN prompt as text, its unknown first group (the PIN) as "xxxxx"."""
    if len(data) != 16:
        return ""
    return "xxxxx" + dsk_format(data)[5:]


class Host:
    """One Z-Wave controller on a private loop run by a thread of the binding.

        with zwhost.Host(port="tcp://127.0.0.1:4201", timeout=15) as host:
            print(host.controller.home_id, sorted(host.nodes))

    port     "/dev/ttyACM0", "/dev/serial/by-id/...", "tcp://HOST:PORT"
    keys     path of the network keys file (created with fresh keys, mode 0600, when
             missing; a group/world-readable file raises KeyFileMode)
    state    path of the state file (zwh_host_set_state_file): node table, interview results,
             granted classes and S2 state survive a restart
    timeout  seconds to wait for start-up (READY), and the default for blocking calls
    start    False: only create the host; install on()/events() and call start()
    wait     False: return once the loop runs; call wait_ready() later
    reconnect  (min_ms, max_ms) back-off after a drop; (0, 0) disables reconnection
    log      a callable(level, line) for the library's log lines (called on the loop thread);
             None sends them to the "zwhost" logging.Logger
    log_level  ZWH_LOG_* level (default LOG_WARN)

    The constructor raises the Error of the first failed start-up (ConnectionRefused,
    NotFound, Busy, NotSerialApi, ...) or Timeout; the host is closed then."""

    def __init__(self, port, keys=None, state=None, timeout=10.0, *, start=True, wait=True,
                 reconnect=None, log=None, log_level=LOG_WARN):
        self.port = port
        self.timeout = timeout
        self._h = None
        self._lock = threading.Lock()        # guards _closing and the use of _h by other threads
        self._closing = False
        self._calls = queue.SimpleQueue()     # (fn, Future) for the loop thread
        self._subs = []
        self._subs_lock = threading.Lock()
        self._handlers = []                   # (type or None, callable)
        self._ready = threading.Event()
        self._started = threading.Event()     # READY or ERROR seen
        self._start_error = None
        self._closed = threading.Event()      # close callback ran
        self._loop_done = threading.Event()   # zwh_host_run returned: the host is freed
        self._thread = None
        self._loop_ident = None
        self._keystore = None
        self._user_log = log

        self._pending = {}                    # token -> (handler, Future or None); loop thread only
        self._next_token = 0
        if keys is not None:
            self._keystore = Keystore(keys)

        # The library may call these until the loop thread returns from zwh_host_run.
        self._c_event = _lib.EVENT_CB(self._on_event)
        self._c_wakeup = _lib.WAKEUP_CB(self._on_wakeup)
        self._c_close = _lib.CLOSE_CB(self._on_close)
        self._c_log = _lib.LOG_CB(self._on_log)
        self._c_send = _lib.SEND_CB(self._on_send)
        self._c_include = _lib.INCLUDE_CB(self._on_include)
        self._c_node_op = _lib.NODE_CB(self._on_node_op)

        h = ctypes.c_void_p()
        try:
            E.check(lib.zwh_host_new(None, ctypes.byref(h)))
        except BaseException:
            self._free_keystore()
            raise
        self._h = h
        try:
            E.check(lib.zwh_host_set_port(h, port.encode() if isinstance(port, str) else port),
                    "port %r" % (port,))
            E.check(lib.zwh_host_set_event_cb(h, self._c_event, None))
            E.check(lib.zwh_host_set_wakeup_cb(h, self._c_wakeup, None))
            E.check(lib.zwh_host_set_log(h, self._c_log, int(log_level), 0, None))
            if reconnect is not None:
                E.check(lib.zwh_host_set_reconnect(h, int(reconnect[0]), int(reconnect[1])))
            if keys is not None:
                msg = ctypes.create_string_buffer(256)
                E.check(lib.zwh_host_set_keys(h, os.fsencode(keys), msg, len(msg)),
                        msg.value.decode("utf-8", "replace") or str(keys))
            if state is not None:
                E.check(lib.zwh_host_set_state_file(h, os.fsencode(state)), str(state))
        except BaseException:
            self.close()
            raise
        if start:
            self.start(wait=wait)

    def start(self, wait=True, timeout=None):
        """Opens the port and starts the loop thread; with wait, blocks until READY (see
        wait_ready). Hosts made with start=False let on()/events() see the first events."""
        with self._lock:
            if self._closing:
                raise E.Canceled(detail="host is closed")
            if self._thread is not None:
                raise E.AlreadyInProgress(detail="host already started")
            rc = lib.zwh_host_start(self._h)  # the loop is not running yet: safe from here
            if rc == 0:
                self._thread = threading.Thread(target=self._thread_main, daemon=True,
                                                name="zwhost-loop %s" % self.port)
                self._thread.start()
                _OPEN_HOSTS.add(self)
        if rc != 0:
            self.close()
            raise E.from_code(rc, str(self.port))
        if wait:
            try:
                self.wait_ready(timeout)
            except BaseException:
                self.close()
                raise

    # ---- loop thread -------------------------------------------------------------------

    def _run_loop(self):
        lib.zwh_host_run(self._h, RUN_DEFAULT)  # returns after the close callback; frees the host
        self._loop_done.set()
        self._free_keystore()
        self._fail_pending()

    def _thread_main(self):
        self._loop_ident = threading.get_ident()
        self._run_loop()

    def _fail_pending(self):
        # the library completed every operation (ECANCELED) before its close callback; an
        # entry left here would be a library bug: its waiter still gets an answer
        pending, self._pending = self._pending, {}
        for handler, fut in pending.values():
            if fut is not None and not fut.done():
                fut.set_exception(E.Canceled(detail="host closed"))
        while True:
            try:
                fn, fut = self._calls.get_nowait()
            except queue.Empty:
                return
            if fut.set_running_or_notify_cancel():
                fut.set_exception(E.Canceled(detail="host closed"))

    def _on_wakeup(self, h, user):
        while True:
            try:
                fn, fut = self._calls.get_nowait()
            except queue.Empty:
                return
            if not fut.set_running_or_notify_cancel():
                continue
            try:
                fut.set_result(fn(self._h))
            except BaseException as e:  # handed to the caller's thread
                fut.set_exception(e)

    def _on_event(self, h, ev, user):
        try:
            event = Event._from_c(ev)
            if event.type == EVENT_READY:
                self._ready.set()
                self._started.set()
            elif event.type in (EVENT_CONNECTED, EVENT_DISCONNECTED):
                self._ready.clear()
            elif event.type == EVENT_ERROR and not self._started.is_set():
                self._start_error = event
                self._started.set()
            # on() callbacks first: when a stream yields an event, its callbacks have run
            for t, cb in list(self._handlers):
                if t is None or t == event.type:
                    try:
                        cb(event)
                    except Exception:
                        _log.exception("zwhost: event callback %r raised", cb)
            with self._subs_lock:
                subs = list(self._subs)
            for s in subs:
                s._offer(event)
        except BaseException:
            _log.exception("zwhost: event dispatch failed")

    def _on_close(self, h, user):
        self._closed.set()
        self._ready.clear()
        with self._subs_lock:
            subs, self._subs = self._subs, []
        for s in subs:
            s._end()

    def _on_log(self, level, line, user):
        try:
            text = line.decode("utf-8", "replace") if line else ""
            if self._user_log is not None:
                self._user_log(level, text)
            else:
                _log.log(_PY_LEVEL.get(level, logging.DEBUG), "%s", text)
        except BaseException:
            pass  # a failing log sink must not reach C

    # ---- completions of asynchronous operations (loop thread) ----------------------------
    # One CFUNCTYPE per callback type lives as long as the host; each operation registers a
    # handler under an integer token passed as the C `user` pointer and removed when its
    # final callback has run, so nothing Python-side outlives or precedes its C operation.

    def _register(self, handler, fut=None):
        self._next_token += 1
        self._pending[self._next_token] = (handler, fut)
        return self._next_token

    def _complete(self, token, final, *args):
        try:
            entry = self._pending.pop(token, None) if final else self._pending.get(token)
            if entry is not None:
                entry[0](*args)
        except BaseException:
            _log.exception("zwhost: completion handler failed")

    def _on_send(self, h, res, user):
        self._complete(user, bool(lib.zwh_result_is_final(res)), res, bool(lib.zwh_result_is_final(res)))

    def _on_include(self, h, status, node_id, granted, kex_fail, user):
        self._complete(user, True, status, node_id, granted, kex_fail)

    def _on_node_op(self, h, status, node_id, user):
        self._complete(user, True, status, node_id)

    def _wait(self, fut, timeout, cancel=None, what="operation"):
        """Waits for fut from a thread other than the loop's; on timeout runs cancel(h) on the
        loop thread and raises Timeout."""
        if self._on_loop_thread():
            raise RuntimeError("zwhost: a blocking call from an event callback would stop the loop "
                               "it waits for; call it from another thread")
        try:
            return fut.result(timeout)
        except concurrent.futures.TimeoutError:
            pass
        if cancel is not None:
            try:
                self._call(cancel)
            except E.Error:
                pass
        raise E.Timeout(detail="%s did not finish within %gs" % (what, timeout))

    # ---- marshalling -------------------------------------------------------------------

    def _on_loop_thread(self):
        return threading.get_ident() == self._loop_ident

    def _call(self, fn, timeout=None):
        """Runs fn(host_pointer) on the loop thread and returns its result (or raises its
        exception). From the loop thread itself fn runs directly."""
        if self._on_loop_thread():
            if self._closing:
                raise E.Canceled(detail="host is closing")
            return fn(self._h)
        fut = concurrent.futures.Future()
        with self._lock:
            if self._closing:
                raise E.Canceled(detail="host is closed")
            if self._thread is None:  # not started: no loop runs, this thread may call
                return fn(self._h)
            self._calls.put((fn, fut))
            E.check(lib.zwh_host_wakeup(self._h))
        timeout = self.timeout if timeout is None else timeout
        try:
            return fut.result(timeout)
        except concurrent.futures.TimeoutError:
            if fut.cancel():
                raise E.Timeout(detail="loop thread did not answer within %gs" % timeout) from None
            return fut.result()  # it started meanwhile: a getter, it finishes at once

    def _subscribe(self, stream):
        with self._subs_lock:
            if self._closed.is_set():
                stream._end()
            else:
                self._subs.append(stream)

    def _unsubscribe(self, stream):
        with self._subs_lock:
            if stream in self._subs:
                self._subs.remove(stream)

    # ---- public ------------------------------------------------------------------------

    def wait_ready(self, timeout=None):
        """Blocks until the host is READY. Raises the start-up Error if the first attempt
        failed, Timeout when `timeout` (default: the host's) passes, Canceled once closed."""
        timeout = self.timeout if timeout is None else timeout
        if not self._started.wait(timeout):
            raise E.Timeout(detail="%s: start-up did not finish within %gs" % (self.port, timeout))
        if self._start_error is not None and not self._ready.is_set():
            ev = self._start_error
            raise E.from_code(ev.status, ev.message or str(self.port))
        if not self._ready.wait(timeout):
            if self._closed.is_set():
                raise E.Canceled(detail="host closed")
            raise E.Timeout(detail="%s: not ready within %gs" % (self.port, timeout))

    @property
    def ready(self):
        return self._ready.is_set()

    @property
    def closed(self):
        return self._closing

    @property
    def state(self):
        """ZWH_HOST_* state (HOST_READY, ...); HOST_CLOSING once close() was called."""
        if self._closing:
            return HOST_CLOSING
        return self._call(lambda h: lib.zwh_host_get_state(h))

    @property
    def controller(self):
        """ControllerInfo of the stick (valid once ready)."""
        return self._call(_controller_info)

    @property
    def nodes(self):
        """{node id: Node} for every node in the controller's table, the controller included."""
        return {i: Node(self, i) for i in self._call(_node_ids)}

    def node(self, node_id):
        """The Node with that id; raises NoSuchNode when the table has none."""
        self._call(lambda h: _node_info(h, int(node_id)))
        return Node(self, node_id)

    @property
    def key_classes(self):
        """Security classes (ZWH_SECCLASS_* numbers) the keys file holds keys for; empty
        without keys."""
        return self._keystore.classes if self._keystore else frozenset()

    def events(self, timeout=None, types=None):
        """An EventStream of the events from now on (see EventStream)."""
        return EventStream(self, timeout, types)

    def on(self, event_type, callback):
        """Calls callback(event) for each event of that type (a number, a name such as
        "command", or None / "*" for all). It runs on the loop thread, before any EventStream
        yields the event: keep it short, and do not wait there for another thread (getters
        such as host.controller work: they run directly). Returns a handle for off()."""
        entry = (_event_type(event_type), callback)
        self._handlers.append(entry)
        return entry

    def off(self, handle):
        """Removes a callback installed with on()."""
        try:
            self._handlers.remove(handle)
        except ValueError:
            pass

    # ---- node operations ----------------------------------------------------------------

    def send(self, node_id, command, *, endpoint=0, expect=None, match=None, supervise=None,
             secclass=None, background=False, timeout=None, progress=None):
        """Sends one application command (bytes, class byte first) to a node through the
        library's send pipeline (zwh_host_send) and blocks until it completes.

        expect     (cc, cmd) of the report that answers a Get: the call returns with it
        match      (index, value): the report's byte [index] must equal value
        supervise  True: wrap in Supervision Get; False: never; None: the library decides
        secclass   a ZWH_SECCLASS_* number or name to force; None: the highest granted
        timeout    seconds for the whole transaction (default: the host's)
        progress   callable(SendResult) for Supervision WORKING reports (loop thread)

        Returns a SendResult (report bytes of a Get, supervision status, security class,
        ACK RSSI). Raises the Error of a failed transaction (SupervisionFail,
        NodeNoAck, Timeout, NoSuchNode, ...), Canceled when the host closes."""
        timeout = self.timeout if timeout is None else float(timeout)
        cmd = bytes(command)
        node_id = int(node_id)
        fut = concurrent.futures.Future()
        what = "node %d: %s" % (node_id, cc_format(cmd) or cmd.hex())

        def handler(res, final):
            r = SendResult._from_c(res)
            if not final:
                if progress is not None:
                    try:
                        progress(r)
                    except Exception:
                        _log.exception("zwhost: progress callback %r raised", progress)
                return
            if r.status < 0:
                err = E.from_code(r.status, what)
                err.result = r
                fut.set_exception(err)
            else:
                fut.set_result(r)

        def start(h):
            o = SendOptsC()
            lib.zwh_send_opts_init(ctypes.byref(o))
            o.endpoint = int(endpoint)
            if expect is not None:
                o.expect_cc, o.expect_cmd = int(expect[0]), int(expect[1])
            if match is not None:
                o.match_index, o.match_value = int(match[0]), int(match[1])
            if supervise is True:
                o.flags |= SEND_SUPERVISE
            elif supervise is False:
                o.flags |= SEND_NO_SUPERVISION
            if background:
                o.flags |= SEND_BACKGROUND
            if secclass is not None:
                o.secclass = _secclass_number(secclass)
            o.timeout_ms = max(1, int(timeout * 1000))
            buf = (ctypes.c_uint8 * max(len(cmd), 1)).from_buffer_copy(cmd or b"\0")
            token = self._register(handler, fut)
            rid = ctypes.c_uint32(0)
            rc = lib.zwh_host_send(h, node_id, buf, len(cmd), ctypes.byref(o), self._c_send, token,
                                   ctypes.byref(rid))
            if rc < 0:
                del self._pending[token]
                raise E.from_code(rc, what)
            return rid.value

        rid = self._call(start)
        return self._wait(fut, timeout + GRACE, lambda h: lib.zwh_host_cancel(h, rid), what)

    def include(self, pin=None, pin_callback=None, grant=None, timeout=60.0, network_wide=False,
                bootstrap_timeout=180.0):
        """Adds a node (zwh_host_include) and blocks until it has joined and its security
        bootstrap has ended. Returns (node_id, granted), granted a frozenset of class names
        ("S2_AccessControl", "S0", ...; empty for a non-secure node).

        pin           the 5-digit PIN of the device's DSK (int or "12345"), answered up front
        pin_callback  callable(dsk_text) -> PIN, called when the device asks for one
                      (ZWH_EVENT_S2_PIN); dsk_text shows the known part of the DSK with the
                      first group as "xxxxx". It runs on the calling thread (it may prompt a
                      user); the answer goes to zwh_host_set_pin on the loop thread.
        grant         None: grant every requested class the keys file holds; a collection of
                      class names/numbers: grant at most those; a callable(requested, csa)
                      -> classes, called on the calling thread for ZWH_EVENT_S2_GRANT
        timeout       seconds to wait for a device to join
        bootstrap_timeout  seconds more for the key exchange (the library has its own
                      S2 timers; this only bounds the wait)

        Raises Timeout (no device), KexFailed (the node joined but the key exchange failed:
        .node_id and .kex_fail say which node and why; the node stays, non-securely),
        Busy (another network operation runs), Canceled (host closed)."""
        q = queue.SimpleQueue()
        listener = _Listener(q, (EVENT_S2_PIN, EVENT_S2_GRANT))
        allowed = 0
        if grant is not None and not callable(grant):
            allowed = classes_mask(grant)

        def handler(status, node_id, granted, kex_fail):
            q.put(("done", status, node_id, granted, kex_fail))

        def start(h):
            o = IncludeOptsC()
            lib.zwh_include_opts_init(ctypes.byref(o))
            o.timeout_ms = max(1, int(timeout * 1000))
            o.network_wide = 1 if network_wide else 0
            o.auto_grant = 0 if callable(grant) or (grant is not None and not allowed) else 1
            o.allowed = allowed
            if pin is not None:
                o.has_pin, o.pin = 1, _pin_number(pin)
            token = self._register(handler)
            rc = lib.zwh_host_include(h, ctypes.byref(o), self._c_include, token)
            if rc < 0:
                del self._pending[token]
                raise E.from_code(rc, "inclusion")

        self._subscribe(listener)
        try:
            self._call(start)
            deadline = time.monotonic() + timeout + bootstrap_timeout
            while True:
                left = deadline - time.monotonic()
                try:
                    item = q.get(timeout=max(left, 0.001))
                except queue.Empty:
                    self._call_quietly(lambda h: lib.zwh_host_stop(h))
                    raise E.Timeout(detail="inclusion did not finish within %gs" % (timeout + bootstrap_timeout)) \
                        from None
                if item is _Listener.END:
                    raise E.Canceled(detail="host closed during inclusion")
                if isinstance(item, Event):
                    self._answer_prompt(item, pin_callback, grant, allowed)
                    continue
                _, status, node_id, granted, kex_fail = item
                if status == E.CODES["EKEX_FAIL"]:
                    err = E.from_code(status, "node %d joined without security (KEX Fail 0x%02x)"
                                      % (node_id, kex_fail))
                    err.node_id, err.kex_fail = node_id, kex_fail
                    raise err
                E.check(status, "inclusion")
                return node_id, classes_names(granted)
        finally:
            self._unsubscribe(listener)

    def _answer_prompt(self, ev, pin_callback, grant, allowed):
        """An S2 prompt seen by include(), answered from the including thread."""
        if ev.type == EVENT_S2_PIN:
            if pin_callback is None:
                _log.warning("zwhost: node %d asks for a PIN and include() has none: aborting the bootstrap",
                             ev.node_id)
                self._call_quietly(lambda h: lib.zwh_host_stop(h))
                return
            try:
                answer = _pin_number(pin_callback(_partial_dsk_text(ev.data)))
            except BaseException:
                self._call_quietly(lambda h: lib.zwh_host_stop(h))
                raise
            self._call(lambda h: E.check(lib.zwh_host_set_pin(h, answer), "PIN"))
        elif ev.type == EVENT_S2_GRANT:
            if callable(grant):
                chosen = classes_mask(grant(ev.classes, bool(ev.status == 1)) or ())
            else:
                chosen = ev.value & allowed
            self._call(lambda h: E.check(lib.zwh_host_grant(h, chosen, 0), "grant"))

    def exclude(self, timeout=60.0):
        """Removes the next node whose button is pressed (zwh_host_exclude); returns its id.
        Raises Timeout when none left within `timeout` seconds."""
        fut = concurrent.futures.Future()

        def handler(status, node_id):
            if status < 0:
                fut.set_exception(E.from_code(status, "exclusion"))
            else:
                fut.set_result(node_id)

        def start(h):
            token = self._register(handler, fut)
            rc = lib.zwh_host_exclude(h, max(1, int(timeout * 1000)), self._c_node_op, token)
            if rc < 0:
                del self._pending[token]
                raise E.from_code(rc, "exclusion")

        self._call(start)
        return self._wait(fut, timeout + GRACE, lambda h: lib.zwh_host_stop(h), "exclusion")

    def save_state(self):
        """Writes the state file now (zwh_host_save_state); it is also written after changes."""
        self._call(lambda h: E.check(lib.zwh_host_save_state(h), "state"))

    def _call_quietly(self, fn):
        try:
            self._call(fn)
        except E.Error:
            pass

    def close(self, timeout=None):
        """Closes the host: pending operations complete with Canceled, the loop ends and its
        thread is joined. Safe to call twice and from any thread (from a callback it starts
        the close and returns). Raises Timeout if the loop has not ended within `timeout`."""
        with self._lock:
            first, self._closing = not self._closing, True
            if first and self._h is None:  # zwh_host_new failed
                self._loop_done.set()
                return
            if first and self._thread is None:
                # never started: close it and run its loop to the end on this thread
                lib.zwh_host_close(self._h, self._c_close, None)
                self._run_loop()
                return
            if first and not self._on_loop_thread():
                fut = concurrent.futures.Future()
                self._calls.put((lambda h: lib.zwh_host_close(h, self._c_close, None), fut))
                lib.zwh_host_wakeup(self._h)
        if self._thread is None:
            return
        if self._on_loop_thread():
            if first:
                lib.zwh_host_close(self._h, self._c_close, None)
            return
        timeout = self.timeout if timeout is None else timeout
        self._thread.join(timeout)
        if self._thread.is_alive():
            _GRAVEYARD.append((self._c_event, self._c_wakeup, self._c_close, self._c_log, self._c_send,
                               self._c_include, self._c_node_op))
            raise E.Timeout(detail="the host's loop did not end within %gs" % timeout)
        _OPEN_HOSTS.discard(self)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def _free_keystore(self):
        if self._keystore is not None:
            self._keystore.close()

    def __repr__(self):
        return "<zwhost.Host %s %s>" % (self.port, "closed" if self._closing else
                                        ("ready" if self.ready else "starting"))


@atexit.register
def _close_all():
    for h in list(_OPEN_HOSTS):
        try:
            h.close(timeout=5)
        except Exception:
            pass


from .node import Node  # noqa: E402  (node.py uses the Host defined above)
