package miexplorer.attention;

import java.util.ArrayList;
import java.util.List;
import miexplorer.info.JointDistribution;

/**
 * Attention for m queries against the same keys: the m × n matrix of weights, row r being the
 * softmax for query r. Reading row r as P(key | query = r), and giving the queries a prior P(query)
 * (equal by default), makes a joint distribution P(query, key) = P(query)·α_{r,i}, whose mutual
 * information I(query; key) says how much the choice of key depends on which query asks. That is
 * an exact quantity of this construction; it is not a claim that attention "computes" mutual
 * information.
 */
public record MultiQueryAttention(List<QueryAttention> rows, double[] prior, JointDistribution joint) {

    /**
     * @param prior m non-negative weights, or null for equally likely queries
     */
    public static MultiQueryAttention of(double[][] queries, double[][] keys, double[][] values, boolean scale,
            double temperature, double[] prior) {
        int m = queries.length;
        if (m == 0) {
            throw new IllegalArgumentException("at least one query is needed");
        }
        double[] p = new double[m];
        if (prior == null) {
            java.util.Arrays.fill(p, 1.0 / m);
        } else {
            if (prior.length != m) {
                throw new IllegalArgumentException("there are " + m + " queries but " + prior.length + " prior weights");
            }
            double sum = 0;
            for (int r = 0; r < m; r++) {
                if (!(prior[r] >= 0) || !Double.isFinite(prior[r])) {
                    throw new IllegalArgumentException("prior weight " + r + " is " + prior[r] + "; weights must be finite and not negative");
                }
                sum += prior[r];
            }
            if (!(sum > 0)) {
                throw new IllegalArgumentException("every prior weight is 0; at least one must be positive");
            }
            for (int r = 0; r < m; r++) {
                p[r] = prior[r] / sum;
            }
        }
        List<QueryAttention> rows = new ArrayList<>(m);
        double[][] joint = new double[m][];
        for (int r = 0; r < m; r++) {
            QueryAttention a = QueryAttention.of(queries[r], keys, values, scale, temperature);
            rows.add(a);
            joint[r] = new double[keys.length];
            for (int i = 0; i < keys.length; i++) {
                joint[r][i] = p[r] * a.weights()[i];
            }
        }
        return new MultiQueryAttention(List.copyOf(rows), p, JointDistribution.fromWeights(joint));
    }
}
