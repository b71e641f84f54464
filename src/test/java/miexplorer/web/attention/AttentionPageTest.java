package miexplorer.web.attention;

import static miexplorer.testing.AttentionReference.*;
import static miexplorer.testing.PageText.*;
import static miexplorer.testing.PageText.byId;
import static miexplorer.testing.PageText.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.testtools.JavalinTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import miexplorer.testing.PageText.Res;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The attention explorer over HTTP: the hand-worked example as page, fragment and API; the softmax's invariance and stability; the bounds of the weights' entropy. */
class AttentionPageTest extends AttentionWebTests {
    // ---- 1. the hand-worked example: page, fragment, API --------------------------------------

    @Test
    void the_hand_check_holds_independently_of_the_app() {
        // the numbers in the comment above, recomputed from the definitions
        double[] s = scores(Q, K);
        assertArrayClose(new double[] {2, 0, 1}, s, 0);
        double[] a = softmax(divide(s, 2));
        double[] u = softmax(s);
        assertArrayClose(HAND_SCALED, a, 5e-7);
        assertArrayClose(HAND_UNSCALED, u, 5e-7);
        assertEquals(HAND_SCALED_H, entropy(a), 5e-7);
        assertEquals(HAND_UNSCALED_H, entropy(u), 5e-7);
        assertEquals("0.506", fixed(a[0], 3), "the exact weight rounds to 0.506, not the issue's 0.507");
    }

    @ParameterizedTest(name = "htmx = {0}")
    @ValueSource(booleans = {false, true})
    void page_and_fragment_show_the_hand_worked_numbers(boolean htmx) {
        JavalinTest.test(app(), (server, client) -> {
            Res res = get(client, SENTENCE, htmx);
            assertEquals(200, res.code());
            assertTrue(res.header("Vary").contains("HX-Request"), "Vary: HX-Request is sent");
            double[] a = softmax(divide(scores(Q, K), 2));
            double[] u = softmax(scores(Q, K));
            List<String[]> w = weightRows(res.body());
            assertEquals(3, w.size());
            String[] labels = {"the", "cat", "mat"};
            for (int i = 0; i < 3; i++) {
                assertEquals(labels[i], w.get(i)[0]);
                assertEquals(fixed(a[i], 3), w.get(i)[1], "scaled weight of " + labels[i]);
                assertEquals(fixed(u[i], 3), w.get(i)[2], "unscaled weight of " + labels[i]);
            }
            assertEquals(List.of("0.506", "0.186", "0.307"), List.of(w.get(0)[1], w.get(1)[1], w.get(2)[1]));
            assertEquals(List.of("0.665", "0.090", "0.245"), List.of(w.get(0)[2], w.get(1)[2], w.get(2)[2]));
            assertEquals("1.472 bits", byId(res.body(), "att-entropy"));
            assertEquals(fixed(entropy(a), 3) + " bits", byId(res.body(), "att-entropy"));
            assertEquals("1.201 bits", infoRow(res.body(), 0).get(1), "unscaled entropy beside it");
            assertEquals("1.585 bits", infoRow(res.body(), 0).get(2), "log2 3");
            assertEquals(fixed(Math.pow(2, entropy(a)), 3) + " of 3", infoRow(res.body(), 0).get(3));

            List<String[]> sm = softmaxRows(res.body(), 0);
            assertEquals(List.of("2.000", "0.000", "1.000"), column(sm, 1), "scores");
            assertEquals(List.of("1.000", "0.000", "0.500"), column(sm, 2), "scaled scores");
            assertEquals(List.of("0.000", "−1.000", "−0.500"), column(sm, 3), "minus the maximum");
            assertEquals(List.of("0.506", "0.186", "0.307"), column(sm, 5), "weights");
            assertEquals("(0.660, 0.340)", byId(res.body(), "output-0"));
            if (htmx) {
                assertFalse(res.body().contains("<html"), "a fragment is not a whole page");
                assertTrue(res.body().strip().startsWith("<div id=\"att-explorer\""), "the fragment is the explorer");
                assertTrue(res.body().contains("hx-swap-oob"), "the announcement rides along out of band");
            } else {
                assertTrue(res.body().contains("<html"), "the full page");
            }
        });
    }

    @Test
    void page_and_fragment_of_one_state_agree_exactly_and_no_parameters_is_the_sentence() {
        JavalinTest.test(app(), (server, client) -> {
            Res page = get(client, SENTENCE + "&digits=6", false);
            Res fragment = get(client, SENTENCE + "&digits=6", true);
            assertEquals(explorer(page.body()), explorer(fragment.body()), "the same explorer markup in both");
            assertEquals(fixed(HAND_SCALED_H, 6) + " bits", byId(page.body(), "att-entropy"));
            assertEquals("1.471825 bits", byId(fragment.body(), "att-entropy"));
            Res plain = get(client, "/attention", false);
            assertEquals(200, plain.code());
            assertEquals(explorer(get(client, SENTENCE, false).body()), explorer(plain.body()),
                    "GET /attention without parameters is the sentence preset");
        });
    }

    @Test
    void the_api_gives_the_hand_worked_numbers_at_full_precision() {
        JavalinTest.test(app(), (server, client) -> {
            Res res = api(client, SENTENCE_JSON + ", \"v\": [[1, 0], [0, 1], [0.5, 0.5]], \"scale\": true, \"temperature\": 1}");
            assertEquals(200, res.code(), res.body());
            assertTrue(res.header("Content-Type").startsWith("application/json"));
            JsonNode r = JSON.readTree(res.body());
            double[] s = scores(Q, K);
            double[] a = softmax(divide(s, 2));
            assertArrayClose(s, doubles(r.get("scores")), 1e-12);
            assertArrayClose(new double[] {1, 0, 0.5}, doubles(r.get("scaledScores")), 1e-12);
            assertArrayClose(a, doubles(r.get("weights")), 1e-12);
            assertArrayClose(HAND_SCALED, doubles(r.get("weights")), 5e-7);
            assertEquals(entropy(a), r.get("entropyBits").asDouble(), 1e-12);
            assertEquals(HAND_SCALED_H, r.get("entropyBits").asDouble(), 5e-7);
            assertEquals(log2(3), r.get("maxEntropyBits").asDouble(), 1e-12);
            assertEquals(Math.pow(2, entropy(a)), r.get("effectiveKeys").asDouble(), 1e-12);
            assertArrayClose(output(a, V), doubles(r.get("output")), 1e-12);
            assertArrayClose(new double[] {0.660078, 0.339922}, doubles(r.get("output")), 5e-7);

            JsonNode un = JSON.readTree(api(client, SENTENCE_JSON + ", \"scale\": false}").body());
            double[] u = softmax(s);
            assertArrayClose(s, doubles(un.get("scaledScores")), 1e-12);
            assertArrayClose(u, doubles(un.get("weights")), 1e-12);
            assertArrayClose(HAND_UNSCALED, doubles(un.get("weights")), 5e-7);
            assertEquals(entropy(u), un.get("entropyBits").asDouble(), 1e-12);
            assertEquals(HAND_UNSCALED_H, un.get("entropyBits").asDouble(), 5e-7);
        });
    }

    @Test
    void page_fragment_and_api_agree_on_a_state_that_is_not_a_preset() {
        // q = (0.5, -1, 2), three keys, T = 0.7, scaling on: d_k = 3
        double[] q = {0.5, -1, 2};
        double[][] k = {{1, 1, 1}, {-2, 0.5, 0}, {0, -1, 1.5}};
        JavalinTest.test(app(), (server, client) -> {
            String url = "/attention?ql=q&q=0.5,+-1,+2&kl=a&k=1,1,1&kl=b&k=-2,0.5,0&kl=c&k=0,-1,1.5&scale=1&temp=0.7&digits=9";
            Res page = get(client, url, false);
            Res fragment = get(client, url, true);
            assertEquals(200, page.code());
            assertEquals(explorer(page.body()), explorer(fragment.body()));
            JsonNode r = JSON.readTree(api(client, "{\"q\": [0.5, -1, 2], \"k\": [[1,1,1],[-2,0.5,0],[0,-1,1.5]], \"temperature\": 0.7}").body());
            double[] a = softmax(divide(scores(q, k), Math.sqrt(3) * 0.7));
            assertArrayClose(a, doubles(r.get("weights")), 1e-12);
            List<String[]> w = weightRows(page.body());
            for (int i = 0; i < 3; i++) {
                assertEquals(fixed(r.get("weights").get(i).asDouble(), 9), w.get(i)[1], "page and API, weight " + i);
                assertEquals(fixed(a[i], 9), w.get(i)[1]);
            }
            assertEquals(fixed(r.get("entropyBits").asDouble(), 9) + " bits", byId(page.body(), "att-entropy"));
        });
    }

    // ---- 2. softmax invariance and stability ---------------------------------------------------

    @Test
    void adding_a_constant_to_every_score_leaves_the_weights_unchanged() {
        // An extra component: q gains c, every key gains 1, so every score gains c. d_k = 5 either way.
        JavalinTest.test(app(), (server, client) -> {
            for (boolean scale : new boolean[] {true, false}) {
                JsonNode base = JSON.readTree(api(client, "{\"q\": [1,0,1,0,0], \"k\": [[1,0,1,0,1],[0,1,0,1,1],[1,1,0,0,1]],"
                        + " \"scale\": " + scale + "}").body());
                double[] expected = softmax(divide(new double[] {2, 0, 1}, scale ? Math.sqrt(5) : 1));
                assertArrayClose(expected, doubles(base.get("weights")), 1e-12);
                for (String c : List.of("7", "-3.5", "1000", "1e6")) {
                    JsonNode shifted = JSON.readTree(api(client, "{\"q\": [1,0,1,0," + c + "], \"k\": [[1,0,1,0,1],[0,1,0,1,1],[1,1,0,0,1]],"
                            + " \"scale\": " + scale + "}").body());
                    double shift = Double.parseDouble(c);
                    assertArrayClose(new double[] {2 + shift, shift, 1 + shift}, doubles(shifted.get("scores")), 1e-9);
                    // a shift of 1e6 leaves about 1e-10 of rounding in the scores; weights move by no more
                    assertArrayClose(doubles(base.get("weights")), doubles(shifted.get("weights")), 1e-9);
                    assertEquals(base.get("entropyBits").asDouble(), shifted.get("entropyBits").asDouble(), 1e-9);
                }
            }
            // the page shows the same weights with and without the shift
            Res plain = get(client, "/attention?q=1,0,1,0,0&k=1,0,1,0,1&k=0,1,0,1,1&k=1,1,0,0,1", false);
            Res shifted = get(client, "/attention?q=1,0,1,0,1000&k=1,0,1,0,1&k=0,1,0,1,1&k=1,1,0,0,1", false);
            assertEquals(200, shifted.code());
            assertEquals(column(weightRows(plain.body()), 1), column(weightRows(shifted.body()), 1));
            assertEquals(column(weightRows(plain.body()), 2), column(weightRows(shifted.body()), 2));
        });
    }

    @Test
    void scores_of_a_million_give_finite_weights_that_add_up_to_one() {
        JavalinTest.test(app(), (server, client) -> {
            for (boolean scale : new boolean[] {true, false}) {
                // q = [1000], keys 1000, 999, 0: scores 1e6, 999000, 0; √1 = 1 so scaling changes nothing
                JsonNode r = JSON.readTree(api(client, "{\"q\": [1000], \"k\": [[1000],[999],[0]], \"scale\": " + scale + "}").body());
                assertFinitePmf(doubles(r.get("weights")));
                assertArrayClose(new double[] {1e6, 999000, 0}, doubles(r.get("scores")), 0);
                // exp(-1000) underflows to 0: one-hot
                assertArrayClose(new double[] {1, 0, 0}, doubles(r.get("weights")), 1e-15);
                assertEquals(0, r.get("entropyBits").asDouble(), 1e-12);
                assertEquals(1, r.get("effectiveKeys").asDouble(), 1e-12);

                // d_k = 1024 with components 1e3: scores ≈ 1.024e9; two keys one unit apart
                double[] big = new double[1024];
                java.util.Arrays.fill(big, 1000);
                double[] near = big.clone();
                near[1023] = 999.999; // score 0.001·1000 = 1 below
                ObjectNode body = JSON.createObjectNode();
                body.set("q", JSON.valueToTree(big));
                body.set("k", JSON.valueToTree(new double[][] {big, near, new double[1024]}));
                body.put("scale", scale);
                JsonNode h = JSON.readTree(api(client, body.toString()).body());
                double[] w = doubles(h.get("weights"));
                assertFinitePmf(w);
                double gap = scale ? 1.0 / 32 : 1; // the gap of 1, divided by √1024 = 32 when scaling
                assertArrayClose(softmax(new double[] {gap, 0, -1.024e9}), w, 1e-6);
                assertTrue(Math.abs(doubles(h.get("scores"))[0] - 1.024e9) < 1e-3, h.get("scores").toString());
            }
            // and the page: nothing printed as NaN or undefined
            Res page = get(client, "/attention?q=1000&k=1000&k=999&k=0&scale=0", false);
            assertEquals(200, page.code());
            assertEquals(List.of("1.000", "0.000", "0.000"), column(weightRows(page.body()), 2));
            assertEquals("0.000 bits", byId(page.body(), "att-entropy"));
            assertFalse(page.body().contains("NaN") || page.body().contains("undefined") || page.body().contains("∞"), "no NaN on the page");
        });
    }

    // ---- 3. 0 ≤ H ≤ log2 n, with both equalities; temperature → 0 --------------------------------

    @Test
    void identical_keys_give_the_maximum_entropy_and_all_n_keys_attended() {
        JavalinTest.test(app(), (server, client) -> {
            JsonNode r = JSON.readTree(api(client, "{\"q\": [1, 2, 3], \"k\": [[1,1,1],[1,1,1],[1,1,1],[1,1,1]]}").body());
            assertArrayClose(new double[] {0.25, 0.25, 0.25, 0.25}, doubles(r.get("weights")), 1e-15);
            assertEquals(2, r.get("entropyBits").asDouble(), 1e-12, "log2 4");
            assertEquals(2, r.get("maxEntropyBits").asDouble(), 1e-12);
            assertEquals(4, r.get("effectiveKeys").asDouble(), 1e-9);

            Res page = get(client, "/attention?ql=q&q=1,+2,+3&kl=a&k=1,+1,+1&kl=b&k=1,+1,+1&kl=c&k=1,+1,+1&kl=d&k=1,+1,+1&scale=1&temp=1", false);
            assertEquals(200, page.code());
            List<String> row = infoRow(page.body(), 0);
            assertEquals("2.000 bits", row.get(0));
            assertEquals("2.000 bits", row.get(1));
            assertEquals("2.000 bits", row.get(2));
            assertEquals("4.000 of 4", row.get(3));
            assertEquals(List.of("0.250", "0.250", "0.250", "0.250"), column(weightRows(page.body()), 1));
        });
    }

    @Test
    void a_dominant_key_at_a_small_temperature_is_one_hot_with_zero_entropy() {
        JavalinTest.test(app(), (server, client) -> {
            // T = 0.01: scaled scores 100, 0, 50, so α ≈ (1 − e^−50, e^−100, e^−50)
            JsonNode r = JSON.readTree(api(client, SENTENCE_JSON + ", \"temperature\": 0.01}").body());
            double[] w = doubles(r.get("weights"));
            assertArrayClose(new double[] {1, 0, 0}, w, 1e-12);
            assertArrayClose(softmax(new double[] {100, 0, 50}), w, 1e-15);
            assertEquals(0, r.get("entropyBits").asDouble(), 1e-12);
            assertTrue(r.get("entropyBits").asDouble() >= 0, "never negative");
            assertEquals(1, r.get("effectiveKeys").asDouble(), 1e-12);
            Res page = get(client, SENTENCE.replace("temp=1", "temp=0.01"), false);
            assertEquals("0.000 bits", byId(page.body(), "att-entropy"));
            assertEquals(List.of("1.000", "0.000", "0.000"), column(weightRows(page.body()), 1));
        });
    }

    @Test
    void lowering_the_temperature_tends_to_one_hot_with_falling_entropy() {
        JavalinTest.test(app(), (server, client) -> {
            double previous = Double.POSITIVE_INFINITY;
            double[] s = scores(Q, K);
            for (double t : new double[] {10, 1, 0.5, 0.1, 0.01, 0.001}) {
                JsonNode r = JSON.readTree(api(client, SENTENCE_JSON + ", \"temperature\": " + t + "}").body());
                double h = r.get("entropyBits").asDouble();
                double[] expected = softmax(divide(s, 2 * t));
                assertArrayClose(expected, doubles(r.get("weights")), 1e-12);
                assertEquals(entropy(expected), h, 1e-12, "T = " + t);
                assertTrue(h < previous || h == 0 && previous < 1e-12, "entropy falls as T falls: T = " + t + " gives " + h + " after " + previous);
                previous = h;
            }
            assertTrue(previous < 1e-12, "at T = 0.001 the weights are one-hot");
            // the page agrees at T = 1, 0.1, 0.01
            List<String> shown = new ArrayList<>();
            for (String t : List.of("1", "0.1", "0.01")) {
                shown.add(byId(get(client, SENTENCE.replace("temp=1", "temp=" + t) + "&digits=6", false).body(), "att-entropy"));
            }
            assertEquals(List.of(fixed(entropy(softmax(divide(s, 2))), 6) + " bits",
                    fixed(entropy(softmax(divide(s, 0.2))), 6) + " bits", "0.000000 bits"), shown);
        });
    }

    @Test
    void entropy_stays_between_zero_and_log2_n_for_many_random_states() {
        Random random = new Random(20260301);
        JavalinTest.test(app(), (server, client) -> {
            for (int trial = 0; trial < 25; trial++) {
                int n = 1 + random.nextInt(12);
                int d = 1 + random.nextInt(10);
                double spread = Math.pow(10, random.nextInt(4) - 1); // 0.1 … 100
                double[] q = new double[d];
                double[][] k = new double[n][d];
                for (int j = 0; j < d; j++) {
                    q[j] = Math.round(random.nextGaussian() * spread * 1000) / 1000.0;
                    for (int i = 0; i < n; i++) {
                        k[i][j] = Math.round(random.nextGaussian() * spread * 1000) / 1000.0;
                    }
                }
                boolean scale = random.nextBoolean();
                double t = new double[] {0.05, 0.5, 1, 3}[random.nextInt(4)];
                ObjectNode body = JSON.createObjectNode();
                body.set("q", JSON.valueToTree(q));
                body.set("k", JSON.valueToTree(k));
                body.put("scale", scale);
                body.put("temperature", t);
                Res res = api(client, body.toString());
                assertEquals(200, res.code(), body + " → " + res.body());
                JsonNode r = JSON.readTree(res.body());
                double[] w = doubles(r.get("weights"));
                assertFinitePmf(w);
                double[] expected = softmax(divide(scores(q, k), (scale ? Math.sqrt(d) : 1) * t));
                assertArrayClose(expected, w, 1e-9);
                double h = r.get("entropyBits").asDouble();
                assertTrue(h >= -1e-12 && h <= log2(n) + 1e-12, "0 ≤ H ≤ log2 n: " + h + " for n = " + n);
                assertEquals(entropy(expected), h, 1e-9);
                assertEquals(log2(n), r.get("maxEntropyBits").asDouble(), 1e-12);
                double eff = r.get("effectiveKeys").asDouble();
                assertTrue(eff >= 1 - 1e-9 && eff <= n + 1e-9, "1 ≤ 2^H ≤ n: " + eff);
            }
            // n = 1: the one key takes all the weight, H = log2 1 = 0 (both bounds at once)
            JsonNode one = JSON.readTree(api(client, "{\"q\": [3, -4], \"k\": [[5, 7]]}").body());
            assertArrayClose(new double[] {1}, doubles(one.get("weights")), 0);
            assertEquals(0, one.get("entropyBits").asDouble(), 1e-15);
            assertEquals(0, one.get("maxEntropyBits").asDouble(), 1e-15);
        });
    }
}
