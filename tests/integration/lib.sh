# Shared by the shell integration tests: start zwh-sim, wait for its LISTEN/PTY line,
# assertions, and cleanup. Only loopback traffic.
set -u
BIN=${ZWH_BIN:?ZWH_BIN must point at build/bin}
TMP=$(mktemp -d)
SIM_PIDS=()
fails=0
passes=0
cleanup() {
  for p in "${SIM_PIDS[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null; done
  wait 2>/dev/null
  rm -rf "$TMP"
}
trap cleanup EXIT

# start_sim NAME ARGS... : sets SIM_URL (tcp) or SIM_PTY
start_sim() {
  local name=$1; shift
  "$BIN/zwh-sim" "$@" >"$TMP/$name.out" 2>"$TMP/$name.err" &
  SIM_PIDS+=($!)
  for _ in $(seq 200); do
    if grep -qE '^(LISTEN|PTY) ' "$TMP/$name.out" 2>/dev/null; then break; fi
    sleep 0.05
  done
  SIM_URL=$(sed -n 's/^LISTEN //p' "$TMP/$name.out" | head -n1)
  SIM_PTY=$(sed -n 's/^PTY //p' "$TMP/$name.out" | head -n1)
  if [ -z "$SIM_URL$SIM_PTY" ]; then echo "zwh-sim $name did not start:"; cat "$TMP/$name.err"; exit 1; fi
}

ok() { passes=$((passes + 1)); echo "ok - $*"; }
not_ok() { fails=$((fails + 1)); echo "not ok - $*"; }
check() { local what=$1; shift; if "$@"; then ok "$what"; else not_ok "$what"; fi; }
# json_get FILE EXPR : python expression over `d` (the last JSON line)
json_get() { python3 -c "import json,sys; d=json.loads(open(sys.argv[1]).read().strip().splitlines()[-1]); print($2)" "$1"; }
finish() { echo "$passes passed, $fails failed"; [ "$fails" -eq 0 ]; }
