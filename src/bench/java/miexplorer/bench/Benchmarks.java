package miexplorer.bench;

import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the JMH benchmarks: {@code mvn -o -Pbench process-test-classes}. JMH's own command-line
 * options can be passed in one string, {@code -Djmh.args="-prof gc ViewBenchmark"}; without a
 * pattern every benchmark in this package runs. Results are also written to
 * {@code target/jmh-result.txt}.
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
        new Runner(options.build()).run();
    }
}
