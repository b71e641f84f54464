package miexplorer.info;

/**
 * The key properties of mutual information, checked on one table.
 *
 * @param miTransposed I(Y;X), computed from the transposed table (symmetry: equals I(X;Y))
 * @param maxDependence max over cells of |P(x,y) − P(x)P(y)|; 0 exactly when X and Y are independent
 * @param maxDependenceRow the row of that cell
 * @param maxDependenceCol the column of that cell
 */
public record TableProperties(
        double mi,
        double miTransposed,
        double maxDependence,
        int maxDependenceRow,
        int maxDependenceCol,
        double entropyX,
        double entropyY,
        double conditionalEntropyXGivenY,
        double conditionalEntropyYGivenX) {

    /** Below this, a difference between two computed quantities is taken to be rounding. */
    public static final double TOLERANCE = 1e-9;

    public static TableProperties of(Analysis a) {
        JointDistribution t = a.table();
        double max = -1;
        int row = 0;
        int col = 0;
        for (int i = 0; i < t.rows(); i++) {
            for (int j = 0; j < t.cols(); j++) {
                double dev = Math.abs(t.p(i, j) - t.px(i) * t.py(j));
                if (dev > max) {
                    max = dev;
                    row = i;
                    col = j;
                }
            }
        }
        // Only I of the transposed table is needed, not its workings (a full Analysis doubled the cost).
        double transposed = Analysis.mutualInformationOf(t.transpose(), a.base());
        return new TableProperties(a.mutualInformation(), transposed, max, row, col,
                a.entropyX(), a.entropyY(), a.conditionalEntropyXGivenY(), a.conditionalEntropyYGivenX());
    }

    public boolean symmetric() {
        return Math.abs(mi - miTransposed) <= TOLERANCE;
    }

    public boolean nonNegative() {
        return mi >= 0;
    }

    /** P(x,y) = P(x)P(y) in every cell, within {@link #TOLERANCE}. */
    public boolean independent() {
        return maxDependence <= TOLERANCE;
    }

    public double bound() {
        return Math.min(entropyX, entropyY);
    }

    public boolean withinBound() {
        return mi <= bound() + TOLERANCE;
    }

    /** H(X|Y) = 0: knowing Y determines X. */
    public boolean yDeterminesX() {
        return conditionalEntropyXGivenY <= TOLERANCE;
    }

    /** H(Y|X) = 0: knowing X determines Y. */
    public boolean xDeterminesY() {
        return conditionalEntropyYGivenX <= TOLERANCE;
    }
}
