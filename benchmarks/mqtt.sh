#!/usr/bin/env bash
# Events/s through MQTT (QoS 1) into the log service, on H2 and on PostgreSQL, next to POST
# /log/store 1000-line batches into the same server in the same run (wrk) and its
# /actuator/health, the ceiling of requests/s. The broker: Mosquitto (installed with apt-get when
# missing). The service connects once so that the broker keeps its session; the messages (one
# sensor line each, as a meter publishes; the sample repeated, each copy another device) are then
# queued for it while it is down, and the figure is its rate from ready to the last message
# stored, so the publisher does not share the cores.
# Usage: benchmarks/mqtt.sh [messages, default 100000 (20000 with BENCH_QUICK=true)]
#   A part of benchmarks/run.sh (see common.sh): run alone, it builds and prints its rows.
set -euo pipefail
cd "$(dirname "$0")/.."
log_port=${BENCH_MQTT_PORT:-5093}
broker_port=${BENCH_MQTT_BROKER_PORT:-18831}
work=$(mktemp -d)
pids=()
# shellcheck source=benchmarks/common.sh
source benchmarks/common.sh
trap kill_all EXIT
messages=${1:-$([ "${BENCH_QUICK:-false}" = true ] && echo 20000 || echo 100000)}
build_once

if ! command -v mosquitto_pub > /dev/null || ! PATH=$PATH:/usr/sbin command -v mosquitto > /dev/null; then
    apt_install mosquitto mosquitto-clients
fi
# The whole run's messages wait in the broker for the service's session (default: 1000).
cat > "$work/mosquitto.conf" <<CONF
listener $broker_port 127.0.0.1
allow_anonymous true
max_queued_messages 0
max_inflight_messages 64
CONF
PATH=$PATH:/usr/sbin mosquitto -c "$work/mosquitto.conf" > "$work/mosquitto.log" 2>&1 &
pids+=("$!")
# Each copy of the sample as another device (a repeated payload on one topic is a redelivery,
# stored once), in a file of its own: one mosquitto_pub each, as Mosquitto 2.0.11 disconnected one
# publisher of 100,000 lines "due to out of memory" after about a third of them.
for (( i = 0; i < messages / 1000; i++ )); do
    sed "s/^Device: ID=[0-9]*;/Device: ID=$(( i + 1 ));/" res/events.txt > "$work/copy.$(printf %04d "$i")"
done

# mqtt_ingestion LABEL SERVICE_OPTIONS...: adds two rows.
mqtt_ingestion() {
    local label=$1 events_per_s
    shift
    local service=(scripts/run-service log-service --energy-sensors.clustering.every-events=1000000000
        --energy-sensors.mqtt.url="tcp://localhost:$broker_port" --energy-sensors.mqtt.client-id="bench-$label"
        --energy-sensors.mqtt.topics="bench/$label/+/lines" "$@")
    # Health is UP only once the door is subscribed: from then on the broker keeps the session.
    start_service "log-mqtt-$label-subscribe" "$log_port" "${service[@]}"
    until curl -fs "localhost:$log_port/actuator/health" > /dev/null; do sleep 0.1; done
    stop_service
    local copy
    for copy in "$work"/copy.*; do
        mosquitto_pub -p "$broker_port" -q 1 -t "bench/$label/meter1/lines" -l < "$copy"
    done
    start_service "log-mqtt-$label" "$log_port" "${service[@]}"
    events_per_s=$(stored_rate "$log_port" "$messages" "log-mqtt-$label")
    door_rows "$log_port" "$label" "MQTT (QoS 1) into log-service, one line per message" "$events_per_s" "$messages messages"
}

echo "mqtt.sh: H2" >&2
mqtt_ingestion H2 --energy-sensors.data-dir="$work/h2-mqtt"
echo "mqtt.sh: PostgreSQL (embedded, synchronous commit)" >&2
start_postgres
mqtt_ingestion PostgreSQL --spring.profiles.active=postgres --spring.datasource.url="$postgres_url" \
    --spring.datasource.username=postgres --spring.datasource.password=postgres
