package miexplorer.info;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AnalysisTest {
    private static final double EXACT = 1e-12;

    private static Analysis weather(LogBase base) {
        return Analysis.of(JointDistribution.fromWeights(new double[][] {{0.36, 0.04}, {0.12, 0.48}}), base);
    }

    @Test
    void the_tutorials_weather_table_gives_its_values_without_rounding_on_the_way() {
        Analysis a = weather(LogBase.TWO);
        // H(X) = H(0.4, 0.6) = −(0.4 log2 0.4 + 0.6 log2 0.6)
        double hx = -(0.4 * Math.log(0.4) + 0.6 * Math.log(0.6)) / Math.log(2);
        // Column "forecast rain": (0.75, 0.25); column "forecast sun": (1/13, 12/13).
        double h1 = -(0.75 * Math.log(0.75) + 0.25 * Math.log(0.25)) / Math.log(2);
        double h2 = -((1.0 / 13) * Math.log(1.0 / 13) + (12.0 / 13) * Math.log(12.0 / 13)) / Math.log(2);
        double hxgy = 0.48 * h1 + 0.52 * h2;
        assertEquals(hx, a.entropyX(), EXACT);
        assertEquals(hxgy, a.conditionalEntropyXGivenY(), EXACT);
        assertEquals(hx - hxgy, a.mutualInformation(), EXACT);
        // The figures the page prints: 0.971, 0.593 and 0.378 (the tutorial's 0.592 and 0.379 are rounded on the way).
        assertEquals(0.970950594, a.entropyX(), 1e-9);
        assertEquals(0.592860153, a.conditionalEntropyXGivenY(), 1e-9);
        assertEquals(0.378090442, a.mutualInformation(), 1e-9);
        assertEquals(0.811278124, a.xGivenY().get(0).working().total(), 1e-9);
        assertEquals(0.391243564, a.xGivenY().get(1).working().total(), 1e-9);
    }

    @Test
    void marginals_are_row_and_column_sums() {
        JointDistribution t = JointDistribution.fromWeights(new double[][] {{0.36, 0.04}, {0.12, 0.48}});
        assertEquals(0.40, t.px(0), EXACT);
        assertEquals(0.60, t.px(1), EXACT);
        assertEquals(0.48, t.py(0), EXACT);
        assertEquals(0.52, t.py(1), EXACT);
    }

    @Test
    void counts_are_normalised_by_their_total() {
        JointDistribution t = JointDistribution.fromWeights(new double[][] {{8, 2}, {3, 7}});
        assertEquals(20, t.weightTotal(), 0);
        assertEquals(0.4, t.p(0, 0), EXACT);
        assertEquals(0.35, t.p(1, 1), EXACT);
    }

    @Test
    void a_uniform_pair_of_fair_bits_that_are_equal_shares_one_bit() {
        Analysis a = Analysis.of(JointDistribution.fromWeights(new double[][] {{0.5, 0}, {0, 0.5}}), LogBase.TWO);
        assertEquals(1, a.entropyX(), EXACT);
        assertEquals(1, a.jointEntropy(), EXACT);
        assertEquals(0, a.conditionalEntropyXGivenY(), EXACT);
        assertEquals(1, a.mutualInformation(), EXACT);
        // the zero cells are 0·log 0 = 0 terms, not NaN
        assertTrue(a.hXY().hasZeroTerm());
        assertTrue(a.divergence().get(1).zero());
    }

    @Test
    void a_column_that_never_happens_is_skipped_with_weight_zero() {
        Analysis a = Analysis.of(JointDistribution.fromWeights(new double[][] {{0.25, 0, 0.25}, {0.25, 0, 0.25}}), LogBase.TWO);
        assertTrue(a.xGivenY().get(1).skipped());
        assertEquals(0, a.xGivenY().get(1).weighted(), 0);
        assertFalse(a.xGivenY().get(0).skipped());
        assertEquals(1, a.conditionalEntropyXGivenY(), EXACT);
        assertEquals(0, a.mutualInformation(), EXACT);
        assertFalse(Double.isNaN(a.conditionalEntropyYGivenX()));
    }

    @Test
    void nats_and_hartleys_are_bits_times_a_constant() {
        Analysis bits = weather(LogBase.TWO);
        assertEquals(bits.mutualInformation() * Math.log(2), weather(LogBase.E).mutualInformation(), EXACT);
        assertEquals(bits.mutualInformation() * Math.log10(2), weather(LogBase.TEN).mutualInformation(), EXACT);
    }

    @Test
    void binary_symmetric_channel_carries_one_minus_the_binary_entropy_of_its_crossover() {
        double e = 0.1;
        Analysis a = Analysis.of(JointDistribution.fromWeights(new double[][] {{(1 - e) / 2, e / 2}, {e / 2, (1 - e) / 2}}), LogBase.TWO);
        double hb = -(e * Math.log(e) + (1 - e) * Math.log(1 - e)) / Math.log(2);
        assertEquals(1 - hb, a.mutualInformation(), EXACT);
        assertEquals(0.531004, a.mutualInformation(), 1e-6);
    }

    @Test
    void properties_of_the_weather_table() {
        TableProperties p = TableProperties.of(weather(LogBase.TWO));
        assertTrue(p.symmetric());
        assertTrue(p.nonNegative());
        assertFalse(p.independent());
        // the largest |P(x,y) − P(x)P(y)| is 0.36 − 0.4·0.48 = 0.168, in every cell of a 2×2 table
        assertEquals(0.168, p.maxDependence(), EXACT);
        assertTrue(p.withinBound());
        assertFalse(p.yDeterminesX());
        assertFalse(p.xDeterminesY());
    }

    @Test
    void a_perfect_predictor_makes_the_bound_tight() {
        Analysis a = Analysis.of(JointDistribution.fromWeights(new double[][] {{0.45, 0, 0}, {0, 0.1, 0}, {0, 0, 0.45}}), LogBase.TWO);
        TableProperties p = TableProperties.of(a);
        assertTrue(p.yDeterminesX());
        assertTrue(p.xDeterminesY());
        assertEquals(a.entropyX(), a.mutualInformation(), EXACT);
        assertEquals(p.bound(), p.mi(), EXACT);
    }

    @Test
    void bad_weights_are_refused_with_a_message_naming_the_cell() {
        IllegalArgumentException neg = assertThrows(IllegalArgumentException.class,
                () -> JointDistribution.fromWeights(new double[][] {{0.5, 0.6}, {-0.1, 0}}));
        assertTrue(neg.getMessage().contains("cell (1, 0) is -0.1"), neg.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> JointDistribution.fromWeights(new double[][] {{0, 0}, {0, 0}})).getMessage().contains("every cell is 0"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> JointDistribution.fromWeights(new double[][] {{0.5, 0.5}, {1}})).getMessage().contains("row 1 has 1 cells"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> JointDistribution.fromWeights(new double[][] {{Double.NaN}})).getMessage().contains("finite"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> JointDistribution.fromWeights(new double[0][])).getMessage().contains("empty"));
    }

    @Test
    void zero_log_zero_is_zero() {
        assertEquals(0, Entropy.term(0, LogBase.TWO), 0);
        assertEquals(1, Entropy.of(new double[] {0.5, 0, 0.5}, LogBase.TWO), EXACT);
        assertEquals(Math.log(3), Entropy.of(new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3}, LogBase.E), EXACT);
    }
}
