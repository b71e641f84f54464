package miexplorer.web.http;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.ByteArrayInputStream;
import java.io.InputStream;

/**
 * HTTP validators for GET responses: an ETag, and 304 Not Modified when the client already has
 * that version. A page is a pure function of its URL (the state lives in the URL) and of the app's
 * version, so the ETag is a hash of the body itself; no state is kept to compute it.
 *
 * <p>The ETag is weak ({@code W/"…"}): the same page is sent gzip-compressed to some clients and
 * plain to others, and the two are the same content in different encodings, not the same bytes.
 */
public final class ConditionalGet {
    /** What pages that do not say otherwise get: keep a copy, but ask (with the ETag) before reusing it. */
    public static final String REVALIDATE = "no-cache";

    private ConditionalGet() {
    }

    /**
     * After every handler: a successful GET whose body is in memory gets an ETag (unless the handler
     * set one) and a Cache-Control (unless the handler set one); a matching If-None-Match turns it
     * into an empty 304.
     */
    public static void apply(Context ctx) {
        if (ctx.method() != HandlerType.GET || ctx.statusCode() != 200) {
            return;
        }
        String cacheControl = ctx.res().getHeader("Cache-Control");
        if (cacheControl != null && cacheControl.contains("no-store")) {
            return; // never stored, so never revalidated (the health check)
        }
        String etag = ctx.res().getHeader("ETag");
        if (etag == null) {
            InputStream result = ctx.resultInputStream();
            if (result instanceof Utf8Buffer.Body rendered) {
                etag = rendered.weakEtag(); // a rendered page, checksummed where it lies
            } else if (result instanceof ByteArrayInputStream body) {
                byte[] bytes = body.readAllBytes();
                body.reset();
                etag = weakEtag(bytes, 0, bytes.length);
            } else {
                return; // streamed or empty: nothing to hash without reading it twice
            }
            ctx.header("ETag", etag);
        }
        if (cacheControl == null) {
            ctx.header("Cache-Control", REVALIDATE);
        }
        if (matches(ctx.header("If-None-Match"), etag)) {
            ctx.status(304);
            ctx.result(new byte[0]);
        }
    }

    /** {@code W/"…"}: the body's {@link Checksum}, in hexadecimal. */
    static String weakEtag(byte[] body, int offset, int length) {
        return "W/\"" + Checksum.hex(body, offset, length) + "\"";
    }

    /**
     * If-None-Match uses the weak comparison (RFC 9110 §13.1.2): {@code *} matches anything; otherwise
     * any listed tag with the same opaque value, W/ or not.
     */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        if (ifNoneMatch.strip().equals("*")) {
            return true;
        }
        String want = opaque(etag);
        for (String tag : ifNoneMatch.split(",")) {
            if (opaque(tag).equals(want)) {
                return true;
            }
        }
        return false;
    }

    private static String opaque(String tag) {
        String t = tag.strip();
        return t.startsWith("W/") ? t.substring(2) : t;
    }
}
