package miexplorer.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.testtools.HttpClient;
import io.javalin.testtools.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import miexplorer.testing.PageText;

/**
 * Reading pages in tests: the results table, meta tags, ids, and raw HTTP where javalin-testtools
 * would hide what is on the wire (compression, 304s). Every response is checked never to carry a
 * stack trace or a 5xx.
 */
public final class PageText {
    private PageText() {
    }

    /** A response read once: status, body and every header (names lower-cased). */
    public record Res(int code, String body, byte[] bytes, Map<String, List<String>> headers) {
        public String header(String name) {
            List<String> v = headers.get(name.toLowerCase());
            return v == null || v.isEmpty() ? null : String.join(", ", v);
        }
    }

    /** GET through the JDK client, so headers such as Content-Encoding and 304s arrive untouched. */
    public static Res fetch(HttpClient client, String path, String... headers) {
        return send(client, path, b -> {
            b.GET();
            for (int i = 0; i < headers.length; i += 2) {
                b.header(headers[i], headers[i + 1]);
            }
        });
    }

    public static Res send(HttpClient client, String path, Consumer<HttpRequest.Builder> request) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(client.getOrigin() + path));
            request.accept(b);
            HttpResponse<byte[]> r = java.net.http.HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            Map<String, List<String>> headers = new HashMap<>();
            r.headers().map().forEach((k, v) -> headers.put(k.toLowerCase(), v));
            byte[] bytes = r.body();
            String encoding = headers.getOrDefault("content-encoding", List.of("")).get(0);
            byte[] plain = encoding.equals("gzip") ? gunzip(bytes) : encoding.equals("zstd") ? unzstd(bytes) : bytes;
            String body = new String(plain, StandardCharsets.UTF_8);
            checkSound(path, r.statusCode(), body);
            return new Res(r.statusCode(), body, bytes, headers);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A javalin-testtools response, read once and checked. */
    public static Res read(Response r, String what) {
        String body = r.body().string();
        checkSound(what, r.code(), body);
        Map<String, List<String>> headers = new HashMap<>();
        for (String h : List.of("Vary", "HX-Push-Url", "Location", "Content-Type", "ETag", "Cache-Control",
                "Content-Security-Policy", "Content-Disposition", "Content-Encoding")) {
            List<String> v = r.headers().get(h);
            headers.put(h.toLowerCase(), v == null ? List.of() : v);
        }
        return new Res(r.code(), body, body.getBytes(StandardCharsets.UTF_8), headers);
    }

    /** GET through javalin-testtools, as htmx asks when {@code htmx}. */
    /** POSTs {@code form} to {@code path}, as htmx does when {@code htmx}. */
    public static Res post(HttpClient client, String path, Form form, boolean htmx) {
        return read(client.request(path, b -> {
            b.post(form.body());
            if (htmx) {
                b.header("HX-Request", "true");
            }
        }), "POST " + path + " " + form);
    }

    public static Res get(HttpClient client, String path, boolean htmx) {
        return read(client.get(path, req -> {
            if (htmx) {
                req.header("HX-Request", "true");
            }
        }), "GET " + path);
    }

    /** POST {@code body} as {@code contentType} through javalin-testtools, as htmx asks when {@code htmx}. */
    public static Res raw(HttpClient client, String path, String body, String contentType, boolean htmx) {
        return read(client.request(path, b -> {
            b.post(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).header("Content-Type", contentType);
            if (htmx) {
                b.header("HX-Request", "true");
            }
        }), "POST " + path + " " + (body.length() > 300 ? body.substring(0, 300) + "…" : body));
    }

    public static void checkSound(String what, int code, String body) {
        assertFalse(body.contains("Exception"), what + ": the response mentions an Exception:\n" + body);
        assertFalse(body.contains("at miexplorer."), what + ": the response carries a stack trace:\n" + body);
        assertFalse(body.contains("at io.javalin."), what + ": the response carries a stack trace:\n" + body);
        assertTrue(code < 500, what + ": status " + code + "\n" + body);
    }

    public static byte[] unzstd(byte[] bytes) throws IOException {
        try (com.github.luben.zstd.ZstdInputStream in = new com.github.luben.zstd.ZstdInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        }
    }

    public static byte[] gunzip(byte[] bytes) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        }
    }

    private static final Pattern MEASURE = Pattern.compile(
            "<tr(?: class=\"(?:mi|share)\")?><th scope=\"row\">([^<]*?) ?(?:<span class=\"what\">[^<]*</span>)?</th><td(?: id=\"mi-value\")?>([^<]*)</td>");

    /** The explorer's results table: "H(X)" → "0.971 bits", and so on (the ratios left out). */
    public static Map<String, String> measures(String html) {
        int start = html.indexOf("<table class=\"measures\"");
        if (start < 0) {
            return Map.of();
        }
        String table = html.substring(start, html.indexOf("</table>", start));
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = MEASURE.matcher(table);
        while (m.find()) {
            if (!m.group(1).startsWith("I / ")) {
                out.put(unescape(m.group(1)), unescape(m.group(2)));
            }
        }
        return out;
    }

    /** The text of the element with this id, unescaped, or null. */
    public static String byId(String html, String id) {
        Matcher m = Pattern.compile("id=\"" + Pattern.quote(id) + "\">([^<]*)<").matcher(html);
        return m.find() ? unescape(m.group(1)) : null;
    }

    public static String miValue(String html) {
        return byId(html, "mi-value");
    }

    public static String title(String html) {
        Matcher m = Pattern.compile("<title>([^<]*)</title>").matcher(html);
        return m.find() ? unescape(m.group(1)) : null;
    }

    /** The content of {@code <meta property|name="key" content="…">}, unescaped, or null. */
    public static String meta(String html, String key) {
        Matcher m = Pattern.compile("<meta (?:property|name)=\"" + Pattern.quote(key) + "\" content=\"([^\"]*)\">").matcher(html);
        return m.find() ? unescape(m.group(1)) : null;
    }

    public static String canonical(String html) {
        Matcher m = Pattern.compile("<link rel=\"canonical\" href=\"([^\"]*)\">").matcher(html);
        return m.find() ? unescape(m.group(1)) : null;
    }

    /** Every id attribute in the page, in order (duplicates kept). */
    public static List<String> ids(String html) {
        Matcher m = Pattern.compile("\\sid=\"([^\"]*)\"").matcher(html);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    public static int count(String html, String needle) {
        int n = 0;
        for (int at = html.indexOf(needle); at >= 0; at = html.indexOf(needle, at + needle.length())) {
            n++;
        }
        return n;
    }

    /** The value of every input named {@code name}, in page order, unescaped. */
    public static List<String> inputs(String html, String name) {
        Matcher m = Pattern.compile("<input id=\"[^\"]*\" name=\"" + Pattern.quote(name) + "\" value=\"([^\"]*)\"").matcher(html);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(unescape(m.group(1)));
        }
        return out;
    }

    public static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#34;", "\"")
                .replace("&#39;", "'").replace("&#x27;", "'").replace("&amp;", "&");
    }

    public static String table(String html, String id) {
        int start = html.indexOf("id=\"" + id + "\"");
        if (start < 0) {
            return "";
        }
        return html.substring(start, html.indexOf("</table>", start));
    }

    public static List<String[]> rows(String table, String regex, int groups) {
        Matcher m = Pattern.compile(regex).matcher(table);
        List<String[]> out = new ArrayList<>();
        while (m.find()) {
            String[] r = new String[groups];
            for (int g = 0; g < groups; g++) {
                r[g] = unescape(m.group(g + 1));
            }
            out.add(r);
        }
        return out;
    }

    public static List<String> column(List<String[]> rows, int c) {
        return rows.stream().map(r -> r[c]).toList();
    }

    public static String errorText(String html, String id) {
        Matcher m = Pattern.compile("<p class=\"field-error\" id=\"" + Pattern.quote(id) + "\">([^<]*)</p>").matcher(html);
        return m.find() ? unescape(m.group(1)) : null;
    }

    public static String allErrors(String html) {
        Matcher m = Pattern.compile("<p class=\"field-error\" id=\"([^\"]*)\">([^<]*)</p>").matcher(html);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            b.append(m.group(1)).append(": ").append(unescape(m.group(2))).append("; ");
        }
        return b.toString();
    }
}
