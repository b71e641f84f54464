package miexplorer.web;

import static miexplorer.testing.PageText.fetch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import io.javalin.testtools.FormBody;
import io.javalin.testtools.JavalinTest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import miexplorer.testing.AttentionReference;
import miexplorer.testing.PageText;
import miexplorer.web.attention.AttentionPresets;
import miexplorer.web.examples.ExampleRoutes;
import miexplorer.web.explorer.Example;
import miexplorer.web.explorer.Preset;
import miexplorer.web.joint.JointInput;
import miexplorer.web.mi.MiPresets;
import miexplorer.web.render.Templates;
import miexplorer.web.site.Site;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The course around the explorer: the lesson at /, the example gallery and its stable URLs, link
 * previews (title, description, canonical, Open Graph) and the embed mode for iframes.
 *
 * <p>Expected numbers come from {@link MiWebTest.Info}, which works them out from the definitions.
 */
class CourseWebTest {
    private static final String BASE = "https://mi.example.edu";

    /** The app as a host would run it: with a public base URL. */
    private static Javalin app() {
        return App.create(App.Config.production().withSite(new Site(BASE, "'self'")));
    }

    private static final double[][] WEATHER = {{0.36, 0.04}, {0.12, 0.48}};

    // ---- the lesson ----------------------------------------------------------------------------

    static final List<String> SECTIONS = List.of("what-to-know-first", "core-idea", "entropy", "conditional-entropy",
            "mutual-information", "worked-example", "properties", "symmetry", "non-negativity", "independence", "bound",
            "attention", "attention-live", "summary");

    @Test
    void the_lesson_is_at_the_root_with_every_section_anchored_and_in_the_table_of_contents() {
        JavalinTest.test(app(), (server, client) -> {
            PageText.Res res = fetch(client, "/");
            assertEquals(200, res.code());
            String html = res.body();
            assertEquals("Mutual information, step by step · MI Explorer", PageText.title(html));
            assertTrue(html.contains("<h1>Mutual information, step by step</h1>"));
            String toc = html.substring(html.indexOf("<nav class=\"toc\""), html.indexOf("</nav>", html.indexOf("<nav class=\"toc\"")));
            int last = -1;
            for (String id : SECTIONS) {
                assertTrue(PageText.ids(html).contains(id), "a section with id " + id);
                assertTrue(toc.contains("href=\"#" + id + "\""), "the contents link to #" + id);
                int at = html.indexOf(" id=\"" + id + "\"");
                assertTrue(at > last, id + " comes in the teaching order");
                last = at;
            }
        });
    }

    @Test
    void the_lesson_embeds_one_live_explorer_showing_the_exact_weather_numbers() {
        JavalinTest.test(app(), (server, client) -> {
            String html = fetch(client, "/").body();
            assertEquals(1, PageText.count(html, "<div id=\"explorer\""), "exactly one live explorer");
            assertEquals(1, PageText.count(html, "hx-post=\"/mi\""), "with its htmx form");
            assertTrue(html.contains("<input type=\"hidden\" name=\"lesson\" value=\"1\">"), "marked as the lesson's");
            Map<String, String> m = PageText.measures(html);
            assertEquals(expected(WEATHER, 3), m);
            assertEquals("0.378 bits", PageText.miValue(html));
            // the worked walkthrough quotes the same numbers, computed by the app
            MiWebTest.Info w = MiWebTest.Info.of(WEATHER);
            String walk = html.substring(html.indexOf("<ol class=\"walkthrough\">"), html.indexOf("</ol>", html.indexOf("<ol class=\"walkthrough\">")));
            assertTrue(walk.contains("H(X) = H(0.400, 0.600) = " + fixed(w.hX(), 3) + " bits"), walk);
            assertTrue(walk.contains("H(X | Y = forecast rain) = " + fixed(MiWebTest.Info.h(0.75, 0.25), 3) + " bits"), walk);
            assertTrue(walk.contains("= " + fixed(w.hXgivenY(), 3) + " bits"), walk);
            assertTrue(walk.contains("= " + fixed(w.mi(), 3) + " bits"), walk);
        });
    }

    @Test
    void every_id_on_the_lesson_and_the_pages_is_unique() {
        JavalinTest.test(app(), (server, client) -> {
            for (String path : List.of("/", "/mi", "/examples", "/examples/weather-forecast", "/mi?p=0.5,0;0,0.5&embed=1",
                    ATTENTION_EMBED, "/examples/attention-two-queries?embed=1", "/cmi", "/examples/cmi-xor?embed=1")) {
                List<String> ids = PageText.ids(fetch(client, path).body());
                Set<String> seen = new HashSet<>();
                for (String id : ids) {
                    assertTrue(seen.add(id), path + ": the id " + id + " appears twice");
                }
            }
        });
    }

    @Test
    void headings_nest_wherever_the_explorer_is_shown() {
        JavalinTest.test(app(), (server, client) -> {
            for (String path : List.of("/", "/mi", "/mi?p=0.5,0;0,0.5&embed=1", "/attention", "/examples/attention-two-queries",
                    "/examples/weather-forecast", "/data", "/attention/scaling", "/cmi", "/examples/cmi-and")) {
                String html = fetch(client, path).body();
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("<h([1-6])[ >]").matcher(html);
                int last = 0;
                while (m.find()) {
                    int level = Integer.parseInt(m.group(1));
                    assertTrue(level <= last + 1, path + ": an h" + level + " follows an h" + last + " at " + m.start());
                    last = level;
                }
                assertTrue(last > 0, path + " has headings");
            }
            // the explorer's Results sits under the lesson's "Worked example" (h2), and the joint table's under the attention matrix (h3)
            assertTrue(fetch(client, "/").body().contains("<h3 id=\"mi-summary-h\">Results</h3>"));
            assertTrue(fetch(client, "/examples/attention-two-queries").body().contains("<h4 id=\"mi-summary-h\">Results</h4>"));
            assertTrue(fetch(client, "/mi").body().contains("<h2 id=\"mi-summary-h\">Results</h2>"));
        });
    }

    @Test
    void every_box_that_takes_the_focus_to_scroll_has_a_name() {
        JavalinTest.test(app(), (server, client) -> {
            for (String path : List.of("/", "/mi", "/mi?kind=counts&p=1,2,3,4;5,6,7,8;9,1,2,3;4,5,6,7", "/attention",
                    "/examples/attention-two-queries", "/attention/scaling", "/data")) {
                String html = fetch(client, path).body();
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("<[a-z]+ [^>]*tabindex=\"0\"[^>]*>").matcher(html);
                int boxes = 0;
                while (m.find()) {
                    boxes++;
                    assertTrue(m.group().matches(".*aria-label(ledby)?=\"[^\"]+\".*"), path + ": " + m.group());
                }
                assertTrue(boxes > 0, path + " has scrolling boxes to check");
            }
        });
    }

    @Test
    void the_lessons_entropy_table_and_properties_table_are_the_real_numbers() {
        JavalinTest.test(app(), (server, client) -> {
            String html = fetch(client, "/").body();
            assertTrue(html.contains("<td>A fair coin</td><td>½, ½</td><td>1.000 bits</td>"));
            assertTrue(html.contains("<td>0.9, 0.1</td><td>" + fixed(MiWebTest.Info.h(0.9, 0.1), 3) + " bits</td>")); // 0.469
            double[] die = {1.0 / 6, 1.0 / 6, 1.0 / 6, 1.0 / 6, 1.0 / 6, 1.0 / 6};
            assertTrue(html.contains("<td>⅙ each</td><td>" + fixed(MiWebTest.Info.h(die), 3) + " bits</td>")); // 2.585
            // one row per example: H(X), H(Y), I(X;Y), I(Y;X), min(H(X), H(Y)), from the definitions
            String table = html.substring(html.indexOf("id=\"properties-table\""), html.indexOf("</table>", html.indexOf("id=\"properties-table\"")));
            for (Preset<JointInput> p : MiPresets.all()) {
                MiWebTest.Info in = MiWebTest.Info.of(weights(p));
                MiWebTest.Info swapped = MiWebTest.Info.of(transpose(weights(p)));
                String row = "<th scope=\"row\"><a href=\"/examples/" + p.slug() + "\">" + p.title().replace("×", "×") + "</a></th>"
                        + "<td>" + fixed(in.hX(), 3) + "</td><td>" + fixed(in.hY(), 3) + "</td>";
                assertTrue(table.contains(row), "row for " + p.slug() + ": " + row);
                String rest = "<td>" + fixed(in.mi(), 3) + "</td><td>" + fixed(swapped.mi(), 3) + "</td><td>"
                        + fixed(Math.min(in.hX(), in.hY()), 3) + "</td>";
                assertTrue(table.contains(rest), "I, I swapped and the bound for " + p.slug() + ": " + rest);
                assertTrue(in.mi() > -1e-12 && in.mi() <= Math.min(in.hX(), in.hY()) + 1e-12);
            }
        });
    }

    @Test
    void the_lesson_links_to_the_attention_explorer_and_frames_the_intuition_honestly() {
        JavalinTest.test(app(), (server, client) -> {
            String html = fetch(client, "/").body();
            String section = html.substring(html.indexOf("id=\"attention\""), html.indexOf("id=\"summary\""));
            assertTrue(section.contains("href=\"/attention\""), "links to the attention explorer");
            assertTrue(section.contains("an intuition, not a theorem"), "says what the claim is");
            assertTrue(section.contains("entropy of each"), "says what is computed exactly");
            assertTrue(section.contains("I(query; key)"));
            assertTrue(html.contains("<a href=\"/examples/independent\">"), "independence links to its example");
            assertTrue(html.contains("<a href=\"/examples/perfect-predictor\">"), "the bound links to its example");
            assertTrue(html.contains("href=\"/mi?x=Forecast&amp;y=Weather&amp;"), "symmetry links to the swapped table");
        });
    }

    @Test
    void editing_the_lessons_explorer_updates_in_place_without_pushing_a_url() {
        JavalinTest.test(app(), (server, client) -> {
            FormBody.Builder form = weatherForm().add("lesson", "1").add("base", "e");
            PageText.Res htmx = PageText.read(client.request("/mi", b -> b.post(form.build()).header("HX-Request", "true")), "POST lesson");
            assertEquals(200, htmx.code());
            assertNull(htmx.header("HX-Push-Url"), "the address stays the lesson's");
            assertTrue(htmx.body().contains("<input type=\"hidden\" name=\"lesson\" value=\"1\">"), "and stays the lesson's explorer");
            assertEquals("0.262 nats", PageText.miValue(htmx.body()));
            assertTrue(htmx.body().contains("Open this table in the explorer"), "with a link to the shareable page");

            PageText.Res plain = PageText.read(client.request("/mi", b -> b.post(form.build())), "POST lesson, no JS");
            assertEquals(303, plain.code(), "without JavaScript the post opens the explorer's own page");
            assertTrue(plain.header("Location").startsWith("/mi?x=Weather"), plain.header("Location"));
            assertFalse(plain.header("Location").contains("lesson"), plain.header("Location"));
        });
    }

    /** The lesson's attention example: q = (2, 0) and (0, 2) against keys (2, 0), (1, 1), (0, 2), dₖ = 2. */
    private static FormBody.Builder lessonAttentionForm(String firstQuery, boolean scale) {
        FormBody.Builder b = new FormBody.Builder().add("lesson", "1").add("scale", "0");
        if (scale) {
            b.add("scale", "1");
        }
        b.add("temp", "1").add("dk", "2").add("digits", "3");
        b.add("ql", "looks left").add("q", firstQuery).add("prior", "").add("ql", "looks right").add("q", "0, 2").add("prior", "");
        for (String[] k : new String[][] {{"left", "2, 0"}, {"middle", "1, 1"}, {"right", "0, 2"}}) {
            b.add("kl", k[0]).add("k", k[1]).add("v", "");
        }
        return b;
    }

    /** I(query; key) of the lesson's example, from the definitions, with the queries equally likely. */
    private static String lessonMi(double[] first, boolean scale) {
        double[][] keys = {{2, 0}, {1, 1}, {0, 2}};
        double[][] q = {first, {0, 2}};
        double[][] alpha = new double[2][];
        for (int r = 0; r < 2; r++) {
            double[] s = new double[3];
            for (int i = 0; i < 3; i++) {
                s[i] = (q[r][0] * keys[i][0] + q[r][1] * keys[i][1]) / (scale ? Math.sqrt(2) : 1);
            }
            alpha[r] = AttentionReference.softmax(s);
        }
        return "I(query; key) = " + fixed(AttentionReference.mutualInformation(AttentionReference.joint(alpha, new double[] {1, 1})), 3)
                + " bits";
    }

    @Test
    void the_lesson_has_a_live_attention_explorer_whose_numbers_are_exact() {
        JavalinTest.test(app(), (server, client) -> {
            String html = fetch(client, "/").body();
            String section = html.substring(html.indexOf("id=\"attention-live\""), html.indexOf("id=\"summary\""));
            assertEquals(1, PageText.count(html, "<div id=\"att-explorer\""), "one attention explorer");
            assertEquals(1, PageText.count(section, "hx-post=\"/attention\""), "in the live section, with its htmx form");
            assertTrue(section.contains("<input type=\"hidden\" name=\"lesson\" value=\"1\">"), "marked as the lesson's");
            assertEquals(lessonMi(new double[] {2, 0}, true), PageText.byId(html, "att-mi")); // 0.561 bits
            assertTrue(section.contains("<h3 id=\"att-summary-h\">Results for these vectors</h3>"),
                    "its headings sit under the section's h2, named apart from the other explorer's Results");
            assertTrue(section.contains("<h3 id=\"att-export-h\">Export these vectors</h3>"));
            assertFalse(section.contains("class=\"joint-analysis\""), "the joint table's own analysis is left to the explorer's page");
            assertFalse(section.contains("id=\"att-honest\""), "the lesson says what is interpretation just above");
            assertTrue(section.contains("Open these vectors in the attention explorer"), "a link to the shareable page");
            // the things to try quote what the explorer will show, worked out here from the definitions
            String prose = section.replaceAll("\\s+", " ");
            String value = "I(query; key) = ";
            assertTrue(prose.contains("I(query; key) drops to " + lessonMi(new double[] {0, 2}, true).substring(value.length()) + ".</li>"),
                    prose);
            assertTrue(prose.contains("I(query; key) rises from " + lessonMi(new double[] {2, 0}, true).substring(value.length()) + " to "
                    + lessonMi(new double[] {2, 0}, false).substring(value.length()) + ","), prose);
        });
    }

    @Test
    void the_lessons_two_explorers_share_no_id_even_with_the_same_mistakes_in_both() {
        JavalinTest.test(app(), (server, client) -> {
            // Both have a Decimals field and buttons; a crafted post can make both show a message for them.
            FormBody.Builder table = new FormBody.Builder().add("lesson", "1").add("x", "Weather").add("y", "Forecast")
                    .add("xl", "Rain").add("xl", "Sun").add("yl", "Forecast rain").add("yl", "Forecast sun")
                    .add("c", "0.36").add("c", "0.04").add("c", "0.12").add("c", "0.48").add("kind", "probabilities")
                    .add("digits", "99").add("action", "nonsense");
            FormBody.Builder vectors = lessonAttentionForm("1, x", true).add("digits", "99").add("action", "nonsense");
            String mi = PageText.read(client.request("/mi", b -> b.post(table.build()).header("HX-Request", "true")), "table").body();
            String att = PageText.read(client.request("/attention", b -> b.post(vectors.build()).header("HX-Request", "true")), "vectors").body();
            assertTrue(mi.contains("id=\"err-digits\""), "the table's Decimals has a message");
            assertTrue(att.contains("id=\"att-err-digits\""), "and so do the vectors'");
            Set<String> shared = new HashSet<>(PageText.ids(mi));
            shared.retainAll(PageText.ids(att));
            shared.remove("announce"); // the one live region, which each answer fills out of band
            assertEquals(Set.of(), shared);
        });
    }

    @Test
    void reset_in_the_lessons_attention_explorer_brings_back_the_lessons_example() {
        JavalinTest.test(app(), (server, client) -> {
            String lesson = fetch(client, "/").body();
            PageText.Res htmx = PageText.read(client.request("/attention", b -> b.post(lessonAttentionForm("5, 5", false)
                    .add("action", "reset").build()).header("HX-Request", "true")), "Reset in the lesson");
            assertEquals(200, htmx.code());
            assertEquals(PageText.inputs(lesson, "q"), PageText.inputs(htmx.body(), "q"), "the lesson's two queries, not another example");
            assertEquals(PageText.byId(lesson, "att-mi"), PageText.byId(htmx.body(), "att-mi"));

            PageText.Res plain = PageText.read(client.request("/attention", b -> b.post(lessonAttentionForm("5, 5", false)
                    .add("action", "reset").build())), "Reset in the lesson, no JS");
            assertEquals(303, plain.code());
            assertEquals(AttentionPresets.twoQueries().url(), plain.header("Location"));

            PageText.Res page = PageText.read(client.request("/attention", b -> b.post(new FormBody.Builder()
                    .add("q", "5, 5").add("k", "1, 1").add("action", "reset").build())), "Reset on the page, no JS");
            assertEquals(AttentionPresets.sentence().url(), page.header("Location"), "the page's own first example");
        });
    }

    @Test
    void editing_the_lessons_attention_explorer_updates_in_place_without_pushing_a_url() {
        JavalinTest.test(app(), (server, client) -> {
            PageText.Res same = PageText.read(client.request("/attention", b -> b.post(lessonAttentionForm("0, 2", true).build())
                    .header("HX-Request", "true")), "POST lesson attention");
            assertEquals(200, same.code());
            assertNull(same.header("HX-Push-Url"), "the address stays the lesson's");
            assertTrue(same.body().contains("<input type=\"hidden\" name=\"lesson\" value=\"1\">"), "and stays the lesson's explorer");
            assertEquals("I(query; key) = 0.000 bits", PageText.byId(same.body(), "att-mi"), "both queries look the same way");
            assertEquals(lessonMi(new double[] {0, 2}, true), PageText.byId(same.body(), "att-mi"));
            assertTrue(same.body().contains("<h3 id=\"att-summary-h\">Results for these vectors</h3>"));

            PageText.Res unscaled = PageText.read(client.request("/attention", b -> b.post(lessonAttentionForm("2, 0", false).build())
                    .header("HX-Request", "true")), "POST lesson attention, unscaled");
            assertEquals(lessonMi(new double[] {2, 0}, false), PageText.byId(unscaled.body(), "att-mi")); // 0.768 bits: sharper weights

            PageText.Res plain = PageText.read(client.request("/attention", b -> b.post(lessonAttentionForm("0, 2", true).build())),
                    "POST lesson attention, no JS");
            assertEquals(303, plain.code(), "without JavaScript the post opens the explorer's own page");
            assertTrue(plain.header("Location").startsWith("/attention?ql=looks+left"), plain.header("Location"));
            assertFalse(plain.header("Location").contains("lesson"), plain.header("Location"));
        });
    }

    @Test
    void a_mistake_posted_from_the_lesson_without_javascript_is_shown_on_the_explorers_own_page() {
        JavalinTest.test(app(), (server, client) -> {
            PageText.Res att = PageText.read(client.request("/attention", b -> b.post(lessonAttentionForm("0, x", true).build())),
                    "POST lesson attention, a mistake, no JS");
            assertEquals(422, att.code());
            assertTrue(att.body().contains("<h2 id=\"att-summary-h\">Results</h2>"), "a page's headings, under its h1");
            assertFalse(att.body().contains("name=\"lesson\""), "the form is the page's now, so its next post redirects there");
            assertEquals(List.of("0, x", "0, 2"), PageText.inputs(att.body(), "q"), "what was typed is kept");

            FormBody.Builder mi = new FormBody.Builder().add("lesson", "1").add("x", "Weather").add("y", "Forecast")
                    .add("xl", "Rain").add("xl", "Sun").add("yl", "Forecast rain").add("yl", "Forecast sun")
                    .add("c", "0.36").add("c", "abc").add("c", "0.12").add("c", "0.48").add("kind", "probabilities").add("digits", "3");
            PageText.Res table = PageText.read(client.request("/mi", b -> b.post(mi.build())), "POST lesson table, a mistake, no JS");
            assertEquals(422, table.code());
            assertTrue(table.body().contains("<h2 id=\"mi-summary-h\">Results</h2>"), table.body());
            assertFalse(table.body().contains("name=\"lesson\""));
        });
    }

    // ---- the gallery ---------------------------------------------------------------------------

    @Test
    void the_gallery_lists_every_example_with_its_title_description_and_stable_link() {
        JavalinTest.test(app(), (server, client) -> {
            PageText.Res res = fetch(client, "/examples");
            assertEquals(200, res.code());
            assertEquals("Examples · MI Explorer", PageText.title(res.body()));
            assertTrue(res.body().contains("<h2 id=\"g-weather-forecast\">Joint-table explorer</h2>"));
            for (Preset<JointInput> p : MiPresets.all()) {
                assertTrue(res.body().contains("<a href=\"/examples/" + p.slug() + "\">" + escape(p.title()) + "</a>"), p.slug());
                assertTrue(res.body().contains(escape(p.description())), p.slug());
            }
            assertTrue(res.body().contains("<a href=\"/examples/weather-forecast\">Weather and forecast</a>"));
        });
    }

    static Stream<Preset<JointInput>> presets() {
        return MiPresets.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void each_example_url_renders_the_explorer_in_that_state_with_its_title_and_numbers(Preset<JointInput> p) {
        JavalinTest.test(app(), (server, client) -> {
            PageText.Res res = fetch(client, "/examples/" + p.slug());
            assertEquals(200, res.code());
            assertEquals(p.title() + " · Examples · MI Explorer", PageText.title(res.body()));
            assertTrue(res.body().contains("<h1>" + escape(p.title()) + "</h1>"));
            assertEquals(expected(weights(p), 3), PageText.measures(res.body()));
            assertEquals(BASE + "/examples/" + p.slug(), PageText.canonical(res.body()), "its stable URL is canonical");
            assertEquals(PageText.measures(fetch(client, p.url()).body()), PageText.measures(res.body()), "the same as its /mi URL");
        });
    }

    @Test
    void the_named_examples_show_what_they_promise() {
        JavalinTest.test(app(), (server, client) -> {
            assertEquals("0.378 bits", PageText.miValue(fetch(client, "/examples/weather-forecast").body()));
            assertEquals("0.000 bits", PageText.miValue(fetch(client, "/examples/independent").body()));
            Map<String, String> perfect = PageText.measures(fetch(client, "/examples/perfect-predictor").body());
            assertEquals("0.000 bits", perfect.get("H(X | Y)"));
            assertEquals(perfect.get("H(X)"), perfect.get("I(X; Y)"));
            assertEquals("0.531 bits", PageText.miValue(fetch(client, "/examples/binary-symmetric-channel").body()));
        });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/examples/no-such-example", "/examples/WEATHER-FORECAST", "/examples/%3Cscript%3E"})
    void an_unknown_example_is_a_404_page(String path) {
        JavalinTest.test(app(), (server, client) -> {
            PageText.Res res = fetch(client, path);
            assertEquals(404, res.code());
            assertTrue(res.body().contains("<html"));
            assertTrue(res.body().contains("There is no page at"), res.body());
            assertFalse(res.body().contains("<script>"));
        });
    }

    @Test
    void two_examples_with_one_slug_are_refused_when_the_app_is_built() {
        Example a = new Example("same", "A", "The first.", "One", (ctx, e) -> ctx.result("a"));
        Example b = new Example("same", "B", "The second.", "Two", (ctx, e) -> ctx.result("b"));
        Templates templates = Templates.precompiled();
        Site site = Site.local(7070);
        RuntimeException e = assertThrows(RuntimeException.class, () -> Javalin.create(cfg ->
                ExampleRoutes.register(cfg.routes, templates, site, List.of(List.of(a), List.of(b)))));
        assertTrue(String.valueOf(e.getMessage()).contains("same") || String.valueOf(e.getCause()).contains("same"), String.valueOf(e));
        assertThrows(IllegalArgumentException.class, () -> new Example("Not a slug", "T", "D.", "E", (ctx, x) -> { }));
        assertThrows(IllegalArgumentException.class, () -> new Example("ok", " ", "D.", "E", (ctx, x) -> { }));
    }

    // ---- link previews -------------------------------------------------------------------------

    @Test
    void pages_carry_a_title_a_description_a_canonical_link_and_open_graph_tags() {
        JavalinTest.test(app(), (server, client) -> {
            String weather = "/mi?x=Weather&y=Forecast&xl=Rain&xl=Sun&yl=Forecast+rain&yl=Forecast+sun"
                    + "&p=0.36,0.04;0.12,0.48&kind=probabilities&base=2";
            Map<String, String> canonical = new LinkedHashMap<>();
            canonical.put("/", BASE + "/");
            canonical.put("/examples", BASE + "/examples");
            canonical.put("/examples/independent", BASE + "/examples/independent");
            canonical.put(weather, BASE + weather);
            canonical.put("/mi", BASE + weather); // the default table's canonical URL names its state
            canonical.forEach((path, url) -> {
                String html = fetch(client, path).body();
                String title = PageText.title(html);
                assertNotNull(title, path);
                assertEquals(title, PageText.meta(html, "og:title"), path);
                String description = PageText.meta(html, "description");
                assertTrue(description != null && description.length() > 40, path + ": " + description);
                assertEquals(description, PageText.meta(html, "og:description"), path);
                assertEquals(url, PageText.canonical(html), path);
                assertEquals(url, PageText.meta(html, "og:url"), path);
                assertEquals(path.equals("/") ? "article" : "website", PageText.meta(html, "og:type"), path);
            });
            String explorer = fetch(client, weather).body();
            assertTrue(PageText.meta(explorer, "description").startsWith("I(Weather; Forecast) = 0.378 bits."),
                    "a state's preview gives its numbers: " + PageText.meta(explorer, "description"));
        });
    }

    @Test
    void without_a_configured_base_url_links_point_at_localhost() {
        JavalinTest.test(App.create(App.Config.production()), (server, client) -> {
            assertEquals("http://localhost:7070/", PageText.canonical(fetch(client, "/").body()));
        });
    }

    @Test
    void a_state_with_mistakes_has_no_canonical_link() {
        JavalinTest.test(app(), (server, client) -> {
            PageText.Res res = fetch(client, "/mi?p=abc");
            assertEquals(400, res.code());
            assertNull(PageText.canonical(res.body()));
        });
    }

    @Test
    void hostile_names_are_escaped_in_the_preview_tags() {
        JavalinTest.test(app(), (server, client) -> {
            String html = fetch(client, "/mi?x=%22%3E%3Cimg+src%3Dx+onerror%3Dalert(2)%3E&xl=a&xl=b&yl=c&yl=d&p=0.5,0;0,0.5").body();
            assertFalse(html.contains("<img src=x"), "no raw img tag");
            assertFalse(html.contains("\"><img"), "no attribute break-out");
            assertTrue(PageText.meta(html, "description").startsWith("I(\"><img src=x onerror=alert(2)>; Y) = 1.000 bits."),
                    PageText.meta(html, "description"));
            assertTrue(PageText.canonical(html).startsWith(BASE + "/mi?x=%22%3E%3Cimg+src%3Dx"), PageText.canonical(html));
        });
    }

    // ---- embed mode ----------------------------------------------------------------------------

    private static final String EMBED = "/mi?x=Coin&y=Die&xl=H&xl=T&yl=Odd&yl=Even&p=0.3,0.2;0.1,0.4&kind=probabilities&base=2&embed=1";

    @Test
    void embed_mode_shows_only_the_explorer() {
        JavalinTest.test(app(), (server, client) -> {
            PageText.Res res = fetch(client, EMBED);
            assertEquals(200, res.code());
            String html = res.body();
            assertBareExplorer(html, "explorer");
            assertEquals(BASE + EMBED.replace("&embed=1", ""), PageText.canonical(html), "the canonical page is the full one");
            assertTrue(html.contains("target=\"_blank\" rel=\"noopener\">Open this table in MI Explorer (new tab)</a>"));
            // the same numbers as the full page
            assertEquals(PageText.measures(fetch(client, EMBED.replace("&embed=1", "")).body()), PageText.measures(html));
        });
    }

    @Test
    void embed_mode_survives_posts_pushed_urls_and_redirects() {
        JavalinTest.test(app(), (server, client) -> {
            FormBody.Builder form = weatherForm().add("embed", "1").add("action", "transpose");
            PageText.Res htmx = PageText.read(client.request("/mi", b -> b.post(form.build()).header("HX-Request", "true")), "POST embed");
            assertEquals(200, htmx.code());
            String pushed = htmx.header("HX-Push-Url");
            assertTrue(pushed.startsWith("/mi?x=Forecast&y=Weather&") && pushed.endsWith("&embed=1"), pushed);
            assertTrue(htmx.body().contains("<input type=\"hidden\" name=\"embed\" value=\"1\">"));

            PageText.Res plain = PageText.read(client.request("/mi", b -> b.post(form.build())), "POST embed, no JS");
            assertEquals(303, plain.code());
            assertEquals(pushed, plain.header("Location"), "the redirect is the same embedded URL");
            String page = fetch(client, pushed).body();
            assertTrue(page.contains("<body class=\"embed\">"), "and it opens embedded");
            assertEquals("0.378 bits", PageText.miValue(page));
        });
    }

    @Test
    void examples_can_be_embedded_too() {
        JavalinTest.test(app(), (server, client) -> {
            String html = fetch(client, "/examples/perfect-predictor?embed=1").body();
            assertTrue(html.contains("<body class=\"embed\">"));
            assertFalse(html.contains("<header"));
            assertEquals(BASE + "/examples/perfect-predictor", PageText.canonical(html));
            assertTrue(html.contains("<input type=\"hidden\" name=\"embed\" value=\"1\">"));
        });
    }

    /** The attention explorer's default sentence, embedded: the same rules as the joint-table explorer's. */
    private static final String ATTENTION_EMBED = "/attention?ql=sat&q=1,+0,+1,+0&kl=the&k=1,+0,+1,+0&v=1,+0"
            + "&kl=cat&k=0,+1,+0,+1&v=0,+1&kl=mat&k=1,+1,+0,+0&v=0.5,+0.5&scale=1&temp=1&embed=1";

    @Test
    void the_attention_explorer_can_be_embedded_too() {
        JavalinTest.test(app(), (server, client) -> {
            PageText.Res res = fetch(client, ATTENTION_EMBED);
            assertEquals(200, res.code());
            String html = res.body();
            assertBareExplorer(html, "att-explorer");
            String full = ATTENTION_EMBED.replace("&embed=1", "");
            assertEquals(BASE + full, PageText.canonical(html), "the canonical page is the full one");
            assertTrue(html.contains("<a href=\"" + full.replace("&", "&amp;")
                    + "\" target=\"_blank\" rel=\"noopener\">Open these vectors in MI Explorer (new tab)</a>"), "a way out, in a new tab");
            // the hand-worked weights of the sentence (0.506, 0.186, 0.307), as on the full page
            String fullPage = fetch(client, full).body();
            assertTrue(fullPage.contains("<header"));
            for (String w : List.of("0.506", "0.186", "0.307")) {
                assertTrue(html.contains(">" + w + "<"), w);
            }
            String explorer = html.substring(html.indexOf("<div id=\"att-explorer\""));
            String fullExplorer = fullPage.substring(fullPage.indexOf("<div id=\"att-explorer\""));
            assertEquals(PageText.count(fullExplorer, "0.506"), PageText.count(explorer, "0.506"), "the same workings");
        });
    }

    @Test
    void an_embedded_attention_explorer_stays_embedded_after_posts_and_redirects() {
        JavalinTest.test(app(), (server, client) -> {
            FormBody.Builder form = new FormBody.Builder().add("ql", "sat").add("q", "1, 0, 1, 0")
                    .add("kl", "the").add("k", "1, 0, 1, 0").add("v", "1, 0")
                    .add("kl", "cat").add("k", "0, 1, 0, 1").add("v", "0, 1")
                    .add("kl", "mat").add("k", "1, 1, 0, 0").add("v", "0.5, 0.5")
                    .add("scale", "0").add("temp", "1").add("embed", "1").add("action", "update");
            PageText.Res htmx = PageText.read(client.request("/attention", b -> b.post(form.build()).header("HX-Request", "true")),
                    "POST attention embed");
            assertEquals(200, htmx.code());
            String pushed = htmx.header("HX-Push-Url");
            assertTrue(pushed.startsWith("/attention?ql=sat&") && pushed.contains("&scale=0&") && pushed.endsWith("&embed=1"), pushed);
            assertTrue(htmx.body().contains("<input type=\"hidden\" name=\"embed\" value=\"1\">"));

            PageText.Res plain = PageText.read(client.request("/attention", b -> b.post(form.build())), "POST attention embed, no JS");
            assertEquals(303, plain.code());
            assertEquals(pushed, plain.header("Location"), "the redirect is the same embedded URL");
            String page = fetch(client, pushed).body();
            assertTrue(page.contains("<body class=\"embed\">"), "and it opens embedded");
            // unscaled: softmax(2, 0, 1) = (0.665, 0.090, 0.245)
            assertTrue(page.contains(">0.665<"), "the unscaled weights");

            // without embed=1 a post goes to the full page
            PageText.Res bare = PageText.read(client.request("/attention", b -> b.post(new FormBody.Builder()
                    .add("ql", "sat").add("q", "1, 0").add("kl", "a").add("k", "1, 0").add("v", "1").build())), "POST attention");
            assertEquals(303, bare.code());
            assertFalse(bare.header("Location").contains("embed"), bare.header("Location"));
        });
    }

    @Test
    void attention_examples_embed_and_send_their_links_to_other_pages_to_a_new_tab() {
        JavalinTest.test(app(), (server, client) -> {
            String html = fetch(client, "/examples/attention-two-queries?embed=1").body();
            assertBareExplorer(html, "att-explorer");
            assertEquals(BASE + "/examples/attention-two-queries", PageText.canonical(html));
            assertTrue(html.contains("target=\"_blank\" rel=\"noopener\">Open this joint table in the joint-table explorer (new tab)</a>"),
                    "the joint table opens outside the frame");
            String full = fetch(client, "/examples/attention-two-queries").body();
            assertTrue(full.contains("\">Open this joint table in the joint-table explorer</a> to edit it."));
            assertFalse(full.contains("target=\"_blank\""), "the full page keeps its links in the same tab");
        });
    }

    // ---- helpers -------------------------------------------------------------------------------

    /** An embedded page: the explorer with this id alone, its form keeping embed=1, kept out of search engines. */
    private static void assertBareExplorer(String html, String explorerId) {
        assertTrue(html.contains("<body class=\"embed\">"));
        assertFalse(html.contains("<header"), "no site header");
        assertFalse(html.contains("<footer"), "no footer");
        assertFalse(html.contains("<h1>"), "no page heading or lede");
        assertFalse(html.contains("class=\"examples\""), "no example list");
        assertEquals(1, PageText.count(html, "<div id=\"" + explorerId + "\""));
        assertTrue(html.contains("<input type=\"hidden\" name=\"embed\" value=\"1\">"), "the form keeps embed=1");
        assertEquals("noindex", PageText.meta(html, "robots"));
    }

    private static FormBody.Builder weatherForm() {
        FormBody.Builder b = new FormBody.Builder();
        b.add("x", "Weather").add("y", "Forecast").add("xl", "Rain").add("xl", "Sun")
                .add("yl", "Forecast rain").add("yl", "Forecast sun");
        for (String c : List.of("0.36", "0.04", "0.12", "0.48")) {
            b.add("c", c);
        }
        return b.add("kind", "probabilities").add("digits", "3");
    }

    /** A preset's cells as numbers (they are plain decimals and whole counts). */
    static double[][] weights(Preset<JointInput> p) {
        var in = p.input();
        double[][] w = new double[in.rows()][in.cols()];
        for (int i = 0; i < in.rows(); i++) {
            for (int j = 0; j < in.cols(); j++) {
                w[i][j] = Double.parseDouble(in.cell(i, j));
            }
        }
        return w;
    }

    static double[][] transpose(double[][] w) {
        double[][] t = new double[w[0].length][w.length];
        for (int i = 0; i < w.length; i++) {
            for (int j = 0; j < w[0].length; j++) {
                t[j][i] = w[i][j];
            }
        }
        return t;
    }

    static String fixed(double v, int digits) {
        String s = new BigDecimal(v).setScale(digits, RoundingMode.HALF_EVEN).toPlainString();
        return s.equals("-0." + "0".repeat(digits)) ? "0." + "0".repeat(digits) : s;
    }

    /** The results table the explorer must show for these weights, in bits. */
    static Map<String, String> expected(double[][] w, int digits) {
        MiWebTest.Info in = MiWebTest.Info.of(w);
        Map<String, String> out = new LinkedHashMap<>();
        out.put("H(X)", fixed(in.hX(), digits) + " bits");
        out.put("H(Y)", fixed(in.hY(), digits) + " bits");
        out.put("H(X, Y)", fixed(in.hXY(), digits) + " bits");
        out.put("H(X | Y)", fixed(in.hXgivenY(), digits) + " bits");
        out.put("H(Y | X)", fixed(in.hYgivenX(), digits) + " bits");
        out.put("I(X; Y)", fixed(in.mi(), digits) + " bits");
        return out;
    }

    /** Text as jte escapes it in element content. */
    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
