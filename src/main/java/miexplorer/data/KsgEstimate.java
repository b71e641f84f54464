package miexplorer.data;

import miexplorer.info.LogBase;

/**
 * A Kraskov–Stögbauer–Grassberger estimate of I(X;Y) for two numeric columns (algorithm 1, max-norm),
 * with its parts: Î = ψ(N) + ψ(k) − ⟨ψ(n_x + 1)⟩ − ⟨ψ(n_y + 1)⟩ nats.
 *
 * @param nats Î in nats, clipped at 0 as scikit-learn clips it (the true I is never negative)
 * @param rawNats Î before clipping; can be a little below 0 when X and Y are independent. Permutation
 *     tests compare this, so that two estimates clipped to 0 do not count as ties
 * @param k the neighbour whose distance sets each point's ε
 * @param n N, the number of rows
 * @param psiN ψ(N)
 * @param psiK ψ(k)
 * @param meanPsiNx ⟨ψ(n_x + 1)⟩, n_x(i) the number of other rows with |x_j − x_i| &lt; ε_i
 * @param meanPsiNy ⟨ψ(n_y + 1)⟩, likewise in y
 * @param tiedX rows whose x equals another row's x (after standardising, before the noise)
 * @param tiedY likewise for y
 * @param repeatedPairs rows whose (x, y) pair equals another row's pair
 * @param seed the seed of the tie-breaking noise (numpy's RandomState, as scikit-learn's random_state)
 */
public record KsgEstimate(
        double nats,
        double rawNats,
        int k,
        long n,
        double psiN,
        double psiK,
        double meanPsiNx,
        double meanPsiNy,
        long tiedX,
        long tiedY,
        long repeatedPairs,
        long seed) {

    /** Whether any value of x or y is repeated: then the noise, not the data, decides the order of equal values. */
    public boolean ties() {
        return tiedX > 0 || tiedY > 0;
    }

    /** Î in the base's unit: Î_nats · log_b(e). */
    public double in(LogBase base) {
        return base == LogBase.E ? nats : nats * base.log(Math.E);
    }
}
