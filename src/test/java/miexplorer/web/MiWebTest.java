package miexplorer.web;

import static miexplorer.testing.PageText.get;
import static miexplorer.testing.PageText.measures;
import static miexplorer.testing.PageText.miValue;
import static miexplorer.testing.PageText.raw;
import static miexplorer.testing.PageText.read;
import static miexplorer.testing.PageText.unescape;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.testtools.FormBody;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import miexplorer.testing.PageText.Res;
import miexplorer.testing.PageText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The explorer over HTTP, with javalin-testtools: the full page and the htmx fragment, the
 * canonical URL, the table actions, every kind of bad input, and the JSON API.
 *
 * <p>Expected numbers are worked out here, from the definitions, by {@link Info} (or by hand, in
 * the comments); nothing is asked of the app's own maths classes. Every response goes through
 * {@link #call}, which fails the test if it carries a stack trace.
 */
class MiWebTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /*
     * The tutorial's weather table, worked by hand:
     *   P(X) = (0.40, 0.60), P(Y) = (0.48, 0.52)
     *   H(X)   = −(0.4 log2 0.4 + 0.6 log2 0.6)                       = 0.970951 bits
     *   H(X|Y) = 0.48 · H(0.75, 0.25) + 0.52 · H(1/13, 12/13)
     *          = 0.48 · 0.811278 + 0.52 · 0.391244                    = 0.592860 bits
     *   I      = 0.970951 − 0.592860                                   = 0.378090 bits
     * (The tutorial rounds H(X|Y) down to 0.592 and prints 0.379.)
     */
    private static final double[][] WEATHER = {{0.36, 0.04}, {0.12, 0.48}};

    // ---- 1. the default page -------------------------------------------------------------------

    @Test
    void the_default_page_shows_the_weather_table_with_exact_values_not_the_tutorials_rounding() {
        JavalinTest.test(app(), (server, client) -> {
            Res res = get(client, "/mi", false);
            assertEquals(200, res.code());
            Map<String, String> m = measures(res.body());
            assertEquals("0.971 bits", m.get("H(X)"));
            assertEquals("0.593 bits", m.get("H(X | Y)"));
            assertEquals("0.378 bits", m.get("I(X; Y)"));
            assertEquals("0.378 bits", miValue(res.body()));
            assertFalse(m.get("H(X | Y)").startsWith("0.592"), "H(X|Y) must not be the tutorial's rounded 0.592");
            assertEquals(expectedMeasures(WEATHER, 3, "bits", 1), m);
            assertEquals(List.of("0.36", "0.04", "0.12", "0.48"), inputs(res.body(), "c"));
            assertEquals(List.of("Rain", "Sun"), inputs(res.body(), "xl"));
            assertEquals(List.of("Forecast rain", "Forecast sun"), inputs(res.body(), "yl"));
        });
    }

    @Test
    void the_tutorial_note_quotes_the_true_unrounded_values() {
        JavalinTest.test(app(), (server, client) -> {
            String body = get(client, "/mi", false).body();
            Info w = Info.of(WEATHER);
            assertTrue(body.contains("0.379"), "the note about the tutorial's 0.379 is there");
            // the note's unrounded values, to five decimals, must be the table's real ones
            assertTrue(body.contains(fixed(w.hXgivenY, 5)), "note shows H(X|Y) = " + fixed(w.hXgivenY, 5) + "…");
            assertTrue(body.contains(fixed(w.mi, 5)), "note shows I = " + fixed(w.mi, 5) + "…");
            assertFalse(body.contains("0.37831"), "0.37831 is not this table's I (it is 0.37809…)");
            assertFalse(body.contains("0.59264"), "0.59264 is not this table's H(X|Y) (it is 0.59286…)");
        });
    }

    // ---- 2. page and fragment ------------------------------------------------------------------

    /** A 2 × 3 table that is not a preset: (0.1, 0.2, 0.1; 0.3, 0.1, 0.2). */
    private static final String TWO_BY_THREE = "/mi?x=Colour&y=Size&xl=Red&xl=Blue&yl=S&yl=M&yl=L"
            + "&p=0.1,0.2,0.1;0.3,0.1,0.2&kind=probabilities&base=2";
    private static final double[][] TWO_BY_THREE_P = {{0.1, 0.2, 0.1}, {0.3, 0.1, 0.2}};

    @ParameterizedTest(name = "htmx = {0}")
    @ValueSource(booleans = {false, true})
    void full_page_and_fragment_show_the_same_numbers(boolean htmx) {
        JavalinTest.test(app(), (server, client) -> {
            Res res = get(client, TWO_BY_THREE, htmx);
            assertEquals(200, res.code());
            assertTrue(res.header("Vary").contains("HX-Request"), "Vary: HX-Request is sent");
            assertEquals(expectedMeasures(TWO_BY_THREE_P, 3, "bits", 1), measures(res.body()));
            assertEquals(List.of("0.1", "0.2", "0.1", "0.3", "0.1", "0.2"), inputs(res.body(), "c"));
            if (htmx) {
                assertFalse(res.body().contains("<html"), "a fragment is not a whole page");
                assertTrue(res.body().strip().startsWith("<div id=\"explorer\""), "the fragment is the explorer");
                assertTrue(res.body().contains("hx-swap-oob"), "the announcement rides along out of band");
            } else {
                assertTrue(res.body().contains("<html"), "the full page");
                assertTrue(res.body().contains("<div id=\"explorer\""), "the page holds the explorer");
            }
        });
    }

    @Test
    void page_and_fragment_of_one_state_agree_exactly() {
        JavalinTest.test(app(), (server, client) -> {
            Res page = get(client, TWO_BY_THREE + "&digits=6", false);
            Res fragment = get(client, TWO_BY_THREE + "&digits=6", true);
            assertEquals(measures(page.body()), measures(fragment.body()));
            assertEquals(expectedMeasures(TWO_BY_THREE_P, 6, "bits", 1), measures(fragment.body()));
            assertEquals(explorer(page.body()), explorer(fragment.body()), "the same explorer markup in both");
        });
    }

    // ---- 3. the canonical URL ------------------------------------------------------------------

    /** A changed table: new names and labels, fractions and a percentage, base e, 4 decimals. */
    private static Form changedTable() {
        return new Form().set("x", "Coin").set("y", "Die parity")
                .set("xl", "Heads", "Tails").set("yl", "Odd", "Even")
                .set("c", "1/6", "1/3", "25%", "0.25")
                .set("kind", "probabilities").set("base", "e").set("digits", "4").set("action", "update");
    }

    private static final double[][] CHANGED_P = {{1.0 / 6, 1.0 / 3}, {0.25, 0.25}};

    @Test
    void posting_with_htmx_pushes_a_canonical_url_that_reopens_the_same_state() {
        JavalinTest.test(app(), (server, client) -> {
            Res posted = post(client, changedTable(), true);
            assertEquals(200, posted.code());
            assertTrue(posted.header("Vary").contains("HX-Request"));
            String url = posted.header("HX-Push-Url");
            assertTrue(url.startsWith("/mi?"), url);
            assertEquals("/mi?x=Coin&y=Die+parity&xl=Heads&xl=Tails&yl=Odd&yl=Even&p=1/6,1/3;25%25,0.25"
                    + "&kind=probabilities&base=e&digits=4", url);

            Res reopened = get(client, url, false);
            assertEquals(200, reopened.code());
            assertTrue(reopened.body().contains("<html"));
            assertSameState(client, posted.body(), reopened.body());
            assertEquals(expectedMeasures(CHANGED_P, 4, "nats", Math.log(2)), measures(reopened.body()));
        });
    }

    @Test
    void posting_without_javascript_redirects_to_the_canonical_url_with_the_same_results() {
        JavalinTest.test(app(), (server, client) -> {
            String pushed = post(client, changedTable(), true).header("HX-Push-Url");
            Res posted = post(client, changedTable(), false);
            assertEquals(303, posted.code());
            assertTrue(posted.header("Vary").contains("HX-Request"), "the redirect varies on HX-Request too");
            String location = posted.header("Location");
            assertEquals(pushed, location, "the redirect and the pushed URL are the one canonical URL");
            Res page = get(client, location, false);
            assertEquals(200, page.code());
            assertEquals(expectedMeasures(CHANGED_P, 4, "nats", Math.log(2)), measures(page.body()));
            assertEquals(List.of("1/6", "1/3", "25%", "0.25"), inputs(page.body(), "c"));
            assertSameState(client, post(client, changedTable(), true).body(), page.body());
        });
    }

    @Test
    void the_canonical_url_of_the_default_table_reopens_it() {
        JavalinTest.test(app(), (server, client) -> {
            String url = post(client, weatherForm(), true).header("HX-Push-Url");
            assertEquals("/mi?x=Weather&y=Forecast&xl=Rain&xl=Sun&yl=Forecast+rain&yl=Forecast+sun"
                    + "&p=0.36,0.04;0.12,0.48&kind=probabilities&base=2", url);
            assertSameState(client, get(client, "/mi", false).body(), get(client, url, false).body());
        });
    }

    // ---- 4. number formats and counts ----------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"0.36 0.04 0.12 0.48", "9/25 1/25 3/25 12/25", "36% 4% 12% 48%", ".36 4e-2 12% 12/25"})
    void fractions_and_percentages_give_the_same_result_as_decimals(String cells) {
        JavalinTest.test(app(), (server, client) -> {
            Res res = post(client, weatherForm().set("c", cells.split(" ")), true);
            assertEquals(200, res.code());
            assertEquals("0.378 bits", miValue(res.body()));
            assertEquals(expectedMeasures(WEATHER, 3, "bits", 1), measures(res.body()));
            assertEquals(Arrays.asList(cells.split(" ")), inputs(res.body(), "c"), "the cells stay as typed");
        });
    }

    @Test
    void posting_a_counts_table_normalises_it_and_says_so() {
        JavalinTest.test(app(), (server, client) -> {
            // counts 8, 2 / 3, 7: N = 20, so P = 0.40, 0.10 / 0.15, 0.35
            Form counts = weatherForm().set("c", "8", "2", "3", "7").set("kind", "counts");
            Res res = post(client, counts, true);
            assertEquals(200, res.code());
            double[][] p = {{0.40, 0.10}, {0.15, 0.35}};
            assertEquals(expectedMeasures(p, 3, "bits", 1), measures(res.body()));
            assertEquals(fixed(Info.of(p).mi, 3) + " bits", miValue(res.body())); // 0.191 bits
            assertEquals("0.191 bits", miValue(res.body()));
            assertTrue(res.body().contains("Step 0: from counts to probabilities"), "the normalisation is a step");
            assertTrue(res.body().contains("N = 20"), "the total of the counts is shown");
            assertTrue(res.body().contains("8 / 20 = 0.400"), "the first cell is divided by N");
            assertEquals("counts", checked(res.body(), "kind"));
            assertTrue(res.header("HX-Push-Url").contains("p=8,2;3,7&kind=counts"), res.header("HX-Push-Url"));
        });
    }

    @Test
    void counts_that_are_scaled_probabilities_give_the_same_mutual_information() {
        JavalinTest.test(app(), (server, client) -> {
            Res res = get(client, "/mi?xl=Rain&xl=Sun&yl=R&yl=S&p=36,4;12,48&kind=counts", false);
            assertEquals(200, res.code());
            assertEquals("0.378 bits", miValue(res.body()));
        });
    }

    // ---- 5. log bases --------------------------------------------------------------------------

    @ParameterizedTest(name = "base {0}")
    @ValueSource(strings = {"2", "e", "10"})
    void each_base_prints_its_unit_and_scales_every_value_from_bits(String base) {
        JavalinTest.test(app(), (server, client) -> {
            String unit = switch (base) {
                case "2" -> "bits";
                case "e" -> "nats";
                default -> "hartleys";
            };
            // a value in bits times log_b(2) is the value in base b
            double factor = switch (base) {
                case "2" -> 1;
                case "e" -> Math.log(2);
                default -> Math.log10(2);
            };
            Res res = get(client, "/mi?xl=Rain&xl=Sun&yl=R&yl=S&p=0.36,0.04;0.12,0.48&base=" + base + "&digits=6", false);
            assertEquals(200, res.code());
            Map<String, String> m = measures(res.body());
            assertEquals(expectedMeasures(WEATHER, 6, unit, factor), m);
            for (String key : List.of("H(X)", "H(Y)", "H(X, Y)", "H(X | Y)", "H(Y | X)", "I(X; Y)")) {
                assertTrue(m.get(key).endsWith(" " + unit), key + " carries its unit: " + m.get(key));
            }
            // by hand: 0.378090 bits = 0.262072 nats = 0.113817 hartleys
            assertEquals(switch (base) {
                case "2" -> "0.378090 bits";
                case "e" -> "0.262072 nats";
                default -> "0.113817 hartleys";
            }, miValue(res.body()));
            assertEquals(base, checked(res.body(), "base"));
        });
    }

    // ---- 6. actions ----------------------------------------------------------------------------

    @Test
    void add_row_appends_a_zero_row_and_keeps_the_numbers() {
        JavalinTest.test(app(), (server, client) -> {
            Res res = post(client, weatherForm().set("action", "add-row"), true);
            assertEquals(200, res.code());
            assertEquals(List.of("Rain", "Sun", "x3"), inputs(res.body(), "xl"));
            assertEquals(List.of("0.36", "0.04", "0.12", "0.48", "0", "0"), inputs(res.body(), "c"));
            assertEquals("0.378 bits", miValue(res.body()));
            assertTrue(res.header("HX-Push-Url").contains("&xl=x3&") && res.header("HX-Push-Url").contains("p=0.36,0.04;0.12,0.48;0,0"),
                    res.header("HX-Push-Url"));
            assertTrue(res.body().contains("0 · log 0 = 0"), "the zero row's terms are explained");
        });
    }

    @Test
    void add_column_appends_a_zero_column() {
        JavalinTest.test(app(), (server, client) -> {
            Res res = post(client, weatherForm().set("action", "add-col"), true);
            assertEquals(200, res.code());
            assertEquals(List.of("Forecast rain", "Forecast sun", "y3"), inputs(res.body(), "yl"));
            assertEquals(List.of("0.36", "0.04", "0", "0.12", "0.48", "0"), inputs(res.body(), "c"));
            assertEquals("0.378 bits", miValue(res.body()));
            assertTrue(res.body().contains("has probability 0"), "the empty column is skipped with its reason");
        });
    }

    @Test
    void remove_row_drops_that_row() {
        JavalinTest.test(app(), (server, client) -> {
            // a third, all-zero row removed again gives back the weather table
            Form three = weatherForm().set("xl", "Rain", "Sun", "Fog").set("c", "0.36", "0.04", "0.12", "0.48", "0", "0");
            Res res = post(client, three.set("action", "remove-row-2"), true);
            assertEquals(200, res.code());
            assertEquals(List.of("Rain", "Sun"), inputs(res.body(), "xl"));
            assertEquals("0.378 bits", miValue(res.body()));

            // removing Rain from the weather table leaves 0.12 + 0.48 = 0.6: shown, not lost
            Res rest = post(client, weatherForm().set("action", "remove-row-0"), true);
            assertEquals(422, rest.code());
            assertEquals(List.of("Sun"), inputs(rest.body(), "xl"));
            assertEquals(List.of("0.12", "0.48"), inputs(rest.body(), "c"));
            assertTrue(sumError(rest.body()).contains("add up to 0.6, not 1"), sumError(rest.body()));
            assertNull(rest.header("HX-Push-Url"), "an invalid state is not pushed");
        });
    }

    @Test
    void remove_column_drops_that_column() {
        JavalinTest.test(app(), (server, client) -> {
            Form three = weatherForm().set("yl", "Forecast rain", "Forecast sun", "No forecast")
                    .set("c", "0.36", "0.04", "0", "0.12", "0.48", "0");
            Res res = post(client, three.set("action", "remove-col-2"), true);
            assertEquals(200, res.code());
            assertEquals(List.of("Forecast rain", "Forecast sun"), inputs(res.body(), "yl"));
            assertEquals(List.of("0.36", "0.04", "0.12", "0.48"), inputs(res.body(), "c"));
        });
    }

    @Test
    void transpose_swaps_names_labels_and_cells_and_keeps_i() {
        JavalinTest.test(app(), (server, client) -> {
            Res res = post(client, weatherForm().set("action", "transpose"), true);
            assertEquals(200, res.code());
            assertEquals(List.of("Forecast"), inputs(res.body(), "x"));
            assertEquals(List.of("Weather"), inputs(res.body(), "y"));
            assertEquals(List.of("Forecast rain", "Forecast sun"), inputs(res.body(), "xl"));
            assertEquals(List.of("Rain", "Sun"), inputs(res.body(), "yl"));
            assertEquals(List.of("0.36", "0.12", "0.04", "0.48"), inputs(res.body(), "c"));
            assertEquals("0.378 bits", miValue(res.body()));
            Map<String, String> m = measures(res.body());
            // H(X) is now the forecast's entropy, H(0.48, 0.52) = 0.999 bits; H(Y) the weather's
            assertEquals("0.999 bits", m.get("H(X)"));
            assertEquals("0.971 bits", m.get("H(Y)"));
        });
    }

    @Test
    void product_replaces_the_table_by_its_marginals_product_with_zero_information() {
        JavalinTest.test(app(), (server, client) -> {
            Res res = post(client, weatherForm().set("action", "product"), true);
            assertEquals(200, res.code());
            // P(x)P(y): 0.4·0.48, 0.4·0.52 / 0.6·0.48, 0.6·0.52
            assertEquals(List.of("0.192", "0.208", "0.288", "0.312"), inputs(res.body(), "c"));
            assertEquals("0.000 bits", miValue(res.body()));
            Map<String, String> m = measures(res.body());
            assertEquals("0.971 bits", m.get("H(X)"), "the marginals are kept");
            assertEquals("0.971 bits", m.get("H(X | Y)"), "knowing Y no longer helps");
            assertTrue(res.body().contains("Yes: P(x, y) = P(x) P(y) in every cell"), "the table is reported independent");
        });
    }

    @Test
    void normalise_turns_counts_into_exact_fractions_and_probabilities() {
        JavalinTest.test(app(), (server, client) -> {
            Form counts = weatherForm().set("c", "8", "2", "3", "7").set("kind", "counts").set("action", "normalise");
            Res res = post(client, counts, true);
            assertEquals(200, res.code());
            // 8/20 = 2/5, 2/20 = 1/10, 3/20, 7/20
            assertEquals(List.of("2/5", "1/10", "3/20", "7/20"), inputs(res.body(), "c"));
            assertEquals("probabilities", checked(res.body(), "kind"));
            assertEquals("0.191 bits", miValue(res.body()));
            assertTrue(res.header("HX-Push-Url").contains("p=2/5,1/10;3/20,7/20&kind=probabilities"), res.header("HX-Push-Url"));
        });
    }

    @Test
    void normalise_fixes_a_table_that_does_not_sum_to_one() {
        JavalinTest.test(app(), (server, client) -> {
            // 0.36, 0.04 / 0.12, 0.40 adds up to 0.92; divided by 0.92 it is a distribution
            Form off = weatherForm().set("c", "0.36", "0.04", "0.12", "0.40");
            assertEquals(422, post(client, off, true).code());
            Res res = post(client, off.set("action", "normalise"), true);
            assertEquals(200, res.code());
            double[][] p = {{0.36 / 0.92, 0.04 / 0.92}, {0.12 / 0.92, 0.40 / 0.92}};
            assertEquals(expectedMeasures(p, 3, "bits", 1), measures(res.body()));
            double sum = 0;
            for (String c : inputs(res.body(), "c")) {
                sum += Double.parseDouble(c);
            }
            assertEquals(1, sum, 1e-9);
        });
    }

    /*
     * The dependence slider keeps the weather table's marginals (0.4, 0.6) and (0.48, 0.52). At 0
     * every cell is P(x)P(y): 0.192, 0.208 / 0.288, 0.312, and I = 0. At +1 the off-diagonal cell
     * p12 = 0.208 − t_max = 0 (t_max = 0.208), so p = 0.4, 0 / 0.08, 0.52: H(X|Y) = 0.52 · H(0, 1) +
     * 0.48 · H(1/6, 5/6) = 0.48 · 0.650022 = 0.312011, and I = 0.970951 − 0.312011 = 0.659 bits.
     */
    @Test
    void the_dependence_slider_moves_a_2x2_table_between_independent_and_the_most_dependent_its_marginals_allow() {
        JavalinTest.test(app(), (server, client) -> {
            assertTrue(get(client, "/mi", false).body().contains("name=\"dep\" min=\"-1\" max=\"1\" step=\"0.01\" value=\"0.8077\""),
                    "the weather table sits at t / t_max = 0.168 / 0.208");
            Res independent = post(client, weatherForm().set("action", "dependence").set("dep", "0"), true);
            assertEquals(200, independent.code());
            assertEquals(List.of("0.192", "0.208", "0.288", "0.312"), inputs(independent.body(), "c"));
            assertEquals("0.000 bits", miValue(independent.body()));
            Res most = post(client, weatherForm().set("action", "dependence").set("dep", "1"), true);
            assertEquals(List.of("0.4", "0", "0.08", "0.52"), inputs(most.body(), "c"));
            assertEquals("0.659 bits", miValue(most.body()));
            assertTrue(most.header("HX-Push-Url").contains("p=0.4,0;0.08,0.52&kind=probabilities"), "the state is in the URL");
            // Without JavaScript, "Set" posts the slider: post, redirect, get.
            Res plain = post(client, weatherForm().set("action", "dependence").set("dep", "1"), false);
            assertEquals(303, plain.code());
            assertEquals(most.header("HX-Push-Url"), plain.header("Location"));
        });
    }

    /* Both marginals uniform: the slider is ε, and ε = 0.25 gives 0.375, 0.125 / 0.125, 0.375: I = 1 − H(0.25) = 0.189 bits. */
    @Test
    void a_binary_symmetric_channel_gets_a_crossover_slider() {
        JavalinTest.test(app(), (server, client) -> {
            Form channel = weatherForm().set("c", "0.45", "0.05", "0.05", "0.45");
            Res shown = post(client, channel, true);
            assertTrue(shown.body().contains("name=\"eps\" min=\"0\" max=\"1\" step=\"0.01\" value=\"0.1\""), shown.body());
            assertFalse(shown.body().contains("name=\"dep\""), "one slider, not two");
            Res moved = post(client, channel.set("action", "crossover").set("eps", "0.25"), true);
            assertEquals(List.of("0.375", "0.125", "0.125", "0.375"), inputs(moved.body(), "c"));
            assertEquals("0.189 bits", miValue(moved.body()));
        });
    }

    @Test
    void a_slider_value_out_of_range_or_on_a_larger_table_gets_its_message_and_keeps_the_table() {
        JavalinTest.test(app(), (server, client) -> {
            Res bad = post(client, weatherForm().set("action", "dependence").set("dep", "2"), true);
            assertEquals(422, bad.code());
            assertEquals("The dependence must be a number from −1 to 1; it was 2.", PageText.byId(bad.body(), "err-dep"));
            assertEquals(List.of("0.36", "0.04", "0.12", "0.48"), inputs(bad.body(), "c"), "the table as typed");
            assertTrue(bad.body().contains("<a href=\"#dep-slider\">The dependence slider</a>"), "the summary links to it");
            Res word = post(client, weatherForm().set("c", "0.45", "0.05", "0.05", "0.45").set("action", "crossover").set("eps", "half"), true);
            assertEquals("The crossover probability ε must be a number from 0 to 1.", PageText.byId(word.body(), "err-eps"));
            Form wide = weatherForm().set("yl", "a", "b", "c").set("c", "0.2", "0.1", "0.1", "0.2", "0.2", "0.2")
                    .set("action", "dependence").set("dep", "0");
            Res three = post(client, wide, true);
            assertEquals(422, three.code());
            assertTrue(three.body().contains("The dependence slider works on a 2 × 2 table; this one is 2 × 3."), three.body());
            assertFalse(three.body().contains("type=\"range\""), "and a 2 × 3 table shows none");
        });
    }

    @Test
    void the_crossover_slider_refuses_a_table_that_is_no_channel_and_an_action_on_overflowing_cells_says_why() {
        JavalinTest.test(app(), (server, client) -> {
            Res weather = post(client, weatherForm().set("action", "crossover").set("eps", "0.2"), true);
            assertEquals(422, weather.code());
            assertTrue(weather.body().contains("The crossover slider works on a binary symmetric channel"), weather.body());
            assertEquals(List.of("0.36", "0.04", "0.12", "0.48"), inputs(weather.body(), "c"), "the table is left as it was");
            for (String action : List.of("dependence", "normalise", "product")) {
                Res huge = post(client, weatherForm().set("kind", "counts").set("c", "1e308", "1e308", "1", "1")
                        .set("action", action).set("dep", "0"), true);
                assertEquals(422, huge.code(), action);
                assertTrue(huge.body().contains("The cells add up to more than can be computed with"), action + ": " + huge.body());
            }
        });
    }

    /* A few bytes of ";" and "," would ask for 300 × 300 padded cells: the form shows at most 64 × 64. */
    @Test
    void a_shape_far_beyond_the_limits_is_cut_to_twice_them_with_a_message() {
        JavalinTest.test(app(), (server, client) -> {
            Res res = get(client, "/mi?p=" + ";".repeat(300) + ",".repeat(300), false);
            assertEquals(400, res.code());
            assertTrue(res.body().contains("This table is 301 × 301, far more than the explorer's 32 × 32: only its first 64 rows"),
                    "says so");
            assertEquals(64 * 64, inputs(res.body(), "c").size(), "at most 64 × 64 cells drawn");
            assertTrue(res.body().length() < 2_000_000, "a page of " + res.body().length() + " characters");
        });
    }

    @Test
    void reset_brings_back_the_weather_table() {
        JavalinTest.test(app(), (server, client) -> {
            Res res = post(client, changedTable().set("action", "reset"), true);
            assertEquals(200, res.code());
            assertSameState(client, get(client, "/mi", true).body(), res.body());
            assertEquals("0.378 bits", miValue(res.body()));
            Res plain = post(client, changedTable().set("action", "reset"), false);
            assertEquals(303, plain.code());
            assertEquals(res.header("HX-Push-Url"), plain.header("Location"));
        });
    }

    // ---- 7. bad input --------------------------------------------------------------------------

    /** One kind of bad form input: what is posted, where its message appears, and what it says. */
    record Bad(String name, Form form, String errorId, String message, List<String> typed, String typedField) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Bad> badForms() {
        List<String> cells = List.of("0.36", "0.04", "0.12", "0.48");
        List<Bad> all = new ArrayList<>();
        for (String[] c : new String[][] {
                {"a non-number", "abc", "is not a number"},
                {"a negative cell", "-0.1", "is negative"},
                {"NaN", "NaN", "NaN (not a number) is not allowed"},
                {"Infinity", "Infinity", "is not allowed: enter a finite number"},
                {"a decimal comma", "0,36", "write the decimal separator as a point (0.36)"},
                {"an empty cell", "", "Empty. Enter a number"}}) {
            List<String> typed = new ArrayList<>(cells);
            typed.set(2, c[1]);
            all.add(new Bad(c[0], weatherForm().set("c", typed.toArray(String[]::new)), "err-p-1-0", c[2], typed, "c"));
        }
        all.add(new Bad("a sum other than 1", weatherForm().set("c", "0.36", "0.04", "0.12", "0.40"), "err-sum",
                "add up to 0.92, not 1. Normalise the table", List.of("0.36", "0.04", "0.12", "0.40"), "c"));
        all.add(new Bad("all-zero counts", weatherForm().set("c", "0", "0", "0", "0").set("kind", "counts"), "err-table",
                "Every cell is 0", List.of("0", "0", "0", "0"), "c"));
        List<String> rows = new ArrayList<>();
        List<String> big = new ArrayList<>();
        for (int i = 1; i <= 33; i++) {
            rows.add("r" + i);
            big.add(String.valueOf(i));
            big.add("1");
        }
        all.add(new Bad("33 rows", weatherForm().set("xl", rows.toArray(String[]::new)).set("c", big.toArray(String[]::new))
                .set("kind", "counts"), "err-table", "at most 32 rows and 32 columns", rows, "xl"));
        all.add(new Bad("a repeated row label", weatherForm().set("xl", "Rain", "Rain"), "err-xl-1",
                "“Rain” already names row 1", List.of("Rain", "Rain"), "xl"));
        all.add(new Bad("a repeated column label", weatherForm().set("yl", "F", "F"), "err-yl-1",
                "“F” already names column 1", List.of("F", "F"), "yl"));
        all.add(new Bad("an empty row label", weatherForm().set("xl", "", "Sun"), "err-xl-0",
                "Empty label", List.of("", "Sun"), "xl"));
        all.add(new Bad("an empty variable name", weatherForm().set("x", ""), "err-x",
                "Give the variable a name", List.of(""), "x"));
        all.add(new Bad("a probability above 1", weatherForm().set("c", "0.36", "0.04", "1.5", "0.48"), "err-p-1-0",
                "is more than 1", List.of("0.36", "0.04", "1.5", "0.48"), "c"));
        all.add(new Bad("a division by zero", weatherForm().set("c", "0.36", "0.04", "1/0", "0.48"), "err-p-1-0",
                "divides by zero", List.of("0.36", "0.04", "1/0", "0.48"), "c"));
        all.add(new Bad("an unknown base", weatherForm().set("base", "3"), "err-base",
                "is not a log base offered here", List.of("0.36", "0.04", "0.12", "0.48"), "c"));
        return all.stream();
    }

    static Stream<Arguments> badFormsBothWays() {
        return badForms().flatMap(b -> Stream.of(Arguments.of(b, false), Arguments.of(b, true)));
    }

    @ParameterizedTest(name = "{0}, htmx = {1}")
    @MethodSource("badFormsBothWays")
    void every_bad_input_gets_its_message_beside_the_field_a_4xx_and_the_typed_values_back(Bad bad, boolean htmx) {
        JavalinTest.test(app(), (server, client) -> {
            Res res = post(client, bad.form, htmx);
            assertEquals(422, res.code(), "status");
            assertNull(res.header("HX-Push-Url"), "an invalid state is not pushed");
            assertEquals(htmx, !res.body().contains("<html"), "htmx gets the fragment (so the message is swapped in), else the page");
            String message = errorText(res.body(), bad.errorId);
            assertNotNull(message, "a message with id " + bad.errorId);
            assertTrue(message.contains(bad.message), "message: " + message);
            assertEquals(bad.typed, inputs(res.body(), bad.typedField), "the typed values are back in the form");
            if (!bad.errorId.equals("err-table") && !bad.errorId.equals("err-sum") && !bad.errorId.equals("err-base")) {
                assertTrue(res.body().contains("aria-describedby=\"" + bad.errorId + "\""), "the field points at its message");
            }
            assertTrue(res.body().contains("id=\"problems\""), "the results say what to fix");
            // and each entry there that names a field links to it
            String problems = res.body().substring(res.body().indexOf("id=\"problems\""), res.body().indexOf("</div>", res.body().indexOf("id=\"problems\"")));
            Matcher link = Pattern.compile("<a href=\"#([^\"]+)\">").matcher(problems);
            while (link.find()) {
                assertTrue(res.body().contains(" id=\"" + link.group(1) + "\""), "the summary links to #" + link.group(1) + ", which is there");
            }
            assertNull(miValue(res.body()), "no result is shown for a bad table");
        });
    }

    @Test
    void the_summary_of_problems_names_each_cell_and_label_and_links_to_it() {
        JavalinTest.test(app(), (server, client) -> {
            Res res = get(client, "/mi?xl=Rain&xl=Sun&yl=Wet&yl=&p=0.5,abc;0,-1", false);
            assertEquals(400, res.code());
            String body = res.body();
            String problems = body.substring(body.indexOf("id=\"problems\""), body.indexOf("</div>", body.indexOf("id=\"problems\"")));
            assertTrue(problems.contains("<li><a href=\"#c-0-1\">Cell (Rain, column 2)</a>: “abc” is not a number"), problems);
            assertTrue(problems.contains("<li><a href=\"#c-1-1\">Cell (Sun, column 2)</a>: -1 is negative"), problems);
            assertTrue(problems.contains("<li><a href=\"#yl-1\">Label of column 2</a>: Empty label"), problems);
            assertTrue(body.contains("<input id=\"c-0-1\""), "the link's target is the cell");
        });
    }

    @Test
    void a_table_that_does_not_sum_to_one_offers_one_click_normalisation() {
        JavalinTest.test(app(), (server, client) -> {
            Res res = post(client, weatherForm().set("c", "0.36", "0.04", "0.12", "0.40"), true);
            assertEquals(422, res.code());
            assertTrue(sumError(res.body()).contains("Normalise the table (divide every cell by 0.92)"), sumError(res.body()));
            assertTrue(res.body().contains("<button type=\"submit\" name=\"action\" value=\"normalise\" id=\"act-normalise-sum\">"),
                    "a Normalise button sits in the message");
            // within 1e-9 of 1 is fine
            assertEquals(200, post(client, weatherForm().set("c", "0.36", "0.04", "0.12", "0.4800000001"), true).code());
            assertEquals(422, post(client, weatherForm().set("c", "0.36", "0.04", "0.12", "0.480000002"), true).code());
        });
    }

    @Test
    void a_ragged_get_answers_400_with_the_cells_shown() {
        JavalinTest.test(app(), (server, client) -> {
            Res res = get(client, "/mi?p=0.5,0.5;1", false);
            assertEquals(400, res.code());
            String table = errorText(res.body(), "err-table");
            assertNotNull(table);
            assertTrue(table.contains("Row 2 has 1 cells, but the table has 2 columns"), table);
            assertEquals(List.of("0.5", "0.5", "1", ""), inputs(res.body(), "c"), "typed cells kept, the missing one empty");
            assertTrue(res.body().contains("<html"));
            assertEquals(400, get(client, "/mi?p=0.5,0.5;1", true).code());
        });
    }

    @Test
    void a_bad_cell_in_a_get_url_answers_400_with_its_message() {
        JavalinTest.test(app(), (server, client) -> {
            Res res = get(client, "/mi?xl=A&xl=B&yl=C&yl=D&p=0.5,abc;0.25,0.25", false);
            assertEquals(400, res.code());
            assertTrue(errorText(res.body(), "err-p-0-1").contains("is not a number"));
            assertEquals(List.of("0.5", "abc", "0.25", "0.25"), inputs(res.body(), "c"));
            Res empty = get(client, "/mi?p=", false);
            assertEquals(400, empty.code());
            assertTrue(errorText(empty.body(), "err-table").contains("The table is empty"));
        });
    }

    @Test
    void an_oversized_form_body_answers_413_with_a_message() {
        JavalinTest.test(app(), (server, client) -> {
            String body = "x=Weather&c=" + "1".repeat((int) App.MAX_BODY + 1);
            Res res = raw(client, "/mi", body, "application/x-www-form-urlencoded", false);
            assertEquals(413, res.code());
            assertTrue(res.body().contains("too large"), res.body());
            assertTrue(res.body().contains("4 MB"), res.body());
        });
    }

    @Test
    void an_oversized_api_body_answers_413_with_a_json_message() {
        JavalinTest.test(app(), (server, client) -> {
            String body = "{\"p\": [[" + "0,".repeat((int) App.MAX_BODY / 2 + 1) + "1]]}";
            Res res = raw(client, "/api/mi", body, "application/json", false);
            assertEquals(413, res.code(), res.body());
            JsonNode errors = JSON.readTree(res.body()).get("errors");
            assertTrue(errors.get(0).get("message").asText().contains("too large"), res.body());
        });
    }

    private static final String HOSTILE = "<script>alert(1)</script>";
    private static final String HOSTILE_ATTR = "\"><img src=x onerror=alert(2)>";

    @Test
    void hostile_labels_are_escaped_in_the_page_the_fragment_and_the_pushed_url() {
        JavalinTest.test(app(), (server, client) -> {
            Form form = weatherForm().set("x", HOSTILE_ATTR).set("xl", HOSTILE, "Sun");
            Res fragment = post(client, form, true);
            assertEquals(200, fragment.code());
            assertNoRawHostileText(fragment.body());
            assertTrue(fragment.body().contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the label is shown, escaped");
            assertEquals(List.of(HOSTILE, "Sun"), inputs(fragment.body(), "xl"), "and comes back as typed");
            assertEquals(List.of(HOSTILE_ATTR), inputs(fragment.body(), "x"));

            String url = fragment.header("HX-Push-Url");
            for (String c : List.of("<", ">", "\"", " ")) {
                assertFalse(url.contains(c), "raw " + c + " in the pushed URL " + url);
            }
            assertTrue(url.contains("xl=%3Cscript%3Ealert%281%29%3C%2Fscript%3E"), url);
            Res page = get(client, url, false);
            assertEquals(200, page.code());
            assertNoRawHostileText(page.body());
            assertEquals(List.of(HOSTILE, "Sun"), inputs(page.body(), "xl"));

            Res redirect = post(client, form, false);
            assertEquals(303, redirect.code());
            assertEquals(url, redirect.header("Location"));

            // and in an error state, where the label is echoed in a message
            Res bad = post(client, form.set("xl", HOSTILE, HOSTILE), true);
            assertEquals(422, bad.code());
            assertNoRawHostileText(bad.body());
            assertTrue(errorText(bad.body(), "err-xl-1").contains(HOSTILE), "the message names the label (escaped in HTML)");
        });
    }

    @Test
    void unknown_actions_and_bad_settings_get_messages_not_errors() {
        JavalinTest.test(app(), (server, client) -> {
            Res action = post(client, weatherForm().set("action", "explode"), true);
            assertEquals(422, action.code());
            assertTrue(errorText(action.body(), "err-action").contains("is not something this form can do"));
            Res digits = get(client, "/mi?xl=A&xl=B&yl=C&yl=D&p=0.5,0;0,0.5&digits=99", false);
            assertEquals(400, digits.code());
            assertTrue(errorText(digits.body(), "err-digits").contains("from 1 to 15"));
            Res kind = get(client, "/mi?xl=A&xl=B&yl=C&yl=D&p=0.5,0;0,0.5&kind=weights", false);
            assertEquals(400, kind.code());
            assertTrue(errorText(kind.body(), "err-kind").contains("is not a kind of table"));
        });
    }

    // ---- 8. the JSON API -----------------------------------------------------------------------

    @Test
    void the_api_answers_the_weather_table_at_full_precision() {
        JavalinTest.test(app(), (server, client) -> {
            Res res = api(client, "{\"p\": [[0.36, 0.04], [0.12, 0.48]], \"xLabels\": [\"Rain\", \"Sun\"],"
                    + " \"yLabels\": [\"Forecast rain\", \"Forecast sun\"], \"base\": \"2\", \"kind\": \"probabilities\"}");
            assertEquals(200, res.code());
            JsonNode a = JSON.readTree(res.body());
            Info w = Info.of(WEATHER);
            assertEquals("bits", a.get("unit").asText());
            assertEquals(w.mi, a.get("mutualInformation").asDouble(), 1e-12);
            assertEquals(0.378090, a.get("mutualInformation").asDouble(), 5e-7); // worked by hand above
            assertEquals(w.hX, a.get("entropyX").asDouble(), 1e-12);
            assertEquals(w.hY, a.get("entropyY").asDouble(), 1e-12);
            assertEquals(w.hXY, a.get("jointEntropy").asDouble(), 1e-12);
            assertEquals(w.hXgivenY, a.get("conditionalEntropyXGivenY").asDouble(), 1e-12);
            assertEquals(w.hYgivenX, a.get("conditionalEntropyYGivenX").asDouble(), 1e-12);
            assertArray(new double[] {0.4, 0.6}, a.get("px"));
            assertArray(new double[] {0.48, 0.52}, a.get("py"));
            assertTable(WEATHER, a.get("p"));
        });
    }

    @Test
    void the_api_accepts_the_strings_the_form_accepts_and_defaults_base_and_kind() {
        JavalinTest.test(app(), (server, client) -> {
            Res res = api(client, "{\"p\": [[\"9/25\", \"4%\"], [\"0.12\", 0.48]]}");
            assertEquals(200, res.code(), res.body());
            JsonNode a = JSON.readTree(res.body());
            assertEquals("bits", a.get("unit").asText());
            assertEquals(Info.of(WEATHER).mi, a.get("mutualInformation").asDouble(), 1e-12);
            assertTable(WEATHER, a.get("p"));
        });
    }

    @Test
    void the_api_normalises_counts() {
        JavalinTest.test(app(), (server, client) -> {
            Res res = api(client, "{\"p\": [[8, 2], [3, 7]], \"kind\": \"counts\", \"base\": \"e\"}");
            assertEquals(200, res.code(), res.body());
            JsonNode a = JSON.readTree(res.body());
            double[][] p = {{0.40, 0.10}, {0.15, 0.35}};
            assertEquals("nats", a.get("unit").asText());
            assertTable(p, a.get("p"));
            assertArray(new double[] {0.5, 0.5}, a.get("px"));
            assertArray(new double[] {0.55, 0.45}, a.get("py"));
            assertEquals(Info.of(p).mi * Math.log(2), a.get("mutualInformation").asDouble(), 1e-12);
        });
    }

    @Test
    void the_api_answers_base_ten_in_hartleys() {
        JavalinTest.test(app(), (server, client) -> {
            JsonNode a = JSON.readTree(api(client, "{\"p\": [[0.36, 0.04], [0.12, 0.48]], \"base\": \"10\"}").body());
            assertEquals("hartleys", a.get("unit").asText());
            assertEquals(Info.of(WEATHER).mi * Math.log10(2), a.get("mutualInformation").asDouble(), 1e-12);
        });
    }

    static Stream<Arguments> badApiBodies() {
        return Stream.of(
                Arguments.of("a negative cell", "{\"p\": [[0.36, 0.04], [-0.12, 0.48]]}", "p[1][0]", "negative"),
                Arguments.of("a non-number", "{\"p\": [[0.36, 0.04], [\"abc\", 0.48]]}", "p[1][0]", "is not a number"),
                Arguments.of("NaN", "{\"p\": [[0.36, 0.04], [\"NaN\", 0.48]]}", "p[1][0]", "NaN"),
                Arguments.of("a ragged table", "{\"p\": [[0.36, 0.04], [0.6]]}", "p[1]", "rectangular"),
                Arguments.of("an empty table", "{\"p\": []}", "p", "non-empty"),
                Arguments.of("invalid JSON", "{\"p\": [[0.36, 0.04], [0.12, 0.48]", "body", "not valid JSON"),
                Arguments.of("a bad base", "{\"p\": [[0.36, 0.04], [0.12, 0.48]], \"base\": \"3\"}", "base", "2, e or 10"),
                Arguments.of("a bad kind", "{\"p\": [[0.36, 0.04], [0.12, 0.48]], \"kind\": \"weights\"}", "kind", "probabilities or counts"),
                Arguments.of("a sum other than 1", "{\"p\": [[0.36, 0.04], [0.12, 0.4]]}", "p", "Normalise"),
                Arguments.of("all-zero counts", "{\"p\": [[0, 0], [0, 0]], \"kind\": \"counts\"}", "p", "Every cell is 0"),
                Arguments.of("repeated labels", "{\"p\": [[0.36, 0.04], [0.12, 0.48]], \"xLabels\": [\"A\", \"A\"]}",
                        "xLabels[1]", "already names"),
                Arguments.of("too many labels", "{\"p\": [[0.36, 0.04], [0.12, 0.48]], \"yLabels\": [\"A\", \"B\", \"C\"]}",
                        "yLabels", "has 3 labels"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badApiBodies")
    void the_api_answers_bad_input_with_400_and_the_field_at_fault(String name, String body, String field, String message) {
        JavalinTest.test(app(), (server, client) -> {
            Res res = api(client, body);
            assertEquals(400, res.code(), res.body());
            assertTrue(res.header("Content-Type").startsWith("application/json"), res.header("Content-Type"));
            JsonNode errors = JSON.readTree(res.body()).get("errors");
            assertTrue(errors.isArray() && errors.size() >= 1, res.body());
            JsonNode first = errors.get(0);
            assertEquals(field, first.get("field").asText(), res.body());
            assertTrue(first.get("message").asText().contains(message), res.body());
        });
    }

    @Test
    void the_api_rejects_33_rows_stating_the_limit() {
        JavalinTest.test(app(), (server, client) -> {
            StringBuilder p = new StringBuilder("{\"p\": [");
            for (int i = 0; i < 33; i++) {
                p.append(i > 0 ? "," : "").append("[1, 1]");
            }
            Res res = api(client, p.append("], \"kind\": \"counts\"}").toString());
            assertEquals(400, res.code());
            JsonNode e = JSON.readTree(res.body()).get("errors").get(0);
            assertEquals("p", e.get("field").asText());
            assertTrue(e.get("message").asText().contains("at most 32 rows"), res.body());
        });
    }

    // ---- 9. the binary symmetric channel -------------------------------------------------------

    @Test
    void the_binary_symmetric_channel_redirects_to_its_table_with_i_equal_to_one_minus_hb() {
        JavalinTest.test(app(), (server, client) -> {
            Res res = get(client, "/mi/bsc?e=0.1", false);
            assertEquals(303, res.code());
            String location = res.header("Location");
            assertTrue(location.startsWith("/mi?"), location);
            assertTrue(location.contains("p=0.45,0.05;0.05,0.45"), location);
            Res page = get(client, location, false);
            assertEquals(200, page.code());
            assertEquals(List.of("0.45", "0.05", "0.05", "0.45"), inputs(page.body(), "c"));
            // 1 − H_b(0.1) = 1 − 0.468996 = 0.531004 bits
            double expected = 1 - Info.h(0.1, 0.9);
            assertEquals(0.531004, expected, 5e-7);
            assertEquals(fixed(expected, 3) + " bits", miValue(page.body()));
            assertEquals("0.531 bits", miValue(page.body()));
        });
    }

    @ParameterizedTest(name = "e = {0}")
    @ValueSource(strings = {"2", "-0.1", "abc", "NaN", ""})
    void the_binary_symmetric_channel_refuses_a_crossover_that_is_not_a_probability(String e) {
        JavalinTest.test(app(), (server, client) -> {
            Res res = get(client, "/mi/bsc?e=" + e, false);
            assertEquals(400, res.code());
            String message = errorText(res.body(), "err-bsc");
            assertNotNull(message, "a message beside the ε field");
            assertTrue(res.body().contains("id=\"bsc-e\" name=\"e\" value=\"" + e + "\""), "the typed ε is kept");
            if (e.equals("2")) {
                assertTrue(message.contains("2 is not a probability: ε must be between 0 and 1"), message);
            }
        });
    }

    // ---- 10. never a stack trace ---------------------------------------------------------------

    @Test
    void an_unknown_address_gets_a_plain_404_page() {
        JavalinTest.test(app(), (server, client) -> {
            Res missing = get(client, "/no-such-page", false);
            assertEquals(404, missing.code());
            assertTrue(missing.body().contains("There is no page at /no-such-page"), missing.body());
        });
    }

    @Test
    void an_unknown_address_answers_404_without_a_stack_trace() {
        JavalinTest.test(app(), (server, client) -> {
            Res missing = get(client, "/no-such-page", false);
            assertEquals(404, missing.code());
            assertTrue(missing.body().contains("<html"), "an HTML error page");
            Res apiMissing = raw(client, "/api/nothing", "{}", "application/json", false);
            assertEquals(404, apiMissing.code());
        });
    }

    @Test
    void odd_requests_get_plain_error_pages() {
        JavalinTest.test(app(), (server, client) -> {
            Res notJson = raw(client, "/api/mi", "p=1", "application/x-www-form-urlencoded", false);
            assertEquals(400, notJson.code());
            Res emptyForm = raw(client, "/mi", "", "application/x-www-form-urlencoded", false);
            assertTrue(emptyForm.code() == 303 || emptyForm.code() == 200, "an empty post is the default table: " + emptyForm.code());
            // a malformed escape is read leniently (as the text "%ZZ") or refused; either way no 500
            Res badEncoding = raw(client, "/mi", "xl=%ZZ&c=1", "application/x-www-form-urlencoded", true);
            assertTrue(badEncoding.code() == 200 || badEncoding.code() >= 400, "status " + badEncoding.code());
        });
    }

    // ---- an edit's answer is whole ------------------------------------------------------------

    /** What the folded section with id {@code id} holds in {@code html}, from its summary to its end. */
    private static String section(String html, String id) {
        int start = html.indexOf(" id=\"" + id + "\"");
        assertTrue(start >= 0, "a folded section " + id);
        int end = html.indexOf("</details>", start);
        return html.substring(html.indexOf("</summary>", start) + "</summary>".length(), end);
    }

    /*
     * The folded workings come with every answer, so opening one shows it at once. H(Y) of the
     * weather table, P(Y) = (0.48, 0.52): 0.999 bits, written out term by term.
     */
    @Test
    void an_edit_answer_carries_every_folded_working_in_full() {
        JavalinTest.test(app(), (server, client) -> {
            Res res = post(client, weatherForm(), true);
            assertEquals(200, res.code());
            assertTrue(section(res.body(), "hy-working").contains("<mn>0.999</mn>"), res.body());
            assertTrue(section(res.body(), "code-working").contains("<code id=\"py-code\">"));
            assertSameState(client, res.body(), get(client, res.header("HX-Push-Url"), false).body());
        });
    }

    // ---- helpers: requests ---------------------------------------------------------------------

    private static Javalin app() {
        return App.create(App.Config.production());
    }

    private static Res post(HttpClient client, Form form, boolean htmx) {
        return read(client.request("/mi", b -> {
            b.post(form.body());
            if (htmx) {
                b.header("HX-Request", "true");
            }
        }), "POST /mi " + form);
    }

    private static Res api(HttpClient client, String json) {
        return raw(client, "/api/mi", json, "application/json", false);
    }

    /** The form as the page posts it: repeated keys, cells row-major. */
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
            return fields.toString();
        }
    }

    private static Form weatherForm() {
        return new Form().set("x", "Weather").set("y", "Forecast")
                .set("xl", "Rain", "Sun").set("yl", "Forecast rain", "Forecast sun")
                .set("c", "0.36", "0.04", "0.12", "0.48")
                .set("kind", "probabilities").set("base", "2").set("digits", "3").set("action", "update");
    }

    // ---- helpers: reading the HTML -------------------------------------------------------------

    /** The value of every input named {@code name}, in page order, unescaped. */
    private static List<String> inputs(String html, String name) {
        Matcher m = Pattern.compile("<input id=\"[^\"]*\" name=\"" + Pattern.quote(name) + "\" value=\"([^\"]*)\"").matcher(html);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(unescape(m.group(1)));
        }
        return out;
    }

    /** The checked radio button's value in group {@code name}. */
    private static String checked(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\" checked").matcher(html);
        return m.find() ? m.group(1) : null;
    }

    private static String selectedDigits(String html) {
        Matcher m = Pattern.compile("<option value=\"(\\d+)\" selected").matcher(html);
        return m.find() ? m.group(1) : null;
    }

    /** The text of the message element with this id. */
    private static String errorText(String html, String id) {
        if (id.equals("err-sum")) {
            return sumError(html);
        }
        Matcher m = Pattern.compile("<p class=\"field-error\" id=\"" + Pattern.quote(id) + "\">([^<]*)</p>").matcher(html);
        return m.find() ? unescape(m.group(1)) : null;
    }

    private static String sumError(String html) {
        Matcher m = Pattern.compile("<div class=\"field-error\" id=\"err-sum\">\\s*<p>([^<]*)</p>").matcher(html);
        return m.find() ? unescape(m.group(1)) : null;
    }

    /** The explorer markup, from its opening tag to the end of the results section. */
    private static String explorer(String html) {
        int start = html.indexOf("<div id=\"explorer\"");
        int end = html.indexOf("</section>", start);
        assertTrue(start >= 0 && end > start, "an explorer with a result section");
        return html.substring(start, end);
    }

    /** Two answers show the same state: the same fields, numbers and explorer markup. */
    private static void assertSameState(HttpClient client, String a, String b) {
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

    private static String collapsed(String html) {
        return html.replaceAll("\\s+", " ").replace("> <", "><");
    }

    private static void assertNoRawHostileText(String html) {
        assertFalse(html.contains("<script>alert"), "raw <script> from a label");
        assertFalse(html.contains("<img src=x"), "raw <img> from a name");
        assertFalse(html.contains("\"><img"), "a name broke out of its attribute");
    }

    // ---- helpers: the expected numbers, from the definitions -----------------------------------

    /** Entropies and mutual information of a table of weights, in bits, straight from the definitions. */
    record Info(double hX, double hY, double hXY, double hXgivenY, double hYgivenX, double mi) {
        static double h(double... p) {
            double s = 0;
            for (double v : p) {
                if (v > 0) {
                    s -= v * Math.log(v);
                }
            }
            return s / Math.log(2);
        }

        static Info of(double[][] w) {
            int n = w.length;
            int m = w[0].length;
            double total = 0;
            for (double[] row : w) {
                for (double v : row) {
                    total += v;
                }
            }
            double[] px = new double[n];
            double[] py = new double[m];
            double[] all = new double[n * m];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < m; j++) {
                    double p = w[i][j] / total;
                    px[i] += p;
                    py[j] += p;
                    all[i * m + j] = p;
                }
            }
            // H(X|Y) = Σ_y P(y) H(X | Y = y), column by column
            double hXgY = 0;
            for (int j = 0; j < m; j++) {
                if (py[j] > 0) {
                    double[] col = new double[n];
                    for (int i = 0; i < n; i++) {
                        col[i] = w[i][j] / total / py[j];
                    }
                    hXgY += py[j] * h(col);
                }
            }
            double hYgX = 0;
            for (int i = 0; i < n; i++) {
                if (px[i] > 0) {
                    double[] row = new double[m];
                    for (int j = 0; j < m; j++) {
                        row[j] = w[i][j] / total / px[i];
                    }
                    hYgX += px[i] * h(row);
                }
            }
            // I = Σ p(x,y) log2(p(x,y) / (p(x)p(y)))
            double mi = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < m; j++) {
                    double p = w[i][j] / total;
                    if (p > 0) {
                        mi += p * Math.log(p / (px[i] * py[j])) / Math.log(2);
                    }
                }
            }
            return new Info(h(px), h(py), h(all), hXgY, hYgX, mi);
        }
    }

    /** v rounded half-even to {@code digits} decimals, as the page prints it (never "-0.000"). */
    private static String fixed(double v, int digits) {
        return new BigDecimal(v).setScale(digits, RoundingMode.HALF_EVEN).toPlainString().replace("-0." + "0".repeat(digits), "0." + "0".repeat(digits));
    }

    /** What the results table must show for this table: each value in bits times {@code factor}. */
    private static Map<String, String> expectedMeasures(double[][] w, int digits, String unit, double factor) {
        Info in = Info.of(w);
        Map<String, String> out = new LinkedHashMap<>();
        out.put("H(X)", fixed(in.hX * factor, digits) + " " + unit);
        out.put("H(Y)", fixed(in.hY * factor, digits) + " " + unit);
        out.put("H(X, Y)", fixed(in.hXY * factor, digits) + " " + unit);
        out.put("H(X | Y)", fixed(in.hXgivenY * factor, digits) + " " + unit);
        out.put("H(Y | X)", fixed(in.hYgivenX * factor, digits) + " " + unit);
        out.put("I(X; Y)", fixed(in.mi * factor, digits) + " " + unit);
        return out;
    }

    private static void assertArray(double[] expected, JsonNode actual) {
        assertEquals(expected.length, actual.size(), actual.toString());
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual.get(i).asDouble(), 1e-12, actual.toString());
        }
    }

    private static void assertTable(double[][] expected, JsonNode actual) {
        assertEquals(expected.length, actual.size(), actual.toString());
        for (int i = 0; i < expected.length; i++) {
            assertArray(expected[i], actual.get(i));
        }
    }
}
