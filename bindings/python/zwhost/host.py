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
import concurrent.futures
import ctypes
import logging
import queue
import threading
import time
import weakref

from . import _lib
from ._core import lib, cstr
from ._structs import ControllerInfoC, NodeInfoC, Record
from . import errors as E
from .helpers import cc_format, Keystore

__all__ = ["Host", "Node", "Event", "EventStream", "ControllerInfo", "NodeInfo"]

# host.h constants
EVENT_READY = 1
EVENT_ERROR = 2
EVENT_DISCONNECTED = 3
EVENT_CONNECTED = 4
EVENT_NODE_INFO = 5
EVENT_COMMAND = 6
EVENT_TYPES = (EVENT_READY, EVENT_ERROR, EVENT_DISCONNECTED, EVENT_CONNECTED, EVENT_NODE_INFO, EVENT_COMMAND)

HOST_IDLE, HOST_CONNECTING, HOST_STARTING, HOST_READY, HOST_CLOSING = range(5)
HOST_STATE_NAMES = {HOST_IDLE: "idle", HOST_CONNECTING: "connecting", HOST_STARTING: "starting",
                    HOST_READY: "ready", HOST_CLOSING: "closing"}

TIMEOUT_ACK, TIMEOUT_RESPONSE, TIMEOUT_CALLBACK, TIMEOUT_SOFT_RESET = 1, 2, 3, 4
RUN_DEFAULT = 0

LOG_ERROR, LOG_WARN, LOG_INFO, LOG_DEBUG, LOG_TRACE = range(5)
_PY_LEVEL = {LOG_ERROR: logging.ERROR, LOG_WARN: logging.WARNING, LOG_INFO: logging.INFO,
             LOG_DEBUG: logging.DEBUG, LOG_TRACE: 5}

RSSI_NOT_REPORTED = 127
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
    """A copy of one zwh_event_t, safe to keep after the callback (the C event is not)."""
    __slots__ = ("type", "status", "message", "node_id", "data", "rssi", "time")

    def __init__(self, type, status=0, message="", node_id=0, data=b"", rssi=None, time_=None):
        self.type = type
        self.status = status
        self.message = message
        self.node_id = node_id
        self.data = data
        self.rssi = rssi
        self.time = time.monotonic() if time_ is None else time_

    @classmethod
    def _from_c(cls, ev):
        n = ctypes.c_size_t(0)
        p = lib.zwh_event_get_data(ev, ctypes.byref(n))
        data = ctypes.string_at(p, n.value) if p and n.value else b""
        rssi = lib.zwh_event_get_rssi(ev)
        return cls(lib.zwh_event_get_type(ev), lib.zwh_event_get_status(ev),
                   cstr(lib.zwh_event_get_message(ev)), lib.zwh_event_get_node_id(ev), data,
                   None if rssi == RSSI_NOT_REPORTED else rssi)

    @property
    def name(self):
        """"ready", "error", "disconnected", "connected", "node-info", "command"."""
        return event_type_name(self.type)

    @property
    def error(self):
        """The status as a zwhost.Error (None when status is 0)."""
        return E.from_code(self.status, self.message or None) if self.status < 0 else None

    def format(self):
        """The command of a COMMAND event as one readable line (zwh_cc_format)."""
        return cc_format(self.data) if self.data else ""

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
        return "Event(%s)" % " ".join(parts)


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


class Node:
    """A node of the host's network. Node-level operations (switch, lock, user codes, meter)
    arrive with the library's send API; today a Node gives its id and protocol facts."""

    def __init__(self, host, node_id):
        self.host = host
        self.id = int(node_id)

    @property
    def info(self):
        """NodeInfo read from the host now (raises NoSuchNode once the node is gone)."""
        return self.host._call(lambda h: _node_info(h, self.id))

    def __eq__(self, other):
        return isinstance(other, Node) and other.host is self.host and other.id == self.id

    def __hash__(self):
        return hash((id(self.host), self.id))

    def __repr__(self):
        return "Node(%d)" % self.id


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


class Host:
    """One Z-Wave controller on a private loop run by a thread of the binding.

        with zwhost.Host(port="tcp://127.0.0.1:4201", timeout=15) as host:
            print(host.controller.home_id, sorted(host.nodes))

    port     "/dev/ttyACM0", "/dev/serial/by-id/...", "tcp://HOST:PORT"
    keys     path of the network keys file (created with fresh keys, mode 0600, when
             missing; a group/world-readable file raises KeyFileMode)
    state    path of the state file; needs the library's persistence API (NotSupported until then)
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

        if state is not None:
            raise E.NotSupported(detail="state files need the library's persistence API, "
                                        "which this libzwhost does not export yet")
        if keys is not None:
            self._keystore = Keystore(keys)

        # The library may call these until the loop thread returns from zwh_host_run.
        self._c_event = _lib.EVENT_CB(self._on_event)
        self._c_wakeup = _lib.WAKEUP_CB(self._on_wakeup)
        self._c_close = _lib.CLOSE_CB(self._on_close)
        self._c_log = _lib.LOG_CB(self._on_log)

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
            _GRAVEYARD.append((self._c_event, self._c_wakeup, self._c_close, self._c_log))
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
