#!/usr/bin/env bash
# Latency tails at a fixed request rate: Polyfeed against nginx (gzip_static, serving Hugo's output of the
# same generated content), both on core 0, the load generator on core 1.
#   src/bench/tails.sh [posts] [seconds] [repeats]      e.g. src/bench/tails.sh 10000 10 3
# First nginx's saturated rate is measured with wrk (64 connections, as bench.sh does), for each request;
# then h2load (HTTP/1.1, 64 connections) sends that request at 50 % and 80 % of that rate to each server,
# interleaved, `repeats` times, and the per-request times it logs give the percentiles. The target: at
# either rate Polyfeed's p99 is at most nginx's. A missed target is reported, not an error: the script
# exits non-zero only when something fails. Prints a markdown table and writes it to target/bench/tails.md.
# Needs wrk, h2load (Debian: nghttp2-client), hugo, nginx, python3. Everything listens on 127.0.0.1 only.
# TAILS_JAVA_OPTS adds JVM options to Polyfeed's command line (e.g. a flight recording); none by default.
# TAILS_JAR runs another build (e.g. a copy of an earlier target/quarkus-app) instead of this one.
set -euo pipefail
cd "$(dirname "$0")/../.."

SIZE=${1:-10000}
DURATION=${2:-10}
REPEATS=${3:-3}
CLIENTS=64
PORT=18280
MANAGEMENT_PORT=19280
NGINX_PORT=18290
# the address Hugo's pages link to: the one bench.sh builds with, so that both scripts share the site
HUGO_BASE_PORT=18190
OUT=target/bench
RUN=$OUT/tails
mkdir -p "$OUT" "$RUN"
for tool in wrk h2load hugo python3 curl taskset; do
  command -v "$tool" >/dev/null || { echo "$tool is not installed" >&2; exit 2; }
done
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
[ -x "$NGINX" ] || { echo "nginx is not installed" >&2; exit 2; }
JAR=${TAILS_JAR:-target/quarkus-app/quarkus-run.jar}
[ -f "$JAR" ] || ./mvnw -q package -DskipTests

for port in $PORT $MANAGEMENT_PORT $NGINX_PORT; do
  if curl -s -o /dev/null "http://127.0.0.1:$port/"; then
    echo "something already listens on 127.0.0.1:$port; stop it first" >&2
    exit 1
  fi
done

polyfeed_pid=""
nginx_pid=""
stop() { # pid
  [ -n "$1" ] || return 0
  kill "$1" 2>/dev/null || true
  while kill -0 "$1" 2>/dev/null; do sleep 0.1; done
}
trap 'stop "$polyfeed_pid"; stop "$nginx_pid"' EXIT

corpus() { # size -> folder (as bench.sh names it)
  local dir="$OUT/corpus-$1"
  [ -f "$dir/site.yml" ] || java src/bench/CorpusGenerator.java "$dir" "$1" 42 content >/dev/null
  echo "$dir"
}

hugo_site() { # corpus dir -> builds $OUT/hugo-<corpus>/public, as bench.sh does, gzip'd next to each feed
  local corpus=$1 site="$OUT/hugo-$(basename "$1")"
  rm -rf "$site" && mkdir -p "$site/layouts/_default"
  {
    echo "baseURL = 'http://127.0.0.1:$HUGO_BASE_PORT/'"
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
  hugo --quiet -s "$site" -d "$(realpath "$site")/public" >"$site.log" 2>&1
  find "$site/public" -name '*.xml' -exec gzip -k -9 -f {} +
}

start_nginx() { # public dir; one worker, on core 0
  local conf="$RUN/nginx.conf"
  cat >"$conf" <<CONF
worker_processes 1;
daemon off;
pid $(realpath "$RUN")/nginx.pid;
error_log $(realpath "$RUN")/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  # h2load does not reconnect at a fixed rate: nginx's default (1000 requests a connection) would
  # close connection after connection, and the rest would be offered less than the rate
  keepalive_requests 100000000;
  keepalive_timeout 300s;
  types { application/rss+xml xml; }
  gzip_static on;
  etag on;
  server { listen 127.0.0.1:$NGINX_PORT; root $(realpath "$1"); }
}
CONF
  taskset -c 0 "$NGINX" -c "$(realpath "$conf")" >"$RUN/nginx.out" 2>&1 &
  nginx_pid=$!
}

start_polyfeed() { # content dir; on core 0, default JVM settings
  # shellcheck disable=SC2086 # TAILS_JAVA_OPTS is a list of options
  taskset -c 0 java ${TAILS_JAVA_OPTS:-} -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port=$PORT \
    -Dquarkus.management.host=127.0.0.1 -Dquarkus.management.port=$MANAGEMENT_PORT -Dpolyfeed.content-dir="$1" \
    -jar "$JAR" >"$RUN/polyfeed.log" 2>&1 &
  polyfeed_pid=$!
}

wait_until() { # seconds command... : polls until the command succeeds, fails after the timeout
  local deadline=$(( $(date +%s) + $1 )); shift
  until "$@" >/dev/null 2>&1; do
    [ "$(date +%s)" -lt "$deadline" ] || return 1
    sleep 0.2
  done
}
checked() { curl -s "http://127.0.0.1:$MANAGEMENT_PORT/q/health/ready" | grep -q '"bodies" *: *"checked"'; }
etag_of() { curl -sI -H "$2" "$1" | tr -d '\r' | awk -F': ' 'tolower($1) == "etag" {print $2}'; }

percentiles() { # log-file expected-status -> "count p50 p90 p99 p99.9 max" in ms, or fails on errors
  python3 - "$1" "$2" <<'PY'
import sys
times, wrong = [], 0
with open(sys.argv[1]) as log:
    for line in log:
        columns = line.split("\t")
        if len(columns) < 3:
            continue
        if columns[1] != sys.argv[2]:
            wrong += 1
        times.append(int(columns[2]) / 1000)
if not times or wrong:
    sys.exit(f"{sys.argv[1]}: {len(times)} requests, {wrong} not {sys.argv[2]}")
times.sort()
def at(q):
    return times[min(len(times) - 1, int(q * len(times)))]
print(len(times), *(f"{v:.3f}" for v in (at(0.5), at(0.9), at(0.99), at(0.999), times[-1])))
PY
}

echo "corpus of $SIZE posts, Hugo site, servers" >&2
dir=$(corpus "$SIZE")
[ -f "$OUT/hugo-corpus-$SIZE/public/en/index.xml.gz" ] || hugo_site "$dir"
start_nginx "$OUT/hugo-corpus-$SIZE/public"
start_polyfeed "$dir"
wait_until 120 curl -sf -o /dev/null "http://127.0.0.1:$PORT/en/rss.xml" || { echo "Polyfeed did not start: $RUN/polyfeed.log" >&2; exit 1; }
wait_until 600 checked || { echo "Polyfeed's bodies were not checked in time" >&2; exit 1; }
wait_until 10 curl -sf -o /dev/null "http://127.0.0.1:$NGINX_PORT/en/index.xml" || { echo "nginx did not start: $RUN/nginx-error.log" >&2; exit 1; }

GZ="Accept-Encoding: gzip"
P_URL="http://127.0.0.1:$PORT/en/rss.xml"
N_URL="http://127.0.0.1:$NGINX_PORT/en/index.xml"
p_etag=$(etag_of "$P_URL" "$GZ")
n_etag=$(etag_of "$N_URL" "$GZ")
[ -n "$p_etag" ] && [ -n "$n_etag" ] || { echo "no ETag from one of the servers" >&2; exit 1; }
# per request: label, Polyfeed's headers, nginx's headers (one a line), the status expected
LABELS=("gzip'd /en/rss.xml" "304 revalidation")
P_HEADERS=("$GZ" "$GZ"$'\n'"If-None-Match: $p_etag")
N_HEADERS=("$GZ" "$GZ"$'\n'"If-None-Match: $n_etag")
STATUSES=(200 304)

fixed_rate() { # url headers total-rate log-file; h2load's --rps is per connection
  local per_client args=() line
  per_client=$(awk "BEGIN {printf \"%.2f\", $3 / $CLIENTS}")
  while IFS= read -r line; do args+=(-H "$line"); done <<<"$2"
  taskset -c 1 h2load --h1 -t1 -c$CLIENTS --rps="$per_client" -D "$DURATION" --warm-up-time=1 \
    "${args[@]}" --log-file="$4" "$1" >"$4.out" 2>&1 || { cat "$4.out" >&2; return 1; }
}
wrk_rate() { # url headers -> requests per second at saturation
  local args=() line
  while IFS= read -r line; do args+=(-H "$line"); done <<<"$2"
  taskset -c 1 wrk -t1 -c$CLIENTS -d"${DURATION}s" "${args[@]}" "$1" >"$RUN/wrk.txt" 2>&1 || { cat "$RUN/wrk.txt" >&2; return 1; }
  awk '/Requests\/sec/ {printf "%.0f", $2}' "$RUN/wrk.txt"
}

echo "warming Polyfeed up, measuring saturated rates (wrk, ${DURATION}s each)" >&2
declare -A NGINX_RATE POLYFEED_RATE
for i in "${!LABELS[@]}"; do
  label=${LABELS[$i]}; p_header=${P_HEADERS[$i]}; n_header=${N_HEADERS[$i]}
  # the JIT compiles the serving path meanwhile, over several runs on one core: until a run is within 5 %
  # of the one before (at most 6), and at least three, since two runs alike can both be before C2
  previous=0
  warm_rates=""
  for run in 1 2 3 4 5 6; do
    now=$(wrk_rate "$P_URL" "$p_header")
    warm_rates="$warm_rates $now"
    [ "$run" -ge 3 ] && awk "BEGIN {exit !($now <= $previous * 1.05)}" && break
    previous=$now
  done
  echo "  $label: Polyfeed warmed up over runs of$warm_rates req/s" >&2
  POLYFEED_RATE[$i]=$(wrk_rate "$P_URL" "$p_header")
  NGINX_RATE[$i]=$(wrk_rate "$N_URL" "$n_header")
  echo "  $label: nginx ${NGINX_RATE[$i]} req/s, Polyfeed ${POLYFEED_RATE[$i]} req/s" >&2
done

echo "fixed-rate runs: $REPEATS × (2 requests × 2 rates × 2 servers) × ${DURATION}s, load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
: >"$RUN/runs.tsv"
for repeat in $(seq 1 "$REPEATS"); do
  for i in "${!LABELS[@]}"; do
    label=${LABELS[$i]}; p_header=${P_HEADERS[$i]}; n_header=${N_HEADERS[$i]}; status=${STATUSES[$i]}
    for share in 50 80; do
      rate=$(( NGINX_RATE[$i] * share / 100 ))
      # alternate which server goes first, so that neither always follows the other's run
      servers=(polyfeed nginx); [ $((repeat % 2)) -eq 0 ] && servers=(nginx polyfeed)
      for server in "${servers[@]}"; do
        log="$RUN/$server-$i-$share-$repeat.log"
        rm -f "$log" # h2load appends to its log
        if [ "$server" = polyfeed ]; then fixed_rate "$P_URL" "$p_header" "$rate" "$log"
        else fixed_rate "$N_URL" "$n_header" "$rate" "$log"; fi
        read -r count p50 p90 p99 p999 max <<<"$(percentiles "$log" "$status")"
        printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$i" "$share" "$rate" "$server" "$repeat" \
          "$count" "$p50" "$p99" "$p999" "$max" >>"$RUN/runs.tsv"
        echo "  #$repeat $label at $share % ($rate req/s), $server: p50 $p50, p90 $p90, p99 $p99, p99.9 $p999, max $max ms ($count requests)" >&2
      done
    done
  done
done

{
  echo "Fixed-rate latency, $SIZE posts, $(date -u +%Y-%m-%d), $(nproc) cores, $(java -version 2>&1 | head -1)"
  echo
  echo "Servers on core 0, h2load (HTTP/1.1, $CLIENTS connections) on core 1, ${DURATION}s per run; rates are shares of"
  echo "nginx's saturated rate (wrk, $CLIENTS connections). Medians over $REPEATS runs, interleaved; in brackets the"
  echo "range of p99 across runs. Times in ms."
  echo
  for i in "${!LABELS[@]}"; do
    echo "- ${LABELS[$i]}: saturated nginx ${NGINX_RATE[$i]} req/s, Polyfeed ${POLYFEED_RATE[$i]} req/s ($(awk "BEGIN {printf \"%.2f\", ${POLYFEED_RATE[$i]} / ${NGINX_RATE[$i]}}")×)"
  done
  echo
  echo "| request | rate | Polyfeed p50 / p99 / p99.9 | nginx p50 / p99 / p99.9 | p99 Polyfeed / nginx | target |"
  echo "| --- | --- | --- | --- | --- | --- |"
  python3 - "$RUN/runs.tsv" "${LABELS[@]}" <<'PY'
import sys, statistics
rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1]) if line.strip()]
labels = sys.argv[2:]
def cell(runs):
    med = lambda k: statistics.median(float(r[k]) for r in runs)
    p99s = [float(r[7]) for r in runs]
    spread = f" [{min(p99s):.2f}–{max(p99s):.2f}]" if len(runs) > 1 else ""
    return f"{med(6):.2f} / {med(7):.2f}{spread} / {med(8):.2f}", med(7)
for i, label in enumerate(labels):
    for share in ("50", "80"):
        picked = [r for r in rows if r[0] == str(i) and r[1] == share]
        if not picked:
            continue
        p, p99 = cell([r for r in picked if r[3] == "polyfeed"])
        n, n99 = cell([r for r in picked if r[3] == "nginx"])
        ratio = p99 / n99
        verdict = "met" if ratio <= 1 else "missed"
        print(f"| {label} | {share} % ({picked[0][2]} req/s) | {p} | {n} | {ratio:.2f} | ≤ 1.00: {verdict} |")
PY
} | tee "$OUT/tails.md"
echo
echo "Table written to $OUT/tails.md; per-request logs in $RUN/"
