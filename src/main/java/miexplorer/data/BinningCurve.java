package miexplorer.data;

import java.util.Arrays;

/**
 * The plug-in estimate Î = Σ (n_xy/N) ln(n_xy·N / (n_x·n_y)) of binned columns, for every number of
 * bins b from {@link #FROM} to {@link #TO}, equal-width and equal-frequency: how the binned estimate
 * moves with the bins, to set beside a nearest-neighbour estimate. A numeric column is cut into b
 * bins; a categorical one keeps its categories. The bins are {@link Binning}'s (the same edges, ties
 * sharing a bin), and the sum runs over the cells in the same order as {@link SampleEstimates}, so each
 * point equals, to the bit, the plug-in estimate of the table binned that way.
 *
 * <p>Cost: one sort per numeric column, then for each b and binning one pass over the rows to count
 * the cells, O(N log N + 2·49·N); about 0.1 s for 10⁵ rows here.
 *
 * @param nats index b − FROM: the estimate in nats with b bins
 */
public record BinningCurve(double[] widthNats, double[] frequencyNats) {
    public static final int FROM = 2;
    public static final int TO = 50;

    /**
     * @param xNumbers x's values when x is numeric, else null and {@code xCodes} its category codes
     *     (from 0); likewise y. At least one column must be numeric.
     */
    public static BinningCurve of(double[] xNumbers, int[] xCodes, double[] yNumbers, int[] yCodes) {
        if (xNumbers == null && yNumbers == null) {
            throw new IllegalArgumentException("at least one column must be numeric to be binned");
        }
        Side x = new Side(xNumbers, xCodes);
        Side y = new Side(yNumbers, yCodes);
        int n = x.n();
        if (y.n() != n) {
            throw new IllegalArgumentException("x has " + n + " values but y has " + y.n());
        }
        double[] width = new double[TO - FROM + 1];
        double[] frequency = new double[TO - FROM + 1];
        int[] cx = new int[n];
        int[] cy = new int[n];
        for (int b = FROM; b <= TO; b++) {
            for (Binning binning : Binning.values()) {
                int rows = x.codes(binning, b, cx);
                int cols = y.codes(binning, b, cy);
                double nats = plugIn(cx, rows, cy, cols, n);
                (binning == Binning.WIDTH ? width : frequency)[b - FROM] = nats;
            }
        }
        return new BinningCurve(width, frequency);
    }

    /** The estimate in nats with b bins of the given binning. */
    public double nats(Binning binning, int b) {
        return (binning == Binning.WIDTH ? widthNats : frequencyNats)[b - FROM];
    }

    /** Î in nats from category codes, as {@link SampleEstimates#of} sums it (row-major, empty cells skipped). */
    static double plugIn(int[] x, int rows, int[] y, int cols, int n) {
        int[] counts = new int[rows * cols];
        for (int i = 0; i < n; i++) {
            counts[x[i] * cols + y[i]]++;
        }
        long[] nx = new long[rows];
        long[] ny = new long[cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                nx[i] += counts[i * cols + j];
                ny[j] += counts[i * cols + j];
            }
        }
        double bigN = n;
        double lnN = Math.log(bigN);
        double mi = 0;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                int c = counts[i * cols + j];
                if (c == 0) {
                    continue;
                }
                double p = c / bigN;
                mi += p * (Math.log(c) + lnN - Math.log(nx[i]) - Math.log(ny[j]));
            }
        }
        return mi < 0 && mi > -SampleEstimates.ROUNDING ? 0 : mi;
    }

    /** One column: its categories, or its numbers with what both binnings need, worked out once. */
    private static final class Side {
        final double[] v;
        final int[] codes;
        final int categories;
        double min;
        double max;
        /** Equal-frequency: for each row, the last position of its value in the sorted column. */
        int[] last;

        Side(double[] numbers, int[] codes) {
            this.v = numbers;
            this.codes = codes;
            int most = 0;
            if (codes != null) {
                for (int c : codes) {
                    most = Math.max(most, c + 1);
                }
            }
            this.categories = most;
            if (numbers != null) {
                double[] sorted = numbers.clone();
                Arrays.sort(sorted);
                min = sorted[0];
                max = sorted[sorted.length - 1];
                last = new int[numbers.length];
                for (int i = 0; i < numbers.length; i++) {
                    last[i] = lastAtMost(sorted, numbers[i]);
                }
            }
        }

        int n() {
            return v != null ? v.length : codes.length;
        }

        /** Fills {@code out} with each row's bin (or category) and returns how many codes there can be. */
        int codes(Binning binning, int b, int[] out) {
            int n = n();
            if (v == null) {
                System.arraycopy(codes, 0, out, 0, n);
                return categories;
            }
            if (binning == Binning.WIDTH) {
                // Binning.bin(edges, v), the number of edges at or below v, found from a first guess: edge j is
                // min + (j + 1)·width unless rounding dropped one, and the loops correct the guess either way.
                double[] edges = Binning.widthEdges(min, max, b);
                int m = edges.length;
                double width = (max - min) / b;
                for (int i = 0; i < n; i++) {
                    double d = v[i];
                    int g = (int) Math.min(m, Math.max(0, (d - min) / width));
                    while (g > 0 && edges[g - 1] > d) {
                        g--;
                    }
                    while (g < m && edges[g] <= d) {
                        g++;
                    }
                    out[i] = g;
                }
                return m + 1;
            }
            // Binning.FREQUENCY puts the edges at the sorted values of rank ⌊j·N/b⌋, j = 1 … b − 1, and a
            // value's bin is the number of edges at or below it. With L the last rank of the value, edge j
            // is at or below it when ⌊j·N/b⌋ ≤ L, i.e. j·N < (L + 1)·b: that makes min(b − 1, ⌊((L + 1)·b − 1)/N⌋)
            // edges. Binning drops repeated edges and those equal to the minimum; that renumbers the bins
            // without reordering or merging them, so the cells, and the sum, are the same.
            // ((L + 1)·b − 1)/N is at least 1/N from the next whole number unless it is one, far more than the
            // rounding of a multiplication by 1/N, so the floor in floating point is exact.
            double perRow = 1.0 / n;
            for (int i = 0; i < n; i++) {
                int q = (int) (((last[i] + 1.0) * b - 1) * perRow);
                out[i] = q < b ? q : b - 1;
            }
            return b;
        }
    }

    private static int lastAtMost(double[] sorted, double v) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) { // first index with sorted > v
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo - 1;
    }
}
