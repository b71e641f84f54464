package miexplorer.practice;

import miexplorer.info.LogBase;

/**
 * The lesson's formulas on one table of X (rows) and Y (columns), computed as a person does
 * with a {@link Rounding}: the same code gives the exact value (to compare with
 * {@link miexplorer.info.Analysis}) and what rounding along the way gives.
 *
 * <p>The table is kept as displayed: weights w(x, y) that are probabilities (total 1) or counts
 * (total N). P(x, y) = w(x, y)/total, P(x) = (Σ_y w(x, y))/total, and a conditional
 * P(x | y) = w(x, y) / Σ_x w(x, y) is divided out of the weights directly, as a person divides a
 * column of counts by its total.
 *
 * <ul>
 *   <li>H(P) = −Σ p log p, term by term ({@link #entropy})</li>
 *   <li>H(X|Y) = Σ_y P(y)·H(X | Y = y) ({@link #hXGivenY}) = H(X,Y) − H(Y) ({@link #hXGivenYFromJoint})</li>
 *   <li>I(X;Y) = H(X) − H(X|Y) = H(Y) − H(Y|X) = H(X) + H(Y) − H(X,Y)
 *       = Σ P(x,y) log[P(x,y) / (P(x)P(y))]</li>
 * </ul>
 */
final class TableWork {
    private final double[][] w;
    private final double total;
    private final LogBase base;
    private final Rounding r;
    private final double[] rowSums;
    private final double[] colSums;
    // Each entropy is worked once and kept: a draft's routes and mistakes share most of them.
    private double hX = Double.NaN;
    private double hY = Double.NaN;
    private double hXY = Double.NaN;
    private double hXGivenY = Double.NaN;
    private TableWork transposed;

    TableWork(double[][] w, double total, LogBase base, Rounding r) {
        this.w = w;
        this.total = total;
        this.base = base;
        this.r = r;
        rowSums = new double[w.length];
        colSums = new double[w[0].length];
        for (int i = 0; i < w.length; i++) {
            for (int j = 0; j < w[0].length; j++) {
                rowSums[i] += w[i][j];
                colSums[j] += w[i][j];
            }
        }
    }

    /** The table as the question shows it: probabilities add up to 1, counts to N. */
    static TableWork of(ExerciseData.Table t, Rounding r) {
        return of(t, t.base(), r);
    }

    static TableWork of(ExerciseData.Table t, LogBase base, Rounding r) {
        double[][] cells = t.cells();
        return new TableWork(cells, t.counts() ? sum(cells) : 1, base, r);
    }

    static double sum(double[][] cells) {
        double s = 0;
        for (double[] row : cells) {
            for (double v : row) {
                s += v;
            }
        }
        return s;
    }

    /** One TableWork per base and rounding of {@code t}, shared by a draft's routes and mistakes. */
    static PerRounding<TableWork> cache(ExerciseData.Table t) {
        return new PerRounding<>(t.base(), (b, r) -> of(t, b, r));
    }

    /** The same table with X and Y swapped, so each X-formula gives its Y twin. */
    TableWork transposed() {
        if (transposed == null) {
            double[][] t = new double[w[0].length][w.length];
            for (int i = 0; i < w.length; i++) {
                for (int j = 0; j < w[0].length; j++) {
                    t[j][i] = w[i][j];
                }
            }
            transposed = new TableWork(t, total, base, r);
            transposed.transposed = this;
        }
        return transposed;
    }

    Rounding rounding() {
        return r;
    }

    int rows() {
        return w.length;
    }

    int cols() {
        return w[0].length;
    }

    /** P(x_i, y_j). */
    double p(int i, int j) {
        return r.inner(w[i][j] / total);
    }

    /** P(x_i). */
    double px(int i) {
        return r.inner(rowSums[i] / total);
    }

    /** P(y_j). */
    double py(int j) {
        return r.inner(colSums[j] / total);
    }

    double[] px() {
        double[] q = new double[rows()];
        for (int i = 0; i < q.length; i++) {
            q[i] = px(i);
        }
        return q;
    }

    double[] py() {
        double[] q = new double[cols()];
        for (int j = 0; j < q.length; j++) {
            q[j] = py(j);
        }
        return q;
    }

    /** P(X | Y = y_j) = w(x, y_j) / Σ_x w(x, y_j); column j must not be empty. */
    double[] givenColumn(int j) {
        double[] q = new double[rows()];
        for (int i = 0; i < q.length; i++) {
            q[i] = r.inner(w[i][j] / colSums[j]);
        }
        return q;
    }

    /** P(X, Y = y_j) for each x: column j of the joint table, not divided by P(y_j). */
    double[] column(int j) {
        double[] q = new double[rows()];
        for (int i = 0; i < q.length; i++) {
            q[i] = p(i, j);
        }
        return q;
    }

    /** H(P) = −Σ p log p, as {@link Rounding#entropy} computes it. */
    double entropy(double[] q) {
        return r.entropy(q, base);
    }

    /** H(X). */
    double hX() {
        if (Double.isNaN(hX)) {
            hX = entropy(px());
        }
        return hX;
    }

    /** H(Y). */
    double hY() {
        if (Double.isNaN(hY)) {
            hY = entropy(py());
        }
        return hY;
    }

    /** H(X,Y) = −Σ_{x,y} P(x,y) log P(x,y), cells in row order. */
    double hXY() {
        if (!Double.isNaN(hXY)) {
            return hXY;
        }
        double[] q = new double[rows() * cols()];
        for (int i = 0; i < rows(); i++) {
            for (int j = 0; j < cols(); j++) {
                q[i * cols() + j] = p(i, j);
            }
        }
        hXY = entropy(q);
        return hXY;
    }

    /** H(X | Y = y_j), the entropy of column j divided by its total. */
    double hXGivenColumn(int j) {
        return entropy(givenColumn(j));
    }

    /** H(X|Y) = Σ_y P(y)·H(X | Y = y); a column that never happens has weight 0 and is skipped. */
    double hXGivenY() {
        if (!Double.isNaN(hXGivenY)) {
            return hXGivenY;
        }
        double h = 0;
        for (int j = 0; j < cols(); j++) {
            if (colSums[j] != 0) {
                h += r.step(py(j) * hXGivenColumn(j));
            }
        }
        hXGivenY = r.step(h);
        return hXGivenY;
    }

    /** H(Y|X) = Σ_x P(x)·H(Y | X = x). */
    double hYGivenX() {
        return transposed().hXGivenY();
    }

    /** H(X|Y) = H(X,Y) − H(Y). */
    double hXGivenYFromJoint() {
        return r.step(hXY() - hY());
    }

    /** The mistake of averaging H(X | Y = y) over the columns without the weights P(y). */
    double hXGivenYUnweighted() {
        double h = 0;
        int n = 0;
        for (int j = 0; j < cols(); j++) {
            if (colSums[j] != 0) {
                h += hXGivenColumn(j);
                n++;
            }
        }
        return r.step(h / n);
    }

    /** I = H(X) − H(X|Y). */
    double miFromX() {
        return r.step(hX() - hXGivenY());
    }

    /** I = H(Y) − H(Y|X). */
    double miFromY() {
        return transposed().miFromX();
    }

    /** I = H(X) + H(Y) − H(X,Y). */
    double miFromJoint() {
        return r.step(hX() + hY() - hXY());
    }

    /** I = Σ P(x,y) log[P(x,y) / (P(x)P(y))], one rounded term per non-empty cell. */
    double miPointwise() {
        double s = 0;
        for (int i = 0; i < rows(); i++) {
            for (int j = 0; j < cols(); j++) {
                double p = p(i, j);
                if (p != 0) {
                    // 0·log(0/q) = 0: an empty cell adds nothing.
                    s += r.step(p * r.inner(base.log(r.inner(p / r.inner(px(i) * py(j))))));
                }
            }
        }
        return r.step(s);
    }
}
