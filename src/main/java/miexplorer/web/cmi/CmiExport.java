package miexplorer.web.cmi;

import miexplorer.web.joint.Kind;
import miexplorer.web.render.Python;
import miexplorer.web.site.Paths;

/**
 * {@code /cmi.py?…}: a runnable Python 3 script (NumPy) that redoes the three-variable computation
 * from entropies of marginals and prints the page's numbers, for the query string of a state's
 * canonical URL (see {@link CmiExplorer#exports}). Names and labels appear only inside Python string
 * literals, escaped.
 */
public final class CmiExport {
    public static final String PY_PATH = Paths.CMI + ".py";

    private CmiExport() {
    }

    /** The script: the table as numbers, [z][x][y], and every figure of the page from entropies of its marginals. */
    public static String python(CmiView view) {
        CmiInput in = view.input();
        StringBuilder s = new StringBuilder(4096);
        s.append("#!/usr/bin/env python3\n");
        s.append("# Three variables: entropies, mutual informations, conditional mutual informations and the\n");
        s.append("# co-information of one table, computed as MI Explorer computes them.\n");
        s.append("# The table on the page: ").append(view.site().absolute(view.stateUrl())).append('\n');
        s.append("# Run it with Python 3 and NumPy: python3 cmi.py\n");
        s.append("import numpy as np\n\n");
        s.append("NAMES = ").append(Python.list(java.util.List.of(in.xName(), in.yName(), in.zName()))).append("  # X, Y, Z\n");
        s.append("X_LABELS = ").append(Python.list(in.xLabels())).append('\n');
        s.append("Y_LABELS = ").append(Python.list(in.yLabels())).append('\n');
        s.append("Z_LABELS = ").append(Python.list(in.zLabels())).append("\n\n");
        s.append(in.kind() == Kind.COUNTS ? "# The counts, indexed [z][x][y]; divided by their total below.\n"
                : "# P(x, y, z), indexed [z][x][y]: one X-by-Y slice per value of Z.\n");
        s.append("CELLS = np.array([\n");
        for (double[][] slice : view.weights()) {
            s.append("    [\n");
            for (double[] row : slice) {
                s.append("        [");
                for (int j = 0; j < row.length; j++) {
                    s.append(j > 0 ? ", " : "").append(Python.number(row[j]));
                }
                s.append("],\n");
            }
            s.append("    ],\n");
        }
        s.append("], dtype=float)\n");
        s.append("BASE = ").append(switch (in.base()) { case TWO -> "2.0"; case E -> "np.e"; case TEN -> "10.0"; })
                .append("  # the logarithm's base: ").append(Python.string(in.base().unit())).append('\n');
        s.append("UNIT = ").append(Python.string(in.base().unit())).append('\n');
        s.append("DIGITS = ").append(in.digits()).append("  # decimals shown, as on the page\n");
        s.append("""


                def H(p):
                    \"\"\"Entropy of a distribution given as an array of any shape; 0 log 0 counts as 0.\"\"\"
                    p = p[p > 0]
                    return float(-np.sum(p * np.log(p)) / np.log(BASE))


                p = CELLS / CELLS.sum()        # axes: 0 = Z, 1 = X, 2 = Y
                h = {
                    "H(X)": H(p.sum(axis=(0, 2))), "H(Y)": H(p.sum(axis=(0, 1))), "H(Z)": H(p.sum(axis=(1, 2))),
                    "H(X,Y)": H(p.sum(axis=0)), "H(X,Z)": H(p.sum(axis=2)), "H(Y,Z)": H(p.sum(axis=1)), "H(X,Y,Z)": H(p),
                }
                figures = dict(h)
                figures["I(X;Y)"] = h["H(X)"] + h["H(Y)"] - h["H(X,Y)"]
                figures["I(X;Z)"] = h["H(X)"] + h["H(Z)"] - h["H(X,Z)"]
                figures["I(Y;Z)"] = h["H(Y)"] + h["H(Z)"] - h["H(Y,Z)"]
                figures["I(X;Y|Z)"] = h["H(X,Z)"] + h["H(Y,Z)"] - h["H(X,Y,Z)"] - h["H(Z)"]
                figures["I(X;Z|Y)"] = h["H(X,Y)"] + h["H(Y,Z)"] - h["H(X,Y,Z)"] - h["H(Y)"]
                figures["I(Y;Z|X)"] = h["H(X,Y)"] + h["H(X,Z)"] - h["H(X,Y,Z)"] - h["H(X)"]
                figures["I(X;Y;Z)"] = figures["I(X;Y)"] - figures["I(X;Y|Z)"]   # the co-information; it can be negative

                # I(X;Y|Z) slice by slice: the sum over z of P(z) I(X;Y | Z = z).
                by_slices = 0.0
                for z, label in enumerate(Z_LABELS):
                    pz = p[z].sum()
                    if pz > 0:
                        s = p[z] / pz
                        i = H(s.sum(axis=1)) + H(s.sum(axis=0)) - H(s)
                        by_slices += pz * i
                        print(f"P(Z = {label}) = {pz:.{DIGITS}f}, I(X;Y | Z = {label}) = {i:.{DIGITS}f} {UNIT}")

                for name, value in figures.items():
                    value = 0.0 if abs(value) < 1e-12 else value  # rounding noise, as the page shows it
                    print(f"{name} = {value:.{DIGITS}f} {UNIT}")
                print(f"sum over z of P(z) I(X;Y | Z = z) = {by_slices:.{DIGITS}f} {UNIT}")
                """);
        return s.toString();
    }
}
