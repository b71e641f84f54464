#!/usr/bin/env bash
# Load test of the packaged jar (issue 6): build it, start it, warm it up, drive each route with wrk
# over 127.0.0.1, print requests/s, p50 and p99 latency, errors and each route's throughput as a
# ratio to the floor (GET /healthz) of the same run, then stop the server.
#
# Each htmx fragment is also measured against its payload floor (issue 13): the same server started
# with MI_BENCH=1 stores a copy of the fragment's answer and sends it back from memory with the same
# headers, for the same request (StoredAnswers). "x bytes" is the fragment's throughput over that
# route's in the same round: what rendering costs on top of sending those bytes. The budget: the
# weather fragment at 0.7 x its payload floor or more.
#
#   bench/load.sh               XMX=64m bench/load.sh (the same with java -Xmx64m)
#
# Requests say "Accept-Encoding: gzip", as every browser does, so answers of 1500 bytes or more come
# compressed (GZIP=0 asks for them uncompressed, as wrk does by default and as runs before 6 December
# 2026 measured them). ACCEPT_ENCODING sets the header itself: "gzip, deflate, br, zstd" is Chromium's
# (issue 23). The server compresses as its COMPRESSION setting says (zstd:3,gzip:2 by default).
#
# Environment: PORT (7171), ROUNDS (3), DURATION seconds per route per round (5), WARMUP seconds per
# route at least (5), WARMUP_MAX seconds per route at most (90), ONLY (a regular expression: only the
# routes whose names match, and the floor), CONNECTIONS (16), THREADS (wrk
# threads, 1), XMX (a heap limit, none by default), JVM_OPTS (java options; -XX:+UseSerialGC, as the
# Procfile, unless set), CDS=0 (no class-data archive), NO_BUILD=1 (use target/mi-explorer.jar as it
# is), JAR (measure this jar instead, unbuilt), OUT (also write the report to this file).
#
# Warm-up: each route is driven for WARMUP seconds, then for 5 more seconds at a time until two such
# slices in a row find at most 5 methods waiting for or in the JIT compilers (jcmd Compiler.queue,
# sampled under load), up to WARMUP_MAX seconds.
# On this project's two shared cores the queue holds hundreds of methods for the first 20-50 seconds
# of load, and the explorer's templates run at a fraction of their speed until C2 has compiled them:
# a measurement taken before that measures the compiler, not the app.
#
# Bounded: each wrk run stops after its -d seconds and is killed by `timeout` soon after; the warm-up
# takes 15 to WARMUP_MAX seconds per route and the measurement ROUNDS x 6 runs of DURATION seconds,
# so the whole test takes three to eleven minutes with the defaults (about four on a quiet machine).
# Only 127.0.0.1 is contacted. Exit status 1 when a budget fails.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

DURATION=${DURATION:-5}
ROUNDS=${ROUNDS:-3}
WARMUP=${WARMUP:-5}
WARMUP_MAX=${WARMUP_MAX:-90}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-1}
XMX=${XMX:-}
GZIP=${GZIP:-1}
if [ -z "${ACCEPT_ENCODING+set}" ]; then
  ACCEPT_ENCODING=$([ "$GZIP" = 1 ] && echo gzip || true)
fi
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }

WORK=$(mktemp -d)
trap 'stop_server; rm -rf "$WORK"' EXIT

# ---- request bodies --------------------------------------------------------------------------
# The weather table as the explorer's form posts it.
printf '%s' 'x=Weather&y=Forecast&xl=Rain&xl=Sun&yl=Forecast+rain&yl=Forecast+sun&c=0.36&c=0.04&c=0.12&c=0.48&kind=probabilities&base=2&digits=3' >"$WORK/weather.form"
# A 32 x 32 table of counts (the same as the JMH fixture): 1 + (7i + 13j) mod 20, plus 40 on the diagonal.
awk 'BEGIN {
  printf "x=Row&y=Column";
  for (i = 0; i < 32; i++) printf "&xl=r%d", i + 1;
  for (j = 0; j < 32; j++) printf "&yl=c%d", j + 1;
  for (i = 0; i < 32; i++) for (j = 0; j < 32; j++) printf "&c=%d", 1 + (7 * i + 13 * j) % 20 + (i == j ? 40 : 0);
  printf "&kind=counts&base=2&digits=3";
}' >"$WORK/t32.form"
printf '%s' '{"p": [[0.36, 0.04], [0.12, 0.48]], "xLabels": ["Rain", "Sun"], "yLabels": ["Forecast rain", "Forecast sun"]}' >"$WORK/api.json"
# The attention explorer's default sentence as its form posts it.
printf '%s' 'ql=sat&q=1%2C+0%2C+1%2C+0&kl=the&k=1%2C+0%2C+1%2C+0&v=1%2C+0&kl=cat&k=0%2C+1%2C+0%2C+1&v=0%2C+1&kl=mat&k=1%2C+1%2C+0%2C+0&v=0.5%2C+0.5&scale=0&scale=1&temp=1' >"$WORK/attention.form"

FORM=application/x-www-form-urlencoded
# name | path | body file (empty: GET) | content type | HX-Request | text the answer must contain
# A route named "stored: X" sends back the answer of route X, stored once (its payload floor).
ROUTES=(
  "floor|/healthz|||0|ok"
  "GET /mi (page)|/mi|||0|<!DOCTYPE html>"
  "POST /mi weather (fragment)|/mi|$WORK/weather.form|$FORM|1|0.378 bits"
  "stored: POST /mi weather (fragment)|/bench/stored/weather|$WORK/weather.form|$FORM|1|0.378 bits"
  "POST /mi 32x32 (fragment)|/mi|$WORK/t32.form|$FORM|1|gets one line here rather than its full working"
  "stored: POST /mi 32x32 (fragment)|/bench/stored/t32|$WORK/t32.form|$FORM|1|gets one line here rather than its full working"
  "POST /api/mi|/api/mi|$WORK/api.json|application/json|0|\"mutualInformation\":0.378"
  "POST /attention (fragment)|/attention|$WORK/attention.form|$FORM|1|0.506"
  "stored: POST /attention (fragment)|/bench/stored/attention|$WORK/attention.form|$FORM|1|0.506"
)

# ONLY (a regular expression) keeps the routes whose names match it, and the floor.
if [ -n "${ONLY:-}" ]; then
  kept=()
  for r in "${ROUTES[@]}"; do
    name=${r%%|*}
    if [ "$name" = floor ] || [[ $name =~ $ONLY ]]; then kept+=("$r"); fi
  done
  ROUTES=("${kept[@]}")
fi

# ---- start -----------------------------------------------------------------------------------
build_jar
check_port_free
java_options
prepare_jar "$WORK/server.log"
export MI_BENCH=1 # the routes of the payload floors
start_server "$WORK/server.log" "${JAVA_OPTS[@]}"
wait_for "$BASE/healthz"

# curl with the route's method, headers and body.
curl_route() {
  local path=$1 body=$2 type=$3 hx=$4
  shift 4
  local args=(-s "$@")
  [ -n "$body" ] && args+=(-H "Content-Type: $type" --data-binary "@$body")
  [ "$hx" = 1 ] && args+=(-H "HX-Request: true")
  [ -n "$ACCEPT_ENCODING" ] && args+=(-H "Accept-Encoding: $ACCEPT_ENCODING")
  curl "${args[@]}" "$BASE$path"
}

# wrk on one route for $5 seconds; prints the RESULT line.
wrk_route() {
  local path=$1 body=$2 type=$3 hx=$4 seconds=$5
  WRK_BODY=$body WRK_CONTENT_TYPE=$type WRK_HX=$hx WRK_ACCEPT_ENCODING=$ACCEPT_ENCODING timeout $((seconds + 15)) \
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${seconds}s" --timeout 5s -s "$ROOT/bench/wrk/route.lua" "$BASE$path" |
    grep '^RESULT'
}

# ---- store each payload floor, check each route once, then warm up ----------------------------
for r in "${ROUTES[@]}"; do
  IFS='|' read -r name path body type hx marker <<<"$r"
  [[ $path == /bench/stored/* ]] || continue
  for source in "${ROUTES[@]}"; do
    IFS='|' read -r sname spath sbody stype shx _ <<<"$source"
    [ "stored: $sname" = "$name" ] || continue
    curl_route "$spath" "$sbody" "$stype" "$shx" --compressed -D "$WORK/stored.headers" -o "$WORK/stored.body"
    push=$(awk 'tolower($1) == "hx-push-url:" {print $2}' "$WORK/stored.headers" | tr -d '\r')
    curl -s -o /dev/null -X PUT ${push:+-H "HX-Push-Url: $push"} --data-binary "@$WORK/stored.body" "$BASE$path"
  done
done
declare -A SIZE
for r in "${ROUTES[@]}"; do
  IFS='|' read -r name path body type hx marker <<<"$r"
  meta=$(curl_route "$path" "$body" "$type" "$hx" --compressed -o "$WORK/answer" -w '%{http_code} %{size_download}')
  read -r code size <<<"$meta"
  if [ "$code" != 200 ] || ! grep -qF -- "$marker" "$WORK/answer"; then
    echo "FAIL: $name answered $code without \"$marker\"" >&2
    exit 1
  fi
  SIZE["$name body"]=$size
  # What wrk counts per answer: the headers and the body as sent (with its chunked framing).
  SIZE[$name]=$(curl_route "$path" "$body" "$type" "$hx" --raw -o /dev/null -w '%{size_header} %{size_download}' | awk '{print $1 + $2}')
done
# The JIT's backlog: methods being compiled or waiting in the compilers' queues (jcmd lists each on
# a line of its own). Sampled while a route is under load: once the load stops, the compilers drop
# queued methods that are no longer called, so an idle queue is always short.
jit_backlog() { jcmd "$SERVER" Compiler.queue 2>/dev/null | grep -cE '^ *[0-9]|CompilerThread' || true; }
# Drives a route for 5 seconds and prints the JIT's backlog 4 seconds in.
warm_slice() {
  wrk_route "$@" 5 >/dev/null &
  local driver=$!
  sleep 4
  jit_backlog
  wait "$driver" || true
}
WARMED=""
for r in "${ROUTES[@]}"; do
  IFS='|' read -r name path body type hx marker <<<"$r"
  wrk_route "$path" "$body" "$type" "$hx" "$WARMUP" >/dev/null
  waited=$WARMUP
  # Until two slices in a row find at most 5 methods in the backlog.
  before=999
  backlog=999
  while { [ "$backlog" -gt 5 ] || [ "$before" -gt 5 ]; } && [ "$waited" -lt "$WARMUP_MAX" ]; do
    before=$backlog
    backlog=$(warm_slice "$path" "$body" "$type" "$hx")
    waited=$((waited + 5))
  done
  WARMED="$WARMED$name ${waited}s (JIT backlog $before, then $backlog); "
done

# ---- measure ---------------------------------------------------------------------------------
# ROUNDS rounds; each measures the floor and then every route. Other processes share the two cores,
# so each route's ratio is taken against the floor of its own round, and the medians are reported.
# Beside throughput, the server's own CPU time per request (utime + stime from /proc, divided by the
# requests answered) is much less disturbed by other load: "cpu x floor" is the floor's CPU per
# request over the route's, the throughput ratio the route would have if the server were the only
# thing using the CPU.
TICK=$(getconf CLK_TCK)
server_cpu_ticks() { awk '{print $14 + $15}' "/proc/$SERVER/stat"; }
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)" >"$WORK/load-before"
: >"$WORK/runs"
for round in $(seq 1 "$ROUNDS"); do
  for r in "${ROUTES[@]}"; do
    IFS='|' read -r name path body type hx marker <<<"$r"
    require_server "$WORK/server.log"
    cpu0=$(server_cpu_ticks)
    line=$(wrk_route "$path" "$body" "$type" "$hx" "$DURATION")
    require_server "$WORK/server.log"
    cpu1=$(server_cpu_ticks)
    # round | name | requests duration bytes status connect read write timeout p50 p99 | size | connections | server CPU ticks
    echo "$round|$name|${line#RESULT }|${SIZE[$name]}|$CONNECTIONS|$((cpu1 - cpu0))" >>"$WORK/runs"
  done
done

# Per route: the median over rounds of req/s, p50, p99 and of the ratio to that round's floor;
# errors summed. "same 200": the answers had the size of the checked 200 (redirects or error pages
# would not), which also catches 3xx answers, which wrk does not count as errors.
awk -F'|' -v tick="$TICK" -v jar="$JAR_NAME" -v rounds="$ROUNDS" -v threads="$THREADS" -v conns="$CONNECTIONS" -v dur="$DURATION" \
    -v heap="${ARCHIVE_OPTS[*]:+-XX:SharedArchiveFile=(its archive) }${JAVA_OPTS[*]:-(default heap)}" -v cores="$(nproc)" -v when="$(date -u +%Y-%m-%dT%H:%MZ)" \
    -v loadavg="$(cut -d' ' -f1-3 /proc/loadavg)" -v encoding="$ACCEPT_ENCODING" '
  function median(list,   a, n, i, j, t) {
    n = split(list, a, " ")
    for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] + 0 > t + 0; j--) a[j + 1] = a[j]; a[j + 1] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  {
    split($3, v, " ")
    requests = v[1]; duration = v[2]; bytes = v[3]; errors = v[4] + v[5] + v[6] + v[7] + v[8]
    rps = requests / (duration / 1e6)
    if (!($2 in seen)) { seen[$2] = 1; order[++routes] = $2 }
    cpu = $6 / tick * 1e6 / requests # microseconds of server CPU per request
    if ($2 == "floor") { floor[$1] = rps; floorcpu[$1] = cpu }
    last[$1, $2] = rps
    if ($2 ~ /^stored: /) { of = substr($2, 9); BYTES[of] = BYTES[of] " " last[$1, of] / rps }
    RPS[$2] = RPS[$2] " " rps; RATIO[$2] = RATIO[$2] " " rps / floor[$1]
    CPU[$2] = CPU[$2] " " cpu; CPURATIO[$2] = CPURATIO[$2] " " floorcpu[$1] / cpu
    P50[$2] = P50[$2] " " v[9] / 1000; P99[$2] = P99[$2] " " v[10] / 1000
    ERR[$2] += errors; N[$2] += requests; size[$2] = $4
    # Every answer the size of the checked 200, give or take 1% (chunk boundaries); up to one
    # partly read answer per connection when wrk stops.
    if (bytes < 0.99 * requests * $4 || bytes > 1.01 * (requests + $5) * $4) BAD[$2]++
  }
  END {
    printf "MI Explorer load test, %s; %d cores shared by wrk and the server; load average %s at the end\n", when, cores, loadavg
    printf "java %s -jar %s; wrk -t%d -c%d, %d rounds of %ds per route after a warm-up of each route (below); %s\n", heap, jar, threads, conns, rounds, dur, encoding != "" ? "Accept-Encoding: " encoding "; server COMPRESSION " (ENVIRON["COMPRESSION"] != "" ? ENVIRON["COMPRESSION"] : "default") : "uncompressed"
    printf "%-36s %7s %7s %7s %8s %8s %7s %8s %8s %7s %9s\n", "route", "req/s", "x floor", "x bytes", "p50 ms", "p99 ms", "errors", "same 200", "requests", "cpu us", "cpu x fl"
    for (k = 1; k <= routes; k++) {
      r = order[k]
      printf "%-36s %7.0f %7.2f %7s %8.2f %8.2f %7d %8s %8d %7.0f %9.2f\n", r, median(RPS[r]), median(RATIO[r]), (r in BYTES) ? sprintf("%.2f", median(BYTES[r])) : "-", median(P50[r]), median(P99[r]), ERR[r], BAD[r] ? "NO" : "yes", N[r], median(CPU[r]), median(CPURATIO[r])
      if (r == "POST /mi weather (fragment)") weather = median(BYTES[r])
      errs += ERR[r]; bad += BAD[r] ? 1 : 0
    }
    printf "SUMMARY %s %d %d\n", weather, errs, bad
  }' "$WORK/runs" >"$WORK/table"
grep -v '^SUMMARY' "$WORK/table" | tee "$WORK/report"
read -r _ WEATHER_RATIO TOTAL_ERRORS MISMATCH < <(grep '^SUMMARY' "$WORK/table")
echo "response bodies: $(for r in "${ROUTES[@]}"; do IFS='|' read -r name _ <<<"$r"; printf '%s %s B; ' "$name" "${SIZE["$name body"]}"; done)" | tee -a "$WORK/report"
echo "warm-up, until the JIT's backlog was at most 5 methods twice in a row: $WARMED" | tee -a "$WORK/report"
cat "$WORK/load-before" >>"$WORK/report"

# ---- verdicts --------------------------------------------------------------------------------
FAILED=0
require_server "$WORK/server.log"
RSS=$(peak_rss_kb)
ALIVE=yes
kill -0 "$SERVER" 2>/dev/null || ALIVE=no
OOM=$(grep -c OutOfMemoryError "$WORK/server.log" || true)
LOGGED=$(grep -c 'ERROR' "$WORK/server.log" || true)
stop_server
SPEED_OK=$(awk -v r="$WEATHER_RATIO" 'BEGIN {print (r >= 0.7) ? "PASS" : "FAIL"}')
CLEAN_OK=FAIL
[ "$TOTAL_ERRORS" = 0 ] && [ "$MISMATCH" = 0 ] && [ "$OOM" = 0 ] && [ "$ALIVE" = yes ] && [ "$LOGGED" = 0 ] && CLEAN_OK=PASS
[ "$SPEED_OK" = PASS ] && [ "$CLEAN_OK" = PASS ] || FAILED=1
{
  echo "server: peak resident memory (VmHWM) $((RSS / 1024)) MB; alive at the end: $ALIVE; OutOfMemoryError in its log: $OOM; ERROR lines in its log: $LOGGED"
  echo "budget: weather fragment >= 0.7 x its payload floor (the same bytes, stored) with zero errors: $WEATHER_RATIO x -> $SPEED_OK"
  echo "budget: no errors, no OutOfMemoryError, every answer the checked 200: $TOTAL_ERRORS errors, $MISMATCH routes with other answers, $OOM OOM -> $CLEAN_OK"
} | tee -a "$WORK/report"
[ -n "${OUT:-}" ] && cp "$WORK/report" "$OUT"
exit "$FAILED"
