package miexplorer.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The nearest-neighbour estimates on several threads ({@link Parallel}) are the one-thread estimates to
 * the last bit, for data with and without ties, and the one-thread estimates are what they were before
 * the work was split (the values below were printed by the estimators of commit 23ed0ca, which ran in
 * one thread, with {@code Double.toString}, which reads back to the same bits).
 *
 * <p>70 000 rows: five chunks of rows ({@link Parallel#CHUNK}), and a k-d tree whose top two levels are
 * split before its subtrees are built side by side.
 */
class NeighbourThreadsTest {
    private static final int N = 70_000;
    private static final int[] THREADS = {1, 2, 3, 8};

    @Test
    void ksg_is_the_same_to_the_last_bit_on_any_number_of_threads_and_as_before() {
        double[][] xy = KsgTest.normalPair(N, 0.5, 3);
        KsgEstimate one = Ksg.estimate(xy[0], xy[1], "x", "y", 3, 1);
        assertEquals(0.14138480899540706, one.rawNats(), 0);
        int[] order = KsgTest.shuffled(N, 12);
        double shuffled = Ksg.prepare(xy[0], xy[1], "x", "y", 3, 1).rawNatsWithYPermuted(order);
        assertEquals(-0.0010810708085990939, shuffled, 0, "shuffled");
        for (int threads : THREADS) {
            Parallel p = Parallel.on(TestPool.EIGHT, threads);
            assertEquals(one, Ksg.estimate(xy[0], xy[1], "x", "y", 3, 1, p), threads + " threads");
            assertEquals(bits(shuffled), bits(Ksg.prepare(xy[0], xy[1], "x", "y", 3, 1, p).rawNatsWithYPermuted(order, p)),
                    "shuffled, " + threads + " threads");
        }
    }

    /* Whole numbers, few of them: every value and every pair repeated, so the noise decides, and ε = 0 without it. */
    @Test
    void ksg_with_ties_is_the_same_to_the_last_bit_on_any_number_of_threads_and_as_before() {
        double[][] xy = lattice(N, 21, 11, 5);
        KsgEstimate one = Ksg.estimate(xy[0], xy[1], "x", "y", 3, 1);
        assertEquals(0.8981147805088519, one.rawNats(), 0);
        KsgEstimate withoutNoise = Ksg.prepare(xy[0], xy[1], "x", "y", 3, 1, false).estimate();
        assertEquals(-3.8881585281445963, withoutNoise.rawNats(), 0, "without noise");
        int[] order = KsgTest.shuffled(N, 12);
        double shuffled = Ksg.prepare(xy[0], xy[1], "x", "y", 3, 1).rawNatsWithYPermuted(order);
        assertEquals(0.00411263886492641, shuffled, 0, "shuffled");
        for (int threads : THREADS) {
            Parallel p = Parallel.on(TestPool.EIGHT, threads);
            assertEquals(one, Ksg.estimate(xy[0], xy[1], "x", "y", 3, 1, p), threads + " threads");
            assertEquals(withoutNoise, Ksg.prepare(xy[0], xy[1], "x", "y", 3, 1, false, p).estimate(p),
                    "without noise, " + threads + " threads");
            assertEquals(bits(shuffled), bits(Ksg.prepare(xy[0], xy[1], "x", "y", 3, 1, p).rawNatsWithYPermuted(order, p)),
                    "shuffled, " + threads + " threads");
        }
    }

    @Test
    void ross_is_the_same_to_the_last_bit_on_any_number_of_threads_and_as_before() {
        double[][] xy = KsgTest.normalPair(N, 0.5, 3);
        int[] labels = labels(xy[1]);
        RossEstimate one = RossEstimator.estimate(xy[0], labels, "x", "y", 3, 1);
        assertEquals(0.11989108837170592, one.rawNats(), 0);
        int[] order = KsgTest.shuffled(N, 12);
        double shuffled = RossEstimator.prepare(xy[0], labels, "x", "y", 3, 1).rawNatsWithLabelsPermuted(order);
        assertEquals(0.0012210441574223019, shuffled, 0, "shuffled");
        for (int threads : THREADS) {
            Parallel p = Parallel.on(TestPool.EIGHT, threads);
            assertEquals(one, RossEstimator.estimate(xy[0], labels, "x", "y", 3, 1, p), threads + " threads");
            assertEquals(bits(shuffled),
                    bits(RossEstimator.prepare(xy[0], labels, "x", "y", 3, 1, p).rawNatsWithLabelsPermuted(order, p)),
                    "shuffled, " + threads + " threads");
        }
    }

    /* x whole numbers (repeated), labels of all sizes: pairs, one of 1 row (left out), and large ones. */
    @Test
    void ross_with_ties_and_small_labels_is_the_same_to_the_last_bit_on_any_number_of_threads_and_as_before() {
        double[] x = lattice(N, 21, 11, 5)[0];
        int[] labels = new int[N];
        for (int i = 0; i < N; i++) {
            labels[i] = i < 20_000 ? i / 2 : 20_000 + (int) x[i] % 4;
        }
        labels[N - 1] = -1;
        RossEstimate one = RossEstimator.estimate(x, labels, "x", "y", 3, 1);
        assertEquals(0.988608312766746, one.rawNats(), 0);
        RossEstimate withoutNoise = RossEstimator.prepare(x, labels, "x", "y", 3, 1, false).estimate();
        assertEquals(-3.8929861978442055, withoutNoise.rawNats(), 0, "without noise");
        int[] order = KsgTest.shuffled(N, 12);
        double shuffled = RossEstimator.prepare(x, labels, "x", "y", 3, 1).rawNatsWithLabelsPermuted(order);
        assertEquals(-0.002899668712330161, shuffled, 0, "shuffled");
        for (int threads : THREADS) {
            Parallel p = Parallel.on(TestPool.EIGHT, threads);
            assertEquals(one, RossEstimator.estimate(x, labels, "x", "y", 3, 1, p), threads + " threads");
            assertEquals(withoutNoise, RossEstimator.prepare(x, labels, "x", "y", 3, 1, false, p).estimate(p),
                    "without noise, " + threads + " threads");
            assertEquals(bits(shuffled),
                    bits(RossEstimator.prepare(x, labels, "x", "y", 3, 1, p).rawNatsWithLabelsPermuted(order, p)),
                    "shuffled, " + threads + " threads");
        }
    }

    /* What the web layer calls: the estimate and a permutation test's shuffles, with the threads passed in (KSG, then Ross). */
    @Test
    void a_neighbour_estimate_and_its_shuffles_are_the_same_on_any_number_of_threads() {
        double[][] xy = lattice(N, 21, 11, 5);
        int[] codes = new int[N];
        for (int i = 0; i < N; i++) {
            codes[i] = (int) xy[1][i] % 5;
        }
        int[][] orders = {KsgTest.shuffled(N, 1), KsgTest.shuffled(N, 2)};
        for (SampleReader.Values v : new SampleReader.Values[] {new SampleReader.Values(xy[0], xy[1], null, null, null, null),
                new SampleReader.Values(xy[0], null, null, codes, null, null)}) {
            NeighbourEstimate one = NeighbourEstimate.of(v, "x", "y", 3, 7);
            long[] shuffled = {bits(one.rawNatsPermuted(orders[0])), bits(one.rawNatsPermuted(orders[1]))};
            for (int threads : THREADS) {
                Parallel p = Parallel.on(TestPool.EIGHT, threads);
                NeighbourEstimate e = NeighbourEstimate.of(v, "x", "y", 3, 7, p);
                assertEquals(bits(one.rawNats()), bits(e.rawNats()), e.method() + ", " + threads + " threads");
                for (int s = 0; s < orders.length; s++) {
                    assertEquals(shuffled[s], bits(e.rawNatsPermuted(orders[s], p)),
                            e.method() + ", shuffle " + s + ", " + threads + " threads");
                }
            }
        }
    }

    /* A pool that never runs what it is given: the caller does all the work itself, and gets the same estimate. */
    @Test
    void an_executor_that_never_runs_the_helpers_gives_the_same_estimate() {
        double[][] xy = KsgTest.normalPair(N, 0.5, 3);
        Parallel idle = Parallel.on(task -> { }, 4);
        assertEquals(Ksg.estimate(xy[0], xy[1], "x", "y", 3, 1), Ksg.estimate(xy[0], xy[1], "x", "y", 3, 1, idle));
    }

    private static long bits(double v) {
        return Double.doubleToRawLongBits(v);
    }

    /** x whole numbers 0 … a − 1, y = x + 0 … b − 1. */
    static double[][] lattice(int n, int a, int b, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextInt(a);
            y[i] = x[i] + r.nextInt(b);
        }
        return new double[][] {x, y};
    }

    /** Four labels that follow y. */
    private static int[] labels(double[] y) {
        int[] l = new int[y.length];
        for (int i = 0; i < y.length; i++) {
            l[i] = y[i] < -0.5 ? 0 : y[i] < 0.5 ? 1 : y[i] < 1.2 ? 2 : 3;
        }
        return l;
    }
}
