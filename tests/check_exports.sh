#!/usr/bin/env bash
# The shared library exports only public zwh_[a-z]... symbols.
set -u
lib=$1
bad=$(nm -D --defined-only "$lib" | awk '{print $NF}' | grep -vE '^zwh_[a-z]' | grep -vE '^(_init|_fini|_edata|_end|__bss_start)$')
if [ -n "$bad" ]; then echo "unexpected exported symbols:"; echo "$bad"; exit 1; fi
n=$(nm -D --defined-only "$lib" | awk '{print $NF}' | grep -cE '^zwh_[a-z]')
echo "exports ok: $n public zwh_ symbols"
[ "$n" -gt 0 ]
