#!/usr/bin/env bash
# The Python binding's unittest suite (bindings/python/tests). It always runs against the
# NON-sanitized tree build/ (libzwhost.so.0 and zwh-sim): python3 cannot load an ASan
# library without preloading the runtime. `make test` builds build/ before build-asan/.
set -u
SRC=${ZWH_SRC:?ZWH_SRC must point at the source tree}
BUILD=$SRC/build
for f in "$BUILD/lib/libzwhost.so.0" "$BUILD/bin/zwh-sim"; do
  if [ ! -e "$f" ]; then
    echo "not ok - $f missing: the Python tests use the non-sanitized tree; run 'make' (make test does)"
    exit 1
  fi
done
# Debian's interpreter when present (python3-setuptools/-wheel make the pip test run).
PY=python3
[ -x /usr/bin/python3 ] && PY=/usr/bin/python3
command -v "$PY" >/dev/null || { echo "not ok - python3 missing"; exit 1; }
cd "$SRC/bindings/python" || exit 1
# ZWHOST_LIBRARY unset: the tests check the lookup order themselves (build/lib first).
exec env -u ZWHOST_LIBRARY ZWH_SRC="$SRC" ZWH_PY_BUILD="$BUILD" \
  "$PY" -X dev -m unittest discover -s tests -v
