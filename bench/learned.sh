#!/usr/bin/env bash
# Issue 20: one run of the learned-attention experiment (AttentionExperiment.run: task, training, held-out
# figures, 99 shuffles) with each rule's defaults, pinned to one core (taskset -c 0), in RUNS fresh JVMs:
# the first run of each is a cold JVM's, then the fastest of 5 in the same JVM. With "largest", the
# largest settings allowed instead of the defaults.
# Usage: bench/learned.sh [RUNS] [largest]   (default 3 runs of the defaults)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-3}
WHAT=${2:-}
mvn -B -q -ntp -Pbench test-compile
CP=target/classes:target/test-classes:$(mvn -B -q -ntp dependency:build-classpath -Dmdep.outputFile=/dev/stdout)
for run in $(seq "$RUNS"); do
  echo "run $run, load average $(cut -d' ' -f1-3 /proc/loadavg)"
  taskset -c 0 java -cp "$CP" miexplorer.bench.LearnedTiming 5 $WHAT
done
