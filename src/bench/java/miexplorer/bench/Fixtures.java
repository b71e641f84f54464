package miexplorer.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The inputs the benchmarks use, as the browser would post them. The 32 × 32 table is the one
 * {@code bench/load.sh} posts: counts 1 + (7i + 13j) mod 20, plus 40 on the diagonal (i, j from 0).
 */
final class Fixtures {
    static final int SIZE = 32;
    static final int KEYS = 256;
    static final int DIM = 1024;

    private Fixtures() {
    }

    /** The weather table as the explorer's form posts it. */
    static Map<String, List<String>> weatherForm() {
        Map<String, List<String>> p = new LinkedHashMap<>();
        p.put("x", List.of("Weather"));
        p.put("y", List.of("Forecast"));
        p.put("xl", List.of("Rain", "Sun"));
        p.put("yl", List.of("Forecast rain", "Forecast sun"));
        p.put("c", List.of("0.36", "0.04", "0.12", "0.48"));
        p.put("kind", List.of("probabilities"));
        p.put("base", List.of("2"));
        p.put("digits", List.of("3"));
        return p;
    }

    static double count(int i, int j) {
        return 1 + (7 * i + 13 * j) % 20 + (i == j ? 40 : 0);
    }

    static double[][] table32() {
        double[][] w = new double[SIZE][SIZE];
        for (int i = 0; i < SIZE; i++) {
            for (int j = 0; j < SIZE; j++) {
                w[i][j] = count(i, j);
            }
        }
        return w;
    }

    /** The 32 × 32 table of counts as the form posts it. */
    static Map<String, List<String>> table32Form() {
        Map<String, List<String>> p = new LinkedHashMap<>();
        List<String> xl = new ArrayList<>();
        List<String> yl = new ArrayList<>();
        List<String> c = new ArrayList<>();
        for (int i = 0; i < SIZE; i++) {
            xl.add("r" + (i + 1));
            yl.add("c" + (i + 1));
            for (int j = 0; j < SIZE; j++) {
                c.add(String.valueOf((int) count(i, j)));
            }
        }
        p.put("x", List.of("Row"));
        p.put("y", List.of("Column"));
        p.put("xl", xl);
        p.put("yl", yl);
        p.put("c", c);
        p.put("kind", List.of("counts"));
        p.put("base", List.of("2"));
        p.put("digits", List.of("3"));
        return p;
    }

    /** The attention explorer's default: "sat" against "the", "cat", "mat", as its form posts it. */
    static Map<String, List<String>> attentionForm() {
        Map<String, List<String>> p = new LinkedHashMap<>();
        p.put("ql", List.of("sat"));
        p.put("q", List.of("1, 0, 1, 0"));
        p.put("kl", List.of("the", "cat", "mat"));
        p.put("k", List.of("1, 0, 1, 0", "0, 1, 0, 1", "1, 1, 0, 0"));
        p.put("v", List.of("1, 0", "0, 1", "0.5, 0.5"));
        p.put("scale", List.of("0", "1"));
        p.put("temp", List.of("1"));
        return p;
    }

    /** Standard normal numbers, the same for the same seed. */
    static double[][] normals(int rows, int cols, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] m = new double[rows][cols];
        for (double[] row : m) {
            for (int j = 0; j < cols; j++) {
                row[j] = r.nextGaussian();
            }
        }
        return m;
    }

    /** One query and 256 keys of 1024 numbers, as the attention form posts them (six decimals each). */
    static Map<String, List<String>> attentionLargeForm() {
        double[][] q = normals(1, DIM, 1);
        double[][] k = normals(KEYS, DIM, 2);
        List<String> kl = new ArrayList<>();
        List<String> ks = new ArrayList<>();
        for (int i = 0; i < KEYS; i++) {
            kl.add("k" + (i + 1));
            ks.add(text(k[i]));
        }
        Map<String, List<String>> p = new LinkedHashMap<>();
        p.put("ql", List.of("q"));
        p.put("q", List.of(text(q[0])));
        p.put("kl", kl);
        p.put("k", ks);
        p.put("scale", List.of("1"));
        p.put("temp", List.of("1"));
        return p;
    }

    private static String text(double[] v) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < v.length; i++) {
            if (i > 0) {
                b.append(", ");
            }
            b.append(String.format(java.util.Locale.ROOT, "%.6f", v[i]));
        }
        return b.toString();
    }
}
