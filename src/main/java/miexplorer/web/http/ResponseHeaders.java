package miexplorer.web.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Arrays;

/**
 * The headers every answer carries: before a handler, the content security policy and the two
 * headers that keep browsers from guessing; after it, the charset, the validators of a GET
 * ({@link ConditionalGet}), zstd for clients that take it ({@link Compression}) and
 * {@code Vary: Accept-Encoding}.
 */
public final class ResponseHeaders {
    private ResponseHeaders() {
    }

    /**
     * @param contentSecurityPolicy the policy sent with every response (the site's: see its settings)
     * @param compression what compresses the answers held in memory after the handlers (zstd)
     */
    public static void install(RoutesConfig routes, String contentSecurityPolicy, Compression compression) {
        routes.before(ctx -> {
            ctx.header("Content-Security-Policy", contentSecurityPolicy);
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("Referrer-Policy", "strict-origin-when-cross-origin");
        });
        routes.after(ctx -> {
            declareCharset(ctx);
            ConditionalGet.apply(ctx);
            compression.compressZstd(ctx);
            addVary(ctx, "Accept-Encoding");
        });
    }

    /**
     * Pages are UTF-8 and say so in a meta tag; the header says it too, so a browser never has to
     * sniff, and a proxy or a saved response keeps the encoding with the bytes.
     */
    static void declareCharset(Context ctx) {
        if ("text/html".equals(ctx.res().getContentType())) {
            ctx.contentType("text/html; charset=utf-8");
        }
    }

    /** Adds {@code field} to the Vary header, keeping what handlers put there (such as HX-Request). */
    static void addVary(Context ctx, String field) {
        String vary = ctx.res().getHeader("Vary");
        if (vary == null || vary.isBlank()) {
            ctx.header("Vary", field);
        } else if (Arrays.stream(vary.split(",")).map(String::strip).noneMatch(field::equalsIgnoreCase)) {
            ctx.header("Vary", vary + ", " + field);
        }
    }
}
