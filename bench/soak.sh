#!/usr/bin/env bash
# Issue 21's soak test: the jar started with the Procfile's flags, many clients for SECONDS (default
# 1800: half an hour) doing what a class does and what a hostile or flaky network does (bench/soak.py),
# then the checks: no server thread busy, every page answered, every 5xx explained by the log.
# .ci/run runs a short one: bench/soak.sh 20.
# Usage: bench/soak.sh [SECONDS]    Settings: CLIENTS (16), XMX (128m), PORT (7171), NO_BUILD=1, KEEP_LOG=path
set -euo pipefail
source "$(dirname "$0")/lib.sh"
DURATION=${1:-1800}
CLIENTS=${CLIENTS:-16}
XMX=${XMX:-128m}
build_jar
check_port_free
WORK=$(mktemp -d)
trap 'stop_server; rm -rf "$WORK"' EXIT
prepare_jar "$WORK/under-test.jar"
start_server "$WORK/server.log" -XX:+UseSerialGC -Xmx"$XMX" -XX:+ExitOnOutOfMemoryError
wait_for "$BASE/healthz"
echo "server: java -XX:+UseSerialGC -Xmx$XMX -XX:+ExitOnOutOfMemoryError -jar $JAR_NAME; $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"
status=0
/usr/bin/python3 "$ROOT/bench/soak.py" "$BASE" "$SERVER" "$WORK/server.log" "$DURATION" "$CLIENTS" || status=1
require_server "$WORK/server.log"
echo "peak resident memory: $(( $(peak_rss_kb) / 1024 )) MB"
echo "server log: $(grep -c ' WARN ' "$WORK/server.log" || true) WARN lines, $(grep -c ' ERROR ' "$WORK/server.log" || true) ERROR lines;"\
  "their first lines:"; { grep -E ' (WARN|ERROR) ' "$WORK/server.log" || true; } | cut -c1-220 | sort | uniq -c | sort -rn | head -10
[ -n "${KEEP_LOG:-}" ] && cp "$WORK/server.log" "$KEEP_LOG"
exit $status
