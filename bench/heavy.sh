#!/usr/bin/env bash
# Issue 21's heavy load: the jar started with the Procfile's flags (-XX:+UseSerialGC -Xmx128m
# -XX:+ExitOnOutOfMemoryError, its class-data archive), six concurrent uploads of a 10^6-row numeric CSV
# (40 MB) with the nearest-neighbour estimate, API and page mixed, while one client times light requests
# (/mi, its htmx fragment, /attention, /api/mi, /healthz). Reports each upload's status (200, or 503 with
# Retry-After), the light requests' p95 idle and during the uploads, and the server log's 5xx causes
# and OutOfMemoryErrors.
# Usage: bench/heavy.sh      Settings: UPLOADS (6), ROWS (1000000), XMX (128m), PORT (7171), NO_BUILD=1
set -euo pipefail
source "$(dirname "$0")/lib.sh"
UPLOADS=${UPLOADS:-6}
ROWS=${ROWS:-1000000}
XMX=${XMX:-128m}
build_jar
check_port_free
WORK=$(mktemp -d)
trap 'stop_server; rm -rf "$WORK"' EXIT
prepare_jar "$WORK/under-test.jar"
/usr/bin/python3 "$ROOT/bench/samples.py" generate-numeric "$ROWS" "$WORK/pairs.csv" 1 0.5
# EXIT_ON_OOM=0 leaves out -XX:+ExitOnOutOfMemoryError, for a jar from before the Procfile had it.
OOM_OPTS=(); [ "${EXIT_ON_OOM:-1}" = 1 ] && OOM_OPTS=(-XX:+ExitOnOutOfMemoryError)
start_server "$WORK/server.log" -XX:+UseSerialGC -Xmx"$XMX" "${OOM_OPTS[@]}"
wait_for "$BASE/healthz"
echo "server: java -XX:+UseSerialGC -Xmx$XMX ${OOM_OPTS[*]} -jar $JAR_NAME; $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"
status=0
/usr/bin/python3 "$ROOT/bench/heavy.py" "$BASE" "$WORK/pairs.csv" "$UPLOADS" 10 || status=1
require_server "$WORK/server.log"
echo "server log: $(grep -c 'OutOfMemoryError' "$WORK/server.log" || true) × OutOfMemoryError, $(grep -c ' ERROR ' "$WORK/server.log" || true) ERROR lines"
grep -q OutOfMemoryError "$WORK/server.log" && status=1
echo "peak resident memory: $(( $(peak_rss_kb) / 1024 )) MB"
exit $status
