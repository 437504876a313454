#!/usr/bin/env bash
# `cmake --install` of the build tree this test runs in, into a temporary prefix, and
# the prefix used the way a hub project would: exactly the promised files, no path of
# the build or source tree in anything installed, a consumer program built through
# pkg-config and through find_package(zwhost) (shared and static), and the consumers,
# the installed zwh-info and the installed zwh-sim run from the prefix.
#
# Which tree: the one ctest runs in ($ZWH_BIN/..), the sanitizer tree under `make test`.
# A neighbouring build/ would give plain binaries, but nothing guarantees it is fresh
# (ctest only builds the tree it runs in), so this test would then check stale files.
# Instead the consumer is compiled like the tree: same compiler, and when the tree is
# sanitized (ZWH_SANITIZE:BOOL=ON) the same -fsanitize flags, because a sanitized
# libzwhost.so needs the ASan runtime loaded first and ASan refuses to start otherwise.
# The consumers then also run under ASan/UBSan with leak checking.
. "$(dirname "$0")/lib.sh"
SRC=${ZWH_SRC:?ZWH_SRC must point at the source tree}
BUILD=$(cd "$BIN/.." && pwd)
CACHE=$BUILD/CMakeCache.txt
cache() { sed -n "s/^$1:[A-Z]*=//p" "$CACHE"; }
CC_=$(cache CMAKE_C_COMPILER)
LIBDIR=$(cache CMAKE_INSTALL_LIBDIR)
CONFIG=$(cache CMAKE_BUILD_TYPE | tr '[:upper:]' '[:lower:]')
VERSION=$(cache CMAKE_PROJECT_VERSION)
SAN=""
if [ "$(cache ZWH_SANITIZE)" = "ON" ]; then SAN="-fsanitize=address,undefined -fno-sanitize-recover=all"; fi
P=$TMP/prefix
HOME_ID=0x12345678

# run LOG CMD... : runs CMD with its output in $TMP/LOG; prints the output on failure
run() { local log=$TMP/$1; shift; "$@" >"$log" 2>&1 || { sed 's/^/    /' "$log"; return 1; }; }
runpath() { readelf -d "$1" | sed -n 's/.*(\(RPATH\|RUNPATH\)).*\[\(.*\)\]/\2/p'; }
needed() { readelf -d "$1" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'; }
# resolves FILE's libzwhost.so.0 the way the dynamic loader would, printed as a real path
libzwhost_of() { LD_LIBRARY_PATH= ldd "$1" | awk '/libzwhost\.so/ {print $3}' | xargs -r realpath; }

# --- install ---
check "cmake --install into a temporary prefix" run install.log cmake --install "$BUILD" --prefix "$P"
[ -d "$P" ] || { finish; exit 1; }

{
  (cd "$SRC/include" && find zwhost -name '*.h' | sed 's|^|include/|')
  printf '%s\n' "$LIBDIR/libzwhost.so" "$LIBDIR/libzwhost.so.0" "$LIBDIR/libzwhost.so.$VERSION" \
    "$LIBDIR/libzwhost.a" "$LIBDIR/pkgconfig/zwhost.pc" \
    "$LIBDIR/cmake/zwhost/zwhostConfig.cmake" "$LIBDIR/cmake/zwhost/zwhostConfigVersion.cmake" \
    "$LIBDIR/cmake/zwhost/zwhostTargets.cmake" "$LIBDIR/cmake/zwhost/zwhostTargets-$CONFIG.cmake"
  for prog in "$BIN"/zwh-*; do echo "bin/${prog##*/}"; done
} | sort >"$TMP/expected.txt"
(cd "$P" && find . -type f -o -type l) | sed 's|^\./||' | sort >"$TMP/installed.txt"
check "installs exactly headers, libraries, .pc, CMake package and zwh-* programs" \
  diff -u "$TMP/expected.txt" "$TMP/installed.txt"
check "the examples and zwh-sim are installed" test "$(grep -c '^bin/zwh-' "$TMP/installed.txt")" -ge 1
check "no benchmark or test program installed" bash -c "! grep -qE 'bench_|test_|replay_' '$TMP/installed.txt'"

check "installed library has SONAME libzwhost.so.0" \
  test "$(readelf -d "$P/$LIBDIR/libzwhost.so.0" | sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p')" = libzwhost.so.0
check "libzwhost.so is the development link to libzwhost.so.0" \
  test "$(readlink "$P/$LIBDIR/libzwhost.so")" = libzwhost.so.0
check "nothing installed names the build or source tree" \
  bash -c "! grep -rlF -e '$BUILD' -e '$SRC' '$P/$LIBDIR/pkgconfig' '$P/$LIBDIR/cmake' '$P/include'"
bad_rpath=""
for prog in "$P"/bin/zwh-*; do
  rp=$(runpath "$prog")
  if [ -n "$rp" ] && [ "$rp" != "\$ORIGIN/../$LIBDIR" ]; then bad_rpath+=" ${prog##*/}:$rp"; fi
done
check "installed programs have no RPATH but \$ORIGIN/../$LIBDIR${bad_rpath:+ (got$bad_rpath)}" test -z "$bad_rpath"
check "installed zwh-info loads libzwhost from the prefix" \
  test "$(libzwhost_of "$P/bin/zwh-info")" = "$(realpath "$P/$LIBDIR/libzwhost.so.0")"

hdr_version=$(awk '/#define ZWH_VERSION_(MAJOR|MINOR|PATCH) / {printf "%s%s", sep, $3; sep="."}' "$P/include/zwhost/common.h")
check "project version $VERSION = header ZWH_VERSION_* ($hdr_version)" test "$hdr_version" = "$VERSION"

# --- pkg-config ---
export PKG_CONFIG_PATH=$P/$LIBDIR/pkgconfig
check "pkg-config finds zwhost $VERSION" test "$(pkg-config --modversion zwhost)" = "$VERSION"
check "pkg-config includedir is the prefix's" \
  test "$(realpath "$(pkg-config --variable=includedir zwhost)")" = "$(realpath "$P/include")"
check "pkg-config libdir is the prefix's" \
  test "$(realpath "$(pkg-config --variable=libdir zwhost)")" = "$(realpath "$P/$LIBDIR")"

# Every installed header compiles on its own (includes what it needs) as strict ISO C11
# with warnings as errors. _POSIX_C_SOURCE: uv.h needs the POSIX types (see consumer.c).
bad_hdr=""
for h in $(cd "$P/include" && find zwhost -name '*.h' | sort); do
  printf '#define _POSIX_C_SOURCE 200809L\n#include <%s>\n' "$h" >"$TMP/hdr.c"
  # shellcheck disable=SC2046
  "$CC_" -std=c11 -pedantic -Wall -Wextra -Werror -fsyntax-only $(pkg-config --cflags zwhost) "$TMP/hdr.c" \
    >>"$TMP/hdr.log" 2>&1 || bad_hdr+=" $h"
done
check "each installed header compiles alone as -std=c11 -pedantic${bad_hdr:+ (failed:$bad_hdr)}" test -z "$bad_hdr"
[ -z "$bad_hdr" ] || sed 's/^/    /' "$TMP/hdr.log"
if command -v c++ >/dev/null; then
  printf '#include <zwhost/zwhost.h>\nint main() { return zwh_version() == ZWH_VERSION_HEX ? 0 : 1; }\n' >"$TMP/hdr.cc"
  # shellcheck disable=SC2046
  check "zwhost.h compiles as C++ (extern \"C\")" run cxx.log c++ -std=c++11 -Wall -Wextra -Werror -fsyntax-only \
    $(pkg-config --cflags zwhost) "$TMP/hdr.cc"
else
  echo "# no C++ compiler: C++ header check skipped"
fi

mkdir -p "$TMP/pc"
# shellcheck disable=SC2046,SC2086
check "consumer builds with cc \$(pkg-config --cflags --libs zwhost)" \
  run pc.log "$CC_" -std=c11 -pedantic -Wall -Wextra -Werror $SAN -o "$TMP/pc/consumer" "$SRC/tests/install/consumer.c" \
  $(pkg-config --cflags --libs zwhost) "-Wl,-rpath,$P/$LIBDIR"
check "pkg-config consumer loads libzwhost.so.0 from the prefix" \
  test "$(libzwhost_of "$TMP/pc/consumer")" = "$(realpath "$P/$LIBDIR/libzwhost.so.0")"

# --- CMake package ---
check "consumer configures with find_package(zwhost) from the prefix" \
  run cmake-config.log cmake -S "$SRC/tests/install" -B "$TMP/cm" -DCMAKE_PREFIX_PATH="$P" \
  -DCMAKE_C_COMPILER="$CC_" -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_FLAGS="$SAN" -DCMAKE_EXE_LINKER_FLAGS="$SAN"
check "find_package used the prefix's package" \
  test "$(realpath "$(sed -n 's/^zwhost_DIR:PATH=//p' "$TMP/cm/CMakeCache.txt")")" = "$(realpath "$P/$LIBDIR/cmake/zwhost")"
check "consumer builds against zwhost::zwhost and zwhost::zwhost_static" \
  run cmake-build.log cmake --build "$TMP/cm" -j2
check "zwhost::zwhost consumer loads libzwhost.so.0 from the prefix" \
  test "$(libzwhost_of "$TMP/cm/consumer")" = "$(realpath "$P/$LIBDIR/libzwhost.so.0")"
check "zwhost::zwhost_static consumer does not need libzwhost.so" \
  bash -c "! readelf -d '$TMP/cm/consumer_static' | grep -q 'libzwhost'"

# --- run them against the simulated stick ---
consumers=("$TMP/pc/consumer" "$TMP/cm/consumer" "$TMP/cm/consumer_static")
if [ -x "$P/bin/zwh-sim" ]; then
  BIN=$P/bin start_sim installed --listen tcp://127.0.0.1:0 --home-id "$HOME_ID" --devices switch:2 --seed 3
  for c in "${consumers[@]}"; do
    name=${c#"$TMP"/}
    LD_LIBRARY_PATH= "$c" "$SIM_URL" 20 >"$TMP/run.out" 2>"$TMP/run.err"
    rc=$?
    check "$name against the installed zwh-sim exits 0" test $rc -eq 0
    check "$name prints the sim's home id" grep -qx "home id $HOME_ID" "$TMP/run.out"
    check "$name reports library $VERSION" grep -qx "zwhost $VERSION" "$TMP/run.out"
    [ $rc -eq 0 ] || sed 's/^/    /' "$TMP/run.err"
  done
  LD_LIBRARY_PATH= "$P/bin/zwh-info" --port "$SIM_URL" --json --timeout 20 >"$TMP/info.json" 2>"$TMP/info.err"
  check "installed zwh-info runs from the prefix" test $? -eq 0
  check "installed zwh-info reports the home id" test "$(json_get "$TMP/info.json" "d['home_id']")" = "$HOME_ID"
elif [ -d "$SRC/sim" ]; then
  not_ok "sim/ exists but zwh-sim was not built or installed"
else
  # Until zwh-sim exists: the consumers still load the installed library, connect and
  # give up cleanly at their deadline against a peer that accepts and never answers.
  echo "# no zwh-sim in this tree: consumers run against a silent peer"
  python3 - "$TMP/silent.port" <<'PY' &
import socket, sys
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", 0)); s.listen(8)
open(sys.argv[1], "w").write(str(s.getsockname()[1]))
s.settimeout(30); conns = []
try:
    while True:
        c, _ = s.accept(); conns.append(c)
except Exception:
    pass
PY
  SIM_PIDS+=($!)
  for _ in $(seq 100); do [ -s "$TMP/silent.port" ] && break; sleep 0.05; done
  for c in "${consumers[@]}"; do
    name=${c#"$TMP"/}
    LD_LIBRARY_PATH= "$c" "tcp://127.0.0.1:$(cat "$TMP/silent.port")" 2 >"$TMP/run.out" 2>"$TMP/run.err"
    rc=$?
    check "$name reports library $VERSION" grep -qx "zwhost $VERSION" "$TMP/run.out"
    check "$name against a silent peer: exit 1, one 'timed out' line" \
      bash -c "[ $rc -eq 1 ] && grep -q 'timed out' '$TMP/run.err' && [ \$(wc -l <'$TMP/run.err') -eq 1 ]"
  done
fi

finish
