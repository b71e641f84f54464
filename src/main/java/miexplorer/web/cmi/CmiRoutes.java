package miexplorer.web.cmi;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.util.List;
import miexplorer.web.explorer.CmiExample;
import miexplorer.web.explorer.EmbeddedExplorer;
import miexplorer.web.explorer.Example;
import miexplorer.web.explorer.Placement;
import miexplorer.web.form.FieldErrors;
import miexplorer.web.form.Fields;
import miexplorer.web.http.Htmx;
import miexplorer.web.render.Templates;
import miexplorer.web.site.Site;

/**
 * The three-variable explorer's routes, shaped as the joint-table explorer's: one handler per verb
 * computes the state once and answers with the whole page or, for htmx, the explorer fragment.
 */
public final class CmiRoutes {
    public static final String PATH = CmiForm.PATH;
    /** The name the gallery groups this explorer's examples under. */
    public static final String EXPLORER = "Three-variable explorer";
    private static final String TITLE = "Three variables: conditional mutual information · MI Explorer";
    private static final String DESCRIPTION = "Edit a table of three variables and see I(X; Y | Z), the chain rule and the"
            + " co-information worked out, slice by slice.";
    /** The example the lesson embeds. */
    static final String LESSON_EXAMPLE = "cmi-xor";

    private final Templates templates;
    private final Site site;

    private CmiRoutes(Templates templates, Site site) {
        this.templates = templates;
        this.site = site;
    }

    public static CmiRoutes register(RoutesConfig routes, Templates templates, Site site) {
        CmiRoutes r = new CmiRoutes(templates, site);
        routes.get(PATH, r::get);
        routes.post(PATH, r::post);
        routes.post(CmiApi.PATH, CmiApi::post);
        CmiExport.register(routes, site);
        return r;
    }

    /** Every preset at its stable gallery address. */
    public List<Example> examples() {
        return tables().stream().map(CmiExample::example).toList();
    }

    /** Every preset with its table, for the lesson's quoted figures. */
    public List<CmiExample> tables() {
        return CmiPreset.all().stream().map(p -> new CmiExample(new Example(p.slug(), p.title(), p.description(), EXPLORER,
                (ctx, example) -> examplePage(ctx, p, example)), CmiForm.check(p.input(), new FieldErrors()).weights())).toList();
    }

    /** The explorer as the lesson embeds it: the exclusive-or example, edited in place. */
    public EmbeddedExplorer inLesson() {
        CmiPreset xor = CmiPreset.all().stream().filter(p -> p.slug().equals(LESSON_EXAMPLE)).findFirst().orElseThrow();
        CmiView view = CmiView.of(CmiForm.check(xor.input(), new FieldErrors()), Placement.LESSON, site);
        return new EmbeddedExplorer(out -> templates.render("cmi/explorer.jte", view, out), view.announcement());
    }

    private void get(Context ctx) {
        CmiForm.Read read = CmiForm.read(Fields.ofQuery(ctx));
        CmiForm.Checked checked = CmiForm.check(read.input(), read.errors());
        respond(ctx, CmiView.of(checked, Placement.pageOrEmbedded(Fields.ofQuery(ctx)), site), checked.ok() ? 200 : 400, null);
    }

    private void examplePage(Context ctx, CmiPreset preset, Example example) {
        CmiForm.Checked checked = CmiForm.check(preset.input(), new FieldErrors());
        respond(ctx, CmiView.of(checked, Placement.pageOrEmbedded(Fields.ofQuery(ctx)), site), 200, example);
    }

    /**
     * POST /cmi: without htmx a sound state redirects to its canonical URL; with htmx the fragment
     * comes back and that URL is pushed (except in the lesson, whose address stays).
     */
    private void post(Context ctx) {
        Fields fields = Fields.ofForm(ctx);
        Placement placement = Placement.ofPost(fields, Htmx.isFragmentRequest(ctx));
        CmiForm.Read read = CmiForm.read(fields);
        FieldErrors errors = read.errors();
        CmiInput in = CmiForm.apply(fields.first("action"), read.input(), errors);
        CmiForm.Checked checked = CmiForm.check(in, errors);
        CmiView view = CmiView.of(checked, placement, site);
        if (!Htmx.isFragmentRequest(ctx) && checked.ok()) {
            ctx.header("Vary", Htmx.REQUEST);
            ctx.redirect(view.canonicalUrl(), HttpStatus.SEE_OTHER);
            return;
        }
        respond(ctx, view, checked.ok() ? 200 : HttpStatus.UNPROCESSABLE_CONTENT.getCode(), null);
    }

    private void respond(Context ctx, CmiView view, int status, Example example) {
        boolean push = ctx.method() == HandlerType.POST && view.ok() && view.pushesUrl();
        Htmx.respond(ctx, templates, status, "cmi/page.jte", () -> page(view, example), "cmi/explorer.jte", view,
                view.announcement(), push ? view.canonicalUrl() : null);
    }

    private CmiPage page(CmiView view, Example example) {
        if (example != null) {
            return new CmiPage(view, example.title() + " · Examples · MI Explorer", example.description(),
                    site.absolute(example.path()), example);
        }
        String canonical = view.ok() ? site.absolute(view.stateUrl()) : null;
        return new CmiPage(view, TITLE, view.ok() ? view.announcement() + " " + DESCRIPTION : DESCRIPTION, canonical, null);
    }
}
