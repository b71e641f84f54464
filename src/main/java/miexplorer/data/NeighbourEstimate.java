package miexplorer.data;

/**
 * The nearest-neighbour estimate of I(X;Y) that two columns' kinds call for: {@link Ksg} (algorithm 1,
 * max-norm) for two numeric columns, {@link RossEstimator} for a numeric column against a categorical
 * one. Ross's estimator takes the numeric column as the continuous variable and the other's categories
 * as labels whichever of X and Y each is, as scikit-learn's {@code mutual_info_classif(numeric, labels)}
 * does: I(X;Y) = I(Y;X), so the orientation changes nothing but which column gets the noise. Two
 * categorical columns have no nearest-neighbour estimate (the plug-in estimate is the one for them).
 *
 * <p>The seed is numpy's RandomState seed of the tie-breaking noise (scikit-learn's random_state), so an
 * estimate is scikit-learn's for that seed; see {@link Ksg} on ties.
 */
public final class NeighbourEstimate {
    /** Which estimator produced the number, by the key the API answers with. */
    public enum Method {
        KSG("ksg"), ROSS("ross");

        private final String key;

        Method(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    private final Method method;
    private final Ksg ksg;
    private final RossEstimator ross;
    private final boolean numericIsX;
    private final double nats;
    private final double rawNats;
    private final long tiedX;
    private final long tiedY;
    private final long repeatedPairs;
    private final int k;
    private final long seed;

    private NeighbourEstimate(Ksg ksg, KsgEstimate e) {
        this.method = Method.KSG;
        this.ksg = ksg;
        this.ross = null;
        this.numericIsX = true;
        this.nats = e.nats();
        this.rawNats = e.rawNats();
        this.tiedX = e.tiedX();
        this.tiedY = e.tiedY();
        this.repeatedPairs = e.repeatedPairs();
        this.k = e.k();
        this.seed = e.seed();
    }

    private NeighbourEstimate(RossEstimator ross, RossEstimate e, boolean numericIsX) {
        this.method = Method.ROSS;
        this.ksg = null;
        this.ross = ross;
        this.numericIsX = numericIsX;
        this.nats = e.nats();
        this.rawNats = e.rawNats();
        this.tiedX = numericIsX ? e.tiedX() : 0;
        this.tiedY = numericIsX ? 0 : e.tiedX();
        this.repeatedPairs = 0;
        this.k = e.k();
        this.seed = e.seed();
    }

    /** Whether these columns have a nearest-neighbour estimate: at least one of them is numeric. */
    public static boolean applies(SampleReader.Values v) {
        return v != null && (v.xNumeric() || v.yNumeric());
    }

    /**
     * The estimate for the columns read, with k neighbours and the noise's seed.
     *
     * @throws SampleException for the setting or column at fault: fewer than k + 1 rows ({@code k}), or
     *     a categorical column none of whose categories occurs twice (that column's {@code x} or {@code y})
     * @throws IllegalArgumentException when k or the seed is out of range, or both columns are categorical
     */
    public static NeighbourEstimate of(SampleReader.Values v, String xName, String yName, int k, long seed) {
        return of(v, xName, yName, k, seed, Parallel.SERIAL);
    }

    /**
     * As {@link #of(SampleReader.Values, String, String, int, long)}, on the threads {@code parallel}
     * allows (a server passes its heavy work's pool and the threads a request was granted); the same
     * estimate to the last bit for any number of threads.
     */
    public static NeighbourEstimate of(SampleReader.Values v, String xName, String yName, int k, long seed,
            Parallel parallel) {
        if (!applies(v)) {
            throw new IllegalArgumentException("both columns are categorical: there is no nearest-neighbour estimate");
        }
        int n = v.n();
        if (n < k + 1) {
            throw new SampleException(SampleException.Problem.BAD_SETTING, "k", "There " + (n == 1 ? "is 1 pair" : "are "
                    + n + " pairs") + " to use; with k = " + k + " neighbours the estimator needs at least " + (k + 1)
                    + " (k + 1). Choose a smaller k, or give more data.");
        }
        if (v.xNumeric() && v.yNumeric()) {
            Ksg prepared = Ksg.prepare(v.xNumbers(), v.yNumbers(), xName, yName, k, seed, parallel);
            return new NeighbourEstimate(prepared, prepared.estimate(parallel));
        }
        boolean numericIsX = v.xNumeric();
        int[] labels = numericIsX ? v.yCodes() : v.xCodes();
        String labelName = numericIsX ? yName : xName;
        if (!anyRepeated(labels)) {
            throw new SampleException(SampleException.Problem.BAD_SETTING, numericIsX ? "y" : "x", "Every category of “"
                    + labelName + "” occurs once in the " + n + " pairs used, so no row has a neighbour of its own category;"
                    + " Ross's estimator needs a category with two rows or more.");
        }
        RossEstimator prepared = RossEstimator.prepare(numericIsX ? v.xNumbers() : v.yNumbers(), labels,
                numericIsX ? xName : yName, labelName, k, seed, parallel);
        return new NeighbourEstimate(prepared, prepared.estimate(parallel), numericIsX);
    }

    private static boolean anyRepeated(int[] codes) {
        int max = 0;
        for (int c : codes) {
            max = Math.max(max, c);
        }
        boolean[] seen = new boolean[max + 1];
        for (int c : codes) {
            if (seen[c]) {
                return true;
            }
            seen[c] = true;
        }
        return false;
    }

    public Method method() {
        return method;
    }

    /** For Ross's estimator: whether X is the numeric column (else Y is, and X's categories are the labels). */
    public boolean numericIsX() {
        return numericIsX;
    }

    /** Î in nats, clipped at 0. */
    public double nats() {
        return nats;
    }

    /** Î in nats before clipping: what a permutation test compares. */
    public double rawNats() {
        return rawNats;
    }

    /** The rows of X whose value equals another row's (before the noise); 0 for a categorical X. */
    public long tiedX() {
        return tiedX;
    }

    public long tiedY() {
        return tiedY;
    }

    /** Rows whose (x, y) pair equals another row's (KSG only). */
    public long repeatedPairs() {
        return repeatedPairs;
    }

    public boolean ties() {
        return tiedX > 0 || tiedY > 0;
    }

    public int k() {
        return k;
    }

    public long seed() {
        return seed;
    }

    public int n() {
        return method == Method.KSG ? ksg.n() : ross.n();
    }

    /** Î before clipping with the pairing shuffled: row i's second value taken from row order[i]. */
    public double rawNatsPermuted(int[] order) {
        return rawNatsPermuted(order, Parallel.SERIAL);
    }

    /**
     * As {@link #rawNatsPermuted(int[])}, on the threads {@code parallel} allows; the same to the last bit.
     * For a permutation test: {@code PermutationTest.run(e.n(), o -> e.rawNatsPermuted(o, parallel), …)}.
     */
    public double rawNatsPermuted(int[] order, Parallel parallel) {
        return method == Method.KSG ? ksg.rawNatsWithYPermuted(order, parallel)
                : ross.rawNatsWithLabelsPermuted(order, parallel);
    }

    /**
     * A measure of one shuffle's cost, in the units of the plug-in test's work (about 10 ns each here):
     * a k-d tree and N searches of about log₂ N + k steps each.
     */
    public static long shuffleWork(long n, int k) {
        return Math.max(1, Math.round(WORK_PER_STEP * n * (Math.log(Math.max(2, n)) / Math.log(2) + k)));
    }

    /** Calibrated on this machine: a shuffle of 10⁵ rows with k = 3 took 0.13 s, 1.4·10⁷ units. */
    static final double WORK_PER_STEP = 7;
}
