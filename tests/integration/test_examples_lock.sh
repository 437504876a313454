#!/usr/bin/env bash
# The lock examples (zwh-include, zwh-lock, zwh-usercode, zwh-monitor,
# zwh-exclude) against zwh-sim with --json: the Sample Communication flows of
# seed 004 that they expose, and the bad inputs that must fail without traffic.
#
# One simulator and one keys + state file serve every step: the FLiRS lock's S2
# bootstrap and interview happen once (zwh-include), later runs load the
# interview from the state file.
. "$(dirname "$0")/lib.sh"

# test keys (random per run), mode 0600 like every keys file
umask 077
for c in S0 S2_Unauthenticated S2_Authenticated S2_AccessControl; do
  echo "$c $(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')"
done >"$TMP/keys"
mkfifo "$TMP/sim.in"
exec 3<>"$TMP/sim.in"   # keeps the sim's stdin open; device events are written to fd 3
# (started here rather than with start_sim: a background command in a function
# gets /dev/null as stdin unless the redirection is on the command itself)
"$BIN/zwh-sim" --listen tcp://127.0.0.1:0 --devices zen07:2 --pending lock --keys "$TMP/keys" --time-scale 10 \
  <"$TMP/sim.in" >"$TMP/lock.out" 2>"$TMP/lock.err" &
SIM_PIDS+=($!)
for _ in $(seq 200); do grep -q '^LISTEN ' "$TMP/lock.out" 2>/dev/null && break; sleep 0.05; done
SIM_URL=$(sed -n 's/^LISTEN //p' "$TMP/lock.out")
[ -n "$SIM_URL" ] || { echo "zwh-sim did not start:"; cat "$TMP/lock.err"; exit 1; }
for _ in $(seq 100); do grep -q '^DSK lock ' "$TMP/lock.out" && break; sleep 0.05; done
PIN=$(sed -n 's/^DSK lock \([0-9]\{5\}\)-.*/\1/p' "$TMP/lock.out")
check "the sim prints the lock's DSK" test -n "$PIN"
C=(--port "$SIM_URL" --keys "$TMP/keys" --state "$TMP/state" --json)

# run NAME PROGRAM ARGS... : stdout to $TMP/NAME.json, stderr to $TMP/NAME.err, rc to RC
run() {
  local name=$1 prog=$2; shift 2
  "$BIN/$prog" "$@" >"$TMP/$name.json" 2>"$TMP/$name.err"
  RC=$?
}
last() { json_get "$TMP/$1.json" "$2"; }
json_get_first() { python3 -c "import json,sys; print(json.loads(open(sys.argv[1]).readline())[sys.argv[2]])" "$TMP/$1.json" "$2"; }
# one_line_error NAME TEXT : non-zero exit, exactly one stderr line, containing TEXT
one_line_error() {
  local name=$1 text=$2
  check "$name: non-zero exit" test "$RC" -ne 0
  check "$name: one line on stderr" test "$(wc -l <"$TMP/$name.err")" -eq 1
  check "$name: says '$text'" grep -qF "$text" "$TMP/$name.err"
}

# --- bad input refused before anything is sent (no --port needed to reach the stick) ---
run badpin zwh-include "${C[@]}" --pin 12a45
one_line_error badpin "invalid PIN"
run badpin2 zwh-include "${C[@]}" --pin 123456
one_line_error badpin2 "invalid PIN"
run badgrant zwh-include "${C[@]}" --grant s2-access,s3
one_line_error badgrant "unknown class 's3'"
for code in 12a4 123 12345678901 ""; do
  run "badcode$code" zwh-usercode "${C[@]}" --node 3 set 5 "$code"
  one_line_error "badcode$code" "user code must be 4 to 10 digits"
done
check "no host connected to the sim for bad input" test "$(grep -c 'host connected' "$TMP/lock.err")" -eq 0

# --- inclusion with S2 Access Control and the PIN of the DSK line ---
t0=$(date +%s)
run include zwh-include "${C[@]}" --pin "$PIN" --grant s2-access,s0 --timeout 280
check "include: exit 0" test "$RC" -eq 0
check "include: status success" test "$(last include "d['status']")" = success
check "include: node 3" test "$(last include "d['node_id']")" = 3
check "include: granted S2 Access Control" test "$(last include "d['granted']")" = "['S2_AccessControl']"
check "include: interview complete" test "$(last include "d['interview']")" = complete
check "include: Door Lock v4 reported" test "$(last include "[c['version'] for c in d['command_classes'] if c['id']==0x62][0]")" = 4
check "include: progress on stderr" grep -q "inclusion: s2-bootstrap" "$TMP/include.err"
echo "# inclusion + interview took $(( $(date +%s) - t0 )) s"

# --- nodes that do not exist or lack the class: one line, nothing sent ---
run nonode zwh-lock "${C[@]}" --node 9 status
one_line_error nonode "node 9 does not exist"
run nocc zwh-usercode "${C[@]}" --node 2 get 1
one_line_error nocc "node 2 does not support User Code"
run nocc2 zwh-lock "${C[@]}" --node 2 lock
one_line_error nocc2 "node 2 does not support Door Lock"
run range zwh-usercode "${C[@]}" --node 3 get 4000
one_line_error range "user id 4000 is out of range"

# --- Hub Sends Lock/Unlock Command: Supervision WORKING, then SUCCESS ---
run unlock zwh-lock "${C[@]}" --node 3 unlock
check "unlock: exit 0" test "$RC" -eq 0
check "unlock: a WORKING line first" test "$(json_get_first unlock status)" = working
check "unlock: WORKING says 7 s (seed)" test "$(json_get_first unlock duration_s)" = 7
check "unlock: status success" test "$(last unlock "d['status']")" = success
check "unlock: mode unsecured" test "$(last unlock "d['mode']")" = unsecured
run lock zwh-lock "${C[@]}" --node 3 lock
check "lock: exit 0" test "$RC" -eq 0
check "lock: working then success" test "$(json_get_first lock status) $(last lock "d['status']")" = "working success"
check "lock: mode secured" test "$(last lock "d['mode']")" = secured
run status zwh-lock "${C[@]}" --node 3 status
check "status: secured" test "$(last status "d['mode']")" = secured

# --- Hub Sends User Code Set: user 5 = 1234, read back ---
run set5 zwh-usercode "${C[@]}" --node 3 set 5 1234
check "set 5: exit 0" test "$RC" -eq 0
check "set 5: success" test "$(last set5 "d['status']")" = success
run get5 zwh-usercode "${C[@]}" --node 3 get 5
check "get 5: exit 0" test "$RC" -eq 0
check "get 5: user_id 5, enabled, code 1234" test "$(last get5 "(d['user_id'], d['status'], d['code'])")" = "(5, 'enabled', '1234')"

# --- Hub Sends a Duplicate User Code: refused (Supervision FAIL) ---
run dup zwh-usercode "${C[@]}" --node 3 set 6 1234
check "duplicate: non-zero exit" test "$RC" -ne 0
check "duplicate: status fail" test "$(last dup "d['status']")" = fail
run get6 zwh-usercode "${C[@]}" --node 3 get 6
check "duplicate: user 6 stays available" test "$(last get6 "d['status']")" = available

# --- extended user ids (above 255), disabled codes, list, clear ---
# a 4-digit code: with 6 digits the supervised Extended Set is 47 bytes as the
# first S2 frame after a nonce exchange (SPAN extension) and the lock twin lists
# no Transport Service, so the host refuses it with ZWH_EMSGSIZE (reported)
run set300 zwh-usercode "${C[@]}" --node 3 set 300 5678 --disabled
check "set 300 (extended): success" test "$(last set300 "d['status']")" = success
run get300 zwh-usercode "${C[@]}" --node 3 get 300
check "get 300: disabled 5678" test "$(last get300 "(d['user_id'], d['status'], d['code'])")" = "(300, 'disabled', '5678')"
run list zwh-usercode "${C[@]}" --node 3 list
check "list: users 5 and 300" test "$(python3 -c "import json,sys; print([json.loads(l)['user_id'] for l in open(sys.argv[1]) if 'user_id' in l])" "$TMP/list.json")" = "[5, 300]"
check "list: count 2" test "$(last list "d['count']")" = 2
run clear300 zwh-usercode "${C[@]}" --node 3 clear 300
run get300b zwh-usercode "${C[@]}" --node 3 get 300
check "clear 300: available again" test "$(last clear300 "d['status']") $(last get300b "d['status']")" = "success available"
run kp zwh-usercode "${C[@]}" --node 3 keypad-mode vacation
run kpget zwh-usercode "${C[@]}" --node 3 keypad-mode
run kpback zwh-usercode "${C[@]}" --node 3 keypad-mode normal
check "keypad mode set and read back" test "$(last kp "d['status']") $(last kpget "d['keypad_mode']") $(last kpback "d['status']")" = "success vacation success"

# --- User Enters a Good User Code: zwh-monitor shows the notification with user 5 ---
"$BIN/zwh-monitor" "${C[@]}" --node 3 --timeout 60 >"$TMP/mon.json" 2>"$TMP/mon.err" &
mon=$!
for _ in $(seq 200); do grep -q '"event":"ready"' "$TMP/mon.json" && break; sleep 0.05; done
echo "node 3 keypad 1234" >&3
for _ in $(seq 300); do grep -q '"user_id":5' "$TMP/mon.json" && grep -q '"event":"lock"' "$TMP/mon.json" && break; sleep 0.05; done
kill -INT $mon; wait $mon
check "monitor: exit 0 on Ctrl-C" test $? -eq 0
note=$(python3 -c "
import json,sys
for l in open(sys.argv[1]):
    d=json.loads(l)
    if d.get('event')=='notification' and d.get('user_id'): print(d['type'], d['event_id'], d['user_id'])" "$TMP/mon.json")
check "monitor: Access Control keypad unlock by user 5 (06 06, user 5)" test "$note" = "6 6 5"
check "monitor: the lock's state change (unsecured)" grep -q '"event":"lock","node_id":3,"mode":"unsecured"' "$TMP/mon.json"
check "monitor: the user code is not printed" test "$(grep -c 1234 "$TMP/mon.json")" -eq 0
check "monitor: last line status ok" test "$(last mon "d['status']")" = ok

# --- a jammed bolt: the lock answers Supervision FAIL -> status fail ---
echo "node 3 jam" >&3
sleep 0.2
run jam zwh-lock "${C[@]}" --node 3 lock
check "jam: non-zero exit" test "$RC" -ne 0
check "jam: status fail" test "$(last jam "d['status']")" = fail

# --- exclusion: the sim removes the plug (node 2) at the next exclusion ---
echo "exclude 2" >&3
sleep 0.2
run exclude zwh-exclude "${C[@]}" --timeout 30
check "exclude: exit 0, node 2 removed" test "$RC $(last exclude "d['node_id']")" = "0 2"

finish
