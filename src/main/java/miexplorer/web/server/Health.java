package miexplorer.web.server;

import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether this server can still do its work. It starts healthy and, once it has found a reason it
 * cannot go on (its code changed under it, or the JVM ran out of memory), stays unhealthy until it is
 * restarted: {@code /healthz} then answers 503 so that a load balancer drains it, and
 * {@link UnhealthyGuard} answers every request with 503 and the reason.
 */
public final class Health {
    private static final Logger LOG = LoggerFactory.getLogger(Health.class);

    private final AtomicReference<String> problem = new AtomicReference<>();

    public boolean ok() {
        return problem.get() == null;
    }

    /** Why this server cannot serve, or null when it can. */
    public String problem() {
        return problem.get();
    }

    /**
     * Marks the server as unable to serve, for good. Only the first reason is kept and logged (at
     * ERROR, with {@code cause}); the log line is the one place an operator learns why.
     */
    public void fail(String reason, Throwable cause) {
        if (!problem.compareAndSet(null, reason)) {
            return;
        }
        try {
            LOG.error("This server cannot serve any more and answers 503 to every request until it is restarted: {}", reason, cause);
        } catch (Throwable logging) {
            // The logger's own classes may be the ones that can no longer be loaded: say it on stderr.
            System.err.println("MI Explorer cannot serve any more, restart it: " + reason);
        }
    }

    /**
     * Marks the server unhealthy when {@code t} (or a cause of it) means the app's code can no longer
     * be loaded (a class or resource missing from a jar that was rewritten while the server ran) or
     * that the JVM ran out of memory.
     *
     * @return whether it did
     */
    public boolean failIfFatal(Throwable t) {
        String reason = fatalReason(t);
        if (reason != null) {
            fail(reason, t);
        }
        return reason != null;
    }

    /** Why {@code t} means this server cannot go on, or null when it can. */
    static String fatalReason(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof LinkageError || c instanceof ClassNotFoundException) {
                return "a class of the app could not be loaded (" + c + "). The jar this server runs from was most likely "
                        + "changed on disk while it ran (rebuilt in place); restart the server.";
            }
            if (c instanceof OutOfMemoryError) {
                return "the JVM ran out of memory (" + c.getMessage() + "); its state can no longer be trusted. Restart the"
                        + " server, and see the README's hosting section on sizing the heap.";
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return null;
    }
}
