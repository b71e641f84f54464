package miexplorer.attention.learned;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Spearman's rank correlation ρ: the Pearson correlation of the ranks of a and the ranks of b.
 * Tied values share the average of the ranks they span (ranks 2 and 3 tied are both 2.5), so
 * ρ = Σ (R_i − R̄)(S_i − S̄) / √(Σ (R_i − R̄)² Σ (S_i − S̄)²), which is 1 − 6 Σ d_i² / (n(n² − 1))
 * when there are no ties.
 */
public final class RankCorrelation {
    private RankCorrelation() {
    }

    /**
     * ρ(a, b) from −1 to 1; NaN when it is undefined: fewer than two pairs, or all of a (or all of b)
     * equal, so that its ranks do not vary.
     *
     * @throws IllegalArgumentException when a and b differ in length or hold NaN
     */
    public static double spearman(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("a has " + a.length + " numbers but b has " + b.length + "; they come in pairs");
        }
        double[] ra = ranks(a);
        double[] rb = ranks(b);
        int n = a.length;
        double mean = (n + 1) / 2.0; // the mean of the ranks 1 … n, ties or not
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < n; i++) {
            double da = ra[i] - mean;
            double db = rb[i] - mean;
            sab += da * db;
            saa += da * da;
            sbb += db * db;
        }
        if (n < 2 || saa == 0 || sbb == 0) {
            return Double.NaN;
        }
        return sab / Math.sqrt(saa * sbb);
    }

    /** The ranks 1 … n of x, ties given the average of the ranks they span. */
    static double[] ranks(double[] x) {
        Integer[] order = new Integer[x.length];
        for (int i = 0; i < x.length; i++) {
            if (Double.isNaN(x[i])) {
                throw new IllegalArgumentException("number " + i + " is NaN; it has no rank");
            }
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> x[i]));
        double[] r = new double[x.length];
        int start = 0;
        while (start < x.length) {
            int end = start + 1;
            while (end < x.length && x[order[end]] == x[order[start]]) {
                end++;
            }
            double rank = (start + 1 + end) / 2.0; // the mean of ranks start + 1 … end
            for (int k = start; k < end; k++) {
                r[order[k]] = rank;
            }
            start = end;
        }
        return r;
    }
}
