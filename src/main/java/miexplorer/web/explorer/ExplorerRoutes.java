package miexplorer.web.explorer;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import miexplorer.web.form.Fields;
import miexplorer.web.form.State;
import miexplorer.web.http.Htmx;
import miexplorer.web.render.Templates;
import miexplorer.web.site.Site;

/**
 * The routes every explorer has, written once: one handler per verb reads the form once, computes
 * the state once, and answers in the shape the client asked for.
 *
 * <ul>
 *   <li>{@code GET /mi?…}: the canonical URL of a state renders the whole page in that state (400 for a
 *       state with mistakes), or alone for an iframe with {@code embed=1};</li>
 *   <li>{@code POST /mi}: the form, with the button pressed. Without htmx a sound state redirects (303)
 *       to its canonical URL (post, redirect, get); with htmx the explorer fragment comes back (422 for
 *       a state with mistakes) and the canonical URL is pushed into the address bar, except in the
 *       lesson, whose address stays;</li>
 *   <li>each export, such as {@code GET /mi.py?…}, on the canonical URL's query string;</li>
 *   <li>each preset at {@code /examples/<slug>} ({@link #examples}), and the explorer as the lesson
 *       embeds it ({@link #inLesson}).</li>
 * </ul>
 */
public final class ExplorerRoutes<I extends State, F, V extends ExplorerView> {
    /** Status for a posted form that was read but has mistakes in it. */
    static final int INVALID = HttpStatus.UNPROCESSABLE_CONTENT.getCode();
    private static final String EXAMPLE_TITLE = " · Examples · MI Explorer";

    private final Explorer<I, F, V> explorer;
    private final Explorer.About<I> about;
    private final Templates templates;
    private final Site site;
    private final String pageTemplate;
    private final String explorerTemplate;
    private final List<Example> examples = new ArrayList<>();

    private ExplorerRoutes(Explorer<I, F, V> explorer, Templates templates, Site site) {
        this.explorer = explorer;
        this.about = explorer.about();
        this.templates = templates;
        this.site = site;
        String folder = about.path().substring(1);
        this.pageTemplate = folder + "/page.jte";
        this.explorerTemplate = folder + "/explorer.jte";
        for (Preset<I> p : about.presets()) {
            examples.add(new Example(p.slug(), p.title(), p.description(), about.name(), (ctx, e) -> example(ctx, p, e)));
        }
    }

    /** Registers the explorer's page, form, exports and own routes. */
    public static <I extends State, F, V extends ExplorerView> ExplorerRoutes<I, F, V> register(RoutesConfig routes,
            Templates templates, Site site, Explorer<I, F, V> explorer) {
        ExplorerRoutes<I, F, V> r = new ExplorerRoutes<>(explorer, templates, site);
        routes.get(r.about.path(), r::get);
        routes.post(r.about.path(), r::post);
        for (Export<V> export : explorer.exports()) {
            routes.get(export.path(), ctx -> r.export(ctx, export));
        }
        explorer.addRoutes(routes, r);
        return r;
    }

    /** Every preset as a gallery example, rendered at its stable address. */
    public List<Example> examples() {
        return List.copyOf(examples);
    }

    /** Every preset's gallery example with what {@code with} makes of it and its state: for a page that quotes them (the lesson). */
    public <T> List<T> examples(BiFunction<Example, I, T> with) {
        List<T> out = new ArrayList<>();
        List<Preset<I>> presets = about.presets();
        for (int k = 0; k < presets.size(); k++) {
            out.add(with.apply(examples.get(k), presets.get(k).input()));
        }
        return List.copyOf(out);
    }

    /** The explorer as the lesson embeds it: in the lesson's state and placement (edits in place, no URL pushed). */
    public EmbeddedExplorer inLesson() {
        V view = explorer.show(explorer.form(about.lessonState()), Placement.LESSON);
        return new EmbeddedExplorer(out -> templates.render(explorerTemplate, view, out), view.announcement());
    }

    /** The whole page for {@code view}, whatever the request asked for: an answer of the explorer's own routes. */
    public void page(Context ctx, V view, int status) {
        ctx.status(status);
        ctx.header("Vary", Htmx.REQUEST);
        ctx.html(templates.render(pageTemplate, page(view, null)));
    }

    private void get(Context ctx) {
        Fields fields = Fields.ofQuery(ctx);
        V view = explorer.show(explorer.read(fields), Placement.pageOrEmbedded(fields));
        respond(ctx, view, view.ok() ? 200 : 400, null, false);
    }

    private void post(Context ctx) {
        Fields fields = Fields.ofForm(ctx);
        boolean fragment = Htmx.isFragmentRequest(ctx);
        Placement from = Placement.of(fields);
        V view = explorer.show(explorer.act(explorer.read(fields), from), Placement.answering(from, fragment));
        if (!fragment && view.ok()) {
            ctx.header("Vary", Htmx.REQUEST);
            ctx.redirect(view.canonicalUrl(), HttpStatus.SEE_OTHER);
            return;
        }
        respond(ctx, view, view.ok() ? 200 : INVALID, null, view.ok() && view.pushesUrl());
    }

    /** GET /examples/{slug}: a preset at its stable address, as a full page (or a bare one with embed=1). */
    private void example(Context ctx, Preset<I> preset, Example example) {
        V view = explorer.show(explorer.form(preset.input()), Placement.pageOrEmbedded(Fields.ofQuery(ctx)));
        respond(ctx, view, view.ok() ? 200 : 400, example, false);
    }

    private void export(Context ctx, Export<V> export) {
        V view = explorer.show(explorer.read(Fields.ofQuery(ctx)), Placement.PAGE);
        ctx.header("X-Content-Type-Options", "nosniff");
        if (!view.ok()) {
            StringBuilder b = new StringBuilder("This " + about.state() + " cannot be exported until it is fixed:\n");
            view.errors().asMap().forEach((field, message) -> b.append("- ").append(field).append(": ").append(message).append('\n'));
            ctx.status(400).contentType("text/plain; charset=utf-8").result(b.toString());
            return;
        }
        ctx.header("Content-Disposition", export.disposition());
        ctx.contentType(export.contentType()).result(export.body().apply(view));
    }

    private void respond(Context ctx, V view, int status, Example example, boolean pushUrl) {
        Htmx.respond(ctx, templates, status, pageTemplate, () -> page(view, example), explorerTemplate, view,
                view.announcement(), pushUrl ? view.canonicalUrl() : null);
    }

    /** The page around the explorer: title, description and canonical link, for previews. */
    private ExplorerPage<V> page(V view, Example example) {
        if (example != null) {
            return new ExplorerPage<>(view, example.title() + EXAMPLE_TITLE, example.description(), site.absolute(example.path()),
                    example);
        }
        String canonical = view.ok() ? site.absolute(view.stateUrl()) : null;
        String description = view.ok() ? view.announcement() + " " + about.description() : about.description();
        return new ExplorerPage<>(view, about.title(), description, canonical, null);
    }
}
