package miexplorer.data;

import java.util.Arrays;

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
 * <p><b>Cost.</b> Preparing sorts both columns, O(N log N). An estimate builds a k-d tree over the
 * pairs and finds each row's k-th neighbour in it, O(N log N + N k), then counts n_x, n_y by galloping
 * out from each row's place in the sorted columns, O(N log(n_x + n_y)). A shuffle of y for a
 * permutation test ({@link #rawNatsWithYPermuted(int[])}) costs the same as an estimate less the
 * standardising, noise and sorting (BENCHMARKS.md has the timings). Instances are immutable and safe
 * to share between threads (a shuffle allocates its own working arrays).
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
    private final double[] x; // standardised, with noise
    private final double[] y;
    private final double[] sortedX;
    private final double[] sortedY;
    private final int[] rankX; // a position of x[i] in sortedX
    private final int[] rankY;
    private final long tiedX;
    private final long tiedY;
    private final long repeatedPairs;

    private Ksg(int k, long seed, double[] x, double[] y, long tiedX, long tiedY, long repeatedPairs) {
        this.k = k;
        this.seed = seed;
        this.x = x;
        this.y = y;
        this.tiedX = tiedX;
        this.tiedY = tiedY;
        this.repeatedPairs = repeatedPairs;
        sortedX = x.clone();
        Arrays.sort(sortedX);
        sortedY = y.clone();
        Arrays.sort(sortedY);
        rankX = ranks(x, sortedX);
        rankY = ranks(y, sortedY);
    }

    /** Î(X;Y) in nats for the columns as given: {@code prepare(...).estimate()}. */
    public static KsgEstimate estimate(double[] x, double[] y, String xName, String yName, int k, long seed) {
        return prepare(x, y, xName, yName, k, seed).estimate();
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
        return prepare(x, y, xName, yName, k, seed, true);
    }

    /** As {@link #prepare}, with the noise left out when {@code noise} is false (for tests against the formula). */
    static Ksg prepare(double[] x, double[] y, String xName, String yName, int k, long seed, boolean noise) {
        KnnSupport.checkK(k);
        if (x.length != y.length) {
            throw new IllegalArgumentException(xName + " has " + x.length + " values but " + yName + " has "
                    + y.length + "; they must be paired");
        }
        KnnSupport.checkRows(x.length, k);
        KnnSupport.checkFinite(x, xName);
        KnnSupport.checkFinite(y, yName);
        double[] sx = KnnSupport.standardise(x, xName);
        double[] sy = KnnSupport.standardise(y, yName);
        double[] sortedX = sx.clone();
        Arrays.sort(sortedX);
        double[] sortedY = sy.clone();
        Arrays.sort(sortedY);
        long tiedX = KnnSupport.repeated(sortedX);
        long tiedY = KnnSupport.repeated(sortedY);
        long pairs = tiedX > 0 && tiedY > 0 ? KnnSupport.repeatedPairs(sx, sy, sortedX, sortedY) : 0;
        NumpyRandomState random = new NumpyRandomState(seed); // checks the seed, noise or not
        if (noise) {
            KnnSupport.addNoise(sx, random); // x's noise first, then y's, from one generator, as scikit-learn draws
            KnnSupport.addNoise(sy, random);
        }
        return new Ksg(k, seed, sx, sy, tiedX, tiedY, pairs);
    }

    /** Î = ψ(N) + ψ(k) − ⟨ψ(n_x + 1)⟩ − ⟨ψ(n_y + 1)⟩ nats, clipped at 0, with its parts. */
    public KsgEstimate estimate() {
        Parts p = parts(y, rankY);
        return new KsgEstimate(Math.max(0, p.nats()), p.nats(), k, x.length, p.psiN(), p.psiK(),
                p.meanPsiNx(), p.meanPsiNy(), tiedX, tiedY, repeatedPairs, seed);
    }

    /**
     * Î before clipping with row i's y replaced by y of row {@code order[i]}: one shuffle of a
     * permutation test when {@code order} is a random permutation of 0..N−1. The prepared columns (with
     * their noise) are reused, so this costs a k-d tree build and N neighbour searches, O(N log N), about
     * as much as {@link #estimate()} less the sorting; compare the result with {@link KsgEstimate#rawNats()}.
     */
    public double rawNatsWithYPermuted(int[] order) {
        int n = x.length;
        if (order.length != n) {
            throw new IllegalArgumentException("the permutation has " + order.length + " entries but there are "
                    + n + " rows");
        }
        double[] py = new double[n];
        int[] pRank = new int[n];
        boolean[] seen = new boolean[n];
        for (int i = 0; i < n; i++) {
            int j = order[i];
            if (j < 0 || j >= n || seen[j]) {
                throw new IllegalArgumentException("entry " + i + " of the permutation is " + j
                        + "; it must be a row from 0 to " + (n - 1) + " not used before");
            }
            seen[j] = true;
            py[i] = y[j];
            pRank[i] = rankY[j];
        }
        return parts(py, pRank).nats();
    }

    /** N, the number of rows. */
    public int n() {
        return x.length;
    }

    /** The number of neighbours. */
    public int k() {
        return k;
    }

    private record Parts(double nats, double psiN, double psiK, double meanPsiNx, double meanPsiNy) {
    }

    private Parts parts(double[] ys, int[] ranksY) {
        int n = x.length;
        double[] eps = new MaxNormTree(x, ys).kthNeighbourDistances(k);
        int[] nx = new int[n];
        int[] ny = new int[n];
        for (int i = 0; i < n; i++) {
            double r = KnnSupport.below(eps[i]);
            nx[i] = KnnSupport.countWithin(sortedX, rankX[i], r) - 1; // less the row itself
            ny[i] = KnnSupport.countWithin(sortedY, ranksY[i], r) - 1;
        }
        double psiN = KnnSupport.digamma(n);
        double psiK = KnnSupport.digamma(k);
        double mx = KnnSupport.meanDigamma(nx, 1);
        double my = KnnSupport.meanDigamma(ny, 1);
        return new Parts(psiN + psiK - mx - my, psiN, psiK, mx, my);
    }

    private static int[] ranks(double[] v, double[] sorted) {
        int[] r = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = KnnSupport.firstAtLeast(sorted, v[i]);
        }
        return r;
    }
}
