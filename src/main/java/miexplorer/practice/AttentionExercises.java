package miexplorer.practice;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import miexplorer.attention.QueryAttention;
import miexplorer.info.LogBase;
import miexplorer.practice.ExerciseData.AttentionRow;

/**
 * The exercises on one attention query: its softmax weights, their entropy H(α) in bits, and the
 * effective number of keys 2^H(α), checked against {@link QueryAttention}.
 *
 * <p>A person computes the scores s_i = q · k_i (whole numbers or halves, exact), divides them by
 * √d_k·T (or T), exponentiates, adds, and divides; either directly or after subtracting the
 * largest scaled score (the same weights, smaller exponentials).
 */
final class AttentionExercises {
    static final int DIGITS = 3;
    static final int KEY_DIGITS = 2;

    private AttentionExercises() {
    }

    /**
     * Easy: 3 keys, d_k = 4 (√d_k = 2), components −1, 0 or 1. Medium: 4 keys, d_k = 4, components
     * −2 to 2. Hard: 5 keys, d_k of 2, 3, 5 or 6, components in halves from −1.5 to 1.5, temperature
     * 0.5 or 2. Scaling by √d_k is on or off at random.
     */
    static AttentionRow draw(SplittableRandom rng, Level level) {
        int n = level == Level.EASY ? 3 : level == Level.MEDIUM ? 4 : 5;
        int d = level == Level.HARD ? new int[] {2, 3, 5, 6}[rng.nextInt(4)] : 4;
        int range = level == Level.EASY ? 1 : level == Level.MEDIUM ? 2 : 3;
        double step = level == Level.HARD ? 0.5 : 1;
        double[] q = vector(rng, d, range, step);
        double[][] keys = new double[n][];
        for (int i = 0; i < n; i++) {
            keys[i] = vector(rng, d, range, step);
        }
        double temperature = level == Level.HARD ? (rng.nextBoolean() ? 0.5 : 2) : 1;
        return new AttentionRow(q, keys, null, rng.nextBoolean(), temperature);
    }

    /** d whole multiples of {@code step} from −range·step to range·step. */
    private static double[] vector(SplittableRandom rng, int d, int range, double step) {
        double[] v = new double[d];
        for (int i = 0; i < d; i++) {
            v[i] = (rng.nextInt(2 * range + 1) - range) * step;
        }
        return v;
    }

    private static QueryAttention attention(AttentionRow a) {
        return QueryAttention.of(a.query(), a.keys(), a.values(), a.scale(), a.temperature());
    }

    /**
     * α_i = exp(s_i / D) / Σ_j exp(s_j / D), D = √d_k·T when {@code scale}, else T, as a person
     * computes them: D and each s_i / D as inner values, each exponential, their sum and each
     * weight as steps; with {@code shift}, the largest s_i / D is subtracted before exponentiating.
     */
    static double[] weights(AttentionRow a, boolean scale, double temperature, boolean shift, Rounding r) {
        double[] q = a.query();
        double[][] keys = a.keys();
        double divisor = r.inner((scale ? Math.sqrt(q.length) : 1) * temperature);
        double[] scaled = new double[keys.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < keys.length; i++) {
            double s = 0;
            for (int j = 0; j < q.length; j++) {
                s += q[j] * keys[i][j];
            }
            scaled[i] = r.inner(s / divisor);
            max = Math.max(max, scaled[i]);
        }
        double[] e = new double[keys.length];
        double sum = 0;
        for (int i = 0; i < keys.length; i++) {
            e[i] = r.step(Math.exp(scaled[i] - (shift ? max : 0)));
            sum += e[i];
        }
        sum = r.step(sum);
        double[] alpha = new double[keys.length];
        for (int i = 0; i < keys.length; i++) {
            alpha[i] = r.step(e[i] / sum);
        }
        return alpha;
    }

    private static String question(AttentionRow a) {
        StringBuilder b = new StringBuilder("A query q = ").append(Text.vector(a.query())).append(" is compared with ")
                .append(a.keys().length).append(" keys: ");
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < a.keys().length; i++) {
            keys.add("k" + (i + 1) + " = " + Text.vector(a.keys()[i]));
        }
        b.append(Text.and(keys)).append(" (d_k = ").append(a.dimension()).append("). ");
        String t = a.temperature() == 1 ? "" : "the temperature T = " + Decimals.plain(a.temperature());
        int d = a.dimension();
        int root = (int) Math.round(Math.sqrt(d));
        String sqrt = "√d_k = √" + d + (root * root == d ? " = " + root : "");
        if (a.scale()) {
            b.append("Each score q · k_i is divided by ").append(sqrt).append(t.isEmpty() ? "" : " and by " + t);
        } else if (t.isEmpty()) {
            b.append("The scores q · k_i are not divided by √d_k");
        } else {
            b.append("The scores q · k_i are not divided by √d_k, only by ").append(t);
        }
        return b.append(", and the softmax turns them into weights α_i.").toString();
    }

    /** What a kind asks, computed from the weights a person reached, with the same rounding. */
    private interface FromWeights {
        Answer of(double[] alpha, Rounding r);
    }

    /**
     * The draft of a kind: its two routes (softmax directly, softmax after subtracting the largest
     * scaled score) and the mistakes of scaling the scores wrongly, each through {@code f}.
     */
    private static Draft draft(AttentionRow a, String question, String asked, String unit, int digits, Answer expected,
            FromWeights f) {
        Draft d = new Draft(question, asked, unit, digits, a, expected);
        boolean scale = a.scale();
        double t = a.temperature();
        d.answerRoute("softmax", "α_i = exp(s_i) / Σ_j exp(s_j) with the scaled scores s_i",
                r -> f.of(weights(a, scale, t, false, r), r));
        d.answerRoute("softmax-shifted", "α_i = exp(s_i − max s) / Σ_j exp(s_j − max s)",
                r -> f.of(weights(a, scale, t, true, r), r));
        if (scale) {
            d.mistake("no-scaling", "scaling", "The scores must be divided by √d_k = √" + a.dimension()
                    + " before the softmax; without it the weights come out too sharp.", variants(a, false, t, f));
        } else {
            d.mistake("extra-scaling", "scaling", "This question's scores are not divided by √d_k; dividing them "
                    + "flattens the weights.", variants(a, true, t, f));
        }
        if (t != 1) {
            d.mistake("no-temperature", "scaling", "Divide the scores by the temperature T = " + Decimals.plain(t)
                    + " as well.", variants(a, scale, 1, f));
        }
        return d;
    }

    private static List<Function<Rounding, Answer>> variants(AttentionRow a, boolean scale, double t, FromWeights f) {
        return List.of(r -> f.of(weights(a, scale, t, false, r), r), r -> f.of(weights(a, scale, t, true, r), r));
    }

    // ---- the weights ------------------------------------------------------------------------

    static Draft weights(SplittableRandom rng, Level level) {
        return weights(draw(rng, level));
    }

    /** α = softmax(q · k_i / D). */
    static Draft weights(AttentionRow a) {
        int n = a.keys().length;
        Draft d = draft(a, question(a) + " What are the weights α_1 to α_" + n + "? Give them in order, separated by "
                + "commas, each to " + DIGITS + " decimals.", "weights", "", DIGITS,
                new Answer.Vector(attention(a).weights()), (alpha, r) -> new Answer.Vector(alpha));
        double[] scores = scaledScores(a);
        if (Arrays.stream(scores).allMatch(s -> s > 0)) {
            double sum = Arrays.stream(scores).sum();
            d.mistake("linear-weights", "softmax", "The weights are not the scores divided by their sum: the softmax "
                    + "exponentiates each score first, α_i = exp(s_i) / Σ_j exp(s_j).",
                    List.of(r -> new Answer.Vector(Arrays.stream(scores).map(s -> r.step(s / sum)).toArray())));
        }
        return d;
    }

    /** s_i / D, exactly. */
    private static double[] scaledScores(AttentionRow a) {
        return attention(a).scaledScores();
    }

    // ---- H(α) -------------------------------------------------------------------------------

    static Draft entropy(SplittableRandom rng, Level level) {
        return entropy(draw(rng, level));
    }

    /** H(α) = −Σ α_i log₂ α_i bits. */
    static Draft entropy(AttentionRow a) {
        QueryAttention qa = attention(a);
        int n = a.keys().length;
        Draft d = draft(a, question(a) + " What is the entropy H(α) of the weights? " + Text.answerIn("bits", DIGITS),
                "H(alpha)", "bits", DIGITS, new Answer.Scalar(qa.entropyBits()),
                (alpha, r) -> new Answer.Scalar(r.entropy(alpha, LogBase.TWO)));
        d.wrongBase(LogBase.TWO, "log-base", (b, r) -> r.entropy(weights(a, a.scale(), a.temperature(), false, r), b));
        d.scalarMistake("sign", "entropy-terms",
                "An entropy is never negative: the log of a weight is at most 0, so −Σ α log α adds terms ≥ 0.",
                r -> -r.entropy(weights(a, a.scale(), a.temperature(), false, r), LogBase.TWO));
        d.scalarMistake("uniform-entropy", "softmax", "log₂ " + n + " is the largest H(α) can be, reached only when every "
                + "weight is 1/" + n + "; work out the weights first.", r -> r.step(LogBase.TWO.log(n)));
        return d;
    }

    // ---- 2^H(α) -----------------------------------------------------------------------------

    static Draft effectiveKeys(SplittableRandom rng, Level level) {
        return effectiveKeys(draw(rng, level));
    }

    /** 2^H(α), H in bits: the number of equally weighted keys with the same entropy. */
    static Draft effectiveKeys(AttentionRow a) {
        QueryAttention qa = attention(a);
        int n = a.keys().length;
        Draft d = draft(a, question(a) + " How many keys does the query effectively attend to, 2^H(α) with H(α) in bits? "
                + Text.answerIn("", KEY_DIGITS), "effectiveKeys", "", KEY_DIGITS, new Answer.Scalar(qa.effectiveKeys()),
                (alpha, r) -> new Answer.Scalar(r.step(Math.pow(2, r.entropy(alpha, LogBase.TWO)))));
        ToDoubleFunction<Rounding> bits = r -> r.entropy(weights(a, a.scale(), a.temperature(), false, r), LogBase.TWO);
        d.scalarMistake("entropy-for-keys", "effective", "That is H(α) itself; the effective number of keys is 2^H(α), "
                + "how many equally weighted keys would have the same entropy.", bits);
        d.scalarMistake("wrong-base", "log-base", "The power must match the logarithm: 2^H with H in bits, or e^H with H "
                + "in nats, give the same number.", r -> r.step(Math.exp(bits.applyAsDouble(r))),
                r -> r.step(Math.pow(2, r.entropy(weights(a, a.scale(), a.temperature(), false, r), LogBase.E))));
        d.scalarMistake("all-keys", "effective", n + " counts every key; 2^H(α) counts them as if the weights were spread "
                + "evenly, and is " + n + " only when they are.", r -> n);
        return d;
    }
}
