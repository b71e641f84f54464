package miexplorer.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * CPU time per operation ({@code -prof miexplorer.bench.CpuTimeProfiler}): {@code cpu.worker} is
 * the CPU time of JMH's worker threads, the benchmark code itself; {@code cpu.process} is the whole
 * JVM's (with the JIT compiler and the garbage collector). On a machine whose cores other work also
 * uses, wall-clock time per operation swings with that load; the CPU the benchmark spends swings
 * much less.
 */
public final class CpuTimeProfiler implements InternalProfiler {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private long process;
    private long workers;

    private static long processNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** CPU time of the threads JMH runs the benchmark in (named "…-jmh-worker-N"). */
    private static long workerNanos() {
        long sum = 0;
        for (ThreadInfo t : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (t != null && t.getThreadName().contains("-jmh-worker-")) {
                long cpu = THREADS.getThreadCpuTime(t.getThreadId());
                sum += Math.max(cpu, 0);
            }
        }
        return sum;
    }

    @Override
    public String getDescription() {
        return "CPU time per operation: benchmark threads, and the whole JVM";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        process = processNanos();
        workers = workerNanos();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
            IterationResult result) {
        long ops = result.getMetadata().getAllOps();
        double w = ops == 0 ? Double.NaN : (workerNanos() - workers) / 1000.0 / ops;
        double p = ops == 0 ? Double.NaN : (processNanos() - process) / 1000.0 / ops;
        return List.of(new ScalarResult("cpu.worker", w, "us/op", AggregationPolicy.AVG),
                new ScalarResult("cpu.process", p, "us/op", AggregationPolicy.AVG));
    }
}
