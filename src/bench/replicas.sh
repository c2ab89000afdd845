#!/usr/bin/env bash
# Replicas behind a cache: two Polyfeed replicas (the packaged jar, each with its own copy of the content,
# watch on) behind nginx configured as a CDN (src/main/nginx/polyfeed-cache.conf), all on 127.0.0.1:
#   src/bench/replicas.sh [seconds] [connections] [max-age]
# (defaults: 30, 64, 20). It checks and prints
#   - that both replicas give identical bodies and ETags (identity and gzip) for /feeds.opml, the index
#     and every feed and page the OPML lists;
#   - that the cache honours Vary (a gzip and an identity variant, a browser's and a reader's) and
#     answers If-None-Match with 304 itself (X-Cache-Status: HIT);
#   - src/bench/load.sh's mix through the cache for [seconds]: requests/s, errors, cache hit ratio;
#   - that a post edited in both replicas' content reaches readers through the cache within the
#     max-age the feeds send (the replicas run with polyfeed.http.max-age=[max-age], to keep it short).
# Needs nginx, wrk and curl (Debian: apt-get install nginx-light wrk curl). Builds the jar if there is none.
# Exits non-zero if any check fails.
set -euo pipefail
cd "$(dirname "$0")/../.."

SECONDS_TO_RUN=${1:-30}
CONNECTIONS=${2:-64}
MAX_AGE=${3:-20}
EDGE_PORT=${POLYFEED_CACHE_PORT:-18300}
CACHE_PORT=$((EDGE_PORT - 1))
PORTS=("$((EDGE_PORT + 1))" "$((EDGE_PORT + 2))")
MANAGEMENT_PORTS=("$((EDGE_PORT + 1001))" "$((EDGE_PORT + 1002))")
EDGE="http://127.0.0.1:$EDGE_PORT"

for tool in nginx wrk curl; do
  command -v "$tool" >/dev/null || { echo "$tool is not installed (Debian: apt-get install nginx-light wrk curl)" >&2; exit 2; }
done
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -ntp package -DskipTests

WORK=$(mktemp -d)
PIDS=()
cleanup() {
  [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null; done
  wait 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT

FAILURES=0
ok() { echo "ok   - $*"; }
fail() { echo "FAIL - $*"; FAILURES=$((FAILURES + 1)); }
now() { date +%s.%N; }
header() { tr -d '\r' | awk -v name="$1" -F': ' 'tolower($1) == tolower(name) { print $2 }'; }

# 1. Two replicas, each on its own copy of the content, links made for the cache's address.
for i in 0 1; do
  cp -r content "$WORK/content-$i"
  java -Xmx256m -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="${PORTS[$i]}" \
    -Dquarkus.management.host=127.0.0.1 -Dquarkus.management.port="${MANAGEMENT_PORTS[$i]}" \
    -Dpolyfeed.content-dir="$WORK/content-$i" -Dpolyfeed.watch=true -Dpolyfeed.base-url="$EDGE" \
    -Dpolyfeed.http.max-age="$MAX_AGE" -jar target/quarkus-app/quarkus-run.jar >"$WORK/replica-$i.log" 2>&1 &
  PIDS+=("$!")
done
for i in 0 1; do
  for _ in $(seq 1 240); do
    curl -sf "http://127.0.0.1:${MANAGEMENT_PORTS[$i]}/q/health/ready" | grep -q '"bodies": *"checked"' && break
    sleep 0.25
  done
  curl -sf "http://127.0.0.1:${MANAGEMENT_PORTS[$i]}/q/health/ready" >/dev/null ||
    { tail -n 30 "$WORK/replica-$i.log" >&2; echo "replica $i did not become ready" >&2; exit 1; }
done
echo "replicas on 127.0.0.1:${PORTS[0]} and 127.0.0.1:${PORTS[1]}, ready"

# 2. nginx with the repository's configuration, its ports, replicas and cache folder made local.
sed -e "s#/var/cache/nginx/polyfeed#$WORK/cache#" \
  -e "s#listen 80;#listen 127.0.0.1:$EDGE_PORT;#" \
  -e "s#127.0.0.1:8079#127.0.0.1:$CACHE_PORT#g" \
  -e "s#server 127.0.0.1:8081 #server 127.0.0.1:${PORTS[0]} #" \
  -e "s#server 127.0.0.1:8082 #server 127.0.0.1:${PORTS[1]} #" \
  src/main/nginx/polyfeed-cache.conf >"$WORK/polyfeed-cache.conf"
for expected in "$WORK/cache" "listen 127.0.0.1:$EDGE_PORT;" "listen 127.0.0.1:$CACHE_PORT;" \
  "server 127.0.0.1:${PORTS[0]} " "server 127.0.0.1:${PORTS[1]} "; do
  grep -qF "$expected" "$WORK/polyfeed-cache.conf" || { echo "polyfeed-cache.conf changed shape: no '$expected'" >&2; exit 1; }
done
mkdir -p "$WORK/nginx-temp" "$WORK/cache"
USER_LINE=""
if [ "$(id -u)" = 0 ]; then
  # nginx started by root runs its worker as an unprivileged user, which must reach the cache
  USER_LINE="user nobody nogroup;"
  chmod 755 "$WORK"
  chown -R nobody:nogroup "$WORK/nginx-temp" "$WORK/cache"
fi
cat >"$WORK/nginx.conf" <<EOF
$USER_LINE
worker_processes 1;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log warn;
events { worker_connections 4096; }
http {
    access_log off;
    client_body_temp_path $WORK/nginx-temp/body;
    proxy_temp_path $WORK/nginx-temp/proxy;
    fastcgi_temp_path $WORK/nginx-temp/fastcgi;
    uwsgi_temp_path $WORK/nginx-temp/uwsgi;
    scgi_temp_path $WORK/nginx-temp/scgi;
    log_format cache '\$upstream_cache_status';
    include $WORK/polyfeed-cache.conf;
}
EOF
# every answer of the cache server, for the hit ratio
sed -i "s#add_header X-Cache-Status#access_log $WORK/cache.log cache;\n        add_header X-Cache-Status#" "$WORK/polyfeed-cache.conf"
nginx -t -c "$WORK/nginx.conf" -p "$WORK" >/dev/null 2>&1 || { nginx -t -c "$WORK/nginx.conf" -p "$WORK"; exit 1; }
nginx -c "$WORK/nginx.conf" -p "$WORK"
for _ in $(seq 1 50); do curl -s -o /dev/null "$EDGE/" && break; sleep 0.1; done
echo "nginx $(nginx -v 2>&1 | sed 's#.*/##') caching on 127.0.0.1:$EDGE_PORT"

# 3. Every document of the OPML, from each replica directly: the same bytes and ETags.
curl -sf "http://127.0.0.1:${PORTS[0]}/feeds.opml" | grep -oE '(xmlUrl|htmlUrl)="[^"]*"' |
  sed -E 's/^[a-zA-Z]+="https?:\/\/[^/]*//; s/"$//' | sort -u >"$WORK/paths"
printf '/feeds.opml\n/\n' >>"$WORK/paths"
documents=$(wc -l <"$WORK/paths")
differing=0
while read -r path; do
  for encoding in identity gzip; do
    for i in 0 1; do
      curl -s -D "$WORK/head-$i" -o "$WORK/body-$i" -H "Accept-Encoding: $encoding" "http://127.0.0.1:${PORTS[$i]}$path"
    done
    if ! cmp -s "$WORK/body-0" "$WORK/body-1" ||
      [ "$(header etag <"$WORK/head-0")" != "$(header etag <"$WORK/head-1")" ] ||
      [ -z "$(header etag <"$WORK/head-0")" ] || ! head -n 1 "$WORK/head-0" | grep -q ' 200'; then
      differing=$((differing + 1))
      echo "     $path ($encoding): replicas differ or no 200 with an ETag"
    fi
  done
done <"$WORK/paths"
if [ "$differing" = 0 ]; then
  ok "both replicas give identical bodies and ETags for all $documents documents of the OPML (identity and gzip)"
else
  fail "$differing of $((documents * 2)) answers differ between the replicas"
fi

# 4. Through the cache: variants by Vary, 304s from the cache.
FEED=/ar/rss.xml
get() { curl -s -D - -o /dev/null "$@"; }
first=$(get -H 'Accept-Encoding: gzip' "$EDGE$FEED")
again=$(get -H 'Accept-Encoding: gzip, deflate, br' "$EDGE$FEED")
plain=$(get "$EDGE$FEED")
browser=$(get -H 'Accept: text/html,application/xhtml+xml,*/*;q=0.8' "$EDGE$FEED")
reader=$(get -H 'Accept: application/rss+xml, */*' "$EDGE$FEED")
[ "$(header x-cache-status <<<"$first")" = MISS ] && [ "$(header x-cache-status <<<"$again")" = HIT ] &&
  [ "$(header content-encoding <<<"$again")" = gzip ] &&
  ok "a second reader asking for gzip (spelled otherwise) gets the cached gzip'd variant (HIT)" ||
  fail "gzip variant: first $(header x-cache-status <<<"$first"), again $(header x-cache-status <<<"$again")"
[ -z "$(header content-encoding <<<"$plain")" ] && ok "a reader without gzip gets the identity variant ($(header x-cache-status <<<"$plain"))" ||
  fail "a reader without gzip got $(header content-encoding <<<"$plain")"
[[ "$(header content-type <<<"$browser")" == text/html* ]] && [[ "$(header content-type <<<"$reader")" == application/rss+xml* ]] &&
  ok "a browser gets the feed's page (text/html), a reader the feed (application/rss+xml): Vary: Accept is kept apart" ||
  fail "browser $(header content-type <<<"$browser"), reader $(header content-type <<<"$reader")"
etag=$(header etag <<<"$plain")
revalidated=$(get -H "If-None-Match: $etag" "$EDGE$FEED")
if head -n 1 <<<"$revalidated" | grep -q ' 304' && [ "$(header x-cache-status <<<"$revalidated")" = HIT ]; then
  ok "If-None-Match through the cache: 304 from the cache (X-Cache-Status: HIT)"
else
  fail "If-None-Match through the cache: $(head -n 1 <<<"$revalidated" | tr -d '\r'), $(header x-cache-status <<<"$revalidated")"
fi

# 5. The load mix through the cache.
: >"$WORK/cache.log"
echo "load through the cache: src/bench/load.sh, ${SECONDS_TO_RUN}s, $CONNECTIONS connections"
if POLYFEED_URL="$EDGE" src/bench/load.sh unused "$SECONDS_TO_RUN" "$CONNECTIONS" >"$WORK/load.out" 2>&1; then
  ok "load.sh through the cache: no 5xx, no socket errors"
else
  fail "load.sh through the cache"
  tail -n 20 "$WORK/load.out"
fi
grep -E '^(requests|status|socket errors|latency)' "$WORK/load.out" | sed 's/^/     /' || true
total=$(wc -l <"$WORK/cache.log")
hits=$(grep -c '^HIT$' "$WORK/cache.log" || true)
RATIO=$(awk -v h="$hits" -v t="$total" 'BEGIN { printf "%.1f", t ? 100 * h / t : 0 }')
echo "     cache: $total answers, $(sort "$WORK/cache.log" | uniq -c | awk '{ printf "%s%s %s", sep, $2, $1; sep = ", " }'); hit ratio $RATIO %"

# 6. An edit, made in both replicas' content, reaches readers through the cache within max-age.
FEED=/ar/atom.xml
curl -s -o /dev/null "$EDGE$FEED"
age=$(curl -s -D - -o /dev/null "$EDGE$FEED" | header cache-control | grep -oE 'max-age=[0-9]+' | cut -d= -f2)
post=$(cd "$WORK/content-0" && grep -l '^title:' ar/*.md | head -n 1)
title="Replicas edit $$ $(date +%s)"
started=$(now)
for i in 0 1; do sed -i "0,/^title:.*/s//title: \"$title\"/" "$WORK/content-$i/$post"; done
seen=""
for _ in $(seq 1 $(((age + 15) * 5))); do
  if curl -s "$EDGE$FEED" | grep -qF "$title"; then seen=$(now); break; fi
  sleep 0.2
done
if [ -n "$seen" ]; then
  SHOWN=$(awk -v a="$started" -v b="$seen" 'BEGIN { printf "%.1f", b - a }')
  # what the cache holds expires max-age after it was fetched at the latest; the replicas publish an
  # edit within a second or two, and a revalidation in between may keep the old answer max-age more
  if awk -v s="$SHOWN" -v m="$age" 'BEGIN { exit !(s <= m + 5) }'; then
    ok "the edit of $post reached readers through the cache $SHOWN s after it was made, within max-age=$age s (+ the reload)"
  else
    fail "the edit showed $SHOWN s after it was made, later than max-age=$age s and the reload"
  fi
else
  fail "the edit of $post never reached readers through the cache"
  SHOWN=never
fi
etags=$(for i in 0 1; do curl -sI "http://127.0.0.1:${PORTS[$i]}$FEED" | header etag; done | sort -u | wc -l)
[ "$etags" = 1 ] && ok "after the edit both replicas send the same ETag" || fail "after the edit the replicas' ETags differ"

echo
echo "replicas behind a cache: $(grep -oE '[0-9]+/s' "$WORK/load.out" | head -n 1) through the cache," \
  "$(grep -oE 'status .*' "$WORK/load.out" | head -n 1);" \
  "$(grep -oE 'socket errors: .*' "$WORK/load.out" | head -n 1); hit ratio $RATIO %; edit shown after $SHOWN s (max-age $age)"
if [ "$FAILURES" -gt 0 ]; then
  echo "nginx's error log:"
  tail -n 20 "$WORK/nginx-error.log"
  echo "replicas: $FAILURES checks failed"
  exit 1
fi
echo "replicas: all checks passed"
