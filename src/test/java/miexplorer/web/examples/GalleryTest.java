package miexplorer.web.examples;

import static miexplorer.testing.JointReference.*;
import static miexplorer.testing.PageText.fetch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import miexplorer.testing.PageText;
import miexplorer.web.App;
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

/** The example gallery and each example at its stable address. */
class GalleryTest {
    private static final String BASE = "https://mi.example.edu";

    /** The app as a host would run it: with a public base URL. */
    private static Javalin app() {
        return App.create(App.Config.production().withSite(new Site(BASE, "'self'")));
    }

    private static final double[][] WEATHER = {{0.36, 0.04}, {0.12, 0.48}};

    /** Text as jte escapes it in element content. */
    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
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
            assertEquals(expected(weights(p.input()), 3), PageText.measures(res.body()));
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
}
