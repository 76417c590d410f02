#!/usr/bin/env bash
# Every speed and memory figure of Energy Sensors, measured in one run on this machine, printed
# as a Markdown table and saved to benchmarks/results/<UTC time>.md. Each figure comes with a
# ratio to something measured in the same run, which is what compares across machines.
# Usage: benchmarks/run.sh [--quick]
#   --quick: short phases and 20k instead of 1M stored events; checks the script, not the code.
# Needs a JDK 17+, curl and about 15 minutes (2 cores); run it on a quiet machine.
set -euo pipefail
cd "$(dirname "$0")/.."

quick=false suffix="" caveat=""
if [ "${1:-}" = "--quick" ]; then
    quick=true suffix=-quick caveat="; quick run, figures not comparable"
fi
if $quick; then
    seconds=3 warmup=1 stored_events=20000 jmh=(-f 1 -wi 1 -w 1s -i 1 -r 1s) mean_shift_jmh=(-f 1 -wi 1 -i 1)
else
    seconds=20 warmup=5 stored_events=1000000 jmh=(-f 1 -wi 3 -w 5s -i 5 -r 5s) mean_shift_jmh=(-f 1 -wi 2 -i 3)
fi
log_port=${BENCH_LOG_PORT:-5090}
parse_port=${BENCH_PARSE_PORT:-5091}
work=$(mktemp -d)
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
pids=()
rows=()
# shellcheck source=benchmarks/common.sh
source benchmarks/common.sh
trap kill_all EXIT

say() { echo "run.sh: $*" >&2; }
row() { rows+=("| $1 | $2 | $3 | $4 |"); say "$1: $2 ($3)"; }
# A key=value figure from HttpLoad's output line.
field() { sed -n "s/.*\b$2=\([^ ]*\).*/\1/p" <<<"$1"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) print "n/a"; else printf "%.2f", a / b }'; }
load() { java -cp "$classpath" io.energysensors.benchmarks.load.HttpLoad \
    --warmup "$warmup" --seconds "$seconds" "$@"; }

say "building (tests skipped; ./mvnw verify runs them)"
./mvnw -q -B -Pbenchmarks -DskipTests package
build_classpath

# --- Libraries (JMH, one thread) -------------------------------------------------------------
jmh_score() {  # benchmark regexp, extra JMH options... -> score of each result line, in order
    local csv="$work/jmh-$RANDOM.csv"
    java -jar benchmarks/target/benchmarks.jar "$@" -t 1 -rf csv -rff "$csv" > "$work/jmh.log" 2>&1 \
        || { cat "$work/jmh.log" >&2; exit 1; }
    tail -n +2 "$csv" | awk -F, '{ gsub(/"/, "", $5); printf($5 >= 100 ? "%.0f\n" : "%.1f\n", $5) }'
}
say "JMH: line parser and JSON form"
parser=$(jmh_score 'LineParserBenchmark' "${jmh[@]}")
json_read=$(jmh_score 'LineJsonBenchmark.read' "${jmh[@]}")
row "line parser, one thread" "$parser lines/s" "$(ratio "$parser" "$json_read")x Jackson reading the same events' JSON form ($json_read lines/s)" "500,000 lines/s"

say "JMH: Mean Shift at 10k, 100k, 1M points"
mapfile -t mean_shift < <(jmh_score 'MeanShiftBenchmark.estimateAndCluster' "${mean_shift_jmh[@]}")
row "Mean Shift + bandwidth, 10k / 100k / 1M points" "${mean_shift[0]} / ${mean_shift[1]} / ${mean_shift[2]} ms" "1M costs $(ratio "${mean_shift[2]}" "${mean_shift[1]}")x 100k (linear: 10x)" "100k ≤ 100 ms, 1M ≤ 1000 ms"

# --- Services ----------------------------------------------------------------------------------
rss_mb() { sleep 5; awk '/VmRSS/ { printf "%d", $2 / 1024 }' "/proc/$app/status"; }

say "start-up to ready and idle RSS"
h2="$work/h2-startup"
# The default java, and a Java 25+ if the machine has one (NEWER_JAVA_HOME, else the first
# /usr/lib/jvm/*-25-*): run-service uses its AOT cache instead of a class-data-sharing archive.
newer_java_home=${NEWER_JAVA_HOME:-$(ls -d /usr/lib/jvm/*-25-* 2>/dev/null | head -n 1 || true)}
for service in parse-service log-service; do
    jar=$(ls "$service"/target/"$service"-*.jar | head -n 1)
    start_service "$service-plain" "$log_port" java -jar "$jar" --energy-sensors.data-dir="$h2"
    plain_ms=$ready_ms plain_rss=$(rss_mb)
    stop_service
    # The default java last, so the services below start from its cache.
    for java_home in ${newer_java_home:+"$newer_java_home"} ""; do
        # Makes the cache (the training run), then starts and exits at once: not timed.
        JAVA_HOME=$java_home JAVA_OPTS=-Dspring.context.exit=onRefresh scripts/run-service "$service" \
            --energy-sensors.data-dir="$h2" > "$work/$service-training.log" 2>&1
        JAVA_HOME=$java_home start_service "$service-cds" "$log_port" scripts/run-service "$service" --energy-sensors.data-dir="$h2"
        cds_ms=$ready_ms cds_rss=$(rss_mb)
        stop_service
        # run-service records the JVM its cache was made with.
        row "$service start to ready / idle RSS, Java $(cat "$service/target/cds/jvm")" \
            "$cds_ms ms / $cds_rss MB (scripts/run-service: $([ -f "$service/target/cds/app.aot" ] && echo "AOT cache" || echo "class-data sharing"), Spring AOT)" \
            "plain java -jar, default java: $plain_ms ms / $plain_rss MB" "< 5 s / < 300 MB"
    done
done

# The ceiling: the liveness probe checks nothing (no database, no disk space), so it is the
# cheapest request the same server, Spring MVC and load generator can answer on these cores.
say "parse-service: /log/parse vs its cheapest endpoint"
start_service parse "$parse_port" scripts/run-service parse-service
ceiling=$(load --url "http://localhost:$parse_port/actuator/health/liveness" --connections 32)
parse=$(load --url "http://localhost:$parse_port/log/parse" --file res/events.txt --batch 1 --connections 32)
stop_service
row "POST /log/parse, one line, 32 connections" "$(field "$parse" requests_per_s) requests/s, p50 $(field "$parse" p50_ms) ms, p99 $(field "$parse" p99_ms) ms" "$(ratio "$(field "$parse" requests_per_s)" "$(field "$ceiling" requests_per_s)") of /actuator/health/liveness ($(field "$ceiling" requests_per_s) requests/s)" ""

# Ingestion alone: clustering off (a run every 10^9 events), else it takes a core now and then.
ingestion() {  # database label, service options...; sets batch_events, the batches' events/s
    local label=$1
    shift
    start_service "log-$label" "$log_port" scripts/run-service log-service \
        --energy-sensors.clustering.every-events=1000000000 "$@"
    local ceiling single batch
    ceiling=$(load --url "http://localhost:$log_port/actuator/health/liveness" --connections 32)
    single=$(load --url "http://localhost:$log_port/log/store" --file res/events.txt --batch 1 --connections 32)
    batch=$(load --url "http://localhost:$log_port/log/store" --file res/events.txt --batch 1000 --connections 2)
    batch_events=$(field "$batch" lines_per_s)
    stop_service
    row "POST /log/store, one line, 32 connections, $label" "$(field "$single" requests_per_s) requests/s, p50 $(field "$single" p50_ms) ms, p99 $(field "$single" p99_ms) ms" "$(ratio "$(field "$single" requests_per_s)" "$(field "$ceiling" requests_per_s)") of /actuator/health/liveness ($(field "$ceiling" requests_per_s) requests/s)" "≥ 0.40 of liveness"
    row "POST /log/store, 1000-line batches, 2 connections, $label" "$batch_events events/s, p99 $(field "$batch" p99_ms) ms" "$(ratio "$batch_events" "$parser") of the one-thread parser" "$([ "$label" = H2 ] && echo 100,000 || echo 50,000) events/s"
}
say "log-service: ingestion into H2"
ingestion H2 --energy-sensors.data-dir="$work/h2-ingest"
# What H2 alone inserts with the service's schema and write pattern, one thread: the ceiling of
# the row above, since the service commits its batches on one thread at a time.
say "H2 alone: the service's schema and write pattern, one thread"
h2_alone=$(java -cp "$classpath" io.energysensors.benchmarks.ingest.H2InsertLoop "$seconds" $(( 2 * warmup )) | tail -n 1)
row "H2 alone (H2InsertLoop), 1000-row commits, one device, one thread" "$(field "$h2_alone" rows_per_s) rows/s" "the service's 1000-line batches into H2 reach $(ratio "$batch_events" "$(field "$h2_alone" rows_per_s)") of it" ""
say "log-service: ingestion into PostgreSQL (embedded, synchronous commit)"
start_postgres
ingestion PostgreSQL --spring.profiles.active=postgres --spring.datasource.url="$postgres_url" \
    --spring.datasource.username=postgres --spring.datasource.password=postgres

source benchmarks/kafka.sh  # events/s through Kafka into H2 and PostgreSQL, next to /log/store batches

say "log-service: clustering and the summary with $stored_events events stored (H2)"
start_service log-clustering "$log_port" scripts/run-service log-service \
    --energy-sensors.data-dir="$work/h2-clustering" --energy-sensors.clustering.every-events=1000000000
runs() {  # events to add, runs -> the driver's last line
    java -cp "$classpath" io.energysensors.benchmarks.runs.ClusteringRunDriver \
        --base "http://localhost:$log_port" --file res/events.txt --events "$1" --runs "$2" | tail -n 1
}
runs 1000 1 > /dev/null
summary_small=$(load --url "http://localhost:$log_port/clusters/summary" --connections 4)
run_line=$(runs $(( stored_events - 1000 )) 3)
run_ms=$(sed -n 's/.*median \([0-9]*\) ms.*/\1/p' <<<"$run_line")
summary_large=$(load --url "http://localhost:$log_port/clusters/summary" --connections 4)
idle=$(load --url "http://localhost:$log_port/log/store" --file res/events.txt --batch 1 --connections 4)
# Keep a run going all through the measurement: a request during a run queues one follow-up.
( while :; do curl -fs -X POST "localhost:$log_port/clusters/recompute" > /dev/null || true; sleep 0.2; done ) &
recompute=$!
pids+=("$recompute")
busy=$(load --url "http://localhost:$log_port/log/store" --file res/events.txt --batch 1 --connections 4)
kill "$recompute"
stop_service
row "whole clustering run in log-service, $stored_events events (median of 3)" "$run_ms ms" "$(ratio "$run_ms" "${mean_shift[2]}")x Mean Shift alone at 1M points" "100k events ≤ 500 ms"
row "POST /log/store p99, one line, 4 connections, during clustering runs" "$(field "$busy" p99_ms) ms ($(field "$busy" requests_per_s) requests/s)" "$(ratio "$(field "$busy" p99_ms)" "$(field "$idle" p99_ms)")x idle p99 ($(field "$idle" p99_ms) ms)" "≤ 2x idle"
row "GET /clusters/summary, 4 connections, $stored_events events stored" "p50 $(field "$summary_large" p50_ms) ms, p99 $(field "$summary_large" p99_ms) ms" "$(ratio "$(field "$summary_large" p50_ms)" "$(field "$summary_small" p50_ms)")x p50 with 1000 stored ($(field "$summary_small" p50_ms) ms)" "does not grow with the store"

# --- The table -------------------------------------------------------------------------------
mkdir -p benchmarks/results
result="benchmarks/results/$(date -u +%Y-%m-%dT%H%M%SZ)$suffix.md"
{
    # awk reads its whole input: head would close the pipe early and fail the run (pipefail).
    echo "## $(date -u '+%Y-%m-%d %H:%M UTC') — $(nproc) cores ($(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)), $(free -g | awk '/Mem:/ { print $2 }') GiB, $(java -version 2>&1 | awk 'NR == 1')"
    echo
    echo "Load average before: $load_before; after: $(cut -d' ' -f1-3 /proc/loadavg) (a figure well above the core count means something else ran)$caveat."
    echo
    echo "| what | figure | ratio (same run) | target |"
    echo "| --- | --- | --- | --- |"
    printf '%s\n' "${rows[@]}"
} | tee "$result"
say "saved to $result"
