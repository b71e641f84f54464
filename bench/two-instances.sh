#!/usr/bin/env bash
# Issue 23: two instances of the packaged jar and Debian's HAProxy (deploy/haproxy.cfg) in front of
# them, on one machine; bench/two_instances.py checks that they answer as one and that stopping one
# loses no request. .ci/run runs it (and installs haproxy as it installs Chromium).
# Usage: bench/two-instances.sh     Settings: PORT (the balancer's, 7470; the instances take the next two), NO_BUILD=1
set -euo pipefail
LB=${PORT:-7470}
source "$(dirname "$0")/lib.sh"
command -v haproxy >/dev/null || { echo "needs haproxy (Debian package haproxy)" >&2; exit 2; }
build_jar
WORK=$(mktemp -d)
PIDS=()
trap 'for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$WORK"' EXIT
prepare_jar "$WORK/under-test.jar"
for n in 1 2; do
  PORT=$((LB + n)); BASE="http://$HOST:$PORT"
  check_port_free
  PUBLIC_BASE_URL=http://127.0.0.1:$LB start_server "$WORK/app$n.log" -XX:+UseSerialGC -Xmx128m -XX:+ExitOnOutOfMemoryError
  PIDS+=("$SERVER")
  wait_for "$BASE/healthz"
  eval "APP${n}_PID=$SERVER"
done
LISTEN=127.0.0.1:$LB APP1=127.0.0.1:$((LB + 1)) APP2=127.0.0.1:$((LB + 2)) haproxy -db -f "$ROOT/deploy/haproxy.cfg" >"$WORK/haproxy.log" 2>&1 &
PIDS+=("$!")
for _ in $(seq 100); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$LB/healthz")" = 200 ] && break
  sleep 0.1
done
sleep 1.2 # both instances marked up (rise 2, checks every 500 ms)
echo "two instances (java -XX:+UseSerialGC -Xmx128m) behind $(haproxy -v | head -1 | cut -d' ' -f1-3) on 127.0.0.1:$LB; $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"
status=0
/usr/bin/python3 "$ROOT/bench/two_instances.py" "http://127.0.0.1:$LB" "http://127.0.0.1:$((LB + 1))" "$APP1_PID" || status=1
echo "balancer log: $(grep -c ' 200 ' "$WORK/haproxy.log" || true) requests answered 200, $(grep -cE ' (5[0-9][0-9]|-1) ' "$WORK/haproxy.log" || true) with 5xx or none"
[ $status = 0 ] || { grep -E " (5[0-9][0-9]|-1) " "$WORK/haproxy.log" | head -5; tail -5 "$WORK/haproxy.log"; }
exit $status
