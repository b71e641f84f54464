#!/usr/bin/env bash
# Issue 21: a build in the same checkout while the app runs from target/mi-explorer.jar (the README's run
# and test commands side by side, or a redeploy in place) must leave the running jar's bytes as they were,
# and the running server answering. Starts the jar as the README does, keeps a hard link to the file it
# runs from, rebuilds (the test command's packaging, without the tests), then checks the file's hash and
# asks for error paths, which needed classes the server had not loaded yet.
# Usage: bench/rebuild.sh [PORT]   (about a minute: two builds)
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${1:-7398}
base=http://127.0.0.1:$PORT
work=$(mktemp -d)
mvn -q -B -DskipTests package
PORT=$PORT java -XX:SharedArchiveFile=target/mi-explorer.jsa -jar target/mi-explorer.jar >"$work/log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; sleep 1; kill -9 $pid 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 100); do curl -s -o /dev/null "$base/healthz" && break; sleep 0.2; done
ln target/mi-explorer.jar "$work/running.jar" # the same file the server opened
before=$(sha256sum <"$work/running.jar")
for p in / /mi /healthz; do curl -s -o /dev/null "$base$p"; done
mvn -q -B -DskipTests verify
after=$(sha256sum <"$work/running.jar")
status() { curl -s -o /dev/null -m 10 -w '%{http_code}' "$@" || true; }
nf=$(status "$base/no-such-page")
bad=$(status -H 'Content-Type: application/json' --data '{bad' "$base/api/mi")
health=$(status "$base/healthz")
echo "running jar's bytes: $([ "$before" = "$after" ] && echo unchanged || echo CHANGED) by the rebuild; target/mi-explorer.jar is now another file: $([ "$(stat -c %i target/mi-explorer.jar)" != "$(stat -c %i "$work/running.jar")" ] && echo yes || echo NO)"
echo "after the rebuild: GET /no-such-page $nf, POST /api/mi bad JSON $bad, GET /healthz $health (000: no answer in 10 s)"
echo "log lines with ERROR: $(grep -c ERROR "$work/log" || true)"
[ "$before" = "$after" ] && [ "$nf" = 404 ] && [ "$bad" = 400 ] && [ "$health" = 200 ]
