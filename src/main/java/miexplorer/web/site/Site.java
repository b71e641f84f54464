package miexplorer.web.site;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where the app is published and who may frame it: the settings that differ between hosts.
 *
 * @param baseUrl the public origin, such as {@code https://mi.example.edu}, with no trailing slash:
 *     canonical links and link previews (Open Graph) are built on it, because a server behind a
 *     proxy or load balancer cannot know the address people use
 * @param frameAncestors the sources allowed to show the app in a frame, as written after
 *     {@code frame-ancestors} in a Content-Security-Policy ({@code 'self'} by default)
 */
public record Site(String baseUrl, String frameAncestors) {
    public static final String DEFAULT_FRAME_ANCESTORS = "'self'";

    /** One source in a frame-ancestors list: a keyword, a scheme, or a host with optional scheme, port and path. */
    private static final Pattern SOURCE = Pattern.compile(
            "'self'|'none'|[a-z][a-z0-9+.-]*:|([a-z][a-z0-9+.-]*://)?(\\*|(\\*\\.)?[a-z0-9-]+(\\.[a-z0-9-]+)*)(:(\\d{1,5}|\\*))?(/[A-Za-z0-9._~/-]*)?",
            Pattern.CASE_INSENSITIVE);

    public Site {
        baseUrl = checkBaseUrl(baseUrl);
        frameAncestors = checkFrameAncestors(frameAncestors);
    }

    /** The local default: {@code http://localhost:<port>} and frames from the same origin only. */
    public static Site local(int port) {
        return new Site("http://localhost:" + port, DEFAULT_FRAME_ANCESTORS);
    }

    /** {@code path} (starting with /) as an absolute URL on this site. */
    public String absolute(String path) {
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("not a path on this site: " + path);
        }
        return baseUrl + path;
    }

    /** The Content-Security-Policy this app sends with every response. */
    public String contentSecurityPolicy() {
        // Scripts and styles only from this app's own files: no inline script, no eval, no inline
        // style attribute. Requests (htmx) and form posts only to this app. Framing as configured.
        return "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
                + "form-action 'self'; base-uri 'none'; frame-ancestors " + frameAncestors;
    }

    /**
     * An absolute http(s) origin. A path is refused: the app's links start at /, so it must be served
     * at the root of its host.
     */
    static String checkBaseUrl(String url) {
        String s = url == null ? "" : url.strip();
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        URI u;
        try {
            u = new URI(s);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("PUBLIC_BASE_URL “" + url + "” is not a URL: " + e.getReason());
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || u.getHost() == null) {
            throw new IllegalArgumentException("PUBLIC_BASE_URL “" + url
                    + "” must be an absolute http or https address, such as https://mi.example.edu");
        }
        if (u.getRawQuery() != null || u.getRawFragment() != null || u.getRawUserInfo() != null
                || (u.getRawPath() != null && !u.getRawPath().isEmpty())) {
            throw new IllegalArgumentException("PUBLIC_BASE_URL “" + url
                    + "” must be an origin only (scheme, host and optional port): the app is served at the root of its host");
        }
        return s;
    }

    /** Space-separated CSP sources; anything that could end the directive (; , quotes, newlines) is refused. */
    static String checkFrameAncestors(String value) {
        String s = value == null ? "" : value.strip();
        if (s.isEmpty()) {
            return DEFAULT_FRAME_ANCESTORS;
        }
        String[] sources = s.split("[ \t]+");
        for (String source : sources) {
            if (!SOURCE.matcher(source).matches()) {
                throw new IllegalArgumentException("FRAME_ANCESTORS: “" + source + "” is not a frame-ancestors source. "
                        + "Use space-separated sources such as 'self' https://lms.example.edu https://*.example.org, or 'none'.");
            }
        }
        if (sources.length > 1 && s.toLowerCase(Locale.ROOT).contains("'none'")) {
            throw new IllegalArgumentException("FRAME_ANCESTORS: 'none' cannot be combined with other sources.");
        }
        return String.join(" ", sources);
    }
}
