package miexplorer.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class NumpyRandomStateTest {
    /*
     * numpy 1.24: [repr(v) for v in np.random.RandomState(seed).standard_normal(5)]. Within an ulp:
     * numpy's log is the C library's, this one fdlibm's, and about 3 deviates in 100 differ in the
     * last bit (none of these).
     */
    @Test
    void the_first_normal_deviates_are_numpys() {
        assertFirst(0, 1.764052345967664, 0.4001572083672233, 0.9787379841057392, 2.240893199201458, 1.8675579901499675);
        assertFirst(1, 1.6243453636632417, -0.6117564136500754, -0.5281717522634557, -1.0729686221561705, 0.8654076293246785);
        assertFirst(42, 0.4967141530112327, -0.13826430117118466, 0.6476885381006925, 1.5230298564080254, -0.23415337472333597);
        assertFirst(4294967295L, 0.6484086742306527, 0.6693235306338161, -1.0805437227474493, 0.2845010447986309,
                0.11388773652167104);
    }

    private static void assertFirst(long seed, double... expected) {
        NumpyRandomState r = new NumpyRandomState(seed);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], r.nextGaussian(), Math.ulp(expected[i]), "seed " + seed + ", deviate " + i);
        }
    }

    @Test
    void seeds_outside_numpys_range_are_refused() {
        for (long seed : new long[] {-1, 4294967296L}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new NumpyRandomState(seed));
            assertEquals("the seed is " + seed + "; it must be from 0 to 4294967295 (numpy's RandomState seeds)", e.getMessage());
        }
        assertEquals("the seed is -3; it must be from 0 to 4294967295 (numpy's RandomState seeds)",
                assertThrows(IllegalArgumentException.class,
                        () -> Ksg.estimate(new double[] {1, 2, 3}, new double[] {2, 1, 3}, "x", "y", 1, -3)).getMessage());
    }
}
