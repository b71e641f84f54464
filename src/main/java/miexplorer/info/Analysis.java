package miexplorer.info;

import java.util.ArrayList;
import java.util.List;

/**
 * Every entropy of a joint distribution and its mutual information, with the workings a person
 * would write down, all in one log base. Each number is computed once, from the workings, so the
 * worked steps and the headline figures cannot disagree.
 *
 * <ul>
 *   <li>H(X) = −Σ_x P(x) log P(x), H(Y) likewise, H(X,Y) = −Σ_{x,y} P(x,y) log P(x,y)</li>
 *   <li>H(X|Y) = Σ_y P(y) H(X | Y = y), H(Y|X) = Σ_x P(x) H(Y | X = x)</li>
 *   <li>I(X;Y) = H(X) − H(X|Y) = H(Y) − H(Y|X) = H(X) + H(Y) − H(X,Y) = D(P(X,Y) ‖ P(X)P(Y))</li>
 * </ul>
 */
public record Analysis(
        JointDistribution table,
        LogBase base,
        EntropyWorking hX,
        EntropyWorking hY,
        EntropyWorking hXY,
        List<Conditional> xGivenY,
        double conditionalEntropyXGivenY,
        List<Conditional> yGivenX,
        double conditionalEntropyYGivenX,
        List<DivergenceTerm> divergence,
        double divergenceTotal) {

    /**
     * Rounding can leave a mutual information a few ulps below 0 (for an independent table, say),
     * though I ≥ 0 always holds (Gibbs' inequality). Values above minus this are shown as 0.
     */
    public static final double ROUNDING = 1e-12;

    public static Analysis of(JointDistribution t, LogBase base) {
        int rows = t.rows();
        int cols = t.cols();
        double[] cells = new double[rows * cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                cells[i * cols + j] = t.p(i, j);
            }
        }

        List<Conditional> xGivenY = conditionals(t, true, base);
        List<Conditional> yGivenX = conditionals(t, false, base);

        List<DivergenceTerm> divergence = new ArrayList<>(rows * cols);
        double d = 0;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                double pxy = t.p(i, j);
                double product = t.px(i) * t.py(j);
                if (pxy == 0) {
                    // 0·log(0/q) = 0. (P(x,y) > 0 implies P(x)P(y) > 0, so no other cell divides by 0.)
                    divergence.add(new DivergenceTerm(i, j, 0, product, Double.NaN, 0));
                    continue;
                }
                double pmi = base.log(pxy / product);
                double value = pxy * pmi;
                divergence.add(new DivergenceTerm(i, j, pxy, product, pmi, value));
                d += value;
            }
        }

        return new Analysis(t, base,
                Entropy.working(t.px(), base), Entropy.working(t.py(), base), Entropy.working(cells, base),
                xGivenY, weightedSum(xGivenY), yGivenX, weightedSum(yGivenX), List.copyOf(divergence), d);
    }

    /**
     * I(X;Y) alone, without the workings: the same terms summed in the same order as {@link #of},
     * so it equals {@code of(t, base).mutualInformation()} exactly, for a fraction of the work.
     */
    public static double mutualInformationOf(JointDistribution t, LogBase base) {
        double d = 0;
        for (int i = 0; i < t.rows(); i++) {
            for (int j = 0; j < t.cols(); j++) {
                double pxy = t.p(i, j);
                if (pxy != 0) {
                    d += pxy * base.log(pxy / (t.px(i) * t.py(j)));
                }
            }
        }
        return clamp(d);
    }

    /** A divergence within {@link #ROUNDING} below 0 is rounding, and is given as 0. */
    private static double clamp(double d) {
        return d < 0 && d > -ROUNDING ? 0 : d;
    }

    /**
     * For each value b of the conditioning variable (the columns, Y, when {@code givenColumn}; else
     * the rows, X): P(b) and the entropy of P(A | B = b) = P(a, b) / P(b).
     */
    private static List<Conditional> conditionals(JointDistribution t, boolean givenColumn, LogBase base) {
        int outer = givenColumn ? t.cols() : t.rows();
        int inner = givenColumn ? t.rows() : t.cols();
        List<Conditional> out = new ArrayList<>(outer);
        for (int b = 0; b < outer; b++) {
            double pb = givenColumn ? t.py(b) : t.px(b);
            if (pb == 0) {
                // B = b never happens: P(A | B = b) is undefined, and its weight P(b) in the average is 0.
                out.add(new Conditional(b, 0, null));
                continue;
            }
            double[] conditional = new double[inner];
            for (int a = 0; a < inner; a++) {
                conditional[a] = (givenColumn ? t.p(a, b) : t.p(b, a)) / pb;
            }
            out.add(new Conditional(b, pb, Entropy.working(conditional, base)));
        }
        return List.copyOf(out);
    }

    /** H(A|B) = Σ_b P(b)·H(A | B = b). */
    private static double weightedSum(List<Conditional> conditionals) {
        double h = 0;
        for (Conditional c : conditionals) {
            h += c.weighted();
        }
        return h;
    }

    public double entropyX() {
        return hX.total();
    }

    public double entropyY() {
        return hY.total();
    }

    public double jointEntropy() {
        return hXY.total();
    }

    /** I = H(X) − H(X|Y). */
    public double miFromX() {
        return entropyX() - conditionalEntropyXGivenY;
    }

    /** I = H(Y) − H(Y|X). */
    public double miFromY() {
        return entropyY() - conditionalEntropyYGivenX;
    }

    /** I = H(X) + H(Y) − H(X,Y). */
    public double miFromJoint() {
        return entropyX() + entropyY() - jointEntropy();
    }

    /**
     * I(X;Y) as the divergence D(P(X,Y) ‖ P(X)P(Y)): a sum of terms that avoids subtracting two
     * nearly equal entropies. A result within {@link #ROUNDING} below 0 is rounding and is given as 0.
     */
    public double mutualInformation() {
        return clamp(divergenceTotal);
    }

    /** I / H(X): the share of the uncertainty about X that learning Y removes; NaN when H(X) = 0. */
    public double shareOfX() {
        return entropyX() > 0 ? mutualInformation() / entropyX() : Double.NaN;
    }

    /** I / H(Y); NaN when H(Y) = 0. */
    public double shareOfY() {
        return entropyY() > 0 ? mutualInformation() / entropyY() : Double.NaN;
    }
}
