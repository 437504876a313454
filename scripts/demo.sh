#!/usr/bin/env bash
# make demo: start zwh-sim on a free loopback port and run the examples against it.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=build/bin
tmp=$(mktemp -d)
trap 'kill $simpid 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$tmp"' EXIT
"$bin/zwh-sim" --listen tcp://127.0.0.1:0 --devices switch:2,switch:3 --home-id 0xc0ffee01 >"$tmp/sim.out" 2>"$tmp/sim.err" &
simpid=$!
for _ in $(seq 100); do grep -q '^LISTEN ' "$tmp/sim.out" 2>/dev/null && break; sleep 0.05; done
url=$(sed -n 's/^LISTEN //p' "$tmp/sim.out" | head -n1)
[ -n "$url" ] || { echo "demo: zwh-sim did not start" >&2; cat "$tmp/sim.err" >&2; exit 1; }
echo "== zwh-sim listening on $url"
echo "== zwh-info: the simulated controller"
"$bin/zwh-info" --port "$url" --timeout 10
