package miexplorer.attention;

/**
 * The softmax α_i = exp(s_i) / Σ_j exp(s_j), computed in its stable form: subtract the largest
 * score m first, so every exponent is ≤ 0 and exp never overflows; the result is the same because
 * exp(s_i − m) / Σ_j exp(s_j − m) = exp(s_i) / Σ_j exp(s_j). Scores as large as 1e6, or far
 * apart, still give finite weights that add up to 1.
 *
 * @param max m = max_i s_i
 * @param shifted s_i − m (each ≤ 0)
 * @param exps exp(s_i − m) (each in (0, 1], the largest exactly 1)
 * @param sum Z = Σ_i exp(s_i − m) (≥ 1)
 * @param weights α_i = exp(s_i − m) / Z
 */
public record Softmax(double max, double[] shifted, double[] exps, double sum, double[] weights) {

    /** @throws IllegalArgumentException when there are no scores or one is not finite */
    public static Softmax of(double[] scores) {
        if (scores.length == 0) {
            throw new IllegalArgumentException("softmax needs at least one score");
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < scores.length; i++) {
            if (!Double.isFinite(scores[i])) {
                throw new IllegalArgumentException("score " + i + " is " + scores[i] + "; scores must be finite");
            }
            max = Math.max(max, scores[i]);
        }
        double[] shifted = new double[scores.length];
        double[] exps = new double[scores.length];
        double sum = 0;
        for (int i = 0; i < scores.length; i++) {
            shifted[i] = scores[i] - max;
            exps[i] = Math.exp(shifted[i]);
            sum += exps[i];
        }
        double[] weights = new double[scores.length];
        for (int i = 0; i < scores.length; i++) {
            weights[i] = exps[i] / sum;
        }
        return new Softmax(max, shifted, exps, sum, weights);
    }
}
