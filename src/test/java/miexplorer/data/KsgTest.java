package miexplorer.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import miexplorer.info.LogBase;
import org.junit.jupiter.api.Test;

class KsgTest {
    private static final double EXACT = 1e-14;
    private static final double EULER = 0.5772156649015329;

    private static double psi(double x) {
        return KnnSupport.digamma(x);
    }

    /* scipy.special.digamma 1.10.1 (printed with repr); the estimators call ψ only at positive integers. */
    @Test
    void digamma_is_scipys_to_1e_14_at_the_integers_the_estimators_use() {
        double[][] scipy = {
            {1, -0.5772156649015329}, {2, 0.42278433509846713}, {3, 0.9227843350984671}, {4, 1.2561176684318003},
            {5, 1.5061176684318003}, {7, 1.872784335098467}, {10, 2.251752589066721}, {50, 3.9019896734278925},
            {100, 4.600161852738088}, {1000, 6.907255195648812}, {12345, 9.420965899004846},
            {1000000, 13.81551005796419}};
        for (double[] p : scipy) {
            assertEquals(p[1], psi(p[0]), 1e-14 * Math.abs(p[1]), "ψ(" + p[0] + ")");
        }
        // ψ(n + 1) = ψ(n) + 1/n, from ψ(1) = −γ
        assertEquals(-EULER, psi(1), 1e-14 * EULER);
        for (int n = 1; n < 200; n++) {
            assertEquals(psi(n) + 1.0 / n, psi(n + 1), 1e-14 * Math.abs(psi(n + 1)), "ψ(" + (n + 1) + ")");
        }
    }

    /*
     * Five points, k = 1. y is a permutation of x, so both columns have the same σ (mean 6, deviations
     * whole numbers, sums exact in any order): standardising divides every distance by the same number
     * and the counts can be made on the raw values. Distances from each point (max-norm), its nearest
     * neighbour's distance ε, and the others closer than ε in x and in y:
     *
     *   A (0, 7):   B 3, C 7, D 10, E 12    ε = 3   |dx| 1 7 10 12 → n_x = 1   |dy| 3 5 7 6  → n_y = 0
     *   B (1, 10):  A 3, C 6, D 10, E 11    ε = 3   |dx| 1 6 9 11  → n_x = 1   |dy| 3 2 10 9 → n_y = 1
     *   C (7, 12):  A 7, B 6, D 12, E 11    ε = 6   |dx| 7 6 3 5   → n_x = 2   |dy| 5 2 12 11 → n_y = 2
     *   D (10, 0):  A 10, B 10, C 12, E 2   ε = 2   |dx| 10 9 3 2  → n_x = 0   |dy| 7 10 12 1 → n_y = 1
     *   E (12, 1):  A 12, B 11, C 11, D 2   ε = 2   |dx| 12 11 5 2 → n_x = 0   |dy| 6 9 11 1  → n_y = 1
     *
     * With ψ(m + 1) = H_m − γ (H_m the m-th harmonic number) the γ's cancel:
     * Î = ψ(5) + ψ(1) − ⟨ψ(n_x + 1)⟩ − ⟨ψ(n_y + 1)⟩ = H_4 − ⟨H_{n_x}⟩ − ⟨H_{n_y}⟩
     *   = 25/12 − (1 + 1 + 3/2 + 0 + 0)/5 − (0 + 1 + 3/2 + 1 + 1)/5 = 25/12 − 7/10 − 9/10 = 29/60.
     * No distance is within 1 of a count's boundary, so the noise (10⁻¹⁰) changes nothing.
     */
    @Test
    void five_points_counted_by_hand_share_29_60_nats() {
        double[] x = {0, 1, 7, 10, 12};
        double[] y = {7, 10, 12, 0, 1};
        KsgEstimate e = Ksg.estimate(x, y, "x", "y", 1, Ksg.DEFAULT_SEED);
        assertEquals(29.0 / 60, e.nats(), EXACT);
        assertEquals(e.nats(), e.rawNats(), 0);
        assertEquals(psi(5), e.psiN(), 0);
        assertEquals(psi(1), e.psiK(), 0);
        assertEquals(7.0 / 10 - EULER, e.meanPsiNx(), EXACT);
        assertEquals(9.0 / 10 - EULER, e.meanPsiNy(), EXACT);
        assertEquals(5, e.n());
        assertEquals(1, e.k());
        assertFalse(e.ties());
        assertEquals(29.0 / 60, Ksg.prepare(x, y, "x", "y", 1, 1, false).estimate().nats(), EXACT, "without noise");
    }

    /*
     * x = (1, 2, 6, 9, 12), y = (2, 12, 9, 1, 6), k = 1 (mean 6 again). ε = 7, 4, 4, 5, 5;
     * n_x = (2, 1, 1, 2, 1), n_y = (2, 1, 2, 1, 2):
     * Î = 25/12 − (3/2 + 1 + 1 + 3/2 + 1)/5 − (3/2 + 1 + 3/2 + 1 + 3/2)/5 = 25/12 − 6/5 − 13/10 = −5/12,
     * which scikit-learn reports as 0.
     */
    @Test
    void a_negative_estimate_is_reported_as_0_and_kept_raw() {
        KsgEstimate e = Ksg.estimate(new double[] {1, 2, 6, 9, 12}, new double[] {2, 12, 9, 1, 6}, "x", "y", 1, 1);
        assertEquals(0, e.nats(), 0);
        assertEquals(-5.0 / 12, e.rawNats(), EXACT);
    }

    /*
     * y = x: the max-norm distance is |x_j − x_i|, so ε_i is the k-th smallest |dx| and exactly k − 1
     * other rows are closer in x and in y: Î = ψ(N) + ψ(k) − 2ψ(k) = ψ(N) − ψ(k). (Without the noise,
     * which would make x and y differ by 10⁻¹⁰ and move some k-th neighbours into the counts.)
     */
    @Test
    void a_column_paired_with_itself_gives_psi_n_minus_psi_k() {
        double[] x = normal(500, 3);
        for (int k : new int[] {1, 3, 50}) {
            KsgEstimate e = Ksg.prepare(x, x.clone(), "x", "y", k, 1, false).estimate();
            assertEquals(psi(500) - psi(k), e.nats(), EXACT, "k = " + k);
        }
    }

    /*
     * I = −½ ln(1 − ρ²) for a normal pair. Over 200 seeds at N = 10⁴, k = 3 this estimator's error had
     * mean 0.0002, 0.0013, 0.0040 nats and standard deviation 0.0074, 0.0084, 0.0118 nats for
     * ρ = 0, 0.5, 0.9 (largest 0.035): 0.05 nats is more than 4 standard deviations.
     */
    @Test
    void correlated_normal_pairs_come_within_0_05_nats_of_the_closed_form() {
        for (double rho : new double[] {0, 0.5, 0.9}) {
            double[][] xy = normalPair(10_000, rho, 7);
            KsgEstimate e = Ksg.estimate(xy[0], xy[1], "x", "y", 3, 1);
            assertEquals(-0.5 * Math.log(1 - rho * rho), e.rawNats(), 0.05, "ρ = " + rho);
        }
    }

    /* The tree and the galloping counts against every pair compared: ties, repeated points (ε = 0). */
    @Test
    void the_tree_agrees_with_all_pairs_on_a_lattice_full_of_ties() {
        SplittableRandom r = new SplittableRandom(5);
        int n = 400;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextInt(6);
            y[i] = r.nextInt(6) + (x[i] > 2 ? 2 : 0);
        }
        for (int k : new int[] {1, 3, 10, 50}) {
            KsgEstimate e = Ksg.prepare(x, y, "x", "y", k, 1, false).estimate();
            assertEquals(allPairs(x, y, k), e.rawNats(), 1e-12, "k = " + k);
        }
    }

    @Test
    void the_tree_agrees_with_all_pairs_on_continuous_data() {
        double[][] xy = normalPair(800, 0.7, 9);
        for (int k : new int[] {1, 4, 50}) {
            KsgEstimate e = Ksg.prepare(xy[0], xy[1], "x", "y", k, 1, false).estimate();
            assertEquals(allPairs(xy[0], xy[1], k), e.rawNats(), 1e-12, "k = " + k);
        }
    }

    /** Î by brute force on the standardised columns: every distance, sorted; counts by the same rule (&lt; ε, or = 0 when ε = 0). */
    private static double allPairs(double[] x, double[] y, int k) {
        int n = x.length;
        double[] sx = KnnSupport.standardise(x, "x");
        double[] sy = KnnSupport.standardise(y, "y");
        int[] nx = new int[n];
        int[] ny = new int[n];
        double[] d = new double[n - 1];
        for (int i = 0; i < n; i++) {
            int m = 0;
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    d[m++] = Math.max(Math.abs(sx[j] - sx[i]), Math.abs(sy[j] - sy[i]));
                }
            }
            java.util.Arrays.sort(d);
            double eps = d[k - 1];
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    double dx = Math.abs(sx[j] - sx[i]);
                    double dy = Math.abs(sy[j] - sy[i]);
                    nx[i] += eps > 0 ? (dx < eps ? 1 : 0) : (dx == 0 ? 1 : 0);
                    ny[i] += eps > 0 ? (dy < eps ? 1 : 0) : (dy == 0 ? 1 : 0);
                }
            }
        }
        return psi(n) + psi(k) - KnnSupport.meanDigamma(nx, 1) - KnnSupport.meanDigamma(ny, 1);
    }

    @Test
    void x_and_y_can_be_swapped() {
        double[][] xy = normalPair(1000, 0.4, 11);
        double forward = Ksg.prepare(xy[0], xy[1], "x", "y", 3, 1, false).estimate().rawNats();
        double backward = Ksg.prepare(xy[1], xy[0], "y", "x", 3, 1, false).estimate().rawNats();
        assertEquals(forward, backward, EXACT);
    }

    /* Multiplying a column by 2^±900 changes no standardised value (powers of two divide exactly). */
    @Test
    void columns_in_huge_or_tiny_units_give_the_same_estimate() {
        double[][] xy = normalPair(1000, 0.6, 13);
        KsgEstimate plain = Ksg.estimate(xy[0], xy[1], "x", "y", 3, 1);
        double[] huge = xy[0].clone();
        double[] tiny = xy[1].clone();
        for (int i = 0; i < huge.length; i++) {
            huge[i] = Math.scalb(huge[i], 900);
            tiny[i] = Math.scalb(tiny[i], -900);
        }
        assertEquals(plain, Ksg.estimate(huge, tiny, "x", "y", 3, 1));
    }

    @Test
    void the_same_seed_gives_the_same_estimate() {
        double[][] xy = tiedPair(300, 17);
        assertEquals(Ksg.estimate(xy[0], xy[1], "x", "y", 3, 42), Ksg.estimate(xy[0], xy[1], "x", "y", 3, 42));
    }

    /* With many equal values the noise decides which of them are nearer; without ties it decides nothing. */
    @Test
    void the_seed_matters_only_when_values_are_tied() {
        double[][] tied = tiedPair(300, 17);
        assertNotEquals(Ksg.estimate(tied[0], tied[1], "x", "y", 3, 1).rawNats(),
                Ksg.estimate(tied[0], tied[1], "x", "y", 3, 2).rawNats());
        double[][] continuous = normalPair(300, 0.5, 17);
        assertEquals(Ksg.estimate(continuous[0], continuous[1], "x", "y", 3, 1).rawNats(),
                Ksg.estimate(continuous[0], continuous[1], "x", "y", 3, 2).rawNats(), 0);
    }

    @Test
    void repeated_values_and_pairs_are_counted() {
        // x: 1.0 three times; y: 5 twice; the pair (1, 5) twice
        double[] x = {1, 1, 1, 2, 3, 4};
        double[] y = {5, 5, 6, 7, 8, 9};
        KsgEstimate e = Ksg.estimate(x, y, "x", "y", 2, 1);
        assertEquals(3, e.tiedX());
        assertEquals(2, e.tiedY());
        assertEquals(2, e.repeatedPairs());
        assertTrue(e.ties());
        assertTrue(Double.isFinite(e.nats()));

        double[][] xy = normalPair(1000, 0.5, 3);
        KsgEstimate c = Ksg.estimate(xy[0], xy[1], "x", "y", 3, 1);
        assertFalse(c.ties());
        assertEquals(0, c.tiedX() + c.tiedY() + c.repeatedPairs());
    }

    @Test
    void a_constant_column_is_refused_with_its_name() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Ksg.estimate(new double[] {1, 2, 3, 4}, new double[] {2.5, 2.5, 2.5, 2.5}, "height", "weight", 3, 1));
        assertEquals("weight is constant (every value is 2.5); it needs at least two different values", e.getMessage());
    }

    @Test
    void k_outside_1_to_50_is_refused() {
        double[][] xy = normalPair(100, 0, 1);
        for (int k : new int[] {0, -1, 51}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Ksg.estimate(xy[0], xy[1], "x", "y", k, 1));
            assertEquals("the number of neighbours k is " + k + "; it must be from 1 to 50", e.getMessage());
        }
    }

    @Test
    void fewer_than_k_plus_1_rows_are_refused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Ksg.estimate(new double[] {1, 2, 3}, new double[] {3, 1, 2}, "x", "y", 3, 1));
        assertEquals("there are 3 rows; k = 3 neighbours need at least 4", e.getMessage());
        // k + 1 rows are enough: every other row is a neighbour
        assertTrue(Double.isFinite(Ksg.estimate(new double[] {1, 2, 3, 4}, new double[] {3, 1, 2, 4}, "x", "y", 3, 1).rawNats()));
    }

    @Test
    void nan_and_infinite_values_are_refused_with_the_column_and_row() {
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> Ksg.estimate(new double[] {1, 2, 3, 4, 5}, new double[] {1, 2, Double.NaN, 4, 5}, "x", "income", 3, 1));
        assertEquals("income is NaN in row 3; every value must be a finite number", nan.getMessage());
        IllegalArgumentException inf = assertThrows(IllegalArgumentException.class,
                () -> Ksg.estimate(new double[] {Double.NEGATIVE_INFINITY, 2, 3, 4, 5}, new double[] {1, 2, 3, 4, 5}, "age", "y", 3, 1));
        assertEquals("age is -Infinity in row 1; every value must be a finite number", inf.getMessage());
    }

    @Test
    void columns_of_different_lengths_are_refused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Ksg.estimate(new double[] {1, 2, 3, 4, 5}, new double[] {1, 2, 3, 4}, "x", "y", 3, 1));
        assertEquals("x has 5 values but y has 4; they must be paired", e.getMessage());
    }

    @Test
    void the_estimate_converts_to_bits_and_hartleys() {
        double[][] xy = normalPair(1000, 0.8, 2);
        KsgEstimate e = Ksg.estimate(xy[0], xy[1], "x", "y", 3, 1);
        assertEquals(e.nats(), e.in(LogBase.E), 0);
        assertEquals(e.nats() / Math.log(2), e.in(LogBase.TWO), EXACT);
        assertEquals(e.nats() / Math.log(10), e.in(LogBase.TEN), EXACT);
    }

    @Test
    void the_identity_permutation_gives_the_estimate_back() {
        double[][] xy = normalPair(1000, 0.5, 4);
        Ksg ksg = Ksg.prepare(xy[0], xy[1], "x", "y", 3, 1);
        int[] identity = new int[1000];
        for (int i = 0; i < identity.length; i++) {
            identity[i] = i;
        }
        assertEquals(ksg.estimate().rawNats(), ksg.rawNatsWithYPermuted(identity), 0);
    }

    /* Shuffling the prepared y is estimating on the shuffled data (σ and the counts do not depend on the order). */
    @Test
    void a_permuted_estimate_is_the_estimate_of_the_permuted_data() {
        double[][] xy = normalPair(1000, 0.9, 6);
        int[] order = shuffled(1000, 8);
        double[] permutedY = new double[1000];
        for (int i = 0; i < order.length; i++) {
            permutedY[i] = xy[1][order[i]];
        }
        Ksg ksg = Ksg.prepare(xy[0], xy[1], "x", "y", 3, 1, false);
        double shuffled = ksg.rawNatsWithYPermuted(order);
        assertEquals(Ksg.prepare(xy[0], permutedY, "x", "y", 3, 1, false).estimate().rawNats(), shuffled, EXACT);
        // ρ = 0.9 shares about 0.83 nats; shuffled, the pairs share none
        assertTrue(ksg.estimate().rawNats() > 0.7);
        assertTrue(Math.abs(shuffled) < 0.1, "shuffled: " + shuffled);
    }

    @Test
    void a_permutation_that_is_not_one_is_refused() {
        Ksg ksg = Ksg.prepare(new double[] {1, 2, 3, 4, 5}, new double[] {2, 1, 4, 3, 5}, "x", "y", 1, 1);
        IllegalArgumentException repeated = assertThrows(IllegalArgumentException.class,
                () -> ksg.rawNatsWithYPermuted(new int[] {0, 1, 2, 3, 3}));
        assertEquals("entry 4 of the permutation is 3; it must be a row from 0 to 4 not used before", repeated.getMessage());
        IllegalArgumentException shorter = assertThrows(IllegalArgumentException.class,
                () -> ksg.rawNatsWithYPermuted(new int[] {0, 1}));
        assertEquals("the permutation has 2 entries but there are 5 rows", shorter.getMessage());
    }

    static double[] normal(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextGaussian();
        }
        return v;
    }

    static double[][] normalPair(int n, double rho, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n];
        double[] y = new double[n];
        double s = Math.sqrt(1 - rho * rho);
        for (int i = 0; i < n; i++) {
            x[i] = r.nextGaussian();
            y[i] = rho * x[i] + s * r.nextGaussian();
        }
        return new double[][] {x, y};
    }

    /** Whole numbers 0..4 and y = x + 0..2: few distinct values, many of each. */
    private static double[][] tiedPair(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextInt(5);
            y[i] = x[i] + r.nextInt(3);
        }
        return new double[][] {x, y};
    }

    static int[] shuffled(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }
}
