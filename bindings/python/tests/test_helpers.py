"""Synchronous helpers: DSK/PIN, QR codes, the command-class formatter, names, version, keys
file. Golden data: /work/shared/reference/vectors.json "dsk_text_and_pin" and the two QR
examples of the Node Provisioning QR code specification (Acme dimmer, Oscorp lock)."""
import os
import stat
import tempfile
import unittest

import simfixture  # noqa: F401  (sys.path)
import zwhost

ACME = "900132782003515253545541424344453132333435212223242500100435301537022065520001000000300578"
OSCORP = ("9001346230075152535455414243444531323334352122232425001016387007680220655210100000017002880642"
          "002122232425414243444511121314153132333435")
SPEC_DSK = bytes.fromhex("c9458a7fa1d0868d7a5b829b52e67ea9")


class DskTest(unittest.TestCase):
    def test_reference_vector(self):
        dsk = bytes.fromhex("b2a9f0c55e1d2e3f40516273849506a7")
        text = "45737-61637-24093-11839-16465-25203-33941-01703"
        self.assertEqual(zwhost.dsk_format(dsk), text)
        self.assertEqual(zwhost.dsk_parse(text), dsk)
        self.assertEqual(zwhost.dsk_pin(dsk), 45737)
        self.assertEqual(zwhost.dsk_parse("  " + text.replace("-", " ") + "\n"), dsk)

    def test_bad_dsk(self):
        with self.assertRaises(zwhost.BadDsk) as cm:
            zwhost.dsk_parse("45737-61637-24093")
        self.assertTrue(cm.exception.detail)  # the library's reason
        self.assertIsInstance(cm.exception, ValueError)
        with self.assertRaises(zwhost.BadDsk):
            zwhost.dsk_parse("45737-61637-24093-11839-16465-25203-33941-99999")  # > 65535
        with self.assertRaises(zwhost.InvalidArgument):
            zwhost.dsk_format(b"\x00" * 15)

    def test_pin(self):
        self.assertEqual(zwhost.pin_parse(" 01234 "), 1234)
        with self.assertRaises(zwhost.BadDsk):
            zwhost.pin_parse("1234")
        with self.assertRaises(zwhost.BadDsk):
            zwhost.pin_parse("70000")


class QrTest(unittest.TestCase):
    def test_acme(self):
        q = zwhost.qr_decode(ACME)
        self.assertEqual(q.version, 1)
        self.assertEqual(q.checksum, 32782)
        self.assertEqual(q.requested_keys, 0x03)
        self.assertEqual(q.dsk, SPEC_DSK)
        self.assertEqual(q.dsk_text, "51525-35455-41424-34445-31323-33435-21222-32425")
        self.assertEqual(q.pin, 51525)
        self.assertEqual((q.generic_device_class, q.specific_device_class), (0x11, 0x01))
        self.assertEqual(q.installer_icon_type, 0x0601)
        self.assertEqual((q.manufacturer_id, q.product_type, q.product_id), (0xfff0, 0x0064, 0x0003))
        self.assertEqual(q.application_version, 0x0242)
        self.assertEqual(q.has_uuid, 0)
        self.assertIsNone(q.uuid_text)

    def test_oscorp_uuid(self):
        q = zwhost.qr_decode(OSCORP)
        self.assertEqual(q.requested_keys, 0x07)
        self.assertEqual(q.generic_device_class, 0x40)
        self.assertEqual(q.has_uuid, 1)
        self.assertEqual(q.uuid_text, "52e67ea9a1d0868d2b717ab77a5b829b")
        self.assertNotIn("_uuid_text", q.as_dict())

    def test_bad_checksum(self):
        bad = ACME[:4] + "00000" + ACME[9:]
        with self.assertRaises(zwhost.BadQrCode) as cm:
            zwhost.qr_decode(bad)
        self.assertIn("checksum", cm.exception.detail)

    def test_record_is_read_only(self):
        q = zwhost.qr_decode(ACME)
        with self.assertRaises(AttributeError):
            q.version = 3


class CcTest(unittest.TestCase):
    def test_format(self):
        self.assertEqual(zwhost.cc_format(bytes([0x62, 0x01, 0xFF])), "DoorLock.OperationSet mode=secured")
        self.assertEqual(zwhost.cc_format(b"\x25\x01\x00"), zwhost.cc_format(bytearray(b"\x25\x01\x00")))
        # nested: Supervision Get wrapping a Door Lock Operation Set
        nested = zwhost.cc_format(bytes([0x6C, 0x01, 0x95, 0x03, 0x62, 0x01, 0xFF]))
        self.assertIn("Supervision", nested)
        self.assertIn("DoorLock.OperationSet", nested)

    def test_format_long_output_grows_the_buffer(self):
        frame = bytes([0xEE, 0x01]) + bytes(range(200))  # unknown class: hex
        line = zwhost.cc_format(frame)
        self.assertGreater(len(line), 256)
        self.assertIn("c7", line)

    def test_format_never_raises(self):
        for frame in (b"", b"\x62", b"\x62\x03", bytes(300)):
            self.assertIsInstance(zwhost.cc_format(frame), str)

    def test_names(self):
        self.assertEqual(zwhost.cc_name(0x62), "DoorLock")
        self.assertIsNone(zwhost.cc_name(0xEE))
        self.assertEqual(zwhost.cc_command_name(0x62, 0x01), "OperationSet")
        self.assertGreaterEqual(zwhost.cc_version(0x62), 4)
        self.assertEqual(zwhost.cc_version(0xEE), 0)


class MiscTest(unittest.TestCase):
    def test_version(self):
        major, minor, patch = zwhost.version_info()
        self.assertEqual(zwhost.version(), "%d.%d.%d" % (major, minor, patch))

    def test_names(self):
        self.assertEqual(zwhost.err_name(-110), "ZWH_ETIMEDOUT")
        self.assertEqual(zwhost.strerror(-110), "timed out")
        self.assertEqual(zwhost.event_type_name(zwhost.EVENT_COMMAND), "command")

    def test_usb_ids(self):
        self.assertTrue(zwhost.is_zwave_usb(0x0658, 0x0200))
        self.assertFalse(zwhost.is_zwave_usb(0x1234, 0x5678))
        for p in zwhost.list_ports():
            self.assertTrue(p.path.startswith("/"))

    def test_keystore_created_0600(self):
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "keys.txt")
            with zwhost.Keystore(path) as ks:
                self.assertEqual(ks.classes, frozenset({0, 1, 2, 3, 4, 7}))
            self.assertEqual(stat.S_IMODE(os.stat(path).st_mode), 0o600)
            os.chmod(path, 0o644)
            with self.assertRaises(zwhost.KeyFileMode):
                zwhost.Keystore(path)
            os.chmod(path, 0o600)
            with open(path, "a") as f:
                f.write("S0 nothex\n")
            with self.assertRaises(zwhost.BadKeyFile) as cm:
                zwhost.Keystore(path)
            self.assertTrue(cm.exception.detail)


if __name__ == "__main__":
    unittest.main()
