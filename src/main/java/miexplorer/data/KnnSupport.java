package miexplorer.data;

import java.util.Arrays;
import org.apache.commons.numbers.gamma.Digamma;

/**
 * What the nearest-neighbour estimators ({@link Ksg}, {@link RossEstimator}) share: checks of a
 * numeric column, scikit-learn's standardisation and tie-breaking noise, counts of repeated values,
 * sums and the digamma function.
 */
final class KnnSupport {
    /** The smallest and largest number of neighbours accepted. */
    static final int MIN_K = 1;
    static final int MAX_K = 50;

    /** The noise is this fraction of max(1, mean |x|) of the standardised column (scikit-learn's). */
    static final double NOISE = 1e-10;

    /** numpy's block for pairwise summation (PW_BLOCKSIZE). */
    private static final int BLOCK = 128;

    /** numpy's reductions go through its iterator's buffer, this many elements at a time. */
    private static final int BUFFER = 8192;

    private KnnSupport() {
    }

    /** ψ(x), the digamma function d/dx ln Γ(x); here always at a positive integer. */
    static double digamma(double x) {
        return Digamma.value(x);
    }

    static void checkK(int k) {
        if (k < MIN_K || k > MAX_K) {
            throw new IllegalArgumentException("the number of neighbours k is " + k + "; it must be from "
                    + MIN_K + " to " + MAX_K);
        }
    }

    static void checkRows(int n, int k) {
        if (n < k + 1) {
            throw new IllegalArgumentException("there " + (n == 1 ? "is 1 row" : "are " + n + " rows") + "; k = " + k
                    + " neighbours need at least " + (k + 1));
        }
    }

    static void checkFinite(double[] v, String name) {
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                throw new IllegalArgumentException(name + " is " + v[i] + " in row " + (i + 1)
                        + "; every value must be a finite number");
            }
        }
    }

    /**
     * x / σ with σ = √(Σ (x − x̄)² / N) (population standard deviation, no centring of the result),
     * computed as numpy's {@code np.nanstd} does (pairwise sums), so the values are scikit-learn's
     * {@code scale(x, with_mean=False)} to the last bit.
     *
     * <p>Unlike scikit-learn, which leaves a column with σ below 10 ulp(1) ≈ 2.2·10⁻¹⁵ unscaled (its
     * noise then swamps such a column), any σ &gt; 0 is divided by; σ = 0 is refused.
     */
    static double[] standardise(double[] v, String name) {
        int n = v.length;
        double maxAbs = 0;
        for (double a : v) {
            maxAbs = Math.max(maxAbs, Math.abs(a));
        }
        // Squares of values beyond 2^±500 would overflow or underflow; a power of two rescales exactly
        // and leaves x / σ unchanged.
        int e = maxAbs == 0 ? 0 : Math.getExponent(maxAbs);
        double[] w = v;
        if (e > 500 || e < -500) {
            double s = Math.scalb(1.0, -e);
            w = new double[n];
            for (int i = 0; i < n; i++) {
                w[i] = v[i] * s;
            }
        }
        double mean = numpySum(w, 0, n) / n;
        double[] sq = new double[n];
        for (int i = 0; i < n; i++) {
            double d = w[i] - mean;
            sq[i] = d * d;
        }
        double sigma = Math.sqrt(numpySum(sq, 0, n) / n);
        if (!(sigma > 0)) {
            throw new IllegalArgumentException(name + " is constant (every value is " + v[0]
                    + "); it needs at least two different values");
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = w[i] / sigma;
        }
        return out;
    }

    /**
     * Adds 10⁻¹⁰ · max(1, mean |x|) · z_i to each value, z_i standard normal from {@code random}:
     * scikit-learn's noise, and with numpy's generator the very same numbers.
     */
    static void addNoise(double[] v, NumpyRandomState random) {
        double[] abs = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            abs[i] = Math.abs(v[i]);
        }
        double scale = NOISE * Math.max(1, numpySum(abs, 0, v.length) / v.length);
        for (int i = 0; i < v.length; i++) {
            v[i] += scale * random.nextGaussian();
        }
    }

    /** Refuses an {@code order} that is not a permutation of the n rows 0 … n − 1, naming the first entry at fault. */
    static void checkPermutation(int[] order, int n) {
        if (order.length != n) {
            throw new IllegalArgumentException("the permutation has " + order.length + " entries but there are "
                    + n + " rows");
        }
        boolean[] seen = new boolean[n];
        for (int i = 0; i < n; i++) {
            int j = order[i];
            if (j < 0 || j >= n || seen[j]) {
                throw new IllegalArgumentException("entry " + i + " of the permutation is " + j
                        + "; it must be a row from 0 to " + (n - 1) + " not used before");
            }
            seen[j] = true;
        }
    }

    /** How many entries of the sorted array equal another entry. */
    static long repeated(double[] sorted) {
        long count = 0;
        int n = sorted.length;
        int i = 0;
        while (i < n) {
            int j = i + 1;
            while (j < n && sorted[j] == sorted[i]) {
                j++;
            }
            if (j - i > 1) {
                count += j - i;
            }
            i = j;
        }
        return count;
    }

    /** How many rows i have (x_i, y_i) equal to another row's pair. */
    static long repeatedPairs(double[] x, double[] y, double[] sortedX, double[] sortedY, Parallel parallel) {
        int n = x.length;
        long[] keys = new long[n];
        parallel.forEachChunk(n, (from, to) -> {
            for (int i = from; i < to; i++) {
                // each value's first position in the sorted column names its value
                keys[i] = ((long) firstAtLeast(sortedX, x[i]) << 32) | firstAtLeast(sortedY, y[i]);
            }
        });
        Arrays.sort(keys);
        long count = 0;
        int i = 0;
        while (i < n) {
            int j = i + 1;
            while (j < n && keys[j] == keys[i]) {
                j++;
            }
            if (j - i > 1) {
                count += j - i;
            }
            i = j;
        }
        return count;
    }

    /**
     * Sorts v in place, ascending, into the very array {@link Arrays#sort(double[])} gives (−0.0 before
     * 0.0; no NaN here), by least-significant-digit radix sort on the bits, a byte a pass: O(N), and
     * several times faster than Arrays.sort for 10⁶ values. Needs 8 bytes a value besides, while it runs.
     */
    static void sort(double[] v) {
        radixSort(v, false);
    }

    /**
     * Sorts v in place as {@link #sort} does and returns each value's place in it: row i's value is
     * {@code v[rank[i]]} afterwards. The sort is stable, so equal values keep their rows' order; any
     * place among equal values would do for {@link #countWithin}, which counts the same from each.
     * Needs 16 bytes a value besides while it sorts (this is what spares a binary search per row).
     */
    static int[] sortAndRank(double[] v) {
        int[] order = sortAndOrder(v);
        int[] rank = new int[v.length];
        for (int j = 0; j < order.length; j++) {
            rank[order[j]] = j;
        }
        return rank;
    }

    /** Sorts v in place as {@link #sort} does and returns the rows in sorted order: v[j] afterwards is row order[j]'s value. Stable. */
    static int[] sortAndOrder(double[] v) {
        return radixSort(v, true);
    }

    /** A double's bits as a key whose unsigned order is Double.compare's: negatives' bits flipped, positives' sign bit set. */
    private static long sortKey(double d) {
        long bits = Double.doubleToRawLongBits(d);
        return bits ^ ((bits >> 63) | Long.MIN_VALUE);
    }

    /** LSD radix sort of v in place; with {@code withOrder}, the rows in sorted order (where each sorted value was). */
    private static int[] radixSort(double[] v, boolean withOrder) {
        int n = v.length;
        int[][] count = new int[8][256];
        for (double d : v) {
            long key = sortKey(d);
            for (int digit = 0; digit < 8; digit++) {
                count[digit][(int) (key >>> (8 * digit)) & 0xFF]++;
            }
        }
        double[] from = v;
        double[] to = null;
        int[] order = null;
        int[] orderTo = null;
        if (withOrder) {
            order = new int[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
        }
        for (int digit = 0; digit < 8; digit++) {
            int shift = 8 * digit;
            int[] c = count[digit];
            if (n == 0 || c[(int) (sortKey(v[0]) >>> shift) & 0xFF] == n) {
                continue; // every value has this byte: the pass would change nothing
            }
            int sum = 0;
            for (int b = 0; b < 256; b++) {
                int m = c[b];
                c[b] = sum;
                sum += m;
            }
            if (to == null) {
                to = new double[n];
                orderTo = withOrder ? new int[n] : null;
            }
            for (int i = 0; i < n; i++) {
                double d = from[i];
                int at = c[(int) (sortKey(d) >>> shift) & 0xFF]++;
                to[at] = d;
                if (withOrder) {
                    orderTo[at] = order[i];
                }
            }
            double[] t = from;
            from = to;
            to = t;
            if (withOrder) {
                int[] o = order;
                order = orderTo;
                orderTo = o;
            }
        }
        if (from != v) {
            System.arraycopy(from, 0, v, 0, n);
        }
        return order;
    }

    /** The first index of the sorted array whose entry is ≥ v (binary search). */
    static int firstAtLeast(double[] sorted, double v) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * #{j : |s_j − s_pos| ≤ r} over the sorted array s, counting pos itself, found by galloping out
     * from pos and then binary search. The differences are computed as |s_j − s_pos|, exactly as a
     * k-d tree's distance, so the count agrees with scikit-learn's {@code query_radius} to the bit.
     */
    static int countWithin(double[] s, int pos, double r) {
        double v = s[pos];
        int n = s.length;
        // right end: first index > pos with s[j] − v > r
        int step = 1;
        int inside = pos; // s[inside] − v ≤ r
        while (pos + step < n && s[pos + step] - v <= r) {
            inside = pos + step;
            step <<= 1;
        }
        int lo = inside + 1;
        int hi = Math.min(pos + step, n); // s[hi] − v > r, or hi = n
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (s[mid] - v <= r) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        int right = lo;
        // left end: first index with v − s[j] ≤ r
        step = 1;
        inside = pos;
        while (pos - step >= 0 && v - s[pos - step] <= r) {
            inside = pos - step;
            step <<= 1;
        }
        lo = Math.max(pos - step, -1) + 1; // v − s[lo − 1] > r, or lo = 0
        hi = inside;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (v - s[mid] <= r) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return right - lo;
    }

    /**
     * The radius scikit-learn queries with, {@code np.nextafter(ε, 0)}: the largest double below ε,
     * so that "≤ radius" means "&lt; ε"; 0 when ε = 0 (then only equal values are counted).
     */
    static double below(double eps) {
        return eps > 0 ? Math.nextDown(eps) : 0;
    }

    /**
     * Σ a[from..to) as numpy's {@code np.sum} adds a float64 array, so to the same last bit: the
     * buffers of 8192 elements one after another, each summed pairwise.
     */
    static double numpySum(double[] a, int from, int to) {
        double sum = 0;
        for (int start = from; start < to; start += BUFFER) {
            sum += pairwiseSum(a, start, Math.min(to, start + BUFFER));
        }
        return sum;
    }

    /** Σ a[from..to), summed pairwise as numpy sums one buffer. */
    private static double pairwiseSum(double[] a, int from, int to) {
        int n = to - from;
        if (n < 8) {
            double res = 0;
            for (int i = from; i < to; i++) {
                res += a[i];
            }
            return res;
        } else if (n <= BLOCK) {
            double r0 = a[from];
            double r1 = a[from + 1];
            double r2 = a[from + 2];
            double r3 = a[from + 3];
            double r4 = a[from + 4];
            double r5 = a[from + 5];
            double r6 = a[from + 6];
            double r7 = a[from + 7];
            int i = from + 8;
            int end = to - n % 8;
            for (; i < end; i += 8) {
                r0 += a[i];
                r1 += a[i + 1];
                r2 += a[i + 2];
                r3 += a[i + 3];
                r4 += a[i + 4];
                r5 += a[i + 5];
                r6 += a[i + 6];
                r7 += a[i + 7];
            }
            double res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
            for (; i < to; i++) {
                res += a[i];
            }
            return res;
        } else {
            int n2 = n / 2;
            n2 -= n2 % 8;
            return pairwiseSum(a, from, from + n2) + pairwiseSum(a, from + n2, to);
        }
    }

    /** The mean of ψ(c + shift) over the counts, ψ summed as numpy sums. */
    static double meanDigamma(int[] counts, int shift) {
        return meanDigamma(counts, shift, Parallel.SERIAL);
    }

    /** As {@link #meanDigamma(int[], int)}, each ψ worked out in parallel, the sum in row order by this thread. */
    static double meanDigamma(int[] counts, int shift, Parallel parallel) {
        double[] psi = new double[counts.length];
        parallel.forEachChunk(counts.length, (from, to) -> {
            for (int i = from; i < to; i++) {
                psi[i] = digamma(counts[i] + (double) shift);
            }
        });
        return numpySum(psi, 0, psi.length) / psi.length;
    }
}
