"""The ctypes mirrors of the public structs have the C compiler's size and field offsets
(a mismatch would make the library write past a Python buffer)."""
import ctypes
import os
import shutil
import subprocess
import tempfile
import unittest

from simfixture import REPO
from zwhost import _structs


def c_layout():
    lines = ["#include <stdio.h>", "#include <stddef.h>", '#include "zwhost/zwhost.h"', "int main(void) {"]
    for cname, cls in _structs.ALL:
        lines.append('printf("%s sizeof %%zu\\n", sizeof(%s));' % (cname, cname))
        for field, _ in cls._fields_:
            lines.append('printf("%s %s %%zu\\n", offsetof(%s, %s));' % (cname, field, cname, field))
    lines.append("return 0; }")
    with tempfile.TemporaryDirectory() as d:
        src, exe = os.path.join(d, "layout.c"), os.path.join(d, "layout")
        with open(src, "w") as f:
            f.write("\n".join(lines))
        cflags = subprocess.run(["pkg-config", "--cflags", "libuv"], capture_output=True, text=True).stdout.split()
        subprocess.run(["cc", "-std=c11", "-D_GNU_SOURCE", "-I", os.path.join(REPO, "include")] + cflags + [src, "-o", exe],
                       check=True, capture_output=True)
        out = subprocess.run([exe], check=True, capture_output=True, text=True).stdout
    return {tuple(l.split()[:2]): int(l.split()[2]) for l in out.splitlines()}


@unittest.skipUnless(shutil.which("cc") and shutil.which("pkg-config"), "needs a C compiler")
class LayoutTest(unittest.TestCase):
    def test_sizes_and_offsets(self):
        c = c_layout()
        for cname, cls in _structs.ALL:
            self.assertEqual(ctypes.sizeof(cls), c[(cname, "sizeof")], cname)
            for field, _ in cls._fields_:
                self.assertEqual(getattr(cls, field).offset, c[(cname, field)], "%s.%s" % (cname, field))


if __name__ == "__main__":
    unittest.main()
