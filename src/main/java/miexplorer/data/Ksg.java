package miexplorer.data;

/**
 * The Kraskov–Stögbauer–Grassberger estimator of the mutual information of two numeric columns
 * (Kraskov, Stögbauer and Grassberger, Phys. Rev. E 69, 066138, 2004; algorithm 1), computed as
 * scikit-learn's {@code mutual_info_regression(x.reshape(-1, 1), y, n_neighbors=k)} computes it:
 *
 * <ol>
 *   <li>each column is divided by its population standard deviation (ddof = 0), not centred;</li>
 *   <li>10⁻¹⁰ · max(1, mean |v|) · z is added to each value v, z standard normal: the noise Kraskov et
 *       al. advise so that no two values are equal (see Ties below);</li>
 *   <li>ε_i is the max-norm distance max(|x_j − x_i|, |y_j − y_i|) from row i to its k-th nearest other
 *       row; n_x(i) is the number of other rows with |x_j − x_i| &lt; ε_i (strictly), n_y(i) likewise;</li>
 *   <li>Î = ψ(N) + ψ(k) − ⟨ψ(n_x + 1)⟩ − ⟨ψ(n_y + 1)⟩ nats, ⟨·⟩ the mean over rows, and 0 if that is
 *       negative.</li>
 * </ol>
 *
 * <p><b>Ties.</b> The noise is always added, as scikit-learn adds it, and drawn as scikit-learn
 * draws it: from numpy's {@code RandomState(seed)} (MT19937 and the polar method, reimplemented in
 * {@link NumpyRandomState}), x's N deviates first, then y's. So {@code estimate(x, y, …, k, seed)} is
 * {@code mutual_info_regression(x.reshape(-1, 1), y, n_neighbors=k, random_state=seed)}, not only
 * for continuous data but also where the noise decides (repeated values, or equal distances, which a
 * column of distinct whole numbers is full of). Always, rather than only when some value is repeated:
 * equal distances matter as much as equal values, and sklearn's answer, noise included, is the one to
 * compare with. A seed is from 0 to 2³² − 1, as numpy's; the default is {@value #DEFAULT_SEED}. For
 * continuous data the noise, about 10⁻¹⁰ of a standard deviation, moves a count only where two
 * distances differ by less than that; with 10⁴ rows that happens for a few data sets in a hundred,
 * and then the estimate moves by about 1/(n_x·N) nats, whichever the generator. Repeated values are
 * counted in the result so a page can say that the data are not continuous and the noise broke the
 * ties.
 *
 * <p><b>Cost.</b> Preparing sorts both columns (radix sort, O(N)), before the noise to count repeated
 * values and after it for the counts. An estimate builds a k-d tree over the pairs and finds each
 * row's k-th neighbour in it, O(N log N + N k), then counts n_x, n_y by galloping out from each row's
 * place in the sorted columns, O(N log(n_x + n_y)). A shuffle of y for a permutation test
 * ({@link #rawNatsWithYPermuted(int[])}) costs the same as an estimate less the standardising, noise
 * and sorting. Instances are immutable and safe to share between threads (a shuffle allocates its own
 * working arrays).
 *
 * <p><b>Threads.</b> With a {@link Parallel} of more than one thread, the columns are standardised and
 * sorted side by side, and the tree, the neighbour searches, the counts and the ψ's are split between
 * the threads; the noise is drawn in one thread (it is one stream) and the means are summed in row
 * order by one thread, so the estimate is the same to the last bit for any number of threads
 * (BENCHMARKS.md has timings on one thread and on two).
 */
public final class Ksg {
    /** The number of neighbours scikit-learn uses by default. */
    public static final int DEFAULT_K = 3;
    /** The seed of the tie-breaking noise when the caller has none. */
    public static final long DEFAULT_SEED = 1;
    public static final int MIN_K = KnnSupport.MIN_K;
    public static final int MAX_K = KnnSupport.MAX_K;

    private final int k;
    private final long seed;
    // The columns standardised, with noise, sorted; row i's x is sortedX[rankX[i]] (the columns in row
    // order are not kept: the sorted ones and the ranks hold them, in 12 bytes a value rather than 20).
    private final double[] sortedX;
    private final double[] sortedY;
    private final int[] rankX;
    private final int[] rankY;
    private final long tiedX;
    private final long tiedY;
    private final long repeatedPairs;

    private Ksg(int k, long seed, double[] sortedX, double[] sortedY, int[] rankX, int[] rankY, long tiedX, long tiedY,
            long repeatedPairs) {
        this.k = k;
        this.seed = seed;
        this.sortedX = sortedX;
        this.sortedY = sortedY;
        this.rankX = rankX;
        this.rankY = rankY;
        this.tiedX = tiedX;
        this.tiedY = tiedY;
        this.repeatedPairs = repeatedPairs;
    }

    /** Î(X;Y) in nats for the columns as given: {@code prepare(...).estimate()}. */
    public static KsgEstimate estimate(double[] x, double[] y, String xName, String yName, int k, long seed) {
        return estimate(x, y, xName, yName, k, seed, Parallel.SERIAL);
    }

    /** As {@link #estimate(double[], double[], String, String, int, long)}, on the threads {@code parallel} allows. */
    public static KsgEstimate estimate(double[] x, double[] y, String xName, String yName, int k, long seed,
            Parallel parallel) {
        return prepare(x, y, xName, yName, k, seed, parallel).estimate(parallel);
    }

    /**
     * Checks, standardises (v / σ, σ² = Σ (v − v̄)² / N) and adds the seeded noise to both columns, once.
     *
     * @param xName the name of column x in messages, likewise yName
     * @param seed numpy's RandomState seed for the noise, 0 to 2³² − 1 (scikit-learn's random_state)
     * @throws IllegalArgumentException when k is outside 1..50, there are fewer than k + 1 rows, the
     *     columns differ in length, a value is NaN or infinite, a column is constant, or the seed is
     *     out of range
     */
    public static Ksg prepare(double[] x, double[] y, String xName, String yName, int k, long seed) {
        return prepare(x, y, xName, yName, k, seed, true, Parallel.SERIAL);
    }

    /** As {@link #prepare(double[], double[], String, String, int, long)}, on the threads {@code parallel} allows. */
    public static Ksg prepare(double[] x, double[] y, String xName, String yName, int k, long seed, Parallel parallel) {
        return prepare(x, y, xName, yName, k, seed, true, parallel);
    }

    /** As {@link #prepare}, with the noise left out when {@code noise} is false (for tests against the formula). */
    static Ksg prepare(double[] x, double[] y, String xName, String yName, int k, long seed, boolean noise) {
        return prepare(x, y, xName, yName, k, seed, noise, Parallel.SERIAL);
    }

    static Ksg prepare(double[] x, double[] y, String xName, String yName, int k, long seed, boolean noise,
            Parallel parallel) {
        KnnSupport.checkK(k);
        if (x.length != y.length) {
            throw new IllegalArgumentException(xName + " has " + x.length + " values but " + yName + " has "
                    + y.length + "; they must be paired");
        }
        KnnSupport.checkRows(x.length, k);
        KnnSupport.checkFinite(x, xName);
        KnnSupport.checkFinite(y, yName);
        // Column c (x, then y): standardised, and sorted as it is before the noise, to count repeated values.
        double[][] columns = {x, y};
        String[] names = {xName, yName};
        double[][] standardised = new double[2][];
        double[][] sortedBefore = new double[2][];
        long[] tied = new long[2];
        parallel.forEach(2, c -> {
            standardised[c] = KnnSupport.standardise(columns[c], names[c]);
            double[] sorted = standardised[c].clone();
            KnnSupport.sort(sorted);
            tied[c] = KnnSupport.repeated(sorted);
            sortedBefore[c] = sorted;
        });
        double[] sx = standardised[0];
        double[] sy = standardised[1];
        long pairs = tied[0] > 0 && tied[1] > 0
                ? KnnSupport.repeatedPairs(sx, sy, sortedBefore[0], sortedBefore[1], parallel) : 0;
        sortedBefore[0] = null; // 16 bytes a row that the sorts below may want
        sortedBefore[1] = null;
        NumpyRandomState random = new NumpyRandomState(seed); // checks the seed, noise or not
        if (noise) {
            KnnSupport.addNoise(sx, random); // x's noise first, then y's, from one generator, as scikit-learn draws
            KnnSupport.addNoise(sy, random);
        }
        int[][] ranks = new int[2][];
        parallel.forEach(2, c -> ranks[c] = KnnSupport.sortAndRank(standardised[c])); // sorted in place
        return new Ksg(k, seed, sx, sy, ranks[0], ranks[1], tied[0], tied[1], pairs);
    }

    /** Î = ψ(N) + ψ(k) − ⟨ψ(n_x + 1)⟩ − ⟨ψ(n_y + 1)⟩ nats, clipped at 0, with its parts. */
    public KsgEstimate estimate() {
        return estimate(Parallel.SERIAL);
    }

    /** As {@link #estimate()}, on the threads {@code parallel} allows; the same to the last bit. */
    public KsgEstimate estimate(Parallel parallel) {
        Parts p = parts(null, parallel);
        return new KsgEstimate(Math.max(0, p.nats()), p.nats(), k, n(), p.psiN(), p.psiK(),
                p.meanPsiNx(), p.meanPsiNy(), tiedX, tiedY, repeatedPairs, seed);
    }

    /**
     * Î before clipping with row i's y replaced by y of row {@code order[i]}: one shuffle of a
     * permutation test when {@code order} is a random permutation of 0..N−1. The prepared columns (with
     * their noise) are reused, so this costs a k-d tree build and N neighbour searches, O(N log N), about
     * as much as {@link #estimate()} less the sorting; compare the result with {@link KsgEstimate#rawNats()}.
     */
    public double rawNatsWithYPermuted(int[] order) {
        return rawNatsWithYPermuted(order, Parallel.SERIAL);
    }

    /** As {@link #rawNatsWithYPermuted(int[])}, on the threads {@code parallel} allows; the same to the last bit. */
    public double rawNatsWithYPermuted(int[] order, Parallel parallel) {
        KnnSupport.checkPermutation(order, n());
        return parts(order, parallel).nats();
    }

    /** N, the number of rows. */
    public int n() {
        return rankX.length;
    }

    /** The number of neighbours. */
    public int k() {
        return k;
    }

    private record Parts(double nats, double psiN, double psiK, double meanPsiNx, double meanPsiNy) {
    }

    /** The estimate's parts with row i's y taken from row order[i] (order null: row i's own). */
    private Parts parts(int[] order, Parallel parallel) {
        int n = n();
        int[][] counts = counts(order, parallel);
        double psiN = KnnSupport.digamma(n);
        double psiK = KnnSupport.digamma(k);
        double mx = KnnSupport.meanDigamma(counts[0], 1, parallel);
        double my = KnnSupport.meanDigamma(counts[1], 1, parallel);
        return new Parts(psiN + psiK - mx - my, psiN, psiK, mx, my);
    }

    /**
     * n_x and n_y of every row: each row's ε from the tree, then its counts at once, while the nearby
     * values are still in the cache. The tree is garbage when this returns, before the ψ's are worked out.
     */
    private int[][] counts(int[] order, Parallel parallel) {
        int n = n();
        double[] px = new double[n];
        double[] py = new double[n];
        parallel.forEachChunk(n, (from, to) -> {
            for (int i = from; i < to; i++) {
                px[i] = sortedX[rankX[i]];
                py[i] = sortedY[rankY[order == null ? i : order[i]]];
            }
        });
        int[] nx = new int[n];
        int[] ny = new int[n];
        new MaxNormTree(px, py, parallel).kthNeighbourDistances(k, parallel, (i, eps) -> {
            double r = KnnSupport.below(eps);
            nx[i] = KnnSupport.countWithin(sortedX, rankX[i], r) - 1; // less the row itself
            ny[i] = KnnSupport.countWithin(sortedY, rankY[order == null ? i : order[i]], r) - 1;
        });
        return new int[][] {nx, ny};
    }
}
