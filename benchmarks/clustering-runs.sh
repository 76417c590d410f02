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
pids=()
# shellcheck source=benchmarks/common.sh
source benchmarks/common.sh
trap kill_all EXIT

./mvnw -q -pl log-service -am package -DskipTests
build_classpath

# shellcheck disable=SC2086 # RUNS_JAVA_OPTS holds several options
start_service log-service "$port" java ${RUNS_JAVA_OPTS:-} -jar log-service/target/log-service-*-SNAPSHOT.jar \
    --energy-sensors.data-dir="$work/h2" --energy-sensors.clustering.every-events=1000000000 "$@"

java -cp "$classpath" io.energysensors.benchmarks.runs.ClusteringRunDriver \
    --base "http://localhost:$port" --file res/events.txt --events "$events" --runs "$runs"
grep "Clustering run" "$work/log-service.log" | tail -n "$runs"
