package miexplorer.attention.learned;

import java.util.SplittableRandom;

/**
 * The training and held-out sequences of a task, drawn from one generator: each token uniformly from
 * 0 … V − 1, independently, then the target by the spec's {@link Rule}. The held-out sequences come
 * from their own split of the generator, so they are the same whatever the number of training
 * sequences.
 */
public record SyntheticTask(Samples training, Samples heldOut) {

    /** Both sets, from {@code random} (split once for each). */
    public static SyntheticTask generate(ExperimentSpec spec, SplittableRandom random) {
        SplittableRandom training = random.split();
        SplittableRandom heldOut = random.split();
        return new SyntheticTask(draw(spec, spec.trainingSamples(), training), draw(spec, spec.heldOutSamples(), heldOut));
    }

    /**
     * {@code count} sequences: for each, its n tokens in order, then what the rule draws for y
     * (the copy rule: one uniform u in [0, 1) picks position j when it falls in j's share of the
     * cumulative relevances, otherwise one more uniform token).
     */
    static Samples draw(ExperimentSpec spec, int count, SplittableRandom random) {
        int n = spec.positions();
        int v = spec.vocabulary();
        int[][] tokens = new int[count][n];
        int[] targets = new int[count];
        for (int k = 0; k < count; k++) {
            int[] x = tokens[k];
            for (int i = 0; i < n; i++) {
                x[i] = random.nextInt(v);
            }
            targets[k] = switch (spec.rule()) {
                case COPY -> copy(spec, x, random);
                case XOR -> x[spec.first()] ^ x[spec.second()];
                case MAX -> {
                    int m = 0;
                    for (int t : x) {
                        m = Math.max(m, t);
                    }
                    yield m;
                }
            };
        }
        return new Samples(tokens, targets);
    }

    private static int copy(ExperimentSpec spec, int[] x, SplittableRandom random) {
        double u = random.nextDouble();
        double cumulative = 0;
        for (int j = 0; j < x.length; j++) {
            cumulative += spec.relevance(j);
            if (u < cumulative) {
                return x[j];
            }
        }
        return random.nextInt(spec.vocabulary());
    }
}
