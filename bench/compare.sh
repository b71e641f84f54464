#!/usr/bin/env bash
# Issue 7's comparison: POST /api/samples on a 10^6-row CSV against pandas.read_csv +
# sklearn.metrics.mutual_info_score on the same file (bench/samples.py; imports excluded).
# The app runs with a 256 MB heap to show the upload is streamed, not held in memory.
# Usage: bench/compare.sh [ROWS] [RUNS]   (needs Debian's python3-pandas and python3-sklearn, curl)
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${1:-1000000}
RUNS=${2:-5}
PORT=${PORT:-7391}
FILE=$(mktemp --suffix=.csv)
trap 'rm -f "$FILE"; [ -n "${APP:-}" ] && kill "$APP" 2>/dev/null || true' EXIT

[ -f target/mi-explorer.jar ] || mvn -q -B package -DskipTests
/usr/bin/python3 bench/samples.py generate "$ROWS" "$FILE"
echo "file: $ROWS rows, $(stat -c %s "$FILE") bytes"
PORT=$PORT java -Xmx256m -jar target/mi-explorer.jar >/dev/null 2>&1 &
APP=$!
for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$PORT/data" && break; sleep 0.2; done

echo "interleaved runs: ours = POST /api/samples?x=city&y=brand&base=e (curl's time_total, upload included;"
echo "run 1 is the first request after the server started), theirs = pandas.read_csv + mutual_info_score (imports excluded)"
for i in $(seq "$RUNS"); do
  ours=$(curl -s -o /tmp/mi-samples-answer.json -w "%{time_total}" \
    -H 'Content-Type: text/csv' --data-binary @"$FILE" "http://127.0.0.1:$PORT/api/samples?x=city&y=brand&base=e")
  theirs=$(/usr/bin/python3 bench/samples.py sklearn "$FILE")
  echo "  run $i: ours $ours s, theirs $(echo "$theirs" | /usr/bin/python3 -c 'import json, sys; print("%.3f" % json.load(sys.stdin)["seconds"])') s"
done
/usr/bin/python3 -c 'import json; d = json.load(open("/tmp/mi-samples-answer.json")); print("  ours:   I =", repr(d["mutualInformation"]), "nats, n =", d["n"])'
echo "$theirs" | /usr/bin/python3 -c 'import json, sys; d = json.load(sys.stdin); print("  theirs: I =", repr(d["mutualInformationNats"]), "nats (pandas %s, scikit-learn %s)" % (d["pandas"], d["sklearn"]))'
echo "  peak resident memory of the server (JVM with a 256 MB heap): $(grep VmHWM /proc/$APP/status | awk '{print $2, $3}')"
