"""Shared by the tests: where the repository is, and zwh-sim started on a free loopback port."""
import os
import subprocess
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
PKG_ROOT = os.path.dirname(HERE)                       # bindings/python
REPO = os.environ.get("ZWH_SRC") or os.path.dirname(os.path.dirname(PKG_ROOT))
BUILD = os.environ.get("ZWH_PY_BUILD") or os.path.join(REPO, "build")
SIM = os.path.join(BUILD, "bin", "zwh-sim")
LIB = os.path.join(BUILD, "lib", "libzwhost.so.0")

if PKG_ROOT not in sys.path:
    sys.path.insert(0, PKG_ROOT)


class Sim:
    """zwh-sim --listen tcp://127.0.0.1:0 ARGS; .url from its LISTEN line; a context manager."""

    def __init__(self, *args):
        # ZWH_SIM_LOG=FILE keeps the sim's log (stderr) for debugging a failing test
        log = os.environ.get("ZWH_SIM_LOG")
        err = open(log, "a") if log else subprocess.DEVNULL
        self.proc = subprocess.Popen([SIM, "--listen", "tcp://127.0.0.1:0", "--seed", "7"] + list(args),
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=err, text=True)
        if log:
            err.close()
        line = self.proc.stdout.readline().strip()
        if not line.startswith("LISTEN "):
            self.stop()
            raise RuntimeError("zwh-sim did not print LISTEN (got %r)" % line)
        self.url = line.split(" ", 1)[1]

    def stop(self):
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()
        for f in (self.proc.stdin, self.proc.stdout):
            if f:
                f.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()


def free_port():
    """A loopback TCP port nobody listens on (bound, then released)."""
    import socket
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


class SimTestCase(unittest.TestCase):
    def setUp(self):
        if not os.path.exists(SIM):
            self.fail("%s missing: build the repository first (make)" % SIM)
