#!/usr/bin/env bash
# make demo: a simulated Z-Wave network, driven by the example programs.
#
# zwh-sim plays a USB stick with a ZEN07 plug (node 2) already included and a
# door lock waiting to join. The demo includes the lock with S2 Access Control
# (PIN from the lock's DSK), locks and unlocks it, sets user code 5 = 1234 and
# reads it back, types that code on the lock's keypad and shows the notification
# zwh-monitor receives, then switches the plug and reads its meter.
# Keys and state live in a temporary directory, removed at the end with the sim.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=build/bin
tmp=$(mktemp -d)
simpid=
cleanup() {
  [ -n "$simpid" ] && kill "$simpid" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
show() { printf '$ %s\n' "$*" | sed "s|$tmp|\$TMP|g; s|$bin/||"; "$@"; }

# network keys for this demo only (a keys file is 0600: zwhost refuses others)
umask 077
for c in S0 S2_Unauthenticated S2_Authenticated S2_AccessControl; do
  echo "$c $(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')"
done >"$tmp/keys"

step "Starting zwh-sim: a ZEN07 plug (node 2) and a door lock waiting to join"
mkfifo "$tmp/sim.in"
exec 3<>"$tmp/sim.in" # device events (keypad entries) are written here
"$bin/zwh-sim" --listen tcp://127.0.0.1:0 --devices zen07:2 --pending lock --keys "$tmp/keys" --time-scale 10 \
  <"$tmp/sim.in" >"$tmp/sim.out" 2>"$tmp/sim.err" &
simpid=$!
for _ in $(seq 200); do grep -q '^DSK lock ' "$tmp/sim.out" 2>/dev/null && break; sleep 0.05; done
url=$(sed -n 's/^LISTEN //p' "$tmp/sim.out" | head -n1)
dsk=$(sed -n 's/^DSK lock //p' "$tmp/sim.out" | head -n1)
[ -n "$url" ] && [ -n "$dsk" ] || { echo "demo: zwh-sim did not start" >&2; cat "$tmp/sim.err" >&2; exit 1; }
pin=${dsk%%-*}
echo "zwh-sim listens on $url"
echo "the lock's DSK is $dsk: its PIN (first group) is $pin"
common=(--port "$url" --keys "$tmp/keys" --state "$tmp/state")

step "zwh-info: the controller and its nodes"
show "$bin/zwh-info" --port "$url" --timeout 10

step "zwh-include: the lock joins with S2 Access Control (key exchange, then the interview; about a minute)"
show "$bin/zwh-include" "${common[@]}" --pin "$pin" --grant s2-access --timeout 240

step "zwh-lock: unlock, then lock (the bolt takes a moment: WORKING, then SUCCESS)"
show "$bin/zwh-lock" "${common[@]}" --node 3 unlock
show "$bin/zwh-lock" "${common[@]}" --node 3 lock

step "zwh-usercode: user 5 gets the code 1234, then we read it back"
show "$bin/zwh-usercode" "${common[@]}" --node 3 set 5 1234
show "$bin/zwh-usercode" "${common[@]}" --node 3 get 5

step "Someone types 1234 on the lock's keypad; zwh-monitor shows what the lock reports"
"$bin/zwh-monitor" "${common[@]}" --node 3 --timeout 60 >"$tmp/monitor.txt" 2>"$tmp/monitor.err" &
monpid=$!
for _ in $(seq 200); do grep -q 'listening' "$tmp/monitor.txt" 2>/dev/null && break; sleep 0.05; done
echo '(zwh-sim stdin) node 3 keypad 1234'
echo "node 3 keypad 1234" >&3
for _ in $(seq 200); do grep -q 'user 5' "$tmp/monitor.txt" 2>/dev/null && break; sleep 0.05; done
sleep 1 # the lock's state report follows the notification
kill -INT "$monpid"
wait "$monpid" || true
sed 's/^/  /' "$tmp/monitor.txt"
grep -q 'user 5' "$tmp/monitor.txt" || { echo "demo: the keypad notification did not arrive" >&2; exit 1; }

step "The plug: switch it on and read its meter"
missing=0
for prog in zwh-switch zwh-meter; do
  if [ ! -x "$bin/$prog" ]; then
    echo "demo: $bin/$prog is not built in this tree (it comes with the plug examples); skipping the plug" >&2
    missing=1
  fi
done
if [ "$missing" -eq 0 ]; then
  show "$bin/zwh-switch" "${common[@]}" --node 2 on
  show "$bin/zwh-meter" "${common[@]}" --node 2 get
fi

step "Done: the simulator stops and the temporary keys and state are removed"
