package miexplorer.data;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns a numeric column into k categories (bins), so its mutual information with another column
 * can be estimated from counts.
 *
 * <ul>
 *   <li>{@link #WIDTH}: k bins of equal width between the smallest and the largest value,
 *       [e₀, e₁), [e₁, e₂), …, [e_{k−1}, e_k] (the last bin includes the largest value).</li>
 *   <li>{@link #FREQUENCY}: edges at the values ranked ⌊b·N/k⌋ (b = 1 … k − 1) of the sorted column, so
 *       each bin holds about N/k values. Equal values always share a bin, so with ties there can be
 *       fewer bins than asked for; the result says so.</li>
 * </ul>
 *
 * Mutual information of binned data depends on the bins: more bins find more structure and more
 * bias; the estimate is of the binned variables, not of the continuous ones.
 */
public enum Binning {
    WIDTH("width", "equal-width"),
    FREQUENCY("frequency", "equal-frequency");

    private final String key;
    private final String description;

    Binning(String key, String description) {
        this.key = key;
        this.description = description;
    }

    public String key() {
        return key;
    }

    public String description() {
        return description;
    }

    public static Binning fromKey(String key) {
        for (Binning b : values()) {
            if (b.key.equals(key)) {
                return b;
            }
        }
        return null;
    }

    /**
     * The bins of the first {@code n} values, all finite.
     *
     * @param codes receives each value's bin (from 0)
     * @return one label per bin, such as "[0.5, 1.5)", and a note when fewer bins than asked came out
     */
    public Bins apply(double[] values, int n, int k, int[] codes) {
        if (k < 1) {
            throw new IllegalArgumentException("the number of bins is " + k + "; it must be at least 1");
        }
        if (n == 0) {
            return new Bins(List.of(), null);
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            min = Math.min(min, values[i]);
            max = Math.max(max, values[i]);
        }
        double[] edges; // inner edges, increasing and distinct: value v is in bin #(edges ≤ v)
        if (this == WIDTH) {
            edges = widthEdges(min, max, k);
        } else {
            double[] sorted = Arrays.copyOf(values, n);
            Arrays.sort(sorted);
            List<Double> inner = new ArrayList<>();
            for (int b = 1; b < k; b++) {
                double e = sorted[(int) ((long) b * n / k)];
                if (e > min && (inner.isEmpty() || e > inner.get(inner.size() - 1))) {
                    inner.add(e);
                }
            }
            edges = inner.stream().mapToDouble(Double::doubleValue).toArray();
        }
        for (int i = 0; i < n; i++) {
            codes[i] = bin(edges, values[i]);
        }
        double[] all = new double[edges.length + 2];
        all[0] = min;
        System.arraycopy(edges, 0, all, 1, edges.length);
        all[all.length - 1] = max;
        String[] text = edgeLabels(all);
        List<String> labels = new ArrayList<>();
        for (int b = 0; b <= edges.length; b++) {
            boolean last = b == edges.length;
            labels.add("[" + text[b] + ", " + text[b + 1] + (last ? "]" : ")"));
        }
        String note = null;
        if (labels.size() < k) {
            note = max == min ? "every value is " + text[0] + ", so there is one bin, not " + k
                    : "ties leave " + labels.size() + " bins, not " + k;
        }
        return new Bins(labels, note);
    }

    /** The bins' labels, in order, and a note when there are fewer than asked for (else null). */
    public record Bins(List<String> labels, String note) {
    }

    /** The inner edges of k equal-width bins from min to max: increasing, distinct, strictly between them. */
    static double[] widthEdges(double min, double max, int k) {
        double width = (max - min) / k;
        double[] inner = new double[Math.max(0, k - 1)];
        int m = 0;
        for (int b = 1; b < k; b++) {
            double e = min + b * width;
            if (e > min && e < max && (m == 0 || e > inner[m - 1])) {
                inner[m++] = e;
            }
        }
        return Arrays.copyOf(inner, m);
    }

    /** The index of the first edge above v, found by binary search. */
    static int bin(double[] edges, double v) {
        int lo = 0;
        int hi = edges.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (edges[mid] <= v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The edges with as few significant digits (3 to 17) as keep distinct edges distinct. */
    static String[] edgeLabels(double[] edges) {
        for (int digits = 3; ; digits++) {
            String[] out = new String[edges.length];
            Set<String> seen = new HashSet<>();
            boolean distinct = true;
            for (int i = 0; i < edges.length; i++) {
                out[i] = number(edges[i], digits);
                if (!seen.add(out[i]) && edges[i] != edges[i - 1]) {
                    distinct = false;
                }
            }
            if (distinct || digits >= 17) {
                return out;
            }
        }
    }

    private static String number(double v, int digits) {
        if (v == 0) {
            return "0";
        }
        BigDecimal d = new BigDecimal(v).round(new MathContext(digits, RoundingMode.HALF_EVEN)).stripTrailingZeros();
        int exponent = d.precision() - d.scale() - 1;
        return exponent < -4 || exponent > 9 ? d.toString() : d.toPlainString();
    }
}
