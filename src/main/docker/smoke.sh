#!/usr/bin/env bash
# Container smoke test: builds the JVM image with podman and runs it as an operator would, checking
#   - it serves /ar/atom.xml (200, Atom XML), and its figures: image size, container start to first 200;
#   - readiness is UP on the management port, and the public port does not serve health;
#   - it runs as uid 185, not root, with a read-only root filesystem (--read-only, a noexec tmpfs on /tmp),
#     and serves with Netty's native epoll all the same;
#   - java starts with jvm.options and maps the class-data sharing archive it names (the build's, or one the
#     image trained with its java);
#   - content is mounted read-only from the host, and with POLYFEED_WATCH=true an edit there reaches readers;
#   - SIGTERM (podman stop) turns readiness DOWN at once, keeps serving for the shutdown delay and stops
#     the container cleanly (exit code 0) within the grace period.
#
#   src/main/docker/smoke.sh
#
# Needs root, podman and runc (Debian: apt-get install podman runc debootstrap). Nothing is pulled from
# an image registry: the image is built from the jar in target/quarkus-app (built first if missing) on
# a local Java 17 base, which is made when missing from Debian's packages with debootstrap, from the
# Debian mirror apt uses on this machine, and imported into podman.
# Exits non-zero if any check fails.
#
# Environment: POLYFEED_SMOKE_BASE (base image name), POLYFEED_SMOKE_IMAGE (image built),
# POLYFEED_SMOKE_PORT and POLYFEED_SMOKE_MANAGEMENT_PORT (ports on 127.0.0.1, default 18480 and 19480).
set -euo pipefail
cd "$(dirname "$0")/../../.."

BASE=${POLYFEED_SMOKE_BASE:-localhost/polyfeed-base:bookworm-jre17}
IMAGE=${POLYFEED_SMOKE_IMAGE:-localhost/polyfeed/polyfeed:jvm}
PORT=${POLYFEED_SMOKE_PORT:-18480}
MANAGEMENT=${POLYFEED_SMOKE_MANAGEMENT_PORT:-19480}
GRACE=15
NAME=polyfeed-smoke-$$
SITE="http://127.0.0.1:$PORT"
HEALTH="http://127.0.0.1:$MANAGEMENT/q/health"

command -v podman >/dev/null || { echo "podman is not installed (Debian: apt-get install podman runc debootstrap)" >&2; exit 2; }
command -v runc >/dev/null || { echo "runc is not installed (Debian: apt-get install runc)" >&2; exit 2; }
[ "$(id -u)" = 0 ] || { echo "run as root: podman runs rootful here, and debootstrap needs root" >&2; exit 2; }

WORK=$(mktemp -d)
# podman here runs with runc, cgroupfs and no default ulimits (the host does not let a container raise them)
printf '[containers]\ndefault_ulimits = []\n' >"$WORK/containers.conf"
export CONTAINERS_CONF="$WORK/containers.conf"
pm() { podman --runtime runc --cgroup-manager=cgroupfs "$@"; }
cleanup() {
  pm rm -f -t 0 "$NAME" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

FAILURES=0
ok() { echo "ok   - $*"; }
fail() { echo "FAIL - $*"; FAILURES=$((FAILURES + 1)); }
check() { # check "what" command...
  local what=$1
  shift
  if "$@"; then ok "$what"; else fail "$what"; fi
}
now() { date +%s.%N; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
status() { curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$1" || true; }

# The Debian mirror apt uses here: the first non-security URI of /etc/apt/sources.list*.
debian_mirror() {
  {
    grep -hsE '^[[:space:]]*URIs:' /etc/apt/sources.list.d/*.sources | awk '{ for (i = 2; i <= NF; i++) print $i }' || true
    grep -hsE '^[[:space:]]*deb[[:space:]]' /etc/apt/sources.list /etc/apt/sources.list.d/*.list |
      awk '{ for (i = 2; i <= NF; i++) if ($i ~ /^[a-z+]+:\/\//) { print $i; break } }' || true
  } | grep -v -- '-security' | head -n 1 || true
}

# 1. The base image: Debian bookworm with Java 17's headless runtime, made here when missing.
if ! pm image exists "$BASE"; then
  command -v debootstrap >/dev/null || { echo "debootstrap is not installed (Debian: apt-get install debootstrap)" >&2; exit 2; }
  MIRROR=$(debian_mirror)
  [ -n "$MIRROR" ] || { echo "no Debian mirror found in /etc/apt/sources.list*" >&2; exit 2; }
  echo "making the base image $BASE with debootstrap from $MIRROR"
  started=$(now)
  debootstrap --variant=minbase --include=openjdk-17-jre-headless bookworm "$WORK/rootfs" "$MIRROR" >"$WORK/debootstrap.log" 2>&1 ||
    { tail -n 30 "$WORK/debootstrap.log" >&2; echo "debootstrap failed" >&2; exit 1; }
  # what a runtime image does not need: downloaded packages, package lists, documentation
  rm -rf "$WORK/rootfs"/var/cache/apt/archives/*.deb "$WORK"/rootfs/var/lib/apt/lists/* \
    "$WORK/rootfs/usr/share/doc" "$WORK/rootfs/usr/share/man"
  tar -C "$WORK/rootfs" -c . | pm import --quiet - "$BASE" >/dev/null
  rm -rf "$WORK/rootfs"
  echo "base image made in $(seconds "$started" "$(now)") s"
fi

# 2. The image: Dockerfile.jvm with the local base, from the jar ./mvnw package made.
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -ntp package -DskipTests
started=$(now)
previous=$(pm image inspect --format '{{.Id}}' "$IMAGE" 2>/dev/null || true)
# the image this build replaces is removed afterwards, so that runs do not pile up images
pm build --pull=never --network host -f src/main/docker/Dockerfile.jvm \
  --build-arg RUN_IMAGE="$BASE" --build-arg BUILD_IMAGE="$BASE" --build-arg APP=target \
  -t "$IMAGE" . >"$WORK/build.log" 2>&1 || { tail -n 30 "$WORK/build.log" >&2; echo "the image build failed" >&2; exit 1; }
if [ -n "$previous" ] && [ "$previous" != "$(pm image inspect --format '{{.Id}}' "$IMAGE")" ]; then
  pm rmi "$previous" >/dev/null 2>&1 || true
fi
IMAGE_MIB=$(( $(pm image inspect --format '{{.Size}}' "$IMAGE") / 1048576 ))
BASE_MIB=$(( $(pm image inspect --format '{{.Size}}' "$BASE") / 1048576 ))
echo "built $IMAGE in $(seconds "$started" "$(now)") s: $IMAGE_MIB MiB (base $BASE_MIB MiB)"

# 3. Run it as the README says: read-only root filesystem, a tmpfs on /tmp, content mounted read-only
# from the host, watch on. Host networking (the only kind here), so the ports are set to free ones.
cp -r content "$WORK/content"
chmod -R a+rX "$WORK/content"
started=$(now)
pm run -d --name "$NAME" --network host --read-only --tmpfs /tmp:rw,noexec,nosuid,nodev,size=64m \
  -v "$WORK/content:/srv/polyfeed/content:ro,Z" -e POLYFEED_WATCH=true \
  -e QUARKUS_HTTP_HOST=127.0.0.1 -e QUARKUS_HTTP_PORT="$PORT" \
  -e QUARKUS_MANAGEMENT_HOST=127.0.0.1 -e QUARKUS_MANAGEMENT_PORT="$MANAGEMENT" \
  "$IMAGE" >/dev/null
code=000
for _ in $(seq 1 600); do
  code=$(status "$SITE/ar/atom.xml")
  [ "$code" = 200 ] && break
  [ "$(pm inspect --format '{{.State.Running}}' "$NAME")" = true ] || break
  sleep 0.1
done
FIRST_200=$(seconds "$started" "$(now)")
if [ "$code" != 200 ]; then
  pm logs "$NAME" 2>&1 | tail -n 40 >&2
  echo "FAIL - the container did not serve /ar/atom.xml (last status $code)"
  exit 1
fi
echo "container start to first 200 on /ar/atom.xml: $FIRST_200 s"

curl -s -D "$WORK/atom.head" -o "$WORK/atom.xml" "$SITE/ar/atom.xml"
check "/ar/atom.xml is 200 with an Atom content type" grep -qiE '^content-type: application/atom\+xml' "$WORK/atom.head"
check "/ar/atom.xml is an Atom feed in Arabic" python3 -c '
import sys, xml.etree.ElementTree as E
root = E.parse(sys.argv[1]).getroot()
assert root.tag == "{http://www.w3.org/2005/Atom}feed", root.tag
assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "ar"
assert root.findall("{http://www.w3.org/2005/Atom}entry")' "$WORK/atom.xml"

for _ in $(seq 1 100); do [ "$(status "$HEALTH/ready")" = 200 ] && break; sleep 0.1; done
up() { curl -sf --max-time 5 "$1" | grep -q '"status": *"UP"'; }
check "readiness is UP on the management port" up "$HEALTH/ready"
check "liveness is UP on the management port" up "$HEALTH/live"
check "started is UP on the management port (the startup probe's path)" up "$HEALTH/started"
# /tmp is a tmpfs mounted noexec, where Netty cannot load its library from: the image points the JVM at lib/native
epoll() { curl -sf --max-time 5 "$HEALTH/live" | grep -q '"transport": *"epoll"'; }
tmp_noexec() { pm exec "$NAME" grep ' /tmp ' /proc/mounts | grep -q noexec; }
check "the event loop serves with Netty's native epoll (liveness data)" epoll
check "although /tmp is mounted noexec, as a cautious operator mounts it" tmp_noexec
check "the public port does not serve health (404)" test "$(status "$SITE/q/health/ready")" = 404
check "the public port answers POST with 405" test "$(curl -s -o /dev/null -w '%{http_code}' -X POST "$SITE/ar/atom.xml")" = 405

PID=$(pm inspect --format '{{.State.Pid}}' "$NAME")
check "java runs as uid 185, not root (host's view of the process)" test "$(stat -c %u "/proc/$PID")" = 185
check "the image's user is 185:0" test "$(pm image inspect --format '{{.Config.User}}' "$IMAGE")" = 185:0
# the image keeps the build's class-data archive when its java accepts it, else trains its own; only
# jvm.options names it, so a mapped archive also shows that java read the options beside the jar
archive_mapped() { grep -q '/deployments/app-cds.jsa' "/proc/$PID/maps"; }
check "java starts with jvm.options and the class-data archive it names (mapped)" archive_mapped
check "the root filesystem is read-only (podman)" test "$(pm inspect --format '{{.HostConfig.ReadonlyRootfs}}' "$NAME")" = true
writable() { pm exec "$NAME" sh -c "echo x >'$1' && rm '$1'" 2>/dev/null; }
not_writable() { ! writable "$1"; }
check "nothing can be written to the application's files" not_writable /deployments/x
check "nor beside the content" not_writable /srv/polyfeed/x
check "/tmp is writable (a tmpfs)" writable /tmp/smoke
check "the content mount is read-only inside" not_writable /srv/polyfeed/content/x

# 4. An edit on the host, in the mounted folder, reaches readers (watch on).
POST=$(grep -l '^title:' "$WORK"/content/ar/*.md | head -n 1)
TITLE="Smoke edit $$ $(date +%s)"
started=$(now)
sed -i "0,/^title:.*/s//title: \"$TITLE\"/" "$POST"
seen=no
for _ in $(seq 1 300); do
  if curl -s "$SITE/ar/atom.xml" | grep -qF "$TITLE"; then seen=yes; break; fi
  sleep 0.1
done
EDIT_SECONDS=$(seconds "$started" "$(now)")
check "an edit of $(basename "$POST") on the host is served (after $EDIT_SECONDS s)" test "$seen" = yes

# 5. SIGTERM: readiness DOWN at once, feeds still served during the shutdown delay, exit 0 within the grace period.
started=$(now)
pm stop -t "$GRACE" "$NAME" >/dev/null 2>&1 &
STOPPER=$!
sleep 0.7
DURING_READY=$(status "$HEALTH/ready")
DURING_FEED=$(status "$SITE/ar/atom.xml")
wait "$STOPPER" || true
STOP_SECONDS=$(seconds "$started" "$(now)")
EXIT_CODE=$(pm inspect --format '{{.State.ExitCode}}' "$NAME")
check "readiness is DOWN (503) right after SIGTERM" test "$DURING_READY" = 503
check "feeds are still served during the shutdown delay (200)" test "$DURING_FEED" = 200
check "stopped with exit code 0 (got $EXIT_CODE) in $STOP_SECONDS s, within the ${GRACE}s grace period" \
  awk -v code="$EXIT_CODE" -v t="$STOP_SECONDS" -v g="$GRACE" 'BEGIN { exit !(code == 0 && t < g) }'
if pm logs "$NAME" 2>&1 | grep -E ' (ERROR|WARN) ' >"$WORK/problems.log"; then
  fail "the log has errors or warnings:"
  cat "$WORK/problems.log"
else
  ok "the log has no error or warning"
fi

echo
echo "image $IMAGE: $IMAGE_MIB MiB (base $BASE_MIB MiB); start to first 200: $FIRST_200 s;" \
  "edit served after $EDIT_SECONDS s; SIGTERM to exit: $STOP_SECONDS s (exit code $EXIT_CODE)"
if [ "$FAILURES" -gt 0 ]; then
  echo "container smoke: $FAILURES checks failed"
  exit 1
fi
echo "container smoke: all checks passed"
