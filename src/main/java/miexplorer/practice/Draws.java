package miexplorer.practice;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import miexplorer.info.LogBase;
import miexplorer.practice.ExerciseData.Table;
import miexplorer.practice.ExerciseData.ThreeWayTable;

/**
 * Random tables for exercises, every number one a person reads exactly: probabilities are whole
 * hundredths (k/100 with k ≥ 1, adding up to exactly 100), counts are whole numbers.
 *
 * <p>Cells start as small random weights, and the cells of one random permutation get a boost, so
 * X and Y depend on each other (a table of pure noise would share almost nothing), not always
 * along the diagonal.
 */
final class Draws {
    /** Names and labels for two-variable tables; a table of n × n uses the first n labels. */
    record Scenario(String xName, String yName, List<String> xLabels, List<String> yLabels) {
        Table table(double[][] cells, boolean counts, LogBase base) {
            return new Table(xName, yName, xLabels.subList(0, cells.length), yLabels.subList(0, cells[0].length), cells,
                    counts, base);
        }
    }

    static final List<Scenario> SCENARIOS = List.of(
            new Scenario("Weather", "Forecast", List.of("rain", "sun", "cloud", "snow"),
                    List.of("forecast rain", "forecast sun", "forecast cloud", "forecast snow")),
            new Scenario("Dish", "Drink", List.of("soup", "salad", "pasta", "curry"),
                    List.of("water", "juice", "tea", "coffee")),
            new Scenario("Revision", "Grade", List.of("none", "a little", "some", "a lot"),
                    List.of("D", "C", "B", "A")));

    private Draws() {
    }

    static Scenario scenario(SplittableRandom rng) {
        return SCENARIOS.get(rng.nextInt(SCENARIOS.size()));
    }

    /** 2 values for easy, 3 for medium, 4 for hard. */
    static int size(Level level) {
        return switch (level) {
            case EASY -> 2;
            case MEDIUM -> 3;
            case HARD -> 4;
        };
    }

    /** Bits for easy and medium; nats or hartleys for hard. */
    static LogBase base(SplittableRandom rng, Level level) {
        return level == Level.HARD ? (rng.nextBoolean() ? LogBase.E : LogBase.TEN) : LogBase.TWO;
    }

    /**
     * The level's table for a question about probabilities or entropies: easy 2 × 2 and medium
     * 3 × 3 probabilities with no empty cell, hard 4 × 4 counts with some empty cells.
     */
    static Table table(SplittableRandom rng, Level level, Scenario s, LogBase base) {
        return level == Level.HARD ? counts(rng, level, s, base) : s.table(hundredths(rng, size(level)), false, base);
    }

    /**
     * A table of counts for the level: easy 2 × 2 and medium 3 × 3 with every cell seen, hard
     * 4 × 4 with some empty cells. Every row and column has a count (the boosted permutation's cell).
     */
    static Table counts(SplittableRandom rng, Level level, Scenario s, LogBase base) {
        int n = size(level);
        boolean zeros = level == Level.HARD;
        double[][] w = new double[n][n];
        int[] perm = permutation(rng, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                w[i][j] = zeros && rng.nextInt(4) == 0 ? 0 : 1 + rng.nextInt(8);
            }
            w[i][perm[i]] += 4 + rng.nextInt(10);
        }
        return s.table(w, true, base);
    }

    /** An n × n table of whole hundredths, each at least 0.01, adding up to exactly 1. */
    static double[][] hundredths(SplittableRandom rng, int n) {
        double[][] w = new double[n][n];
        int[] perm = permutation(rng, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                w[i][j] = 1 + rng.nextInt(9);
            }
            w[i][perm[i]] += 3 + rng.nextInt(12);
        }
        int[] k = toHundred(flatten(w));
        double[][] p = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                // One division of a whole number: the double whose shortest decimal form is 0.kk.
                p[i][j] = k[i * n + j] / 100.0;
            }
        }
        return p;
    }

    /**
     * A three-variable table, cells [z][x][y]: easy 2 × 2 × 2 and medium 3 × 2 × 2 (Z × X × Y)
     * whole hundredths, hard 3 × 2 × 3 counts with some empty cells. In each slice Z = z the cells
     * of a random one-to-one map from X to Y get a boost: the same map in every slice makes X and Y
     * share information through Z (redundancy), different maps make the dependence appear only
     * once Z is known (synergy).
     */
    static ThreeWayTable threeWay(SplittableRandom rng, Level level, LogBase base) {
        int nz = level == Level.EASY ? 2 : 3;
        int nx = 2;
        int ny = level == Level.HARD ? 3 : 2;
        boolean counts = level == Level.HARD;
        double[][][] w = new double[nz][nx][ny];
        for (int z = 0; z < nz; z++) {
            int[] map = permutation(rng, ny);
            for (int x = 0; x < nx; x++) {
                for (int y = 0; y < ny; y++) {
                    w[z][x][y] = counts && rng.nextInt(4) == 0 ? 0 : 1 + rng.nextInt(counts ? 6 : 9);
                }
                w[z][x][map[x]] += 3 + rng.nextInt(counts ? 8 : 12);
            }
        }
        if (!counts) {
            double[] flat = new double[nz * nx * ny];
            int n = 0;
            for (double[][] slice : w) {
                for (double[] row : slice) {
                    for (double v : row) {
                        flat[n++] = v;
                    }
                }
            }
            int[] k = toHundred(flat);
            n = 0;
            for (int z = 0; z < nz; z++) {
                for (int x = 0; x < nx; x++) {
                    for (int y = 0; y < ny; y++) {
                        w[z][x][y] = k[n++] / 100.0;
                    }
                }
            }
        }
        return new ThreeWayTable("X", "Y", "Z", labels("x", nx), labels("y", ny), labels("z", nz), w, counts, base);
    }

    private static List<String> labels(String prefix, int n) {
        List<String> l = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            l.add(prefix + i);
        }
        return l;
    }

    /** A random permutation of 0 … n − 1 (Fisher–Yates). */
    static int[] permutation(SplittableRandom rng, int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    private static double[] flatten(double[][] w) {
        double[] f = new double[w.length * w[0].length];
        for (int i = 0; i < w.length; i++) {
            System.arraycopy(w[i], 0, f, i * w[0].length, w[0].length);
        }
        return f;
    }

    /**
     * Whole numbers k_i ≥ 1 adding up to 100, in proportion to the weights: each gets 1, and the
     * rest is shared by the largest-remainder method (ties to the earlier cell). Needs at most 100 weights.
     */
    static int[] toHundred(double[] w) {
        int n = w.length;
        double sum = 0;
        for (double v : w) {
            sum += v;
        }
        int rest = 100 - n;
        int[] k = new int[n];
        double[] remainder = new double[n];
        int given = 0;
        for (int i = 0; i < n; i++) {
            double share = rest * w[i] / sum;
            k[i] = 1 + (int) Math.floor(share);
            remainder[i] = share - Math.floor(share);
            given += k[i] - 1;
        }
        for (; given < rest; given++) {
            int best = 0;
            for (int i = 1; i < n; i++) {
                if (remainder[i] > remainder[best]) {
                    best = i;
                }
            }
            k[best]++;
            remainder[best] = -1;
        }
        return k;
    }
}
