package miexplorer.web.mi;

import static miexplorer.testing.PageText.get;
import static miexplorer.testing.PageText.measures;
import static miexplorer.testing.PageText.miValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.testtools.JavalinTest;
import java.util.List;
import java.util.Map;
import miexplorer.testing.Form;
import miexplorer.testing.JointReference;
import miexplorer.testing.PageText.Res;
import miexplorer.testing.PageText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the joint-table explorer's buttons and sliders do, and the binary symmetric channel's address. */
class MiActionsTest extends MiWebTests {
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
            double expected = 1 - JointReference.h(0.1, 0.9);
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
}
