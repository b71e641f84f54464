#!/usr/bin/env bash
# Start-up time of the packaged jar (issue 6): RUNS times (5), start java -jar and poll GET /mi
# every 10 ms until it answers 200; print the time from launch to that first full page.
#
#   bench/startup.sh            XMX=64m RUNS=10 bench/startup.sh
#
# Environment: PORT (7171), RUNS (5), XMX (a heap limit, none by default), JVM_OPTS (java
# options; -XX:+UseSerialGC, as the Procfile, unless set), CDS=0 (no class-data archive), NO_BUILD=1, OUT (also
# write the report to this file). Bounded: each run gives up after 20 s. Only 127.0.0.1 is contacted.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
RUNS=${RUNS:-5}
XMX=${XMX:-}
WORK=$(mktemp -d)
trap 'stop_server; rm -rf "$WORK"' EXIT

build_jar
check_port_free
java_options
: >"$WORK/times"
prepare_jar "$WORK/server.log" # the copy start_server runs, and its archive, made before the clock starts
for run in $(seq 1 "$RUNS"); do
  t0=$(date +%s%N)
  start_server "$WORK/server.log" "${JAVA_OPTS[@]}"
  wait_for "$BASE/mi"
  t1=$(date +%s%N)
  stop_server
  echo $(((t1 - t0) / 1000000)) >>"$WORK/times"
done
{
  echo "Start-up to the first answered GET /mi, $(date -u +%Y-%m-%dT%H:%MZ), load average $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "java ${ARCHIVE_OPTS[*]:+-XX:SharedArchiveFile=(its archive) }${JAVA_OPTS[*]:-(default heap)} -jar $JAR_NAME, $RUNS runs, ms: $(paste -sd' ' "$WORK/times")"
  sort -n "$WORK/times" | awk '{a[NR] = $1} END {printf "median %d ms, fastest %d ms, slowest %d ms; budget under 1000 ms: %s\n",
    (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2), a[1], a[NR], a[NR] < 1000 ? "PASS" : "FAIL (slowest run)"}'
} | tee "$WORK/report"
[ -n "${OUT:-}" ] && cp "$WORK/report" "$OUT"
exit 0
