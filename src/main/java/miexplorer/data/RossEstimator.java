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
 * random_state=seed)}; see below for labels with at most 2k + 1 rows. Cost: preparing sorts x (radix
 * sort, O(N)); an estimate lays the sorted x out by label, O(N), then finds each row's d_i by a merge
 * outwards from its place among its label's values and m_i by galloping, O(N (k + log m_i)); a shuffle
 * of the labels for a permutation test costs the same. With a {@link Parallel} of more than one thread
 * the rows' d_i, m_i and ψ(m_i) are split between the threads and the means summed in row order by one,
 * so the estimate is the same to the last bit for any number of threads. Instances are immutable.
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
    private final double[] sorted; // x standardised, with noise, ascending
    private final int[] rowOf; // sorted[j] is row rowOf[j]'s x
    private final int[] group; // row i's label as an index 0 … labels − 1 (in the labels' order)
    private final int[] count; // the rows of each label
    private final long tiedX;

    private RossEstimator(int k, long seed, double[] sorted, int[] rowOf, int[] group, int[] count, long tiedX) {
        this.k = k;
        this.seed = seed;
        this.sorted = sorted;
        this.rowOf = rowOf;
        this.group = group;
        this.count = count;
        this.tiedX = tiedX;
    }

    /** Î(X;Y) in nats: {@code prepare(...).estimate()}. */
    public static RossEstimate estimate(double[] x, int[] labels, String xName, String yName, int k, long seed) {
        return estimate(x, labels, xName, yName, k, seed, Parallel.SERIAL);
    }

    /** As {@link #estimate(double[], int[], String, String, int, long)}, on the threads {@code parallel} allows. */
    public static RossEstimate estimate(double[] x, int[] labels, String xName, String yName, int k, long seed,
            Parallel parallel) {
        return prepare(x, labels, xName, yName, k, seed, true, parallel).estimate(parallel);
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
        return prepare(x, labels, xName, yName, k, seed, true, Parallel.SERIAL);
    }

    /** As {@link #prepare(double[], int[], String, String, int, long)}, on the threads {@code parallel} allows. */
    public static RossEstimator prepare(double[] x, int[] labels, String xName, String yName, int k, long seed,
            Parallel parallel) {
        return prepare(x, labels, xName, yName, k, seed, true, parallel);
    }

    /** As {@link #prepare}, with the noise left out when {@code noise} is false (for tests against the formula). */
    static RossEstimator prepare(double[] x, int[] labels, String xName, String yName, int k, long seed, boolean noise) {
        return prepare(x, labels, xName, yName, k, seed, noise, Parallel.SERIAL);
    }

    static RossEstimator prepare(double[] x, int[] labels, String xName, String yName, int k, long seed, boolean noise,
            Parallel parallel) {
        KnnSupport.checkK(k);
        if (x.length != labels.length) {
            throw new IllegalArgumentException(xName + " has " + x.length + " values but " + yName + " has "
                    + labels.length + "; they must be paired");
        }
        KnnSupport.checkRows(x.length, k);
        KnnSupport.checkFinite(x, xName);
        int n = x.length;
        // x standardised and its repeated values counted (before the noise), beside the labels sorted
        double[][] standardised = new double[1][];
        long[] tied = new long[1];
        int[] distinct = labels.clone();
        parallel.forEach(2, task -> {
            if (task == 0) {
                standardised[0] = KnnSupport.standardise(x, xName);
                double[] sortedBefore = standardised[0].clone();
                KnnSupport.sort(sortedBefore);
                tied[0] = KnnSupport.repeated(sortedBefore);
            } else {
                Arrays.sort(distinct);
            }
        });
        double[] sx = standardised[0];
        int labelCount = 0;
        boolean repeats = false;
        for (int i = 0; i < n; i++) {
            if (i > 0 && distinct[i] == distinct[i - 1]) {
                repeats = true;
            } else {
                distinct[labelCount++] = distinct[i];
            }
        }
        if (!repeats) {
            throw new IllegalArgumentException("every label of " + yName + " occurs once, so no row has a neighbour"
                    + " with its label; a label needs at least two rows");
        }
        NumpyRandomState random = new NumpyRandomState(seed); // checks the seed, noise or not
        if (noise) {
            KnnSupport.addNoise(sx, random);
        }
        int[] group = new int[n];
        int[] count = new int[labelCount];
        int groups = labelCount;
        int[][] rowOf = new int[1][];
        parallel.forEach(2, task -> {
            if (task == 0) {
                rowOf[0] = KnnSupport.sortAndOrder(sx); // sorted in place
            } else {
                for (int i = 0; i < n; i++) {
                    group[i] = Arrays.binarySearch(distinct, 0, groups, labels[i]);
                    count[group[i]]++;
                }
            }
        });
        return new RossEstimator(k, seed, sx, rowOf[0], group, count, tied[0]);
    }

    /** Î = ψ(N′) + ⟨ψ(k_i)⟩ − ⟨ψ(N_y(i))⟩ − ⟨ψ(m_i)⟩ nats, clipped at 0, with its parts. */
    public RossEstimate estimate() {
        return estimate(Parallel.SERIAL);
    }

    /** As {@link #estimate()}, on the threads {@code parallel} allows; the same to the last bit. */
    public RossEstimate estimate(Parallel parallel) {
        Parts p = parts(null, parallel);
        return new RossEstimate(Math.max(0, p.nats), p.nats, k, n(), p.used, count.length, p.singletons,
                p.psiUsed, p.meanPsiK, p.meanPsiCount, p.meanPsiM, tiedX, seed);
    }

    /**
     * Î before clipping with row i's label replaced by the label of row {@code order[i]}: one shuffle of
     * a permutation test. Costs about as much as {@link #estimate()}; compare with {@link RossEstimate#rawNats()}.
     */
    public double rawNatsWithLabelsPermuted(int[] order) {
        return rawNatsWithLabelsPermuted(order, Parallel.SERIAL);
    }

    /** As {@link #rawNatsWithLabelsPermuted(int[])}, on the threads {@code parallel} allows; the same to the last bit. */
    public double rawNatsWithLabelsPermuted(int[] order, Parallel parallel) {
        KnnSupport.checkPermutation(order, n());
        return parts(order, parallel).nats;
    }

    /** N, the number of rows. */
    public int n() {
        return sorted.length;
    }

    /** The number of neighbours asked for. */
    public int k() {
        return k;
    }

    private record Parts(double nats, int used, int singletons, double psiUsed, double meanPsiK, double meanPsiCount,
            double meanPsiM) {
    }

    /**
     * The estimate's parts with row i's label taken from row order[i] (order null: row i's own). A
     * shuffle keeps each label's number of rows, so the labels' counts are the prepared ones.
     */
    private Parts parts(int[] order, Parallel parallel) {
        int n = n();
        int groups = count.length;
        int singletons = 0;
        double[] psiK = new double[groups];
        double[] psiCount = new double[groups];
        for (int g = 0; g < groups; g++) {
            if (count[g] == 1) {
                singletons++;
            } else {
                psiK[g] = KnnSupport.digamma(Math.min(k, count[g] - 1));
                psiCount[g] = KnnSupport.digamma(count[g]);
            }
        }
        int used = n - singletons;
        // the used rows, in their original order (the order scikit-learn averages in)
        int[] rows = new int[used];
        int u = 0;
        for (int i = 0; i < n; i++) {
            if (count[group[order == null ? i : order[i]]] > 1) {
                rows[u++] = i;
            }
        }
        double[] psiM = psiM(order, rows, parallel);
        double[] psi = new double[used];
        for (int r = 0; r < used; r++) {
            psi[r] = psiK[group[order == null ? rows[r] : order[rows[r]]]];
        }
        double meanPsiK = KnnSupport.numpySum(psi, 0, used) / used;
        for (int r = 0; r < used; r++) {
            psi[r] = psiCount[group[order == null ? rows[r] : order[rows[r]]]];
        }
        double meanPsiCount = KnnSupport.numpySum(psi, 0, used) / used;
        double meanPsiM = KnnSupport.numpySum(psiM, 0, used) / used;
        double psiUsed = KnnSupport.digamma(used);
        return new Parts(psiUsed + meanPsiK - meanPsiCount - meanPsiM, used, singletons, psiUsed, meanPsiK,
                meanPsiCount, meanPsiM);
    }

    /**
     * ψ(m_i) of each used row ({@code rows}, in order). x is laid out by label, each label's values in
     * ascending order, and the used rows' values in ascending order, both by walking the sorted x once
     * (stable, so each row knows its place in both); then each row's d_i is a merge outwards from its
     * place among its label's values, and m_i a galloping count from its place among the used rows'.
     */
    private double[] psiM(int[] order, int[] rows, Parallel parallel) {
        int n = n();
        int groups = count.length;
        int[] start = new int[groups + 1];
        for (int g = 0; g < groups; g++) {
            start[g + 1] = start[g] + count[g];
        }
        int[] fill = Arrays.copyOf(start, groups);
        double[] byGroup = new double[n];
        int[] placeInGroup = new int[n];
        double[] usedSorted = new double[rows.length];
        int[] placeInUsed = new int[n];
        int u = 0;
        for (int j = 0; j < n; j++) {
            int i = rowOf[j];
            int g = group[order == null ? i : order[i]];
            int at = fill[g]++;
            byGroup[at] = sorted[j];
            placeInGroup[i] = at;
            if (count[g] > 1) {
                usedSorted[u] = sorted[j];
                placeInUsed[i] = u++;
            }
        }
        double[] psiM = new double[rows.length];
        parallel.forEachChunk(rows.length, (from, to) -> {
            for (int r = from; r < to; r++) {
                int i = rows[r];
                int g = group[order == null ? i : order[i]];
                double d = kthDistance(byGroup, start[g], start[g + 1], placeInGroup[i], Math.min(k, count[g] - 1));
                int m = KnnSupport.countWithin(usedSorted, placeInUsed[i], KnnSupport.below(d));
                psiM[r] = KnnSupport.digamma(m);
            }
        });
        return psiM;
    }

    /**
     * The k-th smallest |s_j − v| over s[from..to) less s[at], v = s[at]: a merge outwards from at. Which
     * of several equal values is at changes nothing: the distances left are the same.
     */
    private static double kthDistance(double[] s, int from, int to, int at, int k) {
        double v = s[at];
        int left = at - 1;
        int right = at + 1;
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
