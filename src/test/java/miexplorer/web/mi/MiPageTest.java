package miexplorer.web.mi;

import static miexplorer.testing.PageText.get;
import static miexplorer.testing.PageText.measures;
import static miexplorer.testing.PageText.miValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.testtools.JavalinTest;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import miexplorer.testing.Form;
import miexplorer.testing.JointReference;
import miexplorer.testing.PageText.Res;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The joint-table explorer over HTTP: the default page, page and fragment, the canonical URL, number formats and counts, log bases. */
class MiPageTest extends MiWebTests {
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
            JointReference w = JointReference.of(WEATHER);
            assertTrue(body.contains("0.379"), "the note about the tutorial's 0.379 is there");
            // the note's unrounded values, to five decimals, must be the table's real ones
            assertTrue(body.contains(fixed(w.hXgivenY(), 5)), "note shows H(X|Y) = " + fixed(w.hXgivenY(), 5) + "…");
            assertTrue(body.contains(fixed(w.mi(), 5)), "note shows I = " + fixed(w.mi(), 5) + "…");
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
            assertEquals(fixed(JointReference.of(p).mi(), 3) + " bits", miValue(res.body())); // 0.191 bits
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
}
