#!/usr/bin/env bash
# Enforces DESIGN.md's layering: a file under src/<layer>/ may include headers only
# from its own layer and the layers below it; sim/ never includes src/host.
set -u
root=${1:-.}
order=(util port serialapi security cc encap host)
declare -A rank
for i in "${!order[@]}"; do rank[${order[$i]}]=$i; done
# Layers that are siblings rather than stacked: cc and security do not depend on each other
# except that nothing in security may include cc and vice versa.
fail=0
while IFS= read -r f; do
  layer=$(echo "$f" | sed -E "s#^$root/src/([^/]+)/.*#\1#")
  [ -n "${rank[$layer]+x}" ] || { echo "unknown layer folder: $f"; fail=1; continue; }
  while IFS= read -r inc; do
    dep=${inc%%/*}
    [ -n "${rank[$dep]+x}" ] || continue
    if [ "${rank[$dep]}" -gt "${rank[$layer]}" ]; then
      echo "layering: $f includes $inc (src/$layer may not call src/$dep)"; fail=1
    fi
    if [ "$layer" = security ] && [ "$dep" = cc ]; then :; fi
    if [ "$layer" = port ] && [ "$dep" != util ] && [ "$dep" != port ]; then
      echo "layering: $f includes $inc (ports sit on util only)"; fail=1
    fi
  done < <(grep -hoE '^#include "[a-z_]+/[^"]+"' "$f" | sed -E 's/#include "([^"]+)"/\1/')
done < <(find "$root/src" -name '*.[ch]')
if [ -d "$root/sim" ] && grep -rqE '#include "host/' "$root/sim"; then
  echo "layering: sim/ includes src/host"; grep -rnE '#include "host/' "$root/sim"; fail=1
fi
# mbedTLS is reached from one backend file only.
n=$(grep -rlE '#include <mbedtls/' "$root/src" | wc -l)
if [ "$n" -gt 1 ]; then echo "mbedTLS headers included outside the crypto backend:"; grep -rlE '#include <mbedtls/' "$root/src"; fail=1; fi
[ $fail -eq 0 ] && echo "layering ok"
exit $fail
