# shellcheck shell=bash disable=SC2034,SC2154 # sets and reads variables of the script that sources it
# Shared by the benchmark scripts (sourced, not run): the drivers' class path, starting a
# service and waiting until it is ready, and the embedded PostgreSQL. Each script keeps a work
# directory in $work and a list of background processes in $pids, which its EXIT trap kills.

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

# kill_all: for the EXIT trap; kills what the script left running, then removes $work.
kill_all() {
    local pid
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$work"
}
