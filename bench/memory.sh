#!/usr/bin/env bash
# Issue 7's memory check: a 50 MB, 10^6-row CSV posted to POST /api/samples (the body as a stream) and
# to POST /data (a multipart upload, as the page sends it), to the packaged jar run with a small heap.
# Prints, per heap size, each request's status and time (curl's time_total, upload included) and the
# server's peak resident memory (VmHWM in /proc/PID/status) after start-up, after the requests to the
# API, and after the uploads to the page.
# Usage: bench/memory.sh [HEAPS] [RUNS]   e.g. bench/memory.sh "128m 64m" 3   (needs curl, python3)
set -euo pipefail
cd "$(dirname "$0")/.."
HEAPS=${1:-"128m 64m"}
RUNS=${2:-3}
PORT=${PORT:-7272}
FILE=$(mktemp --suffix=.csv)
trap 'rm -f "$FILE"; [ -n "${APP:-}" ] && kill "$APP" 2>/dev/null || true' EXIT

[ -f target/mi-explorer.jar ] || mvn -q -B package -DskipTests
/usr/bin/python3 bench/samples.py generate 1000000 "$FILE" 7 3
echo "file: 1000000 rows, $(stat -c %s "$FILE") bytes; $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
hwm() { grep VmHWM "/proc/$APP/status" | awk '{print $2 / 1024 " MB"}'; }
for heap in $HEAPS; do
  PORT=$PORT java -Xmx"$heap" -jar target/mi-explorer.jar >/dev/null 2>&1 &
  APP=$!
  for _ in $(seq 100); do curl -s -o /dev/null "http://127.0.0.1:$PORT/healthz" && break; sleep 0.2; done
  curl -s -o /dev/null "http://127.0.0.1:$PORT/data"
  echo "-Xmx$heap: peak RSS after start-up and GET /data: $(hwm)"
  for i in $(seq "$RUNS"); do
    echo "  POST /api/samples run $i: $(curl -s -o /tmp/mi-memory-answer.json -w '%{http_code} %{time_total} s' \
      -H 'Content-Type: text/csv' --data-binary @"$FILE" "http://127.0.0.1:$PORT/api/samples?x=city&y=brand&base=e")"
  done
  /usr/bin/python3 -c 'import json; d = json.load(open("/tmp/mi-memory-answer.json")); print("    n =", d["n"], " I =", repr(d["mutualInformation"]), "nats")'
  echo "  peak RSS after the API: $(hwm)"
  for i in $(seq "$RUNS"); do
    echo "  POST /data (multipart, htmx) run $i: $(curl -s -o /tmp/mi-memory-page.html -w '%{http_code} %{time_total} s' \
      -H 'HX-Request: true' -F x=city -F y=brand -F base=e -F permutations=0 -F file=@"$FILE" "http://127.0.0.1:$PORT/data")"
  done
  grep -o 'id="est-mi">[^<]*' /tmp/mi-memory-page.html | sed 's/^/    /'
  echo "  peak RSS after the page's uploads: $(hwm)"
  kill "$APP"; wait "$APP" 2>/dev/null || true; APP=
done
