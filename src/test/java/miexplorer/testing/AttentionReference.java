package miexplorer.testing;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Attention and information worked out from their definitions, a few lines each, for tests to hold
 * the app's numbers against: nothing here asks the app's own attention or information classes.
 */
public final class AttentionReference {
    private AttentionReference() {
    }

    public static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    public static double[] scores(double[] q, double[][] keys) {
        double[] s = new double[keys.length];
        for (int i = 0; i < keys.length; i++) {
            for (int d = 0; d < q.length; d++) {
                s[i] += q[d] * keys[i][d];
            }
        }
        return s;
    }

    public static double[] divide(double[] s, double by) {
        double[] out = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            out[i] = s[i] / by;
        }
        return out;
    }

    /** exp(s_i − max) / Σ exp(s_j − max). */
    public static double[] softmax(double[] s) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : s) {
            max = Math.max(max, v);
        }
        double[] e = new double[s.length];
        double z = 0;
        for (int i = 0; i < s.length; i++) {
            e[i] = Math.exp(s[i] - max);
            z += e[i];
        }
        for (int i = 0; i < s.length; i++) {
            e[i] /= z;
        }
        return e;
    }

    /** −Σ p log2 p, with 0 log 0 = 0. */
    public static double entropy(double[] p) {
        double h = 0;
        for (double v : p) {
            if (v > 0) {
                h -= v * log2(v);
            }
        }
        return h;
    }

    public static double[] output(double[] a, double[][] v) {
        double[] o = new double[v[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < o.length; j++) {
                o[j] += a[i] * v[i][j];
            }
        }
        return o;
    }

    /** P(q, k) = prior(q) · α(k | q), the prior normalised. */
    public static double[][] joint(double[][] alpha, double[] prior) {
        double sum = 0;
        for (double p : prior) {
            sum += p;
        }
        double[][] out = new double[alpha.length][];
        for (int r = 0; r < alpha.length; r++) {
            out[r] = new double[alpha[r].length];
            for (int i = 0; i < alpha[r].length; i++) {
                out[r][i] = prior[r] / sum * alpha[r][i];
            }
        }
        return out;
    }

    /** I(X; Y) = Σ p(x,y) log2(p(x,y) / (p(x) p(y))). */
    public static double mutualInformation(double[][] p) {
        double[] px = new double[p.length];
        double[] py = new double[p[0].length];
        for (int i = 0; i < p.length; i++) {
            for (int j = 0; j < p[0].length; j++) {
                px[i] += p[i][j];
                py[j] += p[i][j];
            }
        }
        double mi = 0;
        for (int i = 0; i < p.length; i++) {
            for (int j = 0; j < p[0].length; j++) {
                if (p[i][j] > 0) {
                    mi += p[i][j] * log2(p[i][j] / (px[i] * py[j]));
                }
            }
        }
        return mi;
    }

    /** v rounded half-even to {@code digits} decimals, as the page prints it (a real minus sign, never "−0.000"). */
    public static String fixed(double v, int digits) {
        BigDecimal d = new BigDecimal(v).setScale(digits, RoundingMode.HALF_EVEN);
        if (d.signum() == 0) {
            return d.abs().toPlainString();
        }
        String s = d.toPlainString();
        return s.startsWith("-") ? "\u2212" + s.substring(1) : s;
    }
}
