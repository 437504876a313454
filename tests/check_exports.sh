#!/usr/bin/env bash
# The ABI surface of libzwhost.so (docs/ABI.md):
#   - SONAME is libzwhost.so.0. Changing it is a deliberate ABI break: edit this line,
#     ZWH_SOVERSION in CMakeLists.txt and docs/ABI.md together;
#   - it exports only public zwh_[a-z]... symbols, and only functions (no data);
#   - every function a public header declares with ZWH_EXTERN is exported;
#   - every exported symbol is declared with ZWH_EXTERN in a public header (nothing
#     leaks by accident), and no zwh_ function in a public header lacks ZWH_EXTERN.
# The headers are read through the preprocessor (so macro-generated declarations count):
# ZWH_EXTERN expands to __attribute__((visibility("default"))).
#
#   check_exports.sh LIB INCLUDE_DIR [CC]
set -u
lib=$1
inc=${2:?usage: check_exports.sh LIB INCLUDE_DIR [CC]}
cc=${3:-cc}
EXPECTED_SONAME=libzwhost.so.0
fails=0
passes=0
ok() { passes=$((passes + 1)); echo "ok - $*"; }
not_ok() { fails=$((fails + 1)); echo "not ok - $*"; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

soname=$(readelf -d "$lib" | sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p')
if [ "$soname" = "$EXPECTED_SONAME" ]; then ok "SONAME $soname"; else not_ok "SONAME is '$soname', expected $EXPECTED_SONAME"; fi

nm -D --defined-only "$lib" | awk '{print $2, $3}' | grep -vE ' (_init|_fini|_edata|_end|__bss_start)$' >"$tmp/syms"
bad=$(awk '$2 !~ /^zwh_[a-z]/ {print $2}' "$tmp/syms")
if [ -z "$bad" ]; then ok "exports only zwh_[a-z]... symbols"; else not_ok "unexpected exported symbols:"; echo "$bad" | sed 's/^/    /'; fi
data=$(awk '$1 !~ /^[TWi]$/ {print $1, $2}' "$tmp/syms")
if [ -z "$data" ]; then ok "exports only functions"; else not_ok "exported non-functions (type name):"; echo "$data" | sed 's/^/    /'; fi
awk '{print $2}' "$tmp/syms" | sort -u >"$tmp/exported"

# All public headers in one translation unit, through the preprocessor.
(cd "$inc" && find zwhost -name '*.h' | sort | sed 's/.*/#include <&>/') >"$tmp/all.c"
if ! "$cc" -E -P -std=c11 -D_POSIX_C_SOURCE=200809L -I"$inc" "$tmp/all.c" >"$tmp/all.i" 2>"$tmp/cpp.err"; then
  not_ok "public headers do not preprocess:"; sed 's/^/    /' "$tmp/cpp.err"
  echo "$passes passed, $fails failed"; exit 1
fi
python3 - "$tmp/all.i" "$tmp" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
out = sys.argv[2]
attr = r'__attribute__\s*\(\(\s*visibility\s*\(\s*"default"\s*\)\s*\)\)'
# zwh_ functions declared with ZWH_EXTERN: the attribute, a return type, the name, "(".
declared = set(re.findall(attr + r'[^;{}()]*?\b(zwh_[A-Za-z0-9_]+)\s*\(', text))
# Every zwh_ name followed by "(" that is not a function-pointer typedef/field "(*name)(",
# minus static inline helpers (which are not exported by design).
named = set(re.findall(r'\b(zwh_[A-Za-z0-9_]+)\s*\(', text))
named = {n for n in named if not re.search(r'\(\s*\*\s*' + n + r'\s*\)', text)}
static = set(re.findall(r'\bstatic\b[^;{}()]*?\b(zwh_[A-Za-z0-9_]+)\s*\(', text))
open(out + '/declared', 'w').write(''.join(n + '\n' for n in sorted(declared)))
open(out + '/noextern', 'w').write(''.join(n + '\n' for n in sorted(named - declared - static)))
PY
n_decl=$(wc -l <"$tmp/declared")
if [ "$n_decl" -gt 0 ]; then ok "$n_decl functions declared ZWH_EXTERN in $inc/zwhost"; else not_ok "no ZWH_EXTERN declarations found in $inc/zwhost"; fi

missing=$(comm -23 "$tmp/declared" "$tmp/exported")
if [ -z "$missing" ]; then ok "every ZWH_EXTERN function is exported"; else not_ok "declared ZWH_EXTERN but not exported:"; echo "$missing" | sed 's/^/    /'; fi
undeclared=$(comm -13 "$tmp/declared" "$tmp/exported")
if [ -z "$undeclared" ]; then ok "every exported symbol is declared ZWH_EXTERN in a public header"; else not_ok "exported but not declared ZWH_EXTERN in include/zwhost:"; echo "$undeclared" | sed 's/^/    /'; fi
noextern=$(cat "$tmp/noextern")
if [ -z "$noextern" ]; then ok "no public zwh_ function lacks ZWH_EXTERN"; else not_ok "declared in a public header without ZWH_EXTERN:"; echo "$noextern" | sed 's/^/    /'; fi

echo "exports: $(wc -l <"$tmp/exported") public zwh_ symbols"
echo "$passes passed, $fails failed"
[ "$fails" -eq 0 ]
