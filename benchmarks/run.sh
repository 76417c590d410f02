#!/usr/bin/env bash
# Every speed and memory figure of Energy Sensors, measured in one run on this machine, printed
# as a Markdown table and saved to benchmarks/results/<UTC time>.md. Each figure comes with a
# ratio to something measured in the same run, which is what compares across machines.
# Usage: benchmarks/run.sh [--quick]
#   --quick: short phases and 20k instead of 1M stored events; checks the script, not the code.
# Needs a JDK 17+, curl, wrk (installed with apt-get if missing) and about 20 minutes (2 cores);
# run it on a quiet machine. Every requests/s figure is wrk's, next to the same server's
# /actuator/health measured the same way in the same run: the ceiling of server and generator.
# Each further part is a script of its own (benchmarks/<part>.sh, see common.sh), one line below.
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
export BENCH_SECONDS=$seconds BENCH_WARMUP=$warmup BENCH_QUICK=$quick BENCH_ROWS=$work/rows.md
touch "$BENCH_ROWS"
# shellcheck source=benchmarks/common.sh
source benchmarks/common.sh
trap kill_all EXIT

say() { echo "run.sh: $*" >&2; }
# part SCRIPT: a part of this run in a script of its own; its rows join the table.
part() { say "part: $1"; BENCH_CLASSPATH=$classpath "$1"; }

need_wrk
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
row "line parser, one thread" "$parser lines/s" "$(ratio "$parser" "$json_read")x Jackson reading the same events' JSON form ($json_read lines/s)" "≥ 1x Jackson"

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

say "parse-service: /log/parse vs its /actuator/health"
start_service parse "$parse_port" scripts/run-service parse-service
parse=$(http_load "http://localhost:$parse_port/log/parse" 16 res/events.txt 1)
# The ceiling after the figure, on a server as warm as the figure's own end.
ceiling=$(health_ceiling "$parse_port" 16)
stop_service
row "POST /log/parse, one line, 16 connections" "$(http_figure "$parse")" "$(of_ceiling "$parse" "$ceiling")" ""

# Ingestion alone: clustering off (a run every 10^9 events), else it takes a core now and then.
ingestion() {  # database label, what the database alone takes (rows/s), its name, service options...
    local label=$1 alone=$2 alone_name=$3
    shift 3
    start_service "log-$label" "$log_port" scripts/run-service log-service \
        --energy-sensors.clustering.every-events=1000000000 "$@"
    local ceiling single batch
    single=$(http_load "http://localhost:$log_port/log/store" 16 res/events.txt 1)
    batch=$(http_load "http://localhost:$log_port/log/store" 2 res/events.txt 1000)
    ceiling=$(health_ceiling "$log_port" 16)
    stop_service
    row "POST /log/store, one line, 16 connections, $label" "$(http_figure "$single")" "$(of_ceiling "$single" "$ceiling")" "≥ 0.40 of /actuator/health"
    row "POST /log/store, 1000-line batches, 2 connections, $label" \
        "$(field "$batch" lines_per_s) events/s, p99 $(field "$batch" p99_ms) ms" \
        "$(ratio "$(field "$batch" lines_per_s)" "$alone") of $alone_name, one thread ($alone rows/s); $(field "$batch" requests_per_s) of $(field "$ceiling" requests_per_s) requests/s on /actuator/health" \
        "$([ "$label" = H2 ] && echo "≥ 0.70" || echo "≥ 0.60") of $alone_name"
}
# What each database alone takes on one thread, the service's schema, 1000 rows a commit: the
# ceiling of its batches, which the service commits on one thread at a time.
say "H2 alone: the service's schema and write pattern, one thread"
h2_alone=$(java -cp "$classpath" io.energysensors.benchmarks.ingest.H2InsertLoop "$seconds" $(( 2 * warmup )) | tail -n 1)
say "log-service: ingestion into H2"
ingestion H2 "$(field "$h2_alone" rows_per_s)" "H2 alone (H2InsertLoop)" --energy-sensors.data-dir="$work/h2-ingest"
start_postgres
say "PostgreSQL alone (embedded, synchronous commit): bare COPY, one thread"
copy_alone=$(java -cp "$classpath" io.energysensors.benchmarks.ingest.PostgresCopyLoop "$postgres_url" postgres postgres \
    "$seconds" $(( 2 * warmup )) | tail -n 1)
say "log-service: ingestion into PostgreSQL"
ingestion PostgreSQL "$(field "$copy_alone" rows_per_s)" "bare COPY (PostgresCopyLoop)" --spring.profiles.active=postgres \
    --spring.datasource.url="$postgres_url" --spring.datasource.username=postgres --spring.datasource.password=postgres


say "log-service: clustering and the summary with $stored_events events stored (H2)"
start_service log-clustering "$log_port" scripts/run-service log-service \
    --energy-sensors.data-dir="$work/h2-clustering" --energy-sensors.clustering.every-events=1000000000
runs() {  # events to add, runs -> the driver's last line
    java -cp "$classpath" io.energysensors.benchmarks.runs.ClusteringRunDriver \
        --base "http://localhost:$log_port" --file res/events.txt --events "$1" --runs "$2" | tail -n 1
}
runs 1000 1 > /dev/null
summary_small=$(http_load "http://localhost:$log_port/clusters/summary" 4)
run_line=$(runs $(( stored_events - 1000 )) 3)
run_ms=$(sed -n 's/.*median \([0-9]*\) ms.*/\1/p' <<<"$run_line")
summary_large=$(http_load "http://localhost:$log_port/clusters/summary" 4)
ceiling=$(health_ceiling "$log_port" 4)
idle=$(http_load "http://localhost:$log_port/log/store" 4 res/events.txt 1)
# Keep a run going all through the measurement: a request during a run queues one follow-up.
( while :; do curl -fs -X POST "localhost:$log_port/clusters/recompute" > /dev/null || true; sleep 0.2; done ) &
recompute=$!
pids+=("$recompute")
busy=$(http_load "http://localhost:$log_port/log/store" 4 res/events.txt 1)
kill "$recompute"
stop_service
row "whole clustering run in log-service, $stored_events events (median of 3)" "$run_ms ms" "$(ratio "$run_ms" "${mean_shift[2]}")x Mean Shift alone at 1M points" "100k events ≤ 500 ms"
row "POST /log/store p99, one line, 4 connections, during clustering runs" "$(field "$busy" p99_ms) ms ($(field "$busy" requests_per_s) requests/s)" "$(ratio "$(field "$busy" p99_ms)" "$(field "$idle" p99_ms)")x idle p99 ($(field "$idle" p99_ms) ms, $(field "$idle" requests_per_s) requests/s); /actuator/health $(field "$ceiling" requests_per_s) requests/s" "≤ 2x idle"
row "GET /clusters/summary, 4 connections, $stored_events events stored" "p50 $(field "$summary_large" p50_ms) ms, p99 $(field "$summary_large" p99_ms) ms" "$(ratio "$(field "$summary_large" p50_ms)" "$(field "$summary_small" p50_ms)")x p50 with 1000 stored ($(field "$summary_small" p50_ms) ms); $(field "$summary_large" requests_per_s) of $(field "$ceiling" requests_per_s) requests/s on /actuator/health" "does not grow with the store"

# --- Parts in scripts of their own, one line each: part benchmarks/<part>.sh ------------------

say "log-service: stores with readers hammering (benchmarks/readers.sh, wrk)"; benchmarks/readers.sh --built "$seconds" $(( stored_events / 10 )) >> "$BENCH_ROWS"

say "log-service: tokens off vs on (benchmarks/security.sh, wrk)"; benchmarks/security.sh "$seconds" "$log_port" >> "$BENCH_ROWS"

say "long run: $stored_events events stored, then single lines with clustering on (benchmarks/longrun.sh)"; LONGRUN_NO_BUILD=1 LONGRUN_PORT=$(( log_port + 7 )) benchmarks/longrun.sh "$stored_events" "$($quick && echo 30 || echo 60)" >> "$BENCH_ROWS"

benchmarks/bounds.sh "$seconds" "$warmup" >> "$BENCH_ROWS"

part benchmarks/kafka.sh  # events/s through Kafka into H2 and PostgreSQL, next to /log/store batches
part benchmarks/mqtt.sh   # the same through MQTT (QoS 1)

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
    cat "$BENCH_ROWS"
} | tee "$result"
say "saved to $result"
