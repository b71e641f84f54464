package miexplorer.testing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;
import miexplorer.web.joint.JointInput;

/** Entropies and mutual information of a table of weights, in bits, straight from the definitions. */
public record JointReference(double hX, double hY, double hXY, double hXgivenY, double hYgivenX, double mi) {
    public static double h(double... p) {
        double s = 0;
        for (double v : p) {
            if (v > 0) {
                s -= v * Math.log(v);
            }
        }
        return s / Math.log(2);
    }

    public static JointReference of(double[][] w) {
        int n = w.length;
        int m = w[0].length;
        double total = 0;
        for (double[] row : w) {
            for (double v : row) {
                total += v;
            }
        }
        double[] px = new double[n];
        double[] py = new double[m];
        double[] all = new double[n * m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                double p = w[i][j] / total;
                px[i] += p;
                py[j] += p;
                all[i * m + j] = p;
            }
        }
        // H(X|Y) = Σ_y P(y) H(X | Y = y), column by column
        double hXgY = 0;
        for (int j = 0; j < m; j++) {
            if (py[j] > 0) {
                double[] col = new double[n];
                for (int i = 0; i < n; i++) {
                    col[i] = w[i][j] / total / py[j];
                }
                hXgY += py[j] * h(col);
            }
        }
        double hYgX = 0;
        for (int i = 0; i < n; i++) {
            if (px[i] > 0) {
                double[] row = new double[m];
                for (int j = 0; j < m; j++) {
                    row[j] = w[i][j] / total / px[i];
                }
                hYgX += px[i] * h(row);
            }
        }
        // I = Σ p(x,y) log2(p(x,y) / (p(x)p(y)))
        double mi = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                double p = w[i][j] / total;
                if (p > 0) {
                    mi += p * Math.log(p / (px[i] * py[j])) / Math.log(2);
                }
            }
        }
        return new JointReference(h(px), h(py), h(all), hXgY, hYgX, mi);
    }

    /** A table's cells as numbers (plain decimals and whole counts, as the presets' are). */
    public static double[][] weights(JointInput in) {
        double[][] w = new double[in.rows()][in.cols()];
        for (int i = 0; i < in.rows(); i++) {
            for (int j = 0; j < in.cols(); j++) {
                w[i][j] = Double.parseDouble(in.cell(i, j));
            }
        }
        return w;
    }

    public static double[][] transpose(double[][] w) {
        double[][] t = new double[w[0].length][w.length];
        for (int i = 0; i < w.length; i++) {
            for (int j = 0; j < w[0].length; j++) {
                t[j][i] = w[i][j];
            }
        }
        return t;
    }

    public static String fixed(double v, int digits) {
        String s = new BigDecimal(v).setScale(digits, RoundingMode.HALF_EVEN).toPlainString();
        return s.equals("-0." + "0".repeat(digits)) ? "0." + "0".repeat(digits) : s;
    }

    /** The results table the explorer must show for these weights, in bits. */
    public static Map<String, String> expected(double[][] w, int digits) {
        JointReference in = JointReference.of(w);
        Map<String, String> out = new LinkedHashMap<>();
        out.put("H(X)", fixed(in.hX(), digits) + " bits");
        out.put("H(Y)", fixed(in.hY(), digits) + " bits");
        out.put("H(X, Y)", fixed(in.hXY(), digits) + " bits");
        out.put("H(X | Y)", fixed(in.hXgivenY(), digits) + " bits");
        out.put("H(Y | X)", fixed(in.hYgivenX(), digits) + " bits");
        out.put("I(X; Y)", fixed(in.mi(), digits) + " bits");
        return out;
    }
}
