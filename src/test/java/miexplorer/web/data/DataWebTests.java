package miexplorer.web.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import miexplorer.web.App;
import miexplorer.web.render.Format;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Mutual information from samples over HTTP: the API at /api/samples, the page at /data (pasted
 * text and uploads, with and without htmx), the permutation test in steps, every bad input, and the
 * link to /mi. Every response goes through {@link #send}, which fails on a 5xx or a stack trace.
 */
abstract class DataWebTests {
    static final ObjectMapper JSON = new ObjectMapper();
    static Javalin app;
    static String base;
    static final HttpClient CLIENT = HttpClient.newHttpClient();

    /** The table [[8, 2], [3, 7]] as 20 rows: forecast (X) against weather (Y). */
    static final String TWENTY = twenty();

    static String twenty() {
        StringBuilder sb = new StringBuilder("forecast,weather\n");
        sb.append("rain,rain\n".repeat(8)).append("rain,sun\n".repeat(2)).append("sun,rain\n".repeat(3)).append("sun,sun\n".repeat(7));
        return sb.toString();
    }

    @BeforeAll
    static void start() {
        app = App.create(App.Config.production()).start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + app.port();
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    // ---- helpers -----------------------------------------------------------------------------

    record Res(int code, String body, Map<String, List<String>> headers) {
        String header(String name) {
            List<String> v = headers.get(name);
            return v == null || v.isEmpty() ? null : v.get(0);
        }
    }

    static Res send(HttpRequest req, String what) throws Exception {
        HttpResponse<String> r = CLIENT.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        String body = r.body();
        assertFalse(body.contains("Exception"), what + ": the response mentions an Exception:\n" + body);
        assertFalse(body.contains("at miexplorer."), what + ": stack trace:\n" + body);
        assertTrue(r.statusCode() < 500, what + ": status " + r.statusCode() + "\n" + body);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String h : List.of("Vary", "HX-Push-Url", "Content-Type", "Connection")) {
            headers.put(h, r.headers().allValues(h));
        }
        return new Res(r.statusCode(), body, headers);
    }

    static Res api(String query, String csv) throws Exception {
        return apiBytes(query, csv.getBytes(StandardCharsets.UTF_8), "text/csv");
    }

    static Res apiBytes(String query, byte[] body, String type) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + "/api/samples" + (query.isEmpty() ? "" : "?" + query)))
                .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), "POST /api/samples?" + query);
    }

    static Res get(String path, boolean htmx) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (htmx) {
            b.header("HX-Request", "true");
        }
        return send(b.build(), "GET " + path);
    }

    /** The page's form as multipart/form-data, with a file when {@code fileName} is not null. */
    static Res multipart(Map<String, String> fields, String fileName, byte[] file, boolean htmx) throws Exception {
        return multipart("/data", fields, fileName, file, htmx);
    }

    static Res multipart(String path, Map<String, String> fields, String fileName, byte[] file, boolean htmx) throws Exception {
        String boundary = "----test" + System.nanoTime();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Map.Entry<String, String> f : fields.entrySet()) {
            out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.write(f.getValue().getBytes(StandardCharsets.UTF_8));
            out.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + (fileName == null ? "" : fileName)
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        if (file != null) {
            out.write(file);
        }
        out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()));
        if (htmx) {
            b.header("HX-Request", "true");
        }
        return send(b.build(), "POST " + path + " " + fields.keySet() + " " + fileName);
    }

    static Res permutations(Map<String, String> state, String action, boolean htmx) throws Exception {
        StringBuilder body = new StringBuilder();
        for (Map.Entry<String, String> e : state.entrySet()) {
            body.append(body.length() > 0 ? "&" : "").append(e.getKey()).append('=').append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
        }
        if (action != null) {
            body.append("&action=").append(action);
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/data/permutations"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (htmx) {
            b.header("HX-Request", "true");
        }
        return send(b.build(), "POST /data/permutations " + action);
    }

    static Map<String, String> hidden(String html) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = Pattern.compile("<input type=\"hidden\" name=\"(t|seed|total|done|atleast)\" value=\"([^\"]*)\">").matcher(html);
        while (m.find()) {
            out.put(m.group(1), m.group(2));
        }
        return out;
    }

    static void assertProblem(Res r, int status, String field, String words) throws Exception {
        assertEquals(status, r.code(), r.body());
        JsonNode errors = JSON.readTree(r.body()).get("errors");
        assertNotNull(errors, r.body());
        boolean found = false;
        for (JsonNode e : errors) {
            if (e.get("field").asText().equals(field) && e.get("message").asText().contains(words)) {
                found = true;
            }
        }
        assertTrue(found, "expected " + field + ": …" + words + "… in " + r.body());
    }

    /** The text of the element with this id, tags removed and entities as sent. */
    static String byId(String html, String id) {
        Matcher m = Pattern.compile("id=\"" + Pattern.quote(id) + "\"[^>]*>(.*?)</(td|p|strong|div|caption)>", Pattern.DOTALL).matcher(html);
        return m.find() ? m.group(1).replaceAll("<[^>]+>", "").replaceAll("\\s+", " ").strip() : null;
    }

    /** The text swapped into the live region (out of band), or null when the answer has none. */
    static String announced(String html) {
        Matcher m = Pattern.compile("<div id=\"announce\"[^>]*>(.*?)</div>", Pattern.DOTALL).matcher(html);
        return m.find() ? m.group(1).strip() : null;
    }

    /** The text of the paragraph with this id, tags removed. */
    static String paragraph(String html, String id) {
        Matcher m = Pattern.compile("id=\"" + Pattern.quote(id) + "\"[^>]*>(.*?)</p>", Pattern.DOTALL).matcher(html);
        return m.find() ? m.group(1).replaceAll("<[^>]+>", "").replaceAll("\\s+", " ").strip() : "";
    }

    static String hrefOf(String html, String id) {
        Matcher m = Pattern.compile("id=\"" + Pattern.quote(id) + "\"><a href=\"([^\"]*)\"").matcher(html);
        return m.find() ? m.group(1).replace("&amp;", "&") : null;
    }

    static List<String> rowHeaders(String html) {
        String table = html.substring(html.indexOf("id=\"counts-table\""), html.indexOf("</tbody>", html.indexOf("id=\"counts-table\"")));
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<th scope=\"row\"[^>]*>([^<]*)</th>").matcher(table);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    static String fixed(double v) {
        return Format.fixed(v, 4);
    }
}
