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
        double[] p = normalisedPrior(queries.length, prior);
        List<QueryAttention> rows = new ArrayList<>(queries.length);
        for (double[] q : queries) {
            rows.add(QueryAttention.of(q, keys, values, scale, temperature));
        }
        return joint(rows, p);
    }

    /**
     * The joint table of rows scored any way (dot product, {@link AdditiveScores}, …), each against
     * the same n keys.
     *
     * @param prior m non-negative weights, or null for equally likely queries
     * @throws IllegalArgumentException for no rows, rows with different numbers of keys, or a bad prior
     */
    public static MultiQueryAttention fromRows(List<QueryAttention> rows, double[] prior) {
        return joint(rows, normalisedPrior(rows.size(), prior));
    }

    /** P(query) from m weights (null: 1/m each), checked before any row is computed. */
    private static double[] normalisedPrior(int m, double[] prior) {
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
        return p;
    }

    /** P(query = r, key = i) = p_r · α_{r,i}. */
    private static MultiQueryAttention joint(List<QueryAttention> rows, double[] p) {
        int m = rows.size();
        int n = rows.get(0).keys();
        double[][] joint = new double[m][];
        for (int r = 0; r < m; r++) {
            QueryAttention a = rows.get(r);
            if (a.keys() != n) {
                throw new IllegalArgumentException("query " + r + " was scored against " + a.keys() + " keys, but query 0 against " + n);
            }
            joint[r] = new double[n];
            for (int i = 0; i < n; i++) {
                joint[r][i] = p[r] * a.weights()[i];
            }
        }
        return new MultiQueryAttention(List.copyOf(rows), p, JointDistribution.fromWeights(joint));
    }
}
