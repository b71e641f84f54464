package miexplorer.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the JMH benchmarks: {@code mvn -Pbench process-test-classes}. JMH's own command-line
 * options can be passed in one string, {@code -Djmh.args="-prof gc ViewBenchmark"}; without a
 * pattern every benchmark in this package runs. Results are also written to
 * {@code target/jmh-result.txt}.
 *
 * <p>The templates need many seconds of warm-up before the JIT compiler is done with them (hence
 * ten warm-up iterations), and other work on a shared machine makes single iterations slow, so
 * after JMH's own table this prints each benchmark's median and fastest iteration, and the medians
 * of any profiler figures (with {@code -prof gc -prof miexplorer.bench.CpuTimeProfiler}).
 */
public final class Benchmarks {
    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        // Maven passes jmh.args as one argument; split it as a shell would (no quoting needed here).
        String[] split = String.join(" ", args).trim().split("\\s+");
        CommandLineOptions cmd = new CommandLineOptions(split.length == 1 && split[0].isEmpty() ? new String[0] : split);
        OptionsBuilder options = new OptionsBuilder();
        options.parent(cmd);
        if (cmd.getIncludes().isEmpty()) {
            options.include("miexplorer\\.bench\\.");
        }
        if (!cmd.getResult().hasValue()) {
            options.result("target/jmh-result.txt");
            options.resultFormat(org.openjdk.jmh.results.format.ResultFormatType.TEXT);
        }
        Collection<RunResult> results = new Runner(options.build()).run();
        summarise(results);
    }

    private static void summarise(Collection<RunResult> results) {
        System.out.println();
        System.out.printf("%-44s %12s %12s  %s%n", "benchmark (per operation)", "median", "fastest", "medians of profiler figures");
        for (RunResult run : results) {
            for (BenchmarkResult b : run.getBenchmarkResults()) {
                List<Double> scores = new ArrayList<>();
                Map<String, List<Double>> secondary = new java.util.TreeMap<>();
                for (IterationResult it : b.getIterationResults()) {
                    scores.add(it.getPrimaryResult().getScore());
                    for (Map.Entry<String, Result> e : it.getSecondaryResults().entrySet()) {
                        if (e.getKey().equals("cpu.worker") || e.getKey().equals("gc.alloc.rate.norm")) {
                            secondary.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue().getScore());
                        }
                    }
                }
                String name = b.getParams().getBenchmark().replace("miexplorer.bench.", "");
                String unit = b.getPrimaryResult().getScoreUnit();
                StringBuilder extra = new StringBuilder();
                secondary.forEach((k, v) -> extra.append(String.format(java.util.Locale.ROOT, "%s %.1f  ", k, median(v))));
                System.out.printf(java.util.Locale.ROOT, "%-44s %9.2f %s %9.2f %s  %s%n", name, median(scores), unit,
                        scores.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN), unit, extra);
            }
        }
    }

    private static double median(List<Double> values) {
        List<Double> v = new ArrayList<>(values);
        v.sort(null);
        int n = v.size();
        return n == 0 ? Double.NaN : n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2;
    }
}
