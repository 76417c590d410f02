#!/usr/bin/env bash
# The long run: does ingest keep its speed, and the service its memory, with a million events
# stored and clustering on? One log-service on H2, started by scripts/run-service with its
# default heap, measured with wrk (2 threads, 16 connections):
#   1. the ceiling: GET /actuator/health, idle, empty store; then one line per POST /log/store
#      on the empty store (clustering on), after a warm-up;
#   2. the fill: 1000-line batches of synthetic events (two ClusteringRunDrivers at once) up to
#      the event count, clustering on as configured (scope all, a run every 1000 events, CPU budget);
#   3. one line per POST /log/store for the last phase: requests/s over its first and last
#      10 s (from the stored count), p99, the share of a core clustering used (the service's
#      energy_sensors_clustering_cpu_seconds counter over the wall time), then heap (used after
#      a GC, committed) and resident memory once the service has been idle for 30 s.
# Prints its figures as rows of BENCHMARKS.md's table, which benchmarks/run.sh adds to its own.
# Usage: benchmarks/longrun.sh [events, default 1000000] [seconds of the last phase, at least 30, default 60]
# LONGRUN_NO_BUILD=1 uses the jar already built.
# Needs wrk, curl and a JDK; about 4-5 minutes on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
events=${1:-1000000}
# Not $seconds: common.sh sets that to the phase length of run.sh's other parts.
last_phase=${2:-60}
[ "$last_phase" -ge 30 ] || { echo "longrun.sh: the last phase needs at least 30 s" >&2; exit 1; }
port=${LONGRUN_PORT:-5097}
work=$(mktemp -d)
pids=()
# shellcheck source=benchmarks/common.sh
source benchmarks/common.sh
trap kill_all EXIT

say() { echo "longrun.sh: $*" >&2; }
field() { sed -n "s/.*\b$2=\([^ ]*\).*/\1/p" <<<"$1"; }
wrk_run() {  # seconds, script, path
    wrk -t2 -c16 -d"$1s" -s "benchmarks/longrun/$2" "http://localhost:$port$3" | tail -n 1
}
stored() { curl -fs "localhost:$port/events/count" | tr -dc 0-9; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
metric() {  # name [label filter]: a Prometheus metric's positive values (-1 is "undefined"), summed over its series
    curl -fs "localhost:$port/actuator/prometheus" | awk -v name="$1" -v filter="${2:-}" '
        { value = $NF; key = substr($0, 1, length($0) - length(value) - 1) }
        index(key, name) == 1 && substr(key, length(name) + 1, 1) ~ /^(\{|)$/ && index(key, filter) && value + 0 > 0 { sum += value }
        END { printf "%.3f", sum }'
}
mb() { awk -v b="$1" 'BEGIN { printf "%d", b / 1048576 }'; }

if [ -z "${LONGRUN_NO_BUILD:-}" ]; then
    # Spring AOT starts the application while packaging: its log goes to stderr, not into the rows.
    ./mvnw -q -B -ntp -pl log-service -am package -DskipTests >&2
fi
build_classpath

start_service log-service "$port" scripts/run-service log-service --energy-sensors.data-dir="$work/h2"

say "ceiling and empty store"
wrk_run 5 get.lua /actuator/health > /dev/null
ceiling=$(wrk_run 10 get.lua /actuator/health)
wrk_run 10 store-line.lua /log/store > /dev/null
empty=$(wrk_run 20 store-line.lua /log/store)

say "filling to $events events"
began=$(now_ms)
# Two drivers at once, each with events of its own seed: the service commits one batch while it
# parses the next.
half=$(( (events - $(stored)) / 2 ))
if [ "$half" -gt 0 ]; then
    for seed in 1 2; do
        java -cp "$classpath" io.energysensors.benchmarks.runs.ClusteringRunDriver --base "http://localhost:$port" \
            --file res/events.txt --events "$half" --seed "$seed" --runs 0 > /dev/null &
        pids+=("$!")
    done
    wait "${pids[@]: -2}"
fi
fill_s=$(awk -v ms=$(( $(now_ms) - began )) 'BEGIN { printf "%.0f", ms / 1000 }')

say "$last_phase s of single lines with $(stored) events stored"
cpu_before=$(metric energy_sensors_clustering_cpu_seconds_total)
wall_before=$(now_ms)
wrk_run "$last_phase" store-line.lua /log/store > "$work/long.out" &
long=$!
pids+=("$long")
sleep 0.5
count0=$(stored) at0=$(now_ms)
sleep 10
count10=$(stored) at10=$(now_ms)
sleep $(( last_phase - 21 ))
count50=$(stored) at50=$(now_ms)
wait "$long"
count60=$(stored) at60=$(now_ms)
cpu=$(awk -v a="$(metric energy_sensors_clustering_cpu_seconds_total)" -v b="$cpu_before" \
    -v ms=$(( $(now_ms) - wall_before )) 'BEGIN { printf "%.2f", (a - b) / (ms / 1000) }')
long_figures=$(cat "$work/long.out")
first=$(awk -v n=$(( count10 - count0 )) -v ms=$(( at10 - at0 )) 'BEGIN { printf "%.0f", n * 1000 / ms }')
last=$(awk -v n=$(( count60 - count50 )) -v ms=$(( at60 - at50 )) 'BEGIN { printf "%.0f", n * 1000 / ms }')

say "idle for 30 s"
sleep 30
rss=$(awk '/VmRSS/ { printf "%d", $2 / 1024 }' "/proc/$app/status")
jcmd "$app" GC.run > /dev/null
heap_used=$(mb "$(metric jvm_memory_used_bytes 'area="heap"')")
heap_committed=$(mb "$(metric jvm_memory_committed_bytes 'area="heap"')")
heap_max=$(mb "$(metric jvm_memory_max_bytes 'area="heap"')")
stop_service

health=$(field "$ceiling" requests_per_s)
echo "| POST /log/store, one line, wrk 16 connections, empty store | $(field "$empty" requests_per_s) requests/s, p99 $(field "$empty" p99_ms) ms | $(ratio "$(field "$empty" requests_per_s)" "$health") of /actuator/health idle ($health requests/s) | |"
echo "| long run: $last_phase s of single lines, 16 connections, $count0 events stored, clustering on | $(field "$long_figures" requests_per_s) requests/s (first 10 s: $first, last 10 s: $last), p99 $(field "$long_figures" p99_ms) ms, $(field "$long_figures" failed) failed | $(ratio "$(field "$long_figures" requests_per_s)" "$health") of /actuator/health idle; $(ratio "$(field "$long_figures" requests_per_s)" "$(field "$empty" requests_per_s)") of the empty store | ≥ 0.50 of health, p99 < 20 ms, ≥ 0.90 of empty |"
echo "| long run: clustering's share of a core | $cpu | CPU time of the runs' threads / wall time | ≤ 0.25 (cpu-share) |"
echo "| long run: memory after, idle 30 s | RSS $rss MB; heap $heap_used MB used after a GC, $heap_committed MB committed of $heap_max MB | fill of $(( events / 1000 ))k events in $fill_s s | RSS ≤ 700 MB, heap ≤ 512 MB |"
