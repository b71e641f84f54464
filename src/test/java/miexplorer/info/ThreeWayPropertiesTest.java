package miexplorer.info;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Identities that must hold for every three-variable table, checked on random tables from a fixed
 * seed (the seed is in the test's name, so a failure is reproducible).
 */
class ThreeWayPropertiesTest {
    private static final double TOL = 1e-12;

    static Stream<Long> seeds() {
        return LongStream.range(0, 200).boxed();
    }

    /**
     * A random table up to 8 × 8 × 8 ([z][x][y]): some cells exactly zero, sometimes a whole slice
     * (a value of Z that never happens), a whole row of X or a whole column of Y across every slice.
     */
    static double[][][] randomTable(long seed) {
        Random r = new Random(seed);
        int nz = 1 + r.nextInt(8);
        int nx = 1 + r.nextInt(8);
        int ny = 1 + r.nextInt(8);
        double[][][] w = new double[nz][nx][ny];
        double zeroShare = r.nextDouble() * 0.6;
        for (double[][] slice : w) {
            for (double[] row : slice) {
                for (int j = 0; j < ny; j++) {
                    row[j] = r.nextDouble() < zeroShare ? 0 : Math.pow(r.nextDouble(), 3);
                }
            }
        }
        if (nz > 1 && r.nextInt(3) == 0) {
            for (double[] row : w[r.nextInt(nz)]) {
                Arrays.fill(row, 0);
            }
        }
        if (nx > 1 && r.nextInt(5) == 0) {
            int x = r.nextInt(nx);
            for (double[][] slice : w) {
                Arrays.fill(slice[x], 0);
            }
        }
        if (ny > 1 && r.nextInt(5) == 0) {
            int y = r.nextInt(ny);
            for (double[][] slice : w) {
                for (double[] row : slice) {
                    row[y] = 0;
                }
            }
        }
        w[r.nextInt(nz)][r.nextInt(nx)][r.nextInt(ny)] += 0.01; // never all zero
        return w;
    }

    static ThreeWayAnalysis analysis(long seed) {
        return ThreeWayAnalysis.of(ThreeWayDistribution.fromWeights(randomTable(seed)), LogBase.TWO);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void the_chain_rule_holds_in_both_orderings(long seed) {
        ThreeWayAnalysis a = analysis(seed);
        assertEquals(a.miXWithYZ(), a.chainThroughZ(), TOL, "I(X;Y,Z) = I(X;Z) + I(X;Y|Z)");
        assertEquals(a.miXWithYZ(), a.chainThroughY(), TOL, "I(X;Y,Z) = I(X;Y) + I(X;Z|Y)");
        assertEquals(a.entropyX() + a.entropyYZ() - a.entropyXYZ(), a.miXWithYZ(), TOL);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void conditional_mutual_information_is_symmetric_and_never_negative(long seed) {
        ThreeWayDistribution t = ThreeWayDistribution.fromWeights(randomTable(seed));
        ThreeWayAnalysis a = ThreeWayAnalysis.of(t, LogBase.TWO);
        ThreeWayAnalysis swapped = ThreeWayAnalysis.of(t.swapXY(), LogBase.TWO);
        assertEquals(a.miXYGivenZ(), swapped.miXYGivenZ(), TOL, "I(X;Y|Z) = I(Y;X|Z)");
        assertEquals(a.miXZGivenY(), swapped.miYZGivenX(), TOL);
        for (double d : new double[] {a.divergenceXYGivenZ(), a.divergenceXZGivenY(), a.divergenceYZGivenX(), a.divergenceXWithYZ()}) {
            assertTrue(d >= -TOL, () -> "a conditional information of " + d);
        }
        assertTrue(a.miXYGivenZ() >= 0 && a.miXZGivenY() >= 0 && a.miYZGivenX() >= 0 && a.miXWithYZ() >= 0);
        assertTrue(a.conditionalEntropyXGivenYZ() >= 0 && a.conditionalEntropyYGivenXZ() >= 0 && a.conditionalEntropyZGivenXY() >= 0);
        // I(X;Y|Z) ≤ min(H(X|Z), H(Y|Z))
        assertTrue(a.miXYGivenZ() <= a.entropyXZ() - a.entropyZ() + TOL);
        assertTrue(a.miXYGivenZ() <= a.entropyYZ() - a.entropyZ() + TOL);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void co_information_is_the_same_from_every_ordering_and_every_relabelling(long seed) {
        ThreeWayDistribution t = ThreeWayDistribution.fromWeights(randomTable(seed));
        ThreeWayAnalysis a = ThreeWayAnalysis.of(t, LogBase.TWO);
        double c = a.coInformation();
        assertEquals(c, a.miXY() - a.miXYGivenZ(), TOL);
        assertEquals(c, a.miXZ() - a.miXZGivenY(), TOL);
        assertEquals(c, a.miYZ() - a.miYZGivenX(), TOL);
        assertEquals(c, a.entropyX() + a.entropyY() + a.entropyZ() - a.entropyXY() - a.entropyXZ() - a.entropyYZ() + a.entropyXYZ(), TOL);
        for (ThreeWayDistribution relabelled : new ThreeWayDistribution[] {t.swapXY(), t.swapXZ(), t.swapYZ(), t.swapXY().swapYZ()}) {
            assertEquals(c, ThreeWayAnalysis.of(relabelled, LogBase.TWO).coInformation(), TOL);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void the_direct_conditional_information_is_the_slice_weighted_sum_of_each_slices_analysis(long seed) {
        ThreeWayDistribution t = ThreeWayDistribution.fromWeights(randomTable(seed));
        ThreeWayAnalysis a = ThreeWayAnalysis.of(t, LogBase.TWO);
        assertEquals(a.miXYGivenZ(), a.miXYGivenZFromSlices(), TOL);
        assertEquals(t.sizeZ(), a.slices().size());
        double sum = 0;
        for (ConditionalSlice s : a.slices()) {
            assertEquals(t.pz(s.z()), s.pZ(), 0);
            assertEquals(s.pZ() == 0, s.skipped(), "skipped exactly when P(z) = 0");
            if (!s.skipped()) {
                assertEquals(Analysis.mutualInformationOf(t.slice(s.z()), LogBase.TWO), s.analysis().mutualInformation(), 0);
                sum += s.pZ() * s.analysis().mutualInformation();
            }
        }
        assertEquals(sum, a.miXYGivenZFromSlices(), 0);
        // and the other orderings' slice sums, from the relabelled tables
        assertEquals(a.miXZGivenY(), ThreeWayAnalysis.of(t.swapYZ(), LogBase.TWO).miXYGivenZFromSlices(), TOL);
        assertEquals(a.miYZGivenX(), ThreeWayAnalysis.of(t.swapXZ(), LogBase.TWO).miXYGivenZFromSlices(), TOL);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void conditional_informations_are_the_entropy_identities(long seed) {
        ThreeWayAnalysis a = analysis(seed);
        assertEquals(a.entropyXZ() + a.entropyYZ() - a.entropyXYZ() - a.entropyZ(), a.miXYGivenZ(), TOL);
        assertEquals(a.entropyXY() + a.entropyYZ() - a.entropyXYZ() - a.entropyY(), a.miXZGivenY(), TOL);
        assertEquals(a.entropyXY() + a.entropyXZ() - a.entropyXYZ() - a.entropyX(), a.miYZGivenX(), TOL);
        assertEquals(a.entropyXYZ() - a.entropyYZ(), a.conditionalEntropyXGivenYZ(), TOL);
        assertEquals(a.entropyXYZ() - a.entropyXZ(), a.conditionalEntropyYGivenXZ(), TOL);
        assertEquals(a.entropyXYZ() - a.entropyXY(), a.conditionalEntropyZGivenXY(), TOL);
        assertEquals(a.entropyX() + a.entropyY() - a.entropyXY(), a.miXY(), TOL);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void the_seven_regions_make_up_each_circle_and_the_whole(long seed) {
        ThreeWayAnalysis a = analysis(seed);
        InformationDiagram d = a.diagram();
        assertEquals(a.entropyX(), d.circleX(), TOL);
        assertEquals(a.entropyY(), d.circleY(), TOL);
        assertEquals(a.entropyZ(), d.circleZ(), TOL);
        assertEquals(a.entropyXYZ(), d.total(), TOL);
        // two circles together: H(X,Y) is everything but H(Z|X,Y)
        assertEquals(a.entropyXY(), d.total() - d.hZGivenXY(), TOL);
        assertEquals(a.miXY(), d.iXYGivenZ() + d.iXYZ(), TOL);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void the_marginals_and_slices_are_sums_and_ratios_of_the_cells(long seed) {
        ThreeWayDistribution t = ThreeWayDistribution.fromWeights(randomTable(seed));
        JointDistribution xy = t.pairXY();
        JointDistribution xz = t.pairXZ();
        JointDistribution yz = t.pairYZ();
        double total = 0;
        for (int z = 0; z < t.sizeZ(); z++) {
            JointDistribution slice = t.pz(z) > 0 ? t.slice(z) : null;
            for (int x = 0; x < t.sizeX(); x++) {
                for (int y = 0; y < t.sizeY(); y++) {
                    total += t.p(z, x, y);
                    if (slice != null) {
                        assertEquals(t.p(z, x, y) / t.pz(z), slice.p(x, y), TOL);
                    }
                }
            }
        }
        assertEquals(1, total, TOL);
        for (int x = 0; x < t.sizeX(); x++) {
            assertEquals(t.px(x), xy.px(x), TOL);
            for (int y = 0; y < t.sizeY(); y++) {
                assertEquals(t.pxy(x, y), xy.p(x, y), TOL);
            }
            for (int z = 0; z < t.sizeZ(); z++) {
                assertEquals(t.pxz(x, z), xz.p(x, z), TOL);
            }
        }
        for (int y = 0; y < t.sizeY(); y++) {
            assertEquals(t.py(y), yz.px(y), TOL);
            for (int z = 0; z < t.sizeZ(); z++) {
                assertEquals(t.pyz(y, z), yz.p(y, z), TOL);
                assertEquals(t.pz(z), yz.py(z), TOL);
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void changing_the_base_scales_every_value_by_the_same_factor(long seed) {
        ThreeWayDistribution t = ThreeWayDistribution.fromWeights(randomTable(seed));
        ThreeWayAnalysis bits = ThreeWayAnalysis.of(t, LogBase.TWO);
        ThreeWayAnalysis nats = ThreeWayAnalysis.of(t, LogBase.E);
        double k = Math.log(2);
        assertEquals(bits.entropyXYZ() * k, nats.entropyXYZ(), TOL);
        assertEquals(bits.miXYGivenZ() * k, nats.miXYGivenZ(), TOL);
        assertEquals(bits.miXZGivenY() * k, nats.miXZGivenY(), TOL);
        assertEquals(bits.miYZGivenX() * k, nats.miYZGivenX(), TOL);
        assertEquals(bits.miXWithYZ() * k, nats.miXWithYZ(), TOL);
        assertEquals(bits.coInformation() * k, nats.coInformation(), TOL);
        assertEquals(bits.conditionalEntropyXGivenYZ() * k, nats.conditionalEntropyXGivenYZ(), TOL);
    }
}
