"""zwhost: drive a Z-Wave USB controller from Python, over libzwhost (ctypes, stdlib only).

    import zwhost
    with zwhost.Host(port="tcp://127.0.0.1:4201", timeout=15) as host:
        print(host.controller.home_id, sorted(host.nodes))
        for ev in host.events(timeout=10):
            print(ev)

The library is found through ZWHOST_LIBRARY, then the repository's build/lib/, then the
system (see zwhost._lib). zwhost.library_path says which file was loaded.
"""
from ._core import lib as _clib, library_path, library_origin
from .node import LockState, MeterReading, USER_CODE_STATUS_NAMES
from .errors import *  # noqa: F401,F403  Error and one subclass per ZWH_E* code
from .errors import Error, ControllerError, NodeError, SecurityError, error_class, CODES
from .helpers import *  # noqa: F401,F403
from .host import (Host, Node, Event, EventStream, ControllerInfo, NodeInfo, SendResult, Notification,
                   event_type_name, classes_names, classes_mask,
                   EVENT_READY, EVENT_ERROR, EVENT_DISCONNECTED, EVENT_CONNECTED, EVENT_NODE_INFO,
                   EVENT_COMMAND, EVENT_NODE_ADDED, EVENT_NODE_REMOVED, EVENT_NODE_READY, EVENT_NODE_DEAD,
                   EVENT_NODE_ALIVE, EVENT_INTERVIEW, EVENT_WAKE_UP, EVENT_TX_REPORT, EVENT_SECURITY_DROP,
                   EVENT_INCLUSION, EVENT_S2_GRANT, EVENT_S2_PIN, EVENT_S2_CSA, EVENT_NOTIFICATION,
                   INTERVIEW_NONE, INTERVIEW_RUNNING, INTERVIEW_COMPLETE, HOST_IDLE, HOST_CONNECTING, HOST_STARTING, HOST_READY,
                   HOST_CLOSING, LOG_ERROR, LOG_WARN, LOG_INFO, LOG_DEBUG, LOG_TRACE)

__version__ = "0.1.0"  # of this binding; zwhost.version() is the loaded library's
