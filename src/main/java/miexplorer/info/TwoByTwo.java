package miexplorer.info;

/**
 * The tables of two binary variables that share their marginals, and where a given one sits among
 * them. With P(X = x₁) = a and P(Y = y₁) = b fixed, every such table is
 *
 * <pre>
 *   p₁₁ = ab + t        p₁₂ = a(1 − b) − t
 *   p₂₁ = (1 − a)b − t  p₂₂ = (1 − a)(1 − b) + t
 * </pre>
 *
 * for one t in [t_min, t_max], with t_min = −min(ab, (1 − a)(1 − b)) and
 * t_max = min(a(1 − b), (1 − a)b): the cells stay non-negative exactly there. t = 0 is the
 * independent table (I = 0); t = t_max puts as much probability on the diagonal as the marginals
 * allow, t = t_min as much on the off-diagonal. The dependence s rescales t to [−1, 1]:
 * s = t / t_max above 0 and s = t / |t_min| below.
 *
 * <p>A table whose marginals are both uniform (a = b = ½) is a binary symmetric channel with a
 * fair input: p₁₁ = p₂₂ = (1 − ε)/2 and p₁₂ = p₂₁ = ε/2, where ε = p₁₂ + p₂₁ is the probability that
 * Y differs from X (the crossover probability), and s = 1 − 2ε.
 */
public final class TwoByTwo {
    /** How close to ½ both marginals must be for a table to be read as a binary symmetric channel. */
    public static final double UNIFORM_TOLERANCE = 1e-12;

    private TwoByTwo() {
    }

    /** True for a table of two rows and two columns. */
    public static boolean applies(JointDistribution t) {
        return t.rows() == 2 && t.cols() == 2;
    }

    /**
     * True when both marginals are certain-free: 0 &lt; a &lt; 1 and 0 &lt; b &lt; 1. Otherwise one
     * variable is certain, t_min = t_max = 0, and every table with these marginals is independent.
     */
    public static boolean hasRoom(JointDistribution t) {
        requireTwoByTwo(t);
        return tMax(t.px(0), t.py(0)) > 0 || tMin(t.px(0), t.py(0)) < 0;
    }

    /** The dependence s in [−1, 1] of a 2 × 2 table: 0 when independent (or when there is no room). */
    public static double dependence(JointDistribution t) {
        requireTwoByTwo(t);
        double a = t.px(0);
        double b = t.py(0);
        double shift = t.p(0, 0) - a * b;
        double hi = tMax(a, b);
        double lo = tMin(a, b);
        double s = shift > 0 ? (hi > 0 ? shift / hi : 0) : (lo < 0 ? shift / -lo : 0);
        return Math.max(-1, Math.min(1, s));
    }

    /**
     * The 2 × 2 table with the marginals of {@code t} and dependence {@code s} (clamped to [−1, 1]).
     * Cells that rounding leaves a few ulps below 0 are written as 0.
     */
    public static double[][] withDependence(JointDistribution t, double s) {
        requireTwoByTwo(t);
        if (!Double.isFinite(s)) {
            throw new IllegalArgumentException("the dependence " + s + " is not a finite number");
        }
        double a = t.px(0);
        double b = t.py(0);
        double c = Math.max(-1, Math.min(1, s));
        double shift = c >= 0 ? c * tMax(a, b) : c * -tMin(a, b);
        return new double[][] {
            {nonNegative(a * b + shift), nonNegative(a * (1 - b) - shift)},
            {nonNegative((1 - a) * b - shift), nonNegative((1 - a) * (1 - b) + shift)},
        };
    }

    /** True when both marginals are ½ (within {@link #UNIFORM_TOLERANCE}): a binary symmetric channel. */
    public static boolean isSymmetricChannel(JointDistribution t) {
        return applies(t) && Math.abs(t.px(0) - 0.5) <= UNIFORM_TOLERANCE && Math.abs(t.py(0) - 0.5) <= UNIFORM_TOLERANCE;
    }

    /** The crossover probability ε = p₁₂ + p₂₁ of a binary symmetric channel. */
    public static double crossover(JointDistribution t) {
        requireTwoByTwo(t);
        return Math.min(1, t.p(0, 1) + t.p(1, 0));
    }

    /** The binary symmetric channel with a fair input and crossover probability ε in [0, 1]. */
    public static double[][] symmetricChannel(double e) {
        if (!(e >= 0 && e <= 1)) {
            throw new IllegalArgumentException("the crossover probability " + e + " is not between 0 and 1");
        }
        double same = (1 - e) / 2;
        double flip = e / 2;
        return new double[][] {{same, flip}, {flip, same}};
    }

    private static double tMax(double a, double b) {
        return Math.max(0, Math.min(a * (1 - b), (1 - a) * b));
    }

    private static double tMin(double a, double b) {
        return Math.min(0, -Math.min(a * b, (1 - a) * (1 - b)));
    }

    private static double nonNegative(double v) {
        return v < 0 ? 0 : v;
    }

    private static void requireTwoByTwo(JointDistribution t) {
        if (!applies(t)) {
            throw new IllegalArgumentException("the table is " + t.rows() + " × " + t.cols() + ", not 2 × 2");
        }
    }
}
