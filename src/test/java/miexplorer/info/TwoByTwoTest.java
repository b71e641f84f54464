package miexplorer.info;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class TwoByTwoTest {
    private static final JointDistribution WEATHER = JointDistribution.fromWeights(new double[][] {{0.36, 0.04}, {0.12, 0.48}});

    /*
     * The weather table: a = P(Rain) = 0.4, b = P(Forecast rain) = 0.48, so ab = 0.192 and
     * t = 0.36 − 0.192 = 0.168. t_max = min(0.4 · 0.52, 0.6 · 0.48) = min(0.208, 0.288) = 0.208,
     * t_min = −min(0.192, 0.6 · 0.52) = −0.192. So s = 0.168 / 0.208 = 0.807692…
     */
    @Test
    void the_weather_table_sits_at_0_808_towards_the_diagonal_and_comes_back_from_it() {
        assertEquals(0.168 / 0.208, TwoByTwo.dependence(WEATHER), 1e-15);
        double[][] back = TwoByTwo.withDependence(WEATHER, TwoByTwo.dependence(WEATHER));
        assertArrayEquals(new double[] {0.36, 0.04}, back[0], 1e-15);
        assertArrayEquals(new double[] {0.12, 0.48}, back[1], 1e-15);
    }

    @Test
    void the_ends_empty_a_cell_and_the_middle_is_independent() {
        double[][] diagonal = TwoByTwo.withDependence(WEATHER, 1);
        assertArrayEquals(new double[] {0.4, 0}, diagonal[0], 1e-15); // p12 = 0.208 − 0.208
        assertArrayEquals(new double[] {0.08, 0.52}, diagonal[1], 1e-15);
        double[][] off = TwoByTwo.withDependence(WEATHER, -1);
        assertArrayEquals(new double[] {0, 0.4}, off[0], 1e-15); // p11 = 0.192 − 0.192
        assertArrayEquals(new double[] {0.48, 0.12}, off[1], 1e-15);
        JointDistribution independent = JointDistribution.fromWeights(TwoByTwo.withDependence(WEATHER, 0));
        assertEquals(0, Analysis.mutualInformationOf(independent, LogBase.TWO), 1e-15);
        assertEquals(0, TwoByTwo.dependence(independent), 1e-12);
        // beyond the ends, the ends
        assertArrayEquals(diagonal[0], TwoByTwo.withDependence(WEATHER, 7)[0], 0);
    }

    @Test
    void every_dependence_keeps_the_marginals_and_is_read_back() {
        Random r = new Random(13);
        for (int n = 0; n < 500; n++) {
            JointDistribution t = JointDistribution.fromWeights(new double[][] {
                {r.nextDouble(), r.nextDouble()}, {r.nextDouble(), r.nextDouble()}});
            double s = 2 * r.nextDouble() - 1;
            JointDistribution moved = JointDistribution.fromWeights(TwoByTwo.withDependence(t, s));
            assertEquals(t.px(0), moved.px(0), 1e-12);
            assertEquals(t.py(0), moved.py(0), 1e-12);
            assertEquals(s, TwoByTwo.dependence(moved), 1e-9);
        }
    }

    /* ε = 0.1: p = (0.45, 0.05; 0.05, 0.45), both marginals ½, and s = 1 − 2ε = 0.8. */
    @Test
    void a_table_with_uniform_marginals_is_a_binary_symmetric_channel() {
        double[][] p = TwoByTwo.symmetricChannel(0.1);
        assertArrayEquals(new double[] {0.45, 0.05}, p[0], 1e-15);
        assertArrayEquals(new double[] {0.05, 0.45}, p[1], 1e-15);
        JointDistribution t = JointDistribution.fromWeights(p);
        assertTrue(TwoByTwo.isSymmetricChannel(t));
        assertEquals(0.1, TwoByTwo.crossover(t), 1e-15);
        assertEquals(0.8, TwoByTwo.dependence(t), 1e-15);
        assertFalse(TwoByTwo.isSymmetricChannel(WEATHER));
    }

    @Test
    void a_certain_variable_leaves_no_room_to_move() {
        JointDistribution certain = JointDistribution.fromWeights(new double[][] {{0.3, 0.7}, {0, 0}});
        assertFalse(TwoByTwo.hasRoom(certain));
        assertEquals(0, TwoByTwo.dependence(certain));
        assertTrue(TwoByTwo.hasRoom(WEATHER));
    }

    @Test
    void other_shapes_and_bad_values_are_refused_with_what_was_wrong() {
        JointDistribution wide = JointDistribution.fromWeights(new double[][] {{1, 1, 1}, {1, 1, 1}});
        assertEquals("the table is 2 × 3, not 2 × 2",
                assertThrows(IllegalArgumentException.class, () -> TwoByTwo.dependence(wide)).getMessage());
        assertEquals("the dependence NaN is not a finite number",
                assertThrows(IllegalArgumentException.class, () -> TwoByTwo.withDependence(WEATHER, Double.NaN)).getMessage());
        assertEquals("the crossover probability 1.5 is not between 0 and 1",
                assertThrows(IllegalArgumentException.class, () -> TwoByTwo.symmetricChannel(1.5)).getMessage());
    }
}
