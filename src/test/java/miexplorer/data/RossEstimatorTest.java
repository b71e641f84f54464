package miexplorer.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import miexplorer.info.LogBase;
import org.junit.jupiter.api.Test;

class RossEstimatorTest {
    private static final double EXACT = 1e-14;

    private static double psi(double x) {
        return KnnSupport.digamma(x);
    }

    /*
     * Eight rows: label 0 at x = 12, 15, 2; label 1 at x = 3, 8, 7, 0; label 2 once, at x = 9, so that
     * row is left out and N′ = 7. Standardising divides every distance by the same σ, so counts on the
     * raw values are the counts. k = 1 (every k_i = 1):
     *
     *   x    label  N_y  nearest of its label   d    used rows with |x_j − x| < d (itself included)   m
     *   12   0      3    15                      3    12                                               1
     *   15   0      3    12                      3    15                                               1
     *   2    0      3    12                      10   2, 3, 8, 7, 0                                    5
     *   3    1      4    0                       3    3, 2                                             2
     *   8    1      4    7                       1    8                                                1
     *   7    1      4    8                       1    7                                                1
     *   0    1      4    3                       3    0, 2                                             2
     *
     * With ψ(n) = H_{n−1} − γ the γ's cancel:
     * Î = ψ(7) + ⟨ψ(k_i)⟩ − ⟨ψ(N_y)⟩ − ⟨ψ(m)⟩ = H_6 + 0 − (3 H_2 + 4 H_3)/7 − (H_4 + 2 H_1)/7
     *   = 49/20 − 71/42 − 7/12 = (1029 − 710 − 245)/420 = 74/420 = 37/210.
     */
    @Test
    void eight_rows_counted_by_hand_share_37_210_nats() {
        double[] x = {12, 15, 2, 3, 8, 7, 0, 9};
        int[] labels = {0, 0, 0, 1, 1, 1, 1, 2};
        RossEstimate e = RossEstimator.estimate(x, labels, "x", "y", 1, 1);
        assertEquals(37.0 / 210, e.nats(), EXACT);
        assertEquals(8, e.n());
        assertEquals(7, e.used());
        assertEquals(3, e.labels());
        assertEquals(1, e.singletonLabels());
        assertEquals(psi(7), e.psiUsed(), 0);
        assertEquals(psi(1), e.meanPsiK(), EXACT);
        assertEquals((3 * psi(3) + 4 * psi(4)) / 7, e.meanPsiLabelCount(), EXACT);
        assertEquals((4 * psi(1) + 2 * psi(2) + psi(5)) / 7, e.meanPsiM(), EXACT);
        assertEquals(37.0 / 210, RossEstimator.prepare(x, labels, "x", "y", 1, 1, false).estimate().nats(), EXACT,
                "without noise");
    }

    /*
     * The same rows, k = 2 (every label has at least 3 rows, so every k_i = 2):
     *   x = 12: d = 10 (to 2), m = 5 (15, 12, 3, 8, 7);  x = 15: d = 13 (to 2), m = 5;  x = 2: d = 13 (to 15), m = 6;
     *   x = 3: d = 4 (to 7), m = 3 (2, 3, 0);  x = 8: d = 5 (to 3), m = 3 (12, 8, 7);  x = 7: d = 4 (to 3), m = 2;
     *   x = 0: d = 7 (to 7), m = 3 (2, 3, 0).
     * Î = H_6 + H_1 − 71/42 − (2 H_4 + H_5 + 3 H_2 + H_1)/7 = 49/20 + 1 − 71/42 − 239/140
     *   = (1029 + 420 − 710 − 717)/420 = 22/420 = 11/210.
     */
    @Test
    void with_two_neighbours_the_same_rows_share_11_210_nats() {
        RossEstimate e = RossEstimator.estimate(new double[] {12, 15, 2, 3, 8, 7, 0, 9}, new int[] {0, 0, 0, 1, 1, 1, 1, 2},
                "x", "y", 2, 1);
        assertEquals(11.0 / 210, e.nats(), EXACT);
        assertEquals(psi(2), e.meanPsiK(), EXACT);
    }

    /*
     * Two labels of 50 rows each, far apart: the k − 1 nearer rows of a row's own label and the row
     * itself are all within d, so m = k and Î = ψ(100) + ψ(k) − ψ(50) − ψ(k) = ψ(100) − ψ(50)
     * = H_99 − H_49 ≈ 0.6881, a little under ln 2 (one bit, which 50 samples a side cannot quite show).
     */
    @Test
    void two_labels_far_apart_share_psi_100_minus_psi_50() {
        SplittableRandom r = new SplittableRandom(3);
        double[] x = new double[100];
        int[] labels = new int[100];
        for (int i = 0; i < 100; i++) {
            labels[i] = i % 2;
            x[i] = r.nextDouble() + 1000 * labels[i];
        }
        for (int k : new int[] {1, 3, 20}) {
            assertEquals(psi(100) - psi(50), RossEstimator.estimate(x, labels, "x", "y", k, 1).nats(), EXACT, "k = " + k);
        }
    }

    /* A label with c ≤ k rows uses k_i = c − 1: every other row of its label. */
    @Test
    void a_label_with_k_or_fewer_rows_uses_all_its_other_rows() {
        double[] x = {0, 0.3, 0.9, 5, 5.2};
        int[] labels = {7, 7, 7, 9, 9};
        RossEstimate e = RossEstimator.estimate(x, labels, "x", "y", 3, 1);
        // label 7: k_i = 2, label 9: k_i = 1
        assertEquals((3 * psi(2) + 2 * psi(1)) / 5, e.meanPsiK(), EXACT);
    }

    /* σ changes with them, but the counts do not: rows whose label occurs once are as if absent. */
    @Test
    void rows_whose_label_occurs_once_are_left_out() {
        SplittableRandom r = new SplittableRandom(9);
        int n = 300;
        double[] x = new double[n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = r.nextInt(3);
            x[i] = r.nextGaussian() + labels[i];
        }
        double[] more = Arrays.copyOf(x, n + 3);
        int[] moreLabels = Arrays.copyOf(labels, n + 3);
        more[n] = 0.1;
        more[n + 1] = 1.7;
        more[n + 2] = -0.4;
        moreLabels[n] = 10;
        moreLabels[n + 1] = 11;
        moreLabels[n + 2] = 12;
        RossEstimate with = RossEstimator.prepare(more, moreLabels, "x", "y", 3, 1, false).estimate();
        RossEstimate without = RossEstimator.prepare(x, labels, "x", "y", 3, 1, false).estimate();
        assertEquals(without.rawNats(), with.rawNats(), EXACT);
        assertEquals(3, with.singletonLabels());
        assertEquals(6, with.labels());
        assertEquals(n, with.used());
        assertEquals(n + 3, with.n());
    }

    @Test
    void only_labels_that_occur_once_are_refused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RossEstimator.estimate(new double[] {1, 2, 3, 4}, new int[] {0, 1, 2, 3}, "x", "colour", 3, 1));
        assertEquals("every label of colour occurs once, so no row has a neighbour with its label; a label needs at"
                + " least two rows", e.getMessage());
    }

    @Test
    void a_constant_x_is_refused_with_its_name() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RossEstimator.estimate(new double[] {4, 4, 4, 4}, new int[] {0, 0, 1, 1}, "height", "y", 1, 1));
        assertEquals("height is constant (every value is 4.0); it needs at least two different values", e.getMessage());
    }

    @Test
    void k_rows_nan_and_lengths_are_checked() {
        double[] x = {1, 2, 3, 4};
        int[] labels = {0, 0, 1, 1};
        assertEquals("the number of neighbours k is 51; it must be from 1 to 50",
                assertThrows(IllegalArgumentException.class, () -> RossEstimator.estimate(x, labels, "x", "y", 51, 1)).getMessage());
        assertEquals("there are 4 rows; k = 4 neighbours need at least 5",
                assertThrows(IllegalArgumentException.class, () -> RossEstimator.estimate(x, labels, "x", "y", 4, 1)).getMessage());
        assertEquals("x is NaN in row 2; every value must be a finite number",
                assertThrows(IllegalArgumentException.class,
                        () -> RossEstimator.estimate(new double[] {1, Double.NaN, 3, 4}, labels, "x", "y", 1, 1)).getMessage());
        assertEquals("x has 4 values but y has 3; they must be paired",
                assertThrows(IllegalArgumentException.class,
                        () -> RossEstimator.estimate(x, new int[] {0, 0, 1}, "x", "y", 1, 1)).getMessage());
    }

    @Test
    void repeated_x_values_are_counted_and_the_seed_settles_them() {
        double[] x = {1, 1, 2, 2, 2, 3, 4, 5};
        int[] labels = {0, 1, 0, 1, 0, 1, 0, 1};
        RossEstimate e = RossEstimator.estimate(x, labels, "x", "y", 2, 5);
        assertEquals(5, e.tiedX());
        assertTrue(e.ties());
        assertEquals(e, RossEstimator.estimate(x, labels, "x", "y", 2, 5));
        assertFalse(RossEstimator.estimate(new double[] {1, 2, 3, 4}, new int[] {0, 0, 1, 1}, "x", "y", 1, 1).ties());
    }

    @Test
    void the_estimate_converts_to_bits() {
        RossEstimate e = RossEstimator.estimate(new double[] {12, 15, 2, 3, 8, 7, 0, 9}, new int[] {0, 0, 0, 1, 1, 1, 1, 2},
                "x", "y", 1, 1);
        assertEquals(37.0 / 210 / Math.log(2), e.in(LogBase.TWO), EXACT);
    }

    @Test
    void shuffled_labels_reuse_the_prepared_column() {
        SplittableRandom r = new SplittableRandom(12);
        int n = 1000;
        double[] x = new double[n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = r.nextInt(4);
            x[i] = r.nextGaussian() + 2 * labels[i];
        }
        RossEstimator ross = RossEstimator.prepare(x, labels, "x", "y", 3, 1, false);
        int[] order = KsgTest.shuffled(n, 4);
        int[] permuted = new int[n];
        for (int i = 0; i < n; i++) {
            permuted[i] = labels[order[i]];
        }
        double shuffled = ross.rawNatsWithLabelsPermuted(order);
        assertEquals(RossEstimator.prepare(x, permuted, "x", "y", 3, 1, false).estimate().rawNats(), shuffled, EXACT);
        assertTrue(ross.estimate().rawNats() > 0.8, "labels two standard deviations apart share most of their 1.39 nats");
        assertTrue(Math.abs(shuffled) < 0.05, "shuffled: " + shuffled);
        assertThrows(IllegalArgumentException.class, () -> ross.rawNatsWithLabelsPermuted(new int[] {0}));
    }
}
