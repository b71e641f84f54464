package miexplorer.web.http;

import io.javalin.http.ContentType;
import io.javalin.http.Context;
import java.util.Map;
import java.util.function.Supplier;
import miexplorer.web.render.Templates;

/** The htmx request and response headers this app uses. */
public final class Htmx {
    public static final String REQUEST = "HX-Request";
    public static final String HISTORY_RESTORE = "HX-History-Restore-Request";
    public static final String PUSH_URL = "HX-Push-Url";
    /** Room for a small table's page or fragment (the weather table's: 37 and 32 KB) before the buffer has to grow. */
    private static final int INITIAL_BYTES = 48 * 1024;

    private Htmx() {
    }

    /**
     * True when htmx asks for a fragment to swap in. A history restore (after Back, when htmx's
     * own cache misses) wants the whole page, as does any request without htmx.
     */
    public static boolean isFragmentRequest(Context ctx) {
        return "true".equals(ctx.header(REQUEST)) && !"true".equals(ctx.header(HISTORY_RESTORE));
    }

    /** True when Javalin's compression (gzip, App) will compress this answer if it is long enough. */
    private static boolean acceptsGzip(Context ctx) {
        String accepted = ctx.header("Accept-Encoding");
        return accepted != null && accepted.contains("gzip");
    }

    /**
     * One handler, two shapes: for htmx, the fragment (with the screen-reader announcement swapped
     * into the page's live region, and {@code pushUrl}, when not null, pushed into the address
     * bar); for anyone else, the whole page, whose model wraps the fragment's. Both come from the
     * same state, so they cannot disagree. The page's model is only built for a page.
     */
    public static void respond(Context ctx, Templates templates, int status, String pageTemplate, Supplier<?> pageModel,
            String fragmentTemplate, Object fragmentModel, String announcement, String pushUrl) {
        ctx.status(status);
        ctx.header("Vary", REQUEST);
        // Rendered straight to UTF-8 bytes: no growing String buffer, no copy of it, no encoding after.
        Utf8Buffer out = new Utf8Buffer(INITIAL_BYTES);
        if (isFragmentRequest(ctx)) {
            if (pushUrl != null) {
                ctx.header(PUSH_URL, pushUrl);
            }
            templates.render(fragmentTemplate, fragmentModel, out);
            templates.render("layout/announce.jte", Map.of("text", announcement, "oob", true), out);
        } else {
            templates.render(pageTemplate, pageModel.get(), out);
        }
        send(ctx, out.size(), out.toInputStream());
    }

    /**
     * Sends an HTML answer of {@code length} bytes whose status and headers are set. Uncompressed,
     * its length is declared, so Jetty writes it in one piece rather than in chunks (BENCHMARKS.md);
     * a gzipped answer's length is only known after Javalin compresses it, which Jetty then finds itself.
     */
    static void send(Context ctx, int length, java.io.InputStream body) {
        if (!acceptsGzip(ctx)) {
            ctx.header("Content-Length", String.valueOf(length));
        }
        ctx.contentType(ContentType.TEXT_HTML).result(body);
    }
}
