package miexplorer.web.experiments;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import miexplorer.web.form.Fields;
import miexplorer.web.render.Templates;
import miexplorer.web.server.HeavyWork;
import miexplorer.web.site.Paths;

/**
 * The experiment pages: {@code /attention/scaling}, the √d_k experiment (mean entropy of attention
 * over random normal vectors, d_k = 1 … 1024, with and without the scaling). Each page is up to a
 * second of work, so it waits its turn in the heavy-work budget.
 */
public final class ExperimentRoutes {
    /** The heap the √d_k experiment holds: a trial's keys of up to 1024 numbers (256 × 1024 × 8 bytes), and the page. */
    private static final long SCALING_BYTES = 4L * 1024 * 1024;

    private ExperimentRoutes() {
    }

    /** @param heavy admits each experiment, which is heavy work */
    public static void register(RoutesConfig routes, Templates templates, HeavyWork heavy) {
        routes.get(Paths.SCALING, ctx -> scaling(ctx, templates, heavy));
    }

    private static void scaling(Context ctx, Templates templates, HeavyWork heavy) {
        heavy.run(ctx, SCALING_BYTES, 1, permit -> {
            ScalingView view = ScalingView.read(Fields.ofQuery(ctx));
            ctx.status(view.ok() ? 200 : 400);
            ctx.html(templates.render("experiments/scaling.jte", view));
        }, busy -> {
            ctx.header("Retry-After", String.valueOf(busy.retryAfterSeconds()));
            ctx.status(503).html(templates.render("layout/problem.jte", Map.of("status", 503, "message",
                    "The server is busy with other people's work right now; reload this page in " + busy.retryAfterSeconds() + " s.")));
        }, () -> { });
    }
}
