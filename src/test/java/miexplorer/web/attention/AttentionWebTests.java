package miexplorer.web.attention;

import static miexplorer.testing.AttentionReference.*;
import static miexplorer.testing.PageText.*;
import static miexplorer.testing.PageText.byId;
import static miexplorer.testing.PageText.get;
import static miexplorer.testing.PageText.raw;
import static miexplorer.testing.PageText.unescape;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.testtools.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import miexplorer.testing.Form;
import miexplorer.testing.PageText.Res;
import miexplorer.testing.PageText;
import miexplorer.web.App;

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
abstract class AttentionWebTests {
    static final ObjectMapper JSON = new ObjectMapper();

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
    static final double[] Q = {1, 0, 1, 0};
    static final double[][] K = {{1, 0, 1, 0}, {0, 1, 0, 1}, {1, 1, 0, 0}};
    static final double[][] V = {{1, 0}, {0, 1}, {0.5, 0.5}};
    static final double[] HAND_SCALED = {0.506480, 0.186324, 0.307196};
    static final double HAND_SCALED_H = 1.471825;
    static final double[] HAND_UNSCALED = {0.665241, 0.090031, 0.244728};
    static final double HAND_UNSCALED_H = 1.200893;

    /** The canonical URL of the sentence preset (also what GET /attention with no parameters shows). */
    static final String SENTENCE = "/attention?ql=sat&q=1,+0,+1,+0&kl=the&k=1,+0,+1,+0&v=1,+0"
            + "&kl=cat&k=0,+1,+0,+1&v=0,+1&kl=mat&k=1,+1,+0,+0&v=0.5,+0.5&scale=1&temp=1";

    static final String SENTENCE_JSON = "{\"q\": [1, 0, 1, 0], \"k\": [[1,0,1,0], [0,1,0,1], [1,1,0,0]]";

    // ---- helpers: requests ---------------------------------------------------------------------

    static Javalin app() {
        return App.create(App.Config.production());
    }

    static Res post(HttpClient client, Form form, boolean htmx) {
        return PageText.post(client, "/attention", form, htmx);
    }

    static Res api(HttpClient client, String json) {
        return raw(client, "/api/attention", json, "application/json", false);
    }

    static List<String> numbered(String prefix, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            out.add(prefix + i);
        }
        return out;
    }

    // ---- helpers: reading the HTML -------------------------------------------------------------

    /** The weights table: rows of {key, α scaled, α unscaled}. */
    static List<String[]> weightRows(String html) {
        return rows(table(html, "att-weights"), "<tr><td>([^<]*)</td><td>([^<]*)</td><td>([^<]*)</td></tr>", 3);
    }

    /** The entropy table's rows: H scaled, H unscaled, maximum, 2^H scaled, 2^H unscaled. */
    static List<List<String>> infoRows(String html) {
        List<List<String>> out = new ArrayList<>();
        for (String[] r : rows(table(html, "att-info"),
                "<tr><th scope=\"row\">[^<]*</th><td[^>]*>([^<]*)</td><td>([^<]*)</td>\\s*<td>([^<]*)</td><td>([^<]*)</td><td>([^<]*)</td></tr>", 5)) {
            out.add(List.of(r));
        }
        return out;
    }

    static List<String> infoRow(String html, int r) {
        return infoRows(html).get(r);
    }

    /** Query r's softmax table: rows of {key, score, scaled, scaled − m, exp, weight}. */
    static List<String[]> softmaxRows(String html, int r) {
        return rows(table(html, "softmax-" + r), "<tr><td>([^<]*)</td><td>([^<]*)</td><td>([^<]*)</td><td>([^<]*)</td>\\s*"
                + "<td>([^<]*)</td><td class=\"weight\">([^<]*)</td></tr>", 6);
    }

    /** The I(query; key) number as printed, without its unit. */
    static String miShown(String html) {
        String s = byId(html, "att-mi");
        assertNotNull(s, "an I(query; key) on the page");
        Matcher m = Pattern.compile("I\\(query; key\\) = ([0-9.]+) bits").matcher(s);
        assertTrue(m.find(), s);
        return m.group(1);
    }

    static String miValue(String html) {
        return byId(html, "mi-value");
    }

    /**
     * The attention page at {@code url} answers 200 with an Open-in-/mi link, and /mi answers that
     * link with the same I(query; key) as the page shows.
     */
    static void assertOpensInMiWithTheSameI(HttpClient client, String url) {
        Res page = get(client, url, false);
        assertEquals(200, page.code(), url);
        String link = jointLink(page.body());
        assertNotNull(link, "an Open-in-/mi link on " + url);
        assertTrue(link.startsWith("/mi?"), link);
        Res mi = get(client, link, false);
        assertEquals(200, mi.code(), link + "\n" + errorText(mi.body(), "err-yl-2") + "\n" + mi.body());
        assertEquals(miShown(page.body()) + " bits", miValue(mi.body()), "the same I(query; key) in /mi for " + url);
    }

    static String jointLink(String html) {
        Matcher m = Pattern.compile("<a href=\"(/mi\\?[^\"]*)\">Open this joint table").matcher(html);
        return m.find() ? unescape(m.group(1)) : null;
    }

    static String announcement(String html) {
        Matcher m = Pattern.compile("<div id=\"announce\"[^>]*>([^<]*)</div>").matcher(html);
        return m.find() ? m.group(1) : "";
    }

    static boolean scaleChecked(String html) {
        Matcher m = Pattern.compile("<input type=\"checkbox\" name=\"scale\" value=\"1\" id=\"att-scale\"( checked)?").matcher(html);
        assertTrue(m.find(), "the scale checkbox");
        return m.group(1) != null;
    }

    /** The value of every input named {@code name}, in page order, unescaped. */
    static List<String> inputs(String html, String name) {
        Matcher m = Pattern.compile("<input id=\"[^\"]*\" name=\"" + Pattern.quote(name) + "\" value=\"([^\"]*)\"").matcher(html);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(unescape(m.group(1)));
        }
        return out;
    }

    /** The explorer markup, from its opening tag to the end of the results section. */
    static String explorer(String html) {
        int start = html.indexOf("<div id=\"att-explorer\"");
        int end = html.indexOf("</section>", start);
        assertTrue(start >= 0 && end > start, "an explorer with a result section");
        return html.substring(start, end);
    }

    static void assertNoRawHostileText(String html) {
        assertFalse(html.contains("<script>alert"), "raw <script> from a label");
        assertFalse(html.contains("<img src=x"), "raw <img> from a label");
        assertFalse(html.contains("\"><img"), "a label broke out of its attribute");
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    /** The form of the sentence preset, as the page posts it. */
    static Form sentenceForm() {
        return new Form().set("ql", "sat").set("q", "1, 0, 1, 0").set("prior", "")
                .set("kl", "the", "cat", "mat").set("k", "1, 0, 1, 0", "0, 1, 0, 1", "1, 1, 0, 0")
                .set("v", "1, 0", "0, 1", "0.5, 0.5")
                .set("scale", "0", "1").set("temp", "1").set("digits", "3").set("dk", "4").set("action", "update");
    }

    static double[] doubles(JsonNode array) {
        assertNotNull(array, "an array in the answer");
        assertTrue(array.isArray(), array.toString());
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            assertTrue(array.get(i).isNumber(), "a number: " + array);
            out[i] = array.get(i).asDouble();
        }
        return out;
    }

    static void assertArrayClose(double[] expected, double[] actual, double tolerance) {
        assertEquals(expected.length, actual.length, "lengths");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], tolerance, "element " + i + " of " + java.util.Arrays.toString(actual));
        }
    }

    /** Finite, not negative, adding up to 1. */
    static void assertFinitePmf(double[] w) {
        double sum = 0;
        for (double v : w) {
            assertTrue(Double.isFinite(v) && v >= 0, "a finite weight ≥ 0: " + java.util.Arrays.toString(w));
            sum += v;
        }
        assertEquals(1, sum, 1e-12, "the weights add up to 1");
    }
}
