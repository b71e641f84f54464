package miexplorer.info;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Identities that must hold for every joint table, checked on many random tables from a fixed
 * seed (so a failure is reproducible: the seed is in the test's name).
 */
class AnalysisPropertiesTest {
    private static final double TOL = 1e-12;

    static Stream<Long> seeds() {
        return LongStream.range(0, 500).boxed();
    }

    /** A random table up to 8 × 8, some cells exactly zero, some rows or columns wholly zero. */
    static double[][] randomTable(long seed) {
        Random r = new Random(seed);
        int rows = 1 + r.nextInt(8);
        int cols = 1 + r.nextInt(8);
        double[][] w = new double[rows][cols];
        double zeroShare = r.nextDouble() * 0.5;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                w[i][j] = r.nextDouble() < zeroShare ? 0 : Math.pow(r.nextDouble(), 3);
            }
        }
        if (rows > 1 && r.nextInt(5) == 0) {
            java.util.Arrays.fill(w[r.nextInt(rows)], 0);
        }
        w[r.nextInt(rows)][r.nextInt(cols)] += 0.01; // never all zero
        return w;
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void the_four_forms_of_mutual_information_agree(long seed) {
        Analysis a = Analysis.of(JointDistribution.fromWeights(randomTable(seed)), LogBase.TWO);
        double d = a.divergenceTotal();
        assertEquals(d, a.miFromX(), TOL);
        assertEquals(d, a.miFromY(), TOL);
        assertEquals(d, a.miFromJoint(), TOL);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void mutual_information_is_non_negative_and_bounded_by_both_entropies(long seed) {
        Analysis a = Analysis.of(JointDistribution.fromWeights(randomTable(seed)), LogBase.TWO);
        assertTrue(a.divergenceTotal() >= -TOL, () -> "I = " + a.divergenceTotal());
        assertTrue(a.miFromJoint() >= -TOL);
        assertTrue(a.mutualInformation() >= 0);
        assertTrue(a.mutualInformation() <= Math.min(a.entropyX(), a.entropyY()) + TOL);
        assertTrue(a.conditionalEntropyXGivenY() >= -TOL && a.conditionalEntropyXGivenY() <= a.entropyX() + TOL);
        assertTrue(a.jointEntropy() <= a.entropyX() + a.entropyY() + TOL);
        assertTrue(a.jointEntropy() >= Math.max(a.entropyX(), a.entropyY()) - TOL);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void transposing_swaps_the_roles_and_keeps_the_mutual_information(long seed) {
        JointDistribution t = JointDistribution.fromWeights(randomTable(seed));
        Analysis a = Analysis.of(t, LogBase.TWO);
        Analysis b = Analysis.of(t.transpose(), LogBase.TWO);
        assertEquals(a.mutualInformation(), b.mutualInformation(), TOL);
        assertEquals(a.entropyX(), b.entropyY(), TOL);
        assertEquals(a.conditionalEntropyXGivenY(), b.conditionalEntropyYGivenX(), TOL);
        assertEquals(a.jointEntropy(), b.jointEntropy(), TOL);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void the_product_of_the_marginals_has_no_mutual_information_and_the_same_marginal_entropies(long seed) {
        JointDistribution t = JointDistribution.fromWeights(randomTable(seed));
        Analysis a = Analysis.of(t, LogBase.TWO);
        Analysis indep = Analysis.of(t.productOfMarginals(), LogBase.TWO);
        assertEquals(0, indep.divergenceTotal(), TOL);
        assertEquals(0, indep.miFromJoint(), TOL);
        assertEquals(a.entropyX(), indep.entropyX(), TOL);
        assertEquals(a.entropyY(), indep.entropyY(), TOL);
        assertEquals(indep.entropyX(), indep.conditionalEntropyXGivenY(), TOL);
        assertTrue(TableProperties.of(indep).independent());
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void changing_the_base_scales_every_value_by_the_same_factor(long seed) {
        JointDistribution t = JointDistribution.fromWeights(randomTable(seed));
        Analysis bits = Analysis.of(t, LogBase.TWO);
        for (LogBase base : new LogBase[] {LogBase.E, LogBase.TEN}) {
            Analysis other = Analysis.of(t, base);
            double k = base.log(2); // 1 bit in this base
            assertEquals(bits.entropyX() * k, other.entropyX(), TOL);
            assertEquals(bits.entropyY() * k, other.entropyY(), TOL);
            assertEquals(bits.jointEntropy() * k, other.jointEntropy(), TOL);
            assertEquals(bits.conditionalEntropyXGivenY() * k, other.conditionalEntropyXGivenY(), TOL);
            assertEquals(bits.conditionalEntropyYGivenX() * k, other.conditionalEntropyYGivenX(), TOL);
            assertEquals(bits.mutualInformation() * k, other.mutualInformation(), TOL);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void the_workings_add_up_to_the_headline_numbers(long seed) {
        Analysis a = Analysis.of(JointDistribution.fromWeights(randomTable(seed)), LogBase.TWO);
        double sum = 0;
        for (Conditional c : a.xGivenY()) {
            sum += c.weighted();
        }
        assertEquals(a.conditionalEntropyXGivenY(), sum, 0);
        double d = 0;
        for (DivergenceTerm term : a.divergence()) {
            d += term.value();
            if (!term.zero()) {
                assertEquals(term.pxy() * term.pointwise(), term.value(), 0);
            }
        }
        assertEquals(a.divergenceTotal(), d, 0);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void mutual_information_alone_is_exactly_the_full_analysis_figure(long seed) {
        JointDistribution t = JointDistribution.fromWeights(randomTable(seed));
        for (LogBase base : LogBase.values()) {
            assertEquals(Analysis.of(t, base).mutualInformation(), Analysis.mutualInformationOf(t, base), 0);
            assertEquals(Analysis.of(t.transpose(), base).mutualInformation(), Analysis.mutualInformationOf(t.transpose(), base), 0);
        }
    }
}
