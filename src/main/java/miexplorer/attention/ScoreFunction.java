package miexplorer.attention;

/**
 * How a query scores a key, before the softmax:
 *
 * <ul>
 *   <li>{@link #SCALED_DOT}: q · k_i / √d_k, the Transformer's scaled dot product (the tutorial's
 *       Paper 08): {@code QueryAttention.of(q, keys, values, true, T)}</li>
 *   <li>{@link #DOT}: q · k_i, unscaled: {@code QueryAttention.of(q, keys, values, false, T)}</li>
 *   <li>{@link #ADDITIVE}: vᵀ tanh(W_q q + W_k k_i), Bahdanau et al.'s additive score (Paper 07),
 *       not divided by √d_k: {@code AdditiveScores.of(q, keys, wq, wk, v).attention(T, values)}</li>
 * </ul>
 *
 * <p>Each is then divided by the temperature T.
 */
public enum ScoreFunction {
    SCALED_DOT("scaled-dot"),
    DOT("dot"),
    ADDITIVE("additive");

    private final String key;

    ScoreFunction(String key) {
        this.key = key;
    }

    /** The name used in URLs and the API: {@code "scaled-dot"}, {@code "dot"} or {@code "additive"}. */
    public String key() {
        return key;
    }

    /** The score function named by {@code key}, or {@code null} when the key names none. */
    public static ScoreFunction fromKey(String key) {
        for (ScoreFunction f : values()) {
            if (f.key.equals(key)) {
                return f;
            }
        }
        return null;
    }
}
