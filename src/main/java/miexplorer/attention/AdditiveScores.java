package miexplorer.attention;

/**
 * Additive attention scores, the form Bahdanau, Cho and Bengio used to align a translation with its
 * source (the tutorial's Paper 07): a small one-hidden-layer network scores each key against the
 * query,
 *
 * <pre>
 *   e_i = vᵀ tanh(W_q q + W_k k_i)
 * </pre>
 *
 * <p>with W_q of h × d_q, W_k of h × d_k and v of h numbers (the paper's v_a); h is the size of the
 * hidden layer. The query and the keys need not have the same length, and nothing is divided by
 * √d_k: each of the h units is squashed by tanh into (−1, 1), so |e_i| ≤ Σ_j |v_j| however large the
 * query and keys are. The temperature still divides the scores ({@link #attention}); the softmax, its
 * entropy and the output are then those of {@link QueryAttention#fromScores}.
 *
 * <p>Every intermediate is kept, for the worked steps: the arrays are the record's own (not copied)
 * and must not be changed.
 *
 * @param projectedQuery W_q q (h numbers), the same for every key
 * @param projectedKeys row i is W_k k_i (h numbers)
 * @param sums row i is W_q q + W_k k_i
 * @param activations row i is tanh(W_q q + W_k k_i)
 * @param scores e_i = v · activations[i]
 */
public record AdditiveScores(
        double[] projectedQuery,
        double[][] projectedKeys,
        double[][] sums,
        double[][] activations,
        double[] scores) {

    /** The largest hidden size h taken: enough to show the idea, small enough to show every number. */
    public static final int MAX_HIDDEN = 8;

    /**
     * e_i = vᵀ tanh(W_q q + W_k k_i) for each key.
     *
     * @param q the query, d_q ≥ 1 numbers
     * @param keys n ≥ 1 keys of d_k ≥ 1 numbers each
     * @param wq W_q, h rows of d_q numbers
     * @param wk W_k, h rows of d_k numbers
     * @param va v, h numbers
     * @throws IllegalArgumentException naming the matrix, row or number that does not fit, for h
     *     outside 1 … {@value #MAX_HIDDEN}, or for a number that is not finite
     */
    public static AdditiveScores of(double[] q, double[][] keys, double[][] wq, double[][] wk, double[] va) {
        if (q.length == 0) {
            throw new IllegalArgumentException("the query has no numbers; it needs at least one");
        }
        if (keys.length == 0) {
            throw new IllegalArgumentException("there are no keys; attention needs at least one");
        }
        int h = wq.length;
        if (h == 0 || h > MAX_HIDDEN) {
            throw new IllegalArgumentException("h (the rows of W_q) is " + h + "; it must be from 1 to " + MAX_HIDDEN);
        }
        if (wk.length != h) {
            throw new IllegalArgumentException("W_k has " + wk.length + " rows but W_q has " + h + "; both need h rows");
        }
        if (va.length != h) {
            throw new IllegalArgumentException("v has " + va.length + " numbers but W_q has " + h + " rows; v needs h numbers");
        }
        int dk = keys[0].length;
        if (dk == 0) {
            throw new IllegalArgumentException("key 0 has no numbers; keys need at least one");
        }
        checkFinite("the query", q);
        for (int i = 0; i < keys.length; i++) {
            if (keys[i].length != dk) {
                throw new IllegalArgumentException("key " + i + " has " + keys[i].length + " numbers, but key 0 has " + dk);
            }
            checkFinite("key " + i, keys[i]);
        }
        checkFinite("v", va);
        double[] projectedQuery = project("W_q", wq, q, "the query");
        double[][] projectedKeys = new double[keys.length][];
        double[][] sums = new double[keys.length][h];
        double[][] activations = new double[keys.length][h];
        double[] scores = new double[keys.length];
        for (int i = 0; i < keys.length; i++) {
            projectedKeys[i] = project("W_k", wk, keys[i], "key " + i);
            double e = 0;
            for (int j = 0; j < h; j++) {
                sums[i][j] = projectedQuery[j] + projectedKeys[i][j];
                if (Double.isNaN(sums[i][j])) { // +∞ + −∞: finite inputs whose products overflowed
                    throw new IllegalArgumentException("W_q q + W_k k_" + i + " at unit " + j
                            + " is too large to compute with");
                }
                activations[i][j] = Math.tanh(sums[i][j]);
                e += va[j] * activations[i][j];
            }
            scores[i] = e;
        }
        return new AdditiveScores(projectedQuery, projectedKeys, sums, activations, scores);
    }

    /**
     * Attention with these scores divided by the temperature T (not by √d_k): α = softmax(e / T),
     * H(α), 2^H(α) and o = Σ_i α_i v_i.
     *
     * @param values n rows of dimension d_v, or null
     * @throws IllegalArgumentException for T not finite and above 0, values that do not fit, or
     *     e_i / T too large to compute with
     */
    public QueryAttention attention(double temperature, double[][] values) {
        QueryAttention.checkTemperature(temperature);
        return QueryAttention.fromScores(scores, temperature, values);
    }

    /** h, the size of the hidden layer. */
    public int hidden() {
        return projectedQuery.length;
    }

    /** W x for W of h rows, each as long as x; the rows' lengths are checked against x's. */
    private static double[] project(String name, double[][] w, double[] x, String what) {
        double[] out = new double[w.length];
        for (int j = 0; j < w.length; j++) {
            if (w[j].length != x.length) {
                throw new IllegalArgumentException(name + " has " + w[j].length + " columns in row " + j + " but " + what
                        + " has " + x.length + " numbers");
            }
            double s = 0;
            for (int c = 0; c < x.length; c++) {
                double wjc = w[j][c];
                if (!Double.isFinite(wjc)) {
                    throw new IllegalArgumentException(name + " (row " + j + ", column " + c + ") is " + wjc
                            + "; every number must be finite");
                }
                s += wjc * x[c];
            }
            out[j] = s;
        }
        return out;
    }

    private static void checkFinite(String what, double[] x) {
        for (int c = 0; c < x.length; c++) {
            if (!Double.isFinite(x[c])) {
                throw new IllegalArgumentException("number " + c + " of " + what + " is " + x[c] + "; every number must be finite");
            }
        }
    }
}
