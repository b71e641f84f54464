package miexplorer.web.explorer;

import static miexplorer.testing.PageText.fetch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import io.javalin.testtools.FormBody;
import io.javalin.testtools.JavalinTest;
import java.util.List;
import miexplorer.testing.PageText;
import miexplorer.web.App;
import miexplorer.web.site.Site;
import org.junit.jupiter.api.Test;

/** Every explorer alone, for an iframe, with embed=1. */
class EmbedTest {
    private static final String BASE = "https://mi.example.edu";

    /** The app as a host would run it: with a public base URL. */
    private static Javalin app() {
        return App.create(App.Config.production().withSite(new Site(BASE, "'self'")));
    }

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
}
