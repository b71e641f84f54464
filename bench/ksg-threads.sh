#!/usr/bin/env bash
# Issue 23: the KSG estimate on one and on two threads beside scikit-learn's mutual_info_regression, on
# the very same data: bench/samples.py generate-numeric writes N normal pairs (rho 0.5, numpy's
# default_rng(1)) exactly as its ksg-time command draws them, and KsgTiming reads that file. Each
# measurement is a fresh process (so "first" is a cold JVM's estimate); the runs are interleaved, with
# the load average before each, and the medians over the runs are printed as a table.
# Usage: bench/ksg-threads.sh [RUNS] [ROWS ...]   (default 3 runs of 100000 and 1000000 rows)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-3}
shift || true
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(100000 1000000)
mvn -B -q -ntp -Pbench test-compile
CP=target/classes:target/test-classes:$(mvn -B -q -ntp dependency:build-classpath -Dmdep.outputFile=/dev/stdout)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
for n in "${SIZES[@]}"; do
  /usr/bin/python3 bench/samples.py generate-numeric "$n" "$WORK/pairs-$n.csv" 1 0.5
done
for run in $(seq "$RUNS"); do
  for n in "${SIZES[@]}"; do
    for threads in 1 2; do
      load=$(cut -d' ' -f1-3 /proc/loadavg)
      echo "ours $n $threads $run $load $(java -cp "$CP" miexplorer.bench.KsgTiming "$WORK/pairs-$n.csv" 0.5 1 3 "$threads")" >>"$WORK/results"
    done
    load=$(cut -d' ' -f1-3 /proc/loadavg)
    echo "sklearn $n 1 $run $load $(/usr/bin/python3 bench/samples.py ksg-time "$n" 0.5 1)" >>"$WORK/results"
    echo "run $run, $n rows done (load average $load)" >&2
  done
done
/usr/bin/python3 - "$WORK/results" <<'EOF'
import json, statistics, sys
rows = {}
loads = []
for line in open(sys.argv[1]):
    kind, n, threads, run, l1, l5, l15, js = line.split(" ", 7)
    loads.append(float(l1))
    rows.setdefault((int(n), kind, int(threads)), []).append(json.loads(js))
med = lambda rs, key: statistics.median(r[key] for r in rs)
print("| rows | threads | ours, first estimate (cold JVM) | ours, warm (fastest of 3) | one shuffle | scikit-learn | sklearn / ours, cold | sklearn / ours, warm | nats, ours | nats, scikit-learn |")
print("|---|---|---|---|---|---|---|---|---|---|")
for n in sorted({k[0] for k in rows}):
    sk = rows[(n, "sklearn", 1)]
    theirs = med(sk, "seconds")
    for threads in (1, 2):
        rs = rows[(n, "ours", threads)]
        cold, warm = med(rs, "seconds"), med(rs, "fastestSeconds")
        print("| %d | %d | %.2f s | %.2f s | %.2f s | %.2f s | %.1f× | %.1f× | %.15f | %.15f |" % (
            n, threads, cold, warm, med(rs, "shuffleSeconds"), theirs, theirs / cold, theirs / warm,
            rs[0]["nats"], sk[0]["nats"]))
print()
print()
print("each measurement (rows, threads, run, 1-minute load average before it: seconds first / warm / one shuffle):")
for line in open(sys.argv[1]):
    kind, n, threads, run, l1, l5, l15, js = line.split(" ", 7)
    r = json.loads(js)
    if kind == "ours":
        print("  ours    %7s rows, %s thread(s), run %s, load %s: %.2f / %.2f / %.2f s" % (
            n, threads, run, l1, r["seconds"], r["fastestSeconds"], r["shuffleSeconds"]))
    else:
        print("  sklearn %7s rows, run %s, load %s: %.2f s" % (n, run, l1, r["seconds"]))
cores = next(r["cores"] for k, v in rows.items() if k[1] == "ours" for r in v)
version = next(r["sklearn"] for k, v in rows.items() if k[1] == "sklearn" for r in v)
runs = len(next(iter(rows.values())))
print("medians of %d runs; 1-minute load average before each measurement %.2f to %.2f (median %.2f); %d cores; scikit-learn %s"
      % (runs, min(loads), max(loads), statistics.median(loads), cores, version))
EOF
