#!/usr/bin/env bash
# Latency tails at a fixed request rate: Polyfeed against nginx (gzip_static, serving Hugo's output of the
# same generated content), all on core 0, the load generator on core 1.
#   src/bench/tails.sh [posts] [seconds] [repeats]      e.g. src/bench/tails.sh 10000 10 3
# First each server's saturated rate is measured with wrk (64 connections, as bench.sh does), for each
# request; then src/bench/FixedRate.java sends that request at 50 % and 80 % of nginx's saturated rate
# to each server, interleaved, `repeats` times, and gives p50, p99 and p99.9. The target: at either rate
# Polyfeed's p99 is at most nginx's. Two nginx: the one bench.sh serves with (the peer the targets were
# set against) and one tuned as an operator would (open_file_cache, sendfile, tcp_nopush).
# FixedRate is open-loop: requests leave evenly spaced and are timed from when they were due. h2load's
# --rps is not that over HTTP/1.1 (its 64 connections each sent a 10 ms tick's requests back to back,
# all at once: the server was saturated until it had answered each burst, and the times measured that).
# A missed target is reported, not an error: the script exits non-zero only when something fails.
# Prints a markdown table and writes it to target/bench/tails.md.
# Needs wrk, hugo, nginx, python3 and a JDK (javac). Everything listens on 127.0.0.1 only.
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
NGINX_TUNED_PORT=18291
# the address Hugo's pages link to: the one bench.sh builds with, so that both scripts share the site
HUGO_BASE_PORT=18190
OUT=target/bench
RUN=$OUT/tails
mkdir -p "$OUT" "$RUN"
for tool in wrk hugo python3 curl taskset javac; do
  command -v "$tool" >/dev/null || { echo "$tool is not installed" >&2; exit 2; }
done
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
[ -x "$NGINX" ] || { echo "nginx is not installed" >&2; exit 2; }
JAR=${TAILS_JAR:-target/quarkus-app/quarkus-run.jar}
[ -f "$JAR" ] || ./mvnw -q package -DskipTests

for port in $PORT $MANAGEMENT_PORT $NGINX_PORT $NGINX_TUNED_PORT; do
  if curl -s -o /dev/null "http://127.0.0.1:$port/"; then
    echo "something already listens on 127.0.0.1:$port; stop it first" >&2
    exit 1
  fi
done

polyfeed_pid=""
nginx_pid=""
nginx_tuned_pid=""
stop() { # pid
  [ -n "$1" ] || return 0
  kill "$1" 2>/dev/null || true
  while kill -0 "$1" 2>/dev/null; do sleep 0.1; done
}
trap 'stop "$polyfeed_pid"; stop "$nginx_pid"; stop "$nginx_tuned_pid"' EXIT

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

start_nginx() { # public-dir port name [directives...]; one worker, on core 0; sets nginx_pid or nginx_tuned_pid
  local root=$1 port=$2 name=$3; shift 3
  local conf="$RUN/$name.conf"
  cat >"$conf" <<CONF
worker_processes 1;
daemon off;
pid $(realpath "$RUN")/$name.pid;
error_log $(realpath "$RUN")/$name-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  # FixedRate keeps its connections: nginx's default (1000 requests a connection) would close them
  keepalive_requests 100000000;
  keepalive_timeout 300s;
  types { application/rss+xml xml; }
  gzip_static on;
  etag on;
$(printf '  %s\n' "$@")
  server { listen 127.0.0.1:$port; root $(realpath "$root"); }
}
CONF
  taskset -c 0 "$NGINX" -c "$(realpath "$conf")" >"$RUN/$name.out" 2>&1 &
  if [ "$name" = nginx ]; then nginx_pid=$!; else nginx_tuned_pid=$!; fi
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

echo "corpus of $SIZE posts, Hugo site, servers" >&2
dir=$(corpus "$SIZE")
[ -f "$OUT/hugo-corpus-$SIZE/public/en/index.xml.gz" ] || hugo_site "$dir"
start_nginx "$OUT/hugo-corpus-$SIZE/public" "$NGINX_PORT" nginx
# what an operator would add for static files: descriptors kept open, the kernel sending the file
start_nginx "$OUT/hugo-corpus-$SIZE/public" "$NGINX_TUNED_PORT" nginx-tuned \
  "open_file_cache max=10000 inactive=60s;" "sendfile on;" "tcp_nopush on;"
start_polyfeed "$dir"
wait_until 120 curl -sf -o /dev/null "http://127.0.0.1:$PORT/en/rss.xml" || { echo "Polyfeed did not start: $RUN/polyfeed.log" >&2; exit 1; }
wait_until 600 checked || { echo "Polyfeed's bodies were not checked in time" >&2; exit 1; }
for port in $NGINX_PORT $NGINX_TUNED_PORT; do
  wait_until 10 curl -sf -o /dev/null "http://127.0.0.1:$port/en/index.xml" || { echo "nginx did not start: $RUN/nginx*-error.log" >&2; exit 1; }
done
mkdir -p "$RUN/classes"
javac -d "$RUN/classes" src/bench/FixedRate.java

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

T_URL="http://127.0.0.1:$NGINX_TUNED_PORT/en/index.xml"
SERVERS=(polyfeed nginx nginx-tuned)
url_of() { case $1 in polyfeed) echo "$P_URL" ;; nginx) echo "$N_URL" ;; *) echo "$T_URL" ;; esac; }
headers_of() { if [ "$1" = polyfeed ]; then echo "${P_HEADERS[$2]}"; else echo "${N_HEADERS[$2]}"; fi; }

WARM_UP=3
fixed_rate() { # url headers total-rate status -> "count p50 p90 p99 p99.9 max client-lag-p99" in ms
  local args=() line
  while IFS= read -r line; do args+=("$line"); done <<<"$2"
  taskset -c 1 java -cp "$RUN/classes" FixedRate "$1" "$3" "$DURATION" "$WARM_UP" "$4" "${args[@]}" 2>"$RUN/fixed-rate.err" \
    || { cat "$RUN/fixed-rate.err" >&2; return 1; }
}
wrk_rate() { # url headers -> requests per second at saturation
  local args=() line
  while IFS= read -r line; do args+=(-H "$line"); done <<<"$2"
  taskset -c 1 wrk -t1 -c$CLIENTS -d"${DURATION}s" "${args[@]}" "$1" >"$RUN/wrk.txt" 2>&1 || { cat "$RUN/wrk.txt" >&2; return 1; }
  awk '/Requests\/sec/ {printf "%.0f", $2}' "$RUN/wrk.txt"
}

echo "warming Polyfeed up, measuring saturated rates (wrk, ${DURATION}s each)" >&2
declare -A RATE
for i in "${!LABELS[@]}"; do
  label=${LABELS[$i]}
  # the JIT compiles the serving path meanwhile, over several runs on one core: until a run is within 5 %
  # of the one before (at most 6), and at least three, since two runs alike can both be before C2
  previous=0
  warm_rates=""
  for run in 1 2 3 4 5 6; do
    now=$(wrk_rate "$P_URL" "${P_HEADERS[$i]}")
    warm_rates="$warm_rates $now"
    [ "$run" -ge 3 ] && awk "BEGIN {exit !($now <= $previous * 1.05)}" && break
    previous=$now
  done
  echo "  $label: Polyfeed warmed up over runs of$warm_rates req/s" >&2
  for server in "${SERVERS[@]}"; do
    RATE[$server,$i]=$(wrk_rate "$(url_of "$server")" "$(headers_of "$server" "$i")")
  done
  echo "  $label: saturated Polyfeed ${RATE[polyfeed,$i]}, nginx ${RATE[nginx,$i]}, tuned nginx ${RATE[nginx-tuned,$i]} req/s" >&2
done

echo "fixed-rate runs: $REPEATS × (2 requests × 2 rates × ${#SERVERS[@]} servers) × (${WARM_UP}s + ${DURATION}s), load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
: >"$RUN/runs.tsv"
for repeat in $(seq 1 "$REPEATS"); do
  for i in "${!LABELS[@]}"; do
    label=${LABELS[$i]}
    for share in 50 80; do
      rate=$(( RATE[nginx,$i] * share / 100 ))
      # rotate which server goes first, so that none always follows the same one
      first=$(( repeat % ${#SERVERS[@]} ))
      order=("${SERVERS[@]:$first}" "${SERVERS[@]:0:$first}")
      for server in "${order[@]}"; do
        read -r count p50 p90 p99 p999 max lag <<<"$(fixed_rate "$(url_of "$server")" "$(headers_of "$server" "$i")" "$rate" "${STATUSES[$i]}")"
        printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$i" "$share" "$rate" "$server" "$repeat" \
          "$count" "$p50" "$p99" "$p999" "$max" "$lag" >>"$RUN/runs.tsv"
        echo "  #$repeat $label at $share % ($rate req/s), $server: p50 $p50, p90 $p90, p99 $p99, p99.9 $p999, max $max ms ($count requests; client's lag p99 $lag ms)" >&2
      done
    done
  done
done

{
  echo "Fixed-rate latency, $SIZE posts, $(date -u +%Y-%m-%d), $(nproc) cores, $(java -version 2>&1 | head -1)"
  echo
  echo "Servers on core 0, src/bench/FixedRate.java (open loop, HTTP/1.1, 64 connections) on core 1, ${WARM_UP}s untimed then"
  echo "${DURATION}s per run; rates are shares of nginx's saturated rate (wrk, $CLIENTS connections); times run from when"
  echo "each request was due. Medians over $REPEATS runs, interleaved; in brackets the range of p99 across runs. Times in"
  echo "ms; a median p50 over 10 ms means the server fell behind the rate (overloaded)."
  echo
  echo "- the client's own lag (how late a request left against its schedule), p99: $(cut -f11 "$RUN/runs.tsv" | sort -g | head -1) to $(cut -f11 "$RUN/runs.tsv" | sort -g | tail -1) ms over the runs"
  for i in "${!LABELS[@]}"; do
    echo "- ${LABELS[$i]}: saturated Polyfeed ${RATE[polyfeed,$i]} req/s, nginx ${RATE[nginx,$i]} ($(awk "BEGIN {printf \"%.2f\", ${RATE[polyfeed,$i]} / ${RATE[nginx,$i]}}")×), tuned nginx ${RATE[nginx-tuned,$i]} ($(awk "BEGIN {printf \"%.2f\", ${RATE[polyfeed,$i]} / ${RATE[nginx-tuned,$i]}}")×)"
  done
  echo
  echo "| request | rate | Polyfeed p50 / p99 / p99.9 | nginx p50 / p99 / p99.9 | p99 Polyfeed / nginx | target | tuned nginx p50 / p99 / p99.9 | p99 Polyfeed / tuned nginx |"
  echo "| --- | --- | --- | --- | --- | --- | --- | --- |"
  python3 - "$RUN/runs.tsv" "${LABELS[@]}" <<'PY'
import sys, statistics
rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1]) if line.strip()]
labels = sys.argv[2:]
def cell(runs):
    med = lambda k: statistics.median(float(r[k]) for r in runs)
    p99s = [float(r[7]) for r in runs]
    spread = f" [{min(p99s):.2f}–{max(p99s):.2f}]" if len(runs) > 1 else ""
    overloaded = " (overloaded)" if med(6) > 10 else ""
    return f"{med(6):.2f} / {med(7):.2f}{spread} / {med(8):.2f}{overloaded}", med(7)
for i, label in enumerate(labels):
    for share in ("50", "80"):
        picked = [r for r in rows if r[0] == str(i) and r[1] == share]
        if not picked:
            continue
        p, p99 = cell([r for r in picked if r[3] == "polyfeed"])
        n, n99 = cell([r for r in picked if r[3] == "nginx"])
        t, t99 = cell([r for r in picked if r[3] == "nginx-tuned"])
        ratio = p99 / n99
        verdict = "met" if ratio <= 1 else "missed"
        print(f"| {label} | {share} % ({picked[0][2]} req/s) | {p} | {n} | {ratio:.2f} | ≤ 1.00: {verdict} | {t} | {p99 / t99:.2f} |")
PY
} | tee "$OUT/tails.md"
echo
echo "Table written to $OUT/tails.md; runs in $RUN/runs.tsv"
