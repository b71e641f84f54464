package miexplorer.practice;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import miexplorer.info.Analysis;
import miexplorer.info.JointDistribution;
import miexplorer.info.LogBase;
import miexplorer.practice.ExerciseData.Table;
import miexplorer.practice.ExerciseData.TableCell;
import miexplorer.practice.ExerciseData.TablePair;

/**
 * The exercises on one joint table of X and Y: probabilities read from it, its entropies, its
 * mutual information, and which of two tables shares more. Each has a method that draws the table
 * and one that builds the exercise on a given table (the tests use the tutorial's).
 */
final class TableExercises {
    /** What the sign mistake says of any entropy of a table. */
    private static final String NEGATIVE_ENTROPY =
            "An entropy is never negative: the log of a probability is at most 0, so −Σ p log p adds terms ≥ 0.";

    static final int DIGITS = 3;

    private TableExercises() {
    }

    static Analysis analysis(Table t) {
        return Analysis.of(JointDistribution.fromWeights(t.cells()), t.base());
    }

    /** The table's formulas in {@code base}, with X and Y swapped when {@code swap}. */
    static TableWork work(PerRounding<TableWork> c, boolean swap, LogBase base, Rounding r) {
        TableWork w = c.at(base, r);
        return swap ? w.transposed() : w;
    }

    /** A value too close to 0 to ask for: under ten tolerances. */
    static boolean tooSmall(double v, int digits) {
        return Math.abs(v) < 10 * Exercise.tolerance(digits);
    }

    private static Table drawTable(SplittableRandom rng, Level level) {
        return Draws.table(rng, level, Draws.scenario(rng), Draws.base(rng, level));
    }

    // ---- P(x) -------------------------------------------------------------------------------

    static Draft marginalProbability(SplittableRandom rng, Level level) {
        Table t = Draws.table(rng, level, Draws.scenario(rng), LogBase.TWO);
        return marginalProbability(t, rng.nextInt(t.rows()));
    }

    /** P(x_i) = Σ_y P(x_i, y), the total of row i. */
    static Draft marginalProbability(Table t, int i) {
        PerRounding<TableWork> c = TableWork.cache(t);
        double expected = JointDistribution.fromWeights(t.cells()).px(i);
        Draft d = new Draft(Text.intro(t) + " What is P(" + t.xName() + " = " + t.xLabels().get(i) + ")? "
                + Text.answerIn("", DIGITS), "P(x)", "", DIGITS, new TableCell(t, i, -1), expected);
        List<ToDoubleFunction<Rounding>> cells = new ArrayList<>();
        for (int j = 0; j < t.cols(); j++) {
            int col = j;
            cells.add(r -> c.at(r).p(i, col));
        }
        if (t.counts()) {
            d.route("row-of-probabilities", "the row's probabilities n(x, y)/N added up", r -> {
                double s = 0;
                for (ToDoubleFunction<Rounding> cell : cells) {
                    s += cell.applyAsDouble(r);
                }
                return r.step(s);
            });
            d.scalarMistake("count-for-probability", "counts",
                    "That is the row's count; P(x) divides it by N, the number of observations.",
                    r -> TableWork.sum(new double[][] {t.cells()[i]}));
        }
        d.scalarMistake("cell-for-marginal", "marginal",
                "That is a single cell, P(x, y) for one y; P(x) adds up the whole row.", cells);
        if (i < t.cols()) {
            d.scalarMistake("wrong-marginal", "marginal",
                    "That is the total of a column, P(y); P(x) is the total of the row.", r -> c.at(r).py(i));
        }
        return d;
    }

    // ---- P(x | y) ---------------------------------------------------------------------------

    static Draft conditionalProbability(SplittableRandom rng, Level level) {
        Table t = Draws.table(rng, level, Draws.scenario(rng), LogBase.TWO);
        return conditionalProbability(t, rng.nextInt(t.rows()), rng.nextInt(t.cols()));
    }

    /** P(x_i | y_j) = P(x_i, y_j) / P(y_j): the cell divided by its column's total. */
    static Draft conditionalProbability(Table t, int i, int j) {
        PerRounding<TableWork> c = TableWork.cache(t);
        double expected = analysis(t).xGivenY().get(j).working().terms().get(i).p();
        String x = t.xName() + " = " + t.xLabels().get(i);
        String y = t.yName() + " = " + t.yLabels().get(j);
        Draft d = new Draft(Text.intro(t) + " What is P(" + x + " | " + y + "), the probability of " + x
                + " among the cases where " + y + "? " + Text.answerIn("", DIGITS), "P(x|y)", "", DIGITS,
                new TableCell(t, i, j), expected);
        if (t.counts()) {
            d.route("probabilities-divided", "P(x, y) / P(y) with P = n/N", r -> {
                TableWork w = c.at(r);
                return r.step(w.p(i, j) / w.py(j));
            });
        }
        d.scalarMistake("swapped-conditional", "conditional-rows",
                "That is P(y | x), the cell divided by its row's total; P(x | y) divides it by its column's total, P(y).",
                r -> c.at(r).transposed().givenColumn(i)[j]);
        d.scalarMistake("joint-for-conditional", "conditional-rows",
                "That is P(x, y), the cell as it stands; P(x | y) divides it by the column's total, P(y).",
                r -> c.at(r).p(i, j));
        d.scalarMistake("marginal-for-conditional", "conditional-rows",
                "That is P(x), the row's total; once y is known only the column y counts: P(x | y) = P(x, y) / P(y).",
                r -> c.at(r).px(i));
        return d;
    }

    // ---- H(X), H(Y) -------------------------------------------------------------------------

    static Draft marginalEntropy(SplittableRandom rng, Level level) {
        return marginalEntropy(drawTable(rng, level), rng.nextBoolean());
    }

    /** H(X) = −Σ_x P(x) log P(x) over the row totals, or H(Y) over the column totals. */
    static Draft marginalEntropy(Table t, boolean ofY) {
        PerRounding<TableWork> c = TableWork.cache(t);
        Analysis a = analysis(t);
        LogBase base = t.base();
        String v = ofY ? "Y" : "X";
        String other = ofY ? "X" : "Y";
        String name = ofY ? t.yName() : t.xName();
        Draft d = new Draft(Text.intro(t) + " What is the entropy H(" + v + ") of " + name + "? "
                + Text.answerIn(base.unit(), DIGITS), "H(" + v + ")", base.unit(), DIGITS, t,
                ofY ? a.entropyY() : a.entropyX());
        d.route("marginal-entropy", "H(" + v + ") = −Σ P(" + v.toLowerCase() + ") log P(" + v.toLowerCase() + ")",
                r -> work(c, ofY, base, r).hX());
        d.wrongBase(base, "log-base", (b, r) -> work(c, ofY, b, r).hX());
        d.scalarMistake("sign", "entropy-terms",
                NEGATIVE_ENTROPY,
                r -> -work(c, ofY, base, r).hX());
        d.scalarMistake("wrong-marginal", "marginal", "That is H(" + other + "), the entropy of the other variable; H("
                + v + ") takes the " + (ofY ? "column" : "row") + " totals.", r -> work(c, ofY, base, r).hY());
        d.scalarMistake("joint-for-marginal", "marginal", "That is H(X, Y), the entropy of all the cells; H(" + v
                + ") is the entropy of the " + (ofY ? "column" : "row") + " totals alone.", r -> work(c, ofY, base, r).hXY());
        return d;
    }

    // ---- H(X, Y) ----------------------------------------------------------------------------

    static Draft jointEntropy(SplittableRandom rng, Level level) {
        return jointEntropy(drawTable(rng, level));
    }

    /** H(X,Y) = −Σ P(x,y) log P(x,y) = H(Y) + H(X|Y) = H(X) + H(Y|X). */
    static Draft jointEntropy(Table t) {
        PerRounding<TableWork> c = TableWork.cache(t);
        LogBase base = t.base();
        Draft d = new Draft(Text.intro(t) + " What is the joint entropy H(X, Y)? " + Text.answerIn(base.unit(), DIGITS),
                "H(X,Y)", base.unit(), DIGITS, t, analysis(t).jointEntropy());
        d.route("joint-entropy", "−Σ P(x, y) log P(x, y)", r -> c.at(r).hXY());
        d.route("h-y-plus-h-x-given-y", "H(Y) + H(X | Y)", r -> {
            TableWork w = c.at(r);
            return r.step(w.hY() + w.hXGivenY());
        });
        d.route("h-x-plus-h-y-given-x", "H(X) + H(Y | X)", r -> {
            TableWork w = c.at(r);
            return r.step(w.hX() + w.hYGivenX());
        });
        d.wrongBase(base, "log-base", (b, r) -> c.at(b, r).hXY());
        d.scalarMistake("sign", "entropy-terms",
                NEGATIVE_ENTROPY,
                r -> -c.at(r).hXY());
        d.scalarMistake("sum-of-marginals", "combine", "H(X) + H(Y) would be the joint entropy only if X and Y were "
                + "independent; what they share, I(X; Y), is counted once in H(X, Y): H(X, Y) = H(X) + H(Y) − I(X; Y).",
                r -> {
                    TableWork w = c.at(r);
                    return r.step(w.hX() + w.hY());
                });
        d.scalarMistake("marginal-for-joint", "marginal",
                "That is the entropy of one variable; H(X, Y) takes every cell of the table as a term.",
                r -> c.at(r).hX(), r -> c.at(r).hY());
        return d;
    }

    // ---- H(X | Y), H(Y | X) -----------------------------------------------------------------

    static Draft conditionalEntropy(SplittableRandom rng, Level level) {
        return conditionalEntropy(drawTable(rng, level), rng.nextBoolean());
    }

    /**
     * H(A|B) = Σ_b P(b)·H(A | B = b) = H(X,Y) − H(B), with (A, B) = (X, Y), or (Y, X) when
     * {@code yGivenX}.
     */
    static Draft conditionalEntropy(Table t, boolean yGivenX) {
        PerRounding<TableWork> c = TableWork.cache(t);
        Analysis an = analysis(t);
        LogBase base = t.base();
        String a = yGivenX ? "Y" : "X";
        String b = yGivenX ? "X" : "Y";
        String aName = yGivenX ? t.yName() : t.xName();
        String bName = yGivenX ? t.xName() : t.yName();
        String asked = "H(" + a + "|" + b + ")";
        String shown = "H(" + a + " | " + b + ")";
        Draft d = new Draft(Text.intro(t) + " What is the conditional entropy " + shown + ", the uncertainty about " + aName
                + " that is left once " + bName + " is known? " + Text.answerIn(base.unit(), DIGITS), asked, base.unit(),
                DIGITS, t, yGivenX ? an.conditionalEntropyYGivenX() : an.conditionalEntropyXGivenY());
        d.route("weighted-conditionals", "Σ P(" + b.toLowerCase() + ") H(" + a + " | " + b + " = " + b.toLowerCase() + ")",
                r -> work(c, yGivenX, base, r).hXGivenY());
        d.route("joint-minus-marginal", "H(X, Y) − H(" + b + ")", r -> work(c, yGivenX, base, r).hXGivenYFromJoint());
        d.scalarMistake("swapped-conditional", "conditional-rows", "That is H(" + b + " | " + a + "), the uncertainty about "
                + bName + " once " + aName + " is known; " + shown + " divides by the totals of " + b + ", P("
                + b.toLowerCase() + "), and weights by them.", r -> work(c, yGivenX, base, r).hYGivenX());
        d.scalarMistake("joint-for-conditional", "conditional-rows", "That is H(X, Y), the uncertainty about the pair; "
                + shown + " is what is left of it once " + b + " is known: H(X, Y) − H(" + b + ").",
                r -> work(c, yGivenX, base, r).hXY());
        d.scalarMistake("marginal-for-conditional", "conditional-rows", "That is H(" + a + "), the uncertainty about "
                + aName + " before " + bName + " is known; " + shown + " is what is left after.",
                r -> work(c, yGivenX, base, r).hX());
        d.scalarMistake("unweighted-average", "weighting", "That is the plain mean of the H(" + a + " | " + b + " = "
                + b.toLowerCase() + "); weight each by how often its " + b.toLowerCase() + " happens, P("
                + b.toLowerCase() + ").", r -> work(c, yGivenX, base, r).hXGivenYUnweighted());
        d.wrongBase(base, "log-base", (bb, r) -> work(c, yGivenX, bb, r).hXGivenY());
        d.scalarMistake("sign", "entropy-terms", "A conditional entropy is never negative: it is an average of entropies.",
                r -> -work(c, yGivenX, base, r).hXGivenY());
        return d;
    }

    // ---- I(X; Y) ----------------------------------------------------------------------------

    static Draft mutualInformation(SplittableRandom rng, Level level) {
        return mutualInformation(drawTable(rng, level));
    }

    /** I(X;Y) by any of the lesson's four routes. */
    static Draft mutualInformation(Table t) {
        double mi = analysis(t).mutualInformation();
        if (tooSmall(mi, DIGITS)) {
            return null;
        }
        return mutualInformation(t, Text.intro(t) + " What is the mutual information I(X; Y)? "
                + Text.answerIn(t.base().unit(), DIGITS), "I(X;Y)", mi);
    }

    /** The routes and mistakes of I(X;Y) on {@code t}, for the question and value given. */
    static Draft mutualInformation(Table t, String question, String asked, double expected) {
        PerRounding<TableWork> c = TableWork.cache(t);
        LogBase base = t.base();
        Draft d = new Draft(question, asked, base.unit(), DIGITS, t, expected);
        d.route("h-x-minus-h-x-given-y", "H(X) − H(X | Y)", r -> c.at(r).miFromX());
        d.route("h-y-minus-h-y-given-x", "H(Y) − H(Y | X)", r -> c.at(r).miFromY());
        d.route("h-x-plus-h-y-minus-h-xy", "H(X) + H(Y) − H(X, Y)", r -> c.at(r).miFromJoint());
        d.route("pointwise", "Σ P(x, y) log[P(x, y) / (P(x) P(y))]", r -> c.at(r).miPointwise());
        d.wrongBase(base, "log-base", (b, r) -> c.at(b, r).miFromX());
        d.scalarMistake("sign", "combine", "Mutual information is never negative: subtract the smaller, conditional "
                + "entropy from the larger one, I = H(X) − H(X | Y).", r -> -c.at(r).miFromX());
        d.scalarMistake("wrong-marginal", "marginal", "Each entropy goes with the conditional entropy of the same "
                + "variable: I = H(X) − H(X | Y) = H(Y) − H(Y | X).", r -> {
                    TableWork w = c.at(r);
                    return r.step(w.hY() - w.hXGivenY());
                }, r -> {
                    TableWork w = c.at(r);
                    return r.step(w.hX() - w.hYGivenX());
                });
        d.scalarMistake("unweighted-average", "weighting", "The conditional entropy you subtracted is a plain mean; "
                + "H(X | Y) weights each H(X | Y = y) by P(y).", r -> {
                    TableWork w = c.at(r);
                    return r.step(w.hX() - w.hXGivenYUnweighted());
                }, r -> {
                    TableWork w = c.at(r).transposed();
                    return r.step(w.hX() - w.hXGivenYUnweighted());
                });
        d.scalarMistake("conditional-for-information", "combine", "That is a conditional entropy, the uncertainty that is "
                + "left once the other variable is known; I(X; Y) is the uncertainty removed: H(X) − H(X | Y).",
                r -> c.at(r).hXGivenY(), r -> c.at(r).hYGivenX());
        return d;
    }

    // ---- H(X | Y = y) -----------------------------------------------------------------------

    static Draft entropyGivenValue(SplittableRandom rng, Level level) {
        Table t = drawTable(rng, level);
        return entropyGivenValue(t, rng.nextInt(t.cols()));
    }

    /** H(X | Y = y_j): the entropy of column j divided by its total P(y_j). */
    static Draft entropyGivenValue(Table t, int j) {
        PerRounding<TableWork> c = TableWork.cache(t);
        LogBase base = t.base();
        String y = t.yName() + " = " + t.yLabels().get(j);
        String shown = "H(X | " + y + ")";
        Draft d = new Draft(Text.intro(t) + " Suppose you learn that " + y + ". How uncertain is " + t.xName()
                + " then: what is " + shown + "? " + Text.answerIn(base.unit(), DIGITS), "H(X|Y=y)", base.unit(), DIGITS,
                new TableCell(t, -1, j), analysis(t).xGivenY().get(j).working().total());
        d.route("column-entropy", "−Σ P(x | y) log P(x | y) over the column divided by its total",
                r -> c.at(r).hXGivenColumn(j));
        d.scalarMistake("joint-for-conditional", "conditional-rows", "You took −Σ p log p of the column's cells P(x, y) "
                + "as they stand; divide them by the column's total P(y) first, so that they add up to 1.",
                r -> {
                    TableWork w = c.at(r);
                    return w.entropy(w.column(j));
                });
        if (j < t.rows()) {
            d.scalarMistake("swapped-conditional", "conditional-rows", "That is the entropy of the row " + t.xName() + " = "
                    + t.xLabels().get(j) + ", H(Y | X = x); learning " + y + " picks out a column.",
                    r -> c.at(r).transposed().hXGivenColumn(j));
        }
        d.scalarMistake("weighted-share", "weighting", "That is P(y)·H(X | Y = y), this column's share of H(X | Y); "
                + "the question asks for " + shown + " itself.", r -> {
                    TableWork w = c.at(r);
                    return r.step(w.py(j) * w.hXGivenColumn(j));
                });
        d.scalarMistake("marginal-for-conditional", "conditional-rows", "That is H(X), the uncertainty before anything is "
                + "known; " + shown + " is what is left in the cases where " + y + ".", r -> c.at(r).hX());
        d.wrongBase(base, "log-base", (b, r) -> c.at(b, r).hXGivenColumn(j));
        d.scalarMistake("sign", "entropy-terms",
                NEGATIVE_ENTROPY,
                r -> -c.at(r).hXGivenColumn(j));
        return d;
    }

    // ---- which table shares more ------------------------------------------------------------

    static Draft compareTables(SplittableRandom rng, Level level) {
        Draws.Scenario s = Draws.scenario(rng);
        LogBase base = Draws.base(rng, level);
        Table first = Draws.table(rng, level, s, base);
        Table second = Draws.table(rng, level, s, base);
        return compareTables(first, second, level != Level.EASY);
    }

    /**
     * Which table has the larger I(X;Y), when they differ clearly (by at least 0.02 in the unit
     * and a quarter of the larger). The mistakes are the shortcuts that pick the other table:
     * comparing H(X|Y) alone, H(X,Y) alone, or the mass on the diagonal. With
     * {@code needsShortcut}, a draw where no shortcut misleads is rejected.
     */
    static Draft compareTables(Table first, Table second, boolean needsShortcut) {
        Analysis a = analysis(first);
        Analysis b = analysis(second);
        double ia = a.mutualInformation();
        double ib = b.mutualInformation();
        double lo = Math.min(ia, ib);
        double hi = Math.max(ia, ib);
        if (lo < 0.01 || hi - lo < 0.02 || hi < 1.25 * lo) {
            return null;
        }
        String right = ia > ib ? "A" : "B";
        String wrong = ia > ib ? "B" : "A";
        String unit = first.base().unit();
        Draft d = new Draft((first.counts() ? "Tables A and B count observations of " : "Tables A and B give two joint "
                + "distributions of ") + "X = " + first.xName() + " (rows) and Y = " + first.yName() + " (columns)."
                + " In which do X and Y share more information, that is, which has the larger I(X; Y)? Answer A or B.",
                "choice", "", 0, new TablePair(first, second), new Answer.Choice(right));
        d.note("I(X; Y) is " + Decimals.format(ia, DIGITS) + " " + unit + " in table A and " + Decimals.format(ib, DIGITS)
                + " " + unit + " in table B.");
        if (misleads(a.conditionalEntropyXGivenY(), b.conditionalEntropyXGivenY(), wrong)) {
            d.choiceMistake("conditional-only", "combine", "The table with the smaller H(X | Y) does not always share more: "
                    + "I(X; Y) = H(X) − H(X | Y), and the tables' H(X) differ too.", wrong);
        }
        if (misleads(a.jointEntropy(), b.jointEntropy(), wrong)) {
            d.choiceMistake("joint-only", "combine", "The table with the smaller H(X, Y) does not always share more: "
                    + "I(X; Y) = H(X) + H(Y) − H(X, Y), and the tables' H(X) and H(Y) differ too.", wrong);
        }
        if (misleads(-diagonal(first), -diagonal(second), wrong)) {
            d.choiceMistake("diagonal", "pointwise", "More probability on the diagonal does not mean more shared "
                    + "information: dependence can sit in any cells, and I(X; Y) compares every cell with P(x) P(y).",
                    wrong);
        }
        if (needsShortcut && d.mistakeCount() == 0) {
            return null;
        }
        return d;
    }

    /** True when the table with the smaller value of a shortcut's measure is {@code wrong}. */
    private static boolean misleads(double a, double b, String wrong) {
        return a < b ? wrong.equals("A") : b < a && wrong.equals("B");
    }

    /** Σ_i P(x_i, y_i), the probability on the diagonal. */
    private static double diagonal(Table t) {
        double[][] c = t.cells();
        double s = 0;
        for (int i = 0; i < Math.min(t.rows(), t.cols()); i++) {
            s += c[i][i];
        }
        return s / (t.counts() ? TableWork.sum(c) : 1);
    }
}
