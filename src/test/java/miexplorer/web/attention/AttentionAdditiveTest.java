package miexplorer.web.attention;

import static miexplorer.testing.PageText.byId;
import static miexplorer.testing.PageText.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import java.util.List;
import miexplorer.attention.AdditiveScores;
import miexplorer.attention.QueryAttention;
import miexplorer.testing.Form;
import miexplorer.testing.PageText.Res;
import org.junit.jupiter.api.Test;

/**
 * Additive (Bahdanau) scores in the attention explorer: the choice of score, W_q, W_k and v in the
 * form, the URL and the API, their worked steps, and a message beside each field that does not fit.
 */
class AttentionAdditiveTest extends AttentionWebTests {
    static final String WORKED = "/attention?ql=q&q=1,+0&kl=right&k=1,+0&kl=up&k=0,+1&kl=diagonal&k=1,+1"
            + "&score=additive&wq=1,+0&wq=0,+1&wk=1,+-1&wk=0.5,+0.5&va=1,+-1&scale=1&temp=1";

    @Test
    void the_worked_example_shows_each_step_of_the_additive_score_with_its_numbers() {
        JavalinTest.test(app(), (server, client) -> {
            Res page = get(client, "/examples/attention-additive", false);
            assertEquals(200, page.code());
            String html = page.body();
            assertEquals("(1.000, 0.000)", byId(html, "wq-q-0"), "W_q q, the same for every key");
            String table = html.substring(html.indexOf("id=\"additive-0\""), html.indexOf("</table>", html.indexOf("id=\"additive-0\"")));
            assertTrue(table.contains("<td>right</td><td>(1.000, 0.500)</td><td>(2.000, 0.500)</td><td>(0.964, 0.462)</td><td>0.502</td>"), table);
            assertTrue(table.contains("<td>up</td><td>(−1.000, 0.500)</td><td>(0.000, 0.500)</td><td>(0.000, 0.462)</td><td>−0.462</td>"), table);
            assertTrue(table.contains("<td>diagonal</td><td>(0.000, 1.000)</td><td>(1.000, 1.000)</td><td>(0.762, 0.762)</td><td>0.000</td>"), table);
            assertTrue(html.contains("Additive scores are not divided by √d<sub>k</sub>"), "step 2 says why");
            assertEquals("1.478 bits", byId(html, "att-entropy-now"));
            List<String[]> weights = rows(html);
            assertEquals(List.of("0.503", "0.192", "0.305"), weights.stream().map(r -> r[1]).toList());
            assertTrue(html.contains("id=\"att-score-additive\" form=\"att-form\" checked"), "the additive score is chosen");
            assertEquals(List.of("1, 0", "0, 1"), inputs(html, "wq"));
            assertEquals(List.of("1, -1", "0.5, 0.5"), inputs(html, "wk"));
        });
    }

    @Test
    void the_form_switches_to_additive_with_a_starting_point_and_keeps_it_in_the_pushed_url() {
        JavalinTest.test(app(), (server, client) -> {
            Res switched = post(client, sentenceForm().set("score", "additive"), true);
            assertEquals(200, switched.code(), switched.body());
            String url = switched.header("HX-Push-Url");
            assertTrue(url.contains("score=additive&wq=1,+0,+0,+0&wq=0,+1,+0,+0&wk=1,+0,+0,+0&wk=0,+1,+0,+0&va=1,+1"), url);
            Res again = get(client, url, false);
            assertEquals(200, again.code());
            assertEquals(byId(switched.body(), "att-entropy-now"), byId(again.body(), "att-entropy-now"), "the URL is the state");
            Res noJs = post(client, sentenceForm().set("score", "additive"), false);
            assertEquals(303, noJs.code());
            assertEquals(url, noJs.header("Location"));

            Form additive = sentenceForm().set("score", "additive").set("wq", "1, 0, 0, 0", "0, 1, 0, 0")
                    .set("wk", "1, 0, 0, 0", "0, 1, 0, 0").set("va", "1, 1");
            Res more = post(client, additive.set("action", AttentionExplorer.ADD_UNIT), true);
            assertEquals(List.of("1, 0, 0, 0", "0, 1, 0, 0", "0, 0, 0, 0"), inputs(more.body(), "wq"));
            assertEquals("1, 1, 0", inputs(more.body(), "va").get(0));
            Res fewer = post(client, additive.set("action", AttentionExplorer.REMOVE_UNIT), true);
            assertEquals(List.of("1, 0, 0, 0"), inputs(fewer.body(), "wq"));
            assertEquals(List.of("1, 0, 0, 0"), inputs(fewer.body(), "wk"));
            assertEquals("1", inputs(fewer.body(), "va").get(0));
            Res back = post(client, additive.set("score", AttentionExplorer.DOT_PRODUCT), true);
            assertFalse(back.header("HX-Push-Url").contains("score="), "dot products keep today's URL");
            assertFalse(back.body().contains("name=\"wq\""), back.header("HX-Push-Url"));
        });
    }

    @Test
    void weights_that_do_not_fit_get_a_message_beside_their_field_and_keep_what_was_typed() {
        JavalinTest.test(app(), (server, client) -> {
            Res shortV = get(client, WORKED.replace("va=1,+-1", "va=1,+-1,+2"), false);
            assertEquals(400, shortV.code());
            assertEquals("v has 3 numbers, but W_q and W_k have h = 2 rows; v needs one number per row.", byId(shortV.body(), "att-err-va"));
            assertEquals("1, -1, 2", inputs(shortV.body(), "va").get(0));
            Res row = get(client, WORKED.replace("wk=0.5,+0.5", "wk=0.5,+0.5,+1"), false);
            assertEquals(400, row.code());
            assertEquals("Row 2 of W_k has 3 numbers, but dₖ = 2; each row of W_k needs 2.", byId(row.body(), "att-err-wk-1"));
            Res letters = get(client, WORKED.replace("wq=0,+1", "wq=0,+one"), false);
            assertEquals(400, letters.code());
            assertTrue(byId(letters.body(), "att-err-wq-1").startsWith("Number 2 of row 2 of W_q:"), byId(letters.body(), "att-err-wq-1"));
            Res score = get(client, WORKED.replace("score=additive", "score=bilinear"), false);
            assertEquals(400, score.code());
            assertEquals("“bilinear” is not a score function: use scaled-dot, dot or additive.", byId(score.body(), "att-err-score"));
            // The query and the keys may differ in length with additive scores; not with dot products.
            Res longer = get(client, WORKED.replace("k=1,+1", "k=1,+1,+0").replace("k=1,+0&", "k=1,+0,+0&").replace("k=0,+1&", "k=0,+1,+0&")
                    .replace("wk=1,+-1", "wk=1,+-1,+0").replace("wk=0.5,+0.5", "wk=0.5,+0.5,+0"), false);
            assertEquals(200, longer.code(), longer.body());
            assertEquals("1.478 bits", byId(longer.body(), "att-entropy-now"), "a zero column of W_k changes nothing");
            assertTrue(longer.body().contains("there is no dot product to compare with"));
        });
    }

    @Test
    void what_a_review_found_bounded_scores_beside_huge_dot_products_v_too_large_no_units_and_units_out_of_step() {
        JavalinTest.test(app(), (server, client) -> {
            // Additive scores are bounded: a state whose dot products overflow is still sound, without the comparison.
            Res huge = get(client, "/attention?ql=q&q=1e200&kl=a&k=1e200&kl=b&k=-1e200&score=additive&wq=1&wk=1&va=1&scale=1&temp=1", false);
            assertEquals(200, huge.code(), huge.body());
            assertTrue(huge.body().contains("too large to compute with, so there is no dot product to compare with"));
            Res api = api(client, "{\"q\": [1e200], \"k\": [[1e200], [-1e200]], \"score\": \"additive\", \"wq\": [[1]], \"wk\": [[1]], \"va\": [1]}");
            assertEquals(200, api.code(), api.body());
            // A v whose sizes add up past a double is v's fault, not the temperature's.
            Res bigV = get(client, "/attention?ql=q&q=1&kl=a&k=1&kl=b&k=-1&score=additive&wq=1&wq=1&wk=1&wk=1&va=1e308,+1e308&scale=1&temp=1", false);
            assertEquals(400, bigV.code());
            assertEquals("The numbers of v are too large to compute with: their sizes must add up to a finite number.",
                    byId(bigV.body(), "att-err-va"));
            // No rows at all: a row to type into, with its message beside it.
            Res none = get(client, "/attention?ql=q&q=1&kl=a&k=1&score=additive&va=1&scale=1&temp=1", false);
            assertEquals(400, none.code());
            assertEquals(List.of(""), inputs(none.body(), "wq"));
            assertTrue(byId(none.body(), "att-err-wq-0").startsWith("Empty: give row 1 of W_q"), byId(none.body(), "att-err-wq-0"));
            // Rows typed out of step come back into step with the next unit.
            Form skewed = sentenceForm().set("score", "additive").set("wq", "1, 0, 0, 0").set("wk", "1, 0, 0, 0", "0, 1, 0, 0")
                    .set("va", "1, 1, 1").set("action", AttentionExplorer.ADD_UNIT);
            Res fixed = post(client, skewed, true);
            assertEquals(422, fixed.code(), "W_q's second row was never typed");
            assertTrue(byId(fixed.body(), "att-err-wq-1").startsWith("Empty: give row 2 of W_q"), byId(fixed.body(), "att-err-wq-1"));
            assertEquals(List.of("1, 0, 0, 0", "", "0, 0, 0, 0"), inputs(fixed.body(), "wq"));
            assertEquals(List.of("1, 0, 0, 0", "0, 1, 0, 0", "0, 0, 0, 0"), inputs(fixed.body(), "wk"));
            assertEquals("1, 1, 1", inputs(fixed.body(), "va").get(0));
        });
    }

    @Test
    void the_api_takes_a_score_and_the_additive_weights_and_refuses_each_bad_shape_with_its_own_message() {
        JavalinTest.test(app(), (server, client) -> {
            String keys = "\"k\": [[1, 0], [0, 1], [1, 1]]";
            String weights = "\"wq\": [[1, 0], [0, 1]], \"wk\": [[1, -1], [0.5, 0.5]], \"va\": [1, -1]";
            JsonNode r = JSON.readTree(api(client, "{\"q\": [1, 0], " + keys + ", \"score\": \"additive\", " + weights
                    + ", \"temperature\": 2}").body());
            AdditiveScores e = AdditiveScores.of(new double[] {1, 0}, new double[][] {{1, 0}, {0, 1}, {1, 1}},
                    new double[][] {{1, 0}, {0, 1}}, new double[][] {{1, -1}, {0.5, 0.5}}, new double[] {1, -1});
            QueryAttention a = e.attention(2, null);
            for (int i = 0; i < 3; i++) {
                assertEquals(e.scores()[i], r.get("scores").get(i).asDouble(), 0);
                assertEquals(a.weights()[i], r.get("weights").get(i).asDouble(), 0);
            }
            assertEquals(a.entropyBits(), r.get("entropyBits").asDouble(), 0);
            JsonNode dot = JSON.readTree(api(client, "{\"q\": [1, 0], " + keys + ", \"score\": \"dot\"}").body());
            assertEquals(1, dot.get("scaledScores").get(0).asDouble(), 0, "dot: not divided by √2");
            assertEquals(List.of("score: score must be \"scaled-dot\", \"dot\" or \"additive\"."),
                    problems(api(client, "{\"q\": [1, 0], " + keys + ", \"score\": \"bilinear\"}")));
            assertEquals(List.of("wq: wq must be a non-empty array of arrays of numbers."),
                    problems(api(client, "{\"q\": [1, 0], " + keys + ", \"score\": \"additive\", \"wk\": [[1, 0]], \"va\": [1]}")));
            assertEquals(List.of("wk: wq has 2 rows and wk 1; both need h rows, one per hidden unit."),
                    problems(api(client, "{\"q\": [1, 0], " + keys + ", \"score\": \"additive\", \"wq\": [[1, 0], [0, 1]], \"wk\": [[1, 0]], \"va\": [1, 1]}")));
            assertEquals(List.of("va: v has 1 numbers, but W_q and W_k have h = 2 rows; v needs one number per row."),
                    problems(api(client, "{\"q\": [1, 0], " + keys + ", \"score\": \"additive\", \"wq\": [[1, 0], [0, 1]], \"wk\": [[1, 0], [0, 1]], \"va\": [1]}")));
            assertEquals(List.of("wq: wq belongs to additive scores: send \"score\": \"additive\" with it."),
                    problems(api(client, "{\"q\": [1, 0], " + keys + ", \"wq\": [[1, 0]]}")));
        });
    }

    private static List<String[]> rows(String html) {
        String t = html.substring(html.indexOf("id=\"att-weights\""), html.indexOf("</table>", html.indexOf("id=\"att-weights\"")));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<tr><td>([^<]*)</td><td>([^<]*)</td><td>([^<]*)</td></tr>").matcher(t);
        List<String[]> out = new java.util.ArrayList<>();
        while (m.find()) {
            out.add(new String[] {m.group(1), m.group(2), m.group(3)});
        }
        return out;
    }

    private static List<String> problems(Res res) throws Exception {
        assertEquals(400, res.code(), res.body());
        List<String> out = new java.util.ArrayList<>();
        JSON.readTree(res.body()).get("errors").forEach(e -> out.add(e.get("field").asText() + ": " + e.get("message").asText()));
        return out;
    }
}
