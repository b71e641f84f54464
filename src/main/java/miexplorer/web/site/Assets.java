package miexplorer.web.site;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import miexplorer.web.http.Checksum;
import miexplorer.web.http.ConditionalGet;

/**
 * The static files the pages link to, under fingerprinted names: {@code /static/app.3f9c0a1b2d4e.css}.
 * The fingerprint is the start of the file's {@link Checksum}, computed once at startup, so a
 * changed file gets a new name and each name can be cached for a year without ever going stale.
 *
 * <p>The same files stay reachable under their plain names ({@code /static/app.css}) through the
 * ordinary static-file handler, which asks browsers to revalidate.
 */
public final class Assets {
    /** Cache-Control for a fingerprinted file: its name changes whenever its content does. */
    public static final String IMMUTABLE = "public, max-age=31536000, immutable";

    /**
     * One file: the path pages link to ({@code hashedPath}), its bytes and media type.
     *
     * @param name the plain name under {@code /static/}, such as {@code app.css}
     */
    public record Asset(String name, String hashedPath, byte[] bytes, String contentType, String etag) {
    }

    private static final String WEBJARS = "/META-INF/resources/webjars/";

    /** Every file the layout links to; read from the classpath when this class loads. */
    public static final Assets BUNDLED = load(List.of(
            new Source("app.css", "/public/app.css"),
            new Source("app.js", "/public/app.js"),
            new Source("favicon.svg", "/public/favicon.svg"),
            new Source("vendor/idiomorph-ext-0.8.0.min.js", "/public/vendor/idiomorph-ext-0.8.0.min.js"),
            new Source("vendor/idiomorph-LICENSE.txt", "/public/vendor/idiomorph-LICENSE.txt"),
            new Source("vendor/htmx.min.js", WEBJARS + "htmx.org/" + webjarVersion("htmx.org") + "/dist/htmx.min.js")));

    private final Map<String, Asset> byName;

    private Assets(Map<String, Asset> byName) {
        this.byName = byName;
    }

    /** Where a file is read from: {@code name} under /static/, {@code resource} on the classpath. */
    record Source(String name, String resource) {
    }

    static Assets load(List<Source> sources) {
        Map<String, Asset> out = new LinkedHashMap<>();
        for (Source s : sources) {
            byte[] bytes = read(s.resource());
            String hash = fingerprint(bytes);
            out.put(s.name(), new Asset(s.name(), Paths.STATIC + "/" + fingerprinted(s.name(), hash), bytes,
                    contentType(s.name()), "\"" + hash + "\""));
        }
        return new Assets(Map.copyOf(out));
    }

    /** The fingerprinted path of the file with this plain name. */
    public String path(String name) {
        Asset a = byName.get(name);
        if (a == null) {
            throw new IllegalArgumentException("no bundled static file named " + name);
        }
        return a.hashedPath();
    }

    public List<Asset> all() {
        return List.copyOf(byName.values());
    }

    /** {@code app.css} with hash {@code 3f9c…} is {@code app.3f9c….css}: the extension stays last. */
    static String fingerprinted(String name, String hash) {
        int slash = name.lastIndexOf('/');
        int dot = name.lastIndexOf('.');
        return dot > slash + 1 ? name.substring(0, dot) + "." + hash + name.substring(dot) : name + "." + hash;
    }

    private static String contentType(String name) {
        if (name.endsWith(".css")) {
            return "text/css; charset=utf-8";
        }
        if (name.endsWith(".js")) {
            return "text/javascript; charset=utf-8";
        }
        if (name.endsWith(".txt")) {
            return "text/plain; charset=utf-8";
        }
        if (name.endsWith(".svg")) {
            return "image/svg+xml";
        }
        return "application/octet-stream";
    }

    private static byte[] read(String resource) {
        try (InputStream in = Assets.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("static file " + resource + " is not on the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A webjar's version, read from the webjar itself, so upgrading it is a one-line change in the POM. */
    private static String webjarVersion(String name) {
        String resource = "/META-INF/maven/org.webjars.npm/" + name + "/pom.properties";
        try (InputStream in = Assets.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the " + name + " webjar is not on the classpath");
            }
            var p = new java.util.Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Serves every file from memory: by its fingerprinted name, cached for a year, and by its plain
     * name, revalidated. Javalin's static file handlers are not used: mounting the jar as a file
     * system for them costs start-up time (BENCHMARKS.md), for five small files.
     */
    public void register(RoutesConfig routes) {
        for (Asset asset : all()) {
            routes.get(asset.hashedPath(), ctx -> serve(ctx, asset, IMMUTABLE));
            routes.get(Paths.STATIC + "/" + asset.name(), ctx -> serve(ctx, asset, ConditionalGet.REVALIDATE));
        }
    }

    private static void serve(Context ctx, Asset asset, String cacheControl) {
        ctx.header("Cache-Control", cacheControl);
        ctx.header("ETag", asset.etag());
        ctx.contentType(asset.contentType());
        ctx.result(asset.bytes());
    }

    /** The 12 hexadecimal digits (48 bits) of a file's checksum that go into its name. */
    static String fingerprint(byte[] bytes) {
        return Checksum.hex(bytes, 0, bytes.length).substring(0, 12);
    }
}
