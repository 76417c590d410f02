# shellcheck shell=bash disable=SC2034,SC2154 # sets and reads variables of the script that sources it
# Shared by the benchmark scripts (sourced, not run): the drivers' class path, starting a
# service and waiting until it is ready, the embedded PostgreSQL, HTTP load with wrk and the rows
# of the results table. Each script keeps a work directory in $work and a list of background
# processes in $pids, which its EXIT trap kills.
#
# A part of benchmarks/run.sh is a script of its own (benchmarks/<part>.sh) that run.sh calls
# with one line; run.sh exports BENCH_SECONDS, BENCH_WARMUP, BENCH_QUICK, BENCH_ROWS and
# BENCH_CLASSPATH (what build_once would build), and the part adds its rows with row. Run alone,
# a part builds what it needs and prints its rows. A part, in short:
#   work=$(mktemp -d) pids=(); source benchmarks/common.sh; trap kill_all EXIT; build_once
#   start_service log-x 5095 scripts/run-service log-service --energy-sensors.data-dir="$work/h2"
#   ceiling=$(health_ceiling 5095 16)
#   single=$(http_load http://localhost:5095/log/store 16 res/events.txt 1)
#   stop_service
#   row "POST /log/store, one line, 16 connections, …" "$(http_figure "$single")" "$(of_ceiling "$single" "$ceiling")" "target"

# Phase lengths: what the sourcing script set, else what run.sh exports, else the full run's (or
# --quick's with BENCH_QUICK=true).
if [ "${BENCH_QUICK:-false}" = true ]; then
    seconds=${seconds:-${BENCH_SECONDS:-3}} warmup=${warmup:-${BENCH_WARMUP:-1}}
else
    seconds=${seconds:-${BENCH_SECONDS:-20}} warmup=${warmup:-${BENCH_WARMUP:-5}}
fi

# build_once: the jars (tests skipped) and $classpath, for a part run alone; a part that run.sh
# runs takes run.sh's build (BENCH_CLASSPATH).
build_once() {
    if [ -n "${BENCH_CLASSPATH:-}" ]; then
        classpath=$BENCH_CLASSPATH
        return
    fi
    ./mvnw -q -B -Pbenchmarks -DskipTests package
    build_classpath
}

# build_classpath: the benchmarks module's class path, set in $classpath. The drivers run from
# it (it has the embedded PostgreSQL the shaded JMH jar leaves out). One reactor run, so that
# sibling modules resolve to their build output; the benchmarks module writes the file last.
build_classpath() {
    ./mvnw -q -B -Pbenchmarks -pl benchmarks -am compile dependency:build-classpath \
        -Dmdep.outputFile="$work/classpath"
    classpath="benchmarks/target/classes:$(cat "$work/classpath")"
}

# start_service NAME PORT COMMAND... : runs COMMAND --server.port=PORT in the background, logging
# to $work/NAME.log, and returns once the service reports itself ready (for log-service that
# includes its database). Sets $app and $ready_ms, the time from launch to ready.
start_service() {
    local name=$1 port=$2 began
    shift 2
    began=$(date +%s%N)
    "$@" --server.port="$port" > "$work/$name.log" 2>&1 &
    app=$!
    pids+=("$app")
    until curl -fs "localhost:$port/actuator/health/readiness" > /dev/null; do
        if ! kill -0 "$app" 2>/dev/null; then
            cat "$work/$name.log" >&2
            echo "$name did not start" >&2
            exit 1
        fi
        sleep 0.05
    done
    ready_ms=$(( ($(date +%s%N) - began) / 1000000 ))
}

# stop_service: stops the service start_service started last, and waits for it to exit.
stop_service() {
    kill "$app" 2>/dev/null || true
    wait "$app" 2>/dev/null || true
}

# start_postgres: a real PostgreSQL (embedded, synchronous commit) for the postgres profile;
# sets $postgres_url. Needs build_classpath first.
start_postgres() {
    java -cp "$classpath" io.energysensors.benchmarks.ingest.EmbeddedPostgresServer \
        "$work/pg.url" > "$work/pg.log" 2>&1 &
    local postgres=$!
    pids+=("$postgres")
    until [ -s "$work/pg.url" ]; do
        if ! kill -0 "$postgres" 2>/dev/null; then
            cat "$work/pg.log" >&2
            echo "PostgreSQL did not start" >&2
            exit 1
        fi
        sleep 0.5
    done
    postgres_url=$(cat "$work/pg.url")
}

# service_stored PORT: events the service on PORT stored since it started (its own counter: the
# database may hold others' already).
service_stored() {
    curl -fs "localhost:$1/actuator/prometheus" \
        | awk '/^energy_sensors_ingest_stored_total/ { printf "%d", $2; found = 1 } END { if (!found) print 0 }'
}

# stored_rate PORT COUNT NAME: waits until the service on PORT (started just now by start_service
# NAME) has stored COUNT events, and prints its events/s from now until then. Fails when nothing
# more is stored for 60 s.
stored_rate() {
    local port=$1 count=$2 name=$3 began stored=0 last_progress now current
    began=$(date +%s%N) last_progress=$began
    while [ "$stored" -lt "$count" ]; do
        sleep 0.1
        now=$(date +%s%N)
        current=$(service_stored "$port")
        if [ "$current" -gt "$stored" ]; then
            stored=$current last_progress=$now
        elif (( now - last_progress > 60000000000 )); then
            cat "$work/$name.log" >&2
            echo "$name: no event stored for 60 s ($stored of $count)" >&2
            exit 1
        fi
    done
    awk -v n="$stored" -v ns=$(( $(date +%s%N) - began )) 'BEGIN { printf "%.0f", n / (ns / 1e9) }'
}

# door_rows PORT LABEL DOOR_ROW EVENTS_PER_S DELIVERED: after a door's figure (stored_rate), POST
# /log/store 1000-line batches into the same server (wrk, 2 connections) and its /actuator/health;
# stops the service and adds two rows: the door's, held against the batches, and the batches'.
door_rows() {
    local port=$1 label=$2 door=$3 events_per_s=$4 delivered=$5 batch ceiling
    batch=$(http_load "http://localhost:$port/log/store" 2 res/events.txt 1000)
    ceiling=$(health_ceiling "$port" 16)
    stop_service
    row "$door, $label" "$events_per_s events/s ($delivered after ready)" \
        "$(ratio "$events_per_s" "$(field "$batch" lines_per_s)") of POST /log/store 1000-line batches below" ""
    row "POST /log/store, 1000-line batches, 2 connections, same server, $label" \
        "$(field "$batch" lines_per_s) events/s, p99 $(field "$batch" p99_ms) ms" \
        "/actuator/health: $(field "$ceiling" requests_per_s) requests/s (16 connections)" ""
}

# kill_all: for the EXIT trap; kills what the script left running, then removes $work.
kill_all() {
    local pid
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$work"
}

# row WHAT FIGURE RATIO TARGET: one row of the results table, appended to $BENCH_ROWS (run.sh's
# table) or printed; a readable copy goes to stderr as progress.
row() {
    if [ -n "${BENCH_ROWS:-}" ]; then
        printf '| %s | %s | %s | %s |\n' "$1" "$2" "$3" "$4" >> "$BENCH_ROWS"
    else
        printf '| %s | %s | %s | %s |\n' "$1" "$2" "$3" "$4"
    fi
    echo "$(basename "$0" .sh): $1: $2 ($3)" >&2
}

# field LINE KEY: a key=value figure from http_load's (or a driver's) output line.
field() { sed -n "s/.*\b$2=\([^ ]*\).*/\1/p" <<<"$1"; }

# ratio A B: A / B with two decimals, n/a when B is 0.
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) print "n/a"; else printf "%.2f", a / b }'; }

# apt_install PACKAGE...: installs Debian packages with apt-get (as root, or with sudo),
# updating the package lists only when the first try fails.
apt_install() {
    local sudo=()
    [ "$(id -u)" = 0 ] || sudo=(sudo)
    echo "installing $* with apt-get" >&2
    "${sudo[@]}" apt-get install -y -q "$@" > /dev/null 2>&1 \
        || { "${sudo[@]}" apt-get update -q > /dev/null && "${sudo[@]}" apt-get install -y -q "$@" > /dev/null; }
}

# need_wrk: wrk, the HTTP load generator of every requests/s figure; installed when missing.
need_wrk() {
    command -v wrk > /dev/null || apt_install wrk
}

# http_load URL CONNECTIONS [FILE LINES]: wrk over CONNECTIONS keep-alive connections (two
# threads), $warmup seconds not counted, then $seconds measured. Without FILE it GETs URL; with
# it, POSTs FILE's lines, LINES consecutive lines a body (benchmarks/wrk.lua). Extra wrk options,
# e.g. a header, come from the array wrk_options. Prints one line:
#   requests_per_s=… lines_per_s=… p50_ms=… p99_ms=… non_2xx=… socket_errors=…
# and fails if any answer was not 2xx: a figure of rejected requests measures nothing.
wrk_options=()
http_load() {
    local url=$1 connections=$2 threads=$(( $2 < 2 ? $2 : 2 )) out
    shift 2
    need_wrk
    if [ "$warmup" -gt 0 ]; then
        wrk -t"$threads" -c"$connections" -d"${warmup}s" --timeout 30s "${wrk_options[@]}" -s benchmarks/wrk.lua "$url" -- "$@" > /dev/null
    fi
    out=$(wrk -t"$threads" -c"$connections" -d"${seconds}s" --timeout 30s "${wrk_options[@]}" -s benchmarks/wrk.lua "$url" -- "$@" | tail -n 1)
    if [ "$(field "$out" non_2xx)" != 0 ]; then
        echo "http_load $url: $(field "$out" non_2xx) answers were not 2xx; first answer:" >&2
        curl -s -i "${url}" >&2 || true
        return 1
    fi
    echo "$out"
}

# health_ceiling PORT [CONNECTIONS, default 32]: the ceiling of requests/s for the server on
# PORT: http_load of its /actuator/health, the cheapest request the same server, stack and load
# generator answer on these cores. Measure it in the same run as the figure it goes with.
health_ceiling() { http_load "http://localhost:$1/actuator/health" "${2:-32}"; }

# http_figure LINE: "N requests/s, p50 X ms, p99 Y ms" from an http_load line.
http_figure() {
    echo "$(field "$1" requests_per_s) requests/s, p50 $(field "$1" p50_ms) ms, p99 $(field "$1" p99_ms) ms"
}

# of_ceiling LINE CEILING_LINE: the ratio column of an HTTP row, e.g.
# "0.66 of /actuator/health (3312 requests/s)".
of_ceiling() {
    echo "$(ratio "$(field "$1" requests_per_s)" "$(field "$2" requests_per_s)") of /actuator/health ($(field "$2" requests_per_s) requests/s)"
}
