#!/usr/bin/env bash
# The Debian packages CPack builds (`make package`) from the tree ctest runs in, inspected
# with dpkg-deb only -- nothing is installed on this machine:
#   - names libzwhost0 / libzwhost-dev / zwhost-tools, version <project>-1, this arch;
#   - each package holds exactly its part of `cmake --install`, nothing twice, nothing left out;
#   - the shared library's SONAME, the shlibs file and the ldconfig call of libzwhost0;
#   - Depends: every library a packaged binary needs (NEEDED) is provided by a package it
#     depends on, every named package exists on this system in a version that satisfies
#     the constraint (so the names are Debian 12's), and -dev/-tools pin the runtime.
# In the sanitizer tree the packaged binaries also need libasan/libubsan; those are
# build-tree artefacts and are left out of the dependency check (`make package` builds a
# plain tree of its own).
. "$(dirname "$0")/lib.sh"
BUILD=$(cd "$BIN/.." && pwd)
cache() { sed -n "s/^$1:[A-Z]*=//p" "$BUILD/CMakeCache.txt"; }
VERSION=$(cache CMAKE_PROJECT_VERSION)
DEBVER=$VERSION-1
ARCH=$(dpkg --print-architecture)
OUT=$TMP/deb

if ! cpack --config "$BUILD/CPackConfig.cmake" -G DEB -B "$OUT" >"$TMP/cpack.log" 2>&1; then
  not_ok "cpack -G DEB"; sed 's/^/    /' "$TMP/cpack.log"; finish; exit 1
fi
ok "cpack -G DEB"
for pkg in libzwhost0 libzwhost-dev zwhost-tools; do
  check "$pkg: ${pkg}_${DEBVER}_${ARCH}.deb built" test -f "$OUT/${pkg}_${DEBVER}_${ARCH}.deb"
done
check "exactly three packages" test "$(find "$OUT" -maxdepth 1 -name '*.deb' | wc -l)" -eq 3
deb() { echo "$OUT/${1}_${DEBVER}_${ARCH}.deb"; }
field() { dpkg-deb -f "$(deb "$1")" "$2"; }
# files (and symlinks) of a package, without the leading ./, sorted
contents() { dpkg-deb -c "$(deb "$1")" | awk '$1 !~ /^d/ {print $6}' | sed 's|^\./||' | sort; }

for pkg in libzwhost0 libzwhost-dev zwhost-tools; do
  check "$pkg: Package, Version $DEBVER, Architecture $ARCH" \
    test "$(field "$pkg" Package) $(field "$pkg" Version) $(field "$pkg" Architecture)" = "$pkg $DEBVER $ARCH"
  contents "$pkg" >"$TMP/$pkg.files"
  mkdir -p "$TMP/x/$pkg" && dpkg-deb -x "$(deb "$pkg")" "$TMP/x/$pkg"
done

# --- file lists: packages together == cmake --install under /usr, each file once ---
cmake --install "$BUILD" --prefix "$TMP/usr" >"$TMP/install.log" 2>&1
(cd "$TMP" && find usr -type f -o -type l) | sort >"$TMP/installed.files"
sort "$TMP"/libzwhost0.files "$TMP"/libzwhost-dev.files "$TMP"/zwhost-tools.files >"$TMP/packaged.files"
check "the three packages hold exactly what cmake --install installs" diff -u "$TMP/installed.files" "$TMP/packaged.files"
check "no file is in two packages" test -z "$(uniq -d "$TMP/packaged.files")"
check "libzwhost0: only libzwhost.so.0 and its versioned file" \
  test "$(sed 's|.*/||' "$TMP/libzwhost0.files" | tr '\n' ' ')" = "libzwhost.so.0 libzwhost.so.$VERSION "
check "libzwhost-dev: headers, libzwhost.a, libzwhost.so, zwhost.pc, CMake package" \
  bash -c "grep -qx 'usr/include/zwhost/zwhost.h' '$TMP/libzwhost-dev.files' &&
           grep -qx 'usr/include/zwhost/cc/basic.h' '$TMP/libzwhost-dev.files' &&
           grep -qE '^usr/lib/(.*/)?libzwhost\.a$' '$TMP/libzwhost-dev.files' &&
           grep -qE '^usr/lib/(.*/)?libzwhost\.so$' '$TMP/libzwhost-dev.files' &&
           grep -qE '^usr/lib/(.*/)?pkgconfig/zwhost\.pc$' '$TMP/libzwhost-dev.files' &&
           grep -qE '^usr/lib/(.*/)?cmake/zwhost/zwhostConfig\.cmake$' '$TMP/libzwhost-dev.files' &&
           ! grep -qv '^usr/\(include\|lib\)/' '$TMP/libzwhost-dev.files'"
ls "$BIN" | grep '^zwh-' | sed 's|^|usr/bin/|' | sort >"$TMP/programs"
check "zwhost-tools: every zwh-* program and nothing else" diff -u "$TMP/programs" "$TMP/zwhost-tools.files"

# --- the runtime package ---
so=$(find "$TMP/x/libzwhost0" -name "libzwhost.so.$VERSION")
check "packaged library has SONAME libzwhost.so.0" \
  test "$(readelf -d "$so" | sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p')" = libzwhost.so.0
dpkg-deb -e "$(deb libzwhost0)" "$TMP/ctl"
check "libzwhost0 shlibs: libzwhost 0 libzwhost0 (>= $DEBVER)" \
  grep -qx "libzwhost 0 libzwhost0 (>= $DEBVER)" "$TMP/ctl/shlibs"
check "libzwhost0 runs ldconfig after install" grep -q '^[[:space:]]*ldconfig' "$TMP/ctl/postinst"
check "libzwhost0 Section libs" test "$(field libzwhost0 Section)" = libs
check "libzwhost-dev Section libdevel" test "$(field libzwhost-dev Section)" = libdevel

# --- dependencies ---
# depends PKG -> one "name op version" (or "name") per line
depends() { field "$1" Depends | tr ',' '\n' | sed 's/^ *//; s/ *$//; s/[()]//g' | grep -v '^$'; }
check "libzwhost-dev pins libzwhost0 (= $DEBVER)" bash -c "dpkg-deb -f '$(deb libzwhost-dev)' Depends | grep -qF 'libzwhost0 (= $DEBVER)'"
check "zwhost-tools pins libzwhost0 (= $DEBVER)" bash -c "dpkg-deb -f '$(deb zwhost-tools)' Depends | grep -qF 'libzwhost0 (= $DEBVER)'"
for dev in libuv1-dev libserialport-dev libmbedtls-dev; do
  check "libzwhost-dev depends on $dev" bash -c "dpkg-deb -f '$(deb libzwhost-dev)' Depends | grep -qE '(^|, )$dev( |,|$)'"
done
unsat=""
for pkg in libzwhost0 libzwhost-dev zwhost-tools; do
  while read -r name op ver; do
    case $name in libzwhost0) continue ;; esac
    have=$(dpkg-query -W -f='${Version}' "$name" 2>/dev/null)
    if [ -z "$have" ]; then unsat+=" $pkg:$name(not on this system)"; continue; fi
    if [ -n "$op" ] && ! dpkg --compare-versions "$have" "$op" "$ver"; then unsat+=" $pkg:$name($have $op $ver fails)"; fi
  done < <(depends "$pkg")
done
check "every dependency names a package of this system and is satisfied by it${unsat:+ (bad:$unsat)}" test -z "$unsat"

# Every NEEDED library of a packaged ELF file comes from a package its Depends names.
missing=""
for pkg in libzwhost0 zwhost-tools; do
  deps=" $(depends "$pkg" | awk '{print $1}' | tr '\n' ' ')"
  while read -r f; do
    for lib in $(readelf -d "$f" 2>/dev/null | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'); do
      case $lib in libzwhost.so.0) owner=libzwhost0 ;; libasan.so.*|libubsan.so.*) continue ;;
        *) owner=$(dpkg -S "*/$lib" 2>/dev/null | head -n1 | cut -d: -f1) ;; esac
      [ "$owner" = "$pkg" ] && continue
      case "$deps" in *" $owner "*) ;; *) missing+=" ${f##*/}:$lib(${owner:-no package})" ;; esac
    done
  done < <(find "$TMP/x/$pkg" -type f)
done
check "every NEEDED library is covered by Depends${missing:+ (missing:$missing)}" test -z "$missing"

finish
