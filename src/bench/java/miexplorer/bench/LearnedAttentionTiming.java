package miexplorer.bench;

import java.util.Locale;
import miexplorer.attention.learned.AttentionExperiment;
import miexplorer.attention.learned.ExperimentResult;
import miexplorer.attention.learned.ExperimentSpec;
import miexplorer.attention.learned.Rule;

/**
 * Wall time of {@link AttentionExperiment#run} (generate, train, measure) for each rule's defaults,
 * and for the largest settings {@link ExperimentSpec} allows. Not JMH: what a page waits for is the
 * first, cold run in a fresh JVM as much as a warm one, so both are printed (JSON, one line per
 * setting: the seconds of the first run and the fastest of the repeats). The defaults are meant to
 * stay under 2 s on one core: pin it with {@code taskset -c 0}.
 *
 * <pre>
 * mvn -B -q -Pbench test-compile
 * taskset -c 0 java -cp target/classes:target/test-classes:$(mvn -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout) \
 *     miexplorer.bench.LearnedAttentionTiming [REPEATS 5]
 * </pre>
 */
public final class LearnedAttentionTiming {
    private LearnedAttentionTiming() {
    }

    public static void main(String[] args) {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        for (Rule rule : Rule.values()) {
            time(rule.key() + " defaults", ExperimentSpec.defaults(rule), repeats);
        }
        time("largest", new ExperimentSpec(Rule.MAX, ExperimentSpec.MAX_POSITIONS, ExperimentSpec.MAX_VOCABULARY, null, 0, 1,
                ExperimentSpec.MAX_SAMPLES, ExperimentSpec.MAX_SAMPLES, ExperimentSpec.MAX_EMBEDDING, ExperimentSpec.MAX_STEPS,
                0.05, 1), 1);
    }

    private static void time(String name, ExperimentSpec spec, int repeats) {
        long t0 = System.nanoTime();
        ExperimentResult r = AttentionExperiment.run(spec);
        double first = (System.nanoTime() - t0) / 1e9;
        double best = first;
        for (int i = 0; i < repeats; i++) {
            long t = System.nanoTime();
            AttentionExperiment.run(spec);
            best = Math.min(best, (System.nanoTime() - t) / 1e9);
        }
        System.out.printf(Locale.ROOT, "{\"setting\": \"%s\", \"firstSeconds\": %.3f, \"bestSeconds\": %.3f, \"rho\": %.3f,"
                + " \"heldOutAccuracy\": %.3f}%n", name, first, best, r.rankCorrelation(), r.heldOutAccuracy());
    }
}
