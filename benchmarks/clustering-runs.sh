#!/usr/bin/env bash
# Whole clustering runs of the log service over H2 (file mode): fills it with synthetic events,
# then times runs (read features, cluster, store result) as each run records its duration.
# Usage: benchmarks/clustering-runs.sh [events, default 100000] [runs, default 5] [extra service options...]
# RUNS_JAVA_OPTS adds JVM options to the service, e.g. to profile it:
#   RUNS_JAVA_OPTS=-XX:StartFlightRecording=filename=/tmp/runs.jfr,settings=profile benchmarks/clustering-runs.sh
set -euo pipefail
cd "$(dirname "$0")/.."
events=${1:-100000}
runs=${2:-5}
shift $(( $# > 2 ? 2 : $# ))
port=${RUNS_PORT:-5098}
work=$(mktemp -d)
app=""

cleanup() {
    if [ -n "$app" ]; then
        kill "$app" 2>/dev/null || true
        wait "$app" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

./mvnw -q -pl log-service -am package -DskipTests
./mvnw -q -Pbenchmarks -pl benchmarks -am compile dependency:build-classpath -Dmdep.outputFile="$work/classpath"
classpath="benchmarks/target/classes:$(cat "$work/classpath")"

# shellcheck disable=SC2086 # RUNS_JAVA_OPTS holds several options
java ${RUNS_JAVA_OPTS:-} -jar log-service/target/log-service-*-SNAPSHOT.jar --server.port="$port" \
    --energy-sensors.data-dir="$work/h2" --energy-sensors.clustering.every-events=1000000000 "$@" \
    > "$work/app.log" 2>&1 &
app=$!
for _ in $(seq 1 240); do
    curl -fs "localhost:$port/events/count" > /dev/null && break
    kill -0 "$app" 2>/dev/null || { cat "$work/app.log"; exit 1; }
    sleep 0.5
done

java -cp "$classpath" io.energysensors.benchmarks.runs.ClusteringRunDriver \
    --base "http://localhost:$port" --file res/events.txt --events "$events" --runs "$runs"
grep "Clustering run" "$work/app.log" | tail -n "$runs"
