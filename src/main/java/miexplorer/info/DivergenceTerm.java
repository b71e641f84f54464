package miexplorer.info;

/**
 * One cell's term P(x,y)·log[P(x,y) / (P(x)P(y))] of D(P(X,Y) ‖ P(X)P(Y)). {@link #pointwise()} is
 * the pointwise mutual information log[P(x,y) / (P(x)P(y))]: positive where x and y occur together
 * more often than independence would predict, negative where less often. A cell with P(x,y) = 0
 * contributes 0 (0·log 0 = 0) and has no pointwise value (NaN).
 */
public record DivergenceTerm(int row, int col, double pxy, double product, double pointwise, double value) {
    public boolean zero() {
        return pxy == 0;
    }
}
