"""Error mapping: one class per code of the library's table, checked against the table in
include/zwhost/error.h (parsed here independently of the binding)."""
import errno
import os
import pickle
import re
import unittest

from simfixture import REPO
import zwhost


def header_table():
    """{name: value} from the ZWH_ERRNO_MAP X-macro of include/zwhost/error.h."""
    with open(os.path.join(REPO, "include", "zwhost", "error.h")) as f:
        text = f.read()
    out = {}
    for name, value in re.findall(r"XX\((E[A-Z0-9_]+),\s*(-E[A-Z]+|-\d+),", text):
        out[name] = -getattr(errno, value[1:]) if value.startswith("-E") else int(value)
    return out


class TableTest(unittest.TestCase):
    def test_every_header_code_has_a_class(self):
        table = header_table()
        self.assertGreater(len(table), 40)
        self.assertEqual(zwhost.CODES, table)
        for name, code in table.items():
            cls = zwhost.error_class(code)
            self.assertIsNot(cls, zwhost.Error, name)
            self.assertEqual(cls.code, code)
            e = cls()
            self.assertEqual(e.code, code)
            self.assertEqual(e.name, "ZWH_" + name)
            self.assertEqual(e.message, zwhost.strerror(code))
            self.assertIsInstance(e, zwhost.Error)

    def test_class_names_are_unique(self):
        names = [zwhost.error_class(c).__name__ for c in zwhost.CODES.values()]
        self.assertEqual(len(names), len(set(names)))


class MappingTest(unittest.TestCase):
    def test_builtin_bases(self):
        cases = [
            ("Timeout", -errno.ETIMEDOUT, TimeoutError),
            ("ConnectionRefused", -errno.ECONNREFUSED, ConnectionRefusedError),
            ("ConnectionReset", -errno.ECONNRESET, ConnectionResetError),
            ("NotConnected", -errno.ENOTCONN, ConnectionError),
            ("InvalidArgument", -errno.EINVAL, ValueError),
            ("NotFound", -errno.ENOENT, FileNotFoundError),
            ("AccessDenied", -errno.EACCES, PermissionError),
            ("OutOfMemory", -errno.ENOMEM, MemoryError),
        ]
        for cls_name, code, builtin in cases:
            cls = getattr(zwhost, cls_name)
            self.assertEqual(cls.code, code, cls_name)
            e = zwhost.from_code(code, "detail")
            self.assertIsInstance(e, cls)
            self.assertIsInstance(e, builtin)
            self.assertIsInstance(e, zwhost.Error)

    def test_system_codes_carry_errno(self):
        e = zwhost.Timeout()
        self.assertEqual(e.errno, errno.ETIMEDOUT)
        self.assertEqual(str(e), "timed out (ZWH_ETIMEDOUT)")

    def test_pythonic_names(self):
        self.assertEqual(zwhost.NotSupported.code, -errno.ENOTSUP)
        self.assertEqual(zwhost.Canceled.code, -errno.ECANCELED)
        self.assertEqual(zwhost.NoAck.code, -6003)
        self.assertEqual(zwhost.KexFailed.code, -6048)
        self.assertEqual(zwhost.S2DecryptFailed.code, -6040)

    def test_block_bases(self):
        self.assertTrue(issubclass(zwhost.FrameRejected, zwhost.ControllerError))   # -6001
        self.assertTrue(issubclass(zwhost.NotSerialApi, zwhost.ControllerError))    # -6008
        self.assertTrue(issubclass(zwhost.TransmitFailed, zwhost.NodeError))        # -6020
        self.assertTrue(issubclass(zwhost.SupervisionFail, zwhost.NodeError))       # -6026
        self.assertTrue(issubclass(zwhost.S2NonceError, zwhost.SecurityError))      # -6041
        self.assertTrue(issubclass(zwhost.BadKeyFile, zwhost.SecurityError))        # -6052
        self.assertFalse(issubclass(zwhost.Timeout, zwhost.SecurityError))

    def test_detail_and_message(self):
        e = zwhost.from_code(-errno.ECONNREFUSED, "tcp://127.0.0.1:9")
        self.assertEqual(str(e), "tcp://127.0.0.1:9: connection refused (ZWH_ECONNREFUSED)")
        e = zwhost.from_code(-errno.ECONNREFUSED, "tcp://127.0.0.1:9: connection refused")
        self.assertEqual(str(e), "tcp://127.0.0.1:9: connection refused (ZWH_ECONNREFUSED)")
        self.assertEqual(e.detail, "tcp://127.0.0.1:9: connection refused")

    def test_unknown_codes(self):
        e = zwhost.from_code(-6999)
        self.assertIs(type(e), zwhost.Error)
        self.assertEqual(e.name, "ZWH_EUNKNOWN")
        # a -errno outside the table, as libuv may pass one through
        e = zwhost.from_code(-errno.EPIPE)
        self.assertIs(type(e), zwhost.Error)
        self.assertEqual(e.message, os.strerror(errno.EPIPE))

    def test_check(self):
        self.assertEqual(zwhost.errors.check(5), 5)
        with self.assertRaises(zwhost.Busy):
            zwhost.errors.check(-errno.EBUSY)

    def test_pickle_round_trip(self):
        e = pickle.loads(pickle.dumps(zwhost.from_code(-6003, "node 5")))
        self.assertIsInstance(e, zwhost.NoAck)
        self.assertEqual((e.code, e.detail), (-6003, "node 5"))

    def test_base_needs_a_code(self):
        with self.assertRaises(TypeError):
            zwhost.Error()


if __name__ == "__main__":
    unittest.main()
