package miexplorer.practice;

import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The kinds of exercise, each with a stable id (used in URLs and the API), a title, the lesson
 * section it practises and what it asks ({@link Exercise#asked()}).
 *
 * <p><b>Generation.</b> {@link #generate} draws from a {@link SplittableRandom} seeded by a mix of
 * the kind's id, the seed and the level's key (String hash codes and SplittableRandom's sequence are
 * both fixed by their specifications, and nothing iterates a hash map), so a triple always gives
 * the same exercise. A draw is redrawn, from the same stream, when its answer is degenerate (an
 * information or entropy under ten tolerances, unless 0 is the point, as for the independent
 * cell) or when a typical mistake lands within twice the tolerance of a right value or of another
 * mistake ({@link Draft#valid}). After {@value #ATTEMPTS} draws without a valid one, the kind's
 * fallback for the level is used: the first valid draw of a stream no seed reaches, which the tests
 * check exists for every kind and level.
 *
 * <p><b>Mistake ids</b>, by kind (those marked * only where they apply to the draw):
 * <ul>
 *   <li>marginal-probability: cell-for-marginal, wrong-marginal, count-for-probability*</li>
 *   <li>conditional-probability: swapped-conditional, joint-for-conditional, marginal-for-conditional</li>
 *   <li>compare-tables: conditional-only*, joint-only*, diagonal* (the shortcuts that pick the wrong table)</li>
 *   <li>marginal-entropy: wrong-base, sign, wrong-marginal, joint-for-marginal</li>
 *   <li>joint-entropy: wrong-base, sign, sum-of-marginals, marginal-for-joint</li>
 *   <li>conditional-entropy: swapped-conditional, joint-for-conditional, marginal-for-conditional,
 *       unweighted-average, wrong-base, sign</li>
 *   <li>mutual-information: wrong-base, sign, wrong-marginal, unweighted-average, conditional-for-information</li>
 *   <li>entropy-given-value: joint-for-conditional, swapped-conditional, weighted-share,
 *       marginal-for-conditional, wrong-base, sign</li>
 *   <li>independent-cell: additive, wrong-ratio</li>
 *   <li>conditional-mi: ignored-condition, unweighted-average, wrong-base</li>
 *   <li>co-information: sign, one-term, unweighted-average, wrong-base</li>
 *   <li>softmax-weights: no-scaling* or extra-scaling*, no-temperature*, linear-weights*</li>
 *   <li>attention-entropy: no-scaling* or extra-scaling*, no-temperature*, wrong-base, sign, uniform-entropy</li>
 *   <li>effective-keys: no-scaling* or extra-scaling*, no-temperature*, entropy-for-keys, wrong-base, all-keys</li>
 *   <li>plugin-estimate: the mistakes of mutual-information, and miller-madow-for-plugin</li>
 *   <li>miller-madow: plugin-for-miller-madow, correction-units*, correction-sign, empty-cells-counted*, wrong-base</li>
 * </ul>
 *
 * <p><b>Step ids</b>, the worked step where a mistaken route leaves the right one:
 * {@code marginal} (adding a row or column into P(x) or P(y), or picking which marginal),
 * {@code counts} (dividing counts by N), {@code conditional-rows} (dividing a column or row by its
 * total to get P(X | Y = y)), {@code weighting} (weighting each conditional by P(y) or P(z)),
 * {@code entropy-terms} (−Σ p log p and its sign), {@code log-base} (the base of the logarithms, so
 * the unit), {@code combine} (putting entropies together into the asked quantity),
 * {@code pointwise} (comparing cells with P(x)P(y)), {@code independence} (the proportional rows
 * of an independent table), {@code slices} (taking each Z = z on its own), {@code co-information}
 * (the difference I(X;Y) − I(X;Y|Z)), {@code scaling} (dividing the scores by √d_k and T),
 * {@code softmax} (exponentiating and normalising), {@code effective} (2^H(α)), {@code correction}
 * (the Miller–Madow term).
 */
public enum ExerciseKind {
    MARGINAL_PROBABILITY("marginal-probability", "Read P(x) from a joint table", "what-to-know-first",
            List.of("P(x)"), TableExercises::marginalProbability),
    CONDITIONAL_PROBABILITY("conditional-probability", "Read P(x | y) from a joint table", "what-to-know-first",
            List.of("P(x|y)"), TableExercises::conditionalProbability),
    COMPARE_TABLES("compare-tables", "Which of two tables shares more information?", "core-idea",
            List.of("choice"), TableExercises::compareTables),
    MARGINAL_ENTROPY("marginal-entropy", "The entropy of one variable", "entropy",
            List.of("H(X)", "H(Y)"), TableExercises::marginalEntropy),
    JOINT_ENTROPY("joint-entropy", "The joint entropy H(X, Y)", "entropy",
            List.of("H(X,Y)"), TableExercises::jointEntropy),
    CONDITIONAL_ENTROPY("conditional-entropy", "The conditional entropy H(X | Y) or H(Y | X)", "conditional-entropy",
            List.of("H(X|Y)", "H(Y|X)"), TableExercises::conditionalEntropy),
    MUTUAL_INFORMATION("mutual-information", "The mutual information I(X; Y)", "mutual-information",
            List.of("I(X;Y)"), TableExercises::mutualInformation),
    ENTROPY_GIVEN_VALUE("entropy-given-value", "The uncertainty left after one forecast, H(X | Y = y)", "worked-example",
            List.of("H(X|Y=y)"), TableExercises::entropyGivenValue),
    INDEPENDENT_CELL("independent-cell", "Complete the table so that X and Y are independent", "properties",
            List.of("missingCell"), CountExercises::independentCell),
    CONDITIONAL_MI("conditional-mi", "The conditional mutual information I(X; Y | Z)", "three-variables",
            List.of("I(X;Y|Z)"), ThreeWayExercises::conditionalMi),
    CO_INFORMATION("co-information", "The co-information I(X; Y; Z): synergy or redundancy?", "three-variables",
            List.of("I(X;Y;Z)"), ThreeWayExercises::coInformation),
    SOFTMAX_WEIGHTS("softmax-weights", "The attention weights of one query", "attention",
            List.of("weights"), AttentionExercises::weights),
    ATTENTION_ENTROPY("attention-entropy", "The entropy H(α) of one query's weights", "attention",
            List.of("H(alpha)"), AttentionExercises::entropy),
    EFFECTIVE_KEYS("effective-keys", "The effective number of keys, 2^H(α)", "attention-live",
            List.of("effectiveKeys"), AttentionExercises::effectiveKeys),
    PLUGIN_ESTIMATE("plugin-estimate", "The plug-in estimate of I(X; Y) from counts", "from-counts",
            List.of("plugin"), CountExercises::plugin),
    MILLER_MADOW("miller-madow", "The Miller–Madow estimate of I(X; Y) from counts", "from-counts",
            List.of("millerMadow"), CountExercises::millerMadow);

    /** How many draws a seed gets before the fallback is used. */
    static final int ATTEMPTS = 200;

    /** The seed of the fallback's stream: below 0, so no valid seed shares it. */
    private static final long FALLBACK_SEED = -1;

    /** Draws one candidate exercise, or null when the draw is degenerate in a way only the kind knows. */
    interface Builder {
        Draft draw(SplittableRandom rng, Level level);
    }

    private final String id;
    private final String title;
    private final String section;
    private final List<String> asked;
    private final Builder builder;

    ExerciseKind(String id, String title, String section, List<String> asked, Builder builder) {
        this.id = id;
        this.title = title;
        this.section = section;
        this.asked = asked;
        this.builder = builder;
    }

    /** The stable id, kebab-case, used in URLs and the API. */
    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    /** The id of the lesson section this kind practises (a {@code <section id>} of the lesson). */
    public String section() {
        return section;
    }

    /** What this kind's exercises ask, as in {@link Exercise#asked()}. */
    public List<String> asked() {
        return asked;
    }

    /** The levels this kind has exercises for: all three. */
    public List<Level> levels() {
        return List.of(Level.values());
    }

    /** The kind with this id, or {@code null} when there is none. */
    public static ExerciseKind fromId(String id) {
        for (ExerciseKind k : values()) {
            if (k.id.equals(id)) {
                return k;
            }
        }
        return null;
    }

    /**
     * The exercise for this seed and level; the same arguments always give an equal exercise.
     *
     * @param seed 0 to 2^31 − 1
     * @throws IllegalArgumentException naming the seed when it is out of range
     */
    public Exercise generate(long seed, Level level) {
        return generate(seed, level, ATTEMPTS);
    }

    /** The largest seed: 2³¹ − 1. */
    public static final long MAX_SEED = Integer.MAX_VALUE;

    /** {@link #generate} with the number of draws before the fallback given (0 gives the fallback). */
    Exercise generate(long seed, Level level, int attempts) {
        if (seed < 0 || seed > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("the seed is " + seed + "; it must be a whole number from 0 to "
                    + Integer.MAX_VALUE);
        }
        Objects.requireNonNull(level, "level");
        SplittableRandom rng = new SplittableRandom(streamSeed(seed, level));
        for (int i = 0; i < attempts; i++) {
            Draft d = builder.draw(rng, level);
            if (d != null && d.valid()) {
                return d.toExercise(this, seed, level);
            }
        }
        return fallback(level).toExercise(this, seed, level);
    }

    /**
     * The first valid draw of the fallback stream, which no seed reaches. The tests check that
     * every kind and level has one within the bound.
     *
     * @throws IllegalStateException when there is none in 100 000 draws (a bug in the kind)
     */
    Draft fallback(Level level) {
        SplittableRandom rng = new SplittableRandom(streamSeed(FALLBACK_SEED, level));
        for (int i = 0; i < 100_000; i++) {
            Draft d = builder.draw(rng, level);
            if (d != null && d.valid()) {
                return d;
            }
        }
        throw new IllegalStateException(id + " has no valid " + level.key() + " exercise in its fallback stream");
    }

    /** The kind's id, the seed and the level's key, mixed by SplitMix64's finaliser. */
    private long streamSeed(long seed, Level level) {
        return mix(mix(mix(id.hashCode()) ^ seed) ^ level.key().hashCode());
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
