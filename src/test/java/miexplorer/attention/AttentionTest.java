package miexplorer.attention;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import miexplorer.info.Analysis;
import miexplorer.info.LogBase;
import org.junit.jupiter.api.Test;

class AttentionTest {
    private static final double EXACT = 1e-12;
    private static final double[] Q = {1, 0, 1, 0};
    private static final double[][] K = {{1, 0, 1, 0}, {0, 1, 0, 1}, {1, 1, 0, 0}};

    @Test
    void the_issues_hand_worked_example() {
        QueryAttention a = QueryAttention.of(Q, K, null, true, 1);
        assertArrayEquals(new double[] {2, 0, 1}, a.scores(), 0);
        assertArrayEquals(new double[] {1, 0, 0.5}, a.scaledScores(), 0);
        // α = (e^1, e^0, e^0.5) / (e + 1 + √e)
        double z = Math.E + 1 + Math.sqrt(Math.E);
        assertArrayEquals(new double[] {Math.E / z, 1 / z, Math.sqrt(Math.E) / z}, a.weights(), EXACT);
        assertEquals(0.506480, a.weights()[0], 1e-6);
        assertEquals(1.471825, a.entropyBits(), 1e-6);
        assertEquals(Math.log(3) / Math.log(2), a.maxEntropyBits(), EXACT);
        assertEquals(Math.pow(2, a.entropyBits()), a.effectiveKeys(), EXACT);

        QueryAttention u = QueryAttention.of(Q, K, null, false, 1);
        assertEquals(0.665241, u.weights()[0], 1e-6);
        assertEquals(0.090031, u.weights()[1], 1e-6);
        assertEquals(0.244728, u.weights()[2], 1e-6);
        assertEquals(1.200893, u.entropyBits(), 1e-6);
    }

    @Test
    void the_output_is_the_weighted_mix_of_the_values() {
        double[][] v = {{1, 0}, {0, 1}, {0.5, 0.5}};
        QueryAttention a = QueryAttention.of(Q, K, v, true, 1);
        double[] w = a.weights();
        assertArrayEquals(new double[] {w[0] + 0.5 * w[2], w[1] + 0.5 * w[2]}, a.output(), EXACT);
        assertEquals(null, QueryAttention.of(Q, K, null, true, 1).output());
    }

    @Test
    void softmax_is_unchanged_by_adding_a_constant_to_every_score() {
        Random r = new Random(7);
        for (int t = 0; t < 200; t++) {
            double[] s = new double[1 + r.nextInt(20)];
            for (int i = 0; i < s.length; i++) {
                s[i] = r.nextGaussian() * 5;
            }
            double c = r.nextGaussian() * 1000;
            double[] shifted = s.clone();
            for (int i = 0; i < s.length; i++) {
                shifted[i] += c;
            }
            assertArrayEquals(Softmax.of(s).weights(), Softmax.of(shifted).weights(), 1e-9);
        }
    }

    @Test
    void huge_scores_give_finite_weights_that_add_up_to_one() {
        double[] w = Softmax.of(new double[] {1e6, 1e6 - 1, -1e6, 0}).weights();
        double sum = 0;
        for (double x : w) {
            assertTrue(Double.isFinite(x));
            sum += x;
        }
        assertEquals(1, sum, EXACT);
        assertEquals(1 / (1 + Math.exp(-1)), w[0], EXACT);
        // A query and keys whose scores reach 1e6 (d_k = 1024, components ~31.25):
        double[] q = new double[1024];
        java.util.Arrays.fill(q, 31.25);
        double[][] keys = {q.clone(), new double[1024]};
        QueryAttention a = QueryAttention.of(q, keys, null, false, 1);
        assertEquals(1e6, a.scores()[0], 1e-6);
        assertEquals(1, a.weights()[0], 0);
        assertEquals(0, a.entropyBits(), 0);
    }

    @Test
    void entropy_lies_between_zero_and_log_n_with_equality_for_one_hot_and_uniform() {
        double[][] same = {{1, 2}, {1, 2}, {1, 2}, {1, 2}};
        QueryAttention uniform = QueryAttention.of(new double[] {3, -1}, same, null, true, 1);
        assertEquals(2, uniform.entropyBits(), EXACT);
        assertEquals(4, uniform.effectiveKeys(), 1e-9);
        QueryAttention oneHot = QueryAttention.of(new double[] {1000}, new double[][] {{1000}, {0}}, null, false, 1);
        assertEquals(0, oneHot.entropyBits(), 0);
        assertEquals(1, oneHot.effectiveKeys(), 0);
        Random r = new Random(11);
        for (int t = 0; t < 300; t++) {
            int n = 1 + r.nextInt(12);
            int d = 1 + r.nextInt(6);
            double[] q = new double[d];
            double[][] k = new double[n][d];
            for (int j = 0; j < d; j++) {
                q[j] = r.nextGaussian() * 3;
                for (int i = 0; i < n; i++) {
                    k[i][j] = r.nextGaussian() * 3;
                }
            }
            QueryAttention a = QueryAttention.of(q, k, null, r.nextBoolean(), 0.1 + r.nextDouble() * 3);
            assertTrue(a.entropyBits() >= 0 && a.entropyBits() <= a.maxEntropyBits() + EXACT, "H = " + a.entropyBits());
        }
    }

    @Test
    void as_the_temperature_falls_the_weights_tend_to_one_hot() {
        double previous = Double.POSITIVE_INFINITY;
        for (double t : new double[] {10, 1, 0.1, 0.01, 0.001}) {
            QueryAttention a = QueryAttention.of(Q, K, null, true, t);
            assertTrue(a.entropyBits() < previous, "entropy falls with the temperature");
            previous = a.entropyBits();
        }
        QueryAttention cold = QueryAttention.of(Q, K, null, true, 0.001);
        assertEquals(1, cold.weights()[0], 1e-12);
        assertEquals(0, cold.entropyBits(), 1e-9);
    }

    @Test
    void bad_input_is_refused_with_a_message() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> QueryAttention.of(Q, new double[][] {{1, 0, 1}}, null, true, 1))
                .getMessage().contains("key 0 has 3 numbers, but the query has 4"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> QueryAttention.of(Q, K, null, true, 0))
                .getMessage().contains("temperature"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> QueryAttention.of(new double[0], K, null, true, 1))
                .getMessage().contains("at least one"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> QueryAttention.of(new double[] {1e300}, new double[][] {{1e300}}, null, true, 1))
                .getMessage().contains("too large"));
        assertThrows(IllegalArgumentException.class, () -> Softmax.of(new double[] {Double.NaN}));
    }

    @Test
    void several_queries_make_a_joint_table_whose_mutual_information_is_exact() {
        double[][] qs = {{2, 0}, {0, 2}};
        double[][] ks = {{2, 0}, {1, 1}, {0, 2}};
        MultiQueryAttention m = MultiQueryAttention.of(qs, ks, null, true, 1, null);
        // Row 1: scaled scores (4, 2, 0)/√2; row 2 mirrors it. P(q, k) = α/2.
        double[] row = Softmax.of(new double[] {4 / Math.sqrt(2), 2 / Math.sqrt(2), 0}).weights();
        assertEquals(row[0] / 2, m.joint().p(0, 0), EXACT);
        assertEquals(row[2] / 2, m.joint().p(1, 0), EXACT);
        // I = H(key) − H(key | query); H(key) of ((a+c)/2, b, (a+c)/2), H(key | query) = H(row).
        double hRow = miexplorer.info.Entropy.of(row, LogBase.TWO);
        double hKey = miexplorer.info.Entropy.of(new double[] {(row[0] + row[2]) / 2, row[1], (row[0] + row[2]) / 2}, LogBase.TWO);
        assertEquals(hKey - hRow, Analysis.of(m.joint(), LogBase.TWO).mutualInformation(), EXACT);
        assertEquals(0.560717, hKey - hRow, 1e-6);

        // Identical queries: every row the same, so the key does not depend on the query.
        MultiQueryAttention same = MultiQueryAttention.of(new double[][] {{1, 1}, {1, 1}}, ks, null, true, 1, null);
        assertEquals(0, Analysis.of(same.joint(), LogBase.TWO).mutualInformation(), EXACT);
        // A prior of (3, 1) is normalised to (0.75, 0.25).
        MultiQueryAttention weighted = MultiQueryAttention.of(qs, ks, null, true, 1, new double[] {3, 1});
        assertArrayEquals(new double[] {0.75, 0.25}, weighted.prior(), EXACT);
        assertEquals(0.75 * row[0], weighted.joint().p(0, 0), EXACT);
    }

    @Test
    void the_scaling_experiment_is_deterministic_and_shows_what_scaling_does() {
        int[] dims = {1, 16, 1024};
        List<ScalingExperiment.Point> a = ScalingExperiment.run(dims, 16, 200, 1);
        assertEquals(a, ScalingExperiment.run(dims, 16, 200, 1));
        assertTrue(!a.equals(ScalingExperiment.run(dims, 16, 200, 2)));
        // d_k = 1: scaling divides by 1, so both are the same draw.
        assertEquals(a.get(0).meanEntropyScaled(), a.get(0).meanEntropyUnscaled(), 0);
        // Scaled, the entropy stays near where it started; unscaled, it collapses towards one key.
        assertEquals(a.get(0).meanEntropyScaled(), a.get(2).meanEntropyScaled(), 0.3);
        assertTrue(a.get(2).meanEntropyUnscaled() < 0.5, "unscaled at d_k = 1024: " + a.get(2).meanEntropyUnscaled());
        assertTrue(a.get(2).meanEntropyScaled() > 3, "scaled at d_k = 1024: " + a.get(2).meanEntropyScaled());
    }
}
