#!/usr/bin/env bash
# zwh-sim command line: --help documents every option, bad arguments are one clear
# error line and exit status 2, stdout carries only the LISTEN line, SIGINT and
# SIGTERM end it cleanly.
set -u
sim=${ZWH_BIN:?}/zwh-sim
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
check() { if ! eval "$2"; then echo "FAIL: $1"; fail=1; else echo "ok: $1"; fi; }

"$sim" --help >"$tmp/help" 2>&1; rc=$?
check "--help exits 0" "[ $rc -eq 0 ]"
for o in --listen --pty --link --devices --pending --keys --seed --time-scale --home-id --report-order \
         --drop-rate --corrupt-rate --ack-delay-ms --withhold-ack-count --can-count --garbage-rate \
         --corrupt-tx-rate --jam-count --drop-connection-after --no-callback-count sleep= flirs dead; do
  check "--help documents $o" "grep -q -- '$o' '$tmp/help'"
done

bad() { # name, expected stderr pattern, args...
  local name=$1 pat=$2; shift 2
  "$sim" "$@" </dev/null >"$tmp/out" 2>"$tmp/err"; local rc=$?
  check "$name: exit 2" "[ $rc -eq 2 ]"
  check "$name: says why" "grep -q -- '$pat' '$tmp/err'"
  check "$name: nothing on stdout" "[ ! -s '$tmp/out' ]"
}
bad "unknown device type" "unknown device type .lamp" --listen tcp://127.0.0.1:0 --devices lamp:2
bad "bad node id" "node id must be" --listen tcp://127.0.0.1:0 --devices switch:1
bad "bad attribute" "bad attributes" --listen tcp://127.0.0.1:0 --devices switch:2:sleep=x
bad "duplicate id" "given twice" --listen tcp://127.0.0.1:0 --devices switch:2,switch:2
bad "unknown pending type" "unknown device type" --listen tcp://127.0.0.1:0 --pending lamp
bad "no transport" "exactly one of" --seed 1
bad "bad url" "tcp://IPV4:PORT" --listen 127.0.0.1:5
bad "bad rate" "drop-rate" --listen tcp://127.0.0.1:0 --drop-rate 2
bad "bad home id" "home-id" --listen tcp://127.0.0.1:0 --home-id xyz

for sig in INT TERM; do
  "$sim" --listen tcp://127.0.0.1:0 --devices switch:2,switch:3:sleep=60,switch:4:flirs --pending switch \
         --keys "$tmp/keys" --time-scale 10 >"$tmp/out" 2>"$tmp/err" </dev/null &
  pid=$!
  for _ in $(seq 100); do grep -q '^LISTEN ' "$tmp/out" && break; sleep 0.05; done
  check "LISTEN line with the real port ($sig)" "grep -qE '^LISTEN tcp://127\.0\.0\.1:[1-9][0-9]*$' '$tmp/out'"
  kill -$sig $pid
  wait $pid; rc=$?
  check "SIG$sig: clean exit" "[ $rc -eq 0 ]"
  check "stdout has only the LISTEN line ($sig)" "[ \$(wc -l <'$tmp/out') -eq 1 ]"
done
exit $fail
