package miexplorer.info;

/**
 * A joint distribution P(X, Y) over finitely many outcomes: rows are the values of X, columns the
 * values of Y. Every cell is finite and non-negative, and the cells add up to 1.
 *
 * <p>Built from non-negative weights (probabilities or counts) by dividing every cell by their sum,
 * so a table that already adds up to 1 within rounding comes out adding up to 1 as exactly as
 * doubles allow.
 */
public final class JointDistribution {
    private final double[][] p;
    private final double[] px;
    private final double[] py;
    private final double total;

    private JointDistribution(double[][] p, double total) {
        this.p = p;
        this.total = total;
        int rows = p.length;
        int cols = p[0].length;
        px = new double[rows];
        py = new double[cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                px[i] += p[i][j];
                py[j] += p[i][j];
            }
        }
    }

    /**
     * P(x, y) = w(x, y) / Σ w. The weights must form a non-empty rectangle of finite, non-negative
     * numbers that do not all vanish.
     *
     * @throws IllegalArgumentException naming the first cell (row, column; from 0) that breaks a rule
     */
    public static JointDistribution fromWeights(double[][] weights) {
        if (weights == null || weights.length == 0 || weights[0] == null || weights[0].length == 0) {
            throw new IllegalArgumentException("the table is empty; it needs at least one row and one column");
        }
        int cols = weights[0].length;
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] == null || weights[i].length != cols) {
                throw new IllegalArgumentException("row " + i + " has "
                        + (weights[i] == null ? 0 : weights[i].length) + " cells, but row 0 has " + cols);
            }
            for (int j = 0; j < cols; j++) {
                double w = weights[i][j];
                if (!Double.isFinite(w)) {
                    throw new IllegalArgumentException("cell (" + i + ", " + j + ") is " + w + "; cells must be finite numbers");
                }
                if (w < 0) {
                    throw new IllegalArgumentException("cell (" + i + ", " + j + ") is " + w + "; cells cannot be negative");
                }
                sum += w;
            }
        }
        if (!(sum > 0)) {
            throw new IllegalArgumentException("every cell is 0; at least one must be positive");
        }
        if (!Double.isFinite(sum)) {
            throw new IllegalArgumentException("the cells add up to more than the largest finite double");
        }
        double[][] p = new double[weights.length][cols];
        for (int i = 0; i < weights.length; i++) {
            for (int j = 0; j < cols; j++) {
                p[i][j] = weights[i][j] / sum;
            }
        }
        return new JointDistribution(p, sum);
    }

    public int rows() {
        return p.length;
    }

    public int cols() {
        return p[0].length;
    }

    /** P(X = x_i, Y = y_j). */
    public double p(int i, int j) {
        return p[i][j];
    }

    /** P(X = x_i) = Σ_j P(x_i, y_j). */
    public double px(int i) {
        return px[i];
    }

    /** P(Y = y_j) = Σ_i P(x_i, y_j). */
    public double py(int j) {
        return py[j];
    }

    /** The sum of the weights this table was built from (1 for a table of probabilities). */
    public double weightTotal() {
        return total;
    }

    /** A copy of the cells. */
    public double[][] cells() {
        double[][] copy = new double[p.length][];
        for (int i = 0; i < p.length; i++) {
            copy[i] = p[i].clone();
        }
        return copy;
    }

    public double[] px() {
        return px.clone();
    }

    public double[] py() {
        return py.clone();
    }

    /** The same distribution with X and Y swapped: P'(y, x) = P(x, y). */
    public JointDistribution transpose() {
        double[][] t = new double[cols()][rows()];
        for (int i = 0; i < rows(); i++) {
            for (int j = 0; j < cols(); j++) {
                t[j][i] = p[i][j];
            }
        }
        return new JointDistribution(t, total);
    }

    /** The independent distribution with the same marginals: P'(x, y) = P(x) P(y). */
    public JointDistribution productOfMarginals() {
        double[][] q = new double[rows()][cols()];
        for (int i = 0; i < rows(); i++) {
            for (int j = 0; j < cols(); j++) {
                q[i][j] = px[i] * py[j];
            }
        }
        return fromWeights(q);
    }
}
