package miexplorer.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KnnSupportTest {
    /* Signs, both zeros, subnormals, the extremes, and many repeats: every byte of the bits varies. */
    private static double[] awkward(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] special = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE,
            Double.MIN_NORMAL, 1, -1, 1e-300, -1e300};
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = switch (r.nextInt(4)) {
                case 0 -> special[r.nextInt(special.length)];
                case 1 -> r.nextInt(7) - 3.0;
                case 2 -> r.nextGaussian() * Math.scalb(1.0, r.nextInt(-1000, 1000));
                default -> r.nextGaussian();
            };
        }
        return v;
    }

    @Test
    void the_radix_sort_gives_arrays_sort_to_the_bit() {
        for (int n : new int[] {0, 1, 2, 100, 20_000}) {
            double[] v = awkward(n, n);
            double[] expected = v.clone();
            Arrays.sort(expected);
            double[] sorted = v.clone();
            KnnSupport.sort(sorted);
            assertArrayEquals(expected, sorted, n + " values"); // assertArrayEquals on doubles tells −0.0 from 0.0
            double[] ranked = v.clone();
            KnnSupport.sortAndRank(ranked);
            assertArrayEquals(expected, ranked, n + " values, ranked");
        }
    }

    /* Row i's value is at its rank; the rows of equal values keep their order (the sort is stable). */
    @Test
    void each_rank_is_the_rows_own_place_and_equal_values_keep_their_order() {
        double[] v = awkward(20_000, 3);
        double[] sorted = v.clone();
        int[] rank = KnnSupport.sortAndRank(sorted);
        boolean[] taken = new boolean[v.length];
        for (int i = 0; i < v.length; i++) {
            assertEquals(Double.doubleToRawLongBits(v[i]), Double.doubleToRawLongBits(sorted[rank[i]]), "row " + i);
            assertTrue(!taken[rank[i]], "rank " + rank[i] + " given twice");
            taken[rank[i]] = true;
        }
        int[] order = KnnSupport.sortAndOrder(v.clone());
        for (int j = 1; j < order.length; j++) {
            if (Double.compare(v[order[j - 1]], v[order[j]]) == 0) {
                assertTrue(order[j - 1] < order[j], "equal values at places " + (j - 1) + " and " + j);
            }
            assertEquals(j, rank[order[j]]);
        }
    }

    /* Counting from any of several equal values gives the same count: what lets a rank be any place among them. */
    @Test
    void counts_within_a_radius_are_the_same_from_any_of_equal_values() {
        double[] s = {-2, -1, -1, -1, 0.5, 0.5, 1, 1, 1, 1, 3};
        for (double r : new double[] {0, 0.25, 0.5, 1, 1.5, 2, 10}) {
            for (int pos = 0; pos < s.length; pos++) {
                int expected = 0;
                for (double v : s) {
                    expected += Math.abs(v - s[pos]) <= r ? 1 : 0;
                }
                assertEquals(expected, KnnSupport.countWithin(s, pos, r), "from place " + pos + ", radius " + r);
            }
        }
    }
}
