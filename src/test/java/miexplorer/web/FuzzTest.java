package miexplorer.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import miexplorer.web.render.Notebook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Thousands of random and malformed requests, from a fixed seed, to every endpoint that reads
 * input: never a 5xx, never a stack trace, never a hang (each request has a time limit). A failure
 * names the request, so it can be replayed.
 */
class FuzzTest {
    private static final long SEED = 20261129L;
    private static final int REQUESTS_PER_KIND = 300;
    private static Javalin app;
    private static String base;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static final String[] KEYS = {"x", "y", "xl", "yl", "p", "c", "kind", "base", "digits", "action", "e",
            "q", "ql", "k", "kl", "v", "prior", "scale", "temp", "dk", "n", "trials", "seed", "z", "zl", "dep", "eps", "zz", ""};
    private static final String[] ATOMS = {"0", "1", "0.5", "-1", "1/3", "1/0", "36%", "1e308", "1e400", "-0", "NaN",
            "Infinity", "-Infinity", "abc", "", " ", "0,36", "1,0,1,0", "1, 0", ";", ";;", ",", "%", "%%", "/", "[1,2]",
            "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "javascript:alert(1)", "\u202e\u0000\u0007",
            "\uD83D\uDE00", "add-row", "add-col", "remove-row-0", "remove-row-99", "remove-col--1", "transpose", "product",
            "normalise", "reset", "dependence", "crossover", "add-z", "remove-z-0", "remove-x-7", "independent-given-z", "add-key", "remove-key-0", "add-query", "remove-query-3", "set-dk", "2", "e", "10",
            "probabilities", "counts", "99999999999999999999", "0x10", "1_000", "٣", "１"};

    @BeforeAll
    static void start() {
        app = App.create(App.Config.production()).start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + app.port();
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    @Test
    void random_query_strings_never_break_a_page() throws Exception {
        Random r = new Random(SEED);
        for (String path : List.of("/mi", "/attention", "/attention/scaling", "/mi/bsc", "/mi.py", "/mi.csv", "/attention.py",
                "/", "/data", "/cmi", "/cmi.py", "/mi.ipynb", "/cmi.ipynb", "/attention.ipynb")) {
            for (int i = 0; i < REQUESTS_PER_KIND; i++) {
                String query = randomForm(r, false);
                check(HttpRequest.newBuilder(URI.create(base + path + "?" + query)).GET(), "GET " + path + "?" + query);
            }
        }
    }

    @Test
    void random_form_posts_never_break_a_page_or_a_fragment() throws Exception {
        Random r = new Random(SEED + 1);
        for (String path : List.of("/mi", "/attention", "/data", "/cmi")) {
            for (int i = 0; i < REQUESTS_PER_KIND; i++) {
                String body = randomForm(r, true);
                HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body));
                if (r.nextBoolean()) {
                    b.header("HX-Request", "true");
                }
                check(b, "POST " + path + " " + body);
            }
        }
    }

    @Test
    void random_json_documents_never_break_the_apis() throws Exception {
        Random r = new Random(SEED + 2);
        for (String path : List.of("/api/mi", "/api/attention", "/api/cmi")) {
            for (int i = 0; i < REQUESTS_PER_KIND; i++) {
                String body = r.nextInt(4) == 0 ? mangle(randomJson(r, 0), r) : randomJson(r, 0);
                HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body));
                HttpResponse<String> res = check(b, "POST " + path + " " + body);
                assertTrue(res.statusCode() == 200 || res.statusCode() == 400 || res.statusCode() == 413,
                        "POST " + path + " " + body + " → " + res.statusCode());
                assertTrue(res.body().startsWith("{"), "JSON for " + body + ": " + res.body());
            }
        }
    }

    @Test
    void raw_bytes_and_odd_headers_are_answered_plainly() throws Exception {
        Random r = new Random(SEED + 3);
        for (int i = 0; i < 100; i++) {
            byte[] bytes = new byte[r.nextInt(2000)];
            r.nextBytes(bytes);
            String path = List.of("/mi", "/attention", "/api/mi", "/api/attention", "/api/samples", "/data").get(r.nextInt(6));
            String type = List.of("application/x-www-form-urlencoded", "application/json", "text/plain", "multipart/form-data")
                    .get(r.nextInt(4));
            check(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", type)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)), "POST " + path + " " + bytes.length + " random bytes as " + type);
        }
    }

    private static HttpResponse<String> check(HttpRequest.Builder request, String what) throws Exception {
        HttpResponse<String> res = HTTP.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(res.statusCode() < 500, what + " → " + res.statusCode() + "\n" + res.body());
        assertFalse(res.body().contains("Exception") || res.body().contains("at miexplorer.") || res.body().contains("at io.javalin."),
                what + " leaked a stack trace:\n" + res.body());
        // Markup typed by the client may come back only where no browser reads it as markup: plain
        // text (the exports' messages, with nosniff) or a JSON string.
        String type = res.headers().firstValue("Content-Type").orElse("");
        if (type.startsWith("text/html")) {
            assertFalse(res.body().contains("<script>alert(1)</script>"), what + " echoed a script unescaped");
            assertFalse(res.body().contains("<img src=x onerror"), what + " echoed markup unescaped");
        } else {
            assertTrue(type.startsWith("text/plain") || type.startsWith("application/json") || type.startsWith("text/x-python")
                    || type.startsWith("text/csv") || type.equals(Notebook.MEDIA_TYPE), what + " answered " + type);
            assertEquals("nosniff", res.headers().firstValue("X-Content-Type-Options").orElse(""), what);
        }
        return res;
    }

    /** @param raw whether some fields may go unencoded, or with broken escapes (bodies only: a URI refuses them) */
    private static String randomForm(Random r, boolean raw) {
        List<String> parts = new ArrayList<>();
        int n = r.nextInt(30);
        for (int i = 0; i < n; i++) {
            String key = KEYS[r.nextInt(KEYS.length)];
            String value = randomValue(r);
            parts.add(enc(key, r, raw) + (r.nextInt(20) == 0 ? "" : "=" + enc(value, r, raw)));
        }
        if (raw && r.nextInt(10) == 0) {
            parts.add("%ZZ=%" + (r.nextBoolean() ? "G" : "")); // broken percent-encoding
        }
        return String.join("&", parts);
    }

    private static String randomValue(Random r) {
        StringBuilder b = new StringBuilder();
        int atoms = 1 + r.nextInt(r.nextInt(10) == 0 ? 200 : 5);
        for (int i = 0; i < atoms; i++) {
            if (i > 0) {
                b.append(List.of(",", ";", " ", ", ", "").get(r.nextInt(5)));
            }
            b.append(ATOMS[r.nextInt(ATOMS.length)]);
        }
        return b.toString();
    }

    private static String enc(String s, Random r, boolean raw) {
        // Mostly proper encoding; in a body, sometimes raw, to test the server's decoding.
        return raw && r.nextInt(8) == 0 ? s.replace("&", "").replace("=", "").replace(" ", "+").replace("#", "") : URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String randomJson(Random r, int depth) {
        int kind = depth > 3 ? r.nextInt(4) : r.nextInt(7);
        return switch (kind) {
            case 0 -> String.valueOf(List.of(0, 1, -1, 2, 1000000, 3).get(r.nextInt(6)));
            case 1 -> List.of("0.5", "1e400", "-1e-400", "1.0E308", "3.14", "-0.0").get(r.nextInt(6));
            case 2 -> "\"" + ATOMS[r.nextInt(ATOMS.length)].replace("\\", "\\\\").replace("\"", "\\\"").replaceAll("[\\x00-\\x1f]", "") + "\"";
            case 3 -> List.of("true", "false", "null").get(r.nextInt(3));
            case 4, 5 -> {
                StringBuilder b = new StringBuilder("[");
                int n = r.nextInt(r.nextInt(10) == 0 ? 300 : 6);
                for (int i = 0; i < n; i++) {
                    b.append(i > 0 ? "," : "").append(randomJson(r, depth + 1));
                }
                yield b.append(']').toString();
            }
            default -> {
                StringBuilder b = new StringBuilder("{");
                String[] fields = {"p", "xLabels", "yLabels", "zLabels", "xName", "yName", "zName", "base", "kind", "q", "k", "v",
                        "scale", "temperature", "prior", "zz"};
                int n = r.nextInt(6);
                for (int i = 0; i < n; i++) {
                    b.append(i > 0 ? "," : "").append('"').append(fields[r.nextInt(fields.length)]).append("\":").append(randomJson(r, depth + 1));
                }
                yield b.append('}').toString();
            }
        };
    }

    private static String mangle(String json, Random r) {
        if (json.isEmpty()) {
            return "{";
        }
        int at = r.nextInt(json.length());
        return switch (r.nextInt(3)) {
            case 0 -> json.substring(0, at);
            case 1 -> json.substring(0, at) + "\u0000}{]" + json.substring(at);
            default -> json + json;
        };
    }

    @Test
    void an_address_or_headers_over_the_limit_get_a_short_page_in_our_words() throws Exception {
        HttpResponse<String> longUrl = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/mi?x=" + "x".repeat(100_000))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(414, longUrl.statusCode());
        assertTrue(longUrl.body().contains("The address is too long: the app takes at most 64 KB"), longUrl.body());
        HttpResponse<String> bigHeader = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/mi")).header("X-Big", "y".repeat(70_000)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(431, bigHeader.statusCode());
        assertFalse(bigHeader.body().contains("at org.eclipse"), bigHeader.body());
    }

    /** The posts the fuzz sends (from its own seed) name every field, and some are broken in their encoding. */
    @Test
    void the_random_forms_reach_every_field_and_broken_encodings() {
        Random r = new Random(SEED + 1);
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < REQUESTS_PER_KIND; i++) {
            all.append('&').append(randomForm(r, true));
        }
        String sent = all.toString();
        List<String> missing = new ArrayList<>();
        for (String key : KEYS) {
            if (!key.isEmpty() && !sent.contains("&" + key + "=")) {
                missing.add(key);
            }
        }
        assertEquals(List.of(), missing, "fields the fuzz never sends");
        assertTrue(sent.contains("%ZZ=%"), "a broken percent-encoding");
    }
}
