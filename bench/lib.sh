# Shared by the bench/ scripts: build the jar, start and stop it on 127.0.0.1. Sourced, not run.

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# JAR=path measures that jar as it is (an older build, say); by default the project's, built first.
if [ -n "${JAR:-}" ]; then
  NO_BUILD=1
else
  JAR="$ROOT/target/mi-explorer.jar"
fi
HOST=127.0.0.1
PORT=${PORT:-7171}
BASE="http://$HOST:$PORT"
SERVER=""

# The packaged jar, built first unless NO_BUILD=1.
build_jar() {
  if [ "${NO_BUILD:-0}" != 1 ]; then
    (cd "$ROOT" && mvn -B -q package -DskipTests) >&2
  fi
  [ -f "$JAR" ] || { echo "no $JAR: build it with mvn package -DskipTests" >&2; exit 2; }
  JAR_NAME=${JAR#"$ROOT/"}
}

# Refuses to start when something already answers on PORT (another engineer's server, say).
check_port_free() {
  if curl -s -o /dev/null --max-time 1 "$BASE/"; then
    echo "something already answers on $BASE; set PORT to a free port" >&2
    exit 2
  fi
}

# The server's java options in JAVA_OPTS: -Xmx$XMX when XMX is set, then JVM_OPTS, which is the
# Procfile's collector (-XX:+UseSerialGC) unless set (JVM_OPTS= runs with the JVM's defaults).
java_options() {
  JAVA_OPTS=()
  if [ -n "${XMX:-}" ]; then JAVA_OPTS+=("-Xmx$XMX"); fi
  local extra=${JVM_OPTS--XX:+UseSerialGC}
  # shellcheck disable=SC2206 # a list of options, split on spaces
  if [ -n "$extra" ]; then JAVA_OPTS+=($extra); fi
}

# A copy of the jar beside the file $1, so a rebuild of target/ during a run cannot change the jar
# under test, and its class-data archive: the JVM only uses an archive made for the jar at that path,
# so it is made again here the way the build makes target/mi-explorer.jsa (miexplorer.Warmup). A jar
# without Warmup (an older build) runs without one. CDS=0 skips the archive.
prepare_jar() {
  local dir
  dir=$(dirname "$1")
  COPY="$dir/under-test.jar"
  ARCHIVE_OPTS=()
  [ -f "$COPY" ] || cp "$JAR" "$COPY"
  if [ "${CDS:-1}" = 1 ] && unzip -l "$COPY" miexplorer/Warmup.class >/dev/null 2>&1; then
    [ -f "$dir/under-test.jsa" ] || java -XX:ArchiveClassesAtExit="$dir/under-test.jsa" -Xlog:disable -Xlog:all=error:stderr \
      -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$COPY" miexplorer.Warmup >&2
    ARCHIVE_OPTS=(-XX:SharedArchiveFile="$dir/under-test.jsa")
  fi
}

# Starts the jar as the Procfile does (with its class-data archive) in the background: its output
# goes to the file $1, extra JVM options follow. Call prepare_jar first.
start_server() {
  local log=$1
  shift
  PORT=$PORT java "${ARCHIVE_OPTS[@]}" "$@" -jar "$COPY" >"$log" 2>&1 &
  SERVER=$!
}

# Waits (at most 20 s) until GET $1 answers 200.
wait_for() {
  local url=$1
  for _ in $(seq 1 2000); do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "$url")" = 200 ]; then
      return 0
    fi
    kill -0 "$SERVER" 2>/dev/null || { echo "the server exited during start-up" >&2; return 1; }
    sleep 0.01
  done
  echo "no answer from $url after 20 s" >&2
  return 1
}

stop_server() {
  if [ -n "$SERVER" ] && kill -0 "$SERVER" 2>/dev/null; then
    kill "$SERVER"
    wait "$SERVER" 2>/dev/null || true
  fi
  SERVER=""
}

# Peak resident memory of the server so far, in kB (VmHWM).
peak_rss_kb() {
  awk '/^VmHWM:/ {print $2}' "/proc/$SERVER/status"
}

# Stops the script when the server is gone (it crashed, or something else ended it).
require_server() {
  if ! kill -0 "$SERVER" 2>/dev/null; then
    echo "the server (pid $SERVER) is no longer running; its log:" >&2
    tail -20 "$1" >&2
    exit 1
  fi
}
