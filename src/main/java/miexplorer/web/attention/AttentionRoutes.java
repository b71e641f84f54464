package miexplorer.web.attention;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Map;
import miexplorer.info.Analysis;
import miexplorer.info.LogBase;
import miexplorer.web.explorer.EmbeddedExplorer;
import miexplorer.web.explorer.Example;
import miexplorer.web.explorer.Placement;
import miexplorer.web.form.FieldErrors;
import miexplorer.web.form.Fields;
import miexplorer.web.http.Htmx;
import miexplorer.web.render.Templates;
import miexplorer.web.server.HeavyWork;
import miexplorer.web.site.Site;

/** The attention explorer's routes: the page, its form, the √d_k experiment, and the JSON API. */
public final class AttentionRoutes {
    public static final String PATH = AttentionForm.PATH;
    public static final String SCALING_PATH = PATH + "/scaling";
    /** The heap the √d_k experiment holds: a trial's keys of up to 1024 numbers (256 × 1024 × 8 bytes), and the page. */
    private static final long SCALING_BYTES = 4L * 1024 * 1024;
    public static final String API_PATH = "/api/attention";

    private final Templates templates;
    private final Site site;
    private final HeavyWork heavy;

    private AttentionRoutes(Templates templates, Site site, HeavyWork heavy) {
        this.templates = templates;
        this.site = site;
        this.heavy = heavy;
    }

    /** The name this explorer's examples are grouped under in the gallery. */
    public static final String EXPLORER = "Attention explorer";

    /** The explorer, its API and export, and the √d_k experiment, which is heavy work admitted by {@code heavy}. */
    public static AttentionRoutes register(RoutesConfig routes, Templates templates, Site site, HeavyWork heavy) {
        AttentionRoutes r = new AttentionRoutes(templates, site, heavy);
        routes.get(PATH, r::get);
        routes.post(PATH, r::post);
        routes.get(SCALING_PATH, r::scaling);
        routes.post(API_PATH, AttentionApi::post);
        AttentionExport.register(routes);
        return r;
    }

    /** Every preset as a gallery example at /examples/<slug>. */
    public List<Example> examples() {
        return AttentionPreset.all().stream()
                .map(p -> new Example(p.slug(), p.title(), p.description(), EXPLORER, (ctx, example) -> {
                    AttentionView view = AttentionView.of(AttentionForm.check(p.input(), new FieldErrors()), placementOf(ctx), site);
                    Htmx.respond(ctx, templates, view.ok() ? 200 : 400, "attention/page.jte",
                            () -> new AttentionPage(view, example.title() + " · Examples · MI Explorer", example.description(),
                                    site.absolute(example.path())),
                            "attention/explorer.jte", view, view.announcement(), null);
                }))
                .toList();
    }

    /**
     * The explorer as the lesson embeds it: set to two queries that prefer different keys (the
     * example its text talks about), with the lesson's placement.
     */
    public EmbeddedExplorer inLesson() {
        AttentionView view = AttentionView.of(AttentionForm.check(AttentionPreset.twoQueries(), new FieldErrors()),
                Placement.LESSON, site);
        return new EmbeddedExplorer(out -> templates.render("attention/explorer.jte", view, out), view.announcement());
    }

    /** I(query; key) of the lesson's example with its first query and scaling changed: the figures the lesson quotes (App hands it over). */
    public static double lessonTry(String firstQuery, boolean scale) {
        AttentionInput in = AttentionPreset.twoQueries();
        AttentionInput changed = new AttentionInput(in.queryLabels(), List.of(firstQuery, in.queries().get(1)), in.priors(),
                in.keyLabels(), in.keys(), in.values(), scale, in.temperature(), in.digits());
        return Analysis.of(AttentionForm.check(changed, new FieldErrors()).result().joint(), LogBase.TWO).mutualInformation();
    }

    private void get(Context ctx) {
        AttentionForm.Read read = AttentionForm.read(Fields.ofQuery(ctx));
        AttentionForm.Checked checked = AttentionForm.check(read.input(), read.errors());
        respond(ctx, AttentionView.of(checked, placementOf(ctx), site), checked.ok() ? 200 : 400, false);
    }

    /**
     * Post, then redirect to the canonical URL without htmx; with htmx, the fragment and a pushed URL
     * (none in the lesson, whose address stays).
     */
    private void post(Context ctx) {
        Fields fields = Fields.ofForm(ctx);
        AttentionForm.Read read = AttentionForm.read(fields);
        FieldErrors errors = read.errors();
        String dk = fields.last("dk");
        AttentionForm.Checked checked = AttentionForm.check(
                AttentionForm.apply(fields.last("action"), dk, read.input(), start(fields), errors), errors);
        AttentionView view = AttentionView.of(checked, dk, Placement.ofPost(fields, Htmx.isFragmentRequest(ctx)), site);
        if (checked.ok() && !Htmx.isFragmentRequest(ctx)) {
            ctx.header("Vary", Htmx.REQUEST);
            ctx.redirect(view.canonicalUrl(), HttpStatus.SEE_OTHER);
            return;
        }
        respond(ctx, view, checked.ok() ? 200 : HttpStatus.UNPROCESSABLE_CONTENT.getCode(), true);
    }

    /**
     * Where Reset goes: the lesson's explorer back to the lesson's example, which its text talks
     * about (with or without JavaScript), any other to the explorer's first example.
     */
    private static AttentionInput start(Fields fields) {
        return Placement.fromLesson(fields) ? AttentionPreset.twoQueries() : AttentionPreset.sentence();
    }

    /** The explorer on its own page, or alone for an iframe with embed=1. */
    private static Placement placementOf(Context ctx) {
        return Placement.pageOrEmbedded(Fields.ofQuery(ctx));
    }

    /** The √d_k experiment: up to a second of work, so it waits its turn in the heavy-work budget. */
    private void scaling(Context ctx) {
        heavy.run(ctx, SCALING_BYTES, 1, permit -> {
            ScalingView view = ScalingView.read(Fields.ofQuery(ctx));
            ctx.status(view.ok() ? 200 : 400);
            ctx.html(templates.render("attention/scaling.jte", view));
        }, busy -> {
            ctx.header("Retry-After", String.valueOf(busy.retryAfterSeconds()));
            ctx.status(503).html(templates.render("layout/problem.jte", Map.of("status", 503, "message",
                    "The server is busy with other people's work right now; reload this page in " + busy.retryAfterSeconds() + " s.")));
        }, () -> { });
    }

    private void respond(Context ctx, AttentionView view, int status, boolean pushUrl) {
        Htmx.respond(ctx, templates, status, "attention/page.jte", () -> AttentionPage.of(view), "attention/explorer.jte", view,
                view.announcement(),
                pushUrl && view.ok() && view.pushesUrl() ? view.canonicalUrl() : null);
    }
}
