package miexplorer.web.cmi;

import static miexplorer.testing.PageText.byId;
import static miexplorer.testing.PageText.fetch;
import static miexplorer.testing.PageText.inputs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.testtools.FormBody;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import miexplorer.info.Analysis;
import miexplorer.info.JointDistribution;
import miexplorer.info.LogBase;
import miexplorer.info.ThreeWayAnalysis;
import miexplorer.info.ThreeWayDistribution;
import miexplorer.testing.Needs;
import miexplorer.testing.PageText;
import miexplorer.testing.PythonRun;
import miexplorer.testing.Tool;
import miexplorer.web.App;
import miexplorer.web.render.Format;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The three-variable explorer at /cmi (issue 14): page, htmx fragment, no-JavaScript form, links, export and API. */
class CmiWebTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Exclusive or: X, Y fair bits, Z = X xor Y, laid out [z][x][y]. */
    private static final String XOR = "/cmi?x=A&y=B&z=Parity&xl=0&xl=1&yl=0&yl=1&zl=Even&zl=Odd&p=1/4,0;0,1/4&p=0,1/4;1/4,0"
            + "&kind=probabilities&base=2";

    private static Javalin app() {
        return App.create(App.Config.production());
    }

    /*
     * The default table splits the tutorial's weather table by season (winter 0.27, 0.02 / 0.06, 0.15;
     * summer 0.09, 0.02 / 0.06, 0.33), so I(X; Y) is the tutorial's 0.378 bits. Given the season it is
     * 0.5 · I(winter) + 0.5 · I(summer) = 0.300 bits (NumPy: 0.3000013).
     */
    @Test
    void the_default_table_is_the_weather_split_by_season_worked_slice_by_slice() {
        JavalinTest.test(app(), (server, client) -> {
            PageText.Res page = fetch(client, "/cmi");
            assertEquals(200, page.code());
            assertEquals("0.378 bits", byId(page.body(), "cmi-mi-xy"));
            assertEquals("0.300 bits", byId(page.body(), "cmi-mi-xy-z"));
            assertEquals("0.078 bits", byId(page.body(), "cmi-co"));
            ThreeWayAnalysis a = analysis(new double[][][] {{{0.27, 0.02}, {0.06, 0.15}}, {{0.09, 0.02}, {0.06, 0.33}}});
            String winter = f(a.slices().get(0).analysis().mutualInformation());
            String summer = f(a.slices().get(1).analysis().mutualInformation());
            assertTrue(page.body().replaceAll("\\s+", " ").contains("= 0.500 × " + winter + " + 0.500 × " + summer + " = <strong>0.300 bits</strong>"),
                    "the weighted sum with each slice's own I");
            // each slice is worked with the joint-table explorer's steps: its H(X | Z = winter), 0.8524 bits for (27/50, 6/50, …)
            assertTrue(page.body().contains("Step 3: I(X; Y) = H(X) − H(X | Y)"), "the shared steps");
            assertEquals(2, PageText.count(page.body(), "Step 3: I(X; Y) = H(X) − H(X | Y)"), "once per slice");
            assertTrue(page.body().contains("I(X; Y, Z) = I(X; Z) + I(X; Y | Z)"), "the chain rule");
            assertTrue(byId(page.body(), "cmi-chain-agree").startsWith("All three agree"));
        });
    }

    /* Exclusive or: I(X; Y) = 0, I(X; Y | Z) = 1 bit, co-information −1 bit, the centre marked negative. */
    @Test
    void exclusive_or_is_useless_alone_decisive_together_and_its_centre_is_marked_negative() {
        JavalinTest.test(app(), (server, client) -> {
            for (String path : List.of(XOR, "/examples/cmi-xor")) {
                String html = fetch(client, path).body();
                assertEquals("0.000 bits", byId(html, "cmi-mi-xy"), path);
                assertEquals("1.000 bits", byId(html, "cmi-mi-xy-z"), path);
                assertEquals("−1.000 bits", byId(html, "cmi-co"), path);
                assertEquals(1, PageText.count(html, "class=\"tri-label neg\""), "one negative region, the centre");
                assertTrue(html.contains("in all three, I(X; Y; Z) = −1.000 bits (negative)"), "said in the text alternative");
                assertTrue(byId(html, "cmi-co-meaning").startsWith("Negative: synergy."));
            }
        });
    }

    /* The common cause: I(X; Y) = 0.320 bits, and none of it left once the rain is known. */
    @Test
    void a_common_cause_leaves_nothing_once_it_is_known() {
        JavalinTest.test(app(), (server, client) -> {
            String html = fetch(client, "/examples/cmi-common-cause").body();
            assertEquals("0.320 bits", byId(html, "cmi-mi-xy"));
            assertEquals("0.000 bits", byId(html, "cmi-mi-xy-z"));
            assertEquals("0.320 bits", byId(html, "cmi-co"));
            assertTrue(byId(html, "cmi-co-meaning").startsWith("Positive: redundancy."));
            assertEquals(0, PageText.count(html, "class=\"tri-label neg\""));
        });
    }

    @Test
    void an_edit_answers_htmx_with_the_fragment_and_its_url_and_a_plain_form_with_a_redirect_to_the_same_state() {
        JavalinTest.test(app(), (server, client) -> {
            FormBody.Builder edited = xorForm().add("action", "update");
            PageText.Res fragment = post(client, xorForm(), true);
            assertEquals(200, fragment.code());
            assertFalse(fragment.body().contains("<html"), "a fragment");
            String url = fragment.header("HX-Push-Url");
            assertTrue(url.startsWith("/cmi?x=A&y=B&z=Parity"), url);
            PageText.Res plain = PageText.read(client.request("/cmi", b -> b.post(edited.build())), "POST /cmi");
            assertEquals(303, plain.code());
            assertEquals(url, plain.header("Location"));
            PageText.Res page = fetch(client, url);
            assertEquals(byId(fragment.body(), "cmi-mi-xy-z"), byId(page.body(), "cmi-mi-xy-z"));
            assertEquals(inputs(fragment.body(), "c"), inputs(page.body(), "c"));
        });
    }

    /*
     * Making X and Y independent given Z keeps P(X, Z) and P(Y, Z): every slice of the exclusive or
     * becomes 1/8 everywhere, so I(X; Y | Z) = 0, and here I(X; Y) is 0 too.
     */
    @Test
    void the_actions_add_and_remove_values_and_make_x_and_y_independent_given_z() {
        JavalinTest.test(app(), (server, client) -> {
            PageText.Res independent = post(client, xorForm().add("action", "independent-given-z"), true);
            assertEquals(List.of("0.125", "0.125", "0.125", "0.125", "0.125", "0.125", "0.125", "0.125"), inputs(independent.body(), "c"));
            assertEquals("0.000 bits", byId(independent.body(), "cmi-mi-xy-z"));
            PageText.Res slice = post(client, xorForm().add("action", "add-z"), true);
            assertEquals(List.of("Even", "Odd", "z3"), inputs(slice.body(), "zl"));
            assertEquals(12, inputs(slice.body(), "c").size(), "a third slice of zeros");
            PageText.Res fewer = post(client, xorForm().add("action", "remove-y-1"), true);
            assertEquals(List.of("1/4", "0", "0", "1/4"), inputs(fewer.body(), "c"), "one column left in each slice");
            assertEquals(422, fewer.code(), "and the cells add up to 1/2 now");
            assertTrue(fewer.body().replaceAll("\\s+", " ").contains("<div class=\"field-error\" id=\"cmi-err-sum\"> <p>The probabilities add up to 0.5, not 1."),
                    "beside the table, with its Normalise button");
            FormBody.Builder half = new FormBody.Builder().add("x", "A").add("y", "B").add("z", "Parity").add("xl", "0").add("xl", "1")
                    .add("yl", "0").add("zl", "Even").add("zl", "Odd").add("c", "1/4").add("c", "0").add("c", "0").add("c", "1/4")
                    .add("action", "normalise");
            PageText.Res normalised = post(client, half, true);
            assertEquals(200, normalised.code());
            assertEquals(List.of("0.5", "0", "0", "0.5"), inputs(normalised.body(), "c"));
        });
    }

    @Test
    void bad_input_gets_its_message_beside_its_field_422_and_everything_typed_back() {
        JavalinTest.test(app(), (server, client) -> {
            FormBody.Builder bad = new FormBody.Builder().add("x", "A").add("y", "B").add("z", "").add("xl", "0").add("xl", "0")
                    .add("yl", "0").add("yl", "1").add("zl", "Even").add("zl", "Odd").add("kind", "probabilities")
                    .add("c", "1/4").add("c", "abc").add("c", "0").add("c", "-1").add("c", "0").add("c", "1/4").add("c", "1/4").add("c", "0");
            PageText.Res res = post(client, bad, true);
            assertEquals(422, res.code());
            assertEquals(List.of("1/4", "abc", "0", "-1", "0", "1/4", "1/4", "0"), inputs(res.body(), "c"), "what was typed");
            assertTrue(byId(res.body(), "cmi-err-p-0-0-1").contains("“abc” is not a number"), res.body());
            assertTrue(byId(res.body(), "cmi-err-p-0-1-1").contains("negative"));
            assertEquals("Give the variable a name.", byId(res.body(), "cmi-err-z"));
            assertTrue(byId(res.body(), "cmi-err-xl-1").contains("already names row 1"));
            assertTrue(res.body().contains("<a href=\"#cmi-c-0-0-1\">Cell (0, 1, Even)</a>"), "the list of problems links to the cell");
            assertNull(res.header("HX-Push-Url"), "an invalid state is not pushed");
            StringBuilder nine = new StringBuilder("/cmi?x=A&y=B&z=C");
            for (int k = 0; k < 9; k++) {
                nine.append("&p=1");
            }
            PageText.Res big = fetch(client, nine.toString());
            assertEquals(400, big.code());
            assertTrue(big.body().contains("the explorer takes at most 8 values of each variable"), big.body());
            // a few bytes asking for 300 × 300 cells in each slice: the form shows at most 16 of each
            PageText.Res padded = fetch(client, "/cmi?p=" + ";".repeat(300) + ",".repeat(300));
            assertEquals(400, padded.code());
            assertTrue(padded.body().contains("This table is 301 × 301 × 1, far more than the explorer's 8 values of each"
                    + " variable: only the first 16 of each are shown."), "says so");
            assertEquals(16 * 16, inputs(padded.body(), "c").size());
        });
    }

    /* Each slice opens in /mi as counts, so it shows P(X, Y | Z = z): for the exclusive or, 1 bit. */
    @Test
    void a_slice_opens_in_the_joint_table_explorer_and_a_joint_table_gets_a_third_variable() {
        JavalinTest.test(app(), (server, client) -> {
            String html = fetch(client, XOR).body();
            Matcher m = Pattern.compile("<a href=\"(/mi\\?[^\"]*)\"[^>]*>Open this slice in the joint-table explorer").matcher(html);
            assertTrue(m.find(), "a link per slice");
            String mi = fetch(client, PageText.unescape(m.group(1))).body();
            assertEquals("1.000 bits", PageText.miValue(mi));
            assertTrue(mi.contains("name=\"kind\" value=\"counts\" checked"), "as counts");

            String weather = fetch(client, "/mi").body();
            Matcher third = Pattern.compile("<a href=\"(/cmi\\?[^\"]*)\"[^>]*>Add a third variable</a>").matcher(weather);
            assertTrue(third.find(), "the joint-table explorer offers a third variable");
            String one = fetch(client, PageText.unescape(third.group(1))).body();
            assertEquals("0.378 bits", byId(one, "cmi-mi-xy"), "the same table as the only slice");
            assertEquals("0.378 bits", byId(one, "cmi-mi-xy-z"), "with one value of Z, knowing it changes nothing: I(X; Y | Z) = I(X; Y)");
            assertEquals(List.of("z1"), inputs(one, "zl"));
        });
    }

    /* The script prints what the page shows, for the weather split by season. */
    @Needs(Tool.NUMPY)
    @Test
    void the_python_script_prints_the_pages_numbers() throws Exception {
        JavalinTest.test(app(), (server, client) -> {
            String query = URLDecoder.decode(fetch(client, "/cmi").body().replaceAll("(?s).*<a href=\"/cmi\\.py\\?([^\"]*)\".*", "$1")
                    .replace("&amp;", "&"), StandardCharsets.UTF_8);
            PageText.Res script = fetch(client, "/cmi.py?" + query.replace(" ", "+"));
            assertEquals(200, script.code(), script.body());
            PythonRun run = PythonRun.script(script.body());
            assertEquals(0, run.exit(), run.err());
            assertTrue(run.out().contains("I(X;Y) = 0.378 bits"), run.out());
            assertTrue(run.out().contains("I(X;Y|Z) = 0.300 bits"), run.out());
            assertTrue(run.out().contains("I(X;Y;Z) = 0.078 bits"), run.out());
            assertTrue(run.out().contains("sum over z of P(z) I(X;Y | Z = z) = 0.300 bits"), run.out());
            assertEquals(400, fetch(client, "/cmi.py?p=1,x").code());
        });
    }

    @Test
    void the_api_answers_every_figure_at_full_precision() {
        JavalinTest.test(app(), (server, client) -> {
            String body = "{\"p\": [[[0.27, 0.02], [0.06, 0.15]], [[0.09, 0.02], [0.06, 0.33]]], \"zLabels\": [\"Winter\", \"Summer\"]}";
            PageText.Res res = PageText.raw(client, "/api/cmi", body, "application/json", false);
            assertEquals(200, res.code(), res.body());
            JsonNode j = JSON.readTree(res.body());
            ThreeWayAnalysis a = analysis(new double[][][] {{{0.27, 0.02}, {0.06, 0.15}}, {{0.09, 0.02}, {0.06, 0.33}}});
            assertEquals("bits", j.get("unit").asText());
            assertEquals(a.entropyX(), j.get("entropyX").asDouble(), 0);
            assertEquals(a.entropyZ(), j.get("entropyZ").asDouble(), 0);
            assertEquals(a.entropyXYZ(), j.get("jointEntropy").asDouble(), 0);
            assertEquals(a.miXY(), j.get("mutualInformationXY").asDouble(), 0);
            assertEquals(a.miYZ(), j.get("mutualInformationYZ").asDouble(), 0);
            assertEquals(a.miXYGivenZ(), j.get("conditionalMutualInformationXYGivenZ").asDouble(), 0);
            assertEquals(a.miYZGivenX(), j.get("conditionalMutualInformationYZGivenX").asDouble(), 0);
            assertEquals(a.coInformation(), j.get("coInformation").asDouble(), 0);
            assertEquals(0.33, j.get("p").get(1).get(1).get(1).asDouble(), 1e-15);
            // the tutorial's I(X; Y), since the slices add up to its table
            assertEquals(Analysis.of(JointDistribution.fromWeights(new double[][] {{0.36, 0.04}, {0.12, 0.48}}), LogBase.TWO)
                    .mutualInformation(), j.get("mutualInformationXY").asDouble(), 1e-15);
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ragged slices     | {"p": [[[0.5, 0]], [[0.25, 0], [0.25, 0]]]}            | p[1]       | Slice 1 has 2 rows, but slice 0 has 1
            ragged rows       | {"p": [[[0.5, 0], [0.25]]]}                              | p[0][1]    | Row 1 of slice 0 has 1 cells, but row 0 of slice 0 has 2
            negative cell     | {"p": [[[0.5, -0.1]], [[0.3, 0.3]]]}                     | p[0][0][1] | -0.1 is negative; a probability cannot be negative.
            not a number      | {"p": [[[0.5, "x"]], [[0.25, 0.25]]]}                    | p[0][0][1] | “x” is not a number
            sum not 1         | {"p": [[[0.5, 0.1]], [[0.1, 0.1]]]}                      | p          | The probabilities add up to 0.8, not 1.
            all zero          | {"p": [[[0, 0]], [[0, 0]]], "kind": "counts"}             | p          | Every cell is 0: at least one must be positive.
            too many values   | {"p": [[[1]], [[1]], [[1]], [[1]], [[1]], [[1]], [[1]], [[1]], [[1]]], "kind": "counts"} | p | at most 8 values of each variable
            wrong type, p     | {"p": 3}                                                 | p          | p must be a non-empty array of slices
            wrong type, cell  | {"p": [[[0.5, {}]], [[0.25, 0.25]]]}                     | p[0][0][1] | A cell must be a number or a string
            labels count      | {"p": [[[0.5, 0.5]]], "zLabels": ["a", "b"]}             | zLabels    | zLabels has 2 labels, but the table has 1.
            name not a string | {"p": [[[0.5, 0.5]]], "zName": [1]}                      | zName      | zName must be a string.
            base              | {"p": [[[0.5, 0.5]]], "base": "7"}                       | base       | is not a log base offered here
            """)
    void bad_api_requests_get_400_with_the_field_and_its_own_message(String what, String body, String field, String message) {
        JavalinTest.test(app(), (server, client) -> {
            PageText.Res res = PageText.raw(client, "/api/cmi", body, "application/json", false);
            assertEquals(400, res.code(), what + ": " + res.body());
            Map<String, String> errors = new LinkedHashMap<>();
            JSON.readTree(res.body()).get("errors").forEach(e -> errors.put(e.get("field").asText(), e.get("message").asText()));
            assertTrue(errors.containsKey(field), what + ": " + errors);
            assertTrue(errors.get(field).contains(message), what + ": " + errors.get(field));
        });
    }

    @Test
    void the_lesson_has_a_live_three_variable_explorer_whose_quoted_numbers_are_the_examples() {
        JavalinTest.test(app(), (server, client) -> {
            String html = fetch(client, "/").body();
            String section = html.substring(html.indexOf("<section id=\"three-variables\""), html.indexOf("<section id=\"attention\""));
            assertEquals(1, PageText.count(section, "hx-post=\"/cmi\""), "a live explorer");
            assertTrue(section.contains("<input type=\"hidden\" name=\"lesson\" value=\"1\">"));
            assertTrue(section.contains("I(X; Y) = 0.000 bits; once Z is known it tells everything,\n    I(X; Y | Z) = 1.000 bits"), section);
            assertTrue(section.contains("I(X; Y) = 0.320 bits, but only through the rain: I(X; Y | Z) = 0.000 bits"), section);
            assertTrue(html.contains("<a href=\"#three-variables\">"), "in the contents");
            PageText.Res fromLesson = post(client, xorForm().add("lesson", "1"), true);
            assertNull(fromLesson.header("HX-Push-Url"), "the address stays the lesson's");
            assertTrue(fromLesson.body().contains("<h3 id=\"cmi-summary-h\">Results for three variables</h3>"));
        });
    }

    // ---- helpers -------------------------------------------------------------------------------

    private static FormBody.Builder xorForm() {
        return new FormBody.Builder().add("x", "A").add("y", "B").add("z", "Parity").add("xl", "0").add("xl", "1")
                .add("yl", "0").add("yl", "1").add("zl", "Even").add("zl", "Odd").add("kind", "probabilities").add("base", "2")
                .add("c", "1/4").add("c", "0").add("c", "0").add("c", "1/4").add("c", "0").add("c", "1/4").add("c", "1/4").add("c", "0");
    }

    private static PageText.Res post(HttpClient client, FormBody.Builder form, boolean htmx) {
        return PageText.read(client.request("/cmi", b -> {
            b.post(form.build());
            if (htmx) {
                b.header("HX-Request", "true");
            }
        }), "POST /cmi");
    }

    private static ThreeWayAnalysis analysis(double[][][] w) {
        return ThreeWayAnalysis.of(ThreeWayDistribution.fromWeights(w), LogBase.TWO);
    }

    private static String f(double v) {
        return Format.fixed(v, 3);
    }
}
