package miexplorer.web.mi;

import miexplorer.info.Analysis;
import miexplorer.info.JointDistribution;
import miexplorer.info.LogBase;
import miexplorer.web.joint.JointInput;
import miexplorer.web.render.Csv;
import miexplorer.web.render.Python;
import miexplorer.web.render.PythonSteps;

/**
 * The explorer's state, exported: {@code /mi.py?…} is a runnable Python script (NumPy) that redoes
 * the computation and prints the page's numbers; {@code /mi.ipynb?…} is the same code as a Jupyter
 * notebook, a cell per step with what it computes; {@code /mi.csv?…} is the table and the results as
 * CSV. All take the query string of the state's canonical URL (see {@link MiExplorer#exports}).
 *
 * <p>Names and labels are user text. In the script they appear only inside Python string literals,
 * escaped ({@link Python}; never in comments, where a line break would end the comment); in the CSV
 * they are quoted as RFC 4180 says, and a cell a spreadsheet would run as a formula is defused ({@link Csv}).
 */
public final class MiExport {
    public static final String PY_PATH = "/mi.py";
    public static final String CSV_PATH = "/mi.csv";
    public static final String NB_PATH = "/mi.ipynb";

    private MiExport() {
    }

    // ---- Python: the script and the notebook -------------------------------------------------

    /**
     * A Python 3 script, using NumPy, that computes this state's entropies and mutual information the
     * way the page does (the same formulas, in the same base) and prints them to the page's decimals.
     */
    public static String python(MiView view) {
        return steps(view).script("#!/usr/bin/env python3\n"
                + "# Entropies and mutual information of one joint table, computed as MI Explorer computes them.\n"
                + "# The table on the page: " + view.site().absolute(view.stateUrl()) + '\n'
                + "# Run it with Python 3 and NumPy: python3 mi.py\n");
    }

    /** The same computation as a Jupyter notebook: each step the page works, said in words and then computed. */
    public static String notebook(MiView view) {
        return steps(view).notebook("Entropies and mutual information of one joint table", view.site().absolute(view.stateUrl()));
    }

    /** The computation, step by step in the page's order; {@link #python} and {@link #notebook} read it. */
    static PythonSteps steps(MiView view) {
        JointInput in = view.input();
        LogBase base = in.base();
        double[][] w = view.weights();
        StringBuilder s = new StringBuilder(1024 + 24 * in.rows() * in.cols());
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
            s.append("    ").append(Python.numbers(row)).append(",\n");
        }
        s.append("], dtype=float)\n");
        s.append("UNIT = ").append(Python.string(base.unit())).append("  # logarithms in base ").append(base.key()).append('\n');
        s.append("DIGITS = ").append(in.digits()).append("  # decimals shown, as on the page\n");
        PythonSteps steps = new PythonSteps();
        steps.add("## The table\n\nThe names, the labels and the " + (view.isCounts() ? "counts" : "probabilities")
                + " as the page has them, the unit and the number of decimals the page shows.", s.toString());

        String log = switch (base) {
            case TWO -> "    \"\"\"Logarithm in base 2, so entropies come out in bits.\"\"\"\n    return np.log(x) / np.log(2.0)\n";
            case E -> "    \"\"\"Natural logarithm, so entropies come out in nats.\"\"\"\n    return np.log(x)\n";
            case TEN -> "    \"\"\"Logarithm in base 10, so entropies come out in hartleys.\"\"\"\n    return np.log10(x)\n";
        };
        steps.add("## Entropy\n\nThe entropy of a distribution is $H = -\\sum p \\log p$, with logarithms in base " + base.key()
                + ", so it comes out in " + base.unit() + ". An outcome with $p = 0$ adds nothing ($0 \\log 0 = 0$).", "def log(x):\n" + log + """


                def entropy(dist):
                    \"\"\"H = -sum of p log p. Outcomes with p = 0 are left out: 0 log 0 counts as 0.\"\"\"
                    p = dist[dist > 0]
                    return float(-np.sum(p * log(p)))


                def shown(value):
                    \"\"\"The value to DIGITS decimals, as the page shows it (never -0.000).\"\"\"
                    text = f"{value:.{DIGITS}f}"
                    return text[1:] if text.startswith("-") and float(text) == 0 else text
                """);
        steps.add(view.isCounts()
                ? "## Step 0: from counts to probabilities\n\nThe counts add up to $N$; each is divided by $N$, which makes a joint"
                        + " distribution $P(x, y)$ whose cells add up to 1."
                : "## The probabilities\n\nThe cells already add up to 1, so dividing them by their total changes nothing.", """
                # Divide by the total, so the cells add up to 1 (a table of probabilities already does).
                p = CELLS / CELLS.sum()
                """);
        steps.add("## Step 1: $H(X)$, the uncertainty about X\n\nAdd each row to get $P(x) = \\sum_y P(x, y)$, then"
                + " $H(X) = -\\sum_x P(x) \\log P(x)$.", """
                px = p.sum(axis=1)  # P(X): the sum along each row
                h_x = entropy(px)
                """);
        steps.add("## Step 2: $H(X \\mid Y)$, the uncertainty about X left once Y is known\n\nAdd each column to get $P(y)$."
                + " Each column divided by its total is the distribution of X given that value of Y; $H(X \\mid Y)$ is the"
                + " average of their entropies, $\\sum_y P(y)\\, H(X \\mid Y = y)$.", """
                py = p.sum(axis=0)  # P(Y): the sum down each column

                # H(X|Y) = sum over y of P(y) H(X | Y = y): each column divided by its total is the
                # distribution of X given that value of Y. A value with P(y) = 0 never happens; it is skipped.
                h_x_given_y = sum(py[j] * entropy(p[:, j] / py[j]) for j in range(p.shape[1]) if py[j] > 0)
                """);
        steps.add("## Step 3: $I(X; Y) = H(X) - H(X \\mid Y)$\n\nWhat learning Y removes of the uncertainty about X."
                + " It is computed as the page computes it, as how far the table is from the independent table with the same"
                + " marginals, $\\sum P(x, y) \\log \\frac{P(x, y)}{P(x) P(y)}$, and checked against $H(X) - H(X \\mid Y)$.", """
                # I(X;Y) = sum over cells with P(x, y) > 0 of P(x, y) log(P(x, y) / (P(x) P(y))):
                # how far the table is from the independent table with the same marginals.
                independent = np.outer(px, py)
                seen = p > 0
                mi = float(np.sum(p[seen] * log(p[seen] / independent[seen])))
                if -1e-12 < mi < 0:
                    mi = 0.0  # a rounding error below 0: I(X;Y) is never negative
                assert abs(h_x - h_x_given_y - mi) < 1e-9, (h_x - h_x_given_y, mi)
                """);
        steps.add("## The other entropies on the page\n\n$H(Y)$, $H(X, Y)$ and $H(Y \\mid X)$, and the other two ways of writing"
                + " $I(X; Y)$: $H(Y) - H(Y \\mid X)$ and $H(X) + H(Y) - H(X, Y)$, which give the same number up to rounding.", """
                h_y = entropy(py)
                h_xy = entropy(p.ravel())
                h_y_given_x = sum(px[i] * entropy(p[i, :] / px[i]) for i in range(p.shape[0]) if px[i] > 0)

                for other in (h_y - h_y_given_x, h_x + h_y - h_xy):
                    assert abs(other - mi) < 1e-9, (other, mi)
                """);
        steps.add("## The page's numbers\n\nEvery figure to the page's number of decimals.", """
                print("X =", X_NAME + ":", ", ".join(X_LABELS))
                print("Y =", Y_NAME + ":", ", ".join(Y_LABELS))
                for name, value in [("H(X)", h_x), ("H(Y)", h_y), ("H(X, Y)", h_xy),
                                    ("H(X | Y)", h_x_given_y), ("H(Y | X)", h_y_given_x), ("I(X; Y)", mi)]:
                    print(f"{name} = {shown(value)} {UNIT}")
                """);
        return steps;
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
