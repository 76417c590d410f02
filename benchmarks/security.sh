#!/usr/bin/env bash
# What the security filter chain costs on the hot path: POST /log/store with one line, measured
# with wrk in local mode (no token) and in tokens mode (a device token, hashed and compared on
# every request, plus its rate-limit buckets), each with the same server's /actuator/health as
# the load generator's ceiling. Clustering is out of reach, so the two runs differ only in the
# security settings. Prints Markdown table rows (benchmarks/run.sh adds them to its table).
# Usage: benchmarks/security.sh [seconds per phase, default 20] [port, default 5092]
# Needs wrk and a built log-service jar (./mvnw -DskipTests package).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}
port=${2:-5092}
work=$(mktemp -d)
pids=()
# shellcheck source=benchmarks/common.sh
source benchmarks/common.sh
trap kill_all EXIT

token=$(scripts/new-token | sed -n 's/^token: *//p')
hash=$(printf '%s' "$token" | sha256sum | cut -d ' ' -f 1)
line=$(head -n 1 res/events.txt)
cat > "$work/store.lua" <<LUA
wrk.method = "POST"
wrk.body = [[$line]]
wrk.headers["Content-Type"] = "text/plain"
local token = os.getenv("BENCH_TOKEN")
if token ~= nil and token ~= "" then
    wrk.headers["Authorization"] = "Bearer " .. token
end
LUA

# wrk_rate URL [wrk options...]: requests/s of a warm-up-less phase of $seconds.
wrk_rate() {
    local url=$1
    shift
    wrk -t2 -c16 -d"${seconds}s" "$@" "$url" | awk '/^Requests\/sec:/ { printf "%.0f", $2 }'
}

# measure LABEL SERVICE_OPTIONS...: sets store_rate and health_rate for one service start.
measure() {
    local label=$1
    shift
    start_service "log-security-$label" "$port" scripts/run-service log-service \
        --energy-sensors.data-dir="$work/h2-$label" --energy-sensors.clustering.every-events=1000000000 "$@"
    # Warm-up: the JIT reaches full speed only after some seconds of load (docs/BENCHMARKS.md).
    wrk_rate "http://localhost:$port/log/store" -s "$work/store.lua" > /dev/null
    health_rate=$(wrk_rate "http://localhost:$port/actuator/health")
    store_rate=$(wrk_rate "http://localhost:$port/log/store" -s "$work/store.lua")
    stop_service
}

echo "security.sh: tokens off (local mode)" >&2
BENCH_TOKEN="" measure off
off_store=$store_rate off_health=$health_rate
echo "security.sh: tokens on (a device token)" >&2
BENCH_TOKEN=$token measure on --energy-sensors.security.mode=tokens \
    --energy-sensors.security.tokens.device="$hash"
on_store=$store_rate on_health=$health_rate

echo "| POST /log/store, one line, wrk 2 threads 16 connections, tokens off (local mode) | $off_store requests/s | $(ratio "$off_store" "$off_health") of /actuator/health ($off_health requests/s) | |"
echo "| POST /log/store, one line, wrk 2 threads 16 connections, tokens on (device token) | $on_store requests/s | $(ratio "$on_store" "$off_store") of tokens off; $(ratio "$on_store" "$on_health") of /actuator/health ($on_health requests/s) | ≥ 0.90 of tokens off |"
