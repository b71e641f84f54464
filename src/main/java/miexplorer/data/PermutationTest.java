package miexplorer.data;

import java.util.SplittableRandom;

/**
 * A permutation test of independence: shuffle which Y goes with which X, recount the table, and
 * see how often the shuffled table shows at least as much mutual information as the observed one.
 *
 * <p>Shuffling the pairing keeps both margins, so the shuffled tables depend only on the observed
 * table: X is laid out in blocks of its categories, Y as its categories' counts, and Y is shuffled
 * (Fisher–Yates). With margins fixed, Î is an increasing function of T = Σ n_xy ln n_xy, so T is
 * what is compared.
 *
 * <p>p = (1 + #{shuffles with T ≥ T_observed}) / (1 + shuffles): the observed arrangement counts as
 * one of the arrangements, so p is never below 1/(shuffles + 1) and is a valid p-value for any
 * number of shuffles (Phipson and Smyth, 2010).
 *
 * <p>Shuffle k (from 0) draws from its own generator, seeded from (seed, k), and starts from the same
 * layout, so a run can be split into chunks, {@code run(t, seed, 0, 100)} then {@code run(t, seed, 100,
 * 200)}, and give exactly what {@code run(t, seed, 0, 200)} gives.
 */
public final class PermutationTest {
    /**
     * Shuffled tables whose T is within this fraction of T_observed below it count as ties (as large).
     * Equal tables give bit-identical T; different tables with equal T in exact arithmetic may differ
     * in the last bits. R's chisq.test allows 64 ε ≈ 1.4·10⁻¹⁴; this is a little wider and so a
     * little more conservative.
     */
    public static final double TIE = 1e-12;

    private PermutationTest() {
    }

    /** Shuffles done and how many of them were at least as extreme as the data. */
    public record Tally(long done, long atLeastAsLarge) {
        public static final Tally NONE = new Tally(0, 0);

        /** (1 + at least as large) / (1 + done). */
        public double pValue() {
            return (1.0 + atLeastAsLarge) / (1.0 + done);
        }

        public Tally plus(Tally more) {
            return new Tally(done + more.done, atLeastAsLarge + more.atLeastAsLarge);
        }
    }

    /** Shuffles {@code from} (inclusive) to {@code to} (exclusive) of the test seeded with {@code seed}. */
    public static Tally run(ContingencyTable t, long seed, long from, long to) {
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("shuffles " + from + " to " + to + " is not a range");
        }
        long n = t.n();
        if (n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(n + " observations are too many to shuffle");
        }
        int r = t.rows();
        int c = t.cols();
        long[] rowTotals = t.rowTotals();
        long[] colTotals = t.colTotals();
        int[] layout = new int[(int) n];
        int k = 0;
        for (int j = 0; j < c; j++) {
            for (long m = 0; m < colTotals[j]; m++) {
                layout[k++] = j;
            }
        }
        int[] rowEnd = new int[r];
        long end = 0;
        for (int i = 0; i < r; i++) {
            end += rowTotals[i];
            rowEnd[i] = (int) end;
        }
        double observed = statistic(t);
        double threshold = observed - TIE * Math.abs(observed);

        int[] y = new int[(int) n];
        int[] cells = new int[r * c];
        long atLeast = 0;
        for (long s = from; s < to; s++) {
            System.arraycopy(layout, 0, y, 0, y.length);
            shuffle(y, new SplittableRandom(mix(seed, s)));
            java.util.Arrays.fill(cells, 0);
            int start = 0;
            for (int i = 0; i < r; i++) {
                int base = i * c;
                for (int q = start; q < rowEnd[i]; q++) {
                    cells[base + y[q]]++;
                }
                start = rowEnd[i];
            }
            double sum = 0;
            for (int v : cells) {
                if (v > 1) { // 0 ln 0 = 1 ln 1 = 0
                    sum += v * Math.log(v);
                }
            }
            if (sum >= threshold) {
                atLeast++;
            }
        }
        return new Tally(to - from, atLeast);
    }

    /**
     * Shuffles {@code from} (inclusive) to {@code to} (exclusive) of a test on a statistic of the pairing,
     * such as a nearest-neighbour estimate: shuffle k draws a random permutation of the N rows (Fisher–Yates
     * from the identity) from its own generator seeded from (seed, k), as {@link #run(ContingencyTable, long,
     * long, long)} does, and counts when {@code statistic} of it is at least {@code observed} (less {@link #TIE}).
     */
    public static Tally run(int n, java.util.function.ToDoubleFunction<int[]> statistic, double observed, long seed,
            long from, long to) {
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("shuffles " + from + " to " + to + " is not a range");
        }
        double threshold = observed - TIE * Math.abs(observed);
        int[] order = new int[n];
        long atLeast = 0;
        for (long s = from; s < to; s++) {
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            shuffle(order, new SplittableRandom(mix(seed, s)));
            if (statistic.applyAsDouble(order) >= threshold) {
                atLeast++;
            }
        }
        return new Tally(to - from, atLeast);
    }

    /** T = Σ n_xy ln n_xy, summed in the same order as for the shuffled tables. */
    static double statistic(ContingencyTable t) {
        double sum = 0;
        for (int i = 0; i < t.rows(); i++) {
            for (int j = 0; j < t.cols(); j++) {
                long v = t.count(i, j);
                if (v > 1) {
                    sum += v * Math.log(v);
                }
            }
        }
        return sum;
    }

    /** Shuffles {@code a} in place (Fisher–Yates): every order equally likely, the same draws for the same generator state. */
    public static void shuffle(int[] a, SplittableRandom random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = a[i];
            a[i] = a[j];
            a[j] = tmp;
        }
    }

    /** A seed for shuffle {@code k}: the user's seed and k mixed (SplitMix64's finaliser). */
    static long mix(long seed, long k) {
        long z = seed * 0xD1B54A32D192ED03L + k * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
