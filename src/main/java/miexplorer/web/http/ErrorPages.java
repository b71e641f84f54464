package miexplorer.web.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.List;
import java.util.Map;
import miexplorer.web.render.Templates;
import org.eclipse.jetty.io.EofException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the app answers when a handler throws: a short page in the app's words for browsers, JSON
 * for the API ({@code /api/…}), never a stack trace. Jetty's own errors, before the app sees a
 * request, are {@link JettyErrors}.
 */
public final class ErrorPages {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorPages.class);

    private final Templates templates;
    private final long maxBody;

    /** @param maxBody the largest request body taken, in bytes, for the message of a 413 */
    public ErrorPages(Templates templates, long maxBody) {
        this.templates = templates;
        this.maxBody = maxBody;
    }

    /** Answers every exception a handler throws: an HTTP status as its page, anything else as a 500 (logged). */
    public void install(RoutesConfig routes) {
        routes.exception(HttpResponseException.class, (e, ctx) -> problem(ctx, e.getStatus(), messageFor(e, ctx)));
        routes.exception(Exception.class, (e, ctx) -> {
            if (clientWentAway(e)) {
                // Nobody is there to read an answer; not the server's fault, so not an error in its log.
                LOG.debug("The client of {} {} went away: {}", ctx.method(), ctx.path(), e.toString());
                ctx.status(400);
                return;
            }
            LOG.error("Unexpected error on {} {}", ctx.method(), ctx.path(), e);
            problem(ctx, 500, "Something went wrong on our side. Your input was not lost: go back and try again.");
        });
    }

    /** The error page with {@code message}, or for the API {@code {"errors": [{"field": "request", "message": …}]}}. */
    public void problem(Context ctx, int status, String message) {
        ctx.status(status);
        if (ctx.path().startsWith("/api/")) {
            ctx.json(Map.of("errors", List.of(Map.of("field", "request", "message", message))));
        } else {
            ctx.html(templates.render("layout/problem.jte", Map.of("status", status, "message", message)));
        }
    }

    /** Whether {@code e} comes of a client that closed its connection while its request was read or answered. */
    static boolean clientWentAway(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof EofException) {
                return true;
            }
        }
        return false;
    }

    private String messageFor(HttpResponseException e, Context ctx) {
        return switch (e.getStatus()) {
            case 404 -> "There is no page at " + ctx.path() + ".";
            case 405 -> "This address does not take " + ctx.method() + " requests.";
            case 413 -> "The request is too large: the app takes at most " + (maxBody / (1024 * 1024))
                    + " MB. A 32 × 32 table, or 256 keys of 1024 numbers, fits easily.";
            case 400 -> "The request could not be read: " + e.getMessage();
            default -> e.getMessage();
        };
    }
}
