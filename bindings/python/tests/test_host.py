"""zwhost.Host against zwh-sim (tcp on loopback) and the non-sanitized library in build/."""
import gc
import os
import socket
import stat
import tempfile
import threading
import time
import unittest

from simfixture import Sim, SimTestCase, free_port
import zwhost


def loop_threads():
    return [t for t in threading.enumerate() if t.name.startswith("zwhost-loop")]


def wait_for(pred, timeout=10.0):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if pred():
            return True
        time.sleep(0.01)
    return pred()


class StartTest(SimTestCase):
    def test_controller_and_nodes(self):
        with Sim("--devices", "switch:2,switch:3", "--home-id", "0xc0ffee01") as sim, \
                zwhost.Host(port=sim.url, timeout=15) as host:
            self.assertTrue(host.ready)
            self.assertEqual(host.state, zwhost.HOST_READY)
            c = host.controller
            self.assertIsInstance(c, zwhost.ControllerInfo)
            self.assertEqual(c.home_id, 0xC0FFEE01)
            self.assertEqual(c.node_id, 1)
            self.assertEqual(c.library_version, "Z-Wave 7.19")
            self.assertEqual(c.node_count, 3)
            self.assertEqual(c.rf_region_name, "EU")
            self.assertTrue(c.supports_function(0x13))  # SendData
            self.assertEqual(len(c.function_mask), 32)
            self.assertNotIn("reserved", c.as_dict())

            nodes = host.nodes
            self.assertEqual(sorted(nodes), [1, 2, 3])
            self.assertEqual(nodes[2], zwhost.Node(host, 2))
            info = nodes[2].info
            self.assertEqual((info.node_id, info.generic, info.specific), (2, 0x10, 0x01))
            self.assertEqual(info.generic_name, "Binary Switch")
            self.assertEqual(info.listening, 1)
            self.assertEqual(nodes[1].info.controller, 1)
            self.assertEqual(host.node(3).id, 3)
            with self.assertRaises(zwhost.NoSuchNode):
                host.node(9)
        self.assertFalse(loop_threads())

    def test_two_hosts_in_one_process(self):
        with Sim("--devices", "switch:2", "--home-id", "0xc0ffee02") as a, \
                Sim("--devices", "switch:4,switch:5", "--home-id", "0xc0ffee03") as b, \
                zwhost.Host(port=a.url) as ha, zwhost.Host(port=b.url) as hb:
            self.assertEqual(ha.controller.home_id, 0xC0FFEE02)
            self.assertEqual(hb.controller.home_id, 0xC0FFEE03)
            self.assertEqual(sorted(ha.nodes), [1, 2])
            self.assertEqual(sorted(hb.nodes), [1, 4, 5])

    def test_calls_from_many_threads(self):
        with Sim("--devices", "switch:2,switch:3") as sim, zwhost.Host(port=sim.url) as host:
            expected = (host.controller, sorted(host.nodes))
            results, errors = [], []

            def worker():
                try:
                    for _ in range(50):
                        results.append((host.controller, sorted(host.nodes)))
                except Exception as e:  # reported below
                    errors.append(e)
            threads = [threading.Thread(target=worker) for _ in range(6)]
            for t in threads:
                t.start()
            for t in threads:
                t.join(30)
            self.assertEqual(errors, [])
            self.assertEqual(len(results), 300)
            self.assertTrue(all(r == expected for r in results))

    def test_keys_file_and_state(self):
        with tempfile.TemporaryDirectory() as d, Sim("--devices", "switch:2") as sim:
            keys = os.path.join(d, "keys.txt")
            with zwhost.Host(port=sim.url, keys=keys) as host:
                self.assertEqual(host.key_classes, frozenset({0, 1, 2, 3, 4, 7}))
            self.assertEqual(stat.S_IMODE(os.stat(keys).st_mode), 0o600)
            os.chmod(keys, 0o640)
            with self.assertRaises(zwhost.KeyFileMode):
                zwhost.Host(port=sim.url, keys=keys)
            os.chmod(keys, 0o600)
            state = os.path.join(d, "state.bin")
            with zwhost.Host(port=sim.url, keys=keys, state=state) as host:
                host.save_state()
            self.assertEqual(stat.S_IMODE(os.stat(state).st_mode), 0o600)
            self.assertGreater(os.path.getsize(state), 0)
        self.assertFalse(loop_threads())


class FailureTest(SimTestCase):
    def test_refused_port(self):
        url = "tcp://127.0.0.1:%d" % free_port()
        t0 = time.monotonic()
        with self.assertRaises(zwhost.Error) as cm:
            zwhost.Host(port=url, timeout=10)
        self.assertLess(time.monotonic() - t0, 5)
        e = cm.exception
        self.assertIsInstance(e, zwhost.ConnectionRefused)
        self.assertIsInstance(e, ConnectionError)
        self.assertEqual(e.name, "ZWH_ECONNREFUSED")
        self.assertIn(url, str(e))
        self.assertTrue(wait_for(lambda: not loop_threads(), 5))

    def test_bad_port_string(self):
        with self.assertRaises(zwhost.InvalidArgument):
            zwhost.Host(port="")

    def test_silent_peer_times_out(self):
        srv = socket.socket()
        srv.bind(("127.0.0.1", 0))
        srv.listen(1)
        try:
            url = "tcp://127.0.0.1:%d" % srv.getsockname()[1]
            t0 = time.monotonic()
            with self.assertRaises(zwhost.Timeout) as cm:
                zwhost.Host(port=url, timeout=0.5)
            self.assertIsInstance(cm.exception, TimeoutError)
            self.assertLess(time.monotonic() - t0, 5)
        finally:
            srv.close()
        self.assertTrue(wait_for(lambda: not loop_threads(), 5))


class EventTest(SimTestCase):
    def test_event_stream_and_callbacks(self):
        # the sim drops the first connection after 3 host frames: the host reconnects
        with Sim("--devices", "switch:2", "--drop-connection-after", "3") as sim:
            host = zwhost.Host(port=sim.url, start=False, reconnect=(50, 200), timeout=15)
            try:
                seen, drops = [], []
                host.on("*", lambda ev: seen.append(ev.name))
                h = host.on(zwhost.EVENT_DISCONNECTED, drops.append)
                stream = host.events(timeout=15)
                host.start(wait=False)
                names = []
                for ev in stream:
                    names.append(ev.name)
                    if ev.type == zwhost.EVENT_READY:
                        break
                stream.close()
                self.assertEqual(names, ["connected", "disconnected", "connected", "ready"])
                host.wait_ready(5)
                self.assertEqual(seen[:4], names)
                self.assertEqual(len(drops), 1)
                self.assertIsInstance(drops[0].error, zwhost.ConnectionReset)
                self.assertEqual(drops[0].message.split(":")[0:2], sim.url.split(":")[0:2])
                host.off(h)

                # the simulator goes away: DISCONNECTED, then refused reconnection attempts
                stream = host.events(timeout=10, types=("disconnected", "error"))
                sim.stop()
                got = []
                for ev in stream:
                    got.append(ev)
                    if ev.type == zwhost.EVENT_ERROR:
                        break
                self.assertEqual([e.name for e in got], ["disconnected", "error"])
                self.assertIsInstance(got[1].error, zwhost.ConnectionRefused)
                self.assertFalse(host.ready)
                self.assertEqual(len(drops), 1)  # removed with off()
            finally:
                host.close()

    def test_stream_timeout_ends_iteration(self):
        with Sim("--devices", "switch:2") as sim, zwhost.Host(port=sim.url) as host:
            t0 = time.monotonic()
            # after ready the host asks nodes for their NIF and interviews them:
            # watch a type nothing produces here
            self.assertEqual(list(host.events(timeout=0.3, types=["disconnected"])), [])
            self.assertGreaterEqual(time.monotonic() - t0, 0.29)

    def test_call_from_a_callback_runs_on_the_loop_thread(self):
        with Sim("--devices", "switch:2", "--home-id", "0xc0ffee04") as sim:
            host = zwhost.Host(port=sim.url, start=False)
            got = []
            host.on("ready", lambda ev: got.append((threading.current_thread().name, host.controller.home_id)))
            host.start()
            host.close()
            self.assertEqual(len(got), 1)
            self.assertTrue(got[0][0].startswith("zwhost-loop"))
            self.assertEqual(got[0][1], 0xC0FFEE04)

    def test_close_from_a_callback(self):
        with Sim("--devices", "switch:2") as sim:
            host = zwhost.Host(port=sim.url, start=False)
            host.on("ready", lambda ev: host.close())
            host.start(wait=False)
            self.assertTrue(wait_for(lambda: not loop_threads(), 10))
            self.assertTrue(host.closed)
            host.close()  # and again from this thread: nothing left to do


class CloseTest(SimTestCase):
    def test_close_twice(self):
        with Sim("--devices", "switch:2") as sim:
            host = zwhost.Host(port=sim.url)
            stream = host.events()
            host.close()
            host.close()
            self.assertTrue(host.closed)
            self.assertEqual(host.state, zwhost.HOST_CLOSING)
            self.assertEqual(list(stream), [])  # ended by the close
            self.assertEqual(list(host.events()), [])
            with self.assertRaises(zwhost.Canceled):
                host.controller
            with self.assertRaises(zwhost.Canceled):
                host.start()
            with host:
                pass  # exit closes again: fine
        self.assertFalse(loop_threads())

    def test_close_unstarted_host(self):
        host = zwhost.Host(port="tcp://127.0.0.1:9", start=False)
        host.close()
        host.close()
        self.assertFalse(loop_threads())

    def test_no_callback_after_close(self):
        # a refused port with a fast back-off makes the library call back continuously
        url = "tcp://127.0.0.1:%d" % free_port()
        calls = {"event": 0, "log": 0}
        host = zwhost.Host(port=url, start=False, reconnect=(10, 20), log_level=zwhost.LOG_DEBUG,
                           log=lambda level, line: calls.__setitem__("log", calls["log"] + 1))
        host.on("*", lambda ev: calls.__setitem__("event", calls["event"] + 1))
        host.start(wait=False)
        self.assertTrue(wait_for(lambda: calls["event"] >= 5))
        host.close()
        after = dict(calls)
        time.sleep(0.3)
        self.assertEqual(calls, after)
        self.assertFalse(loop_threads())
        del host
        gc.collect()  # the ctypes callbacks may go now: the library has freed the host
        time.sleep(0.1)
        self.assertEqual(calls, after)


if __name__ == "__main__":
    unittest.main()
