package miexplorer.data;

import java.util.Arrays;

/**
 * Ross's estimator of the mutual information between a numeric column X and a categorical column Y
 * (B. C. Ross, "Mutual information between discrete and continuous data sets", PLoS ONE 9(2), 2014),
 * computed as scikit-learn's {@code mutual_info_classif(x.reshape(-1, 1), labels, n_neighbors=k,
 * discrete_features=False)} computes it:
 *
 * <ol>
 *   <li>x is divided by its population standard deviation and given the seeded noise, as in {@link Ksg};
 *       the labels are left as they are;</li>
 *   <li>rows whose label occurs only once are left out (they have no neighbour of their own label);
 *       N′ rows remain;</li>
 *   <li>for row i with label y, N_y(i) rows share the label, k_i = min(k, N_y(i) − 1), and d_i is the
 *       distance |x_j − x_i| to the k_i-th nearest other row of that label;</li>
 *   <li>m_i is the number of the N′ rows, row i itself included, with |x_j − x_i| &lt; d_i;</li>
 *   <li>Î = ψ(N′) + ⟨ψ(k_i)⟩ − ⟨ψ(N_y(i))⟩ − ⟨ψ(m_i)⟩ nats, and 0 if that is negative.</li>
 * </ol>
 *
 * <p>The noise is always added, for the reasons given in {@link Ksg}, and is scikit-learn's for the same
 * seed (numpy's RandomState), so {@code estimate(x, labels, …, k, seed)} is {@code mutual_info_classif(…,
 * random_state=seed)}; see below for labels with at most 2k + 1 rows. Cost: O(N log N) for an estimate
 * (sorting within each label and over all rows, then galloping counts); a shuffle of the labels for a
 * permutation test costs the same less the standardising and noise. Instances are immutable.
 *
 * <p><b>Labels with at most 2k + 1 rows.</b> For such a label scikit-learn 1.2 finds neighbours by
 * brute force, with Euclidean distances computed as √(a² − 2ab + b²), which are off in the last
 * bits; its radius nextafter(d, 0) then sometimes still takes in the k-th neighbour itself, and m_i
 * is one too many. Here d_i is |x_j − x_i| exactly, as sklearn's own k-d tree gives it (used for
 * larger labels), so for data with such small labels the two differ (by 10⁻³ nats or so on 300 rows
 * in 40 labels); with sklearn made to search with its k-d tree they agree.
 */
public final class RossEstimator {
    private final int k;
    private final long seed;
    private final double[] x; // standardised, with noise
    private final int[] labels;
    private final long tiedX;

    private RossEstimator(int k, long seed, double[] x, int[] labels, long tiedX) {
        this.k = k;
        this.seed = seed;
        this.x = x;
        this.labels = labels;
        this.tiedX = tiedX;
    }

    /** Î(X;Y) in nats: {@code prepare(...).estimate()}. */
    public static RossEstimate estimate(double[] x, int[] labels, String xName, String yName, int k, long seed) {
        return prepare(x, labels, xName, yName, k, seed).estimate();
    }

    /**
     * Checks x, standardises it (x / σ, σ² = Σ (x − x̄)² / N) and adds the seeded noise, once.
     *
     * @param labels one category code per row; equal codes are the same category
     * @param seed numpy's RandomState seed for the noise, 0 to 2³² − 1 (scikit-learn's random_state)
     * @throws IllegalArgumentException when k is outside 1..50, there are fewer than k + 1 rows, the
     *     columns differ in length, an x is NaN or infinite, x is constant, no label occurs twice, or
     *     the seed is out of range
     */
    public static RossEstimator prepare(double[] x, int[] labels, String xName, String yName, int k, long seed) {
        return prepare(x, labels, xName, yName, k, seed, true);
    }

    /** As {@link #prepare}, with the noise left out when {@code noise} is false (for tests against the formula). */
    static RossEstimator prepare(double[] x, int[] labels, String xName, String yName, int k, long seed, boolean noise) {
        KnnSupport.checkK(k);
        if (x.length != labels.length) {
            throw new IllegalArgumentException(xName + " has " + x.length + " values but " + yName + " has "
                    + labels.length + "; they must be paired");
        }
        KnnSupport.checkRows(x.length, k);
        KnnSupport.checkFinite(x, xName);
        double[] sx = KnnSupport.standardise(x, xName);
        double[] sorted = sx.clone();
        Arrays.sort(sorted);
        long tied = KnnSupport.repeated(sorted);
        int[] distinct = labels.clone();
        Arrays.sort(distinct);
        boolean repeats = false;
        for (int i = 1; i < distinct.length && !repeats; i++) {
            repeats = distinct[i] == distinct[i - 1];
        }
        if (!repeats) {
            throw new IllegalArgumentException("every label of " + yName + " occurs once, so no row has a neighbour"
                    + " with its label; a label needs at least two rows");
        }
        NumpyRandomState random = new NumpyRandomState(seed); // checks the seed, noise or not
        if (noise) {
            KnnSupport.addNoise(sx, random);
        }
        return new RossEstimator(k, seed, sx, labels.clone(), tied);
    }

    /** Î = ψ(N′) + ⟨ψ(k_i)⟩ − ⟨ψ(N_y(i))⟩ − ⟨ψ(m_i)⟩ nats, clipped at 0, with its parts. */
    public RossEstimate estimate() {
        Parts p = parts(labels);
        return new RossEstimate(Math.max(0, p.nats), p.nats, k, x.length, p.used, p.labels, p.singletons,
                p.psiUsed, p.meanPsiK, p.meanPsiCount, p.meanPsiM, tiedX, seed);
    }

    /**
     * Î before clipping with row i's label replaced by the label of row {@code order[i]}: one shuffle of
     * a permutation test. Costs about as much as {@link #estimate()}; compare with {@link RossEstimate#rawNats()}.
     */
    public double rawNatsWithLabelsPermuted(int[] order) {
        int n = x.length;
        if (order.length != n) {
            throw new IllegalArgumentException("the permutation has " + order.length + " entries but there are "
                    + n + " rows");
        }
        int[] permuted = new int[n];
        boolean[] seen = new boolean[n];
        for (int i = 0; i < n; i++) {
            int j = order[i];
            if (j < 0 || j >= n || seen[j]) {
                throw new IllegalArgumentException("entry " + i + " of the permutation is " + j
                        + "; it must be a row from 0 to " + (n - 1) + " not used before");
            }
            seen[j] = true;
            permuted[i] = labels[j];
        }
        return parts(permuted).nats;
    }

    /** N, the number of rows. */
    public int n() {
        return x.length;
    }

    /** The number of neighbours asked for. */
    public int k() {
        return k;
    }

    private record Parts(double nats, int used, int labels, int singletons, double psiUsed, double meanPsiK,
            double meanPsiCount, double meanPsiM) {
    }

    private Parts parts(int[] labels) {
        int n = x.length;
        int[] distinct = Arrays.stream(labels).sorted().distinct().toArray();
        int groups = distinct.length;
        int[] group = new int[n];
        int[] count = new int[groups];
        for (int i = 0; i < n; i++) {
            group[i] = Arrays.binarySearch(distinct, labels[i]);
            count[group[i]]++;
        }
        // x grouped by label (counting sort), each group's values sorted
        int[] start = new int[groups + 1];
        for (int g = 0; g < groups; g++) {
            start[g + 1] = start[g] + count[g];
        }
        double[] byGroup = new double[n];
        int[] fill = Arrays.copyOf(start, groups);
        for (int i = 0; i < n; i++) {
            byGroup[fill[group[i]]++] = x[i];
        }
        int singletons = 0;
        for (int g = 0; g < groups; g++) {
            Arrays.sort(byGroup, start[g], start[g + 1]);
            if (count[g] == 1) {
                singletons++;
            }
        }
        int used = n - singletons;
        // the used rows, in their original order (the order scikit-learn averages in)
        int[] rows = new int[used];
        double[] usedSorted = new double[used];
        int u = 0;
        for (int i = 0; i < n; i++) {
            if (count[group[i]] > 1) {
                rows[u] = i;
                usedSorted[u++] = x[i];
            }
        }
        Arrays.sort(usedSorted);
        int[] kAll = new int[used];
        int[] counts = new int[used];
        int[] m = new int[used];
        for (int r = 0; r < used; r++) {
            int i = rows[r];
            int g = group[i];
            int c = count[g];
            int ki = Math.min(k, c - 1);
            double d = kthDistance(byGroup, start[g], start[g + 1], x[i], ki);
            kAll[r] = ki;
            counts[r] = c;
            m[r] = KnnSupport.countWithin(usedSorted, KnnSupport.firstAtLeast(usedSorted, x[i]), KnnSupport.below(d));
        }
        double psiUsed = KnnSupport.digamma(used);
        double meanPsiK = KnnSupport.meanDigamma(kAll, 0);
        double meanPsiCount = KnnSupport.meanDigamma(counts, 0);
        double meanPsiM = KnnSupport.meanDigamma(m, 0);
        return new Parts(psiUsed + meanPsiK - meanPsiCount - meanPsiM, used, groups, singletons,
                psiUsed, meanPsiK, meanPsiCount, meanPsiM);
    }

    /** The k-th smallest |s_j − v| over s[from..to) less one entry equal to v: a merge outwards from v's place. */
    private static double kthDistance(double[] s, int from, int to, double v, int k) {
        int lo = from;
        int hi = to;
        while (lo < hi) { // first index in the range with s ≥ v
            int mid = (lo + hi) >>> 1;
            if (s[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        int left = lo - 1;
        int right = lo + 1; // s[lo] is the row itself (or an equal value, which is the same)
        double d = 0;
        for (int step = 0; step < k; step++) {
            double dl = left >= from ? v - s[left] : Double.POSITIVE_INFINITY;
            double dr = right < to ? s[right] - v : Double.POSITIVE_INFINITY;
            if (dl <= dr) {
                d = dl;
                left--;
            } else {
                d = dr;
                right++;
            }
        }
        return d;
    }
}
