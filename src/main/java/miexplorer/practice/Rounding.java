package miexplorer.practice;

import miexplorer.info.Entropy;
import miexplorer.info.LogBase;

/**
 * How a person writes numbers down along one route of a worked solution. A route's formula is
 * written once, taking a Rounding, and evaluated three ways:
 *
 * <ul>
 *   <li>{@link #EXACT}: nothing rounded; the route must then give the exercise's exact value
 *       (a route that does not is a bug, and generation says so).</li>
 *   <li>{@link #steps}: each value on the route's main line is rounded to the asked decimals: an
 *       entropy, a product P(y)·H(X | Y = y), a sum, a difference, an exponential, a weight. This
 *       is the tutorial's way: 0.48 × 0.811 = 0.389, 0.52 × 0.391 = 0.203, 0.389 + 0.203 = 0.592.</li>
 *   <li>{@link #everything}: the values inside those are rounded too: each probability, ratio,
 *       logarithm and term (−0.4 × 1.322 = −0.529), each scaled score.</li>
 * </ul>
 * Rounding is to the asked number of decimals, halves away from 0 ({@link Decimals#round}).
 */
final class Rounding {
    static final Rounding EXACT = new Rounding(0, false, false);
    private static final Rounding[] STEPS = new Rounding[10];
    private static final Rounding[] EVERYTHING = new Rounding[10];

    static {
        for (int d = 0; d < 10; d++) {
            STEPS[d] = new Rounding(d, true, false);
            EVERYTHING[d] = new Rounding(d, true, true);
        }
    }

    private final int digits;
    private final boolean steps;
    private final boolean inner;

    private Rounding(int digits, boolean steps, boolean inner) {
        this.digits = digits;
        this.steps = steps;
        this.inner = inner;
    }

    /** Rounds each value on the main line to {@code digits} decimals (0 to 9); one instance per digits. */
    static Rounding steps(int digits) {
        return STEPS[digits];
    }

    /** Rounds every value written down, inner ones included, to {@code digits} decimals; one instance per digits. */
    static Rounding everything(int digits) {
        return EVERYTHING[digits];
    }

    /** 0 for exact, 1 for steps, 2 for everything: an index for caches of work per rounding. */
    int index() {
        return inner ? 2 : steps ? 1 : 0;
    }

    /** A value on the main line: an entropy, a weighted term, a sum or difference of those. */
    double step(double x) {
        return steps ? Decimals.round(x, digits) : x;
    }

    /** A value inside a step: a probability, a ratio, a logarithm, one term of an entropy. */
    double inner(double x) {
        return inner ? Decimals.round(x, digits) : x;
    }

    /**
     * H(P) = −Σ p log_b p with 0 log 0 = 0. Exactly, the sum {@link Entropy#of} makes (the same
     * terms in the same order as the explorers); rounded, each log p and each term p·log p is
     * rounded when inner values are, and the total when steps are.
     */
    double entropy(double[] q, LogBase base) {
        if (!inner) {
            return step(Entropy.of(q, base));
        }
        double h = 0;
        for (double p : q) {
            if (p != 0) {
                // Written as the tutorial does: −(0.4 × (−1.322) + 0.6 × (−0.737)) = −(−0.529 − 0.442).
                h -= inner(p * inner(base.log(p)));
            }
        }
        return step(h);
    }

    boolean exact() {
        return !steps;
    }

    boolean roundsInner() {
        return inner;
    }

    /** The route's rounding in words, to follow the route's formula. */
    String describe() {
        if (!steps) {
            return "nothing rounded";
        }
        return inner
                ? "every number written down, each probability, logarithm and term included, rounded to " + digits
                        + " decimals"
                : "each result on the way (entropy, product, sum, exponential) rounded to " + digits + " decimals";
    }
}
