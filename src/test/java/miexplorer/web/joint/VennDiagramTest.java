package miexplorer.web.joint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import miexplorer.info.Analysis;
import miexplorer.info.JointDistribution;
import miexplorer.info.LogBase;
import org.junit.jupiter.api.Test;

class VennDiagramTest {
    /* Two unit circles one apart share 2π/3 − √3/2 (two 120° sectors less the rhombus between them). */
    @Test
    void the_lens_of_two_unit_circles_one_apart() {
        assertEquals(2 * Math.PI / 3 - Math.sqrt(3) / 2, VennDiagram.lensArea(1, 1, 1), 1e-15);
        assertEquals(0, VennDiagram.lensArea(1, 2, 3), 0);
        assertEquals(Math.PI, VennDiagram.lensArea(1, 2, 0.5), 1e-15);
    }

    @Test
    void the_distance_found_gives_the_area_asked_for() {
        for (double target : new double[] {0.01, 0.5, 1.5, 3.0}) {
            double d = VennDiagram.distanceFor(1, 1.3, target);
            assertEquals(target, VennDiagram.lensArea(1, 1.3, d), 1e-8, "target " + target);
        }
    }

    /* The weather table: areas in the ratio H(X) : H(Y) : I = 0.971 : 0.999 : 0.378. */
    @Test
    void the_circles_and_their_overlap_are_in_proportion_to_the_entropies_and_the_information() {
        Analysis a = Analysis.of(JointDistribution.fromWeights(new double[][] {{0.36, 0.04}, {0.12, 0.48}}), LogBase.TWO);
        VennDiagram v = VennDiagram.of(a);
        assertEquals(a.entropyX() / a.entropyY(), v.rx() * v.rx() / (v.ry() * v.ry()), 1e-12);
        assertEquals(a.mutualInformation() / a.entropyX(), VennDiagram.lensArea(v.rx(), v.ry(), v.distance()) / (Math.PI * v.rx() * v.rx()), 1e-8);
        assertTrue(v.lens().startsWith("M"), v.lens());
        // in the picture: both circles within its width
        assertTrue(v.cx() - v.rx() >= 0 && v.cxY() + v.ry() <= VennDiagram.WIDTH, v.toString());
    }

    @Test
    void independent_variables_touch_and_a_perfect_predictor_is_one_circle() {
        VennDiagram apart = VennDiagram.of(Analysis.of(JointDistribution.fromWeights(new double[][] {{0.25, 0.25}, {0.25, 0.25}}), LogBase.TWO));
        assertEquals(apart.rx() + apart.ry(), apart.distance(), 1e-12);
        assertEquals("", apart.lens());
        VennDiagram same = VennDiagram.of(Analysis.of(JointDistribution.fromWeights(new double[][] {{0.5, 0}, {0, 0.5}}), LogBase.E));
        assertEquals(0, same.distance(), 1e-9);
        assertEquals(same.rx(), same.ry(), 1e-12);
        // the base does not change the picture: a circle of a fair bit is as large in nats as in bits
        VennDiagram bits = VennDiagram.of(Analysis.of(JointDistribution.fromWeights(new double[][] {{0.5, 0}, {0, 0.5}}), LogBase.TWO));
        assertEquals(bits.rx(), same.rx(), 1e-12);
    }
}
