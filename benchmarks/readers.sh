#!/usr/bin/env bash
# Writers while readers hammer: POST /log/store of single lines (wrk, 2 threads, 16 connections)
# alone, then again while 8 more connections read /events (deep pages, device and time filters,
# after= pages) and the dashboard's endpoints, in the same run over the same H2 store; with the
# ceiling of the load generator, wrk against /actuator/health of the same server. Prints its rows
# as Markdown table lines (run.sh adds them to its table). Clustering is out of reach, so that
# only the readers differ between the two store figures; one run labels the store first.
# Needs wrk (apt install wrk) and curl.
# Usage: benchmarks/readers.sh [--built] [seconds, default 20] [stored events, default 100000] [service options...]
#   e.g. --energy-sensors.reads.share-while-storing=1 to see the readers without their rests
#   --built: the jars are built already (run.sh builds them once)
set -euo pipefail
cd "$(dirname "$0")/.."
built=false
if [ "${1:-}" = "--built" ]; then
    built=true
    shift
fi
seconds=${1:-20}
stored_events=${2:-100000}
shift $(( $# < 2 ? $# : 2 ))
port=${READERS_PORT:-5097}
devices=50
work=$(mktemp -d)
pids=()
# shellcheck source=benchmarks/common.sh
source benchmarks/common.sh
trap kill_all EXIT

say() { echo "readers.sh: $*" >&2; }
# wrk's figures: requests/s, p99 and the non-2xx count of its output in $1.
per_second() { awk '/^Requests\/sec:/ { printf "%.0f", $2 }' <<<"$1"; }
p99() { awk '$1 == "99%" { print $2 }' <<<"$1"; }
non_2xx() { awk '/Non-2xx or 3xx responses:/ { n = $5 } END { print n + 0 }' <<<"$1"; }
store() { wrk -t2 -c16 -d"${seconds}s" --latency -s benchmarks/lua/store-line.lua "http://localhost:$port/log/store"; }

if ! $built; then
    say "building log-service (tests skipped)"
    ./mvnw -q -B -ntp -pl log-service -am package -DskipTests
fi
start_service log-service "$port" scripts/run-service log-service \
    --energy-sensors.data-dir="$work/h2" --energy-sensors.clustering.every-events=1000000000 "$@"

say "storing $stored_events events over $devices devices, then one clustering run"
for (( batch = 0; batch * 1000 < stored_events; batch++ )); do
    sed "s/ID=1;/ID=$(( batch % devices + 1 ));/" res/events.txt \
        | curl -fs -H 'Content-Type: text/plain' --data-binary @- "localhost:$port/log/store" > /dev/null
done
curl -fs -X POST "localhost:$port/clusters/recompute" > /dev/null
until curl -fs "localhost:$port/clusters/summary" | grep -q '"run_id":[0-9]'; do sleep 0.5; done

say "warming up, then the ceiling: wrk against /actuator/health"
wrk -t2 -c16 -d"$(( seconds / 4 + 1 ))s" -s benchmarks/lua/store-line.lua "http://localhost:$port/log/store" > /dev/null
ceiling=$(wrk -t2 -c16 -d"${seconds}s" "http://localhost:$port/actuator/health")

say "stores alone"
alone=$(store)

say "stores with 8 reader connections"
# wrk's own 2-s timeout would drop reads still queued for a turn (max-wait 5 s) and hide their latency.
READERS_DEVICES=$devices wrk -t1 -c8 -d"$(( seconds + 2 ))s" --timeout 10s --latency -s benchmarks/lua/readers.lua \
    "http://localhost:$port" > "$work/readers.out" &
readers=$!
pids+=("$readers")
sleep 1
hammered=$(store)
wait "$readers"
read_out=$(cat "$work/readers.out")
stop_service

echo "| POST /log/store, one line, wrk 16 connections, H2, $stored_events events stored | alone $(per_second "$alone") requests/s (p99 $(p99 "$alone")); with 8 reader connections $(per_second "$hammered") requests/s (p99 $(p99 "$hammered"), $(non_2xx "$hammered") non-2xx) | $(ratio "$(per_second "$hammered")" "$(per_second "$alone")") of alone; alone $(ratio "$(per_second "$alone")" "$(per_second "$ceiling")") of /actuator/health ($(per_second "$ceiling") requests/s) | ≥ 0.80 of alone |"
echo "| readers hammering during the row above: /events pages and filters, dashboard, summary, wrk 8 connections | $(per_second "$read_out") requests/s, p99 $(p99 "$read_out") | $(non_2xx "$read_out") non-2xx (503 when no read turn came within energy-sensors.reads.max-wait) | no 5xx but those 503s |"
