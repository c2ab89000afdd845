#!/usr/bin/env bash
# Edits under load: Polyfeed in watch mode with a capped heap, every feed of its OPML under wrk, while
# one post is edited and one added every few tenths of a second, against the same run without edits.
#   src/bench/edits.sh [posts] [seconds] [heap] [edit-interval] [connections]
# Defaults: 1000 posts (generated, seeded), 60 s, 512m, 0.3 s, 128 connections. Needs wrk.
# Set ALLOW_503=1 to accept 503s (a small heap sheds load; it must never answer 500), and
# SAMPLE_EVERY=60 for a soak (resident memory and threads are sampled every that many seconds), and
# QUIET_SECONDS to make the run without edits shorter than the run with them (default: as long), and
# POLYFEED_JAR to run another build than target/quarkus-app/quarkus-run.jar.
# Exits non-zero unless: no 5xx (but 503 when allowed), no socket errors or timeouts, the last edit
# served within 2 s of the run's end, requests/s with edits at least half of those without, and
# resident memory at the end within 10 % of the start of the serving phase.
set -euo pipefail
cd "$(dirname "$0")/../.."

POSTS=${1:-1000}
SECONDS_TO_RUN=${2:-60}
HEAP=${3:-512m}
INTERVAL=${4:-0.3}
CONNECTIONS=${5:-128}
SAMPLE_EVERY=${SAMPLE_EVERY:-10}
PORT=${POLYFEED_BENCH_PORT:-18090}
MANAGEMENT_PORT=${POLYFEED_BENCH_MANAGEMENT_PORT:-19090}
BASE="http://127.0.0.1:$PORT"
HEALTH="http://127.0.0.1:$MANAGEMENT_PORT/q/health"

command -v wrk >/dev/null || { echo "wrk is not installed (Debian: apt-get install wrk)" >&2; exit 2; }
JAR=${POLYFEED_JAR:-target/quarkus-app/quarkus-run.jar}
[ -f "$JAR" ] || ./mvnw -q package -DskipTests

WORK=$(mktemp -d)
CONTENT="$WORK/content"
java src/bench/CorpusGenerator.java "$CONTENT" "$POSTS" 42 content >/dev/null
find "$CONTENT" -name '*.md' | sort >"$WORK/files"

java -Xmx"$HEAP" -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$PORT" -Dpolyfeed.content-dir="$CONTENT" \
  -Dquarkus.management.host=127.0.0.1 -Dquarkus.management.port="$MANAGEMENT_PORT" \
  -Dpolyfeed.watch=true -Dpolyfeed.base-url="$BASE" -jar "$JAR" >"$WORK/server.log" 2>&1 &
SERVER=$!
cleanup() { kill "$SERVER" 2>/dev/null || true; kill "${SAMPLER:-}" "${EDITOR_LOOP:-}" 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

for _ in $(seq 1 240); do
  curl -sf "$HEALTH/ready" 2>/dev/null | grep -q '"bodies": *"checked"' && break
  sleep 0.5
done
curl -sf "$HEALTH/ready" | grep -q '"bodies": *"checked"' || { echo "not ready" >&2; tail -50 "$WORK/server.log" >&2; exit 1; }

rss_mib() { awk '/VmRSS/ {printf "%d", $2 / 1024}' "/proc/$SERVER/status"; }
threads() { awk '/Threads/ {print $2}' "/proc/$SERVER/status"; }

curl -sf "$BASE/feeds.opml" | grep -o 'xmlUrl="[^"]*"' | sed -E 's/xmlUrl="https?:\/\/[^/]*//; s/"$//' >"$WORK/paths"
while read -r path; do
  etag=$(curl -sI "$BASE$path" | tr -d '\r' | awk -F': ' 'tolower($1) == "etag" {print $2}')
  printf '%s\t%s\n' "$path" "$etag"
done <"$WORK/paths" >"$WORK/etags"

run_wrk() { # label seconds -> wrk output in $WORK/<label>.out
  POLYFEED_PATHS="$WORK/paths" POLYFEED_ETAGS="$WORK/etags" \
    wrk -t2 -c"$CONNECTIONS" -d"${2}s" --timeout 10s -s src/bench/mix.lua "$BASE" >"$WORK/$1.out"
}
rate() { awk '/^requests/ {sub("/s", "", $6); print $6}' "$WORK/$1.out"; }

echo "Polyfeed edits under load: $POSTS posts, $(wc -l <"$WORK/paths") feeds in the OPML, -Xmx$HEAP, $CONNECTIONS connections, ${QUIET_SECONDS:-$SECONDS_TO_RUN}s without edits then ${SECONDS_TO_RUN}s with an edit and an addition every ${INTERVAL}s, $(nproc) cores"

run_wrk quiet "${QUIET_SECONDS:-$SECONDS_TO_RUN}"
echo "without edits: $(grep -E '^(requests|status|socket|latency)' "$WORK/quiet.out" | tr '\n' ' ')"

START_RSS=$(rss_mib)
START_THREADS=$(threads)
( while sleep "$SAMPLE_EVERY"; do echo "$(date +%s) $(rss_mib) $(threads)"; done ) >"$WORK/samples" 2>/dev/null &
SAMPLER=$!
(
  n=0
  mapfile -t files <"$WORK/files"
  while true; do
    n=$((n + 1))
    file=${files[$((n % ${#files[@]}))]}
    # as editors save: a hidden temporary file, renamed over the post
    sed -E "s/^title: .*/title: \"Edit $n\"/" "$file" >"$(dirname "$file")/.edit.tmp"
    mv "$(dirname "$file")/.edit.tmp" "$file"
    printf -- '---\ntitle: "Added %d"\ndate: 2026-01-01T00:00:00Z\ntags: [added]\n---\nAdded post %d.\n' "$n" "$n" \
      >"$CONTENT/en/.added.tmp"
    mv "$CONTENT/en/.added.tmp" "$CONTENT/en/added-$n.md"
    echo "$n $file" >"$WORK/last-edit"
    sleep "$INTERVAL"
  done
) &
EDITOR_LOOP=$!
run_wrk edits "$SECONDS_TO_RUN"
kill "$EDITOR_LOOP" 2>/dev/null || true
wait "$EDITOR_LOOP" 2>/dev/null || true
ENDED=$(date +%s%3N)
read -r LAST_N LAST_FILE <"$WORK/last-edit"
LAST_PATH=$(echo "$LAST_FILE" | sed -E "s|^$CONTENT||; s|/([^/]*)\.md$|/posts/\1|")
SERVED_AFTER=""
for _ in $(seq 1 100); do
  if curl -sf "$BASE$LAST_PATH" | grep -q "Edit $LAST_N<"; then SERVED_AFTER=$(( $(date +%s%3N) - ENDED )); break; fi
  sleep 0.1
done
kill "$SAMPLER" 2>/dev/null || true
END_RSS=$(rss_mib)
END_THREADS=$(threads)

echo "with edits:    $(grep -E '^(requests|status|socket|latency)' "$WORK/edits.out" | tr '\n' ' ')"
echo "edits made: $LAST_N; the last (\"Edit $LAST_N\" in $LAST_PATH) served ${SERVED_AFTER:-never (over 10 s)} ms after the run ended"
echo "resident memory (MiB) and threads every ${SAMPLE_EVERY}s: start $START_RSS/$START_THREADS, $(awk '{printf "%s/%s ", $2, $3}' "$WORK/samples")end $END_RSS/$END_THREADS"
QUIET=$(rate quiet)
EDITS=$(rate edits)
echo "requests/s with edits / without: $EDITS / $QUIET = $(awk -v a="$EDITS" -v b="$QUIET" 'BEGIN {printf "%.2f", a / b}')"
echo "resident memory end / start of serving phase: $END_RSS / $START_RSS = $(awk -v a="$END_RSS" -v b="$START_RSS" 'BEGIN {printf "%.2f", a / b}')"
grep -c 'Loaded [0-9]* posts' "$WORK/server.log" | xargs echo "reloads published (startup included):"
grep -E 'ERROR|OutOfMemory' "$WORK/server.log" | head -5 || true

fail=0
for run in quiet edits; do
  fivexx=$(awk '/^status/ {gsub(",", ""); print $11}' "$WORK/$run.out")
  busy=$(awk '/^status/ {print $NF}' "$WORK/$run.out")
  if [ "$fivexx" != "0" ]; then
    if [ "${ALLOW_503:-0}" = 1 ] && [ "$fivexx" = "$busy" ]; then
      echo "$run: $fivexx 5xx, all 503 (allowed)"
    else
      echo "FAIL: $run had $fivexx 5xx" >&2; fail=1
    fi
  fi
  if grep -qE 'socket errors: connect [1-9]|read [1-9]|write [1-9]|timeout [1-9]' "$WORK/$run.out"; then
    echo "FAIL: $run had socket errors or timeouts" >&2; fail=1
  fi
done
[ -n "$SERVED_AFTER" ] && [ "$SERVED_AFTER" -le 2000 ] || { echo "FAIL: the last edit was not served within 2 s" >&2; fail=1; }
awk -v a="$EDITS" -v b="$QUIET" 'BEGIN {exit !(a >= b / 2)}' || { echo "FAIL: throughput with edits under half" >&2; fail=1; }
awk -v a="$END_RSS" -v b="$START_RSS" 'BEGIN {exit !(a <= b * 1.1 && a >= b * 0.9)}' || { echo "FAIL: resident memory moved over 10 %" >&2; fail=1; }
[ "$fail" = 0 ] && echo "OK"
exit "$fail"
