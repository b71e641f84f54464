#!/usr/bin/env bash
# The heap each kind of heavy request needs, measured: for each request, the smallest -Xmx (to 2 MB)
# with which one such request on a fresh server (the Procfile's collector) answers 200. The heap of an
# idle server answering /mi is the base; the difference, over the rows, is what a row costs. The
# heavy-work budget's figures per row (web/data/DataDemand) come from here, so the budget is lifted
# (HEAVY_WORK_MB) while they are measured: it would refuse what it thinks too large for the heap.
# Usage: bench/heap.sh [ROWS]   (default 10^6; two files of that many rows are generated)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
ROWS=${1:-1000000}
export HEAVY_WORK_MB=1000000
build_jar
check_port_free
WORK=$(mktemp -d)
trap 'stop_server; rm -rf "$WORK"' EXIT
prepare_jar "$WORK/under-test.jar"
/usr/bin/python3 "$ROOT/bench/samples.py" generate-numeric "$ROWS" "$WORK/pairs.csv" 1 0.5
/usr/bin/python3 "$ROOT/bench/samples.py" generate "$ROWS" "$WORK/categories.csv" 7 2
# ok MB CURL-ARGS...: whether one request answers 200 with -Xmx MB
ok() {
  local mb=$1
  shift
  start_server "$WORK/server.log" -XX:+UseSerialGC -Xmx"${mb}m"
  wait_for "$BASE/healthz" >/dev/null 2>&1 || { stop_server; return 1; }
  local code
  code=$(curl -s -o /dev/null -w '%{http_code}' "$@" || true)
  stop_server
  [ "$code" = 200 ]
}
smallest() {
  local lo=16 hi=512
  while [ $((hi - lo)) -gt 2 ]; do
    local mid=$(((lo + hi) / 2))
    if ok "$mid" "$@"; then hi=$mid; else lo=$mid; fi
  done
  echo "$hi"
}
echo "$ROWS rows: pairs.csv $(stat -c %s "$WORK/pairs.csv") bytes (numbers), categories.csv $(stat -c %s "$WORK/categories.csv") bytes"
idle=$(smallest "$BASE/mi")
echo "idle server answering /mi: -Xmx${idle}m"
report() {
  local name=$1
  shift
  local mb
  mb=$(smallest "$@")
  echo "$name: -Xmx${mb}m, $((mb - idle)) MB over idle, $(( (mb - idle) * 1048576 / ROWS )) bytes a row"
}
report "API, plug-in (categories)" -H 'Content-Type: text/csv' --data-binary @"$WORK/categories.csv" "$BASE/api/samples?x=city&y=brand"
report "API, nearest-neighbour (KSG)" -H 'Content-Type: text/csv' --data-binary @"$WORK/pairs.csv" "$BASE/api/samples?estimator=ksg"
report "page, KSG and the binned curve" -H 'HX-Request: true' -F estimator=ksg -F permutations=0 -F file=@"$WORK/pairs.csv" "$BASE/data"
