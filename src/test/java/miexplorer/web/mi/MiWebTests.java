package miexplorer.web.mi;

import static miexplorer.testing.PageText.get;
import static miexplorer.testing.PageText.measures;
import static miexplorer.testing.PageText.raw;
import static miexplorer.testing.PageText.unescape;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.testtools.HttpClient;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import miexplorer.testing.Form;
import miexplorer.testing.JointReference;
import miexplorer.testing.PageText.Res;
import miexplorer.testing.PageText;
import miexplorer.web.App;

/**
 * The explorer over HTTP, with javalin-testtools: the full page and the htmx fragment, the
 * canonical URL, the table actions, every kind of bad input, and the JSON API.
 *
 * <p>Expected numbers are worked out here, from the definitions, by {@link Info} (or by hand, in
 * the comments); nothing is asked of the app's own maths classes. Every response goes through
 * {@link #call}, which fails the test if it carries a stack trace.
 */
abstract class MiWebTests {
    static final ObjectMapper JSON = new ObjectMapper();

    /*
     * The tutorial's weather table, worked by hand:
     *   P(X) = (0.40, 0.60), P(Y) = (0.48, 0.52)
     *   H(X)   = −(0.4 log2 0.4 + 0.6 log2 0.6)                       = 0.970951 bits
     *   H(X|Y) = 0.48 · H(0.75, 0.25) + 0.52 · H(1/13, 12/13)
     *          = 0.48 · 0.811278 + 0.52 · 0.391244                    = 0.592860 bits
     *   I      = 0.970951 − 0.592860                                   = 0.378090 bits
     * (The tutorial rounds H(X|Y) down to 0.592 and prints 0.379.)
     */
    static final double[][] WEATHER = {{0.36, 0.04}, {0.12, 0.48}};

    // ---- helpers: requests ---------------------------------------------------------------------

    static Javalin app() {
        return App.create(App.Config.production());
    }

    static Res post(HttpClient client, Form form, boolean htmx) {
        return PageText.post(client, "/mi", form, htmx);
    }

    static Res api(HttpClient client, String json) {
        return raw(client, "/api/mi", json, "application/json", false);
    }

    static Form weatherForm() {
        return new Form().set("x", "Weather").set("y", "Forecast")
                .set("xl", "Rain", "Sun").set("yl", "Forecast rain", "Forecast sun")
                .set("c", "0.36", "0.04", "0.12", "0.48")
                .set("kind", "probabilities").set("base", "2").set("digits", "3").set("action", "update");
    }

    // ---- helpers: reading the HTML -------------------------------------------------------------

    /** The value of every input named {@code name}, in page order, unescaped. */
    static List<String> inputs(String html, String name) {
        Matcher m = Pattern.compile("<input id=\"[^\"]*\" name=\"" + Pattern.quote(name) + "\" value=\"([^\"]*)\"").matcher(html);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(unescape(m.group(1)));
        }
        return out;
    }

    /** The checked radio button's value in group {@code name}. */
    static String checked(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\" checked").matcher(html);
        return m.find() ? m.group(1) : null;
    }

    static String selectedDigits(String html) {
        Matcher m = Pattern.compile("<option value=\"(\\d+)\" selected").matcher(html);
        return m.find() ? m.group(1) : null;
    }

    /** The text of the message element with this id. */
    static String errorText(String html, String id) {
        if (id.equals("err-sum")) {
            return sumError(html);
        }
        Matcher m = Pattern.compile("<p class=\"field-error\" id=\"" + Pattern.quote(id) + "\">([^<]*)</p>").matcher(html);
        return m.find() ? unescape(m.group(1)) : null;
    }

    static String sumError(String html) {
        Matcher m = Pattern.compile("<div class=\"field-error\" id=\"err-sum\">\\s*<p>([^<]*)</p>").matcher(html);
        return m.find() ? unescape(m.group(1)) : null;
    }

    /** The explorer markup, from its opening tag to the end of the results section. */
    static String explorer(String html) {
        int start = html.indexOf("<div id=\"explorer\"");
        int end = html.indexOf("</section>", start);
        assertTrue(start >= 0 && end > start, "an explorer with a result section");
        return html.substring(start, end);
    }

    /** Two answers show the same state: the same fields, numbers and explorer markup. */
    static void assertSameState(HttpClient client, String a, String b) {
        for (String name : List.of("x", "y", "xl", "yl", "c")) {
            assertEquals(inputs(a, name), inputs(b, name), "inputs named " + name);
        }
        assertEquals(checked(a, "kind"), checked(b, "kind"), "kind");
        assertEquals(checked(a, "base"), checked(b, "base"), "base");
        assertEquals(selectedDigits(a), selectedDigits(b), "digits");
        assertEquals(measures(a), measures(b), "numbers");
        assertFalse(measures(a).isEmpty(), "there are numbers to compare");
        assertEquals(collapsed(explorer(a)), collapsed(explorer(b)), "the whole explorer");
    }

    static String collapsed(String html) {
        return html.replaceAll("\\s+", " ").replace("> <", "><");
    }

    static void assertNoRawHostileText(String html) {
        assertFalse(html.contains("<script>alert"), "raw <script> from a label");
        assertFalse(html.contains("<img src=x"), "raw <img> from a name");
        assertFalse(html.contains("\"><img"), "a name broke out of its attribute");
    }

    // ---- helpers: the expected numbers, from the definitions -----------------------------------

    /** v rounded half-even to {@code digits} decimals, as the page prints it (never "-0.000"). */
    static String fixed(double v, int digits) {
        return new BigDecimal(v).setScale(digits, RoundingMode.HALF_EVEN).toPlainString().replace("-0." + "0".repeat(digits), "0." + "0".repeat(digits));
    }

    /** What the results table must show for this table: each value in bits times {@code factor}. */
    static Map<String, String> expectedMeasures(double[][] w, int digits, String unit, double factor) {
        JointReference in = JointReference.of(w);
        Map<String, String> out = new LinkedHashMap<>();
        out.put("H(X)", fixed(in.hX() * factor, digits) + " " + unit);
        out.put("H(Y)", fixed(in.hY() * factor, digits) + " " + unit);
        out.put("H(X, Y)", fixed(in.hXY() * factor, digits) + " " + unit);
        out.put("H(X | Y)", fixed(in.hXgivenY() * factor, digits) + " " + unit);
        out.put("H(Y | X)", fixed(in.hYgivenX() * factor, digits) + " " + unit);
        out.put("I(X; Y)", fixed(in.mi() * factor, digits) + " " + unit);
        return out;
    }

    static void assertArray(double[] expected, JsonNode actual) {
        assertEquals(expected.length, actual.size(), actual.toString());
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual.get(i).asDouble(), 1e-12, actual.toString());
        }
    }

    static void assertTable(double[][] expected, JsonNode actual) {
        assertEquals(expected.length, actual.size(), actual.toString());
        for (int i = 0; i < expected.length; i++) {
            assertArray(expected[i], actual.get(i));
        }
    }

    /** A changed table: new names and labels, fractions and a percentage, base e, 4 decimals. */
    static Form changedTable() {
        return new Form().set("x", "Coin").set("y", "Die parity")
                .set("xl", "Heads", "Tails").set("yl", "Odd", "Even")
                .set("c", "1/6", "1/3", "25%", "0.25")
                .set("kind", "probabilities").set("base", "e").set("digits", "4").set("action", "update");
    }
}
