package miexplorer.web.mi;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Map;
import miexplorer.web.FieldErrors;
import miexplorer.web.Forms;
import miexplorer.web.Htmx;
import miexplorer.web.NumberInput;
import miexplorer.web.Templates;

/**
 * The joint-table explorer's routes. One handler per verb computes the state once and answers in
 * the shape the client asked for: the whole page, or (for htmx) the explorer fragment.
 */
public final class MiRoutes {
    public static final String PATH = MiForm.PATH;
    public static final String BSC_PATH = PATH + "/bsc";
    public static final String API_PATH = "/api/mi";
    /** Status for a form that was read but has mistakes in it. */
    static final int INVALID = HttpStatus.UNPROCESSABLE_CONTENT.getCode();

    private final Templates templates;

    private MiRoutes(Templates templates) {
        this.templates = templates;
    }

    public static void register(RoutesConfig routes, Templates templates) {
        MiRoutes r = new MiRoutes(templates);
        routes.get(PATH, r::get);
        routes.post(PATH, r::post);
        routes.get(BSC_PATH, r::binarySymmetricChannel);
        routes.post(API_PATH, MiApi::post);
    }

    /** GET /mi?…: the canonical URL of a state renders the whole page in that state. */
    private void get(Context ctx) {
        MiForm.Read read = MiForm.read(ctx.queryParamMap());
        MiForm.Checked checked = MiForm.check(read.input(), read.errors());
        respond(ctx, MiView.of(checked), checked.ok() ? 200 : 400, false);
    }

    /**
     * POST /mi: the form, with an optional {@code action} (a button). Without htmx a sound state
     * redirects to its canonical URL (post, redirect, get); with htmx the fragment comes back and
     * the canonical URL is pushed into the address bar.
     */
    private void post(Context ctx) {
        Map<String, List<String>> params = Forms.params(ctx);
        MiForm.Read read = MiForm.read(params);
        FieldErrors errors = read.errors();
        MiInput in = MiForm.apply(MiForm.first(params, "action"), read.input(), errors);
        MiForm.Checked checked = MiForm.check(in, errors);
        if (checked.ok() && !Htmx.isFragmentRequest(ctx)) {
            ctx.header("Vary", Htmx.REQUEST);
            ctx.redirect(MiForm.canonicalUrl(checked.input()), HttpStatus.SEE_OTHER);
            return;
        }
        respond(ctx, MiView.of(checked), checked.ok() ? 200 : INVALID, true);
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
        MiInput weather = MiInput.weather();
        MiForm.Checked checked = MiForm.check(weather, new FieldErrors());
        respond(ctx, MiView.of(checked, text, error), 400, false);
    }

    private void respond(Context ctx, MiView view, int status, boolean pushUrl) {
        Htmx.respond(ctx, templates, status, "mi/page.jte", "mi/explorer.jte", view, view.announcement(),
                pushUrl && view.ok() ? view.canonicalUrl() : null);
    }
}
