#!/usr/bin/env bash
# Tests the demo clients send_events and send_distributed_events as a user runs them, against
# scripts/test/FakeServices.java on a free loopback port (the real services are not needed).
# Prints one line per test and closes with "N passed, M failed"; exits non-zero on any failure.
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
events="$here/../res/events.txt"
work=$(mktemp -d)
fake_pid=""
passed=0
failed=0

cleanup() {
    if [ -n "$fake_pid" ]; then
        kill "$fake_pid" 2>/dev/null
        wait "$fake_pid" 2>/dev/null
    fi
    rm -rf "$work"
}
trap cleanup EXIT

start_fake() {
    java "$here/test/FakeServices.java" >"$work/fake.port" 2>"$work/fake.err" &
    fake_pid=$!
    for _ in $(seq 1 150); do
        port=$(head -n 1 "$work/fake.port")
        if [ -n "$port" ]; then
            base="http://127.0.0.1:$port"
            return 0
        fi
        if ! kill -0 "$fake_pid" 2>/dev/null; then
            break
        fi
        sleep 0.2
    done
    echo "FakeServices did not start:" >&2
    cat "$work/fake.err" >&2
    echo "0 passed, 1 failed"
    exit 1
}

# Clears the fake's counters; every later request is held $1 ms.
reset_fake() {
    curl -fsS -X POST "$base/reset?delay=${1:-0}" >/dev/null
}

# One counter from the fake's /stats line, e.g. stat stored.
stat() {
    curl -fsS "$base/stats" | tr ' ' '\n' | sed -n "s/^$1=//p"
}

# Runs a client; sets rc and leaves its output in $work/out and $work/err.
run() {
    "$@" >"$work/out" 2>"$work/err"
    rc=$?
}

last_line() {
    tail -n 1 "$work/out" | tr -d '\r'
}

begin() {
    test_name=$1
    problems=()
}

# check DESCRIPTION COMMAND...: the command must succeed.
check() {
    local description=$1
    shift
    if ! "$@"; then
        problems+=("$description")
    fi
}

equals() {
    [ "$1" = "$2" ]
}

contains() {
    grep -qF -- "$2" "$1"
}

finish() {
    if [ ${#problems[@]} -eq 0 ]; then
        passed=$((passed + 1))
        echo "ok   $test_name"
        return
    fi
    failed=$((failed + 1))
    echo "FAIL $test_name"
    printf '     - %s\n' "${problems[@]}"
    echo "     stdout (last lines):"
    tail -n 5 "$work/out" | sed 's/^/       /'
    echo "     stderr (last lines):"
    tail -n 5 "$work/err" | sed 's/^/       /'
}

# 40 lines to send: line 10 is blank (skipped) and line 21 is refused by the fake.
bad_file="$work/with-bad-line.txt"
{
    sed -n '1,9p' "$events"
    echo
    sed -n '10,19p' "$events"
    echo "Device: ID=1; BAD"
    sed -n '20,39p' "$events"
} >"$bad_file"
small_file="$work/small.txt"
head -n 50 "$events" >"$small_file"

start_fake

begin "send_events --help prints usage and exits 0"
run "$here/send_events" --help
check "exit status 0 (got $rc)" equals "$rc" 0
check "usage line" contains "$work/out" "usage: send_events [options] STORE_URL FILE"
check "documents --batch" contains "$work/out" "--batch N"
finish

begin "send_distributed_events rejects a missing argument with exit 2"
run "$here/send_distributed_events" "$base/log/parse" "$events"
check "exit status 2 (got $rc)" equals "$rc" 2
check "says what is expected" contains "$work/err" "expected PARSE_URL STORE_URL FILE, got 2 argument(s)"
finish

begin "send_events stores every line, one per request, on one kept-alive connection"
reset_fake
run "$here/send_events" "$base/log/store" "$events"
check "exit status 0 (got $rc)" equals "$rc" 0
check "final line (got '$(last_line)')" \
    contains <(last_line) "stored 1000, rejected 0, failed 0, unsent 0 of 1000 lines read in "
check "1000 lines stored by the fake (got $(stat stored))" equals "$(stat stored)" 1000
check "1000 requests plus the one retried after 503 (got $(stat store))" equals "$(stat store)" 1001
check "every store carries an Idempotency-Key (got $(stat keyed))" equals "$(stat keyed)" 1001
check "1000 keys: the retry sent its batch's key again (got $(stat keys))" equals "$(stat keys)" 1000
check "one connection (got $(stat connections))" equals "$(stat connections)" 1
check "one request in flight at a time (got $(stat maxInFlight))" equals "$(stat maxInFlight)" 1
check "no terminal bar when stdout is not a terminal" equals "$(grep -c $'\r' "$work/out")" 0
finish

begin "send_events reports a rejected line with its number and exits 1"
reset_fake
run "$here/send_events" "$base/log/store" "$bad_file"
check "exit status 1 (got $rc)" equals "$rc" 1
check "final line (got '$(last_line)')" \
    contains <(last_line) "stored 39, rejected 1, failed 0, unsent 0 of 40 lines read in "
check "names the line and the service's error" contains "$work/out" \
    "error: line 21: log-service answered 400: line 1: column 1: BAD is not a section"
check "39 lines stored by the fake (got $(stat stored))" equals "$(stat stored)" 39
finish

begin "send_events --batch 10 --concurrency 4 sends 10 lines a request, 4 at once"
reset_fake 20
run "$here/send_events" --batch 10 --concurrency=4 "$base/log/store" "$events"
check "exit status 0 (got $rc)" equals "$rc" 0
check "final line (got '$(last_line)')" \
    contains <(last_line) "stored 1000, rejected 0, failed 0, unsent 0 of 1000 lines read in "
check "100 requests plus the retried one (got $(stat store))" equals "$(stat store)" 101
check "4 requests in flight (got $(stat maxInFlight))" equals "$(stat maxInFlight)" 4
check "at most 4 connections (got $(stat connections))" test "$(stat connections)" -le 4
finish

begin "send_distributed_events forwards each parsed line and shows plain progress lines"
reset_fake
run "$here/send_distributed_events" --progress-every 1 "$base/log/parse" "$base/log/store" "$events"
check "exit status 0 (got $rc)" equals "$rc" 0
check "final line (got '$(last_line)')" \
    contains <(last_line) "stored 1000, rejected 0, failed 0, unsent 0 of 1000 lines read in "
check "1000 parse requests plus the retried one (got $(stat parse))" equals "$(stat parse)" 1001
check "1000 JSON stores (got $(stat store))" equals "$(stat store)" 1000
check "1000 lines stored by the fake (got $(stat stored))" equals "$(stat stored)" 1000
check "a periodic progress line" \
    grep -qE '^progress: [0-9]+%, [0-9]+ lines, [0-9]+ lines/s, ETA [0-9]+:[0-9]{2}$' "$work/out"
finish

begin "send_distributed_events --batch 5 rejects the whole batch holding a bad line"
reset_fake
run "$here/send_distributed_events" --batch 5 --concurrency 2 "$base/log/parse" "$base/log/store" "$bad_file"
check "exit status 1 (got $rc)" equals "$rc" 1
check "final line (got '$(last_line)')" \
    contains <(last_line) "stored 35, rejected 5, failed 0, unsent 0 of 40 lines read in "
check "names the batch's lines and parse-service's error" contains "$work/out" \
    "error: lines 17-21: parse-service answered 400: line 5: column 1: BAD is not a section"
check "35 lines stored by the fake (got $(stat stored))" equals "$(stat stored)" 35
finish

begin "send_events --token sends the token to a service in tokens mode"
curl -fsS -X POST "$base/reset?token=demo-token-1" >/dev/null
run "$here/send_events" --token demo-token-1 "$base/log/store" "$small_file"
check "exit status 0 (got $rc)" equals "$rc" 0
check "50 lines stored by the fake (got $(stat stored))" equals "$(stat stored)" 50
finish

begin "send_distributed_events takes the token from ENERGY_SENSORS_TOKEN"
curl -fsS -X POST "$base/reset?token=demo-token-2" >/dev/null
run env ENERGY_SENSORS_TOKEN=demo-token-2 "$here/send_distributed_events" "$base/log/parse" "$base/log/store" "$small_file"
check "exit status 0 (got $rc)" equals "$rc" 0
check "50 lines stored by the fake (got $(stat stored))" equals "$(stat stored)" 50
finish

begin "send_events without the token is refused line by line and exits 1"
curl -fsS -X POST "$base/reset?token=demo-token-3" >/dev/null
run "$here/send_events" "$base/log/store" "$small_file"
check "exit status 1 (got $rc)" equals "$rc" 1
check "names the 401" contains "$work/out" "answered 401: this endpoint needs a bearer token"
check "nothing stored (got $(stat stored))" equals "$(stat stored)" 0
finish

begin "send_events draws a progress bar on a terminal"
reset_fake
run script -qec "'$here/send_events' '$base/log/store' '$small_file'" /dev/null
check "exit status 0 (got $rc)" equals "$rc" 0
check "a full bar" contains "$work/out" "[##############################] 100%  50 lines"
check "final line (got '$(last_line)')" \
    contains <(last_line) "stored 50, rejected 0, failed 0, unsent 0 of 50 lines read in "
finish

begin "send_events gives up on a service that stays unavailable, stops and exits 3"
reset_fake
run "$here/send_events" --retries 2 "$base/unavailable" "$events"
check "exit status 3 (got $rc)" equals "$rc" 3
check "says why" contains "$work/out" "log-service answered 503: busy, try again (gave up after 2 retries); stopped sending"
check "one request and 2 retries, then nothing (got $(stat requests))" equals "$(stat requests)" 3
check "nothing stored" grep -qE '^stored 0, rejected 0, failed 0, unsent [1-9][0-9]* of ' <(last_line)
finish

kill "$fake_pid" 2>/dev/null
wait "$fake_pid" 2>/dev/null
fake_pid=""

begin "send_events exits 3 when nothing listens"
run "$here/send_events" --retries 1 "$base/log/store" "$events"
check "exit status 3 (got $rc)" equals "$rc" 3
check "says why" contains "$work/out" "cannot reach log-service at $base/log/store: connection refused (gave up after 1 retries)"
finish

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
