package miexplorer.practice;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import miexplorer.info.LogBase;
import miexplorer.info.ThreeWayAnalysis;
import miexplorer.info.ThreeWayDistribution;
import miexplorer.practice.ExerciseData.ThreeWayTable;

/**
 * The exercises on three variables: I(X;Y|Z) and the co-information I(X;Y;Z) = I(X;Y) − I(X;Y|Z),
 * checked against {@link ThreeWayAnalysis}.
 */
final class ThreeWayExercises {
    static final int DIGITS = 3;

    /** One of the lesson's four routes to a table's I(X;Y), applied to each slice or to the pair table. */
    private record MiRoute(String id, String formula, ToDoubleFunction<TableWork> mi) {
    }

    private static final List<MiRoute> MI_ROUTES = List.of(
            new MiRoute("h-x-minus-h-x-given-y", "H(X) − H(X | Y)", TableWork::miFromX),
            new MiRoute("h-y-minus-h-y-given-x", "H(Y) − H(Y | X)", TableWork::miFromY),
            new MiRoute("h-x-plus-h-y-minus-h-xy", "H(X) + H(Y) − H(X, Y)", TableWork::miFromJoint),
            new MiRoute("pointwise", "Σ P(x, y) log[P(x, y) / (P(x) P(y))]", TableWork::miPointwise));

    private ThreeWayExercises() {
    }

    /**
     * The formulas on a three-variable table with a {@link Rounding}. Slice z is a two-variable
     * table of its own, P(x, y | z) = P(x, y, z) / P(z), so its I comes from {@link TableWork}.
     */
    private static final class Work {
        private final double[][][] w;
        private final double total;
        private final LogBase base;
        private final Rounding r;
        private final TableWork[] slices;
        private TableWork pair;

        Work(ThreeWayTable t, LogBase base, Rounding r) {
            this.w = t.cells();
            this.base = base;
            this.r = r;
            double s = 0;
            for (double[][] slice : w) {
                s += TableWork.sum(slice);
            }
            this.total = t.counts() ? s : 1;
            this.slices = new TableWork[w.length];
        }

        TableWork slice(int z) {
            if (slices[z] == null) {
                slices[z] = new TableWork(w[z], TableWork.sum(w[z]), base, r);
            }
            return slices[z];
        }

        /** P(X, Y) = Σ_z P(x, y, z): Z added up. */
        TableWork pair() {
            if (pair != null) {
                return pair;
            }
            double[][] m = new double[w[0].length][w[0][0].length];
            for (double[][] slice : w) {
                for (int x = 0; x < m.length; x++) {
                    for (int y = 0; y < m[0].length; y++) {
                        m[x][y] += slice[x][y];
                    }
                }
            }
            pair = new TableWork(m, total, base, r);
            return pair;
        }

        double pz(int z) {
            return r.inner(TableWork.sum(w[z]) / total);
        }

        /** I(X;Y|Z) = Σ_z P(z)·I(X;Y | Z = z), each slice's I by {@code route}; an empty slice has weight 0. */
        double bySlices(ToDoubleFunction<TableWork> route) {
            double s = 0;
            for (int z = 0; z < w.length; z++) {
                if (TableWork.sum(w[z]) > 0) {
                    s += r.step(pz(z) * route.applyAsDouble(slice(z)));
                }
            }
            return r.step(s);
        }

        /** The mistake of averaging the slices' I(X;Y | Z = z) without the weights P(z). */
        double unweighted() {
            double s = 0;
            int n = 0;
            for (int z = 0; z < w.length; z++) {
                if (TableWork.sum(w[z]) > 0) {
                    s += slice(z).miFromX();
                    n++;
                }
            }
            return r.step(s / n);
        }

        /** I(X;Y|Z) = H(X,Z) + H(Y,Z) − H(X,Y,Z) − H(Z). */
        double byEntropies() {
            int nz = w.length;
            int nx = w[0].length;
            int ny = w[0][0].length;
            double[] xz = new double[nx * nz];
            double[] yz = new double[ny * nz];
            double[] xyz = new double[nx * ny * nz];
            double[] z = new double[nz];
            for (int k = 0; k < nz; k++) {
                z[k] = pz(k);
                for (int x = 0; x < nx; x++) {
                    for (int y = 0; y < ny; y++) {
                        xyz[(k * nx + x) * ny + y] = r.inner(w[k][x][y] / total);
                        xz[x * nz + k] += w[k][x][y];
                        yz[y * nz + k] += w[k][x][y];
                    }
                }
            }
            for (int i = 0; i < xz.length; i++) {
                xz[i] = r.inner(xz[i] / total);
            }
            for (int i = 0; i < yz.length; i++) {
                yz[i] = r.inner(yz[i] / total);
            }
            return r.step(r.entropy(xz, base) + r.entropy(yz, base) - r.entropy(xyz, base) - r.entropy(z, base));
        }
    }

    private static ThreeWayAnalysis analysis(ThreeWayTable t) {
        return ThreeWayAnalysis.of(ThreeWayDistribution.fromWeights(t.cells()), t.base());
    }

    private static String intro(ThreeWayTable t) {
        String vars = "X (" + String.join(", ", t.xLabels()) + "), Y (" + String.join(", ", t.yLabels()) + ") and Z ("
                + String.join(", ", t.zLabels()) + "), one table of X (rows) and Y (columns) for each value of Z";
        if (t.counts()) {
            double n = 0;
            for (double[][] slice : t.cells()) {
                n += TableWork.sum(slice);
            }
            return "The tables count N = " + (long) n + " observations of " + vars + "; take P(x, y, z) = n(x, y, z)/N.";
        }
        return "The tables give the joint probabilities P(x, y, z) of " + vars + ".";
    }

    /** Easy and medium have no empty cell; a hard draw with a value of X, Y or Z never seen is drawn again. */
    private static ThreeWayTable draw(SplittableRandom rng, Level level) {
        ThreeWayTable t = Draws.threeWay(rng, level, Draws.base(rng, level));
        ThreeWayDistribution p = ThreeWayDistribution.fromWeights(t.cells());
        for (double[] m : new double[][] {p.px(), p.py(), p.pz()}) {
            for (double v : m) {
                if (v == 0) {
                    return null;
                }
            }
        }
        return t;
    }

    // ---- I(X; Y | Z) ------------------------------------------------------------------------

    static Draft conditionalMi(SplittableRandom rng, Level level) {
        ThreeWayTable t = draw(rng, level);
        return t == null ? null : conditionalMi(t);
    }

    /** I(X;Y|Z) = Σ_z P(z)·I(X;Y | Z = z) = H(X,Z) + H(Y,Z) − H(X,Y,Z) − H(Z). */
    static Draft conditionalMi(ThreeWayTable t) {
        PerRounding<Work> c = new PerRounding<>(t.base(), (b, r) -> new Work(t, b, r));
        double cmi = analysis(t).miXYGivenZ();
        if (TableExercises.tooSmall(cmi, DIGITS)) {
            return null;
        }
        LogBase base = t.base();
        Draft d = new Draft(intro(t) + " What is the conditional mutual information I(X; Y | Z)? "
                + Text.answerIn(base.unit(), DIGITS), "I(X;Y|Z)", base.unit(), DIGITS, t, cmi);
        for (MiRoute m : MI_ROUTES) {
            d.route("slices/" + m.id(), "Σ P(z) I(X; Y | Z = z), each slice's I as " + m.formula(),
                    r -> c.at(r).bySlices(m.mi()));
        }
        d.route("entropies", "H(X, Z) + H(Y, Z) − H(X, Y, Z) − H(Z)", r -> c.at(r).byEntropies());
        d.scalarMistake("ignored-condition", "slices", "That is I(X; Y), the table with Z added up; I(X; Y | Z) takes "
                + "each slice Z = z on its own, divided by P(z), and averages their mutual informations weighted by P(z).",
                r -> c.at(r).pair().miFromX(), r -> c.at(r).pair().miFromJoint());
        d.scalarMistake("unweighted-average", "weighting", "That is the plain mean of the slices' I(X; Y | Z = z); weight "
                + "each by how often its z happens, P(z).", r -> c.at(r).unweighted());
        d.wrongBase(base, "log-base", (b, r) -> c.at(b, r).bySlices(TableWork::miFromX));
        return d;
    }

    // ---- I(X; Y; Z) -------------------------------------------------------------------------

    static Draft coInformation(SplittableRandom rng, Level level) {
        ThreeWayTable t = draw(rng, level);
        return t == null ? null : coInformation(t);
    }

    /** I(X;Y;Z) = I(X;Y) − I(X;Y|Z): positive for redundancy, negative for synergy. */
    static Draft coInformation(ThreeWayTable t) {
        PerRounding<Work> c = new PerRounding<>(t.base(), (b, r) -> new Work(t, b, r));
        double co = analysis(t).coInformation();
        if (TableExercises.tooSmall(co, DIGITS)) {
            return null;
        }
        LogBase base = t.base();
        Draft d = new Draft(intro(t) + " What is the co-information I(X; Y; Z) = I(X; Y) − I(X; Y | Z)? Give it with its "
                + "sign: positive means redundancy, negative synergy. " + Text.answerIn(base.unit(), DIGITS),
                "I(X;Y;Z)", base.unit(), DIGITS, t, co);
        d.note(co > 0
                ? "It is positive: redundancy. Z accounts for part of what X and Y share, so knowing Z leaves them sharing less."
                : "It is negative: synergy. Knowing Z makes X and Y share more than they do on their own.");
        for (MiRoute m : MI_ROUTES) {
            d.route("difference/" + m.id(), "I(X; Y) − Σ P(z) I(X; Y | Z = z), every I as " + m.formula(), r -> {
                Work w = c.at(r);
                return r.step(m.mi().applyAsDouble(w.pair()) - w.bySlices(m.mi()));
            });
        }
        d.route("difference/entropies", "(H(X) + H(Y) − H(X, Y)) − (H(X, Z) + H(Y, Z) − H(X, Y, Z) − H(Z))", r -> {
            Work w = c.at(r);
            return r.step(w.pair().miFromJoint() - w.byEntropies());
        });
        d.scalarMistake("sign", "co-information", "The sign is flipped: I(X; Y; Z) = I(X; Y) − I(X; Y | Z), what X and Y "
                + "share minus what they still share once Z is known.", r -> {
                    Work w = c.at(r);
                    return r.step(w.bySlices(TableWork::miFromX) - w.pair().miFromX());
                });
        d.scalarMistake("one-term", "co-information", "That is one of the two terms; the co-information is their "
                + "difference, I(X; Y) − I(X; Y | Z).", r -> c.at(r).pair().miFromX(),
                r -> c.at(r).bySlices(TableWork::miFromX));
        d.scalarMistake("unweighted-average", "weighting", "The I(X; Y | Z) you subtracted is a plain mean of the slices; "
                + "weight each slice's I(X; Y | Z = z) by P(z).", r -> {
                    Work w = c.at(r);
                    return r.step(w.pair().miFromX() - w.unweighted());
                });
        d.wrongBase(base, "log-base", (b, r) -> {
            Work w = c.at(b, r);
            return r.step(w.pair().miFromX() - w.bySlices(TableWork::miFromX));
        });
        return d;
    }
}
