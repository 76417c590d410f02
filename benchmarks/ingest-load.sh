#!/usr/bin/env bash
# Ingestion throughput of the log service over loopback: 1000-line batches and single lines,
# first into H2 (file mode), then into a real PostgreSQL (embedded, durable commits). Single
# lines run twice: 4 connections, then 16 keep-alive connections, next to
# the same server's GET /actuator/health over those 16 connections (the ceiling of requests/s).
# The load is wrk's (common.sh's http_load).
# Usage: benchmarks/ingest-load.sh [seconds per run, default 20] [warm-up seconds, default 10]
# Environment: INGEST_DATABASES (default "h2 postgres"), LOG_SERVICE_JAR (a jar to measure
# instead of building log-service, e.g. an older build to compare with back to back).
set -euo pipefail
cd "$(dirname "$0")/.."
port=${INGEST_PORT:-5099}
work=$(mktemp -d)
pids=()
# shellcheck source=benchmarks/common.sh
source benchmarks/common.sh
trap kill_all EXIT
seconds=${1:-20}
warmup=${2:-10}
need_wrk

databases=${INGEST_DATABASES:-h2 postgres}
jar=${LOG_SERVICE_JAR:-}
if [ -z "$jar" ]; then
    ./mvnw -q -pl log-service -am package -DskipTests
    jar=$(ls log-service/target/log-service-*-SNAPSHOT.jar)
fi

# Clustering is switched off (a run every 10^9 events): otherwise a run over the whole growing store
# starts every 1000 events and competes for the cores, and this would not measure ingestion alone.
start_app() {
    start_service log-service "$port" java -jar "$jar" --energy-sensors.clustering.every-events=1000000000 "$@"
}

cpu_ticks() {
    awk '{print $14 + $15}' "/proc/$app/stat"
}

stored() {
    curl -fs "localhost:$port/events/count" | tr -dc 0-9
}

# On a shared machine events/s says little; the service's CPU time per stored event (user +
# system, warm-up included) says what the same code would do on cores of its own.
drive() {  # connections, lines per request
    local ticks_before events_before ticks events
    ticks_before=$(cpu_ticks)
    events_before=$(stored)
    echo "  $2-line bodies, $1 connections"
    echo "  $(http_load "http://localhost:$port/log/store" "$1" res/events.txt "$2")"
    ticks=$(( $(cpu_ticks) - ticks_before ))
    events=$(( $(stored) - events_before ))
    echo "  service CPU: $(( ticks * 1000000 / $(getconf CLK_TCK) / events )) us per event over $events events;" \
        "load average $(cut -d' ' -f1-3 /proc/loadavg)"
}

drive_all() {
    drive 2 1000
    drive 4 1
    drive 16 1
    echo "  GET /actuator/health, 16 connections"
    echo "  $(health_ceiling "$port" 16)"
}

echo "log service: $jar; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
if [[ " $databases " == *" h2 "* ]]; then
    echo "== H2 (file mode, WRITE_DELAY=0)"
    start_app --energy-sensors.data-dir="$work/h2"
    drive_all
    stop_service
fi

[[ " $databases " == *" postgres "* ]] || exit 0
echo "== PostgreSQL (embedded, synchronous_commit=on)"
build_classpath
start_postgres
start_app --spring.profiles.active=postgres --spring.datasource.url="$postgres_url" \
    --spring.datasource.username=postgres --spring.datasource.password=postgres
drive_all
stop_service
