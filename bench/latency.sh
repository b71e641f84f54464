#!/usr/bin/env bash
# Edit-to-result latency in a real browser (issue 13): build and start the jar, then drive headless
# Debian Chromium with bench/browser/latency.js (playwright-core from the npm registry, installed
# into bench/browser/node_modules on first use; it downloads no browser), 200 edits per scenario.
#
#   bench/latency.sh
#
# Environment: EDITS (200), PORT (7171), NO_BUILD=1, JAR, OUT (also write the report to this file),
# CHROMIUM (/usr/bin/chromium). Only 127.0.0.1; about five minutes.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
EDITS=${EDITS:-200}
WORK=$(mktemp -d)
trap 'stop_server; rm -rf "$WORK"' EXIT
[ -x "${CHROMIUM:-/usr/bin/chromium}" ] || { echo "no Chromium: apt-get install -y chromium" >&2; exit 2; }
if [ ! -d "$ROOT/bench/browser/node_modules/playwright-core" ]; then
  (cd "$ROOT/bench/browser" && npm ci --no-audit --no-fund --silent)
fi

build_jar
check_port_free
java_options
prepare_jar "$WORK/server.log"
start_server "$WORK/server.log" "${JAVA_OPTS[@]}"
wait_for "$BASE/healthz"
# Warm the server's compilers on the routes measured, so the first edits do not measure the JIT.
node "$ROOT/bench/browser/latency.js" "$BASE" 40 >/dev/null
node "$ROOT/bench/browser/latency.js" "$BASE" "$EDITS" | tee "$WORK/report"
echo "server: java ${JAVA_OPTS[*]} -jar $JAR_NAME; load average $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$WORK/report"
[ -n "${OUT:-}" ] && cp "$WORK/report" "$OUT"
exit 0
