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
from .errors import *  # noqa: F401,F403  Error and one subclass per ZWH_E* code
from .errors import Error, ControllerError, NodeError, SecurityError, error_class, CODES
from .helpers import *  # noqa: F401,F403
from .host import (Host, Node, Event, EventStream, ControllerInfo, NodeInfo, event_type_name,
                   EVENT_READY, EVENT_ERROR, EVENT_DISCONNECTED, EVENT_CONNECTED, EVENT_NODE_INFO,
                   EVENT_COMMAND, HOST_IDLE, HOST_CONNECTING, HOST_STARTING, HOST_READY,
                   HOST_CLOSING, LOG_ERROR, LOG_WARN, LOG_INFO, LOG_DEBUG, LOG_TRACE)

__version__ = "0.1.0"  # of this binding; zwhost.version() is the loaded library's
