#!/usr/bin/env bash
# Every figure of BENCHMARKS.md except JMH and the /data timings, in one go: build the jar once, then
# start-up, page weight, the load test, the load test again with -Xmx64m (start-up too), and the
# edit latency in a browser. Reports are also
# written to target/bench/. About eight to twelve minutes; only 127.0.0.1 is contacted.
#
#   bench/all.sh
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p target/bench
mvn -B -q package -DskipTests || exit 2
export NO_BUILD=1
STATUS=0
{
  echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GB", $2 / 1048576}' /proc/meminfo) memory, $(java -version 2>&1 | head -1)"
} | tee target/bench/machine.txt
OUT=target/bench/startup.txt bench/startup.sh || STATUS=1
OUT=target/bench/startup-64m.txt XMX=64m bench/startup.sh || STATUS=1
OUT=target/bench/weight.txt bench/weight.sh || STATUS=1
OUT=target/bench/weight-course.txt PAGE=/ bench/weight.sh || STATUS=1
OUT=target/bench/load.txt bench/load.sh || STATUS=1
OUT=target/bench/load-64m.txt XMX=64m bench/load.sh || STATUS=1
OUT=target/bench/latency.txt bench/latency.sh || STATUS=1
exit $STATUS
