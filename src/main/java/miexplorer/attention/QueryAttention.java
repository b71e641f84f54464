package miexplorer.attention;

import miexplorer.info.Entropy;
import miexplorer.info.LogBase;

/**
 * Scaled dot-product attention for one query q against n keys k_i (all of dimension d_k):
 *
 * <ul>
 *   <li>scores s_i = q · k_i = Σ_d q_d k_{i,d}</li>
 *   <li>scaled scores s_i / (√d_k · T) when scaling is on, s_i / T when off (T the temperature)</li>
 *   <li>weights α = softmax(scaled scores), computed stably ({@link Softmax})</li>
 *   <li>output o = Σ_i α_i v_i, when values are given</li>
 *   <li>H(α) = −Σ α_i log₂ α_i bits, at most log₂ n (uniform weights); 2^H(α) is the effective
 *       number of keys attended: n for uniform weights, 1 for one-hot</li>
 * </ul>
 *
 * <p>{@link #fromScores} does every step after the scores for scores made any other way, such as
 * the additive scores of {@link AdditiveScores}; {@link #of} is the dot product followed by it.
 *
 * <p>The products q_d k_{i,d} are summed as they are made and not kept: n × d_k of them (2 MB for
 * 256 keys of 1024) would be allocated per query only for a page that shows a handful.
 *
 * @param divisor what the scores are divided by: √d_k · T, or T (T alone for additive scores)
 * @param output null when no values were given
 */
public record QueryAttention(
        double[] scores,
        double divisor,
        double[] scaledScores,
        Softmax softmax,
        double[] output,
        double entropyBits,
        double maxEntropyBits,
        double effectiveKeys) {

    /**
     * Dot-product attention: s_i = q · k_i, divided by √d_k · T when {@code scale} is on, by T when off.
     *
     * @param values n rows of dimension d_v, or null
     * @param scale whether to divide by √d_k
     * @param temperature T > 0
     * @throws IllegalArgumentException for empty input, mismatched dimensions, T ≤ 0, or scaled
     *     scores too large to be finite
     */
    public static QueryAttention of(double[] q, double[][] keys, double[][] values, boolean scale, double temperature) {
        int n = keys.length;
        int d = q.length;
        if (n == 0 || d == 0) {
            throw new IllegalArgumentException("attention needs a query and at least one key, each with at least one number");
        }
        checkTemperature(temperature);
        checkValueCount(n, values);
        double[] scores = new double[n];
        for (int i = 0; i < n; i++) {
            if (keys[i].length != d) {
                throw new IllegalArgumentException("key " + i + " has " + keys[i].length + " numbers, but the query has " + d);
            }
            double s = 0;
            for (int j = 0; j < d; j++) {
                s += q[j] * keys[i][j];
            }
            scores[i] = s;
        }
        return fromScores(scores, (scale ? Math.sqrt(d) : 1) * temperature, values);
    }

    /**
     * Attention from scores however they were made (dot products, {@link AdditiveScores}, …): scaled
     * scores s_i / divisor, α = softmax of them, H(α), 2^H(α) and o = Σ_i α_i v_i. The scores are
     * kept as given (not copied).
     *
     * @param rawScores s_1 … s_n, n ≥ 1, each finite
     * @param divisor what every score is divided by (√d_k · T, or T): finite and above 0
     * @param values n rows of dimension d_v, or null
     * @throws IllegalArgumentException for no scores, a score that is not finite, a bad divisor, a
     *     value count or dimension that does not fit, or a scaled score too large to be finite
     */
    public static QueryAttention fromScores(double[] rawScores, double divisor, double[][] values) {
        int n = rawScores.length;
        if (n == 0) {
            throw new IllegalArgumentException("attention needs at least one key");
        }
        if (!(divisor > 0) || !Double.isFinite(divisor)) {
            throw new IllegalArgumentException("the scores are divided by " + divisor + "; it must be a finite number above 0");
        }
        checkValueCount(n, values);
        double[] scaled = new double[n];
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(rawScores[i])) {
                throw new IllegalArgumentException("score " + i + " is not a number");
            }
            scaled[i] = rawScores[i] / divisor; // an infinite score stays infinite and is caught here
            if (!Double.isFinite(scaled[i])) {
                throw new IllegalArgumentException("score " + i + " divided by " + divisor + " is too large to compute with");
            }
        }
        Softmax sm = Softmax.of(scaled);
        double[] output = null;
        if (values != null) {
            int dv = values[0].length;
            output = new double[dv];
            for (int i = 0; i < n; i++) {
                if (values[i].length != dv) {
                    throw new IllegalArgumentException("value " + i + " has " + values[i].length + " numbers, but value 0 has " + dv);
                }
                for (int j = 0; j < dv; j++) {
                    output[j] += sm.weights()[i] * values[i][j];
                }
            }
        }
        double h = Entropy.of(sm.weights(), LogBase.TWO);
        return new QueryAttention(rawScores, divisor, scaled, sm, output, h, LogBase.TWO.log(n), Math.pow(2, h));
    }

    /** @throws IllegalArgumentException unless T is finite and above 0 */
    static void checkTemperature(double temperature) {
        if (!(temperature > 0) || !Double.isFinite(temperature)) {
            throw new IllegalArgumentException("the temperature is " + temperature + "; it must be a finite number above 0");
        }
    }

    private static void checkValueCount(int n, double[][] values) {
        if (values != null && values.length != n) {
            throw new IllegalArgumentException("there are " + n + " keys but " + values.length + " values; each key needs one value");
        }
    }

    public double[] weights() {
        return softmax.weights();
    }

    public int keys() {
        return scores.length;
    }
}
