package miexplorer.attention;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import miexplorer.info.Entropy;
import miexplorer.info.LogBase;
import miexplorer.testing.Needs;
import miexplorer.testing.Tool;
import org.junit.jupiter.api.Test;

/** Additive (Bahdanau) scores, the score functions side by side, and attention from any scores. */
class AdditiveAttentionTest {
    private static final double EXACT = 1e-12;
    private static final ObjectMapper JSON = new ObjectMapper();

    // The worked example: h = 2, d_q = d_k = 2, three keys.
    static final double[] Q = {1, 0};
    static final double[][] KEYS = {{1, 0}, {0, 1}, {1, 1}};
    static final double[][] WQ = {{1, 0}, {0, 1}};
    static final double[][] WK = {{1, -1}, {0.5, 0.5}};
    static final double[] V = {1, -1};

    /*
     * W_q q = (1, 0).
     * W_k k_0 = (1, 0.5), W_k k_1 = (−1, 0.5), W_k k_2 = (0, 1).
     * Sums (2, 0.5), (0, 0.5), (1, 1); tanh: (0.964028, 0.462117), (0, 0.462117), (0.761594, 0.761594).
     * e = v · tanh = 0.964028 − 0.462117 = 0.501910, 0 − 0.462117 = −0.462117, 0.761594 − 0.761594 = 0.
     * With T = 1: α = (e^0.501910, e^−0.462117, e^0) / Z = (0.503340, 0.191951, 0.304709);
     * H(α) = 1.477999 bits, 2^H = 2.785621 keys.
     */
    @Test
    void the_worked_example_with_h_2_and_three_keys() {
        AdditiveScores s = AdditiveScores.of(Q, KEYS, WQ, WK, V);
        assertEquals(2, s.hidden());
        assertArrayEquals(new double[] {1, 0}, s.projectedQuery(), 0);
        assertArrayEquals(new double[] {1, 0.5}, s.projectedKeys()[0], 0);
        assertArrayEquals(new double[] {-1, 0.5}, s.projectedKeys()[1], 0);
        assertArrayEquals(new double[] {0, 1}, s.projectedKeys()[2], 0);
        assertArrayEquals(new double[] {2, 0.5}, s.sums()[0], 0);
        assertArrayEquals(new double[] {0, 0.5}, s.sums()[1], 0);
        assertArrayEquals(new double[] {1, 1}, s.sums()[2], 0);
        assertArrayEquals(new double[] {Math.tanh(2), Math.tanh(0.5)}, s.activations()[0], 0);
        assertArrayEquals(new double[] {0.964028, 0.462117}, s.activations()[0], 1e-6);
        assertArrayEquals(new double[] {Math.tanh(2) - Math.tanh(0.5), -Math.tanh(0.5), 0}, s.scores(), EXACT);
        assertArrayEquals(new double[] {0.501910, -0.462117, 0}, s.scores(), 1e-6);

        QueryAttention a = s.attention(1, null);
        assertEquals(1, a.divisor(), 0, "additive scores are not divided by √d_k");
        assertArrayEquals(s.scores(), a.scaledScores(), 0);
        assertArrayEquals(new double[] {0.503340, 0.191951, 0.304709}, a.weights(), 1e-6);
        assertEquals(1.477999, a.entropyBits(), 1e-6);
        assertEquals(2.785621, a.effectiveKeys(), 1e-6);
        assertNull(a.output());

        // The temperature divides the additive scores as it does the others.
        QueryAttention hot = s.attention(2, new double[][] {{1, 0}, {0, 1}, {0, 0}});
        assertEquals(2, hot.divisor(), 0);
        assertArrayEquals(new double[] {s.scores()[0] / 2, s.scores()[1] / 2, 0}, hot.scaledScores(), 0);
        assertArrayEquals(new double[] {hot.weights()[0], hot.weights()[1]}, hot.output(), EXACT);
    }

    // The preset: q = (1, 0), W_q = W_k = I, v = (1, 1).
    static final double[] FAVOURED_Q = {1, 0};
    static final double[][] FAVOURED_KEYS = {{4, 0}, {1, 1}, {0, -1}};
    static final double[][] IDENTITY = {{1, 0}, {0, 1}};
    static final double[] ONES = {1, 1};

    /*
     * Dot product: q · k = 4, 1, 0, so key 0 (long and aligned with q) wins.
     * Additive: tanh(1 + 4) + tanh(0) = 0.999909, tanh(2) + tanh(1) = 1.725622, tanh(1) + tanh(−1) = 0:
     * each hidden unit saturates at 1, so key 0's one large component buys almost nothing more than a
     * moderate one, and key 1, which moves both units, wins.
     */
    @Test
    void a_key_that_dot_product_attention_favours_and_additive_attention_does_not() {
        QueryAttention dot = QueryAttention.of(FAVOURED_Q, FAVOURED_KEYS, null, false, 1);
        QueryAttention scaled = QueryAttention.of(FAVOURED_Q, FAVOURED_KEYS, null, true, 1);
        AdditiveScores s = AdditiveScores.of(FAVOURED_Q, FAVOURED_KEYS, IDENTITY, IDENTITY, ONES);
        QueryAttention additive = s.attention(1, null);
        assertArrayEquals(new double[] {4, 1, 0}, dot.scores(), 0);
        assertArrayEquals(new double[] {0.999909, 1.725622, 0}, s.scores(), 1e-6);
        assertEquals(0, argmax(dot.weights()));
        assertEquals(0, argmax(scaled.weights()));
        assertEquals(1, argmax(additive.weights()));
    }

    @Test
    void dot_scores_are_the_scaled_ones_times_root_dk_before_the_softmax_and_a_temperature_can_stand_in() {
        Random r = new Random(3);
        for (int t = 0; t < 200; t++) {
            int n = 1 + r.nextInt(8);
            int d = 1 + r.nextInt(9);
            double[] q = gaussian(r, d, 2);
            double[][] k = gaussian(r, n, d, 2);
            double temperature = 0.2 + 3 * r.nextDouble();
            QueryAttention dot = QueryAttention.of(q, k, null, false, temperature);
            QueryAttention scaled = QueryAttention.of(q, k, null, true, temperature);
            assertArrayEquals(dot.scores(), scaled.scores(), 0, "the raw scores are the same dot products");
            for (int i = 0; i < n; i++) {
                assertEquals(dot.scaledScores()[i], scaled.scaledScores()[i] * Math.sqrt(d), EXACT * Math.max(1, Math.abs(dot.scaledScores()[i])));
            }
            // Scaling by √d_k is a temperature of √d_k · T for the unscaled scores.
            QueryAttention asTemperature = QueryAttention.of(q, k, null, false, temperature * Math.sqrt(d));
            assertArrayEquals(scaled.weights(), asTemperature.weights(), 0);
            // of is the dot product followed by fromScores: the very same numbers.
            QueryAttention viaScores = QueryAttention.fromScores(scaled.scores(), Math.sqrt(d) * temperature, null);
            assertArrayEquals(scaled.weights(), viaScores.weights(), 0);
            assertEquals(scaled.entropyBits(), viaScores.entropyBits(), 0);
        }
    }

    @Test
    void additive_scores_are_bounded_by_the_sum_of_v_and_adding_a_constant_changes_no_weight() {
        Random r = new Random(5);
        for (int t = 0; t < 200; t++) {
            int n = 1 + r.nextInt(8);
            int dq = 1 + r.nextInt(5);
            int dk = 1 + r.nextInt(5);
            int h = 1 + r.nextInt(AdditiveScores.MAX_HIDDEN);
            double scale = Math.pow(10, r.nextInt(7) - 2); // 0.01 … 10⁴: tanh from linear to saturated
            double[] v = gaussian(r, h, 1);
            AdditiveScores s = AdditiveScores.of(gaussian(r, dq, scale), gaussian(r, n, dk, scale), gaussian(r, h, dq, 1),
                    gaussian(r, h, dk, 1), v);
            double bound = 0;
            for (double vj : v) {
                bound += Math.abs(vj);
            }
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < h; j++) {
                    assertEquals(Math.tanh(s.sums()[i][j]), s.activations()[i][j], 0);
                }
                assertTrue(Math.abs(s.scores()[i]) <= bound, "|e_" + i + "| = " + Math.abs(s.scores()[i]) + " > Σ|v| = " + bound);
            }
            double c = r.nextGaussian() * 100;
            double[] shifted = s.scores().clone();
            for (int i = 0; i < n; i++) {
                shifted[i] += c;
            }
            assertArrayEquals(s.attention(1, null).weights(), QueryAttention.fromScores(shifted, 1, null).weights(), 1e-12);
        }
    }

    /*
     * While tanh is nearly linear (small inputs), e_i ≈ vᵀW_q q + vᵀW_k k_i: the query adds the same
     * amount to every score, and the softmax ignores that. Additive attention needs the curve of tanh
     * for the query to choose between keys at all.
     */
    @Test
    void in_tanhs_linear_range_the_query_does_not_change_the_weights() {
        double[][] keys = {{1e-4, 0}, {0, 2e-4}, {-1e-4, 1e-4}};
        double[][] wq = {{1, 2}, {-1, 0.5}, {0.3, 0.3}};
        double[][] wk = {{0.5, -1}, {1, 1}, {2, 0}};
        double[] v = {1, -2, 0.5};
        QueryAttention a = AdditiveScores.of(new double[] {1e-4, 0}, keys, wq, wk, v).attention(1e-4, null);
        QueryAttention b = AdditiveScores.of(new double[] {0, -1e-4}, keys, wq, wk, v).attention(1e-4, null);
        assertArrayEquals(a.weights(), b.weights(), 1e-7);
        // …and at a scale where tanh bends, the same query change moves the weights.
        double[][] big = {{1, 0}, {0, 2}, {-1, 1}};
        QueryAttention c = AdditiveScores.of(new double[] {1, 0}, big, wq, wk, v).attention(1, null);
        QueryAttention d = AdditiveScores.of(new double[] {0, -1}, big, wq, wk, v).attention(1, null);
        assertTrue(Math.abs(c.weights()[0] - d.weights()[0]) > 0.05);
    }

    @Test
    void the_query_and_the_keys_may_differ_in_length() {
        AdditiveScores s = AdditiveScores.of(new double[] {1, 2, 3}, new double[][] {{1}, {-1}},
                new double[][] {{0.1, 0.2, 0.3}}, new double[][] {{2}}, new double[] {1});
        assertArrayEquals(new double[] {Math.tanh(1.4 + 2), Math.tanh(1.4 - 2)}, s.scores(), EXACT);
    }

    @Test
    void several_queries_scored_additively_make_a_joint_table() {
        List<QueryAttention> rows = List.of(AdditiveScores.of(Q, KEYS, WQ, WK, V).attention(1, null),
                AdditiveScores.of(new double[] {0, 1}, KEYS, WQ, WK, V).attention(1, null));
        MultiQueryAttention m = MultiQueryAttention.fromRows(rows, null);
        assertEquals(rows.get(0).weights()[1] / 2, m.joint().p(0, 1), EXACT);
        assertEquals(rows.get(1).weights()[2] / 2, m.joint().p(1, 2), EXACT);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> MultiQueryAttention.fromRows(
                List.of(rows.get(0), QueryAttention.fromScores(new double[] {1, 2}, 1, null)), null))
                .getMessage().contains("query 1 was scored against 2 keys, but query 0 against 3"));
    }

    @Test
    void score_functions_have_stable_keys() {
        assertEquals("scaled-dot", ScoreFunction.SCALED_DOT.key());
        assertEquals("dot", ScoreFunction.DOT.key());
        assertEquals("additive", ScoreFunction.ADDITIVE.key());
        for (ScoreFunction f : ScoreFunction.values()) {
            assertEquals(f, ScoreFunction.fromKey(f.key()));
        }
        assertNull(ScoreFunction.fromKey("cosine"));
    }

    @Test
    void bad_input_is_refused_with_a_message_that_names_it() {
        assertMessage("W_q has 3 columns in row 1 but the query has 2 numbers",
                () -> AdditiveScores.of(Q, KEYS, new double[][] {{1, 0}, {0, 1, 2}}, WK, V));
        assertMessage("W_k has 1 columns in row 0 but key 0 has 2 numbers",
                () -> AdditiveScores.of(Q, KEYS, WQ, new double[][] {{1}, {1}}, V));
        assertMessage("h (the rows of W_q) is 9; it must be from 1 to 8",
                () -> AdditiveScores.of(Q, KEYS, new double[9][2], new double[9][2], new double[9]));
        assertMessage("h (the rows of W_q) is 0; it must be from 1 to 8",
                () -> AdditiveScores.of(Q, KEYS, new double[0][], new double[0][], new double[0]));
        assertMessage("W_k has 1 rows but W_q has 2; both need h rows",
                () -> AdditiveScores.of(Q, KEYS, WQ, new double[][] {{1, 0}}, V));
        assertMessage("v has 3 numbers but W_q has 2 rows; v needs h numbers",
                () -> AdditiveScores.of(Q, KEYS, WQ, WK, new double[] {1, 2, 3}));
        assertMessage("key 2 has 1 numbers, but key 0 has 2",
                () -> AdditiveScores.of(Q, new double[][] {{1, 0}, {0, 1}, {1}}, WQ, WK, V));
        assertMessage("number 1 of the query is NaN; every number must be finite",
                () -> AdditiveScores.of(new double[] {1, Double.NaN}, KEYS, WQ, WK, V));
        assertMessage("number 0 of key 1 is Infinity; every number must be finite",
                () -> AdditiveScores.of(Q, new double[][] {{1, 0}, {Double.POSITIVE_INFINITY, 1}}, WQ, WK, V));
        assertMessage("W_k (row 1, column 0) is -Infinity; every number must be finite",
                () -> AdditiveScores.of(Q, KEYS, WQ, new double[][] {{1, 0}, {Double.NEGATIVE_INFINITY, 0}}, V));
        assertMessage("number 0 of v is NaN", () -> AdditiveScores.of(Q, KEYS, WQ, WK, new double[] {Double.NaN, 1}));
        assertMessage("the query has no numbers", () -> AdditiveScores.of(new double[0], KEYS, WQ, WK, V));
        assertMessage("there are no keys", () -> AdditiveScores.of(Q, new double[0][], WQ, WK, V));
        assertMessage("W_q q + W_k k_0 at unit 0 is too large to compute with", () -> AdditiveScores.of(new double[] {1e300, 0},
                new double[][] {{1e300, 0}}, new double[][] {{1e300, 0}}, new double[][] {{-1e300, 0}}, new double[] {1}));
        AdditiveScores s = AdditiveScores.of(Q, KEYS, WQ, WK, V);
        assertMessage("the temperature is 0.0", () -> s.attention(0, null));
        assertMessage("there are 3 keys but 2 values", () -> s.attention(1, new double[2][1]));
        assertMessage("score 0 divided by 1.0E-310 is too large", () -> s.attention(1e-310, null));
        assertMessage("score 1 is not a number", () -> QueryAttention.fromScores(new double[] {1, Double.NaN}, 1, null));
        assertMessage("the scores are divided by -1.0", () -> QueryAttention.fromScores(new double[] {1}, -1, null));
        assertMessage("attention needs at least one key", () -> QueryAttention.fromScores(new double[0], 1, null));
    }

    /**
     * Scores, weights, H(α) and the output of all three score functions, on random inputs from the
     * linear range of tanh to deep saturation, against src/test/python/attention_scores.py (NumPy):
     * the same numbers to 1e-12 (relative to the number's size when it exceeds 1).
     */
    @Needs(Tool.NUMPY)
    @Test
    void every_score_function_agrees_with_numpy_to_1e_12() throws Exception {
        Random r = new Random(17);
        ArrayNode cases = JSON.createArrayNode();
        List<QueryAttention> ours = new ArrayList<>();
        for (int t = 0; t < 120; t++) {
            ScoreFunction f = ScoreFunction.values()[t % 3];
            int n = 1 + r.nextInt(10);
            int dq = 1 + r.nextInt(8);
            int dk = f == ScoreFunction.ADDITIVE ? 1 + r.nextInt(8) : dq;
            double scale = Math.pow(10, r.nextInt(4) - 2);
            double[] q = gaussian(r, dq, scale);
            double[][] keys = gaussian(r, n, dk, scale);
            double[][] values = r.nextBoolean() ? gaussian(r, n, 1 + r.nextInt(4), 1) : null;
            double temperature = 0.1 + 2 * r.nextDouble();
            ObjectNode c = cases.addObject().put("function", f.key()).put("temperature", temperature);
            c.set("q", JSON.valueToTree(q));
            c.set("keys", JSON.valueToTree(keys));
            c.set("values", JSON.valueToTree(values));
            if (f == ScoreFunction.ADDITIVE) {
                int h = 1 + r.nextInt(AdditiveScores.MAX_HIDDEN);
                double[][] wq = gaussian(r, h, dq, 1);
                double[][] wk = gaussian(r, h, dk, 1);
                double[] v = gaussian(r, h, 2);
                c.set("wq", JSON.valueToTree(wq));
                c.set("wk", JSON.valueToTree(wk));
                c.set("v", JSON.valueToTree(v));
                ours.add(AdditiveScores.of(q, keys, wq, wk, v).attention(temperature, values));
            } else {
                ours.add(QueryAttention.of(q, keys, values, f == ScoreFunction.SCALED_DOT, temperature));
            }
        }
        JsonNode theirs = JSON.readTree(ReferencePython.run("attention_scores.py", JSON.writeValueAsString(cases)));
        assertEquals(ours.size(), theirs.size());
        for (int t = 0; t < ours.size(); t++) {
            QueryAttention a = ours.get(t);
            JsonNode n = theirs.get(t);
            String which = "case " + t + " (" + cases.get(t).get("function").asText() + "): ";
            close(which + "scores", n.get("scores"), a.scores());
            close(which + "weights", n.get("weights"), a.weights());
            close(which + "H(α)", n.get("entropyBits").asDouble(), a.entropyBits());
            assertEquals(Entropy.of(a.weights(), LogBase.TWO), a.entropyBits(), 0);
            if (a.output() == null) {
                assertTrue(n.get("output").isNull(), which + "no values, no output");
            } else {
                close(which + "output", n.get("output"), a.output());
            }
        }
        assertNotEquals(0, ours.stream().filter(a -> a.output() != null).count());
    }

    private static void close(String what, JsonNode expected, double[] actual) {
        assertEquals(expected.size(), actual.length, what);
        for (int i = 0; i < actual.length; i++) {
            close(what + " [" + i + "]", expected.get(i).asDouble(), actual[i]);
        }
    }

    private static void close(String what, double expected, double actual) {
        assertEquals(expected, actual, EXACT * Math.max(1, Math.abs(expected)), what);
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable call) {
        String message = assertThrows(IllegalArgumentException.class, call).getMessage();
        assertTrue(message.contains(expected), "\"" + message + "\" should contain \"" + expected + "\"");
    }

    static int argmax(double[] x) {
        int best = 0;
        for (int i = 1; i < x.length; i++) {
            if (x[i] > x[best]) {
                best = i;
            }
        }
        return best;
    }

    private static double[] gaussian(Random r, int n, double scale) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextGaussian() * scale;
        }
        return x;
    }

    private static double[][] gaussian(Random r, int rows, int cols, double scale) {
        double[][] x = new double[rows][];
        for (int i = 0; i < rows; i++) {
            x[i] = gaussian(r, cols, scale);
        }
        return x;
    }
}
