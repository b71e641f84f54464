package miexplorer.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import miexplorer.info.Analysis;
import miexplorer.info.JointDistribution;
import miexplorer.info.LogBase;
import org.junit.jupiter.api.Test;

class SampleEstimatesTest {
    private static final double EXACT = 1e-12;
    private static final double LN2 = Math.log(2);

    private static ContingencyTable table(long[][] counts) {
        List<String> xs = new ArrayList<>();
        List<String> ys = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            xs.add("x" + i);
        }
        for (int j = 0; j < counts[0].length; j++) {
            ys.add("y" + j);
        }
        return new ContingencyTable(xs, ys, counts);
    }

    /*
     * The issue's check. N = 20, rows (10, 10), columns (11, 9).
     * G = 2 Σ n ln(n N / (n_x n_y)) = 2 [8 ln(160/110) + 2 ln(40/90) + 3 ln(60/110) + 7 ln(140/90)]
     *   = 2 [2.997513 − 1.621860 − 1.818395 + 3.092851] = 5.300218; χ²₁ tail = 0.021323.
     */
    @Test
    void the_issues_two_by_two_table_gives_g_5_300218_and_p_0_021323() {
        SampleEstimates e = SampleEstimates.of(table(new long[][] {{8, 2}, {3, 7}}), LogBase.E);
        assertEquals(5.300218, e.gStatistic(), 5e-7);
        assertEquals(0.021323, e.gTestPValue(), 5e-7);
        assertEquals(1, e.degreesOfFreedom());
        assertEquals(20, e.n());
        double byHand = 2 * (8 * Math.log(160.0 / 110) + 2 * Math.log(40.0 / 90) + 3 * Math.log(60.0 / 110)
                + 7 * Math.log(140.0 / 90));
        assertEquals(byHand, e.gStatistic(), EXACT);
        assertEquals(byHand / 40, e.mutualInformation(), EXACT, "G = 2N·I in nats");
    }

    @Test
    void the_g_statistic_and_its_p_value_do_not_depend_on_the_unit() {
        ContingencyTable t = table(new long[][] {{8, 2}, {3, 7}});
        SampleEstimates nats = SampleEstimates.of(t, LogBase.E);
        for (LogBase b : LogBase.values()) {
            SampleEstimates e = SampleEstimates.of(t, b);
            assertEquals(nats.gStatistic(), e.gStatistic(), 0);
            assertEquals(nats.gTestPValue(), e.gTestPValue(), 0);
            assertEquals(nats.mutualInformation() / Math.log(b == LogBase.TWO ? 2 : b == LogBase.TEN ? 10 : Math.E),
                    e.mutualInformation(), EXACT);
        }
    }

    @Test
    void two_copies_of_a_fair_bit_share_one_bit() {
        ContingencyTable t = ContingencyTable.of(List.of("a", "a", "b", "b"), List.of("u", "u", "v", "v"));
        SampleEstimates e = SampleEstimates.of(t, LogBase.TWO);
        assertEquals(1, e.entropyX(), EXACT);
        assertEquals(1, e.entropyY(), EXACT);
        assertEquals(1, e.jointEntropy(), EXACT);
        assertEquals(1, e.mutualInformation(), EXACT);
        // G = 2·4·ln 2 on one degree of freedom
        assertEquals(8 * LN2, e.gStatistic(), EXACT);
    }

    @Test
    void labels_that_vary_independently_share_nothing() {
        ContingencyTable t = ContingencyTable.of(List.of("a", "a", "b", "b"), List.of("u", "v", "u", "v"));
        SampleEstimates e = SampleEstimates.of(t, LogBase.TWO);
        assertEquals(0, e.mutualInformation(), 0);
        assertEquals(0, e.gStatistic(), 0);
        assertEquals(1, e.gTestPValue(), EXACT);
    }

    /*
     * x = a a a b, y = u u v v: n(a,u) = 2, n(a,v) = 1, n(b,v) = 1, N = 4.
     * H(X) = H(3/4, 1/4) = 0.811278 bits, H(Y) = 1 bit, H(X,Y) = H(1/2, 1/4, 1/4) = 1.5 bits,
     * I = 0.811278 + 1 − 1.5 = 0.311278 bits.
     * Miller–Madow: m_x = 2, m_y = 2, m_xy = 3; H_MM(X,Y) = 1.5 + (3 − 1)/(2·4) nats = 1.5 + 0.25/ln 2 bits = 1.860674;
     * I_MM = I + (2 + 2 − 3 − 1)/8 = I.
     */
    @Test
    void a_small_label_vector_gives_the_values_worked_by_hand() {
        ContingencyTable t = ContingencyTable.of(List.of("a", "a", "a", "b"), List.of("u", "u", "v", "v"));
        assertEquals(List.of("a", "b"), t.xCategories());
        assertEquals(List.of("u", "v"), t.yCategories());
        assertArrayEquals(new long[][] {{2, 1}, {0, 1}}, t.counts());
        SampleEstimates e = SampleEstimates.of(t, LogBase.TWO);
        assertEquals(0.811278124, e.entropyX(), 1e-9);
        assertEquals(1, e.entropyY(), EXACT);
        assertEquals(1.5, e.jointEntropy(), EXACT);
        assertEquals(0.311278124, e.mutualInformation(), 1e-9);
        assertEquals(1.860674, e.jointEntropyMillerMadow(), 5e-7);
        assertEquals(e.mutualInformation(), e.mutualInformationMillerMadow(), EXACT);
        assertEquals(3, e.nonEmptyCells());
    }

    @Test
    void miller_madow_adds_m_minus_1_over_2n_nats_to_each_entropy() {
        Random random = new Random(7);
        for (int trial = 0; trial < 50; trial++) {
            int r = 1 + random.nextInt(5);
            int c = 1 + random.nextInt(5);
            long[][] counts = new long[r][c];
            for (int i = 0; i < r; i++) {
                for (int j = 0; j < c; j++) {
                    counts[i][j] = random.nextInt(3) == 0 ? 0 : random.nextInt(20);
                }
                counts[i][random.nextInt(c)] += 1; // no empty row
            }
            for (int j = 0; j < c; j++) {
                counts[random.nextInt(r)][j] += 1; // no empty column
            }
            ContingencyTable t = table(counts);
            long n = t.n();
            int m = 0;
            for (long[] row : counts) {
                for (long v : row) {
                    m += v > 0 ? 1 : 0;
                }
            }
            for (LogBase b : LogBase.values()) {
                SampleEstimates e = SampleEstimates.of(t, b);
                double perNat = b.log(Math.E);
                assertEquals(e.entropyX() + (r - 1) / (2.0 * n) * perNat, e.entropyXMillerMadow(), EXACT);
                assertEquals(e.entropyY() + (c - 1) / (2.0 * n) * perNat, e.entropyYMillerMadow(), EXACT);
                assertEquals(e.jointEntropy() + (m - 1) / (2.0 * n) * perNat, e.jointEntropyMillerMadow(), EXACT);
                assertEquals(e.entropyXMillerMadow() + e.entropyYMillerMadow() - e.jointEntropyMillerMadow(),
                        e.mutualInformationMillerMadow(), 1e-12);
                assertEquals(e.entropyX() + e.entropyY() - e.jointEntropy(), e.mutualInformation(), 1e-12);
                assertEquals((long) (r - 1) * (c - 1), e.degreesOfFreedom());
            }
        }
    }

    @Test
    void the_plug_in_estimate_is_the_explorers_mutual_information_of_the_normalised_counts() {
        Random random = new Random(11);
        for (int trial = 0; trial < 30; trial++) {
            long[][] counts = new long[2 + random.nextInt(6)][2 + random.nextInt(6)];
            for (long[] row : counts) {
                for (int j = 0; j < row.length; j++) {
                    row[j] = 1 + random.nextInt(1000);
                }
            }
            ContingencyTable t = table(counts);
            for (LogBase b : LogBase.values()) {
                double explorer = Analysis.of(JointDistribution.fromWeights(t.weights()), b).mutualInformation();
                assertEquals(explorer, SampleEstimates.of(t, b).mutualInformation(), 1e-12);
            }
        }
    }

    @Test
    void one_category_has_no_degrees_of_freedom_and_no_p_value() {
        SampleEstimates e = SampleEstimates.of(ContingencyTable.of(List.of("a", "a"), List.of("u", "v")), LogBase.TWO);
        assertEquals(0, e.degreesOfFreedom());
        assertTrue(Double.isNaN(e.gTestPValue()));
        assertEquals(0, e.mutualInformation(), 0);
    }

    @Test
    void a_table_refuses_negative_counts_and_empty_categories_naming_them() {
        IllegalArgumentException neg = assertThrows(IllegalArgumentException.class,
                () -> table(new long[][] {{1, -2}, {3, 4}}));
        assertTrue(neg.getMessage().contains("(x0, y1) is -2"), neg.getMessage());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> table(new long[][] {{0, 0}, {3, 4}}));
        assertTrue(empty.getMessage().contains("x0 of X has no observation"), empty.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ContingencyTable.of(List.of("a"), List.of("u", "v")));
    }

    // ---- the permutation test ------------------------------------------------------------------

    @Test
    void strongly_dependent_columns_get_the_smallest_p_value_one_over_permutations_plus_one() {
        List<String> x = new ArrayList<>();
        for (int k = 0; k < 100; k++) {
            x.add(k % 2 == 0 ? "a" : "b");
        }
        ContingencyTable t = ContingencyTable.of(x, x);
        PermutationTest.Tally tally = PermutationTest.run(t, 1, 0, 999);
        assertEquals(999, tally.done());
        assertEquals(0, tally.atLeastAsLarge());
        assertEquals(1.0 / 1000, tally.pValue(), 0);
    }

    @Test
    void a_test_split_into_chunks_gives_what_it_gives_in_one_go() {
        ContingencyTable t = table(new long[][] {{8, 2}, {3, 7}});
        PermutationTest.Tally whole = PermutationTest.run(t, 42, 0, 500);
        PermutationTest.Tally chunks = PermutationTest.run(t, 42, 0, 123).plus(PermutationTest.run(t, 42, 123, 500));
        assertEquals(whole, chunks);
        assertEquals(whole, PermutationTest.run(t, 42, 0, 500), "the same seed gives the same answer");
    }

    /*
     * Fisher's exact test on [[8, 2], [3, 7]], the same thing computed exactly: with margins (10, 10; 11, 9)
     * the table is fixed by k = n₁₁ ∈ 1…10, P(k) = C(10, k)·C(10, 11 − k) / C(20, 11), and k and 11 − k give
     * the same cells in another order, so the same T. At least as extreme as k = 8: k ∈ {1, 2, 3, 8, 9, 10},
     * P = 2·(0.0000595 + 0.0026792 + 0.0321505) = 0.069779.
     * 20 000 shuffles estimate it to within about ±0.004 (2 standard errors).
     */
    @Test
    void the_permutation_p_value_of_a_small_table_is_fishers_exact_p_value() {
        ContingencyTable t = table(new long[][] {{8, 2}, {3, 7}});
        double p = PermutationTest.run(t, 3, 0, 20_000).pValue();
        assertEquals(0.069779, p, 0.005);
    }

    @Test
    void the_permutation_p_value_is_roughly_uniform_for_independent_columns() {
        Random random = new Random(2024);
        int datasets = 400;
        int[] below = new int[10]; // how many p-values fall at or below 0.1, 0.2, …, 1.0
        for (int d = 0; d < datasets; d++) {
            List<String> x = new ArrayList<>();
            List<String> y = new ArrayList<>();
            for (int k = 0; k < 60; k++) {
                x.add("x" + random.nextInt(3));
                y.add("y" + random.nextInt(4));
            }
            double p = PermutationTest.run(ContingencyTable.of(x, y), d, 0, 199).pValue();
            assertTrue(p >= 1.0 / 200 && p <= 1);
            for (int q = 0; q < 10; q++) {
                if (p <= (q + 1) / 10.0) {
                    below[q]++;
                }
            }
        }
        // Under independence P(p ≤ α) ≈ α (a little below, for ties and the +1). Binomial sd at 400 is
        // at most 10, so each count must be within 4 sd of 400·α.
        for (int q = 0; q < 10; q++) {
            double expected = datasets * (q + 1) / 10.0;
            assertTrue(Math.abs(below[q] - expected) <= 40, "P(p ≤ " + (q + 1) / 10.0 + "): " + below[q] + " of " + datasets);
        }
    }
}
