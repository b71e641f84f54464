package miexplorer.bench;

import java.util.Locale;
import miexplorer.attention.learned.AttentionExperiment;
import miexplorer.attention.learned.ExperimentResult;
import miexplorer.attention.learned.ExperimentSpec;
import miexplorer.attention.learned.Rule;

/**
 * Wall time of one run of the learned-attention experiment ({@link AttentionExperiment#run}: the task,
 * the training, the held-out figures and the 99 shuffles) with each rule's defaults, or with the
 * largest settings allowed. Not JMH: what a page waits for is the first run in a cold JVM as much as
 * a warm one. Prints one line per rule: the first run's seconds, the fastest of the repeats, and the
 * run's ρ and held-out accuracy (the same every time: the run is deterministic).
 *
 * <pre>
 * mvn -B -q -Pbench test-compile
 * taskset -c 0 java -cp target/classes:target/test-classes:$(mvn -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout) \
 *     miexplorer.bench.LearnedTiming [REPEATS 5] [largest]
 * </pre>
 *
 * bench/learned.sh runs it pinned to one core.
 */
public final class LearnedTiming {
    private LearnedTiming() {
    }

    public static void main(String[] args) {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        boolean largest = args.length > 1 && args[1].equals("largest");
        for (Rule rule : Rule.values()) {
            ExperimentSpec spec = largest ? largest(rule) : ExperimentSpec.defaults(rule);
            double first = 0;
            double fastest = Double.POSITIVE_INFINITY;
            ExperimentResult r = null;
            for (int k = 0; k < repeats; k++) {
                long t = System.nanoTime();
                r = AttentionExperiment.run(spec);
                double s = (System.nanoTime() - t) / 1e9;
                if (k == 0) {
                    first = s;
                }
                fastest = Math.min(fastest, s);
            }
            System.out.printf(Locale.ROOT, "%s: first %.3f s, fastest of %d %.3f s; rho %.3f, accuracy %.3f%n", rule.key(), first,
                    repeats, fastest, r.rankCorrelation(), r.heldOutAccuracy());
        }
    }

    /** 12 positions, 16 tokens (2 for xor), embedding 16, 2000 + 2000 sequences, 1000 steps. */
    private static ExperimentSpec largest(Rule rule) {
        int n = ExperimentSpec.MAX_POSITIONS;
        return new ExperimentSpec(rule, n, rule == Rule.XOR ? 2 : ExperimentSpec.MAX_VOCABULARY,
                rule == Rule.COPY ? ExperimentSpec.defaultRelevances(n) : null, 1, 4, ExperimentSpec.MAX_SAMPLES,
                ExperimentSpec.MAX_SAMPLES, ExperimentSpec.MAX_EMBEDDING, ExperimentSpec.MAX_STEPS, 0.05, 1);
    }
}
