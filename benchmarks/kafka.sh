#!/usr/bin/env bash
# Events/s through Kafka into the log service, on H2 and on PostgreSQL, next to POST /log/store
# 1000-line batches into the same server in the same run (and its /actuator/health/liveness, the
# ceiling of requests/s). Kafka: one broker (KRaft) from spring-kafka-test in the JVM of
# benchmarks' EmbeddedKafkaServer, as no Kafka download is reachable here and Debian has none.
# The records (one sensor line each, the devices' case) are published first; the figure is the
# service's rate from ready to the last record stored, so the producer does not share the cores.
# Usage: benchmarks/kafka.sh [records, default 100000] [seconds per HTTP run, default 20]
#   or sourced by benchmarks/run.sh, which adds its rows to the run's table.
if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
    set -euo pipefail
    cd "$(dirname "$0")/.."
    kafka_records=${1:-100000}
    seconds=${2:-20} warmup=5
    log_port=${BENCH_LOG_PORT:-5090}
    work=$(mktemp -d)
    pids=()
    # shellcheck source=benchmarks/common.sh
    source benchmarks/common.sh
    trap kill_all EXIT
    row() { echo "| $1 | $2 | $3 | $4 |"; }
    field() { sed -n "s/.*\b$2=\([^ ]*\).*/\1/p" <<<"$1"; }
    ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) print "n/a"; else printf "%.2f", a / b }'; }
    load() { java -cp "$classpath" io.energysensors.benchmarks.load.HttpLoad \
        --warmup "$warmup" --seconds "$seconds" "$@"; }
    ./mvnw -q -B -pl log-service -am package -DskipTests
    build_classpath
else
    kafka_records=$($quick && echo 20000 || echo 200000)
fi

# Events this service process stored (its own counter: the database may hold others' already).
kafka_stored() {
    curl -fs "localhost:$log_port/actuator/prometheus" \
        | awk '/^energy_sensors_ingest_stored_total/ { printf "%d", $2; found = 1 } END { if (!found) print 0 }'
}

# kafka_ingestion LABEL TOPIC SERVICE_OPTIONS...: one service reading TOPIC; adds two rows.
kafka_ingestion() {
    local label=$1 topic=$2 began before stored last_progress now ceiling batch
    shift 2
    start_service "log-kafka-$label" "$log_port" scripts/run-service log-service \
        --energy-sensors.clustering.every-events=1000000000 \
        --energy-sensors.kafka.bootstrap-servers="$kafka_servers" --energy-sensors.kafka.topic="$topic" "$@"
    began=$(date +%s%N) before=$(kafka_stored) last_progress=$began
    stored=$before
    while [ "$stored" -lt "$kafka_records" ]; do
        sleep 0.1
        now=$(date +%s%N)
        local count
        count=$(kafka_stored)
        if [ "$count" -gt "$stored" ]; then
            stored=$count last_progress=$now
        elif (( now - last_progress > 60000000000 )); then
            cat "$work/log-kafka-$label.log" >&2
            echo "kafka.sh: no record stored for 60 s ($stored of $kafka_records)" >&2
            exit 1
        fi
    done
    local events_per_s
    events_per_s=$(awk -v n=$(( stored - before )) -v ns=$(( $(date +%s%N) - began )) 'BEGIN { printf "%.0f", n / (ns / 1e9) }')
    ceiling=$(load --url "http://localhost:$log_port/actuator/health/liveness" --connections 32)
    batch=$(load --url "http://localhost:$log_port/log/store" --file res/events.txt --batch 1000 --connections 2)
    stop_service
    row "Kafka into log-service, one line per record, $label" "$events_per_s events/s ($(( stored - before )) records after ready)" \
        "$(ratio "$events_per_s" "$(field "$batch" lines_per_s)") of POST /log/store 1000-line batches below" ""
    row "POST /log/store, 1000-line batches, 2 connections, same server, $label" "$(field "$batch" lines_per_s) events/s, p99 $(field "$batch" p99_ms) ms" \
        "/actuator/health/liveness: $(field "$ceiling" requests_per_s) requests/s (32 connections)" ""
}

echo "kafka.sh: a Kafka broker and $kafka_records records per topic" >&2
java -cp "$classpath" io.energysensors.benchmarks.kafka.EmbeddedKafkaServer "$work/kafka.servers" \
    bench-h2 bench-postgres > "$work/kafka.log" 2>&1 &
kafka_broker=$!
pids+=("$kafka_broker")
until [ -s "$work/kafka.servers" ]; do
    if ! kill -0 "$kafka_broker" 2>/dev/null; then
        cat "$work/kafka.log" >&2
        echo "kafka.sh: the Kafka broker did not start" >&2
        exit 1
    fi
    sleep 0.5
done
kafka_servers=$(cat "$work/kafka.servers")
kafka_lines="$work/kafka-lines.txt"
for (( i = 0; i < kafka_records / 1000; i++ )); do cat res/events.txt; done > "$kafka_lines"
for topic in bench-h2 bench-postgres; do
    scripts/send_events --kafka "$kafka_servers" --topic "$topic" "$kafka_lines" >&2
done

echo "kafka.sh: H2" >&2
kafka_ingestion H2 bench-h2 --energy-sensors.data-dir="$work/h2-kafka"
echo "kafka.sh: PostgreSQL (embedded, synchronous commit)" >&2
[ -n "${postgres_url:-}" ] || start_postgres
kafka_ingestion PostgreSQL bench-postgres --spring.profiles.active=postgres --spring.datasource.url="$postgres_url" \
    --spring.datasource.username=postgres --spring.datasource.password=postgres
kill "$kafka_broker" 2>/dev/null || true
