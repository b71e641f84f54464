package miexplorer.web.course;

import static miexplorer.testing.JointReference.*;
import static miexplorer.testing.PageText.fetch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import io.javalin.testtools.FormBody;
import io.javalin.testtools.JavalinTest;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import miexplorer.testing.AttentionReference;
import miexplorer.testing.JointReference;
import miexplorer.testing.PageText;
import miexplorer.web.App;
import miexplorer.web.attention.AttentionPresets;
import miexplorer.web.explorer.Preset;
import miexplorer.web.joint.JointInput;
import miexplorer.web.mi.MiPresets;
import miexplorer.web.site.Site;
import org.junit.jupiter.api.Test;

/** The lesson at /: its sections, its live explorers and every number its text quotes. */
class LessonTest {
    private static final String BASE = "https://mi.example.edu";

    /** The app as a host would run it: with a public base URL. */
    private static Javalin app() {
        return App.create(App.Config.production().withSite(new Site(BASE, "'self'")));
    }

    private static final double[][] WEATHER = {{0.36, 0.04}, {0.12, 0.48}};

    private static FormBody.Builder weatherForm() {
        FormBody.Builder b = new FormBody.Builder();
        b.add("x", "Weather").add("y", "Forecast").add("xl", "Rain").add("xl", "Sun")
                .add("yl", "Forecast rain").add("yl", "Forecast sun");
        for (String c : List.of("0.36", "0.04", "0.12", "0.48")) {
            b.add("c", c);
        }
        return b.add("kind", "probabilities").add("digits", "3");
    }

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
            JointReference w = JointReference.of(WEATHER);
            String walk = html.substring(html.indexOf("<ol class=\"walkthrough\">"), html.indexOf("</ol>", html.indexOf("<ol class=\"walkthrough\">")));
            assertTrue(walk.contains("H(X) = H(0.400, 0.600) = " + fixed(w.hX(), 3) + " bits"), walk);
            assertTrue(walk.contains("H(X | Y = forecast rain) = " + fixed(JointReference.h(0.75, 0.25), 3) + " bits"), walk);
            assertTrue(walk.contains("= " + fixed(w.hXgivenY(), 3) + " bits"), walk);
            assertTrue(walk.contains("= " + fixed(w.mi(), 3) + " bits"), walk);
        });
    }

    /** The sentence example, alone for an iframe. */
    private static final String ATTENTION_EMBED = "/attention?ql=sat&q=1,+0,+1,+0&kl=the&k=1,+0,+1,+0&v=1,+0"
            + "&kl=cat&k=0,+1,+0,+1&v=0,+1&kl=mat&k=1,+1,+0,+0&v=0.5,+0.5&scale=1&temp=1&embed=1";

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
            assertTrue(html.contains("<td>0.9, 0.1</td><td>" + fixed(JointReference.h(0.9, 0.1), 3) + " bits</td>")); // 0.469
            double[] die = {1.0 / 6, 1.0 / 6, 1.0 / 6, 1.0 / 6, 1.0 / 6, 1.0 / 6};
            assertTrue(html.contains("<td>⅙ each</td><td>" + fixed(JointReference.h(die), 3) + " bits</td>")); // 2.585
            // one row per example: H(X), H(Y), I(X;Y), I(Y;X), min(H(X), H(Y)), from the definitions
            String table = html.substring(html.indexOf("id=\"properties-table\""), html.indexOf("</table>", html.indexOf("id=\"properties-table\"")));
            for (Preset<JointInput> p : MiPresets.all()) {
                JointReference in = JointReference.of(weights(p.input()));
                JointReference swapped = JointReference.of(transpose(weights(p.input())));
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
}
