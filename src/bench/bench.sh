#!/usr/bin/env bash
# Polyfeed against Hugo + nginx on the same generated content, side by side, in one run.
#   src/bench/bench.sh [sizes] [seconds]      e.g. src/bench/bench.sh "1000 10000 50000" 10
# Needs wrk; Hugo and nginx are compared when installed (Debian: apt-get install wrk hugo nginx-light).
# Everything listens on 127.0.0.1 only. Prints a table; each run writes it to target/bench/results.md.
# Each Polyfeed serving figure follows a warm-up run of the same length (the JIT's compile time), and
# serving is measured once the background check has rendered every post body (readiness says
# "bodies": "checked"), so that it measures steady state, not that one-off work.
set -euo pipefail
cd "$(dirname "$0")/../.."

SIZES=${1:-"1000 10000 50000"}
DURATION=${2:-10}
SERVE_SIZE=10000
PORT=18180
MANAGEMENT_PORT=19180
NGINX_PORT=18190
OUT=target/bench
mkdir -p "$OUT"
command -v wrk >/dev/null || { echo "wrk is not installed (Debian: apt-get install wrk)" >&2; exit 2; }
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -q package -DskipTests
HAVE_HUGO=$(command -v hugo >/dev/null && echo yes || echo no)
HAVE_NGINX=$( (command -v nginx || ls /usr/sbin/nginx) >/dev/null 2>&1 && echo yes || echo no)
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

now_ms() { date +%s%3N; }
rss_mib() { awk '/VmRSS/ {printf "%d", $2 / 1024}' "/proc/$1/status"; }
row() { printf '| %s | %s | %s | %s |\n' "$1" "$2" "$3" "$4" | tee -a "$OUT/results.md"; }

corpus() { # size -> folder
  local dir="$OUT/corpus-$1"
  [ -f "$dir/site.yml" ] || java src/bench/CorpusGenerator.java "$dir" "$1" 42 content >/dev/null
  echo "$dir"
}

start_polyfeed() { # dir [cpu list] -> pid
  taskset -c "${2:-0-$(( $(nproc) - 1 ))}" java -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port=$PORT -Dpolyfeed.content-dir="$1" \
    -Dquarkus.management.host=127.0.0.1 -Dquarkus.management.port=$MANAGEMENT_PORT \
    -jar target/quarkus-app/quarkus-run.jar >"$OUT/polyfeed.log" 2>&1 &
  echo $!
}

wait_200() { until curl -sf -o /dev/null "$1"; do sleep 0.05; done; }
# the server was started in a command substitution, so it is no child to wait for: wait for its port
stop_polyfeed() { kill "$1" 2>/dev/null || true; while kill -0 "$1" 2>/dev/null; do sleep 0.1; done; }
wait_checked() { until curl -s "http://127.0.0.1:$MANAGEMENT_PORT/q/health/ready" | grep -q '"bodies" *: *"checked"'; do sleep 0.5; done; }

for port in $PORT $NGINX_PORT; do
  if curl -s -o /dev/null "http://127.0.0.1:$port/"; then
    echo "something already listens on 127.0.0.1:$port; stop it first" >&2
    exit 1
  fi
done
# servers start in command substitutions, out of this shell's job table: find them by their port
trap 'pkill -f "quarkus.http.port=$PORT " 2>/dev/null; [ -f "$OUT/nginx.pid" ] && kill "$(cat "$OUT/nginx.pid")" 2>/dev/null; true' EXIT

hugo_site() { # corpus dir -> hugo site dir, built; prints build seconds and peak KiB
  local corpus=$1 site="$OUT/hugo-$(basename "$1")"
  rm -rf "$site" && mkdir -p "$site/layouts/_default"
  {
    echo "baseURL = 'http://127.0.0.1:$NGINX_PORT/'"
    echo "defaultContentLanguage = 'en'"
    echo "defaultContentLanguageInSubdir = true"
    echo "disableKinds = ['sitemap', 'robotsTXT', '404']"
    echo "[outputs]"
    echo "home = ['RSS']"; echo "section = ['RSS']"; echo "taxonomy = ['RSS']"; echo "term = ['RSS']"; echo "page = []"
    echo "[services.rss]"; echo "limit = 20"
    echo "[languages]"
    local weight=1
    for lang in en tr hi ar id zh ru ja; do
      echo "[languages.$lang]"; echo "contentDir = '$(realpath "$corpus")/$lang'"; echo "weight = $weight"
      weight=$((weight + 1))
    done
  } >"$site/config.toml"
  # full content in content:encoded, as Polyfeed serves
  cat >"$site/layouts/_default/rss.xml" <<'TEMPLATE'
{{- printf "<?xml version=\"1.0\" encoding=\"utf-8\" standalone=\"yes\"?>" | safeHTML }}
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:atom="http://www.w3.org/2005/Atom">
<channel><title>{{ .Site.Title }} {{ .Title }}</title><link>{{ .Permalink }}</link><description>{{ .Title }}</description>
<language>{{ .Site.Language.Lang }}</language>{{ with .OutputFormats.Get "RSS" }}<atom:link href="{{ .Permalink }}" rel="self" type="application/rss+xml"/>{{ end }}
{{ range first 20 .RegularPages }}<item><title>{{ .Title }}</title><link>{{ .Permalink }}</link><guid>{{ .Permalink }}</guid>
<pubDate>{{ .Date.Format "Mon, 02 Jan 2006 15:04:05 -0700" | safeHTML }}</pubDate><description>{{ .Summary | html }}</description>
<content:encoded>{{ .Content | html }}</content:encoded></item>{{ end }}
</channel></rss>
TEMPLATE
  local start end
  start=$(now_ms)
  /usr/bin/time -f '%M' -o "$site.mem" hugo --quiet -s "$site" -d "$(realpath "$site")/public" >"$site.log" 2>&1
  end=$(now_ms)
  find "$site/public" -name '*.xml' -exec gzip -k -9 -f {} +
  echo "$(( end - start )) $(cat "$site.mem")"
}

start_nginx() { # public dir -> pid (master; one worker)
  local conf="$OUT/nginx.conf"
  cat >"$conf" <<CONF
worker_processes 1;
daemon off;
pid $(realpath "$OUT")/nginx.pid;
error_log $(realpath "$OUT")/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  types { application/rss+xml xml; }
  gzip_static on;
  etag on;
  server { listen 127.0.0.1:$NGINX_PORT; root $(realpath "$1"); }
}
CONF
  taskset -c 0 "$NGINX" -c "$(realpath "$conf")" >"$OUT/nginx.out" 2>&1 &
  echo $!
}

wrk_run() { # url [header] -> "req/s p50 p99"
  local args=(-t1 -c64 -d"${DURATION}s" --latency)
  [ -n "${2:-}" ] && args+=(-H "$2")
  taskset -c 1 wrk "${args[@]}" "$1" >"$OUT/wrk.txt" 2>&1
  awk '/Requests\/sec/ {rps=$2} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2} END {printf "%.0f req/s, p50 %s, p99 %s", rps, p50, p99}' "$OUT/wrk.txt"
}

: >"$OUT/results.md"
echo "Polyfeed benchmark, $(date -u +%Y-%m-%d), $(nproc) cores, $(java -version 2>&1 | head -1)" | tee -a "$OUT/results.md"
echo | tee -a "$OUT/results.md"
echo "### Startup: process start to the first 200 on /en/rss.xml (Polyfeed) vs. full build (Hugo)" | tee -a "$OUT/results.md"
row "posts" "Polyfeed ready" "Hugo build" "Polyfeed / Hugo"
row "---" "---" "---" "---"
for size in $SIZES; do
  dir=$(corpus "$size")
  start=$(now_ms)
  pid=$(start_polyfeed "$dir")
  wait_200 "http://127.0.0.1:$PORT/en/rss.xml"
  ready=$(( $(now_ms) - start ))
  mem=$(rss_mib "$pid")
  stop_polyfeed "$pid"
  if [ "$HAVE_HUGO" = yes ]; then
    read -r hugo_ms hugo_kib <<<"$(hugo_site "$dir")"
    row "$size" "${ready} ms, ${mem} MiB RSS" "${hugo_ms} ms, $((hugo_kib / 1024)) MiB peak" "$(awk "BEGIN {printf \"%.2f\", $ready / $hugo_ms}")"
  else
    row "$size" "${ready} ms, ${mem} MiB RSS" "(hugo not installed)" "-"
  fi
done

echo | tee -a "$OUT/results.md"
echo "### Serving the $SERVE_SIZE-post corpus: server on core 0, wrk on core 1, 64 connections, ${DURATION}s" | tee -a "$OUT/results.md"
row "request" "Polyfeed" "nginx (gzip_static)" "Polyfeed / nginx"
row "---" "---" "---" "---"
dir=$(corpus "$SERVE_SIZE")
pid=$(start_polyfeed "$dir" 0)
wait_200 "http://127.0.0.1:$PORT/en/rss.xml"
wait_checked
tag=$(curl -s "http://127.0.0.1:$PORT/en/rss.xml" | grep -o '<category>[^<]*' | head -1 | sed 's/<category>//')
tag_key=$(curl -s -o /dev/null -w '%{redirect_url}' "http://127.0.0.1:$PORT/en/tags/$(python3 -c "import urllib.parse,sys; print(urllib.parse.quote(sys.argv[1]))" "$tag")/rss.xml" | sed 's#.*/en/tags/##; s#/rss.xml##')
[ -n "$tag_key" ] || tag_key=$(python3 -c "import urllib.parse,sys; print(urllib.parse.quote(sys.argv[1].lower().replace(' ', '-')))" "$tag")
etag=$(curl -sI "http://127.0.0.1:$PORT/en/rss.xml" | tr -d '\r' | awk -F': ' 'tolower($1) == "etag" {print $2}')
nginx_pid=""
if [ "$HAVE_HUGO" = yes ] && [ "$HAVE_NGINX" = yes ]; then
  [ -d "$OUT/hugo-corpus-$SERVE_SIZE/public" ] || hugo_site "$dir" >/dev/null
  nginx_pid=$(start_nginx "$OUT/hugo-corpus-$SERVE_SIZE/public")
  sleep 1
  nginx_etag=$(curl -sI "http://127.0.0.1:$NGINX_PORT/en/index.xml" | tr -d '\r' | awk -F': ' 'tolower($1) == "etag" {print $2}')
fi
compare() { # label polyfeed-path nginx-path header-for-polyfeed header-for-nginx
  local p n
  # the JIT compiles the serving path during the first seconds; nginx has nothing to warm up
  wrk_run "http://127.0.0.1:$PORT$2" "$4" >/dev/null
  p=$(wrk_run "http://127.0.0.1:$PORT$2" "$4")
  if [ -n "$nginx_pid" ]; then
    n=$(wrk_run "http://127.0.0.1:$NGINX_PORT$3" "$5")
    row "$1" "$p" "$n" "$(awk "BEGIN {printf \"%.2f\", ${p%% *} / ${n%% *}}")"
  else
    row "$1" "$p" "(nginx or hugo not installed)" "-"
  fi
}
compare "20-item language feed, identity" "/en/rss.xml" "/en/index.xml" "" ""
compare "20-item language feed, gzip" "/en/rss.xml" "/en/index.xml" "Accept-Encoding: gzip" "Accept-Encoding: gzip"
compare "20-item tag feed, identity" "/en/tags/$tag_key/rss.xml" "/en/tags/$tag_key/index.xml" "" ""
compare "20-item tag feed, gzip" "/en/tags/$tag_key/rss.xml" "/en/tags/$tag_key/index.xml" "Accept-Encoding: gzip" "Accept-Encoding: gzip"
compare "304 revalidation" "/en/rss.xml" "/en/index.xml" "If-None-Match: $etag" "If-None-Match: ${nginx_etag:-none}"
stop_polyfeed "$pid"
[ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null || true

echo | tee -a "$OUT/results.md"
echo "### Latency as content grows: gzip'd /en/rss.xml, server on core 0, wrk on core 1, 64 connections, ${DURATION}s" | tee -a "$OUT/results.md"
row "posts" "Polyfeed" "p99 / p99 at the smallest size" "target"
row "---" "---" "---" "---"
first_p99=""
for size in $SIZES; do
  dir=$(corpus "$size")
  pid=$(start_polyfeed "$dir" 0)
  wait_200 "http://127.0.0.1:$PORT/en/rss.xml"
  wait_checked
  wrk_run "http://127.0.0.1:$PORT/en/rss.xml" "Accept-Encoding: gzip" >/dev/null
  p=$(wrk_run "http://127.0.0.1:$PORT/en/rss.xml" "Accept-Encoding: gzip")
  stop_polyfeed "$pid"
  p99=$(awk '/^ +99%/ {v=$2; if (v ~ /us$/) {sub(/us$/, "", v); v=v/1000} else if (v ~ /ms$/) {sub(/ms$/, "", v)} else if (v ~ /s$/) {sub(/s$/, "", v); v=v*1000}; print v}' "$OUT/wrk.txt")
  [ -n "$first_p99" ] || first_p99=$p99
  row "$size" "$p" "$(awk "BEGIN {printf \"%.2f\", $p99 / $first_p99}")" "<= 1.5"
done
echo
echo "Table written to $OUT/results.md"
