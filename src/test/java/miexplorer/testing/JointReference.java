package miexplorer.testing;

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
}
