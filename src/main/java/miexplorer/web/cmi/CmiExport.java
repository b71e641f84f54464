package miexplorer.web.cmi;

import miexplorer.web.joint.Kind;
import miexplorer.web.render.Python;
import miexplorer.web.render.PythonSteps;
import miexplorer.web.site.Paths;

/**
 * {@code /cmi.py?…}: a runnable Python 3 script (NumPy) that redoes the three-variable computation
 * from entropies of marginals and prints the page's numbers; {@code /cmi.ipynb?…}: the same code as a
 * Jupyter notebook, a cell per part of the page with what it computes. Both take the query string of a state's
 * canonical URL (see {@link CmiExplorer#exports}). Names and labels appear only inside Python string
 * literals, escaped.
 */
public final class CmiExport {
    public static final String PY_PATH = Paths.CMI + ".py";
    public static final String NB_PATH = Paths.CMI + ".ipynb";

    private CmiExport() {
    }

    /** The script: the table as numbers, [z][x][y], and every figure of the page from entropies of its marginals. */
    public static String python(CmiView view) {
        return steps(view).script("#!/usr/bin/env python3\n"
                + "# Three variables: entropies, mutual informations, conditional mutual informations and the\n"
                + "# co-information of one table, computed as MI Explorer computes them.\n"
                + "# The table on the page: " + view.site().absolute(view.stateUrl()) + '\n'
                + "# Run it with Python 3 and NumPy: python3 cmi.py\n");
    }

    /** The same computation as a Jupyter notebook: the page's parts, said in words and then computed. */
    public static String notebook(CmiView view) {
        return steps(view).notebook("Three variables: I(X; Y | Z), the chain rule and the co-information",
                view.site().absolute(view.stateUrl()));
    }

    /** The computation in the page's order; {@link #python} and {@link #notebook} read it. */
    static PythonSteps steps(CmiView view) {
        CmiInput in = view.input();
        StringBuilder s = new StringBuilder(2048);
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
                s.append("        ").append(Python.numbers(row)).append(",\n");
            }
            s.append("    ],\n");
        }
        s.append("], dtype=float)\n");
        s.append("BASE = ").append(switch (in.base()) { case TWO -> "2.0"; case E -> "np.e"; case TEN -> "10.0"; })
                .append("  # the logarithm's base: ").append(Python.string(in.base().unit())).append('\n');
        s.append("UNIT = ").append(Python.string(in.base().unit())).append('\n');
        s.append("DIGITS = ").append(in.digits()).append("  # decimals shown, as on the page\n");
        PythonSteps steps = new PythonSteps();
        steps.add("## The table\n\nThe names, the labels and the " + (in.kind() == Kind.COUNTS ? "counts" : "probabilities")
                + ", indexed $[z][x][y]$: one X-by-Y slice per value of Z. Logarithms are in base " + in.base().key()
                + ", so every figure is in " + in.base().unit() + ".", s.toString());
        steps.add("## Every entropy\n\nEach is $-\\sum p \\log p$ over the marginal it names ($0 \\log 0 = 0$): sum the"
                + " table over the variables left out, then take the entropy of what remains.", """
                def H(p):
                    \"\"\"Entropy of a distribution given as an array of any shape; 0 log 0 counts as 0.\"\"\"
                    p = p[p > 0]
                    return float(-np.sum(p * np.log(p)) / np.log(BASE))


                p = CELLS / CELLS.sum()        # axes: 0 = Z, 1 = X, 2 = Y
                h = {
                    "H(X)": H(p.sum(axis=(0, 2))), "H(Y)": H(p.sum(axis=(0, 1))), "H(Z)": H(p.sum(axis=(1, 2))),
                    "H(X,Y)": H(p.sum(axis=0)), "H(X,Z)": H(p.sum(axis=2)), "H(Y,Z)": H(p.sum(axis=1)), "H(X,Y,Z)": H(p),
                }
                """);
        steps.add("## $I(X; Y \\mid Z)$, slice by slice\n\nOnce Z is known, only its slice of the table is left. Divided by its"
                + " total $P(z)$, the slice is the joint table $P(x, y \\mid z)$, and its mutual information is what Y still tells"
                + " about X when $Z = z$. $I(X; Y \\mid Z) = \\sum_z P(z)\\, I(X; Y \\mid Z = z)$ averages them, each weighted"
                + " by how often it happens; a value of Z that never happens adds 0.", """
                # I(X;Y|Z) slice by slice: the sum over z of P(z) I(X;Y | Z = z).
                by_slices = 0.0
                for z, label in enumerate(Z_LABELS):
                    pz = p[z].sum()
                    if pz > 0:
                        s = p[z] / pz
                        i = H(s.sum(axis=1)) + H(s.sum(axis=0)) - H(s)
                        by_slices += pz * i
                        print(f"P(Z = {label}) = {pz:.{DIGITS}f}, I(X;Y | Z = {label}) = {i:.{DIGITS}f} {UNIT}")
                """);
        steps.add("## The chain rule\n\nEvery mutual information and conditional mutual information from the entropies, such as"
                + " $I(X; Y \\mid Z) = H(X, Z) + H(Y, Z) - H(X, Y, Z) - H(Z)$. What Y and Z together tell about X is what Z tells,"
                + " plus what Y adds once Z is known: $I(X; Y, Z) = I(X; Z) + I(X; Y \\mid Z) = I(X; Y) + I(X; Z \\mid Y)$.", """
                figures = dict(h)
                figures["I(X;Y)"] = h["H(X)"] + h["H(Y)"] - h["H(X,Y)"]
                figures["I(X;Z)"] = h["H(X)"] + h["H(Z)"] - h["H(X,Z)"]
                figures["I(Y;Z)"] = h["H(Y)"] + h["H(Z)"] - h["H(Y,Z)"]
                figures["I(X;Y|Z)"] = h["H(X,Z)"] + h["H(Y,Z)"] - h["H(X,Y,Z)"] - h["H(Z)"]
                figures["I(X;Z|Y)"] = h["H(X,Y)"] + h["H(Y,Z)"] - h["H(X,Y,Z)"] - h["H(Y)"]
                figures["I(Y;Z|X)"] = h["H(X,Y)"] + h["H(X,Z)"] - h["H(X,Y,Z)"] - h["H(X)"]

                # The chain rule: I(X;Y,Z) = H(X) + H(Y,Z) - H(X,Y,Z), whichever of Y and Z comes first.
                i_x_yz = h["H(X)"] + h["H(Y,Z)"] - h["H(X,Y,Z)"]
                assert abs(figures["I(X;Z)"] + figures["I(X;Y|Z)"] - i_x_yz) < 1e-9
                assert abs(figures["I(X;Y)"] + figures["I(X;Z|Y)"] - i_x_yz) < 1e-9
                assert abs(figures["I(X;Y|Z)"] - by_slices) < 1e-9  # the same as slice by slice
                """);
        steps.add("## The co-information, which can be negative\n\n$I(X; Y; Z) = I(X; Y) - I(X; Y \\mid Z)$: how the third"
                + " variable changes what the other two share. Every other figure is at least 0; this one can go either way.", """
                figures["I(X;Y;Z)"] = figures["I(X;Y)"] - figures["I(X;Y|Z)"]   # the co-information; it can be negative
                """);
        steps.add("## The page's numbers\n\nEvery figure to the page's number of decimals.", """
                for name, value in figures.items():
                    value = 0.0 if abs(value) < 1e-12 else value  # rounding noise, as the page shows it
                    print(f"{name} = {value:.{DIGITS}f} {UNIT}")
                print(f"sum over z of P(z) I(X;Y | Z = z) = {by_slices:.{DIGITS}f} {UNIT}")
                """);
        return steps;
    }
}
