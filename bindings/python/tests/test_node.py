"""The node-level surface against zwh-sim: the S2 door lock included with a PIN callback
(one sim and one inclusion shared by the class, it is the slow part), lock/unlock,
Supervision FAIL on a jam, user codes, the keypad notification with its user id, and the
ZEN07 plug's meter, switch and configuration parameters on the same network."""
import os
import stat
import tempfile
import threading
import time
import unittest

from simfixture import Sim, SIM
import zwhost

# test keys (test data only), the same on the host and the sim side
TEST_KEYS = ("S0 0102030405060708090A0B0C0D0E0F10\n"
             "S2_Unauthenticated 1112131415161718191A1B1C1D1E1F20\n"
             "S2_Authenticated 2122232425262728292A2B2C2D2E2F30\n"
             "S2_AccessControl 3132333435363738393A3B3C3D3E3F40\n")
PLUG = 2


class NodeTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        if not os.path.exists(SIM):
            raise unittest.SkipTest("%s missing: build the repository first (make)" % SIM)
        cls.tmp = tempfile.TemporaryDirectory()
        cls.keys = os.path.join(cls.tmp.name, "keys.txt")
        with open(cls.keys, "w") as f:
            f.write(TEST_KEYS)
        os.chmod(cls.keys, stat.S_IRUSR | stat.S_IWUSR)
        cls.state = os.path.join(cls.tmp.name, "state.bin")
        cls.t0 = time.monotonic()
        cls.sim = Sim("--devices", "zen07:%d" % PLUG, "--pending", "lock", "--keys", cls.keys,
                      "--time-scale", "10", *(["-v"] if os.environ.get("ZWH_SIM_LOG") else []))
        try:
            line = cls.sim.proc.stdout.readline().split()
            assert line[:2] == ["DSK", "lock"], line
            cls.dsk = line[2]
            cls.host = zwhost.Host(port=cls.sim.url, keys=cls.keys, state=cls.state, timeout=20)
            cls.prompts = []

            def pin_callback(dsk_text):
                cls.prompts.append((dsk_text, threading.current_thread()))
                return cls.dsk[:5]  # the user reads the PIN off the label: the first group
            cls.node_id, cls.granted = cls.host.include(pin_callback=pin_callback, timeout=30)
            cls.include_s = time.monotonic() - cls.t0
            cls.lock = cls.host.nodes[cls.node_id]
            # the FLiRS lock's interview (~70 s in the sim) goes first: a command queued behind
            # it would spend its timeout waiting
            cls.lock.wait_ready(timeout=180)
            cls.ready_s = time.monotonic() - cls.t0
        except BaseException:
            cls.tearDownClass()
            raise

    @classmethod
    def tearDownClass(cls):
        host = getattr(cls, "host", None)
        if host is not None:
            host.close()
        cls.sim.stop()
        cls.tmp.cleanup()

    def sim_line(self, line):
        self.sim.proc.stdin.write(line + "\n")
        self.sim.proc.stdin.flush()

    # ---- the lock ------------------------------------------------------------------------

    def test_included_with_s2_access_control_after_a_pin_prompt(self):
        self.assertEqual(self.node_id, 3)
        self.assertIn("S2_AccessControl", self.granted)
        self.assertEqual(self.lock.granted, self.granted)
        # one prompt, on the including thread, showing the DSK without its first group
        self.assertEqual(len(self.prompts), 1)
        text, thread = self.prompts[0]
        self.assertIs(thread, threading.main_thread())
        self.assertEqual(text, "xxxxx" + self.dsk[5:])
        self.assertEqual(sorted(self.host.nodes), [1, PLUG, self.node_id])
        self.assertEqual(self.lock.info.flirs_ms, 1000)
        self.assertEqual(self.lock.interview_state, zwhost.INTERVIEW_COMPLETE)
        self.assertTrue(self.lock.supports(0x62))

    def test_lock_unlock_and_state_under_s2(self):
        self.lock.unlock()
        st = self.lock.lock_state()
        self.assertIsInstance(st, zwhost.LockState)
        self.assertIs(st.locked, False)
        self.assertEqual(st.mode_name, "unsecured")
        r = self.lock.send(b"\x62\x02", expect=(0x62, 0x03))
        self.assertEqual(r.secclass_name, "S2_AccessControl")
        progress = []
        self.host.send(self.node_id, b"\x62\x01\xff", progress=progress.append)
        self.assertTrue(progress and progress[0].supervision_status == 0x01)  # WORKING while the bolt moves
        self.assertIs(self.lock.lock_state().locked, True)
        self.lock.unlock()
        self.assertEqual(self.lock.lock_state().mode, 0x00)

    def test_z_jammed_bolt_raises_supervision_fail(self):
        # named to run last: after the jam the lock's supervised jam notification and the
        # host's traffic cross, and the lock then fails to decrypt the host's S2 frames
        # (ZWH_ES2_DECRYPT in the sim log; a library/sim S2 issue, not the binding's), so
        # the lock does not answer for a while
        self.lock.lock()
        self.sim_line("node %d jam" % self.node_id)
        with self.assertRaises(zwhost.SupervisionFail) as cm:
            self.lock.unlock()
        self.assertIsInstance(cm.exception, zwhost.NodeError)
        self.assertEqual(cm.exception.result.supervision_status, 0x02)  # FAIL

    def test_user_code_set_get_clear(self):
        self.lock.user_code.set(5, "1234")
        self.assertEqual(self.lock.user_code.get(5), (1, "1234"))
        self.lock.user_code.set(6, "987654")
        self.assertEqual(self.lock.user_code.get(6), (1, "987654"))
        self.lock.user_code.clear(6)
        self.assertEqual(self.lock.user_code.get(6), (0, ""))
        with self.assertRaises(zwhost.InvalidArgument):  # the C encoder checks the digits
            self.lock.user_code.set(7, "12")

    def test_keypad_entry_notification_names_the_user(self):
        self.lock.user_code.set(5, "1234")
        self.lock.unlock()
        with self.host.events(timeout=20, types="notification") as stream:
            self.sim_line("node %d keypad 1234" % self.node_id)
            ev = next(iter(stream))
        self.assertEqual(ev.node_id, self.node_id)
        self.assertEqual(ev.name, "notification")
        self.assertEqual(ev.secclass, 2)  # S2 Access Control
        self.assertEqual(ev.notification.type, 0x06)  # Access Control
        self.assertEqual(ev.notification.event, 0x05)  # keypad lock operation
        self.assertEqual(ev.notification.type_name, "access_control")
        self.assertEqual(ev.user_id, 5)
        deadline = time.monotonic() + 10
        while self.lock.lock_state().locked is not True and time.monotonic() < deadline:
            time.sleep(0.1)
        self.assertIs(self.lock.lock_state().locked, True)

    # ---- the plug ------------------------------------------------------------------------

    def test_meter_readings(self):
        plug = self.host.nodes[PLUG]
        plug.wait_ready(timeout=30)
        readings = plug.meter.get()
        scales = [r.scale for r in readings]
        self.assertEqual(scales, ["kWh", "W", "V", "A"])
        for scale, value in readings:
            self.assertIsInstance(value, float)
        self.assertEqual(readings[0].meter_type, "electric")
        self.assertGreater(dict(readings)["V"], 100.0)

    def test_switch_on_off(self):
        plug = self.host.nodes[PLUG]
        plug.switch.on()
        self.assertIs(plug.switch.get(), True)
        plug.switch.off()
        self.assertIs(plug.switch.get(), False)

    def test_configuration_parameters(self):
        plug = self.host.nodes[PLUG]
        self.assertEqual(plug.config.get(2), 300)  # Metering Report Frequency default (seed 000)
        plug.config.set(2, 600)  # 2-byte parameter: the size comes from the node
        self.assertEqual(plug.config.get(2), 600)
        plug.config.set(6, 20, size=1)
        self.assertEqual(plug.config.get(6), 20)

    def test_unknown_node_and_timeouts(self):
        with self.assertRaises(zwhost.NoSuchNode):
            self.host.send(9, b"\x25\x02", expect=(0x25, 0x03))
        t0 = time.monotonic()
        with self.assertRaises(zwhost.Timeout):  # the plug never answers a Door Lock Get
            self.host.send(PLUG, b"\x62\x02", expect=(0x62, 0x03), timeout=1)
        self.assertLess(time.monotonic() - t0, 5)


if __name__ == "__main__":
    unittest.main()
