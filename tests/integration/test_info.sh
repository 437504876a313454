#!/usr/bin/env bash
# zwh-info against zwh-sim over tcp and over a pty, with faults, and every
# failure mode the foundation issue names: missing device, busy device, refused
# tcp port, a peer that never answers -- one clear error line, non-zero exit,
# within the deadline.
. "$(dirname "$0")/lib.sh"

# --- over tcp, JSON ---
start_sim tcp --listen tcp://127.0.0.1:0 --devices switch:2,switch:3 --home-id 0xc0ffee01 --seed 1
"$BIN/zwh-info" --port "$SIM_URL" --json --timeout 20 >"$TMP/info.json" 2>"$TMP/info.err"
check "zwh-info over tcp exits 0" test $? -eq 0
check "home_id is the sim's" test "$(json_get "$TMP/info.json" "d['home_id']")" = "0xc0ffee01"
check "own node id is 1" test "$(json_get "$TMP/info.json" "d['node_id']")" = "1"
check "nodes 1,2,3 listed" test "$(json_get "$TMP/info.json" "[n['id'] for n in d['nodes']]")" = "[1, 2, 3]"
check "node 2 is a listening binary switch" test "$(json_get "$TMP/info.json" "[(n['generic'], n['kind']) for n in d['nodes'] if n['id']==2][0]")" = "(16, 'listening')"
check "library version reported" test -n "$(json_get "$TMP/info.json" "d['library_version']")"
check "status ok" test "$(json_get "$TMP/info.json" "d['status']")" = "ok"

# --- human output ---
"$BIN/zwh-info" --port "$SIM_URL" --timeout 20 >"$TMP/info.txt" 2>&1
check "human output names the home id" grep -q "home id       0xc0ffee01" "$TMP/info.txt"

# --- over a pty ---
start_sim pty --pty --devices switch:5 --home-id 0xdeadbeef
"$BIN/zwh-info" --port "$SIM_PTY" --json --timeout 20 >"$TMP/pty.json" 2>"$TMP/pty.err"
check "zwh-info over a pty exits 0" test $? -eq 0
check "pty: home id" test "$(json_get "$TMP/pty.json" "d['home_id']")" = "0xdeadbeef"

# --- busy device: someone else holds the pty (flock) ---
( flock -n 9 && sleep 5 ) 9<>"$SIM_PTY" &
holder=$!
sleep 0.3
start=$(date +%s%N)
"$BIN/zwh-info" --port "$SIM_PTY" --timeout 5 >"$TMP/busy.out" 2>"$TMP/busy.err"
rc=$?
check "busy device: non-zero exit" test $rc -ne 0
check "busy device: one clear line" grep -qi "busy" "$TMP/busy.err"
check "busy device: exactly one line" test "$(wc -l <"$TMP/busy.err")" -eq 1
kill $holder 2>/dev/null; wait $holder 2>/dev/null

# --- missing device ---
"$BIN/zwh-info" --port /dev/ttyZWH-NOPE --timeout 5 >"$TMP/missing.out" 2>"$TMP/missing.err"
check "missing device: non-zero exit" test $? -ne 0
check "missing device: says no such device" grep -qi "no such" "$TMP/missing.err"
check "missing device: one line" test "$(wc -l <"$TMP/missing.err")" -eq 1

# --- refused tcp port: bind an ephemeral port, then free it ---
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
"$BIN/zwh-info" --port "tcp://127.0.0.1:$port" --json --timeout 5 >"$TMP/refused.json" 2>"$TMP/refused.err"
check "refused: non-zero exit" test $? -ne 0
check "refused: says refused" grep -qi "refused" "$TMP/refused.err"
check "refused: JSON error code" test "$(json_get "$TMP/refused.json" "d['error']")" = "ZWH_ECONNREFUSED"

# --- a peer that accepts and never answers ---
python3 - "$TMP/silent.port" <<'PY' &
import socket, sys, time
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", 0)); s.listen(4)
open(sys.argv[1], "w").write(str(s.getsockname()[1]))
conns = []
s.settimeout(10)
try:
    while True:
        c, _ = s.accept(); conns.append(c)
except Exception:
    pass
PY
silent=$!
SIM_PIDS+=($silent)
for _ in $(seq 100); do [ -s "$TMP/silent.port" ] && break; sleep 0.05; done
t0=$(date +%s)
"$BIN/zwh-info" --port "tcp://127.0.0.1:$(cat "$TMP/silent.port")" --json --timeout 3 >"$TMP/silent.json" 2>"$TMP/silent.err"
rc=$?
t1=$(date +%s)
check "silent peer: non-zero exit" test $rc -ne 0
check "silent peer: within the deadline (+2 s slack)" test $((t1 - t0)) -le 5
check "silent peer: status timeout" test "$(json_get "$TMP/silent.json" "d['status']")" = "timeout"
check "silent peer: one line on stderr" test "$(wc -l <"$TMP/silent.err")" -eq 1

# --- faults: 10 % of host frames dropped, 5 % corrupted: start-up still completes ---
start_sim faulty --listen tcp://127.0.0.1:0 --devices switch:2,switch:3,switch:4 --seed 7 --drop-rate 0.1 --corrupt-rate 0.05
"$BIN/zwh-info" --port "$SIM_URL" --json --timeout 60 >"$TMP/faulty.json" 2>"$TMP/faulty.err"
check "faulty link: zwh-info still succeeds" test $? -eq 0
check "faulty link: all nodes" test "$(json_get "$TMP/faulty.json" "len(d['nodes'])")" = "4"

finish
