package miexplorer.info;

/**
 * One value z of Z in I(X;Y|Z) = Σ_z P(z)·I(X;Y | Z = z): its probability P(z) and the full
 * {@link Analysis} of the slice P(X, Y | Z = z) = P(x, y, z) / P(z), with its worked steps. A value
 * with P(z) = 0 never happens, so P(X, Y | Z = z) is undefined and the value is skipped: its weight
 * in the average is 0 ({@link #analysis()} is then {@code null}, as {@link Conditional#working()} is
 * for a value of the conditioning variable that never happens).
 */
public record ConditionalSlice(int z, double pZ, Analysis analysis) {
    public boolean skipped() {
        return analysis == null;
    }

    /** P(z)·I(X;Y | Z = z), this slice's share of I(X;Y|Z); 0 for a skipped slice. */
    public double weighted() {
        return skipped() ? 0 : pZ * analysis.mutualInformation();
    }
}
