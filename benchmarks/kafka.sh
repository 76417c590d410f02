#!/usr/bin/env bash
# Events/s through Kafka into the log service, on H2 and on PostgreSQL, next to POST /log/store
# 1000-line batches into the same server in the same run (wrk) and its /actuator/health, the
# ceiling of requests/s. Kafka: one broker (KRaft) from spring-kafka-test in the JVM of
# benchmarks' EmbeddedKafkaServer, as no Kafka download is reachable here and Debian has none.
# The records (one sensor line each, the devices' case) are published first; the figure is the
# service's rate from ready to the last record stored, so the producer does not share the cores.
# Usage: benchmarks/kafka.sh [records, default 200000 (20000 with BENCH_QUICK=true)]
#   A part of benchmarks/run.sh (see common.sh): run alone, it builds and prints its rows.
set -euo pipefail
cd "$(dirname "$0")/.."
log_port=${BENCH_KAFKA_PORT:-5094}
work=$(mktemp -d)
pids=()
# shellcheck source=benchmarks/common.sh
source benchmarks/common.sh
trap kill_all EXIT
records=${1:-$([ "${BENCH_QUICK:-false}" = true ] && echo 20000 || echo 200000)}
build_once

# kafka_ingestion LABEL TOPIC SERVICE_OPTIONS...: one service reading TOPIC; adds two rows.
kafka_ingestion() {
    local label=$1 topic=$2 events_per_s
    shift 2
    start_service "log-kafka-$label" "$log_port" scripts/run-service log-service \
        --energy-sensors.clustering.every-events=1000000000 \
        --energy-sensors.kafka.bootstrap-servers="$kafka_servers" --energy-sensors.kafka.topic="$topic" "$@"
    events_per_s=$(stored_rate "$log_port" "$records" "log-kafka-$label")
    door_rows "$log_port" "$label" "Kafka into log-service, one line per record" "$events_per_s" "$records records"
}

echo "kafka.sh: a Kafka broker and $records records per topic" >&2
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
lines="$work/lines.txt"
for (( i = 0; i < records / 1000; i++ )); do cat res/events.txt; done > "$lines"
for topic in bench-h2 bench-postgres; do
    scripts/send_events --kafka "$kafka_servers" --topic "$topic" "$lines" >&2
done

echo "kafka.sh: H2" >&2
kafka_ingestion H2 bench-h2 --energy-sensors.data-dir="$work/h2-kafka"
echo "kafka.sh: PostgreSQL (embedded, synchronous commit)" >&2
start_postgres
kafka_ingestion PostgreSQL bench-postgres --spring.profiles.active=postgres --spring.datasource.url="$postgres_url" \
    --spring.datasource.username=postgres --spring.datasource.password=postgres
