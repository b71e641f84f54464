package miexplorer.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import miexplorer.testing.Needs;
import miexplorer.testing.Tool;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link Ksg} and {@link RossEstimator} against scikit-learn's mutual_info_regression and
 * mutual_info_classif (Debian's python3-sklearn, run by src/test/python/knn_reference.py, which draws
 * the data with a seed and writes it with the reference values). Without sklearn the test is skipped
 * with a loud message, except under {@code CI=true}, where it fails (.ci/run installs it).
 *
 * <ul>
 *   <li>With the noise, seed 1 here and random_state=1 there: the same noise (numpy's generator,
 *       reimplemented), so the same counts and the same estimate to 10⁻¹², the digamma functions and
 *       the order of the sums being the only differences; ties included. (Asked for: 10⁻⁶ relative,
 *       10⁻⁹ absolute where the estimate is clipped to 0. With different noise, one count moved by it
 *       shifts the estimate by about 1/(n_x·N) nats, 10⁻⁶ relative or more; for 10⁴ continuous rows
 *       that happens in a few data sets in a hundred, sklearn against itself with another seed too.)</li>
 *   <li>Without noise, against sklearn's own _compute_mi_cc / _compute_mi_cd on the scaled columns: the
 *       same counts, so the same estimate to 10⁻¹², also where values are repeated (ε = 0 included).</li>
 *   <li>Ross with a label of at most 2k + 1 rows: sklearn then searches neighbours by brute force with
 *       rounded Euclidean distances and sometimes counts the k-th neighbour itself in m_i; compared with
 *       sklearn made to use its k-d tree (exact distances) instead, as the script explains.</li>
 * </ul>
 */
class KnnSklearnComparisonTest {
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final Path SCRIPT = Path.of("src", "test", "python", "knn_reference.py");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode cases;

    @Needs(Tool.SKLEARN)
    @BeforeAll
    static void computeReferences() throws Exception {
        Path file = Files.createTempFile("knn-reference", ".json");
        try {
            run(List.of(PYTHON.toString(), SCRIPT.toString(), file.toString()));
            cases = JSON.readTree(file.toFile());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static final long SEED = 1; // knn_reference.py's random_state
    private static final double SAME = 1e-12;

    @Test
    void ksg_is_mutual_info_regression_with_the_same_seed() {
        int compared = 0;
        for (JsonNode c : cases) {
            if (c.get("kind").asText().equals("ksg")) {
                KsgEstimate ours = Ksg.estimate(doubles(c.get("x")), doubles(c.get("y")), "x", "y", c.get("k").asInt(), SEED);
                assertEquals(c.get("sklearn").asDouble(), ours.nats(), SAME, c.get("name").asText());
                compared++;
            }
        }
        assertEquals(22, compared);
    }

    @Test
    void without_noise_ksg_counts_what_sklearn_counts() {
        for (JsonNode c : cases) {
            if (c.get("kind").asText().equals("ksg")) {
                KsgEstimate ours = Ksg.prepare(doubles(c.get("x")), doubles(c.get("y")), "x", "y", c.get("k").asInt(), SEED, false)
                        .estimate();
                assertEquals(c.get("noNoise").asDouble(), ours.nats(), SAME, c.get("name").asText());
            }
        }
    }

    @Test
    void ross_is_mutual_info_classif_with_the_same_seed() {
        int compared = 0;
        for (JsonNode c : cases) {
            if (c.get("kind").asText().equals("ross")) {
                int k = c.get("k").asInt();
                int[] labels = ints(c.get("y"));
                RossEstimate ours = RossEstimator.estimate(doubles(c.get("x")), labels, "x", "y", k, SEED);
                String name = c.get("name").asText();
                assertEquals(c.get("kdTree").asDouble(), ours.nats(), SAME, name + ", sklearn on a k-d tree");
                if (smallestRepeatedLabel(labels) > 2 * k + 1) {
                    assertEquals(c.get("sklearn").asDouble(), ours.nats(), SAME, name);
                    compared++;
                }
                RossEstimate noNoise = RossEstimator.prepare(doubles(c.get("x")), labels, "x", "y", k, SEED, false).estimate();
                assertEquals(c.get("noNoise").asDouble(), noNoise.nats(), SAME, name + ", without noise");
            }
        }
        assertEquals(5, compared, "cases compared with sklearn as it is");
    }

    /* The case whose labels are small shows the difference the k-d tree makes, so the check above means something. */
    @Test
    void with_small_labels_sklearns_brute_force_search_counts_differently() {
        for (JsonNode c : cases) {
            if (c.get("kind").asText().equals("ross") && smallestRepeatedLabel(ints(c.get("y"))) <= 2 * c.get("k").asInt() + 1) {
                assertTrue(Math.abs(c.get("sklearn").asDouble() - c.get("kdTree").asDouble()) > 1e-4, c.get("name").asText());
            }
        }
    }

    /** The fewest rows of any label that occurs more than once. */
    private static int smallestRepeatedLabel(int[] labels) {
        java.util.Map<Integer, Integer> counts = new java.util.HashMap<>();
        for (int l : labels) {
            counts.merge(l, 1, Integer::sum);
        }
        return counts.values().stream().filter(c -> c > 1).min(Integer::compare).orElseThrow();
    }

    private static double[] doubles(JsonNode array) {
        double[] v = new double[array.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = array.get(i).asDouble();
        }
        return v;
    }

    private static int[] ints(JsonNode array) {
        int[] v = new int[array.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = array.get(i).asInt();
        }
        return v;
    }

    private static void run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(new ArrayList<>(command)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            fail(command + " failed: " + out);
        }
    }
}
