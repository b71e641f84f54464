package miexplorer.web.attention;

import static miexplorer.testing.AttentionReference.*;
import static miexplorer.testing.PageText.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.testtools.JavalinTest;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import miexplorer.testing.PageText.Res;
import org.junit.jupiter.api.Test;

/**
 * The temperature slider on a log scale (issue 22): T = 1 at the centre of its track, 0.05 and 20 at
 * its ends, each step the same ratio; without scripts its Set button posts the position and the server
 * turns it into T, which the field and the URL then carry as ever.
 */
class TemperatureSliderTest extends AttentionWebTests {
    @Test
    void the_scale_runs_from_0_05_through_1_at_the_centre_to_20_by_a_fixed_ratio() {
        assertEquals("0.05", TemperatureScale.at(0));
        assertEquals("1", TemperatureScale.at(TemperatureScale.CENTRE));
        assertEquals("20", TemperatureScale.at(TemperatureScale.POSITIONS));
        assertEquals(TemperatureScale.POSITIONS / 2, TemperatureScale.CENTRE);
        // Twenty steps: ten times larger (0.1, 1, 10); one step: × 10^(1/20) = 1.122.
        assertEquals("0.1", TemperatureScale.at(TemperatureScale.CENTRE - 20));
        assertEquals("10", TemperatureScale.at(TemperatureScale.CENTRE + 20));
        assertEquals("1.12", TemperatureScale.at(TemperatureScale.CENTRE + 1));
        assertEquals("0.891", TemperatureScale.at(TemperatureScale.CENTRE - 1));
        String[] all = TemperatureScale.values().split(" ");
        assertEquals(TemperatureScale.POSITIONS + 1, all.length);
        for (int p = 2; p < all.length - 1; p++) {
            double ratio = Double.parseDouble(all[p]) / Double.parseDouble(all[p - 1]);
            assertEquals(Math.pow(10, 0.05), ratio, 0.01, "step " + p + ": " + all[p - 1] + " → " + all[p]);
        }
    }

    @Test
    void a_typed_temperature_puts_the_slider_at_its_nearest_position_held_within_the_track() {
        assertEquals(26, TemperatureScale.position("1"));
        assertEquals(0, TemperatureScale.position("0.05"));
        assertEquals(0, TemperatureScale.position("1e-9"));
        assertEquals(52, TemperatureScale.position("20"));
        assertEquals(52, TemperatureScale.position("1000"));
        assertEquals(40, TemperatureScale.position("5")); // 26 + 20 · log10 5 = 39.98
        assertEquals(20, TemperatureScale.position("1/2")); // 26 − 20 · log10 2 = 19.98
        for (String bad : List.of("", "abc", "0", "-1", "NaN")) {
            assertEquals(26, TemperatureScale.position(bad), bad);
        }
    }

    @Test
    void the_page_shows_the_slider_at_t_and_lists_the_values_of_its_positions() {
        JavalinTest.test(app(), (server, client) -> {
            String centre = slider(get(client, SENTENCE, false).body());
            assertTrue(centre.contains("min=\"0\"") && centre.contains("max=\"52\"") && centre.contains("step=\"1\""), centre);
            assertTrue(centre.contains("value=\"26\"") && centre.contains("aria-valuetext=\"1\""), centre);
            assertTrue(centre.contains("data-values=\"" + TemperatureScale.values() + "\""), centre);
            String hot = slider(get(client, SENTENCE.replace("temp=1", "temp=10"), false).body());
            assertTrue(hot.contains("value=\"46\"") && hot.contains("aria-valuetext=\"10\""), hot);
            String bad = slider(get(client, SENTENCE.replace("temp=1", "temp=abc"), false).body());
            assertTrue(bad.contains("value=\"26\""), bad);
        });
    }

    /* Position 32 is T = 10^(6/20) = 1.995, shown "2.00" → "2": the sentence at T = 2 gives s / (2·2) = (0.5, 0, 0.25). */
    @Test
    void without_scripts_the_set_button_turns_the_position_into_t_in_the_field_and_the_url() {
        JavalinTest.test(app(), (server, client) -> {
            Res posted = post(client, sentenceForm().set("tpos", "32").set("action", "set-temp"), false);
            assertEquals(303, posted.code());
            assertTrue(posted.header("Location").contains("temp=2"), posted.header("Location"));
            assertTrue(!posted.header("Location").contains("tpos"), posted.header("Location"));
            Res page = get(client, posted.header("Location"), false);
            assertEquals(List.of("2"), inputs(page.body(), "temp"));
            assertEquals(fixed(entropy(softmax(new double[] {0.5, 0, 0.25})), 3) + " bits", byId(page.body(), "att-entropy"));

            Res fragment = post(client, sentenceForm().set("tpos", "0").set("action", "set-temp"), true);
            assertEquals(200, fragment.code());
            assertEquals(List.of("0.05"), inputs(fragment.body(), "temp"));
        });
    }

    @Test
    void the_position_is_read_only_for_the_set_button_and_a_bad_one_leaves_t_as_typed() {
        JavalinTest.test(app(), (server, client) -> {
            // Compute (or typing, with scripts) sends the slider too: the field is what counts.
            Res compute = post(client, sentenceForm().set("temp", "0.8").set("tpos", "52"), true);
            assertEquals(List.of("0.8"), inputs(compute.body(), "temp"));
            for (String bad : List.of("abc", "", "NaN", "-5", "1e400", "9999")) {
                Res res = post(client, sentenceForm().set("temp", "0.8").set("tpos", bad).set("action", "set-temp"), true);
                assertEquals(200, res.code(), bad);
                String expected = bad.equals("-5") ? "0.05" : bad.equals("9999") ? "20" : "0.8";
                assertEquals(List.of(expected), inputs(res.body(), "temp"), bad);
                assertNull(byIdOrNull(res.body(), "att-err-action"), bad);
            }
        });
    }

    private static String byIdOrNull(String html, String id) {
        return html.contains("id=\"" + id + "\"") ? id : null;
    }

    private static String slider(String html) {
        Matcher m = Pattern.compile("<input type=\"range\" id=\"att-temp-slider\"[^>]*>").matcher(html);
        assertTrue(m.find(), "the temperature slider");
        return m.group();
    }
}
