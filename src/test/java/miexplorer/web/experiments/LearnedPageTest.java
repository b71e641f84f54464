package miexplorer.web.experiments;

import static miexplorer.testing.PageText.allErrors;
import static miexplorer.testing.PageText.errorText;
import static miexplorer.testing.PageText.get;
import static miexplorer.testing.PageText.inputs;
import static miexplorer.testing.PageText.rows;
import static miexplorer.testing.PageText.table;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import miexplorer.attention.learned.AttentionExperiment;
import miexplorer.attention.learned.ExperimentResult;
import miexplorer.attention.learned.ExperimentSpec;
import miexplorer.attention.learned.Rule;
import miexplorer.testing.PageText;
import miexplorer.testing.PageText.Res;
import miexplorer.web.App;
import miexplorer.web.render.Format;
import miexplorer.web.site.Site;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The learned-attention experiment's page, its API, its link to the three-variable explorer and its gallery examples. */
class LearnedPageTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BASE = "https://mi.example.edu";
    /** Small settings that train in a few hundredths of a second. */
    private static final String SMALL = "/attention/learned?rule=copy&positions=3&vocabulary=4&relevance=0,0.3,0.6&samples=200&heldOut=200&embedding=4&steps=40&learningRate=0.05&seed=3";

    private static Javalin app() {
        return App.create(App.Config.production().withSite(new Site(BASE, "'self'")));
    }

    private static Res api(io.javalin.testtools.HttpClient client, String body) {
        return PageText.raw(client, "/api/attention/learned", body, "application/json", false);
    }

    // ---- the page ------------------------------------------------------------------------------

    @ParameterizedTest(name = "htmx {0}")
    @CsvSource({"false", "true"})
    void the_page_shows_the_defaults_run_as_a_whole_page_or_for_htmx_as_the_part_that_changes(boolean htmx) {
        ExperimentResult expected = AttentionExperiment.run(ExperimentSpec.defaults(Rule.COPY));
        String canonical = LearnedForm.url(ExperimentSpec.defaults(Rule.COPY));
        assertEquals("/attention/learned?rule=copy&positions=6&vocabulary=8&relevance=0,0,0.1,0.2,0.3,0.4&samples=1000"
                + "&heldOut=1000&embedding=8&steps=300&learningRate=0.05&seed=1", canonical, "a readable URL with every setting");
        JavalinTest.test(app(), (server, client) -> {
            Res res = get(client, htmx ? canonical : "/attention/learned", htmx);
            assertEquals(200, res.code());
            assertTrue(String.valueOf(res.headers().get("vary")).contains("HX-Request"), String.valueOf(res.headers().get("vary")));
            List<String[]> rows = positionRows(res.body());
            assertEquals(6, rows.size());
            for (int i = 0; i < 6; i++) {
                assertEquals(String.valueOf(i), rows.get(i)[0]);
                assertEquals(Format.fixed(expected.meanWeights()[i], 3), rows.get(i)[2], "mean weight " + i);
                assertEquals(Format.fixed(expected.mutualInformationBits()[i], 3), rows.get(i)[3], "I(y; x_" + i + ")");
                assertEquals(Format.fixed(expected.shuffledMaxBits()[i], 3), rows.get(i)[5], "shuffled max " + i);
            }
            assertTrue(res.body().contains("ρ = " + Format.fixed(expected.rankCorrelation(), 3)), "ρ shown");
            assertTrue(res.body().contains(Format.percent(expected.heldOutAccuracy(), 1)), "accuracy shown");
            assertTrue(res.body().contains("Here the claim holds."), "the copy rule's reading");
            assertTrue(res.body().contains("an interpretation, not a theorem"));
            assertTrue(res.body().contains("id=\"ln-loss-desc\">Line chart of the mean training cross-entropy"), "the loss curve's text");
            assertEquals(List.of(htmx ? "0,0,0.1,0.2,0.3,0.4" : "0, 0, 0.1, 0.2, 0.3, 0.4"), inputs(res.body(), "relevance"),
                    "the defaults in the form, or the settings as the URL wrote them");
            if (htmx) {
                assertFalse(res.body().contains("<html"), "a fragment");
                assertTrue(res.body().startsWith("<div id=\"learned\">"), res.body().substring(0, 60));
                assertEquals(List.of(canonical), res.headers().get("hx-push-url"));
                assertTrue(res.body().contains("hx-swap-oob"), "the announcement");
            } else {
                assertTrue(res.body().contains("<html"));
                assertEquals(BASE + canonical, PageText.canonical(res.body()));
                assertTrue(res.body().contains("<form action=\"/attention/learned\" method=\"get\""), "a plain form");
                assertTrue(res.body().contains("<progress id=\"learned-progress\""));
            }
        });
    }

    @Test
    void the_same_settings_give_the_same_figures_and_another_seed_others() {
        JavalinTest.test(app(), (server, client) -> {
            String a = table(get(client, SMALL, false).body(), "ln-table");
            assertFalse(a.isEmpty());
            assertEquals(a, table(get(client, SMALL, false).body(), "ln-table"));
            assertFalse(a.equals(table(get(client, SMALL.replace("seed=3", "seed=4"), false).body(), "ln-table")));
        });
    }

    static Stream<Arguments> badQueries() {
        return Stream.of(
                Arguments.of("positions=13", "positions", "positions is 13; it must be from 2 to 12."),
                Arguments.of("positions=six", "positions", "positions must be a whole number; “six” is not."),
                Arguments.of("vocabulary=17", "vocabulary", "vocabulary is 17; it must be from 2 to 16."),
                Arguments.of("rule=xor&vocabulary=8", "vocabulary", "the xor rule needs exactly 2 tokens"),
                Arguments.of("relevance=0.5,0.5,0.5,0,0,0", "relevance", "add up to 1.5"),
                Arguments.of("relevance=0,0.5", "relevance", "there are 2 relevances but 6 positions"),
                Arguments.of("relevance=0,x,0,0,0,0", "relevance", "“x” is not a number"),
                Arguments.of("rule=xor&pair=2,2", "pair", "first and second are both 2"),
                Arguments.of("rule=xor&pair=1,9", "pair", "the pair's second position is 9; it must be from 0 to 5."),
                Arguments.of("rule=xor&pair=1", "pair", "pair must be two positions"),
                Arguments.of("samples=10", "samples", "samples is 10; it must be from 20 to 2000."),
                Arguments.of("heldOut=5000", "heldOut", "heldOut is 5000; it must be from 20 to 2000."),
                Arguments.of("embedding=0", "embedding", "embedding is 0; it must be from 1 to 16."),
                Arguments.of("steps=1001", "steps", "steps is 1001; it must be from 1 to 1000."),
                Arguments.of("learningRate=2", "learningRate", "learningRate is 2.0; it must be from 0.0001 to 1."),
                Arguments.of("learningRate=fast", "learningRate", "“fast” is not"),
                Arguments.of("seed=-1", "seed", "seed is -1; it must be from 0 to 2147483647."),
                Arguments.of("seed=1.5", "seed", "seed must be a whole number"),
                Arguments.of("rule=parity", "rule", "rule is “parity”; it must be copy"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badQueries")
    void a_bad_setting_on_the_page_is_a_400_with_its_message_beside_it_and_the_typed_values_kept(String query, String field,
            String message) {
        JavalinTest.test(app(), (server, client) -> {
            for (boolean htmx : new boolean[] {false, true}) {
                Res res = get(client, "/attention/learned?" + query, htmx);
                assertEquals(400, res.code(), query);
                String said = errorText(res.body(), "err-" + field);
                assertNotNull(said, "a message beside " + field + ": " + allErrors(res.body()));
                assertTrue(said.contains(message), said);
                assertTrue(res.body().contains("aria-describedby=\"ln-help-" + field + " err-" + field + "\"")
                        || res.body().contains("aria-describedby=\"err-" + field + "\""), "the message is the field's description");
                for (String kv : query.split("&")) {
                    String name = kv.substring(0, kv.indexOf('='));
                    String typed = URLDecoder.decode(kv.substring(kv.indexOf('=') + 1), StandardCharsets.UTF_8);
                    if (!name.equals("rule")) {
                        assertEquals(List.of(typed), inputs(res.body(), name), "the typed " + name + " is kept");
                    }
                }
                assertTrue(table(res.body(), "ln-table").isEmpty(), "no results");
                assertTrue(res.headers().get("hx-push-url").isEmpty(), "no URL pushed for settings with mistakes");
            }
        });
    }

    // ---- the API -------------------------------------------------------------------------------

    @Test
    void the_api_answers_the_same_numbers_as_the_experiment_for_the_same_settings() throws Exception {
        JavalinTest.test(app(), (server, client) -> {
            Res res = api(client, "{}");
            assertEquals(200, res.code(), res.body());
            same(AttentionExperiment.run(ExperimentSpec.defaults(Rule.COPY)), JSON.readTree(res.body()));

            Res xor = api(client, "{\"rule\": \"xor\", \"positions\": 4, \"pair\": [0, 3], \"samples\": 300, \"heldOut\": 200,"
                    + " \"steps\": 50, \"seed\": 7, \"embedding\": 4, \"learningRate\": 0.1}");
            assertEquals(200, xor.code(), xor.body());
            ExperimentSpec spec = new ExperimentSpec(Rule.XOR, 4, 2, null, 0, 3, 300, 200, 4, 50, 0.1, 7);
            JsonNode j = JSON.readTree(xor.body());
            same(AttentionExperiment.run(spec), j);
            assertEquals(LearnedForm.url(spec), j.get("url").asText());

            Res copy = api(client, "{\"rule\": \"copy\", \"positions\": 3, \"vocabulary\": 4, \"relevance\": [0, 0.3, 0.6],"
                    + " \"samples\": 200, \"heldOut\": 200, \"embedding\": 4, \"steps\": 40, \"seed\": 3}");
            same(AttentionExperiment.run(new ExperimentSpec(Rule.COPY, 3, 4, new double[] {0, 0.3, 0.6}, 0, 1, 200, 200, 4, 40, 0.05, 3)),
                    JSON.readTree(copy.body()));
            assertEquals(SMALL, JSON.readTree(copy.body()).get("url").asText(), "the page with the same settings");
        });
    }

    private static void same(ExperimentResult r, JsonNode j) {
        assertArrayEquals(r.lossPerStep(), doubles(j.get("loss")));
        assertEquals(r.heldOutAccuracy(), j.get("accuracy").asDouble(), 0);
        assertArrayEquals(r.meanWeights(), doubles(j.get("meanWeights")));
        assertArrayEquals(r.mutualInformationBits(), doubles(j.get("mutualInformationBits")));
        assertArrayEquals(r.shuffledMeanBits(), doubles(j.get("shuffledBits")));
        assertArrayEquals(r.shuffledMaxBits(), doubles(j.get("shuffledMaxBits")));
        assertArrayEquals(r.permutationPValues(), doubles(j.get("pValues")));
        if (Double.isNaN(r.rankCorrelation())) {
            assertTrue(j.get("rankCorrelation").isNull());
        } else {
            assertEquals(r.rankCorrelation(), j.get("rankCorrelation").asDouble(), 0);
        }
    }

    private static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"positions\": 13}|positions|positions is 13; it must be from 2 to 12",
        "{\"positions\": 6.5}|positions|whole number",
        "{\"positions\": \"six\"}|positions|positions must be a number",
        "{\"vocabulary\": 1}|vocabulary|vocabulary is 1; it must be from 2 to 16",
        "{\"rule\": \"xor\", \"vocabulary\": 4}|vocabulary|the xor rule needs exactly 2 tokens",
        "{\"relevance\": [0.5, 0.6, 0, 0, 0, 0]}|relevance|add up to 1.1",
        "{\"relevance\": [0.5]}|relevance|there are 1 relevances but 6 positions",
        "{\"relevance\": \"0.5\"}|relevance|relevance must be an array of numbers",
        "{\"relevance\": []}|relevance|relevance must be an array of numbers",
        "{\"rule\": \"xor\", \"pair\": [1, 1]}|pair|first and second are both 1",
        "{\"rule\": \"xor\", \"pair\": [1, 6]}|pair|second position is 6; it must be from 0 to 5",
        "{\"rule\": \"xor\", \"pair\": [1, \"b\"]}|pair|pair must be an array of two positions",
        "{\"rule\": \"xor\", \"pair\": [1, 2, 3]}|pair|pair must be two positions",
        "{\"samples\": 19}|samples|samples is 19; it must be from 20 to 2000",
        "{\"heldOut\": 2001}|heldOut|heldOut is 2001; it must be from 20 to 2000",
        "{\"embedding\": 17}|embedding|embedding is 17; it must be from 1 to 16",
        "{\"steps\": 0}|steps|steps is 0; it must be from 1 to 1000",
        "{\"learningRate\": 0}|learningRate|learningRate is 0.0; it must be from 0.0001 to 1",
        "{\"seed\": -1}|seed|seed is -1",
        "{\"seed\": 1e30}|seed|seed must be a whole number",
        "{\"rule\": \"parity\"}|rule|rule is “parity”",
        "{\"rule\": 1}|rule|rule must be a string",
        "{\"position\": 6}|position|position is not a setting of this experiment",
        "[1, 2]|body|The body must be a JSON object",
        "{|body|not valid JSON"})
    void each_bad_field_is_a_400_naming_it(String body, String field, String message) {
        JavalinTest.test(app(), (server, client) -> {
            Res res = api(client, body);
            assertEquals(400, res.code(), res.body());
            JsonNode errors = JSON.readTree(res.body()).get("errors");
            assertEquals(1, errors.size(), res.body());
            assertEquals(field, errors.get(0).get("field").asText());
            assertTrue(errors.get(0).get("message").asText().toLowerCase().contains(message.toLowerCase()), res.body());
        });
    }

    @Test
    void several_fields_of_the_wrong_type_each_get_their_message() {
        JavalinTest.test(app(), (server, client) -> {
            Res res = api(client, "{\"positions\": \"a\", \"steps\": [1], \"pair\": 3, \"colour\": \"red\"}");
            assertEquals(400, res.code());
            List<String> fields = new ArrayList<>();
            JSON.readTree(res.body()).get("errors").forEach(e -> fields.add(e.get("field").asText()));
            assertEquals(List.of("positions", "steps", "pair", "colour"), fields);
        });
    }

    // ---- exclusive or: the pair in the three-variable explorer ---------------------------------

    @Test
    void with_exclusive_or_the_page_links_the_pair_to_the_three_variable_explorer_where_the_synergy_is_one_bit() {
        JavalinTest.test(app(), (server, client) -> {
            Res res = get(client, "/attention/learned?rule=xor&positions=5&pair=0,3&samples=300&heldOut=300&steps=60", false);
            assertEquals(200, res.code());
            assertTrue(res.body().contains("Here the claim fails."), "the xor rule's reading");
            Matcher m = Pattern.compile("<a id=\"ln-cmi\" href=\"([^\"]*)\"").matcher(res.body());
            assertTrue(m.find(), "a link to /cmi");
            String link = PageText.unescape(m.group(1));
            assertTrue(link.startsWith("/cmi?x=x0&y=y&z=x3&"), link);

            Map<String, List<String>> q = query(link);
            List<List<List<Double>>> p = new ArrayList<>();
            for (String slice : q.get("p")) {
                List<List<Double>> rows = new ArrayList<>();
                for (String row : slice.split(";")) {
                    rows.add(Stream.of(row.split(",")).map(Double::parseDouble).toList());
                }
                p.add(rows);
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("p", p);
            body.put("xName", q.get("x").get(0));
            body.put("yName", q.get("y").get(0));
            body.put("zName", q.get("z").get(0));
            body.put("xLabels", q.get("xl"));
            body.put("yLabels", q.get("yl"));
            body.put("zLabels", q.get("zl"));
            Res cmi = PageText.raw(client, "/api/cmi", JSON.writeValueAsString(body), "application/json", false);
            assertEquals(200, cmi.code(), cmi.body());
            JsonNode j = JSON.readTree(cmi.body());
            assertEquals(1, j.get("conditionalMutualInformationXYGivenZ").asDouble(), 1e-15, "I(y; x_a | x_b) = 1 bit");
            assertEquals(0, j.get("mutualInformationXY").asDouble(), 1e-15, "I(y; x_a) = 0");
            assertEquals(0, j.get("mutualInformationYZ").asDouble(), 1e-15, "I(y; x_b) = 0");
            assertEquals(200, get(client, link, false).code(), "the link opens the explorer");
        });
    }

    private static Map<String, List<String>> query(String url) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String kv : url.substring(url.indexOf('?') + 1).split("&")) {
            int eq = kv.indexOf('=');
            out.computeIfAbsent(kv.substring(0, eq), k -> new ArrayList<>())
                    .add(URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    // ---- the gallery and the links to the page -------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @CsvSource({"attention-copy-with-noise,copy,Here the claim holds.", "attention-exclusive-or,xor,Here the claim fails."})
    void each_gallery_example_is_the_rules_defaults_at_a_stable_address(String slug, String rule, String reading) {
        JavalinTest.test(app(), (server, client) -> {
            String gallery = get(client, "/examples", false).body();
            assertTrue(gallery.contains("<a href=\"/examples/" + slug + "\">"), "listed in the gallery");
            Res res = get(client, "/examples/" + slug, false);
            assertEquals(200, res.code());
            assertEquals(BASE + "/examples/" + slug, PageText.canonical(res.body()));
            assertTrue(PageText.title(res.body()).endsWith(" · Examples · MI Explorer"), PageText.title(res.body()));
            assertTrue(res.body().contains(reading));
            String page = get(client, LearnedForm.url(ExperimentSpec.defaults(Rule.fromKey(rule))), false).body();
            assertEquals(table(page, "ln-table"), table(res.body(), "ln-table"), "the same figures as the page with the rule's defaults");
        });
    }

    @Test
    void the_attention_page_and_the_lesson_link_to_the_experiment() {
        JavalinTest.test(app(), (server, client) -> {
            assertTrue(get(client, "/attention", false).body().contains("href=\"/attention/learned\""));
            assertTrue(get(client, "/", false).body().contains("href=\"/attention/learned\""));
        });
    }

    static List<String[]> positionRows(String html) {
        return rows(table(html, "ln-table"),
                "<tr><td>([^<]*)</td><td>([^<]*)</td><td>([^<]*)</td><td>([^<]*)</td>\\s*<td>([^<]*)</td><td>([^<]*)</td>", 6);
    }
}
