package miexplorer.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts of paired observations: n(x, y) is how many samples had X = x and Y = y. Rows are the
 * categories of X, columns those of Y, in the order given (for label vectors, the order of first
 * appearance). Every category is kept; a category always has at least one observation, so no row
 * or column of the table is all zeros.
 *
 * @param xCategories the categories of X, one per row, distinct
 * @param yCategories the categories of Y, one per column, distinct
 * @param counts one row per X category, one cell per Y category; every cell a count ≥ 0
 */
public record ContingencyTable(List<String> xCategories, List<String> yCategories, long[][] counts) {

    public ContingencyTable {
        xCategories = List.copyOf(xCategories);
        yCategories = List.copyOf(yCategories);
        if (xCategories.isEmpty() || yCategories.isEmpty()) {
            throw new IllegalArgumentException("the table is empty: it needs at least one category of X and one of Y");
        }
        if (counts.length != xCategories.size()) {
            throw new IllegalArgumentException("there are " + xCategories.size() + " categories of X but "
                    + counts.length + " rows of counts");
        }
        long[][] copy = new long[counts.length][];
        long[] colTotals = new long[yCategories.size()];
        for (int i = 0; i < counts.length; i++) {
            if (counts[i].length != yCategories.size()) {
                throw new IllegalArgumentException("row " + i + " (" + xCategories.get(i) + ") has " + counts[i].length
                        + " counts, but there are " + yCategories.size() + " categories of Y");
            }
            long rowTotal = 0;
            for (int j = 0; j < counts[i].length; j++) {
                long c = counts[i][j];
                if (c < 0) {
                    throw new IllegalArgumentException("cell (" + xCategories.get(i) + ", " + yCategories.get(j) + ") is "
                            + c + "; a count cannot be negative");
                }
                rowTotal = Math.addExact(rowTotal, c);
                colTotals[j] = Math.addExact(colTotals[j], c);
            }
            if (rowTotal == 0) {
                throw new IllegalArgumentException("category " + xCategories.get(i) + " of X has no observation");
            }
            copy[i] = counts[i].clone();
        }
        for (int j = 0; j < colTotals.length; j++) {
            if (colTotals[j] == 0) {
                throw new IllegalArgumentException("category " + yCategories.get(j) + " of Y has no observation");
            }
        }
        counts = copy;
    }

    /**
     * The table of two label vectors read pair by pair: x[k] goes with y[k]. Categories appear in
     * the order they are first seen.
     */
    public static ContingencyTable of(List<String> x, List<String> y) {
        if (x.size() != y.size()) {
            throw new IllegalArgumentException("X has " + x.size() + " values but Y has " + y.size()
                    + "; the observations come in pairs");
        }
        Map<String, Integer> xs = new HashMap<>();
        Map<String, Integer> ys = new HashMap<>();
        List<String> xCats = new ArrayList<>();
        List<String> yCats = new ArrayList<>();
        int[] xi = new int[x.size()];
        int[] yi = new int[y.size()];
        for (int k = 0; k < x.size(); k++) {
            xi[k] = code(x.get(k), xs, xCats);
            yi[k] = code(y.get(k), ys, yCats);
        }
        return fromCodes(xi, yi, x.size(), xCats, yCats);
    }

    /**
     * The table of {@code n} pairs given as category numbers: pair k is (xCategories[x[k]],
     * yCategories[y[k]]). Categories that no pair uses are dropped, keeping the others' order.
     */
    public static ContingencyTable fromCodes(int[] x, int[] y, int n, List<String> xCategories, List<String> yCategories) {
        int r = xCategories.size();
        int c = yCategories.size();
        if ((long) r * c > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(r + " × " + c + " categories make too many cells to count");
        }
        long[] flat = new long[r * c];
        for (int k = 0; k < n; k++) {
            flat[x[k] * c + y[k]]++;
        }
        return fromFlat(flat, xCategories, yCategories);
    }

    /** The table of row-major counts over all the given categories, without those nobody observed. */
    static ContingencyTable fromFlat(long[] flat, List<String> xCategories, List<String> yCategories) {
        int r = xCategories.size();
        int c = yCategories.size();
        long[] rowTotals = new long[r];
        long[] colTotals = new long[c];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                rowTotals[i] += flat[i * c + j];
                colTotals[j] += flat[i * c + j];
            }
        }
        List<Integer> rows = new ArrayList<>();
        List<Integer> cols = new ArrayList<>();
        for (int i = 0; i < r; i++) {
            if (rowTotals[i] > 0) {
                rows.add(i);
            }
        }
        for (int j = 0; j < c; j++) {
            if (colTotals[j] > 0) {
                cols.add(j);
            }
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("there are no observations");
        }
        long[][] counts = new long[rows.size()][cols.size()];
        List<String> xs = new ArrayList<>(rows.size());
        List<String> ys = new ArrayList<>(cols.size());
        for (int a = 0; a < rows.size(); a++) {
            xs.add(xCategories.get(rows.get(a)));
            for (int b = 0; b < cols.size(); b++) {
                counts[a][b] = flat[rows.get(a) * c + cols.get(b)];
            }
        }
        for (int j : cols) {
            ys.add(yCategories.get(j));
        }
        return new ContingencyTable(xs, ys, counts);
    }

    private static int code(String v, Map<String, Integer> codes, List<String> categories) {
        Integer code = codes.get(v);
        if (code == null) {
            code = categories.size();
            codes.put(v, code);
            categories.add(v);
        }
        return code;
    }

    public int rows() {
        return xCategories.size();
    }

    public int cols() {
        return yCategories.size();
    }

    public long count(int i, int j) {
        return counts[i][j];
    }

    /** A copy of the counts. */
    @Override
    public long[][] counts() {
        long[][] copy = new long[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            copy[i] = counts[i].clone();
        }
        return copy;
    }

    /** N = Σ n(x, y), the number of observations. */
    public long n() {
        long n = 0;
        for (long[] row : counts) {
            for (long c : row) {
                n += c;
            }
        }
        return n;
    }

    /** n(x) = Σ_y n(x, y). */
    public long[] rowTotals() {
        long[] t = new long[rows()];
        for (int i = 0; i < rows(); i++) {
            for (long c : counts[i]) {
                t[i] += c;
            }
        }
        return t;
    }

    /** n(y) = Σ_x n(x, y). */
    public long[] colTotals() {
        long[] t = new long[cols()];
        for (long[] row : counts) {
            for (int j = 0; j < row.length; j++) {
                t[j] += row[j];
            }
        }
        return t;
    }

    /** How many cells have at least one observation. */
    public int nonEmptyCells() {
        int m = 0;
        for (long[] row : counts) {
            for (long c : row) {
                if (c > 0) {
                    m++;
                }
            }
        }
        return m;
    }

    /** The counts as doubles, for {@code JointDistribution.fromWeights}. */
    public double[][] weights() {
        double[][] w = new double[rows()][cols()];
        for (int i = 0; i < rows(); i++) {
            for (int j = 0; j < cols(); j++) {
                w[i][j] = counts[i][j];
            }
        }
        return w;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ContingencyTable t && xCategories.equals(t.xCategories) && yCategories.equals(t.yCategories)
                && Arrays.deepEquals(counts, t.counts);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * xCategories.hashCode() + yCategories.hashCode()) + Arrays.deepHashCode(counts);
    }

    @Override
    public String toString() {
        return "ContingencyTable" + xCategories + " × " + yCategories + " " + Arrays.deepToString(counts);
    }
}
