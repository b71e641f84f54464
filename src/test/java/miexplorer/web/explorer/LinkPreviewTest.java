package miexplorer.web.explorer;

import static miexplorer.testing.PageText.fetch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.util.LinkedHashMap;
import java.util.Map;
import miexplorer.testing.PageText;
import miexplorer.web.App;
import miexplorer.web.site.Site;
import org.junit.jupiter.api.Test;

/** What every page says about itself for link previews: title, description, canonical URL. */
class LinkPreviewTest {
    private static final String BASE = "https://mi.example.edu";

    /** The app as a host would run it: with a public base URL. */
    private static Javalin app() {
        return App.create(App.Config.production().withSite(new Site(BASE, "'self'")));
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
}
