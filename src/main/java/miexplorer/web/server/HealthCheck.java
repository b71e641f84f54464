package miexplorer.web.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import miexplorer.info.Analysis;
import miexplorer.info.JointDistribution;
import miexplorer.info.LogBase;
import miexplorer.web.render.Templates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /healthz}: 200 when the app can serve (its code is as it started, its templates render
 * and its maths runs), never cached; 503 otherwise, and during a graceful stop (the server itself
 * answers 503 to new requests then), so that a load balancer drains this instance.
 */
public final class HealthCheck {
    private static final Logger LOG = LoggerFactory.getLogger(HealthCheck.class);

    private final Templates templates;
    private final Health health;
    private final CodeWatch watch;

    private HealthCheck(Templates templates, Health health, CodeWatch watch) {
        this.templates = templates;
        this.health = health;
        this.watch = watch;
    }

    /** @param watch what notices a rebuild under the running server, or null when its code is not a file */
    public static void register(RoutesConfig routes, String path, Templates templates, Health health, CodeWatch watch) {
        routes.get(path, new HealthCheck(templates, health, watch)::answer);
    }

    private void answer(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("text/plain; charset=utf-8");
        if (watch != null) {
            watch.check();
        }
        try {
            templates.render("layout/announce.jte", Map.of("text", "ok", "oob", false));
            double mi = Analysis.of(JointDistribution.fromWeights(new double[][] {{0.5, 0}, {0, 0.5}}), LogBase.TWO)
                    .mutualInformation();
            if (Math.abs(mi - 1) > 1e-12) {
                throw new IllegalStateException("I(X;Y) of a perfect copy of a fair bit came out as " + mi);
            }
            ctx.result("ok\n");
        } catch (RuntimeException | LinkageError e) {
            if (!health.failIfFatal(e)) {
                LOG.error("Health check failed", e);
            }
            ctx.status(503).result("unavailable\n");
        }
    }
}
