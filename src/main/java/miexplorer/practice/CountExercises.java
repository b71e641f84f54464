package miexplorer.practice;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import miexplorer.data.ContingencyTable;
import miexplorer.data.SampleEstimates;
import miexplorer.info.LogBase;
import miexplorer.practice.ExerciseData.Table;
import miexplorer.practice.ExerciseData.TableCell;

/**
 * The exercises on tables of counts: the count that makes X and Y independent, and the plug-in and
 * Miller–Madow estimates of I(X;Y) ({@link SampleEstimates}).
 */
final class CountExercises {
    static final int DIGITS = TableExercises.DIGITS;

    private CountExercises() {
    }

    // ---- the missing cell -------------------------------------------------------------------

    /**
     * An independent table of counts n(x, y) = a(x)·b(y), with a and b whole numbers from 1 to 6
     * (to 9 for hard), so that every count and the answer are whole.
     */
    static Draft independentCell(SplittableRandom rng, Level level) {
        int n = Draws.size(level);
        int max = level == Level.HARD ? 9 : 6;
        double[] a = new double[n];
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = 1 + rng.nextInt(max);
            b[i] = 1 + rng.nextInt(max);
        }
        double[][] cells = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                cells[i][j] = a[i] * b[j];
            }
        }
        Table t = Draws.scenario(rng).table(cells, true, LogBase.TWO);
        return independentCell(t, rng.nextInt(n), rng.nextInt(n));
    }

    /**
     * The count in cell (i, j) of an independent table, which is hidden from the reader.
     * Independence makes the table's rows proportional: for any other row l and column k,
     * n(i, j)·n(l, k) = n(i, k)·n(l, j), so n(i, j) = n(i, k)·n(l, j) / n(l, k).
     */
    static Draft independentCell(Table t, int i, int j) {
        double[][] c = t.cells();
        String cell = "(" + t.xName() + " = " + t.xLabels().get(i) + ", " + t.yName() + " = " + t.yLabels().get(j) + ")";
        Draft d = new Draft("The table counts observations of X = " + t.xName() + " (rows) and Y = " + t.yName()
                + " (columns), but the count of the cell " + cell + " is missing. What must it be for X and Y to be "
                + "independent? Give a whole number.", "missingCell", "", 0, new TableCell(t, i, j), c[i][j]);
        List<ToDoubleFunction<Rounding>> additive = new ArrayList<>();
        List<ToDoubleFunction<Rounding>> ratio = new ArrayList<>();
        for (int l = 0; l < t.rows(); l++) {
            for (int k = 0; k < t.cols(); k++) {
                if (l == i || k == j) {
                    continue;
                }
                double ik = c[i][k];
                double lj = c[l][j];
                double lk = c[l][k];
                additive.add(r -> r.step(ik + lj - lk));
                ratio.add(r -> r.step(ik * lk / lj));
                ratio.add(r -> r.step(lj * lk / ik));
            }
        }
        d.scalarMistake("additive", "independence", "Independence makes the rows proportional, not equal up to a shift: "
                + "the missing count times the count diagonally opposite it equals the product of the other two "
                + "counts of the rectangle, so it is a product divided by a count, not a sum and a difference.", additive);
        d.scalarMistake("wrong-ratio", "independence", "Cross-multiply the other way: the missing count times the count "
                + "diagonally opposite it equals the product of the two other counts of the rectangle.", ratio);
        return d;
    }

    // ---- plug-in and Miller–Madow -----------------------------------------------------------

    private static Table drawCounts(SplittableRandom rng, Level level) {
        Draws.Scenario s = Draws.scenario(rng);
        return Draws.counts(rng, level, s, Draws.base(rng, level));
    }

    static SampleEstimates estimates(Table t) {
        double[][] c = t.cells();
        long[][] counts = new long[t.rows()][t.cols()];
        for (int i = 0; i < t.rows(); i++) {
            for (int j = 0; j < t.cols(); j++) {
                counts[i][j] = (long) c[i][j];
            }
        }
        return SampleEstimates.of(new ContingencyTable(t.xLabels(), t.yLabels(), counts), t.base());
    }

    static Draft plugin(SplittableRandom rng, Level level) {
        return plugin(drawCounts(rng, level));
    }

    /** Î(X;Y): the mutual information of the proportions n(x, y)/N, by any of the lesson's routes. */
    static Draft plugin(Table t) {
        PerRounding<TableWork> c = TableWork.cache(t);
        double mi = estimates(t).mutualInformation();
        if (TableExercises.tooSmall(mi, DIGITS)) {
            return null;
        }
        LogBase base = t.base();
        Draft d = TableExercises.mutualInformation(t, Text.intro(t) + " What is the plug-in estimate Î(X; Y), the "
                + "mutual information of these proportions? " + Text.answerIn(base.unit(), DIGITS), "plugin", mi);
        d.scalarMistake("miller-madow-for-plugin", "correction", "That is the Miller–Madow estimate, with its bias "
                + "correction added; the plug-in estimate takes the proportions n/N as they are.",
                r -> corrected(t, base, r, c.at(r).miFromX(), false),
                r -> corrected(t, base, r, c.at(r).miPointwise(), false));
        return d;
    }

    static Draft millerMadow(SplittableRandom rng, Level level) {
        return millerMadow(drawCounts(rng, level));
    }

    /**
     * Î_MM = Î + (m_X + m_Y − m_XY − 1)/(2N) nats, in the table's unit: the plug-in estimate plus
     * the Miller–Madow corrections of H(X) and H(Y) less that of H(X,Y), m counting the non-empty
     * rows, columns and cells.
     */
    static Draft millerMadow(Table t) {
        PerRounding<TableWork> c = TableWork.cache(t);
        double mm = estimates(t).mutualInformationMillerMadow();
        if (TableExercises.tooSmall(mm, DIGITS)) {
            return null;
        }
        LogBase base = t.base();
        Draft d = new Draft(Text.intro(t) + " The plug-in estimate Î(X; Y) of these proportions is biased low; the "
                + "Miller–Madow estimate corrects it: Î_MM = Î + (m_X + m_Y − m_XY − 1)/(2N) nats, where m_X, m_Y and "
                + "m_XY count the non-empty rows, columns and cells. What is Î_MM? " + Text.answerIn(base.unit(), DIGITS),
                "millerMadow", base.unit(), DIGITS, t, mm);
        d.route("plugin-plus-correction", "(H(X) − H(X | Y)) + the correction",
                r -> corrected(t, base, r, c.at(r).miFromX(), false));
        d.route("plugin-plus-correction-joint", "(H(X) + H(Y) − H(X, Y)) + the correction",
                r -> corrected(t, base, r, c.at(r).miFromJoint(), false));
        d.route("plugin-plus-correction-pointwise", "Σ P(x, y) log[P(x, y) / (P(x) P(y))] + the correction",
                r -> corrected(t, base, r, c.at(r).miPointwise(), false));
        d.route("corrected-entropies", "Ĥ_MM(X) + Ĥ_MM(Y) − Ĥ_MM(X, Y), each entropy plus (m − 1)/(2N)",
                r -> correctedEntropies(t, c.at(r)));
        d.scalarMistake("plugin-for-miller-madow", "correction", "That is the plug-in estimate; Miller–Madow adds "
                + "(m_X + m_Y − m_XY − 1)/(2N) nats to it.",
                r -> c.at(r).miFromX(), r -> c.at(r).miPointwise());
        if (base != LogBase.E) {
            d.scalarMistake("correction-units", "correction", "The correction (m_X + m_Y − m_XY − 1)/(2N) is in nats; "
                    + "convert it to " + base.unit() + " (multiply by log" + base.subscript() + " e) before adding it.",
                    r -> corrected(t, LogBase.E, r, c.at(r).miFromX(), false));
        }
        d.scalarMistake("correction-sign", "correction", "The correction is added with its sign flipped: "
                + "Î_MM = Î + (m_X + m_Y − m_XY − 1)/(2N).",
                r -> r.step(c.at(r).miFromX() - correction(t, base, r, false)));
        if (nonEmpty(t) < t.rows() * t.cols()) {
            d.scalarMistake("empty-cells-counted", "correction", "m_XY counts only the non-empty cells: an empty cell adds "
                    + "nothing to the plug-in entropy, nor to its correction.",
                    r -> corrected(t, base, r, c.at(r).miFromX(), true));
        }
        d.wrongBase(base, "log-base", (b, r) -> corrected(t, b, r, c.at(b, r).miFromX(), false));
        return d;
    }

    private static int nonEmpty(Table t) {
        int m = 0;
        for (double[] row : t.cells()) {
            for (double v : row) {
                m += v > 0 ? 1 : 0;
            }
        }
        return m;
    }

    /**
     * (m_X + m_Y − m_XY − 1)/(2N) nats, converted to {@code base}'s unit by × log_b e, as a person
     * writes it: the nats, the factor, then their product. Every row and column of a table of counts
     * has an observation, so m_X and m_Y are the numbers of rows and columns; {@code countEmpty}
     * is the mistake of counting every cell in m_XY.
     */
    static double correction(Table t, LogBase base, Rounding r, boolean countEmpty) {
        int mxy = countEmpty ? t.rows() * t.cols() : nonEmpty(t);
        return unit(t, base, r, t.rows() + t.cols() - mxy - 1);
    }

    /** Î_MM = Î + the correction, the plug-in value {@code plugin} having been worked with {@code r}. */
    static double corrected(Table t, LogBase base, Rounding r, double plugin, boolean countEmpty) {
        return r.step(plugin + correction(t, base, r, countEmpty));
    }

    /** k/(2N) nats in {@code base}'s unit (k = m − 1 for the entropy of m non-empty cells). */
    private static double unit(Table t, LogBase base, Rounding r, int k) {
        double nats = r.inner(k / (2 * TableWork.sum(t.cells())));
        return base == LogBase.E ? r.step(nats) : r.step(nats * r.inner(base.log(Math.E)));
    }

    /** Ĥ_MM(X) + Ĥ_MM(Y) − Ĥ_MM(X,Y), with Ĥ_MM = Ĥ + (m − 1)/(2N) nats for each. */
    private static double correctedEntropies(Table t, TableWork w) {
        Rounding r = w.rounding();
        LogBase base = t.base();
        double hx = r.step(w.hX() + unit(t, base, r, t.rows() - 1));
        double hy = r.step(w.hY() + unit(t, base, r, t.cols() - 1));
        double hxy = r.step(w.hXY() + unit(t, base, r, nonEmpty(t) - 1));
        return r.step(hx + hy - hxy);
    }
}
