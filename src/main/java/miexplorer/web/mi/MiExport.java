package miexplorer.web.mi;

import miexplorer.info.Analysis;
import miexplorer.info.JointDistribution;
import miexplorer.info.LogBase;
import miexplorer.web.joint.JointInput;
import miexplorer.web.render.Csv;
import miexplorer.web.render.Python;

/**
 * The explorer's state, exported: {@code /mi.py?…} is a runnable Python script (NumPy) that redoes
 * the computation and prints the page's numbers; {@code /mi.csv?…} is the table and the results as
 * CSV. Both take the query string of the state's canonical URL (see {@link MiExplorer#exports}).
 *
 * <p>Names and labels are user text. In the script they appear only inside Python string literals,
 * escaped ({@link Python}; never in comments, where a line break would end the comment); in the CSV
 * they are quoted as RFC 4180 says, and a cell a spreadsheet would run as a formula is defused ({@link Csv}).
 */
public final class MiExport {
    public static final String PY_PATH = "/mi.py";
    public static final String CSV_PATH = "/mi.csv";

    private MiExport() {
    }

    // ---- Python --------------------------------------------------------------------------------

    /**
     * A Python 3 script, using NumPy, that computes this state's entropies and mutual information the
     * way the page does (the same formulas, in the same base) and prints them to the page's decimals.
     */
    public static String python(MiView view) {
        JointInput in = view.input();
        LogBase base = in.base();
        double[][] w = view.weights();
        StringBuilder s = new StringBuilder(2048 + 24 * in.rows() * in.cols());
        s.append("#!/usr/bin/env python3\n");
        s.append("# Entropies and mutual information of one joint table, computed as MI Explorer computes them.\n");
        s.append("# The table on the page: ").append(view.site().absolute(view.stateUrl())).append('\n');
        s.append("# Run it with Python 3 and NumPy: python3 mi.py\n");
        s.append("import numpy as np\n\n");
        s.append("X_NAME = ").append(Python.string(in.xName())).append('\n');
        s.append("Y_NAME = ").append(Python.string(in.yName())).append('\n');
        s.append("X_LABELS = ").append(Python.list(in.xLabels())).append("  # the rows: values of X\n");
        s.append("Y_LABELS = ").append(Python.list(in.yLabels())).append("  # the columns: values of Y\n\n");
        if (view.isCounts()) {
            s.append("# The counts, one row per value of X; they are divided by their total below.\n");
        } else {
            s.append("# P(x, y), one row per value of X (fractions and percentages written as decimals).\n");
        }
        s.append("CELLS = np.array([\n");
        for (double[] row : w) {
            s.append("    [");
            for (int j = 0; j < row.length; j++) {
                s.append(j > 0 ? ", " : "").append(Python.number(row[j]));
            }
            s.append("],\n");
        }
        s.append("], dtype=float)\n");
        s.append("UNIT = ").append(Python.string(base.unit())).append("  # logarithms in base ").append(base.key()).append('\n');
        s.append("DIGITS = ").append(in.digits()).append("  # decimals shown, as on the page\n\n\n");
        s.append("def log(x):\n");
        switch (base) {
            case TWO -> s.append("    \"\"\"Logarithm in base 2, so entropies come out in bits.\"\"\"\n    return np.log(x) / np.log(2.0)\n");
            case E -> s.append("    \"\"\"Natural logarithm, so entropies come out in nats.\"\"\"\n    return np.log(x)\n");
            case TEN -> s.append("    \"\"\"Logarithm in base 10, so entropies come out in hartleys.\"\"\"\n    return np.log10(x)\n");
        }
        s.append("""


                def entropy(dist):
                    \"\"\"H = -sum of p log p. Outcomes with p = 0 are left out: 0 log 0 counts as 0.\"\"\"
                    p = dist[dist > 0]
                    return float(-np.sum(p * log(p)))


                # Divide by the total, so the cells add up to 1 (a table of probabilities already does).
                p = CELLS / CELLS.sum()
                px = p.sum(axis=1)  # P(X): the sum along each row
                py = p.sum(axis=0)  # P(Y): the sum down each column

                h_x = entropy(px)
                h_y = entropy(py)
                h_xy = entropy(p.ravel())

                # H(X|Y) = sum over y of P(y) H(X | Y = y): each column divided by its total is the
                # distribution of X given that value of Y. A value with P(y) = 0 never happens; it is skipped.
                h_x_given_y = sum(py[j] * entropy(p[:, j] / py[j]) for j in range(p.shape[1]) if py[j] > 0)
                h_y_given_x = sum(px[i] * entropy(p[i, :] / px[i]) for i in range(p.shape[0]) if px[i] > 0)

                # I(X;Y) = sum over cells with P(x, y) > 0 of P(x, y) log(P(x, y) / (P(x) P(y))):
                # how far the table is from the independent table with the same marginals.
                independent = np.outer(px, py)
                seen = p > 0
                mi = float(np.sum(p[seen] * log(p[seen] / independent[seen])))
                if -1e-12 < mi < 0:
                    mi = 0.0  # a rounding error below 0: I(X;Y) is never negative

                # The other three ways of writing I(X;Y) give the same number, up to rounding.
                for other in (h_x - h_x_given_y, h_y - h_y_given_x, h_x + h_y - h_xy):
                    assert abs(other - mi) < 1e-9, (other, mi)


                def shown(value):
                    \"\"\"The value to DIGITS decimals, as the page shows it (never -0.000).\"\"\"
                    text = f"{value:.{DIGITS}f}"
                    return text[1:] if text.startswith("-") and float(text) == 0 else text


                print("X =", X_NAME + ":", ", ".join(X_LABELS))
                print("Y =", Y_NAME + ":", ", ".join(Y_LABELS))
                for name, value in [("H(X)", h_x), ("H(Y)", h_y), ("H(X, Y)", h_xy),
                                    ("H(X | Y)", h_x_given_y), ("H(Y | X)", h_y_given_x), ("I(X; Y)", mi)]:
                    print(f"{name} = {shown(value)} {UNIT}")
                """);
        return s.toString();
    }


    // ---- CSV -----------------------------------------------------------------------------------

    /**
     * The table and the results. First the variables and unit, then P(x, y) with its marginals (rows
     * are the values of X), then each measure at full precision and as the page shows it.
     */
    public static String csv(MiView view) {
        JointInput in = view.input();
        Analysis a = view.analysis();
        JointDistribution t = a.table();
        StringBuilder b = new StringBuilder(1024);
        Csv.row(b, "X", in.xName());
        Csv.row(b, "Y", in.yName());
        Csv.row(b, "unit", view.unit());
        Csv.row(b, "kind", in.kind().key());
        b.append("\r\n");

        String[] header = new String[in.cols() + 2];
        header[0] = "P(x, y): " + in.xName() + " \\ " + in.yName();
        for (int j = 0; j < in.cols(); j++) {
            header[j + 1] = in.yLabels().get(j);
        }
        header[in.cols() + 1] = "P(X)";
        Csv.row(b, header);
        for (int i = 0; i < t.rows(); i++) {
            String[] r = new String[in.cols() + 2];
            r[0] = in.xLabels().get(i);
            for (int j = 0; j < t.cols(); j++) {
                r[j + 1] = Double.toString(t.p(i, j));
            }
            r[in.cols() + 1] = Double.toString(t.px(i));
            Csv.row(b, r);
        }
        String[] py = new String[in.cols() + 2];
        py[0] = "P(Y)";
        for (int j = 0; j < t.cols(); j++) {
            py[j + 1] = Double.toString(t.py(j));
        }
        py[in.cols() + 1] = "1";
        Csv.row(b, py);
        b.append("\r\n");

        Csv.row(b, "measure", "value", "unit", "shown");
        measure(b, view, "H(X)", a.entropyX());
        measure(b, view, "H(Y)", a.entropyY());
        measure(b, view, "H(X, Y)", a.jointEntropy());
        measure(b, view, "H(X | Y)", a.conditionalEntropyXGivenY());
        measure(b, view, "H(Y | X)", a.conditionalEntropyYGivenX());
        measure(b, view, "I(X; Y)", a.mutualInformation());
        return b.toString();
    }

    private static void measure(StringBuilder b, MiView view, String name, double v) {
        Csv.row(b, name, Double.toString(v), view.unit(), view.shown(v));
    }
}
