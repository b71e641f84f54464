package miexplorer.web;

import static miexplorer.testing.PageText.byId;
import static miexplorer.testing.PageText.get;
import static miexplorer.testing.PageText.raw;
import static miexplorer.testing.PageText.read;
import static miexplorer.testing.PageText.unescape;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.testtools.FormBody;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import miexplorer.testing.PageText.Res;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The attention explorer over HTTP, with javalin-testtools: the page at /attention and its htmx
 * fragment, the canonical URL and the form's actions, bad input, the √d_k experiment at
 * /attention/scaling, and the JSON API at /api/attention.
 *
 * <p>Expected numbers are worked out here from the definitions (softmax, entropy and mutual
 * information are a few lines each, below), or by hand in the comments; nothing is asked of the
 * app's own attention classes. Every response goes through {@link #call}, which fails the test on
 * a 5xx or anything that looks like a stack trace.
 */
class AttentionWebTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /*
     * The hand check. q = (1,0,1,0); keys the = (1,0,1,0), cat = (0,1,0,1), mat = (1,1,0,0).
     *   scores   s = (2, 0, 1)
     *   scaled   s / √4 = (1, 0, 0.5)
     *   exp      (2.718282, 1, 1.648721), Z = 5.367003
     *   weights  (0.506480, 0.186324, 0.307196)   — "about 0.507" in the issue; the exact value rounds to 0.506
     *   H        −Σ α log2 α = 1.471825 bits, at most log2 3 = 1.584963 bits, 2^H = 2.773725 keys
     *   output   0.506480·(1,0) + 0.186324·(0,1) + 0.307196·(0.5,0.5) = (0.660078, 0.339922)
     * Unscaled: exp(2, 0, 1) = (7.389056, 1, 2.718282), Z = 11.107338
     *   weights  (0.665241, 0.090031, 0.244728), H = 1.200893 bits
     */
    private static final double[] Q = {1, 0, 1, 0};
    private static final double[][] K = {{1, 0, 1, 0}, {0, 1, 0, 1}, {1, 1, 0, 0}};
    private static final double[][] V = {{1, 0}, {0, 1}, {0.5, 0.5}};
    private static final double[] HAND_SCALED = {0.506480, 0.186324, 0.307196};
    private static final double HAND_SCALED_H = 1.471825;
    private static final double[] HAND_UNSCALED = {0.665241, 0.090031, 0.244728};
    private static final double HAND_UNSCALED_H = 1.200893;

    /** The canonical URL of the sentence preset (also what GET /attention with no parameters shows). */
    private static final String SENTENCE = "/attention?ql=sat&q=1,+0,+1,+0&kl=the&k=1,+0,+1,+0&v=1,+0"
            + "&kl=cat&k=0,+1,+0,+1&v=0,+1&kl=mat&k=1,+1,+0,+0&v=0.5,+0.5&scale=1&temp=1";

    private static final String SENTENCE_JSON = "{\"q\": [1, 0, 1, 0], \"k\": [[1,0,1,0], [0,1,0,1], [1,1,0,0]]";

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

    // ---- 4. the canonical URL and the form's actions -------------------------------------------

    private static Form sentenceForm() {
        return new Form().set("ql", "sat").set("q", "1, 0, 1, 0").set("prior", "")
                .set("kl", "the", "cat", "mat").set("k", "1, 0, 1, 0", "0, 1, 0, 1", "1, 1, 0, 0")
                .set("v", "1, 0", "0, 1", "0.5, 0.5")
                .set("scale", "0", "1").set("temp", "1").set("digits", "3").set("dk", "4").set("action", "update");
    }

    @Test
    void posting_with_htmx_pushes_the_canonical_url_which_reopens_the_same_state() {
        JavalinTest.test(app(), (server, client) -> {
            Res posted = post(client, sentenceForm(), true);
            assertEquals(200, posted.code());
            assertTrue(posted.body().strip().startsWith("<div id=\"att-explorer\""));
            assertTrue(posted.body().contains("<div id=\"announce\"") && posted.body().contains("hx-swap-oob"), "the OOB announcement");
            assertTrue(posted.header("Vary").contains("HX-Request"));
            assertEquals(SENTENCE, posted.header("HX-Push-Url"));

            Res changed = post(client, sentenceForm().set("q", "0.5, -1, 2, 1/4").set("temp", "0.8").set("digits", "6"), true);
            String url = changed.header("HX-Push-Url");
            assertNotNull(url);
            assertTrue(url.contains("q=0.5,+-1,+2,+1/4") && url.contains("temp=0.8") && url.contains("digits=6"), url);
            Res reopened = get(client, url, false);
            assertEquals(200, reopened.code());
            assertTrue(reopened.body().contains("<html"));
            assertEquals(explorer(changed.body()), explorer(reopened.body()), "the same state and numbers");
            assertEquals(List.of("0.5, -1, 2, 1/4"), inputs(reopened.body(), "q"), "typed as it was");
        });
    }

    @Test
    void posting_without_javascript_redirects_303_to_the_same_canonical_url() {
        JavalinTest.test(app(), (server, client) -> {
            Form form = sentenceForm().set("temp", "2").set("kl", "the", "cat", "a mat");
            String pushed = post(client, form, true).header("HX-Push-Url");
            Res posted = post(client, form, false);
            assertEquals(303, posted.code());
            assertTrue(posted.header("Vary").contains("HX-Request"), "the redirect varies on HX-Request too");
            assertEquals(pushed, posted.header("Location"));
            Res page = get(client, posted.header("Location"), false);
            assertEquals(200, page.code());
            assertEquals(List.of("the", "cat", "a mat"), inputs(page.body(), "kl"));
            // T = 2: s / (2·2) = (0.5, 0, 0.25)
            assertEquals(fixed(entropy(softmax(new double[] {0.5, 0, 0.25})), 3) + " bits", byId(page.body(), "att-entropy"));
            assertEquals(explorer(post(client, form, true).body()), explorer(page.body()));
        });
    }

    @Test
    void add_key_appends_a_zero_key_and_value() {
        JavalinTest.test(app(), (server, client) -> {
            Res res = post(client, sentenceForm().set("action", "add-key"), true);
            assertEquals(200, res.code());
            assertEquals(List.of("the", "cat", "mat", "k4"), inputs(res.body(), "kl"));
            assertEquals(List.of("1, 0, 1, 0", "0, 1, 0, 1", "1, 1, 0, 0", "0, 0, 0, 0"), inputs(res.body(), "k"));
            assertEquals(List.of("1, 0", "0, 1", "0.5, 0.5", "0, 0"), inputs(res.body(), "v"));
            double[] a = softmax(new double[] {1, 0, 0.5, 0}); // scores (2, 0, 1, 0) / 2
            assertEquals(fixed(a[0], 3), weightRows(res.body()).get(0)[1]);
            assertEquals(fixed(entropy(a), 3) + " bits", byId(res.body(), "att-entropy"));
            assertTrue(res.header("HX-Push-Url").contains("kl=k4&k=0,+0,+0,+0&v=0,+0"), res.header("HX-Push-Url"));
        });
    }

    @Test
    void remove_key_0_drops_the_first_key() {
        JavalinTest.test(app(), (server, client) -> {
            Res res = post(client, sentenceForm().set("action", "remove-key-0"), true);
            assertEquals(200, res.code());
            assertEquals(List.of("cat", "mat"), inputs(res.body(), "kl"));
            assertEquals(List.of("0, 1", "0.5, 0.5"), inputs(res.body(), "v"));
            double[] a = softmax(new double[] {0, 0.5});
            assertEquals(List.of(fixed(a[0], 3), fixed(a[1], 3)), column(weightRows(res.body()), 1));
            assertEquals(fixed(entropy(a), 3) + " bits", byId(res.body(), "att-entropy"));
            // and the last key cannot go
            Res last = post(client, sentenceForm().set("kl", "the").set("k", "1, 0, 1, 0").set("v", "").set("action", "remove-key-0"), true);
            assertEquals(422, last.code());
            assertTrue(errorText(last.body(), "att-err-keys").contains("at least one key"), last.body());
        });
    }

    @Test
    void add_query_shows_the_matrix_and_i_query_key_and_remove_query_takes_it_away() {
        JavalinTest.test(app(), (server, client) -> {
            Res single = post(client, sentenceForm(), true);
            assertNull(byId(single.body(), "att-mi"), "one query: no I(query; key)");
            assertFalse(single.body().contains("id=\"att-matrix-title\""));

            Res two = post(client, sentenceForm().set("action", "add-query"), true);
            assertEquals(200, two.code());
            assertEquals(List.of("sat", "q2"), inputs(two.body(), "ql"));
            assertEquals(List.of("1, 0, 1, 0", "0, 0, 0, 0"), inputs(two.body(), "q"));
            assertTrue(two.body().contains("id=\"att-matrix-title\""), "the heatmap of the attention matrix");
            // q2 = 0 scores every key 0: uniform weights
            double[][] w = {softmax(new double[] {1, 0, 0.5}), {1.0 / 3, 1.0 / 3, 1.0 / 3}};
            assertEquals("I(query; key) = " + fixed(mutualInformation(joint(w, new double[] {0.5, 0.5})), 3) + " bits",
                    byId(two.body(), "att-mi"));
            assertEquals(2, infoRows(two.body()).size());
            assertEquals(fixed(log2(3), 3) + " bits", infoRows(two.body()).get(1).get(0), "the uniform row has H = log2 3");

            Form twoForm = sentenceForm().set("ql", "sat", "q2").set("q", "1, 0, 1, 0", "0, 0, 0, 0").set("prior", "", "");
            Res back = post(client, twoForm.set("action", "remove-query-1"), true);
            assertEquals(200, back.code());
            assertEquals(List.of("sat"), inputs(back.body(), "ql"));
            assertNull(byId(back.body(), "att-mi"));
            assertEquals(explorer(single.body()), explorer(back.body()), "back to the single query");
            Res first = post(client, twoForm.set("action", "remove-query-0"), true);
            assertEquals(List.of("q2"), inputs(first.body(), "ql"));
            assertEquals("1.585 bits", byId(first.body(), "att-entropy"));
        });
    }

    @Test
    void set_dk_to_6_pads_with_zeros_and_keeps_the_scores() {
        JavalinTest.test(app(), (server, client) -> {
            Res res = post(client, sentenceForm().set("dk", "6").set("action", "set-dk"), true);
            assertEquals(200, res.code());
            assertEquals(List.of("1, 0, 1, 0, 0, 0"), inputs(res.body(), "q"));
            assertEquals(List.of("1, 0, 1, 0, 0, 0", "0, 1, 0, 1, 0, 0", "1, 1, 0, 0, 0, 0"), inputs(res.body(), "k"));
            assertEquals(List.of("1, 0", "0, 1", "0.5, 0.5"), inputs(res.body(), "v"), "values keep their own d_v");
            assertEquals(List.of("6"), inputs(res.body(), "dk"));
            List<String[]> sm = softmaxRows(res.body(), 0);
            assertEquals(List.of("2.000", "0.000", "1.000"), column(sm, 1), "the zeros add nothing to the scores");
            double[] a = softmax(divide(new double[] {2, 0, 1}, Math.sqrt(6)));
            assertEquals(List.of(fixed(a[0], 3), fixed(a[1], 3), fixed(a[2], 3)), column(sm, 5), "but √6 divides them now");
            assertEquals(fixed(entropy(a), 3) + " bits", byId(res.body(), "att-entropy"));
        });
    }

    @Test
    void set_dk_to_2_truncates_every_vector() {
        JavalinTest.test(app(), (server, client) -> {
            Res res = post(client, sentenceForm().set("dk", "2").set("action", "set-dk"), true);
            assertEquals(200, res.code());
            assertEquals(List.of("1, 0"), inputs(res.body(), "q"));
            assertEquals(List.of("1, 0", "0, 1", "1, 1"), inputs(res.body(), "k"));
            // scores (1, 0, 1) / √2
            List<String[]> sm = softmaxRows(res.body(), 0);
            assertEquals(List.of("1.000", "0.000", "1.000"), column(sm, 1));
            double[] a = softmax(divide(new double[] {1, 0, 1}, Math.sqrt(2)));
            assertEquals(fixed(entropy(a), 3) + " bits", byId(res.body(), "att-entropy"));
            assertTrue(res.header("HX-Push-Url").contains("q=1,+0&"), res.header("HX-Push-Url"));
        });
    }

    @Test
    void reset_goes_back_to_the_sentence() {
        JavalinTest.test(app(), (server, client) -> {
            Form changed = sentenceForm().set("ql", "x", "y").set("q", "3, 3", "1, 2").set("prior", "1", "2")
                    .set("kl", "a").set("k", "1, 1").set("v", "").set("scale", "0").set("temp", "5").set("digits", "9");
            Res res = post(client, changed.set("action", "reset"), true);
            assertEquals(200, res.code());
            assertEquals(SENTENCE, res.header("HX-Push-Url"));
            assertEquals(explorer(get(client, SENTENCE, true).body()), explorer(res.body()));
            Res noJs = post(client, changed.set("action", "reset"), false);
            assertEquals(303, noJs.code());
            assertEquals(SENTENCE, noJs.header("Location"));
        });
    }

    @Test
    void unticking_scale_sends_only_the_hidden_0_and_shows_the_unscaled_entropy() {
        JavalinTest.test(app(), (server, client) -> {
            // The results table has fixed columns, "H(α) scaled" (id att-entropy) and "H(α) unscaled", so it shows
            // both whichever way the box is set; the entropy *as set* is the worked steps' and the announcement's.
            Res on = post(client, sentenceForm(), true);
            assertTrue(scaleChecked(on.body()), "0 then 1: ticked");
            assertTrue(announcement(on.body()).contains("Entropy 1.472 bits"), announcement(on.body()));
            assertTrue(on.body().contains("2<sup>H(α)</sup> = 2.774 of 3"), "the worked steps use the scaled weights");

            Res res = post(client, sentenceForm().set("scale", "0"), true);
            assertEquals(200, res.code());
            assertFalse(scaleChecked(res.body()), "the checkbox is unticked");
            assertTrue(res.header("HX-Push-Url").contains("scale=0"), res.header("HX-Push-Url"));
            assertEquals(fixed(HAND_UNSCALED_H, 3), "1.201");
            assertTrue(announcement(res.body()).contains("Entropy 1.201 bits"), "the entropy as set is the unscaled one: " + announcement(res.body()));
            assertTrue(res.body().contains("<mo>=</mo><mn>1.201</mn><mspace width=\"0.3em\"></mspace><mtext>bits</mtext>"),
                    "the worked H(α) is the unscaled one");
            assertTrue(res.body().contains("2<sup>H(α)</sup> = " + fixed(Math.pow(2, HAND_UNSCALED_H), 3) + " of 3"));
            // the side-by-side table still shows both
            assertEquals("1.472 bits", byId(res.body(), "att-entropy"), "the scaled column");
            assertEquals("1.201 bits", infoRow(res.body(), 0).get(1), "the unscaled column");
            assertEquals(List.of("0.506", "0.186", "0.307"), column(weightRows(res.body()), 1));
            assertEquals(List.of("0.665", "0.090", "0.245"), column(weightRows(res.body()), 2));
            // the softmax works on the unscaled scores now
            List<String[]> sm = softmaxRows(res.body(), 0);
            assertEquals(List.of("2.000", "0.000", "1.000"), column(sm, 2), "unscaled: the scores go in as they are");
            assertEquals(List.of("0.665", "0.090", "0.245"), column(sm, 5));
            assertTrue(res.body().contains("Scaling is off"), "step 2 says so");
            Res again = get(client, res.header("HX-Push-Url"), false);
            assertFalse(scaleChecked(again.body()));
            assertEquals(explorer(res.body()), explorer(again.body()));
        });
    }

    // ---- 5. several queries: I(query; key) ------------------------------------------------------

    /** Two queries that prefer different keys (the two-query preset): q = (2,0), (0,2); keys (2,0), (1,1), (0,2). */
    private static final double[][] TWO_Q = {{2, 0}, {0, 2}};
    private static final double[][] TWO_K = {{2, 0}, {1, 1}, {0, 2}};
    private static final String TWO_URL = "/attention?ql=looks+left&q=2,+0&ql=looks+right&q=0,+2"
            + "&kl=left&k=2,+0&kl=middle&k=1,+1&kl=right&k=0,+2&scale=1&temp=1";

    /** TWO_URL with a prior weight after each query. */
    private static String withPrior(String first, String second) {
        return TWO_URL.replace("&q=2,+0&", "&q=2,+0&prior=" + first + "&").replace("&q=0,+2&", "&q=0,+2&prior=" + second + "&");
    }

    @ParameterizedTest(name = "prior = {0}")
    @ValueSource(strings = {"", "3,1"})
    void i_query_key_on_the_page_equals_what_the_api_and_api_mi_give(String priorText) {
        double[] prior = priorText.isEmpty() ? new double[] {0.5, 0.5} : new double[] {0.75, 0.25};
        String url = priorText.isEmpty() ? TWO_URL : withPrior("3", "1");
        JavalinTest.test(app(), (server, client) -> {
            Res page = get(client, url + "&digits=12", false);
            assertEquals(200, page.code());
            double shown = Double.parseDouble(miShown(page.body()));

            String priorJson = priorText.isEmpty() ? "" : ", \"prior\": [3, 1]";
            JsonNode r = JSON.readTree(api(client, "{\"q\": [[2, 0], [0, 2]], \"k\": [[2,0],[1,1],[0,2]]" + priorJson + "}").body());
            // the joint table P(q, k) = prior(q) · α, built here from the API's weights
            JsonNode w = r.get("weights");
            double[][] alpha = {doubles(w.get(0)), doubles(w.get(1))};
            double[][] p = joint(alpha, prior);
            ObjectNode body = JSON.createObjectNode();
            body.set("p", JSON.valueToTree(p));
            body.put("kind", "probabilities");
            Res mi = raw(client, "/api/mi", body.toString(), "application/json", false);
            assertEquals(200, mi.code(), mi.body());
            double fromMi = JSON.readTree(mi.body()).get("mutualInformation").asDouble();

            assertEquals(fromMi, shown, 1e-9, "the page's I(query; key) and /api/mi's");
            assertEquals(fromMi, r.get("queryKeyMutualInformationBits").asDouble(), 1e-9, "the API's and /api/mi's");
            // and from the definitions, with weights computed here
            double[][] expectedAlpha = new double[2][];
            for (int m = 0; m < 2; m++) {
                expectedAlpha[m] = softmax(divide(scores(TWO_Q[m], TWO_K), Math.sqrt(2)));
                assertArrayClose(expectedAlpha[m], alpha[m], 1e-12);
            }
            double expected = mutualInformation(joint(expectedAlpha, prior));
            assertEquals(expected, fromMi, 1e-12);
            assertEquals(expected, shown, 1e-9);
        });
    }

    @Test
    void a_prior_changes_i_query_key_as_the_definition_says() {
        JavalinTest.test(app(), (server, client) -> {
            double[][] alpha = new double[2][];
            for (int m = 0; m < 2; m++) {
                alpha[m] = softmax(divide(scores(TWO_Q[m], TWO_K), Math.sqrt(2)));
            }
            double equal = mutualInformation(joint(alpha, new double[] {0.5, 0.5}));
            double skewed = mutualInformation(joint(alpha, new double[] {0.75, 0.25}));
            // symmetric rows: equal prior gives the larger I here; the two differ in the third decimal
            assertNotEquals(fixed(equal, 3), fixed(skewed, 3));
            Res a = get(client, TWO_URL, false);
            Res b = get(client, withPrior("3", "1"), false);
            assertEquals("I(query; key) = " + fixed(equal, 3) + " bits", byId(a.body(), "att-mi"));
            assertEquals("I(query; key) = " + fixed(skewed, 3) + " bits", byId(b.body(), "att-mi"));
            // a prior of 6 and 2 is the same prior
            Res c = get(client, withPrior("6", "2"), false);
            assertEquals(byId(b.body(), "att-mi"), byId(c.body(), "att-mi"));
            // the entropies per query do not depend on the prior
            assertEquals(infoRows(a.body()), infoRows(b.body()));
            // add-query with a prior gives the new query weight 1
            Form form = new Form().set("ql", "looks left", "looks right").set("q", "2, 0", "0, 2").set("prior", "3", "1")
                    .set("kl", "left", "middle", "right").set("k", "2, 0", "1, 1", "0, 2").set("v", "", "", "")
                    .set("scale", "0", "1").set("temp", "1").set("action", "add-query");
            Res added = post(client, form, true);
            assertEquals(200, added.code());
            assertEquals(List.of("3", "1", "1"), inputs(added.body(), "prior"));
        });
    }

    @Test
    void the_open_in_mi_link_shows_the_same_mutual_information() {
        JavalinTest.test(app(), (server, client) -> {
            for (String url : List.of(TWO_URL, withPrior("3", "1"),
                    SENTENCE.replace("&kl=the", "&ql=q2&q=0,+1,+0,+1&kl=the"))) {
                assertOpensInMiWithTheSameI(client, url);
            }
        });
    }

    @Test
    void the_open_in_mi_link_works_when_key_tokens_repeat() {
        JavalinTest.test(app(), (server, client) -> {
            // "the" twice: the table's column labels must be made distinct
            assertOpensInMiWithTheSameI(client, "/attention?ql=a&q=1,0&ql=b&q=0,1&kl=the&k=1,0&kl=cat&k=0,1&kl=the&k=1,1");
        });
    }

    @Test
    void the_open_in_mi_link_works_when_a_token_looks_like_a_numbered_repeat() {
        JavalinTest.test(app(), (server, client) -> {
            assertOpensInMiWithTheSameI(client, "/attention?ql=x&q=1,0&ql=y&q=0,1&kl=a&k=1,0&kl=a&k=0,1&kl=a+(2)&k=1,1");
        });
    }

    @Test
    void the_open_in_mi_link_works_when_a_long_token_repeats() {
        String token = "x".repeat(60);
        JavalinTest.test(app(), (server, client) -> {
            // a 60-character token is allowed
            assertOpensInMiWithTheSameI(client, "/attention?ql=a&q=1,0&ql=b&q=0,1&kl=" + token + "&k=1,0&kl=" + token + "&k=0,1");
        });
    }

    // ---- 6. the API's shape --------------------------------------------------------------------

    @Test
    void the_api_answer_for_one_query_has_exactly_the_documented_fields() {
        JavalinTest.test(app(), (server, client) -> {
            JsonNode r = JSON.readTree(api(client, SENTENCE_JSON + "}").body());
            assertEquals(List.of("scores", "scaledScores", "weights", "entropyBits", "maxEntropyBits", "effectiveKeys"), fieldNames(r));
            assertTrue(r.get("entropyBits").isNumber());
            assertEquals(3, r.get("weights").size());
            JsonNode withV = JSON.readTree(api(client, SENTENCE_JSON + ", \"v\": [[1, 0], [0, 1], [0.5, 0.5]]}").body());
            assertEquals(List.of("scores", "scaledScores", "weights", "entropyBits", "maxEntropyBits", "effectiveKeys", "output"),
                    fieldNames(withV));
            assertEquals(2, withV.get("output").size());
            JsonNode nullV = JSON.readTree(api(client, SENTENCE_JSON + ", \"v\": null}").body());
            assertFalse(nullV.has("output"), "v: null is no values");
        });
    }

    @Test
    void the_api_answer_for_a_matrix_has_a_leading_query_dimension_and_the_mutual_information() {
        JavalinTest.test(app(), (server, client) -> {
            JsonNode r = JSON.readTree(api(client, "{\"q\": [[2, 0], [0, 2], [1, 1]], \"k\": [[2,0],[1,1],[0,2],[0,0]],"
                    + " \"v\": [[1],[2],[3],[4]]}").body());
            assertEquals(List.of("scores", "scaledScores", "weights", "entropyBits", "maxEntropyBits", "effectiveKeys", "output",
                    "queryKeyMutualInformationBits"), fieldNames(r));
            for (String f : List.of("scores", "scaledScores", "weights", "output")) {
                assertEquals(3, r.get(f).size(), f + " has one row per query");
                assertTrue(r.get(f).get(0).isArray(), f);
            }
            assertEquals(4, r.get("weights").get(0).size());
            assertEquals(1, r.get("output").get(2).size());
            for (String f : List.of("entropyBits", "maxEntropyBits", "effectiveKeys")) {
                assertEquals(3, r.get(f).size(), f);
                assertTrue(r.get(f).get(0).isNumber(), f);
            }
            double[][] q = {{2, 0}, {0, 2}, {1, 1}};
            double[][] k = {{2, 0}, {1, 1}, {0, 2}, {0, 0}};
            double[][] alpha = new double[3][];
            for (int m = 0; m < 3; m++) {
                alpha[m] = softmax(divide(scores(q[m], k), Math.sqrt(2)));
                assertArrayClose(alpha[m], doubles(r.get("weights").get(m)), 1e-12);
                assertEquals(entropy(alpha[m]), r.get("entropyBits").get(m).asDouble(), 1e-12);
                assertEquals(2, r.get("maxEntropyBits").get(m).asDouble(), 1e-12);
                assertArrayClose(output(alpha[m], new double[][] {{1}, {2}, {3}, {4}}), doubles(r.get("output").get(m)), 1e-12);
            }
            assertEquals(mutualInformation(joint(alpha, new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3})),
                    r.get("queryKeyMutualInformationBits").asDouble(), 1e-12);
            // a one-row matrix keeps the matrix shape; one query tells nothing about the key: I = 0
            JsonNode one = JSON.readTree(api(client, "{\"q\": [[1, 0, 1, 0]], \"k\": [[1,0,1,0],[0,1,0,1],[1,1,0,0]]}").body());
            assertTrue(one.get("weights").get(0).isArray());
            assertEquals(0, one.get("queryKeyMutualInformationBits").asDouble(), 1e-12);
            assertArrayClose(softmax(new double[] {1, 0, 0.5}), doubles(one.get("weights").get(0)), 1e-12);
        });
    }

    @Test
    void the_api_defaults_to_scaling_on_and_temperature_1() {
        JavalinTest.test(app(), (server, client) -> {
            String bare = api(client, SENTENCE_JSON + "}").body();
            assertEquals(bare, api(client, SENTENCE_JSON + ", \"scale\": true, \"temperature\": 1}").body());
            assertEquals(bare, api(client, SENTENCE_JSON + ", \"scale\": null, \"temperature\": null}").body());
            assertNotEquals(bare, api(client, SENTENCE_JSON + ", \"scale\": false}").body());
            assertNotEquals(bare, api(client, SENTENCE_JSON + ", \"temperature\": 2}").body());
            JsonNode r = JSON.readTree(bare);
            assertArrayClose(new double[] {1, 0, 0.5}, doubles(r.get("scaledScores")), 1e-15);
            // the form's number formats work in the API too: a fraction, a percentage, a string
            JsonNode f = JSON.readTree(api(client, "{\"q\": [\"1\", 0, \"2/2\", \"0%\"], \"k\": [[1,0,1,0],[0,1,0,1],[1,1,0,0]], \"temperature\": \"1\"}").body());
            assertArrayClose(doubles(r.get("weights")), doubles(f.get("weights")), 0);
        });
    }

    @Test
    void the_api_takes_the_stated_limits_256_keys_and_d_1024() {
        JavalinTest.test(app(), (server, client) -> {
            double[] q = new double[1024];
            q[0] = 1;
            double[][] k = new double[256][1024]; // all zero but k[0][0] = 1
            k[0][0] = 1;
            ObjectNode body = JSON.createObjectNode();
            body.set("q", JSON.valueToTree(q));
            body.set("k", JSON.valueToTree(k));
            Res res = api(client, body.toString());
            assertEquals(200, res.code(), res.body().length() > 500 ? res.body().substring(0, 500) : res.body());
            JsonNode r = JSON.readTree(res.body());
            double[] w = doubles(r.get("weights"));
            assertEquals(256, w.length);
            assertFinitePmf(w);
            // scores: key 0 is 1, the rest 0; divided by √1024 = 32
            double[] s = new double[256];
            s[0] = 1.0 / 32;
            assertArrayClose(softmax(s), w, 1e-12);
        });
    }

    // ---- 7. bad input --------------------------------------------------------------------------

    record Bad(String name, Form form, String errorId, String message, String typedField, List<String> typed) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static List<String> repeat(String s, int n) {
        return Collections.nCopies(n, s);
    }

    static Stream<Bad> badForms() {
        Form f = sentenceForm();
        String long1025 = String.join(", ", repeat("1", 1025));
        Form manyKeys = f.set("kl", numbered("t", 257).toArray(String[]::new)).set("k", repeat("1, 0, 1, 0", 257).toArray(String[]::new))
                .set("v", repeat("", 257).toArray(String[]::new));
        Form manyQueries = f.set("ql", numbered("q", 65).toArray(String[]::new)).set("q", repeat("1, 0, 1, 0", 65).toArray(String[]::new))
                .set("prior", repeat("", 65).toArray(String[]::new));
        Form twoQueries = f.set("ql", "a", "b").set("q", "1, 0, 1, 0", "0, 1, 0, 1");
        Form overflow = f.set("ql", "big").set("q", "1e200").set("kl", "a").set("k", "1e100").set("v", "").set("temp", "1e-10");
        return Stream.of(
                new Bad("a key of the wrong length", f.set("k", "1, 0, 1, 0", "0, 1, 0", "1, 1, 0, 0"), "att-err-k-1",
                        "Key 2 (“cat”) has 3 numbers, but the query has 4", "k", List.of("1, 0, 1, 0", "0, 1, 0", "1, 1, 0, 0")),
                new Bad("a second query of the wrong length", twoQueries.set("q", "1, 0, 1, 0", "1, 0"), "att-err-q-1",
                        "This query has 2 numbers, but the first has 4", "q", List.of("1, 0, 1, 0", "1, 0")),
                new Bad("a non-number in the query", f.set("q", "1, zero, 1, 0"), "att-err-q-0",
                        "Number 2 of query 1 (“sat”): “zero” is not a number", "q", List.of("1, zero, 1, 0")),
                new Bad("a semicolon in a value", f.set("v", "1, 0", "0, 1", "0.5; 0.5"), "att-err-v-2",
                        "Number 1 of value 3", "v", List.of("1, 0", "0, 1", "0.5; 0.5")),
                new Bad("NaN in a key", f.set("k", "1, NaN, 1, 0", "0, 1, 0, 1", "1, 1, 0, 0"), "att-err-k-0",
                        "NaN (not a number) is not allowed", "k", List.of("1, NaN, 1, 0", "0, 1, 0, 1", "1, 1, 0, 0")),
                new Bad("Infinity in the query", f.set("q", "1, 0, Infinity, 0"), "att-err-q-0",
                        "Infinity is not allowed", "q", List.of("1, 0, Infinity, 0")),
                new Bad("-Infinity in a value", f.set("v", "-Infinity, 0", "0, 1", "0.5, 0.5"), "att-err-v-0",
                        "is not allowed", "v", List.of("-Infinity, 0", "0, 1", "0.5, 0.5")),
                new Bad("1e400 in a key", f.set("k", "1, 0, 1, 0", "0, 1, 0, 1", "1e400, 1, 0, 0"), "att-err-k-2",
                        "too large", "k", List.of("1, 0, 1, 0", "0, 1, 0, 1", "1e400, 1, 0, 0")),
                new Bad("an empty query", f.set("q", ""), "att-err-q-0", "Empty", "q", List.of("")),
                new Bad("an empty key vector", f.set("k", "1, 0, 1, 0", "", "1, 1, 0, 0"), "att-err-k-1", "Empty", "k",
                        List.of("1, 0, 1, 0", "", "1, 1, 0, 0")),
                new Bad("temperature 0", f.set("temp", "0"), "att-err-temp", "must be above 0", "temp", List.of("0")),
                new Bad("temperature -1", f.set("temp", "-1"), "att-err-temp", "must be above 0", "temp", List.of("-1")),
                new Bad("temperature abc", f.set("temp", "abc"), "att-err-temp", "“abc” is not a number", "temp", List.of("abc")),
                new Bad("temperature empty", f.set("temp", ""), "att-err-temp", "Empty", "temp", List.of("")),
                new Bad("temperature NaN", f.set("temp", "NaN"), "att-err-temp", "NaN", "temp", List.of("NaN")),
                new Bad("values of different lengths", f.set("v", "1, 0", "0, 1, 1", "0.5, 0.5"), "att-err-v-1",
                        "every value needs d_v = 2", "v", List.of("1, 0", "0, 1, 1", "0.5, 0.5")),
                new Bad("only some values", f.set("v", "1, 0", "", "0.5, 0.5"), "att-err-v-1",
                        "Give a value vector for every key, or leave them all empty", "v", List.of("1, 0", "", "0.5, 0.5")),
                new Bad("257 keys", manyKeys, "att-err-keys", "257 keys: the explorer takes at most 256", "k",
                        repeat("1, 0, 1, 0", 257)),
                new Bad("65 queries", manyQueries, "att-err-queries", "65 queries: the explorer takes at most 64", "q",
                        repeat("1, 0, 1, 0", 65)),
                new Bad("a vector of 1025 numbers", f.set("q", long1025), "att-err-q-0",
                        "This vector has 1025 numbers; the explorer takes at most 1024", "q", List.of(long1025)),
                new Bad("an empty token label", f.set("kl", "the", "", "mat"), "att-err-kl-1", "Empty label", "kl", List.of("the", "", "mat")),
                new Bad("an empty query label", f.set("ql", ""), "att-err-ql-0", "Empty label", "ql", List.of("")),
                new Bad("a repeated query label", twoQueries.set("ql", "a", "a"), "att-err-ql-1", "“a” already names another query",
                        "ql", List.of("a", "a")),
                new Bad("a label over 60 characters", f.set("kl", "the", "c".repeat(61), "mat"), "att-err-kl-1", "at most 60 characters",
                        "kl", List.of("the", "c".repeat(61), "mat")),
                new Bad("a negative prior", twoQueries.set("prior", "1", "-1"), "att-err-prior-1", "negative", "prior", List.of("1", "-1")),
                new Bad("only some priors", twoQueries.set("prior", "1", ""), "att-err-prior-1", "Give every query a prior weight",
                        "prior", List.of("1", "")),
                new Bad("all priors zero", twoQueries.set("prior", "0", "0"), "att-err-prior-0", "Every prior weight is 0",
                        "prior", List.of("0", "0")),
                new Bad("set-dk to 0", f.set("dk", "0").set("action", "set-dk"), "att-err-dk", "dₖ must be a whole number from 1 to 1024",
                        "q", List.of("1, 0, 1, 0")),
                new Bad("set-dk to 5000", f.set("dk", "5000").set("action", "set-dk"), "att-err-dk", "from 1 to 1024",
                        "k", List.of("1, 0, 1, 0", "0, 1, 0, 1", "1, 1, 0, 0")),
                new Bad("set-dk to x", f.set("dk", "x").set("action", "set-dk"), "att-err-dk", "from 1 to 1024", "q", List.of("1, 0, 1, 0")),
                new Bad("an unknown action", f.set("action", "explode"), "att-err-action", "is not something this form can do", "q",
                        List.of("1, 0, 1, 0")),
                new Bad("remove a key that is not there", f.set("action", "remove-key-7"), "att-err-keys", "no such key", "kl",
                        List.of("the", "cat", "mat")),
                new Bad("a bad scale setting", f.set("scale", "0", "maybe"), "att-err-scale", "“maybe” is not a setting for scaling", "q",
                        List.of("1, 0, 1, 0")),
                new Bad("bad digits", f.set("digits", "99"), "att-err-digits", "from 1 to 15", "q", List.of("1, 0, 1, 0")),
                new Bad("scores that overflow at a tiny temperature", overflow, "att-err-temp", "too large", "temp", List.of("1e-10")),
                new Bad("a score that overflows by itself", overflow.set("q", "1e300").set("k", "1e300").set("temp", "1"), "att-err-temp",
                        "too large", "q", List.of("1e300")));
    }

    static Stream<Arguments> badFormsBothWays() {
        return badForms().flatMap(b -> Stream.of(Arguments.of(b, true), Arguments.of(b, false)));
    }

    @ParameterizedTest(name = "{0}, htmx = {1}")
    @MethodSource("badFormsBothWays")
    void bad_input_gets_its_message_beside_the_field_422_and_the_typed_values_back(Bad bad, boolean htmx) {
        JavalinTest.test(app(), (server, client) -> {
            Res res = post(client, bad.form, htmx);
            assertEquals(422, res.code(), bad.name);
            String message = errorText(res.body(), bad.errorId);
            assertNotNull(message, bad.errorId + " is on the page for " + bad.name + "; messages: " + allErrors(res.body()));
            assertTrue(message.contains(bad.message), "message for " + bad.name + ": " + message);
            assertEquals(bad.typed, inputs(res.body(), bad.typedField), "typed values kept in " + bad.typedField);
            assertNull(res.header("HX-Push-Url"), "no URL pushed for a state with errors");
            assertNull(res.header("Location"));
            assertNull(byId(res.body(), "att-entropy"), "no results for a state with errors");
            assertTrue(res.body().contains("id=\"att-problems\""), "the problem list");
            if (htmx) {
                assertTrue(res.body().strip().startsWith("<div id=\"att-explorer\""), "the fragment");
                assertTrue(res.body().contains("hx-swap-oob"), "the announcement");
                assertTrue(announcement(res.body()).contains("problem"), announcement(res.body()));
            } else {
                assertTrue(res.body().contains("<html"), "the whole page");
            }
            if (!List.of("att-err-keys", "att-err-queries", "att-err-action").contains(bad.errorId)) {
                String field = bad.errorId.equals("att-err-temp") ? "att-temp" : bad.errorId.equals("att-err-dk") ? "att-dk"
                        : bad.errorId.substring("att-err-".length());
                assertTrue(res.body().contains("aria-describedby=\"" + bad.errorId + "\""),
                        "the field " + field + " points at its message");
            }
        });
    }

    @Test
    void set_dk_with_a_bad_value_keeps_the_typed_value() {
        JavalinTest.test(app(), (server, client) -> {
            for (String dk : List.of("5000", "0", "x")) {
                Res res = post(client, sentenceForm().set("dk", dk).set("action", "set-dk"), true);
                assertEquals(422, res.code());
                assertNotNull(errorText(res.body(), "att-err-dk"));
                assertEquals(List.of(dk), inputs(res.body(), "dk"), "the typed d_k is kept");
            }
        });
    }

    @Test
    void bad_input_in_a_get_answers_400_with_the_same_messages() {
        JavalinTest.test(app(), (server, client) -> {
            Res wrong = get(client, "/attention?ql=sat&q=1,0,1,0&kl=the&k=1,0,1,0&kl=cat&k=0,1,0&scale=1&temp=1", false);
            assertEquals(400, wrong.code());
            assertTrue(errorText(wrong.body(), "att-err-k-1").contains("Key 2 (“cat”) has 3 numbers"), allErrors(wrong.body()));
            assertEquals(List.of("1,0,1,0", "0,1,0"), inputs(wrong.body(), "k"));
            Res temp = get(client, SENTENCE.replace("temp=1", "temp=0"), true);
            assertEquals(400, temp.code());
            assertTrue(errorText(temp.body(), "att-err-temp").contains("above 0"));
            assertEquals(List.of("0"), inputs(temp.body(), "temp"));
            assertNull(temp.header("HX-Push-Url"));
            // only a temperature: the sentence with that temperature, still checked
            Res onlyTemp = get(client, "/attention?temp=-1", false);
            assertEquals(400, onlyTemp.code());
            assertTrue(errorText(onlyTemp.body(), "att-err-temp").contains("above 0"));
        });
    }

    @Test
    void hostile_labels_in_error_messages_are_escaped() {
        JavalinTest.test(app(), (server, client) -> {
            Res res = post(client, sentenceForm().set("kl", "the", HOSTILE, "mat").set("k", "1, 0, 1, 0", "1", "1, 1, 0, 0"), true);
            assertEquals(422, res.code());
            assertNoRawHostileText(res.body());
            assertTrue(errorText(res.body(), "att-err-k-1").contains("(“" + HOSTILE + "”)"), "the message names the token (escaped)");
        });
    }

    static Stream<Arguments> badApiBodies() {
        String many = "[" + String.join(",", repeat("[1, 0]", 257)) + "]";
        String long1025 = "[" + String.join(",", repeat("1", 1025)) + "]";
        return Stream.of(
                Arguments.of("a key of the wrong length", "{\"q\": [1,0,1,0], \"k\": [[1,0,1,0],[0,1,0]]}", "k[1]", "Key 2"),
                Arguments.of("a non-number", "{\"q\": [1, \"abc\", 1, 0], \"k\": [[1,0,1,0]]}", "q", "is not a number"),
                Arguments.of("a boolean in a vector", "{\"q\": [1, true], \"k\": [[1,0]]}", "q", "must be a number"),
                Arguments.of("NaN", "{\"q\": [1, 0], \"k\": [[1, \"NaN\"]]}", "k[0]", "NaN"),
                Arguments.of("Infinity", "{\"q\": [\"Infinity\", 0], \"k\": [[1, 0]]}", "q", "not allowed"),
                Arguments.of("a number beyond a double", "{\"q\": [1e400, 0], \"k\": [[1, 0]]}", "q", ""),
                Arguments.of("an empty query", "{\"q\": [], \"k\": [[1, 0]]}", "q", "non-empty"),
                Arguments.of("an empty query row", "{\"q\": [[]], \"k\": [[1, 0]]}", "q[0]", "non-empty"),
                Arguments.of("an empty key vector", "{\"q\": [1, 0], \"k\": [[1, 0], []]}", "k[1]", "non-empty"),
                Arguments.of("k not a matrix", "{\"q\": [1, 0], \"k\": [1, 0]}", "k[0]", "non-empty array"),
                Arguments.of("temperature 0", SENTENCE_JSON + ", \"temperature\": 0}", "temperature", "above 0"),
                Arguments.of("temperature -1", SENTENCE_JSON + ", \"temperature\": -1}", "temperature", "above 0"),
                Arguments.of("temperature abc", SENTENCE_JSON + ", \"temperature\": \"abc\"}", "temperature", "is not a number"),
                Arguments.of("temperature a boolean", SENTENCE_JSON + ", \"temperature\": true}", "temperature", "above 0"),
                Arguments.of("values of different lengths", "{\"q\": [1, 0], \"k\": [[1,0],[0,1]], \"v\": [[1, 0], [0, 1, 1]]}", "v[1]", "d_v = 2"),
                Arguments.of("fewer values than keys", SENTENCE_JSON + ", \"v\": [[1, 0], [0, 1]]}", "v", "3 keys but 2 values"),
                Arguments.of("an empty value", SENTENCE_JSON + ", \"v\": [[1, 0], [], [0, 1]]}", "v[1]", "non-empty"),
                Arguments.of("257 keys", "{\"q\": [1, 0], \"k\": " + many + "}", "k", "at most 256"),
                Arguments.of("a vector of 1025 numbers", "{\"q\": " + long1025 + ", \"k\": [[1]]}", "q", "at most 1024"),
                Arguments.of("scores that overflow", "{\"q\": [1e200], \"k\": [[1e100]], \"temperature\": 1e-10}", "temperature", "too large"),
                Arguments.of("invalid JSON", SENTENCE_JSON, "body", "not valid JSON"),
                Arguments.of("not an object", "[1, 2]", "body", "JSON object"),
                Arguments.of("an empty body", "", "body", ""),
                Arguments.of("missing k", "{\"q\": [1, 0]}", "k", "non-empty array"),
                Arguments.of("missing q", "{\"k\": [[1, 0]]}", "q", "non-empty array"),
                Arguments.of("q not an array", "{\"q\": 5, \"k\": [[1, 0]]}", "q", "non-empty array"),
                Arguments.of("q a string", "{\"q\": \"1, 0\", \"k\": [[1, 0]]}", "q", "non-empty array"),
                Arguments.of("scale not a boolean", SENTENCE_JSON + ", \"scale\": \"yes\"}", "scale", "true or false"),
                Arguments.of("scale as 1", SENTENCE_JSON + ", \"scale\": 1}", "scale", "true or false"),
                Arguments.of("a prior with a single query", SENTENCE_JSON + ", \"prior\": [1]}", "prior", "for a matrix q"),
                Arguments.of("a prior of the wrong length", "{\"q\": [[1, 0], [0, 1]], \"k\": [[1,0],[0,1]], \"prior\": [1, 2, 3]}",
                        "prior", "2 queries but 3 prior weights"),
                Arguments.of("a prior not an array", "{\"q\": [[1, 0], [0, 1]], \"k\": [[1,0],[0,1]], \"prior\": 3}", "prior", "array"),
                Arguments.of("a negative prior", "{\"q\": [[1, 0], [0, 1]], \"k\": [[1,0],[0,1]], \"prior\": [1, -1]}", "prior[1]", "negative"),
                Arguments.of("an all-zero prior", "{\"q\": [[1, 0], [0, 1]], \"k\": [[1,0],[0,1]], \"prior\": [0, 0]}", "prior[0]", "Every prior weight is 0"),
                Arguments.of("queries of different lengths", "{\"q\": [[1, 0], [1]], \"k\": [[1,0]]}", "q[1]", "every query needs dₖ = 2"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badApiBodies")
    void the_api_answers_bad_input_with_400_and_the_field_at_fault(String name, String body, String field, String message) {
        JavalinTest.test(app(), (server, client) -> {
            Res res = api(client, body);
            assertEquals(400, res.code(), res.body());
            assertTrue(res.header("Content-Type").startsWith("application/json"), res.header("Content-Type"));
            JsonNode root = JSON.readTree(res.body());
            assertEquals(List.of("errors"), fieldNames(root));
            JsonNode errors = root.get("errors");
            assertTrue(errors.isArray() && errors.size() >= 1, res.body());
            boolean found = false;
            for (JsonNode e : errors) {
                assertEquals(List.of("field", "message"), fieldNames(e), res.body());
                if (e.get("field").asText().equals(field) && e.get("message").asText().contains(message)) {
                    found = true;
                }
            }
            assertTrue(found, "an error for " + field + " containing “" + message + "”: " + res.body());
        });
    }

    @Test
    void the_api_names_q_when_there_are_too_many_queries() {
        JavalinTest.test(app(), (server, client) -> {
            String q = "[" + String.join(",", repeat("[1, 0]", 65)) + "]";
            Res res = api(client, "{\"q\": " + q + ", \"k\": [[1, 0]]}");
            assertEquals(400, res.code());
            JsonNode e = JSON.readTree(res.body()).get("errors").get(0);
            assertTrue(e.get("message").asText().contains("at most 64"), res.body());
            assertEquals("q", e.get("field").asText(), res.body());
        });
    }

    // ---- 8. hostile labels ---------------------------------------------------------------------

    private static final String HOSTILE = "<script>alert(1)</script>";
    private static final String HOSTILE_ATTR = "\"><img src=x onerror=alert(1)>";

    @Test
    void hostile_labels_are_escaped_in_the_page_the_fragment_and_the_pushed_url() {
        JavalinTest.test(app(), (server, client) -> {
            Form form = sentenceForm().set("ql", HOSTILE, HOSTILE_ATTR).set("q", "1, 0, 1, 0", "0, 1, 0, 1").set("prior", "", "")
                    .set("kl", HOSTILE_ATTR, HOSTILE, "mat");
            Res fragment = post(client, form, true);
            assertEquals(200, fragment.code());
            assertNoRawHostileText(fragment.body());
            assertTrue(fragment.body().contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the label is shown, escaped");
            assertEquals(List.of(HOSTILE, HOSTILE_ATTR), inputs(fragment.body(), "ql"), "and comes back as typed");
            assertEquals(List.of(HOSTILE_ATTR, HOSTILE, "mat"), inputs(fragment.body(), "kl"));
            assertNoRawHostileText(announcement(fragment.body()));

            String url = fragment.header("HX-Push-Url");
            assertNotNull(url);
            for (String c : List.of("<", ">", "\"", " ")) {
                assertFalse(url.contains(c), "raw " + c + " in the pushed URL " + url);
            }
            assertTrue(url.contains("ql=%3Cscript%3Ealert%281%29%3C%2Fscript%3E"), url);
            Res page = get(client, url, false);
            assertEquals(200, page.code());
            assertNoRawHostileText(page.body());
            assertEquals(List.of(HOSTILE, HOSTILE_ATTR), inputs(page.body(), "ql"));
            assertEquals(List.of(HOSTILE_ATTR, HOSTILE, "mat"), inputs(page.body(), "kl"));
            assertEquals(explorer(fragment.body()), explorer(page.body()));

            Res redirect = post(client, form, false);
            assertEquals(303, redirect.code());
            assertEquals(url, redirect.header("Location"));

            // the /mi link carries them too, encoded; /mi shows them escaped
            String link = jointLink(page.body());
            assertNotNull(link);
            assertFalse(link.contains("<") || link.contains("\""), link);
            Res mi = get(client, link, false);
            assertEquals(200, mi.code());
            assertNoRawHostileText(mi.body());
        });
    }

    // ---- 9. the √d_k experiment ----------------------------------------------------------------

    @Test
    void the_scaling_page_answers_with_eleven_rows_from_1_to_1024() {
        JavalinTest.test(app(), (server, client) -> {
            Res res = get(client, "/attention/scaling", false);
            assertEquals(200, res.code());
            List<String[]> rows = scalingRows(res.body());
            assertEquals(List.of("1", "2", "4", "8", "16", "32", "64", "128", "256", "512", "1024"), column(rows, 0));
            for (String[] r : rows) {
                for (int c = 1; c <= 2; c++) {
                    double h = Double.parseDouble(r[c]);
                    assertTrue(h >= 0 && h <= 4 + 1e-9, "0 ≤ H ≤ log2 16 = 4: " + h);
                }
            }
            assertEquals(rows.stream().map(r -> r[1]).toList(), scalingRows(get(client, "/attention/scaling?n=16&trials=200&seed=1", false).body())
                    .stream().map(r -> r[1]).toList(), "the defaults are n = 16, 200 trials, seed 1");
        });
    }

    @Test
    void the_same_seed_gives_the_same_numbers_and_another_seed_others() {
        JavalinTest.test(app(), (server, client) -> {
            String a = scalingTable(get(client, "/attention/scaling?n=8&trials=50&seed=7", false).body());
            String b = scalingTable(get(client, "/attention/scaling?n=8&trials=50&seed=7", false).body());
            String c = scalingTable(get(client, "/attention/scaling?n=8&trials=50&seed=8", false).body());
            assertNotNull(a);
            assertEquals(a, b, "same seed, same numbers");
            assertNotEquals(a, c, "another seed, other numbers");
            // d_k = 1 gives identical scaled and unscaled entropies (√1 = 1)
            String[] first = scalingRows(get(client, "/attention/scaling?n=8&trials=50&seed=7", false).body()).get(0);
            assertEquals("1", first[0]);
            assertEquals(first[1], first[2]);
        });
    }

    @Test
    void scaling_keeps_the_entropy_and_without_it_the_softmax_collapses() {
        JavalinTest.test(app(), (server, client) -> {
            List<String[]> rows = scalingRows(get(client, "/attention/scaling?n=16&trials=200&seed=1", false).body());
            double scaled1 = Double.parseDouble(rows.get(0)[1]);
            double scaled1024 = Double.parseDouble(rows.get(10)[1]);
            double unscaled1024 = Double.parseDouble(rows.get(10)[2]);
            assertTrue(Math.abs(scaled1024 - scaled1) < 0.3, "with scaling the entropy stays put: " + scaled1 + " → " + scaled1024);
            assertTrue(unscaled1024 < 1, "without scaling the entropy falls below 1 bit: " + unscaled1024);
            for (int i = 1; i < rows.size(); i++) {
                assertTrue(Double.parseDouble(rows.get(i)[2]) < Double.parseDouble(rows.get(i - 1)[2]),
                        "unscaled entropy falls with d_k at row " + i);
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"n=1", "n=300", "n=x", "n=", "trials=0", "trials=2001", "trials=x", "seed=abc", "seed=1.5",
            "n=256&trials=100"})
    void the_scaling_page_refuses_bad_parameters_with_400_and_a_message(String query) {
        JavalinTest.test(app(), (server, client) -> {
            Res res = get(client, "/attention/scaling?" + query, false);
            assertEquals(400, res.code(), query);
            String field = query.startsWith("n=256") ? "trials" : query.substring(0, query.indexOf('='));
            String message = errorText(res.body(), "err-" + field);
            assertNotNull(message, "a message beside " + field + ": " + allErrors(res.body()));
            if (query.equals("n=256&trials=100")) {
                assertTrue(message.contains("256 keys × 100 trials is more than the 20000"), message);
            } else if (field.equals("seed")) {
                assertTrue(message.contains("whole number"), message);
            } else {
                assertTrue(message.contains("must be a whole number from"), message);
            }
            String typed = URLDecoder.decode(query.substring(query.lastIndexOf('=') + 1), StandardCharsets.UTF_8);
            assertTrue(res.body().contains("name=\"" + field + "\" value=\"" + typed + "\""), "the typed " + field + " is kept");
            assertNull(scalingTable(res.body()), "no table for bad parameters");
        });
    }

    @Test
    void no_query_or_no_key_row_gets_an_empty_row_with_the_message_beside_it() {
        JavalinTest.test(app(), (server, client) -> {
            Res keysOnly = get(client, "/attention?k=1,0&k=0,1", false);
            assertEquals(400, keysOnly.code());
            assertNotNull(errorText(keysOnly.body(), "att-err-q-0"), allErrors(keysOnly.body()));
            assertEquals(List.of(""), inputs(keysOnly.body(), "q"), "an empty query field to type into");
            Res queryOnly = get(client, "/attention?q=1,0", false);
            assertEquals(400, queryOnly.code());
            assertNotNull(errorText(queryOnly.body(), "att-err-k-0"), allErrors(queryOnly.body()));
            assertEquals(List.of(""), inputs(queryOnly.body(), "k"), "an empty key field to type into");
        });
    }

    // ---- 10. never a stack trace ---------------------------------------------------------------

    @Test
    void odd_requests_get_plain_answers() {
        JavalinTest.test(app(), (server, client) -> {
            Res empty = raw(client, "/attention", "", "application/x-www-form-urlencoded", false);
            assertTrue(empty.code() == 303 || empty.code() == 200, "an empty post is the default state: " + empty.code());
            Res badEncoding = raw(client, "/attention", "ql=%ZZ&q=1&k=1", "application/x-www-form-urlencoded", true);
            assertTrue(badEncoding.code() == 200 || badEncoding.code() >= 400, "status " + badEncoding.code());
            Res notJson = raw(client, "/api/attention", "q=1&k=1", "application/x-www-form-urlencoded", false);
            assertEquals(400, notJson.code());
            Res labelsOnly = get(client, "/attention?ql=a&kl=b&kl=c", false);
            assertTrue(labelsOnly.code() == 200 || labelsOnly.code() == 400, "status " + labelsOnly.code());
            Res keysOnly = get(client, "/attention?k=1,0&k=0,1", false);
            assertEquals(400, keysOnly.code(), "keys without a query");
            assertNotNull(errorText(keysOnly.body(), "att-err-q-0"), "the message stands beside an empty query row");
            Res queryOnly = get(client, "/attention?q=1,0", false);
            assertEquals(400, queryOnly.code(), "a query without keys");
            assertNotNull(errorText(queryOnly.body(), "att-err-k-0"), "the message stands beside an empty key row");
            Res history = read(client.get(SENTENCE, req -> req.header("HX-Request", "true").header("HX-History-Restore-Request", "true")),
                    "history restore");
            assertTrue(history.body().contains("<html"), "a history restore gets the whole page");
            Res bigGet = get(client, "/attention?q=" + "1,".repeat(2000) + "1&k=1", false);
            assertTrue(bigGet.code() == 400 || bigGet.code() == 431 || bigGet.code() == 414, "status " + bigGet.code());
        });
    }

    // ---- helpers: requests ---------------------------------------------------------------------

    private static Javalin app() {
        return App.create(App.Config.production());
    }

    private static Res post(HttpClient client, Form form, boolean htmx) {
        return read(client.request("/attention", b -> {
            b.post(form.body());
            if (htmx) {
                b.header("HX-Request", "true");
            }
        }), "POST /attention " + form);
    }

    private static Res api(HttpClient client, String json) {
        return raw(client, "/api/attention", json, "application/json", false);
    }

    /** The form as the page posts it: repeated keys in row order. */
    static final class Form {
        private final Map<String, List<String>> fields = new LinkedHashMap<>();

        /** A copy of this form with {@code key} set to {@code values}. */
        Form set(String key, String... values) {
            Form f = new Form();
            f.fields.putAll(fields);
            f.fields.put(key, List.of(values));
            return f;
        }

        FormBody body() {
            FormBody.Builder b = new FormBody.Builder();
            fields.forEach((k, vs) -> vs.forEach(v -> b.add(k, v)));
            return b.build();
        }

        @Override
        public String toString() {
            String s = fields.toString();
            return s.length() > 300 ? s.substring(0, 300) + "…" : s;
        }
    }

    private static List<String> numbered(String prefix, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            out.add(prefix + i);
        }
        return out;
    }

    // ---- helpers: reading the HTML -------------------------------------------------------------

    /** The weights table: rows of {key, α scaled, α unscaled}. */
    private static List<String[]> weightRows(String html) {
        return rows(table(html, "att-weights"), "<tr><td>([^<]*)</td><td>([^<]*)</td><td>([^<]*)</td></tr>", 3);
    }

    /** The entropy table's rows: H scaled, H unscaled, maximum, 2^H scaled, 2^H unscaled. */
    private static List<List<String>> infoRows(String html) {
        List<List<String>> out = new ArrayList<>();
        for (String[] r : rows(table(html, "att-info"),
                "<tr><th scope=\"row\">[^<]*</th><td[^>]*>([^<]*)</td><td>([^<]*)</td>\\s*<td>([^<]*)</td><td>([^<]*)</td><td>([^<]*)</td></tr>", 5)) {
            out.add(List.of(r));
        }
        return out;
    }

    private static List<String> infoRow(String html, int r) {
        return infoRows(html).get(r);
    }

    /** Query r's softmax table: rows of {key, score, scaled, scaled − m, exp, weight}. */
    private static List<String[]> softmaxRows(String html, int r) {
        return rows(table(html, "softmax-" + r), "<tr><td>([^<]*)</td><td>([^<]*)</td><td>([^<]*)</td><td>([^<]*)</td>\\s*"
                + "<td>([^<]*)</td><td class=\"weight\">([^<]*)</td></tr>", 6);
    }

    private static List<String[]> scalingRows(String html) {
        return rows(table(html, "scaling-table"), "<tr><td>([^<]*)</td><td>([^<]*)</td><td>([^<]*)</td>", 3);
    }

    private static String scalingTable(String html) {
        String t = table(html, "scaling-table");
        return t.isEmpty() ? null : t;
    }

    private static String table(String html, String id) {
        int start = html.indexOf("id=\"" + id + "\"");
        if (start < 0) {
            return "";
        }
        return html.substring(start, html.indexOf("</table>", start));
    }

    private static List<String[]> rows(String table, String regex, int groups) {
        Matcher m = Pattern.compile(regex).matcher(table);
        List<String[]> out = new ArrayList<>();
        while (m.find()) {
            String[] r = new String[groups];
            for (int g = 0; g < groups; g++) {
                r[g] = unescape(m.group(g + 1));
            }
            out.add(r);
        }
        return out;
    }

    private static List<String> column(List<String[]> rows, int c) {
        return rows.stream().map(r -> r[c]).toList();
    }

    /** The I(query; key) number as printed, without its unit. */
    private static String miShown(String html) {
        String s = byId(html, "att-mi");
        assertNotNull(s, "an I(query; key) on the page");
        Matcher m = Pattern.compile("I\\(query; key\\) = ([0-9.]+) bits").matcher(s);
        assertTrue(m.find(), s);
        return m.group(1);
    }

    private static String miValue(String html) {
        return byId(html, "mi-value");
    }

    /**
     * The attention page at {@code url} answers 200 with an Open-in-/mi link, and /mi answers that
     * link with the same I(query; key) as the page shows.
     */
    private static void assertOpensInMiWithTheSameI(HttpClient client, String url) {
        Res page = get(client, url, false);
        assertEquals(200, page.code(), url);
        String link = jointLink(page.body());
        assertNotNull(link, "an Open-in-/mi link on " + url);
        assertTrue(link.startsWith("/mi?"), link);
        Res mi = get(client, link, false);
        assertEquals(200, mi.code(), link + "\n" + errorText(mi.body(), "err-yl-2") + "\n" + mi.body());
        assertEquals(miShown(page.body()) + " bits", miValue(mi.body()), "the same I(query; key) in /mi for " + url);
    }

    private static String jointLink(String html) {
        Matcher m = Pattern.compile("<a href=\"(/mi\\?[^\"]*)\">Open this joint table").matcher(html);
        return m.find() ? unescape(m.group(1)) : null;
    }

    private static String announcement(String html) {
        Matcher m = Pattern.compile("<div id=\"announce\"[^>]*>([^<]*)</div>").matcher(html);
        return m.find() ? m.group(1) : "";
    }

    private static boolean scaleChecked(String html) {
        Matcher m = Pattern.compile("<input type=\"checkbox\" name=\"scale\" value=\"1\" id=\"att-scale\"( checked)?").matcher(html);
        assertTrue(m.find(), "the scale checkbox");
        return m.group(1) != null;
    }

    /** The value of every input named {@code name}, in page order, unescaped. */
    private static List<String> inputs(String html, String name) {
        Matcher m = Pattern.compile("<input id=\"[^\"]*\" name=\"" + Pattern.quote(name) + "\" value=\"([^\"]*)\"").matcher(html);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(unescape(m.group(1)));
        }
        return out;
    }

    private static String errorText(String html, String id) {
        Matcher m = Pattern.compile("<p class=\"field-error\" id=\"" + Pattern.quote(id) + "\">([^<]*)</p>").matcher(html);
        return m.find() ? unescape(m.group(1)) : null;
    }

    private static String allErrors(String html) {
        Matcher m = Pattern.compile("<p class=\"field-error\" id=\"([^\"]*)\">([^<]*)</p>").matcher(html);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            b.append(m.group(1)).append(": ").append(unescape(m.group(2))).append("; ");
        }
        return b.toString();
    }

    /** The explorer markup, from its opening tag to the end of the results section. */
    private static String explorer(String html) {
        int start = html.indexOf("<div id=\"att-explorer\"");
        int end = html.indexOf("</section>", start);
        assertTrue(start >= 0 && end > start, "an explorer with a result section");
        return html.substring(start, end);
    }

    private static void assertNoRawHostileText(String html) {
        assertFalse(html.contains("<script>alert"), "raw <script> from a label");
        assertFalse(html.contains("<img src=x"), "raw <img> from a label");
        assertFalse(html.contains("\"><img"), "a label broke out of its attribute");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    // ---- helpers: the expected numbers, from the definitions -----------------------------------

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    private static double[] scores(double[] q, double[][] keys) {
        double[] s = new double[keys.length];
        for (int i = 0; i < keys.length; i++) {
            for (int d = 0; d < q.length; d++) {
                s[i] += q[d] * keys[i][d];
            }
        }
        return s;
    }

    private static double[] divide(double[] s, double by) {
        double[] out = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            out[i] = s[i] / by;
        }
        return out;
    }

    /** exp(s_i − max) / Σ exp(s_j − max). */
    static double[] softmax(double[] s) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : s) {
            max = Math.max(max, v);
        }
        double[] e = new double[s.length];
        double z = 0;
        for (int i = 0; i < s.length; i++) {
            e[i] = Math.exp(s[i] - max);
            z += e[i];
        }
        for (int i = 0; i < s.length; i++) {
            e[i] /= z;
        }
        return e;
    }

    /** −Σ p log2 p, with 0 log 0 = 0. */
    private static double entropy(double[] p) {
        double h = 0;
        for (double v : p) {
            if (v > 0) {
                h -= v * log2(v);
            }
        }
        return h;
    }

    private static double[] output(double[] a, double[][] v) {
        double[] o = new double[v[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < o.length; j++) {
                o[j] += a[i] * v[i][j];
            }
        }
        return o;
    }

    /** P(q, k) = prior(q) · α(k | q), the prior normalised. */
    static double[][] joint(double[][] alpha, double[] prior) {
        double sum = 0;
        for (double p : prior) {
            sum += p;
        }
        double[][] out = new double[alpha.length][];
        for (int r = 0; r < alpha.length; r++) {
            out[r] = new double[alpha[r].length];
            for (int i = 0; i < alpha[r].length; i++) {
                out[r][i] = prior[r] / sum * alpha[r][i];
            }
        }
        return out;
    }

    /** I(X; Y) = Σ p(x,y) log2(p(x,y) / (p(x) p(y))). */
    static double mutualInformation(double[][] p) {
        double[] px = new double[p.length];
        double[] py = new double[p[0].length];
        for (int i = 0; i < p.length; i++) {
            for (int j = 0; j < p[0].length; j++) {
                px[i] += p[i][j];
                py[j] += p[i][j];
            }
        }
        double mi = 0;
        for (int i = 0; i < p.length; i++) {
            for (int j = 0; j < p[0].length; j++) {
                if (p[i][j] > 0) {
                    mi += p[i][j] * log2(p[i][j] / (px[i] * py[j]));
                }
            }
        }
        return mi;
    }

    /** v rounded half-even to {@code digits} decimals, as the page prints it (a real minus sign, never "−0.000"). */
    private static String fixed(double v, int digits) {
        BigDecimal d = new BigDecimal(v).setScale(digits, RoundingMode.HALF_EVEN);
        if (d.signum() == 0) {
            return d.abs().toPlainString();
        }
        String s = d.toPlainString();
        return s.startsWith("-") ? "\u2212" + s.substring(1) : s;
    }

    private static double[] doubles(JsonNode array) {
        assertNotNull(array, "an array in the answer");
        assertTrue(array.isArray(), array.toString());
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            assertTrue(array.get(i).isNumber(), "a number: " + array);
            out[i] = array.get(i).asDouble();
        }
        return out;
    }

    private static void assertArrayClose(double[] expected, double[] actual, double tolerance) {
        assertEquals(expected.length, actual.length, "lengths");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], tolerance, "element " + i + " of " + java.util.Arrays.toString(actual));
        }
    }

    /** Finite, not negative, adding up to 1. */
    private static void assertFinitePmf(double[] w) {
        double sum = 0;
        for (double v : w) {
            assertTrue(Double.isFinite(v) && v >= 0, "a finite weight ≥ 0: " + java.util.Arrays.toString(w));
            sum += v;
        }
        assertEquals(1, sum, 1e-12, "the weights add up to 1");
    }
}
