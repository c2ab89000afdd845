#!/usr/bin/env bash
# Load run: Polyfeed on 127.0.0.1 under wrk with a mix of feeds, 304s, 404s and scanner paths.
#   src/bench/load.sh [content-dir] [seconds] [connections]
# Needs wrk (Debian: apt-get install wrk). Builds the jar first if there is none. JAVA_OPTS is passed
# to the server's JVM (e.g. JAVA_OPTS=-Xmx256m).
# Prints request counts per status class, socket errors, latency percentiles and the server's
# resident memory before, every 10 s during, and after the run. Exits non-zero on any 5xx or socket error.
# With POLYFEED_URL (e.g. http://127.0.0.1:18300, a cache in front of replicas, see replicas.sh) it starts
# no server and sends the same mix there; content-dir is then unused and no memory is reported.
set -euo pipefail
cd "$(dirname "$0")/../.."

CONTENT=${1:-content}
SECONDS_TO_RUN=${2:-60}
CONNECTIONS=${3:-256}
PORT=${POLYFEED_BENCH_PORT:-18080}
MANAGEMENT_PORT=${POLYFEED_BENCH_MANAGEMENT_PORT:-19080}
BASE="http://127.0.0.1:$PORT"
HEALTH="http://127.0.0.1:$MANAGEMENT_PORT/q/health"

command -v wrk >/dev/null || { echo "wrk is not installed (Debian: apt-get install wrk)" >&2; exit 2; }

WORK=$(mktemp -d)
SERVER=""
if [ -n "${POLYFEED_URL:-}" ]; then
  BASE=${POLYFEED_URL%/}
  CONTENT=$BASE
  trap 'rm -rf "$WORK"' EXIT
else
  [ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -q package -DskipTests
  # shellcheck disable=SC2086 # JAVA_OPTS holds several options
  java ${JAVA_OPTS:-} -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$PORT" -Dpolyfeed.content-dir="$CONTENT" \
    -Dquarkus.management.host=127.0.0.1 -Dquarkus.management.port="$MANAGEMENT_PORT" \
    -jar target/quarkus-app/quarkus-run.jar >"$WORK/server.log" 2>&1 &
  SERVER=$!
  trap 'kill $SERVER 2>/dev/null || true; rm -rf "$WORK"' EXIT

  for _ in $(seq 1 120); do
    curl -sf "$HEALTH/ready" >/dev/null 2>&1 && break
    sleep 0.5
  done
  curl -sf "$HEALTH/ready" >/dev/null || { echo "Polyfeed did not become ready" >&2; cat "$WORK/server.log" >&2; exit 1; }
fi

rss_kib() { if [ -n "$SERVER" ]; then awk '/VmRSS/ {print $2}' "/proc/$SERVER/status"; else echo "(not measured)"; fi; }

# Every feed the OPML lists, as paths, and an ETag for each, for 304s.
curl -sf "$BASE/feeds.opml" | grep -o 'xmlUrl="[^"]*"' | sed -E 's/xmlUrl="https?:\/\/[^/]*//; s/"$//' >"$WORK/paths"
[ -s "$WORK/paths" ] || { echo "the OPML lists no feed" >&2; exit 1; }
while read -r path; do
  etag=$(curl -sI "$BASE$path" | tr -d '\r' | awk -F': ' 'tolower($1) == "etag" {print $2}')
  printf '%s\t%s\n' "$path" "$etag"
done <"$WORK/paths" >"$WORK/etags"

echo "Polyfeed load run: $(wc -l <"$WORK/paths") feeds from $CONTENT, $CONNECTIONS connections, ${SECONDS_TO_RUN}s, $(nproc) cores"
echo "resident memory at start: $(rss_kib) KiB"
( while sleep 10; do echo "$(rss_kib)"; done ) >"$WORK/rss" 2>/dev/null &
SAMPLER=$!
POLYFEED_PATHS="$WORK/paths" POLYFEED_ETAGS="$WORK/etags" \
  wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_TO_RUN}s" --timeout 10s -s src/bench/mix.lua "$BASE" | tee "$WORK/wrk.out"
kill $SAMPLER 2>/dev/null || true
echo "resident memory every 10 s (KiB): $(tr '\n' ' ' <"$WORK/rss")"
echo "resident memory at end: $(rss_kib) KiB"

if grep -q 'Socket errors' "$WORK/wrk.out"; then echo "FAIL: socket errors" >&2; exit 1; fi
if ! grep -q ' 5xx 0,' "$WORK/wrk.out"; then echo "FAIL: server errors" >&2; exit 1; fi
if grep -qE 'socket errors: connect [1-9]|read [1-9]|write [1-9]|timeout [1-9]' "$WORK/wrk.out"; then
  echo "FAIL: socket errors" >&2; exit 1
fi
echo "OK: no 5xx, no socket errors"
