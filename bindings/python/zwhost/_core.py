"""The loaded library, shared by every module of the package (loaded once, at import)."""
from . import _lib

lib, library_path, library_origin = _lib.load()


def cstr(p):
    """A static const char * from the library as str ('' for NULL)."""
    return p.decode("utf-8", "replace") if p else ""
