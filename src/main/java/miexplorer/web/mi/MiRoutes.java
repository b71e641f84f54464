package miexplorer.web.mi;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.List;
import miexplorer.web.explorer.EmbeddedExplorer;
import miexplorer.web.explorer.Example;
import miexplorer.web.explorer.JointExample;
import miexplorer.web.explorer.Placement;
import miexplorer.web.form.FieldErrors;
import miexplorer.web.form.Fields;
import miexplorer.web.form.NumberInput;
import miexplorer.web.http.Htmx;
import miexplorer.web.joint.JointInput;
import miexplorer.web.render.Templates;
import miexplorer.web.site.Site;

/**
 * The joint-table explorer's routes. One handler per verb computes the state once and answers in
 * the shape the client asked for: the whole page, or (for htmx) the explorer fragment.
 */
public final class MiRoutes {
    public static final String PATH = MiForm.PATH;
    public static final String BSC_PATH = PATH + "/bsc";
    public static final String API_PATH = "/api/mi";
    /** The name the gallery groups this explorer's examples under. */
    public static final String EXPLORER = "Joint-table explorer";
    /** Status for a form that was read but has mistakes in it. */
    static final int INVALID = HttpStatus.UNPROCESSABLE_CONTENT.getCode();

    private static final String TITLE = "Mutual information explorer · MI Explorer";
    private static final String DESCRIPTION =
            "Edit a joint probability table and see every entropy and the mutual information worked out step by step.";

    private final Templates templates;
    private final Site site;

    private MiRoutes(Templates templates, Site site) {
        this.templates = templates;
        this.site = site;
    }

    public static MiRoutes register(RoutesConfig routes, Templates templates, Site site) {
        MiRoutes r = new MiRoutes(templates, site);
        routes.get(PATH, r::get);
        routes.post(PATH, r::post);
        routes.get(BSC_PATH, r::binarySymmetricChannel);
        routes.post(API_PATH, MiApi::post);
        MiExport.register(routes, site);
        return r;
    }

    /** Every preset, each rendered at its stable gallery address. */
    public List<Example> examples() {
        return tables().stream().map(JointExample::example).toList();
    }

    /** Every preset as a gallery example with its table: the lesson computes its table of properties from them. */
    public List<JointExample> tables() {
        List<JointExample> out = new ArrayList<>();
        for (Preset p : Preset.all()) {
            out.add(new JointExample(new Example(p.slug(), p.title(), p.description(), EXPLORER,
                    (ctx, example) -> examplePage(ctx, p, example)), p.input()));
        }
        return List.copyOf(out);
    }

    /**
     * The explorer as the lesson embeds it: set to the tutorial's weather table, with the lesson's
     * placement (headings a level down, edits in place, no URL pushed).
     */
    public EmbeddedExplorer inLesson() {
        MiView view = MiView.of(JointInput.weather().check(new FieldErrors()), Placement.LESSON, site);
        return new EmbeddedExplorer(out -> templates.render("mi/explorer.jte", view, out), view.announcement());
    }

    /** GET /mi?…: the canonical URL of a state renders the whole page in that state. */
    private void get(Context ctx) {
        MiForm.Read read = MiForm.read(Fields.ofQuery(ctx));
        JointInput.Checked checked = read.input().check(read.errors());
        respond(ctx, MiView.of(checked, placementOf(ctx), site), checked.ok() ? 200 : 400, null);
    }

    /** GET /examples/{slug}: a preset at its stable address, as a full page (or a bare one with embed=1). */
    private void examplePage(Context ctx, Preset preset, Example example) {
        JointInput.Checked checked = preset.input().check(new FieldErrors());
        respond(ctx, MiView.of(checked, placementOf(ctx), site), checked.ok() ? 200 : 400, example);
    }

    /**
     * POST /mi: the form, with an optional {@code action} (a button). Without htmx a sound state
     * redirects to its canonical URL (post, redirect, get); with htmx the fragment comes back and
     * the canonical URL is pushed into the address bar (except in the lesson, whose address stays).
     */
    private void post(Context ctx) {
        Fields fields = Fields.ofForm(ctx);
        Placement placement = Placement.ofPost(fields, Htmx.isFragmentRequest(ctx));
        MiForm.Read read = MiForm.read(fields);
        FieldErrors errors = read.errors();
        JointInput in = MiForm.apply(fields, read.input(), errors);
        JointInput.Checked checked = in.check(errors);
        MiView view = MiView.of(checked, placement, site);
        if (!Htmx.isFragmentRequest(ctx) && checked.ok()) {
            ctx.header("Vary", Htmx.REQUEST);
            ctx.redirect(view.canonicalUrl(), HttpStatus.SEE_OTHER);
            return;
        }
        respond(ctx, view, checked.ok() ? 200 : INVALID, null);
    }

    /** GET /mi/bsc?e=0.1: the binary symmetric channel preset with crossover probability e. */
    private void binarySymmetricChannel(Context ctx) {
        String text = ctx.queryParam("e");
        text = text == null ? "" : text.strip();
        NumberInput.Parsed e = NumberInput.parse(text);
        String error = !e.ok() ? e.error()
                : e.value() < 0 || e.value() > 1 ? text + " is not a probability: ε must be between 0 and 1." : null;
        if (error == null) {
            ctx.redirect(Preset.binarySymmetricChannel(e.value()).url(), HttpStatus.SEE_OTHER);
            return;
        }
        JointInput weather = JointInput.weather();
        JointInput.Checked checked = weather.check(new FieldErrors());
        ctx.status(400);
        ctx.header("Vary", Htmx.REQUEST);
        ctx.html(templates.render("mi/page.jte", page(MiView.of(checked, text, error, Placement.PAGE, site), null)));
    }

    /** A GET shows the explorer on its own page, or alone with embed=1 (the lesson has its own route). */
    private static Placement placementOf(Context ctx) {
        return Placement.pageOrEmbedded(Fields.ofQuery(ctx));
    }

    private void respond(Context ctx, MiView view, int status, Example example) {
        boolean push = ctx.method() == HandlerType.POST && view.ok() && view.pushesUrl();
        Htmx.respond(ctx, templates, status, "mi/page.jte", () -> page(view, example), "mi/explorer.jte", view,
                view.announcement(), push ? view.canonicalUrl() : null);
    }

    /** The page around the explorer: title, description and canonical link for previews. */
    private MiPage page(MiView view, Example example) {
        if (example != null) {
            return new MiPage(view, example.title() + " · Examples · MI Explorer", example.description(),
                    site.absolute(example.path()), example);
        }
        String canonical = view.ok() ? site.absolute(view.stateUrl()) : null;
        String description = view.ok() ? view.announcement() + " " + DESCRIPTION : DESCRIPTION;
        return new MiPage(view, TITLE, description, canonical, null);
    }
}
