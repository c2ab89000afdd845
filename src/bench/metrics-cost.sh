#!/usr/bin/env bash
# What metrics cost on the hot path: requests/s of the gzip'd language feed from a build with metrics and
# one without, in the same run. Each round starts both, pinned together to core 0, and runs two wrk at
# once, pinned together to core 1 (64 connections each): the two servers share one core and whatever else
# the machine is doing at that moment, so their ratio is what a request costs each, even on a busy machine.
# Rounds restart both, so that each ratio is of fresh JVMs.
#   src/bench/metrics-cost.sh <app-with-metrics> <app-without> [rounds] [seconds] [posts]
# Each app is a built target/quarkus-app folder (copy it away before building the other); the one
# without metrics is built with
#   ./mvnw package -DskipTests -Dquarkus.micrometer.enabled=false
# (a build-time setting: Quarkus leaves Micrometer out of that build). Everything listens on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/../.."

WITH=${1:?the quarkus-app folder of a build with metrics}
WITHOUT=${2:?the quarkus-app folder of a build without metrics}
ROUNDS=${3:-5}
DURATION=${4:-10}
POSTS=${5:-1000}
PORT_WITH=${POLYFEED_BENCH_PORT:-18550}
PORT_WITHOUT=$((PORT_WITH + 1))
OUT=target/bench
mkdir -p "$OUT"
command -v wrk >/dev/null || { echo "wrk is not installed (Debian: apt-get install wrk)" >&2; exit 2; }
CORPUS="$OUT/corpus-$POSTS"
[ -f "$CORPUS/site.yml" ] || java src/bench/CorpusGenerator.java "$CORPUS" "$POSTS" 42 content >/dev/null
PIDS=()
trap 'for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null; done; true' EXIT

start() { # app port -> pid
  # health is on the management interface, which each server gets on a port of its own
  taskset -c 0 java -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$2" -Dpolyfeed.content-dir="$CORPUS" \
    -Dquarkus.management.host=127.0.0.1 -Dquarkus.management.port="$(($2 + 1000))" \
    -jar "$1/quarkus-run.jar" >"$OUT/metrics-cost-$2.log" 2>&1 &
  echo $!
}
checked() { until curl -s "http://127.0.0.1:$(($1 + 1000))/q/health/ready" | grep -q '"bodies" *: *"checked"'; do sleep 0.3; done; }
load() { # port seconds output
  taskset -c 1 wrk -t1 -c64 -d"$2s" --latency -H 'Accept-Encoding: gzip' "http://127.0.0.1:$1/en/rss.xml" >"$3"
}
rps() { awk '/Requests\/sec/ {printf "%.0f", $2}' "$1"; }

echo "gzip'd /en/rss.xml of a $POSTS-post corpus; both servers on core 0, both wrk on core 1, 64 connections each, ${DURATION}s after three ${DURATION}s warm-up runs"
echo "| round | with metrics (req/s) | without (req/s) | with / without |"
echo "| --- | --- | --- | --- |"
for round in $(seq 1 "$ROUNDS"); do
  PIDS=("$(start "$WITH" "$PORT_WITH")" "$(start "$WITHOUT" "$PORT_WITHOUT")")
  checked "$PORT_WITH"; checked "$PORT_WITHOUT"
  # sharing one core, each JIT needs several runs to compile the serving path (three 10 s runs for one
  # server alone on this 2-core machine)
  for phase in warm warm warm measure; do
    load "$PORT_WITH" "$DURATION" "$OUT/metrics-cost-with.txt" & a=$!
    load "$PORT_WITHOUT" "$DURATION" "$OUT/metrics-cost-without.txt" & b=$!
    wait "$a" "$b"
  done
  for pid in "${PIDS[@]}"; do kill "$pid"; done
  for pid in "${PIDS[@]}"; do while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done; done
  PIDS=()
  if grep -q 'Non-2xx\|Socket errors' "$OUT/metrics-cost-with.txt" "$OUT/metrics-cost-without.txt"; then
    cat "$OUT/metrics-cost-with.txt" "$OUT/metrics-cost-without.txt" >&2; exit 1
  fi
  with=$(rps "$OUT/metrics-cost-with.txt"); without=$(rps "$OUT/metrics-cost-without.txt")
  echo "| $round | $with | $without | $(awk "BEGIN {printf \"%.3f\", $with / $without}") |"
done
