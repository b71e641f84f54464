package miexplorer.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import java.util.Map;
import miexplorer.web.attention.AttentionRoutes;
import miexplorer.web.mi.MiRoutes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the web app. {@code Main} starts it; tests start the same app on a free port. */
public final class App {
    private static final Logger LOG = LoggerFactory.getLogger(App.class);

    /** The largest request body taken, in bytes: room for 256 keys of 1024 numbers (the attention limits). */
    public static final long MAX_BODY = 4 * 1024 * 1024;
    /** The longest request line and headers taken, in bytes: room for a 32 × 32 table's URL. */
    public static final int MAX_HEADER = 64 * 1024;

    /** How the app runs: {@code templates} is null for precompiled templates, or a folder to hot-reload from. */
    public record Config(java.nio.file.Path templates) {
        public static Config production() {
            return new Config(null);
        }
    }

    private App() {
    }

    public static Javalin create(Config config) {
        Templates templates = config.templates() == null
                ? Templates.precompiled()
                : Templates.hotReloading(config.templates());
        Pages pages = new Pages(templates);
        return Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.http.maxRequestSize = MAX_BODY;
            cfg.jetty.modifyHttpConfiguration(http -> {
                http.setRequestHeaderSize(MAX_HEADER);
                http.setSendServerVersion(false);
            });
            cfg.staticFiles.add(s -> {
                s.hostedPath = Paths.STATIC;
                s.directory = "/public";
                s.location = Location.CLASSPATH;
            });
            cfg.staticFiles.enableWebjars();

            cfg.routes.get("/", ctx -> ctx.redirect(MiRoutes.PATH));
            cfg.routes.get("/healthz", ctx -> ctx.result("ok"));
            MiRoutes.register(cfg.routes, templates);
            AttentionRoutes.register(cfg.routes, templates);

            cfg.routes.exception(HttpResponseException.class, (e, ctx) -> pages.problem(ctx, e.getStatus(), messageFor(e, ctx)));
            cfg.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("Unexpected error on {} {}", ctx.method(), ctx.path(), e);
                pages.problem(ctx, 500, "Something went wrong on our side. Your input was not lost: go back and try again.");
            });
        });
    }

    private static String messageFor(HttpResponseException e, Context ctx) {
        return switch (e.getStatus()) {
            case 404 -> "There is no page at " + ctx.path() + ".";
            case 405 -> "This address does not take " + ctx.method() + " requests.";
            case 413 -> "The request is too large: the app takes at most " + (MAX_BODY / (1024 * 1024))
                    + " MB. A 32 × 32 table, or 256 keys of 1024 numbers, fits easily.";
            case 400 -> "The request could not be read: " + e.getMessage();
            default -> e.getMessage();
        };
    }

    /** Error pages: HTML for browsers, JSON for the API; never a stack trace. */
    static final class Pages {
        private final Templates templates;

        Pages(Templates templates) {
            this.templates = templates;
        }

        void problem(Context ctx, int status, String message) {
            ctx.status(status);
            if (ctx.path().startsWith("/api/")) {
                ctx.json(Map.of("errors", java.util.List.of(Map.of("field", "request", "message", message))));
            } else {
                ctx.html(templates.render("problem.jte", Map.of("status", status, "message", message)));
            }
        }
    }
}
