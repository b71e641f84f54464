package miexplorer.info;

import java.util.Objects;

/**
 * A joint distribution P(X, Y, Z) of three variables over finitely many outcomes, laid out as one
 * X × Y table per value of Z: the cell {@code [z][x][y]} is P(Z = z, X = x, Y = y). Every cell is
 * finite and non-negative, and the cells add up to 1.
 *
 * <p>Built from non-negative weights (probabilities or counts) by dividing every cell by their sum,
 * as {@link JointDistribution#fromWeights} does for two variables. The weights are kept, so a slice
 * or a pairwise marginal of a table of counts is itself built from counts and knows its own total.
 */
public final class ThreeWayDistribution {
    private final double[][][] w;
    private final double[][][] p;
    private final double total;
    private final double[] px;
    private final double[] py;
    private final double[] pz;
    private final double[][] pxy;
    private final double[][] pxz;
    private final double[][] pyz;

    private ThreeWayDistribution(double[][][] w, double total) {
        this.w = w;
        this.total = total;
        int nz = w.length;
        int nx = w[0].length;
        int ny = w[0][0].length;
        p = new double[nz][nx][ny];
        px = new double[nx];
        py = new double[ny];
        pz = new double[nz];
        pxy = new double[nx][ny];
        pxz = new double[nx][nz];
        pyz = new double[ny][nz];
        for (int k = 0; k < nz; k++) {
            for (int i = 0; i < nx; i++) {
                for (int j = 0; j < ny; j++) {
                    double v = w[k][i][j] / total;
                    p[k][i][j] = v;
                    px[i] += v;
                    py[j] += v;
                    pz[k] += v;
                    pxy[i][j] += v;
                    pxz[i][k] += v;
                    pyz[j][k] += v;
                }
            }
        }
    }

    /**
     * P(x, y, z) = w[z][x][y] / Σ w. The weights must form a non-empty box (every slice the same
     * number of rows, every row the same number of cells) of finite, non-negative numbers that do
     * not all vanish.
     *
     * @throws IllegalArgumentException naming the first slice, row or cell (from 0) that breaks a rule
     */
    public static ThreeWayDistribution fromWeights(double[][][] weights) {
        if (weights == null || weights.length == 0 || weights[0] == null || weights[0].length == 0
                || weights[0][0] == null || weights[0][0].length == 0) {
            throw new IllegalArgumentException(
                    "the table is empty; it needs at least one value of Z, one row (X) and one column (Y)");
        }
        int nx = weights[0].length;
        int ny = weights[0][0].length;
        double[][][] copy = new double[weights.length][nx][ny];
        double sum = 0;
        for (int k = 0; k < weights.length; k++) {
            if (weights[k] == null || weights[k].length != nx) {
                throw new IllegalArgumentException("slice Z = " + k + " has " + (weights[k] == null ? 0 : weights[k].length)
                        + " rows, but slice Z = 0 has " + nx);
            }
            for (int i = 0; i < nx; i++) {
                double[] row = weights[k][i];
                if (row == null || row.length != ny) {
                    throw new IllegalArgumentException("row " + i + " of slice Z = " + k + " has " + (row == null ? 0 : row.length)
                            + " cells, but row 0 of slice Z = 0 has " + ny);
                }
                for (int j = 0; j < ny; j++) {
                    double v = row[j];
                    if (!Double.isFinite(v)) {
                        throw new IllegalArgumentException(cell(k, i, j) + " is " + v + "; cells must be finite numbers");
                    }
                    if (v < 0) {
                        throw new IllegalArgumentException(cell(k, i, j) + " is " + v + "; cells cannot be negative");
                    }
                    copy[k][i][j] = v;
                    sum += v;
                }
            }
        }
        if (!(sum > 0)) {
            throw new IllegalArgumentException("every cell is 0; at least one must be positive");
        }
        if (!Double.isFinite(sum)) {
            throw new IllegalArgumentException("the cells add up to more than the largest finite double");
        }
        return new ThreeWayDistribution(copy, sum);
    }

    private static String cell(int z, int x, int y) {
        return "cell (z " + z + ", x " + x + ", y " + y + ")";
    }

    /** The number of values of X (rows of each slice). */
    public int sizeX() {
        return p[0].length;
    }

    /** The number of values of Y (columns of each slice). */
    public int sizeY() {
        return p[0][0].length;
    }

    /** The number of values of Z (slices). */
    public int sizeZ() {
        return p.length;
    }

    /** P(Z = z, X = x, Y = y); the arguments are in the layout's order, [z][x][y]. */
    public double p(int z, int x, int y) {
        return p[z][x][y];
    }

    /** P(X = x) = Σ_{y,z} P(x, y, z). */
    public double px(int x) {
        return px[x];
    }

    /** P(Y = y) = Σ_{x,z} P(x, y, z). */
    public double py(int y) {
        return py[y];
    }

    /** P(Z = z) = Σ_{x,y} P(x, y, z): the weight of slice z. */
    public double pz(int z) {
        return pz[z];
    }

    /** P(X = x, Y = y) = Σ_z P(x, y, z). */
    public double pxy(int x, int y) {
        return pxy[x][y];
    }

    /** P(X = x, Z = z) = Σ_y P(x, y, z). */
    public double pxz(int x, int z) {
        return pxz[x][z];
    }

    /** P(Y = y, Z = z) = Σ_x P(x, y, z). */
    public double pyz(int y, int z) {
        return pyz[y][z];
    }

    public double[] px() {
        return px.clone();
    }

    public double[] py() {
        return py.clone();
    }

    public double[] pz() {
        return pz.clone();
    }

    /** The sum of the weights this table was built from (1 for a table of probabilities). */
    public double weightTotal() {
        return total;
    }

    /** A copy of the cells, [z][x][y]. */
    public double[][][] cells() {
        double[][][] copy = new double[p.length][][];
        for (int k = 0; k < p.length; k++) {
            copy[k] = new double[p[k].length][];
            for (int i = 0; i < p[k].length; i++) {
                copy[k][i] = p[k][i].clone();
            }
        }
        return copy;
    }

    /**
     * P(X, Y | Z = z) = P(x, y, z) / P(z): slice z on its own, normalised. Its
     * {@link JointDistribution#weightTotal()} is the slice's total weight (its count, for counts).
     *
     * @throws IllegalArgumentException when P(z) = 0: Z = z never happens, so there is no
     *     distribution of X and Y given it
     */
    public JointDistribution slice(int z) {
        Objects.checkIndex(z, sizeZ());
        if (pz[z] == 0) {
            throw new IllegalArgumentException("P(Z = " + z + ") is 0, so P(X, Y | Z = " + z + ") is undefined");
        }
        return JointDistribution.fromWeights(w[z]);
    }

    /** P(X, Y) = Σ_z P(x, y, z): rows X, columns Y. */
    public JointDistribution pairXY() {
        double[][] m = new double[sizeX()][sizeY()];
        for (double[][] slice : w) {
            for (int i = 0; i < sizeX(); i++) {
                for (int j = 0; j < sizeY(); j++) {
                    m[i][j] += slice[i][j];
                }
            }
        }
        return JointDistribution.fromWeights(m);
    }

    /** P(X, Z) = Σ_y P(x, y, z): rows X, columns Z. */
    public JointDistribution pairXZ() {
        double[][] m = new double[sizeX()][sizeZ()];
        for (int k = 0; k < sizeZ(); k++) {
            for (int i = 0; i < sizeX(); i++) {
                for (int j = 0; j < sizeY(); j++) {
                    m[i][k] += w[k][i][j];
                }
            }
        }
        return JointDistribution.fromWeights(m);
    }

    /** P(Y, Z) = Σ_x P(x, y, z): rows Y, columns Z. */
    public JointDistribution pairYZ() {
        double[][] m = new double[sizeY()][sizeZ()];
        for (int k = 0; k < sizeZ(); k++) {
            for (int i = 0; i < sizeX(); i++) {
                for (int j = 0; j < sizeY(); j++) {
                    m[j][k] += w[k][i][j];
                }
            }
        }
        return JointDistribution.fromWeights(m);
    }

    /** The same distribution with X and Y swapped: P'(x' = y, y' = x, z) = P(x, y, z). */
    public ThreeWayDistribution swapXY() {
        double[][][] s = new double[sizeZ()][sizeY()][sizeX()];
        for (int k = 0; k < sizeZ(); k++) {
            for (int i = 0; i < sizeX(); i++) {
                for (int j = 0; j < sizeY(); j++) {
                    s[k][j][i] = w[k][i][j];
                }
            }
        }
        return new ThreeWayDistribution(s, total);
    }

    /** The same distribution with X and Z swapped: P'(x' = z, y, z' = x) = P(x, y, z). */
    public ThreeWayDistribution swapXZ() {
        double[][][] s = new double[sizeX()][sizeZ()][sizeY()];
        for (int k = 0; k < sizeZ(); k++) {
            for (int i = 0; i < sizeX(); i++) {
                for (int j = 0; j < sizeY(); j++) {
                    s[i][k][j] = w[k][i][j];
                }
            }
        }
        return new ThreeWayDistribution(s, total);
    }

    /** The same distribution with Y and Z swapped: P'(x, y' = z, z' = y) = P(x, y, z). */
    public ThreeWayDistribution swapYZ() {
        double[][][] s = new double[sizeY()][sizeX()][sizeZ()];
        for (int k = 0; k < sizeZ(); k++) {
            for (int i = 0; i < sizeX(); i++) {
                for (int j = 0; j < sizeY(); j++) {
                    s[j][i][k] = w[k][i][j];
                }
            }
        }
        return new ThreeWayDistribution(s, total);
    }
}
