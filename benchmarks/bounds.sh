#!/usr/bin/env bash
# Single-line POST /log/store requests/s over 32 keep-alive connections (wrk), with Tomcat's
# platform request threads and with virtual threads (spring.threads.virtual.enabled), each next
# to the same server's GET /actuator/health over the same connections: the load generator's
# ceiling. Prints Markdown table rows on stdout (run.sh adds them to its table).
# Usage: benchmarks/bounds.sh [seconds per run, default 20] [warm-up seconds, default 5]
# Environment: LOG_SERVICE_JAR (a jar to measure instead of the built one).
set -euo pipefail
cd "$(dirname "$0")/.."
run_seconds=${1:-20}
warmup_seconds=${2:-5}
port=${BOUNDS_PORT:-5098}
work=$(mktemp -d)
pids=()
# shellcheck source=benchmarks/common.sh
source benchmarks/common.sh
trap kill_all EXIT

jar=${LOG_SERVICE_JAR:-$(ls log-service/target/log-service-*.jar 2>/dev/null | head -n 1)}
if [ -z "$jar" ]; then
    ./mvnw -q -pl log-service -am package -DskipTests
    jar=$(ls log-service/target/log-service-*.jar | head -n 1)
fi

# One sample line per request, as a sensor sends it.
line=$(head -n 1 res/events.txt)
cat > "$work/store.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "text/plain"
wrk.body = [[$line]]
LUA

# requests_per_s PATH [LUA]: wrk's requests/s against the running service.
requests_per_s() {
    local script=()
    [ -n "${2:-}" ] && script=(-s "$2")
    wrk -t 2 -c 32 -d "${warmup_seconds}s" "${script[@]}" "http://localhost:$port$1" > /dev/null
    wrk -t 2 -c 32 -d "${run_seconds}s" "${script[@]}" "http://localhost:$port$1" \
        | awk '/^Requests\/sec/ { printf "%.0f", $2 }'
}

# Virtual threads need Java 21; on an older JDK Spring Boot ignores the setting, so one run says it all.
modes="false true"
if [ "$(java -version 2>&1 | awk -F'"' 'NR == 1 { split($2, v, "."); print v[1] }')" -lt 21 ]; then
    modes=false
    echo "| POST /log/store with virtual threads | not measured | this JDK is older than 21, which virtual threads need | — |"
fi
for virtual in $modes; do
    h2=$(mktemp -d -p "$work")
    start_service "log-service-virtual-$virtual" "$port" java -jar "$jar" --energy-sensors.data-dir="$h2" \
        --energy-sensors.clustering.every-events=1000000000 --spring.threads.virtual.enabled="$virtual"
    store=$(requests_per_s /log/store "$work/store.lua")
    health=$(requests_per_s /actuator/health)
    stop_service
    ratio=$(awk -v a="$store" -v b="$health" 'BEGIN { printf "%.2f", a / b }')
    echo "| POST /log/store, one line, 32 connections (wrk), virtual threads $virtual, H2 | $store requests/s | ${ratio}x GET /actuator/health on the same server ($health requests/s) | the better of the two is the default |"
done
