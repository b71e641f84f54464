package miexplorer.web.attention;

import java.util.List;
import miexplorer.web.explorer.Preset;

/** The attention explorer's examples: named states with stable slugs, linked from its page and shown in the gallery. */
public final class AttentionPresets {
    private AttentionPresets() {
    }

    /** The hand-worked check: q = (1,0,1,0) against three keys, with values. */
    public static AttentionInput sentence() {
        return new AttentionInput(List.of("sat"), List.of("1, 0, 1, 0"), List.of(""),
                List.of("the", "cat", "mat"),
                List.of("1, 0, 1, 0", "0, 1, 0, 1", "1, 1, 0, 0"),
                List.of("1, 0", "0, 1", "0.5, 0.5"),
                true, "1", AttentionInput.DEFAULT_DIGITS);
    }

    /** Two queries that prefer different keys: the smallest state with an attention matrix and I(query; key). */
    public static AttentionInput twoQueries() {
        return new AttentionInput(List.of("looks left", "looks right"), List.of("2, 0", "0, 2"), List.of("", ""),
                List.of("left", "middle", "right"),
                List.of("2, 0", "1, 1", "0, 2"),
                List.of(), true, "1", AttentionInput.DEFAULT_DIGITS);
    }

    /** Additive scores worked by hand: h = 2 hidden units, a query of 2 numbers, three keys. */
    public static AttentionInput additive() {
        return new AttentionInput(List.of("q"), List.of("1, 0"), List.of(""),
                List.of("right", "up", "diagonal"),
                List.of("1, 0", "0, 1", "1, 1"),
                List.of(), true, "1", AttentionInput.DEFAULT_DIGITS,
                new AttentionInput.Additive(List.of("1, 0", "0, 1"), List.of("1, -1", "0.5, 0.5"), "1, -1"));
    }

    /**
     * A key that dot-product attention favours and additive attention does not: the long key (4, 0) has
     * the largest dot product with q = (1, 0), but each tanh saturates at 1, so with W_q = W_k = I and
     * v = (1, 1) the key that moves both units, (1, 1), scores highest.
     */
    public static AttentionInput additiveAgainstDot() {
        return new AttentionInput(List.of("q"), List.of("1, 0"), List.of(""),
                List.of("long", "both", "down"),
                List.of("4, 0", "1, 1", "0, -1"),
                List.of(), true, "1", AttentionInput.DEFAULT_DIGITS,
                new AttentionInput.Additive(List.of("1, 0", "0, 1"), List.of("1, 0", "0, 1"), "1, 1"));
    }

    /** The examples, in the order the page lists them. */
    public static List<Preset<AttentionInput>> all() {
        return ALL;
    }

    // Built once: the page lists them on every load, and they never change.
    private static final List<Preset<AttentionInput>> ALL = List.of(
                new Preset<>("attention-sentence", "A short sentence",
                        "The query for “sat” looks at “the”, “cat” and “mat”: scores 2, 0, 1; weights 0.506, 0.186, 0.307.",
                        sentence()),
                new Preset<>("attention-one-key", "A query that matches one key",
                        "One key points the same way as the query and the others do not: most of the weight goes to it.",
                        new AttentionInput(List.of("q"), List.of("2, 2, 0, 0"), List.of(""),
                                List.of("match", "other", "opposite", "orthogonal"),
                                List.of("2, 2, 0, 0", "0, 1, 1, 0", "-2, -2, 0, 0", "0, 0, 2, 2"),
                                List.of(), true, "1", AttentionInput.DEFAULT_DIGITS)),
                new Preset<>("attention-identical-keys", "Identical keys",
                        "Every key is the same, so every score is the same: uniform weights, entropy log₂ n, all n keys attended.",
                        new AttentionInput(List.of("q"), List.of("1, 2, 3"), List.of(""),
                                List.of("a", "b", "c", "d"),
                                List.of("1, 1, 1", "1, 1, 1", "1, 1, 1", "1, 1, 1"),
                                List.of(), true, "1", AttentionInput.DEFAULT_DIGITS)),
                new Preset<>("attention-large-scores", "Large scores",
                        "Scores in the tens: unscaled, the softmax is almost one-hot; dividing by √dₖ = 4 spreads it out.",
                        new AttentionInput(List.of("q"), List.of("3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3"), List.of(""),
                                List.of("first", "second", "third"),
                                List.of("1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1",
                                        "1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0",
                                        "1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0"),
                                List.of(), true, "1", AttentionInput.DEFAULT_DIGITS)),
                new Preset<>("attention-two-queries", "Two queries: I(query; key)",
                        "Two queries that prefer different keys: the attention matrix as a joint table, and how much the key depends on the query.",
                        twoQueries()),
                new Preset<>("attention-additive", "Additive scores, worked by hand",
                        "Bahdanau's score vᵀ tanh(W_q q + W_k k) with two hidden units: scores 0.502, −0.462, 0; weights 0.503, 0.192, 0.305.",
                        additive()),
                new Preset<>("attention-additive-vs-dot", "A key only the dot product favours",
                        "The long key (4, 0) wins the dot product; additive scores saturate, and the key that moves both units wins instead.",
                        additiveAgainstDot()));
}
