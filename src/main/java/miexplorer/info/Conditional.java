package miexplorer.info;

/**
 * One value of the conditioning variable in H(A|B) = Σ_b P(b)·H(A | B = b): its probability P(b)
 * and the entropy of the conditional distribution P(A | B = b) = P(a, b) / P(b). A value with
 * P(b) = 0 never happens, so P(A | B = b) is undefined and the value is skipped: its weight in the
 * average is 0 ({@link #working()} is then {@code null}).
 */
public record Conditional(int given, double pGiven, EntropyWorking working) {
    public boolean skipped() {
        return working == null;
    }

    /** P(b)·H(A | B = b), this value's share of the conditional entropy. */
    public double weighted() {
        return skipped() ? 0 : pGiven * working.total();
    }
}
