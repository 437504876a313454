"""Where the binding finds libzwhost: ZWHOST_LIBRARY, then the repository's build/lib/, then
the system -- checked both as the pure candidate list and by importing in a child process."""
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

from simfixture import PKG_ROOT, LIB, BUILD
from zwhost import _lib


def import_in_child(env_extra, pythonpath=PKG_ROOT, drop_env=True):
    env = dict(os.environ)
    env.pop("ZWHOST_LIBRARY", None)
    env.update(env_extra)
    env["PYTHONPATH"] = pythonpath
    code = "import zwhost; print(zwhost.library_origin); print(zwhost.library_path); print(zwhost.version())"
    # cwd: "-c" puts the working directory first on sys.path
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                          timeout=60, cwd=pythonpath)


class CandidateOrder(unittest.TestCase):
    def test_env_then_build_then_system(self):
        c = _lib.candidates({"ZWHOST_LIBRARY": "/opt/x/libzwhost.so.0"}, "/src/repo/bindings/python/zwhost")
        origins = [o for o, _ in c]
        self.assertEqual(c[0], ("env", "/opt/x/libzwhost.so.0"))
        self.assertEqual(c[1], ("build", "/src/repo/build/lib/libzwhost.so.0"))
        self.assertEqual(c[2], ("build", "/src/repo/build/lib/libzwhost.so"))
        self.assertEqual(origins[3:], ["system"] * (len(c) - 3))
        self.assertEqual(c[-1], ("system", "libzwhost.so.0"))

    def test_no_env_starts_with_build(self):
        c = _lib.candidates({}, "/src/repo/bindings/python/zwhost")
        self.assertEqual(c[0][0], "build")

    def test_empty_env_is_ignored(self):
        c = _lib.candidates({"ZWHOST_LIBRARY": ""}, "/p/bindings/python/zwhost")
        self.assertEqual(c[0][0], "build")


class ImportLookup(unittest.TestCase):
    def setUp(self):
        if not os.path.exists(LIB):
            self.fail("%s missing: build the repository first (make)" % LIB)
        self.tmp = tempfile.mkdtemp()

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def test_in_checkout_uses_build_lib(self):
        r = import_in_child({})
        self.assertEqual(r.returncode, 0, r.stderr)
        origin, path, version = r.stdout.split()
        self.assertEqual(origin, "build")
        self.assertEqual(os.path.realpath(path), os.path.realpath(LIB))
        self.assertRegex(version, r"^\d+\.\d+\.\d+$")

    def test_env_wins_over_build(self):
        copy = os.path.join(self.tmp, "libzwhost-copy.so")
        shutil.copy(LIB, copy)
        r = import_in_child({"ZWHOST_LIBRARY": copy})
        self.assertEqual(r.returncode, 0, r.stderr)
        origin, path, _ = r.stdout.split()
        self.assertEqual((origin, path), ("env", copy))

    def test_env_that_does_not_load_is_an_error(self):
        missing = os.path.join(self.tmp, "nope.so")
        r = import_in_child({"ZWHOST_LIBRARY": missing})
        self.assertNotEqual(r.returncode, 0)
        self.assertIn("ZWHOST_LIBRARY=" + missing, r.stderr)

    def test_outside_checkout_falls_back_to_system(self):
        # the package copied away from the repository: no build/lib next to it, so the
        # system lookup (here through LD_LIBRARY_PATH) must find the library
        shutil.copytree(os.path.join(PKG_ROOT, "zwhost"), os.path.join(self.tmp, "zwhost"))
        r = import_in_child({"LD_LIBRARY_PATH": os.path.join(BUILD, "lib")}, pythonpath=self.tmp)
        self.assertEqual(r.returncode, 0, r.stderr)
        origin, path, _ = r.stdout.split()
        self.assertEqual(origin, "system")

    def test_outside_checkout_without_library_names_what_it_tried(self):
        shutil.copytree(os.path.join(PKG_ROOT, "zwhost"), os.path.join(self.tmp, "zwhost"))
        r = import_in_child({"LD_LIBRARY_PATH": self.tmp}, pythonpath=self.tmp)
        if r.returncode == 0:
            self.skipTest("a libzwhost is installed on this system")
        self.assertIn("libzwhost not found", r.stderr)
        self.assertIn("ZWHOST_LIBRARY", r.stderr)


class PipInstall(unittest.TestCase):
    """`pip install bindings/python` (offline: --no-build-isolation uses the interpreter's own
    setuptools) gives a package that loads the library from the system search path."""

    def test_pip_install_and_import(self):
        try:
            import setuptools  # noqa: F401
            import wheel  # noqa: F401
        except ImportError:
            self.skipTest("this python3 has no setuptools/wheel (Debian: python3-setuptools python3-wheel)")
        with tempfile.TemporaryDirectory() as tmp:
            src = os.path.join(tmp, "src")
            shutil.copytree(PKG_ROOT, src, ignore=shutil.ignore_patterns("tests", "build", "*.egg-info",
                                                                          "__pycache__"))
            target = os.path.join(tmp, "site")
            r = subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-build-isolation",
                                "--no-deps", "--no-index", "--target", target, src],
                               capture_output=True, text=True, timeout=120)
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertTrue(os.path.exists(os.path.join(target, "zwhost", "host.py")))
            r = import_in_child({"LD_LIBRARY_PATH": os.path.join(BUILD, "lib")}, pythonpath=target)
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertEqual(r.stdout.split()[0], "system")


if __name__ == "__main__":
    unittest.main()
