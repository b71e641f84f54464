package miexplorer.web.experiments;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import miexplorer.attention.learned.ExperimentSpec;
import miexplorer.attention.learned.Rule;
import miexplorer.web.explorer.Example;
import miexplorer.web.form.Fields;
import miexplorer.web.http.Htmx;
import miexplorer.web.render.Templates;
import miexplorer.web.server.HeavyWork;
import miexplorer.web.site.Paths;
import miexplorer.web.site.Site;

/**
 * The experiment pages: {@code /attention/scaling}, the √d_k experiment (mean entropy of attention
 * over random normal vectors, d_k = 1 … 1024, with and without the scaling), and
 * {@code /attention/learned} with {@code POST /api/attention/learned}, does attention find the
 * informative positions? Each run is up to a few seconds of work, so it waits its turn in the
 * heavy-work budget.
 */
public final class ExperimentRoutes {
    /** The heap the √d_k experiment holds: a trial's keys of up to 1024 numbers (256 × 1024 × 8 bytes), and the page. */
    private static final long SCALING_BYTES = 4L * 1024 * 1024;
    /**
     * The heap one learned-attention run holds at most: 4000 sequences of 12 tokens with their
     * arrays (about 0.3 MB), the weights, their gradient and Adam's two moments (4 × 16 × (16 + 12 +
     * 48) doubles), the loss curve, and the page (up to about 0.2 MB).
     */
    static final long LEARNED_BYTES = 4L * 1024 * 1024;
    public static final String API = "/api/attention/learned";

    /** The gallery's examples of the learned-attention experiment: the two rules' defaults. */
    public static final List<Rule> EXAMPLE_RULES = List.of(Rule.COPY, Rule.XOR);

    private ExperimentRoutes() {
    }

    /**
     * @param heavy admits each experiment, which is heavy work
     * @param links writes the three-variable explorer's URL for the exclusive-or pair
     * @return the learned-attention experiment's examples, for the gallery
     */
    public static List<Example> register(RoutesConfig routes, Templates templates, Site site, HeavyWork heavy, TableLinks links) {
        routes.get(Paths.SCALING, ctx -> scaling(ctx, templates, heavy));
        routes.get(Paths.LEARNED, ctx -> learned(ctx, Fields.ofQuery(ctx), templates, heavy, links,
                form -> form.ok() ? site.absolute(form.url()) : null, LearnedPage.TITLE, LearnedPage.HEADING));
        routes.post(API, ctx -> LearnedApi.post(ctx, heavy));
        return List.of(
                example("attention-copy-with-noise", "Learned attention: copy with noise",
                        "Attention trained on a noisy copy puts its weight where I(y; xᵢ) is largest: the tutorial's claim holds.",
                        Rule.COPY, templates, site, heavy, links),
                example("attention-exclusive-or", "Learned attention: exclusive or",
                        "y = x₁ xor x₄: attention finds the pair, yet every I(y; xᵢ) is zero. The claim fails; the information is in the pair.",
                        Rule.XOR, templates, site, heavy, links));
    }

    private static Example example(String slug, String title, String description, Rule rule, Templates templates, Site site,
            HeavyWork heavy, TableLinks links) {
        ExperimentSpec spec = ExperimentSpec.defaults(rule);
        return new Example(slug, title, description, "Learned attention",
                (ctx, e) -> learned(ctx, LearnedForm.fields(spec), templates, heavy, links, form -> site.absolute(e.path()),
                        e.title() + " · Examples · MI Explorer", e.title()));
    }

    /** The page for these fields: the whole page, or for htmx the part that changes, with its URL pushed. */
    private static void learned(Context ctx, Fields fields, Templates templates, HeavyWork heavy, TableLinks links,
            Function<LearnedForm, String> canonical, String title, String heading) {
        heavy.run(ctx, LEARNED_BYTES, 1, permit -> {
            LearnedForm form = LearnedForm.read(fields);
            LearnedView view = LearnedView.of(form, links);
            Htmx.respond(ctx, templates, view.ok() ? 200 : 400, "experiments/learnedPage.jte",
                    () -> new LearnedPage(view, canonical.apply(form), title, heading),
                    "experiments/learned.jte", view, view.announcement(), view.ok() ? form.url() : null);
        }, busy -> busy(ctx, templates, busy.retryAfterSeconds()), () -> { });
    }

    private static void scaling(Context ctx, Templates templates, HeavyWork heavy) {
        heavy.run(ctx, SCALING_BYTES, 1, permit -> {
            ScalingView view = ScalingView.read(Fields.ofQuery(ctx));
            ctx.status(view.ok() ? 200 : 400);
            ctx.html(templates.render("experiments/scaling.jte", view));
        }, busy -> busy(ctx, templates, busy.retryAfterSeconds()), () -> { });
    }

    private static void busy(Context ctx, Templates templates, long seconds) {
        ctx.header("Retry-After", String.valueOf(seconds));
        ctx.status(503).html(templates.render("layout/problem.jte", Map.of("status", 503, "message",
                "The server is busy with other people's work right now; reload this page in " + seconds + " s.")));
    }
}
