package miexplorer.attention.learned;

import java.util.Arrays;

/**
 * Every setting of "does attention find the informative positions?": the task (rule, sequence
 * length, vocabulary, the rule's own settings, sample sizes), the model's embedding size, the
 * training (steps, learning rate) and the seed everything random is drawn from. Each is checked
 * here; one outside its range is a {@link SettingException} naming it and the range.
 *
 * <p>The limits keep one run small enough to answer a web request. Measured on one core of the
 * development VM: the defaults take about 0.3 s (1.2 s as the first run in a fresh JVM, before the
 * JIT compiler has warmed up); the largest allowed settings (12 positions, 16 tokens, embedding 16,
 * 2000 + 2000 samples, 1000 steps) about 5 s. The cost grows as steps × training samples ×
 * (n·d + d² + V·d).
 *
 * @param positions n, the length of every sequence: {@value #MIN_POSITIONS} to {@value #MAX_POSITIONS}
 * @param vocabulary V, the number of distinct tokens (0 … V − 1): {@value #MIN_VOCABULARY} to
 *     {@value #MAX_VOCABULARY}; exactly 2 for {@link Rule#XOR}
 * @param relevances for {@link Rule#COPY}: r_j for each of the n positions, each from 0 to 1, adding
 *     up to at most 1 (the rest is the chance of a random y); not used by the other rules, and may
 *     then be null
 * @param first for {@link Rule#XOR}: position a of the pair, 0 … n − 1; otherwise not used
 * @param second for {@link Rule#XOR}: position b ≠ a; otherwise not used
 * @param trainingSamples sequences to train on: {@value #MIN_SAMPLES} to {@value #MAX_SAMPLES}
 * @param heldOutSamples sequences to measure on, drawn apart from the training ones:
 *     {@value #MIN_SAMPLES} to {@value #MAX_SAMPLES}
 * @param embedding d, the size of the embeddings, query, keys and values: 1 to {@value #MAX_EMBEDDING}
 * @param steps full-batch gradient steps: 1 to {@value #MAX_STEPS}
 * @param learningRate Adam's step size: {@value #MIN_LEARNING_RATE} to {@value #MAX_LEARNING_RATE}
 * @param seed 0 to 2³¹ − 1; the same seed and settings give bitwise the same run
 */
public record ExperimentSpec(
        Rule rule,
        int positions,
        int vocabulary,
        double[] relevances,
        int first,
        int second,
        int trainingSamples,
        int heldOutSamples,
        int embedding,
        int steps,
        double learningRate,
        long seed) {

    public static final int MIN_POSITIONS = 2;
    public static final int MAX_POSITIONS = 12;
    public static final int MIN_VOCABULARY = 2;
    public static final int MAX_VOCABULARY = 16;
    public static final int MIN_SAMPLES = 20;
    public static final int MAX_SAMPLES = 2000;
    public static final int MAX_EMBEDDING = 16;
    public static final int MAX_STEPS = 1000;
    public static final double MIN_LEARNING_RATE = 0.0001;
    public static final double MAX_LEARNING_RATE = 1;
    public static final long MAX_SEED = (1L << 31) - 1;
    /** Relevances that add up to 1 within this are taken to add up to at most 1 (0.1 + 0.2 + … in doubles). */
    static final double SUM_SLACK = 1e-9;

    public ExperimentSpec {
        if (rule == null) {
            throw new SettingException("rule", "the rule is missing; it must be copy, xor or max");
        }
        range("positions", positions, MIN_POSITIONS, MAX_POSITIONS);
        range("vocabulary", vocabulary, MIN_VOCABULARY, MAX_VOCABULARY);
        range("trainingSamples", trainingSamples, MIN_SAMPLES, MAX_SAMPLES);
        range("heldOutSamples", heldOutSamples, MIN_SAMPLES, MAX_SAMPLES);
        range("embedding", embedding, 1, MAX_EMBEDDING);
        range("steps", steps, 1, MAX_STEPS);
        if (!(learningRate >= MIN_LEARNING_RATE && learningRate <= MAX_LEARNING_RATE)) {
            throw new SettingException("learningRate", "learningRate is " + learningRate + "; it must be from 0.0001 to 1");
        }
        if (seed < 0 || seed > MAX_SEED) {
            throw new SettingException("seed", "seed is " + seed + "; it must be from 0 to " + MAX_SEED);
        }
        switch (rule) {
            case COPY -> relevances = checkedRelevances(relevances, positions);
            case XOR -> {
                if (vocabulary != 2) {
                    throw new SettingException("vocabulary", "vocabulary is " + vocabulary
                            + "; the xor rule needs exactly 2 tokens (0 and 1)");
                }
                range("first", first, 0, positions - 1);
                range("second", second, 0, positions - 1);
                if (first == second) {
                    throw new SettingException("second", "first and second are both " + first
                            + "; the xor rule needs two different positions");
                }
            }
            case MAX -> {
                // y depends on every position alike: nothing more to check.
            }
        }
        if (relevances != null) {
            relevances = relevances.clone();
        }
    }

    /**
     * The defaults for {@code rule}: 6 positions; 8 tokens (2 for xor); for copy, relevances
     * {@link #defaultRelevances}; for xor, the pair (1, 4); 1000 training and 1000 held-out
     * sequences; embedding 8; 300 steps of Adam at learning rate 0.05; seed 1.
     */
    public static ExperimentSpec defaults(Rule rule) {
        int n = 6;
        return new ExperimentSpec(rule, n, rule == Rule.XOR ? 2 : 8, rule == Rule.COPY ? defaultRelevances(n) : null,
                1, 4, 1000, 1000, 8, 300, 0.05, 1);
    }

    /**
     * Relevances that rise over the last positions, the others 0: 0.1, 0.2, 0.3, 0.4 on the last
     * four for n ≥ 5 (0, 0, 0.1, 0.2, 0.3, 0.4 for n = 6); for shorter sequences the first position
     * keeps 0 and the last n − 1 take the top of that list (n = 2: 0, 0.4). They add up to at most 1.
     */
    public static double[] defaultRelevances(int positions) {
        range("positions", positions, MIN_POSITIONS, MAX_POSITIONS);
        double[] r = new double[positions];
        int rising = Math.min(4, positions - 1);
        for (int k = 0; k < rising; k++) {
            r[positions - 1 - k] = (4 - k) / 10.0;
        }
        return r;
    }

    /** A copy of the relevances (null for the rules that do not use them). */
    @Override
    public double[] relevances() {
        return relevances == null ? null : relevances.clone();
    }

    /** r_j without a copy, for the generator. */
    double relevance(int j) {
        return relevances[j];
    }

    private static double[] checkedRelevances(double[] r, int positions) {
        if (r == null) {
            throw new SettingException("relevances", "the copy rule needs a relevance for each of the " + positions + " positions");
        }
        if (r.length != positions) {
            throw new SettingException("relevances", "there are " + r.length + " relevances but " + positions
                    + " positions; the copy rule needs one relevance per position");
        }
        double sum = 0;
        for (int j = 0; j < r.length; j++) {
            if (!(r[j] >= 0 && r[j] <= 1)) {
                throw new SettingException("relevances", "relevance " + j + " is " + r[j] + "; each must be from 0 to 1");
            }
            sum += r[j];
        }
        if (sum > 1 + SUM_SLACK) {
            throw new SettingException("relevances", "the relevances add up to " + sum
                    + "; they must add up to at most 1 (each is the chance of copying that position)");
        }
        return r;
    }

    private static void range(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new SettingException(field, field + " is " + value + "; it must be from " + min + " to " + max);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExperimentSpec s && rule == s.rule && positions == s.positions && vocabulary == s.vocabulary
                && Arrays.equals(relevances, s.relevances) && first == s.first && second == s.second
                && trainingSamples == s.trainingSamples && heldOutSamples == s.heldOutSamples && embedding == s.embedding
                && steps == s.steps && Double.compare(learningRate, s.learningRate) == 0 && seed == s.seed;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new Object[] {rule, positions, vocabulary, Arrays.hashCode(relevances), first, second,
                trainingSamples, heldOutSamples, embedding, steps, learningRate, seed});
    }

    @Override
    public String toString() {
        return "ExperimentSpec[" + rule.key() + ", n = " + positions + ", V = " + vocabulary
                + (relevances == null ? "" : ", r = " + Arrays.toString(relevances))
                + (rule == Rule.XOR ? ", pair (" + first + ", " + second + ")" : "")
                + ", " + trainingSamples + " + " + heldOutSamples + " samples, d = " + embedding + ", " + steps
                + " steps at " + learningRate + ", seed " + seed + "]";
    }
}
