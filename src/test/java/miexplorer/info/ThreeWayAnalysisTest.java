package miexplorer.info;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Three-variable tables whose values are known by hand, and the tables that are refused. */
class ThreeWayAnalysisTest {
    private static final double EXACT = 1e-12;
    private static final double LOG2_3 = Math.log(3) / Math.log(2);

    /** X, Y fair coins, Z = X xor Y; indexed [z][x][y]. */
    static final double[][][] XOR = {
        {{0.25, 0}, {0, 0.25}},
        {{0, 0.25}, {0.25, 0}},
    };

    /** X, Y fair coins, Z = X and Y; indexed [z][x][y]. */
    static final double[][][] AND = {
        {{0.25, 0.25}, {0.25, 0}},
        {{0, 0}, {0, 0.25}},
    };

    /** Z a fair coin; X and Y each copy Z with probability 0.9, independently: P = ½·a(x,z)·a(y,z). */
    static double[][][] commonCause() {
        double[][][] w = new double[2][2][2];
        for (int z = 0; z < 2; z++) {
            for (int x = 0; x < 2; x++) {
                for (int y = 0; y < 2; y++) {
                    w[z][x][y] = 0.5 * (x == z ? 0.9 : 0.1) * (y == z ? 0.9 : 0.1);
                }
            }
        }
        return w;
    }

    private static ThreeWayAnalysis bits(double[][][] w) {
        return ThreeWayAnalysis.of(ThreeWayDistribution.fromWeights(w), LogBase.TWO);
    }

    /** h(q) = −q log2 q − (1 − q) log2(1 − q), the binary entropy. */
    private static double h(double q) {
        return -(q * Math.log(q) + (1 - q) * Math.log(1 - q)) / Math.log(2);
    }

    @Test
    void xor_shares_nothing_in_pairs_and_one_bit_given_the_third_a_synergy_of_one_bit() {
        ThreeWayAnalysis a = bits(XOR);
        assertEquals(0, a.miXY(), EXACT);
        assertEquals(0, a.miXZ(), EXACT);
        assertEquals(0, a.miYZ(), EXACT);
        assertEquals(1, a.miXYGivenZ(), EXACT);
        assertEquals(1, a.miXZGivenY(), EXACT);
        assertEquals(1, a.miYZGivenX(), EXACT);
        assertEquals(1, a.miXYGivenZFromSlices(), EXACT);
        assertEquals(-1, a.coInformation(), EXACT);
        assertEquals(1, a.miXWithYZ(), EXACT);
        assertEquals(2, a.entropyXYZ(), EXACT);
        InformationDiagram d = a.diagram();
        assertEquals(0, d.hXGivenYZ(), EXACT);
        assertEquals(-1, d.iXYZ(), EXACT);
        assertEquals(2, d.total(), EXACT);
    }

    @Test
    void a_common_cause_makes_x_and_y_share_information_that_z_explains_away_exactly() {
        ThreeWayAnalysis a = bits(commonCause());
        // X and Y agree with probability 0.9² + 0.1² = 0.82: a binary symmetric channel with crossover 0.18.
        assertEquals(1 - h(0.18), a.miXY(), EXACT);
        assertTrue(a.miXY() > 0.3);
        assertEquals(1 - h(0.1), a.miXZ(), EXACT);
        // Given Z, X and Y are independent: every slice is a product table.
        assertEquals(0, a.miXYGivenZ(), 1e-15);
        assertEquals(0, a.miXYGivenZFromSlices(), 1e-15);
        assertEquals(0, a.divergenceXYGivenZ(), 1e-15);
        assertEquals(a.miXY(), a.coInformation(), 1e-15);
        assertTrue(a.coInformation() > 0, "redundancy");
        // I(X; Y,Z) = I(X;Z) + 0: once Z is known, Y adds nothing about X.
        assertEquals(a.miXZ(), a.miXWithYZ(), EXACT);
    }

    /**
     * Z = X and Y, worked by hand (bits). P(Z = 0) = 3/4, where (X, Y) is uniform on {00, 01, 10};
     * P(Z = 1) = 1/4, where X = Y = 1.
     *
     * <ul>
     *   <li>H(X) = H(Y) = 1; H(X,Y) = H(X,Y,Z) = 2 (Z is a function of X and Y); H(Z) = h(1/4) = 2 − ¾·log2 3</li>
     *   <li>I(X;Y) = 0. Slice Z = 0: H(X) = H(Y) = h(1/3) = log2 3 − 2/3, H(X,Y) = log2 3, so
     *       I(X;Y | Z = 0) = log2 3 − 4/3 ≈ 0.2516; slice Z = 1 is a single cell: 0.
     *       I(X;Y|Z) = ¾(log2 3 − 4/3) = ¾·log2 3 − 1 ≈ 0.1887</li>
     *   <li>H(Z|X): X = 0 fixes Z = 0, X = 1 leaves Z = Y, a fair bit: H(Z|X) = ½, I(X;Z) = h(1/4) − ½ = 3/2 − ¾·log2 3</li>
     *   <li>H(X|Y,Z): (Y, Z) = (0, 0), probability ½, leaves X a fair bit; (1, 0) and (1, 1) fix X: H(X|Y,Z) = ½,
     *       so I(X;Z|Y) = H(X|Y) − H(X|Y,Z) = 1 − ½ = ½</li>
     *   <li>I(X; Y,Z) = I(X;Y) + I(X;Z|Y) = ½ = I(X;Z) + I(X;Y|Z) = 3/2 − ¾·log2 3 + ¾·log2 3 − 1</li>
     *   <li>I(X;Y;Z) = 0 − (¾·log2 3 − 1) = 1 − ¾·log2 3 ≈ −0.1887: synergy</li>
     * </ul>
     */
    @Test
    void and_gate_gives_its_hand_worked_values() {
        ThreeWayAnalysis a = bits(AND);
        assertEquals(1, a.entropyX(), EXACT);
        assertEquals(1, a.entropyY(), EXACT);
        assertEquals(2 - 0.75 * LOG2_3, a.entropyZ(), EXACT);
        assertEquals(2, a.entropyXY(), EXACT);
        assertEquals(1.5, a.entropyXZ(), EXACT);
        assertEquals(1.5, a.entropyYZ(), EXACT);
        assertEquals(2, a.entropyXYZ(), EXACT);
        assertEquals(0, a.miXY(), EXACT);
        assertEquals(1.5 - 0.75 * LOG2_3, a.miXZ(), EXACT);
        assertEquals(1.5 - 0.75 * LOG2_3, a.miYZ(), EXACT);
        assertEquals(0.75 * LOG2_3 - 1, a.miXYGivenZ(), EXACT);
        assertEquals(0.188721875540867, a.miXYGivenZ(), 1e-15);
        assertEquals(0.5, a.miXZGivenY(), EXACT);
        assertEquals(0.5, a.miYZGivenX(), EXACT);
        assertEquals(0.5, a.miXWithYZ(), EXACT);
        assertEquals(0.5, a.chainThroughZ(), EXACT);
        assertEquals(0.5, a.chainThroughY(), EXACT);
        assertEquals(1 - 0.75 * LOG2_3, a.coInformation(), EXACT);

        ConditionalSlice z0 = a.slices().get(0);
        assertEquals(0.75, z0.pZ(), EXACT);
        assertEquals(LOG2_3 - 4.0 / 3, z0.analysis().mutualInformation(), EXACT);
        assertEquals(LOG2_3 - 2.0 / 3, z0.analysis().entropyX(), EXACT);
        assertEquals(0.75 * (LOG2_3 - 4.0 / 3), z0.weighted(), EXACT);
        assertEquals(0, a.slices().get(1).analysis().mutualInformation(), EXACT);
        assertEquals(a.miXYGivenZ(), a.miXYGivenZFromSlices(), EXACT);

        InformationDiagram d = a.diagram();
        assertEquals(0.5, d.hXGivenYZ(), EXACT);
        assertEquals(0.5, d.hYGivenXZ(), EXACT);
        assertEquals(0, d.hZGivenXY(), EXACT);
        assertEquals(0.75 * LOG2_3 - 1, d.iXYGivenZ(), EXACT);
        assertEquals(0.5, d.iXZGivenY(), EXACT);
        assertEquals(0.5, d.iYZGivenX(), EXACT);
        assertEquals(1 - 0.75 * LOG2_3, d.iXYZ(), EXACT);
        assertEquals(1, d.circleX(), EXACT);
        assertEquals(2 - 0.75 * LOG2_3, d.circleZ(), EXACT);
        assertEquals(2, d.total(), EXACT);
    }

    @Test
    void a_value_of_z_that_never_happens_is_skipped_with_weight_zero_and_changes_nothing() {
        // AND with a third value of Z that never occurs, given as counts (total 8).
        double[][][] counts = {{{2, 2}, {2, 0}}, {{0, 0}, {0, 2}}, {{0, 0}, {0, 0}}};
        ThreeWayDistribution t = ThreeWayDistribution.fromWeights(counts);
        assertEquals(8, t.weightTotal(), 0);
        assertEquals(0, t.pz(2), 0);
        ThreeWayAnalysis a = ThreeWayAnalysis.of(t, LogBase.TWO);
        ConditionalSlice never = a.slices().get(2);
        assertTrue(never.skipped());
        assertNull(never.analysis());
        assertEquals(0, never.weighted(), 0);
        assertFalse(a.slices().get(0).skipped());
        assertEquals(6, a.slices().get(0).analysis().table().weightTotal(), 0, "the slice keeps its count");
        ThreeWayAnalysis and = bits(AND);
        assertEquals(and.miXYGivenZ(), a.miXYGivenZ(), EXACT);
        assertEquals(and.miXYGivenZFromSlices(), a.miXYGivenZFromSlices(), EXACT);
        assertEquals(and.entropyZ(), a.entropyZ(), EXACT);
        assertEquals(and.coInformation(), a.coInformation(), EXACT);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.slice(2));
        assertEquals("P(Z = 2) is 0, so P(X, Y | Z = 2) is undefined", e.getMessage());
    }

    @Test
    void marginals_are_sums_over_the_other_variables() {
        ThreeWayDistribution t = ThreeWayDistribution.fromWeights(AND);
        assertEquals(2, t.sizeZ());
        assertEquals(2, t.sizeX());
        assertEquals(2, t.sizeY());
        assertArrayEquals(new double[] {0.5, 0.5}, t.px(), EXACT);
        assertArrayEquals(new double[] {0.5, 0.5}, t.py(), EXACT);
        assertArrayEquals(new double[] {0.75, 0.25}, t.pz(), EXACT);
        JointDistribution xy = t.pairXY();
        assertEquals(0.25, xy.p(1, 1), EXACT);
        assertEquals(t.pxy(1, 1), xy.p(1, 1), EXACT);
        JointDistribution xz = t.pairXZ(); // rows X, columns Z
        assertEquals(0.5, xz.p(0, 0), EXACT);
        assertEquals(0, xz.p(0, 1), 0);
        assertEquals(0.25, xz.p(1, 1), EXACT);
        assertEquals(t.pxz(1, 1), xz.p(1, 1), EXACT);
        JointDistribution yz = t.pairYZ(); // rows Y, columns Z
        assertEquals(0.25, yz.p(1, 0), EXACT);
        assertEquals(t.pyz(1, 0), yz.p(1, 0), EXACT);
        JointDistribution slice = t.slice(0);
        assertEquals(1.0 / 3, slice.p(0, 1), EXACT);
        assertEquals(0, slice.p(1, 1), 0);
    }

    @Test
    void swapping_two_variables_moves_their_cells() {
        ThreeWayDistribution t = ThreeWayDistribution.fromWeights(new double[][][] {{{1, 2, 3}}, {{4, 5, 6}}}); // 2 z, 1 x, 3 y
        ThreeWayDistribution xy = t.swapXY();
        ThreeWayDistribution xz = t.swapXZ();
        ThreeWayDistribution yz = t.swapYZ();
        assertEquals(3, xy.sizeX());
        assertEquals(2, xz.sizeX());
        assertEquals(3, yz.sizeZ());
        for (int z = 0; z < 2; z++) {
            for (int y = 0; y < 3; y++) {
                assertEquals(t.p(z, 0, y), xy.p(z, y, 0), 0);
                assertEquals(t.p(z, 0, y), xz.p(0, z, y), 0);
                assertEquals(t.p(z, 0, y), yz.p(y, 0, z), 0);
            }
        }
    }

    @Test
    void nats_and_hartleys_are_bits_times_a_constant() {
        ThreeWayDistribution t = ThreeWayDistribution.fromWeights(AND);
        ThreeWayAnalysis bits = ThreeWayAnalysis.of(t, LogBase.TWO);
        ThreeWayAnalysis nats = ThreeWayAnalysis.of(t, LogBase.E);
        ThreeWayAnalysis hartleys = ThreeWayAnalysis.of(t, LogBase.TEN);
        assertEquals(bits.miXYGivenZ() * Math.log(2), nats.miXYGivenZ(), EXACT);
        assertEquals(bits.coInformation() * Math.log10(2), hartleys.coInformation(), EXACT);
        assertEquals(bits.entropyXYZ() * Math.log(2), nats.entropyXYZ(), EXACT);
        assertEquals(LogBase.E, nats.base());
    }

    @Test
    void conditional_mutual_information_alone_is_exactly_the_full_analysis_figure() {
        for (double[][][] w : new double[][][][] {XOR, AND, commonCause()}) {
            ThreeWayDistribution t = ThreeWayDistribution.fromWeights(w);
            assertEquals(ThreeWayAnalysis.of(t, LogBase.E).miXYGivenZ(), ThreeWayAnalysis.conditionalMutualInformationOf(t, LogBase.E), 0);
        }
    }

    @Test
    void the_weights_are_copied_so_changing_the_array_later_changes_nothing() {
        double[][][] w = {{{1, 1}}, {{1, 1}}};
        ThreeWayDistribution t = ThreeWayDistribution.fromWeights(w);
        w[0][0][0] = 100;
        assertEquals(0.25, t.p(0, 0, 0), 0);
        assertEquals(0.5, t.slice(0).p(0, 0), 0);
        t.cells()[1][0][1] = 7;
        assertEquals(0.25, t.p(1, 0, 1), 0);
    }

    private static String refusal(double[][][] w) {
        return assertThrows(IllegalArgumentException.class, () -> ThreeWayDistribution.fromWeights(w)).getMessage();
    }

    @Test
    void bad_weights_are_refused_with_a_message_naming_the_slice_row_or_cell() {
        assertEquals("cell (z 1, x 0, y 1) is -0.1; cells cannot be negative",
                refusal(new double[][][] {{{0.5, 0}, {0, 0}}, {{0.2, -0.1}, {0, 0}}}));
        assertEquals("cell (z 0, x 1, y 0) is NaN; cells must be finite numbers",
                refusal(new double[][][] {{{0.5, 0}, {Double.NaN, 0}}}));
        assertEquals("cell (z 0, x 0, y 0) is Infinity; cells must be finite numbers",
                refusal(new double[][][] {{{Double.POSITIVE_INFINITY}}}));
        assertEquals("cell (z 0, x 0, y 0) is -Infinity; cells must be finite numbers",
                refusal(new double[][][] {{{Double.NEGATIVE_INFINITY}}}));
        assertEquals("every cell is 0; at least one must be positive",
                refusal(new double[][][] {{{0, 0}, {0, 0}}, {{0, 0}, {0, 0}}}));
        assertEquals("the cells add up to more than the largest finite double",
                refusal(new double[][][] {{{Double.MAX_VALUE}}, {{Double.MAX_VALUE}}}));
    }

    @Test
    void ragged_and_empty_tables_are_refused() {
        assertEquals("slice Z = 1 has 1 rows, but slice Z = 0 has 2",
                refusal(new double[][][] {{{1, 1}, {1, 1}}, {{1, 1}}}));
        assertEquals("slice Z = 1 has 0 rows, but slice Z = 0 has 2",
                refusal(new double[][][] {{{1, 1}, {1, 1}}, null}));
        assertEquals("row 1 of slice Z = 0 has 3 cells, but row 0 of slice Z = 0 has 2",
                refusal(new double[][][] {{{1, 1}, {1, 1, 1}}}));
        assertEquals("row 0 of slice Z = 1 has 1 cells, but row 0 of slice Z = 0 has 2",
                refusal(new double[][][] {{{1, 1}}, {{1}}}));
        for (double[][][] empty : new double[][][][] {null, {}, {{}}, {{{}}}, {null}, {{null}}}) {
            assertTrue(refusal(empty).startsWith("the table is empty"));
        }
    }
}
