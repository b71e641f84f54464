package miexplorer.web.examples;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import miexplorer.web.explorer.Example;
import miexplorer.web.render.Templates;
import miexplorer.web.site.Paths;
import miexplorer.web.site.Site;

/** The example gallery: {@code /examples} lists every explorer's examples; {@code /examples/<slug>} shows one. */
public final class ExampleRoutes {
    public static final String PATH = Paths.EXAMPLES;

    private final Templates templates;
    private final Site site;
    private final Map<String, Example> bySlug;

    private ExampleRoutes(Templates templates, Site site, Map<String, Example> bySlug) {
        this.templates = templates;
        this.site = site;
        this.bySlug = bySlug;
    }

    /**
     * Registers the gallery for these lists of examples, one list per explorer.
     *
     * @throws IllegalStateException when two examples share a slug: each address must name one example
     */
    public static void register(RoutesConfig routes, Templates templates, Site site, List<List<Example>> lists) {
        Map<String, Example> bySlug = new LinkedHashMap<>();
        for (List<Example> list : lists) {
            for (Example e : list) {
                Example before = bySlug.putIfAbsent(e.slug(), e);
                if (before != null) {
                    throw new IllegalStateException("two examples have the slug " + e.slug() + ": “"
                            + before.title() + "” (" + before.explorer() + ") and “" + e.title() + "” (" + e.explorer() + ")");
                }
            }
        }
        ExampleRoutes r = new ExampleRoutes(templates, site, Map.copyOf(bySlug));
        List<Example> ordered = List.copyOf(bySlug.values());
        routes.get(PATH, ctx -> r.gallery(ctx, ordered));
        routes.get(PATH + "/{slug}", r::one);
    }

    private void gallery(Context ctx, List<Example> ordered) {
        Map<String, List<Example>> groups = new LinkedHashMap<>();
        for (Example e : ordered) {
            groups.computeIfAbsent(e.explorer(), k -> new ArrayList<>()).add(e);
        }
        List<GalleryPage.Group> list = new ArrayList<>();
        groups.forEach((name, examples) -> list.add(new GalleryPage.Group(name, List.copyOf(examples))));
        ctx.html(templates.render("examples/gallery.jte", new GalleryPage(site.absolute(PATH), List.copyOf(list))));
    }

    private void one(Context ctx) throws Exception {
        Example e = bySlug.get(ctx.pathParam("slug"));
        if (e == null) {
            throw new NotFoundResponse();
        }
        e.page().render(ctx, e);
    }
}
