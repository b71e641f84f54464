package miexplorer.web.server;

import io.javalin.config.JavalinState;
import io.javalin.http.Context;
import io.javalin.router.InternalRouter;
import io.javalin.validation.Validation;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Javalin's router with error handling that always ends.
 *
 * <p>Javalin runs a request as a queue of tasks; when a task throws, it puts a task in front that hands
 * the exception to its exception mapper, and goes on until the queue is empty. If that exception
 * task throws too, the same happens again, and again, for ever: the request's thread spins at full CPU,
 * nothing is logged and the client never gets an answer. That is what happened when the jar the server
 * ran from was rebuilt in place (issue 21): the first class the error path needed could no longer be
 * loaded, every request that reached an error spun one thread for good, while {@code /healthz} still
 * said ok. Here the exception task cannot throw: whatever goes wrong while an error is handled ends in
 * a plain answer (500, or 503 when the server can no longer serve), and a class that can no longer be
 * loaded marks the server unhealthy ({@link Health}), so that {@link UnhealthyGuard} answers every
 * later request before it reaches the app.
 */
public final class BoundedErrors extends InternalRouter {
    private static final Logger LOG = LoggerFactory.getLogger(BoundedErrors.class);
    private static final byte[] FAILED = "Something went wrong on our side, and then again while reporting it. Your input was not lost: go back and try again.\n"
            .getBytes(StandardCharsets.UTF_8);

    private final Health health;

    private BoundedErrors(JavalinState state, Health health) {
        super(state.wsRouter, state.eventManager, state.router, state.jetty);
        this.health = health;
    }

    /**
     * Puts this router in place of Javalin's. Call it first in the configuration, before any route or
     * exception handler is added: they are added to the router in place at the time.
     */
    public static void install(JavalinState state, Health health) {
        state.internalRouter = new BoundedErrors(state, health);
        Validation.Companion.addValidationExceptionMapper(state); // Javalin added it to the router replaced here
    }

    /** The exception task: Javalin's mapping, then this app's handlers; never throws. */
    @Override
    public void handleHttpException(Context ctx, Throwable throwable) {
        try {
            if (health.failIfFatal(throwable)) {
                answer(ctx, null, 503);
                return;
            }
            super.handleHttpException(ctx, throwable);
        } catch (Throwable again) {
            lastResort(ctx, throwable, again);
        }
    }

    /** What Javalin calls when writing the answer fails, or a task fails outside the queue; never throws. */
    @Override
    public Void handleHttpUnexpectedThrowable(HttpServletResponse res, Throwable throwable) {
        try {
            health.failIfFatal(throwable);
            super.handleHttpUnexpectedThrowable(res, throwable);
        } catch (Throwable again) {
            try {
                health.failIfFatal(again);
                res.setStatus(health.ok() ? 500 : 503);
            } catch (Throwable ignored) {
                // the response is already gone: nothing more can be said to this client
            }
        }
        return null;
    }

    private void lastResort(Context ctx, Throwable first, Throwable again) {
        try {
            health.failIfFatal(again);
            if (health.ok()) {
                LOG.error("Handling an error failed on {} {}; answered 500", ctx.method(), ctx.path(), again);
                LOG.error("The error being handled was", first);
            }
            answer(ctx, FAILED, health.ok() ? 500 : 503);
        } catch (Throwable ignored) {
            try {
                ctx.res().setStatus(500);
            } catch (Throwable alsoIgnored) {
                // nothing more can be done for this request; it still ends
            }
        }
    }

    /** A plain-text answer; {@code body} null: the reason the server cannot serve. */
    private void answer(Context ctx, byte[] body, int status) {
        byte[] text = body != null ? body
                : ("Service unavailable: this server must be restarted. Try again in a moment.\n\nWhy: " + health.problem() + "\n")
                        .getBytes(StandardCharsets.UTF_8);
        HttpServletResponse res = ctx.res();
        res.setStatus(status);
        res.setContentType("text/plain; charset=utf-8");
        if (status == 503) {
            res.setHeader("Retry-After", UnhealthyGuard.RETRY_AFTER);
        }
        ctx.result(new ByteArrayInputStream(text));
    }
}
