package miexplorer.data;

import miexplorer.info.LogBase;

/**
 * Ross's nearest-neighbour estimate of I(X;Y) for a numeric X and a categorical Y, with its parts:
 * Î = ψ(N′) + ⟨ψ(k_i)⟩ − ⟨ψ(N_y(i))⟩ − ⟨ψ(m_i)⟩ nats, the means over the N′ rows whose label occurs
 * more than once.
 *
 * @param nats Î in nats, clipped at 0 as scikit-learn clips it
 * @param rawNats Î before clipping (what a permutation test compares)
 * @param k the number of neighbours asked for; a label with c ≤ k rows uses k_i = c − 1
 * @param n the number of rows
 * @param used N′, the rows whose label occurs more than once; the others have no neighbour of their
 *     own label and are left out, as scikit-learn leaves them out
 * @param labels the number of distinct labels
 * @param singletonLabels the labels that occur once (their rows are the n − used left out)
 * @param psiUsed ψ(N′)
 * @param meanPsiK ⟨ψ(k_i)⟩
 * @param meanPsiLabelCount ⟨ψ(N_y(i))⟩, N_y(i) the number of rows with row i's label
 * @param meanPsiM ⟨ψ(m_i)⟩, m_i the number of used rows (row i included) with |x_j − x_i| &lt; d_i,
 *     d_i the distance from row i to its k_i-th nearest row of the same label
 * @param tiedX rows whose x equals another row's x (after standardising, before the noise)
 * @param seed the seed of the tie-breaking noise (numpy's RandomState, as scikit-learn's random_state)
 */
public record RossEstimate(
        double nats,
        double rawNats,
        int k,
        long n,
        long used,
        int labels,
        int singletonLabels,
        double psiUsed,
        double meanPsiK,
        double meanPsiLabelCount,
        double meanPsiM,
        long tiedX,
        long seed) {

    /** Whether any value of x is repeated. */
    public boolean ties() {
        return tiedX > 0;
    }

    /** Î in the base's unit: Î_nats · log_b(e). */
    public double in(LogBase base) {
        return base == LogBase.E ? nats : nats * base.log(Math.E);
    }
}
