package miexplorer.web.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The outermost handler: while the server is healthy it passes every request on; once {@link Health}
 * says it cannot serve, it answers every request itself, before the app sees it, with 503, a
 * {@code Retry-After} and the reason, and closes the connection. It uses nothing the app loads
 * lazily, so it still answers when the app's own classes can no longer be loaded.
 */
public final class UnhealthyGuard extends Handler.Wrapper {
    /** Seconds a client is asked to wait before it tries again (a balancer sends it elsewhere meanwhile). */
    static final String RETRY_AFTER = "30";

    private final Health health;

    public UnhealthyGuard(Health health, Handler handler) {
        super(handler);
        this.health = health;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String problem = health.problem();
        if (problem == null) {
            return super.handle(request, response, callback);
        }
        byte[] body = ("Service unavailable: this server must be restarted. Try again in a moment.\n\nWhy: " + problem + "\n")
                .getBytes(StandardCharsets.UTF_8);
        response.setStatus(503);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        response.getHeaders().put(HttpHeader.RETRY_AFTER, RETRY_AFTER);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }
}
