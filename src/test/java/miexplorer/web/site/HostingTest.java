package miexplorer.web.site;

import static miexplorer.testing.PageText.fetch;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import miexplorer.testing.PageText;
import miexplorer.web.App;
import miexplorer.web.http.Checksum;
import miexplorer.web.site.Assets;
import miexplorer.web.site.Paths;
import miexplorer.web.site.Site;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What hosting needs: health, the frame-ancestors policy, validators and 304s, compression,
 * fingerprinted static files with long cache lifetimes, and a graceful stop that lets requests in
 * flight finish.
 */
class HostingTest {
    private static final String WEATHER = "/mi?x=Weather&y=Forecast&xl=Rain&xl=Sun&yl=Forecast+rain&yl=Forecast+sun"
            + "&p=0.36,0.04;0.12,0.48&kind=probabilities&base=2";

    private static Javalin app() {
        return App.create(App.Config.production());
    }

    // ---- health --------------------------------------------------------------------------------

    @Test
    void the_health_check_answers_200_and_is_never_cached() {
        JavalinTest.test(app(), (server, client) -> {
            PageText.Res res = fetch(client, Paths.HEALTH);
            assertEquals(200, res.code());
            assertEquals("ok\n", res.body());
            assertEquals("no-store", res.header("Cache-Control"));
            assertTrue(res.header("Content-Type").startsWith("text/plain"), res.header("Content-Type"));
        });
    }

    // ---- who may frame the app -----------------------------------------------------------------

    /** The policy before frame-ancestors: own scripts and styles only, no inline code, no eval. */
    static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; form-action 'self'; base-uri 'none'; ";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/", "/mi", "/examples", "/healthz", "/no-such-page", "/mi.py", "/attention", "/attention.py",
            "/attention/scaling", "/api/mi", "/static/vendor/htmx.min.js", "/static/vendor/idiomorph-LICENSE.txt"})
    void every_response_carries_the_security_headers_and_by_default_only_the_app_may_frame_it(String path) {
        JavalinTest.test(app(), (server, client) -> {
            PageText.Res res = fetch(client, path);
            assertEquals(POLICY + "frame-ancestors 'self'", res.header("Content-Security-Policy"), path);
            assertEquals("nosniff", res.header("X-Content-Type-Options"), path);
            assertEquals("strict-origin-when-cross-origin", res.header("Referrer-Policy"), path);
        });
    }

    @Test
    void html_says_it_is_utf_8_in_its_header() {
        JavalinTest.test(app(), (server, client) -> {
            for (String path : new String[] {"/", "/mi", "/attention", "/examples", "/data", "/no-such-page", "/mi?p=x"}) {
                assertEquals("text/html;charset=utf-8", fetch(client, path).header("Content-Type").replace(" ", ""), path);
            }
        });
    }

    @Test
    void the_static_files_carry_the_policy_too() {
        JavalinTest.test(app(), (server, client) -> {
            assertEquals(POLICY + "frame-ancestors 'self'", fetch(client, Paths.CSS).header("Content-Security-Policy"));
            assertEquals(POLICY + "frame-ancestors 'self'", fetch(client, "/static/app.css").header("Content-Security-Policy"));
        });
    }

    @Test
    void configured_frame_ancestors_are_sent_as_given() {
        Site site = new Site("https://mi.example.edu", "'self'  https://lms.example.edu https://*.example.org");
        JavalinTest.test(App.create(App.Config.production().withSite(site)), (server, client) -> {
            assertEquals(POLICY + "frame-ancestors 'self' https://lms.example.edu https://*.example.org",
                    fetch(client, "/mi?embed=1").header("Content-Security-Policy"));
        });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"'self'; script-src *", "https://a.example,https://b.example", "'self'\nX-Injected: 1",
            "'none' 'self'", "\"https://a.example\""})
    void frame_ancestors_that_could_break_out_of_the_directive_are_refused_at_startup(String value) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Site("http://localhost:7070", value));
        assertTrue(e.getMessage().startsWith("FRAME_ANCESTORS"), e.getMessage());
    }

    @Test
    void an_empty_frame_ancestors_means_the_default() {
        assertEquals("'self'", new Site("http://localhost:7070", "  ").frameAncestors());
        assertEquals("'none'", new Site("http://localhost:7070", "'none'").frameAncestors());
    }

    // ---- the public base URL -------------------------------------------------------------------

    @Test
    void the_base_url_loses_its_trailing_slash_and_builds_absolute_links() {
        Site site = new Site("https://mi.example.edu/", "'self'");
        assertEquals("https://mi.example.edu", site.baseUrl());
        assertEquals("https://mi.example.edu/examples", site.absolute("/examples"));
        assertEquals("http://localhost:8080", Site.local(8080).baseUrl());
    }

    @ParameterizedTest(name = "“{0}”")
    @ValueSource(strings = {"mi.example.edu", "ftp://mi.example.edu", "https://mi.example.edu/course",
            "https://mi.example.edu?x=1", "https://user@mi.example.edu", "https://", "not a url", ""})
    void a_base_url_that_is_not_an_http_origin_is_refused_at_startup(String url) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Site(url, "'self'"));
        assertTrue(e.getMessage().startsWith("PUBLIC_BASE_URL"), e.getMessage());
    }

    // ---- validators ----------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {WEATHER, "/", "/examples", "/examples/weather-forecast", "/mi.py", "/mi.csv?p=0.5,0;0,0.5"})
    void a_repeated_get_with_its_etag_answers_304_with_no_body(String path) {
        JavalinTest.test(app(), (server, client) -> {
            PageText.Res first = fetch(client, path);
            assertEquals(200, first.code());
            String etag = first.header("ETag");
            assertNotNull(etag, "an ETag on " + path);
            assertTrue(etag.matches("W/\"[0-9a-f]{16}\""), etag);
            assertEquals("W/\"" + Checksum.hex(first.bytes(), 0, first.bytes().length) + "\"", etag, "the checksum of the body sent");
            assertEquals("no-cache", first.header("Cache-Control"), "pages are revalidated before reuse");

            PageText.Res again = fetch(client, path, "If-None-Match", etag);
            assertEquals(304, again.code());
            assertEquals(0, again.bytes().length, "a 304 has no body");
            assertEquals(etag, again.header("ETag"));

            // the same tag in a list, or without W/, still matches (weak comparison); another does not
            assertEquals(304, fetch(client, path, "If-None-Match", "W/\"other\", " + etag).code());
            assertEquals(304, fetch(client, path, "If-None-Match", etag.substring(2)).code());
            assertEquals(200, fetch(client, path, "If-None-Match", "W/\"something-else\"").code());
        });
    }

    @Test
    void different_states_have_different_etags_and_the_same_state_the_same_one() {
        JavalinTest.test(app(), (server, client) -> {
            String a = fetch(client, WEATHER).header("ETag");
            assertEquals(a, fetch(client, WEATHER).header("ETag"), "a page is a function of its URL");
            assertNotEquals(a, fetch(client, WEATHER.replace("base=2", "base=e")).header("ETag"));
            assertNotEquals(a, fetch(client, WEATHER, "HX-Request", "true").header("ETag"), "the fragment is another body");
        });
    }

    @Test
    void posts_and_errors_get_no_etag() {
        JavalinTest.test(app(), (server, client) -> {
            PageText.Res post = PageText.send(client, "/mi", b -> b.POST(java.net.http.HttpRequest.BodyPublishers.ofString("c=1"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("HX-Request", "true"));
            assertNull(post.header("ETag"));
            PageText.Res bad = fetch(client, "/mi?p=abc");
            assertEquals(400, bad.code());
            assertNull(bad.header("ETag"));
        });
    }

    // ---- compression ---------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {WEATHER, "/", "/examples", "/mi.py"})
    void responses_are_gzipped_for_clients_that_accept_it(String path) {
        JavalinTest.test(app(), (server, client) -> {
            PageText.Res plain = fetch(client, path);
            assertNull(plain.header("Content-Encoding"));
            PageText.Res zipped = fetch(client, path, "Accept-Encoding", "gzip");
            assertEquals("gzip", zipped.header("Content-Encoding"));
            assertEquals(plain.body(), zipped.body(), "the same page, decompressed");
            assertTrue(zipped.bytes().length < plain.bytes().length,
                    path + ": " + zipped.bytes().length + " bytes gzipped of " + plain.bytes().length);
            assertTrue(zipped.header("Vary").contains("Accept-Encoding"), zipped.header("Vary"));
        });
    }

    /** Chromium asks for "gzip, deflate, br, zstd" and gets zstd, which costs the server far less (BENCHMARKS.md). */
    @Test
    void a_browser_that_accepts_zstd_gets_zstd_and_the_same_page() {
        JavalinTest.test(app(), (server, client) -> {
            PageText.Res plain = fetch(client, WEATHER);
            PageText.Res zstd = fetch(client, WEATHER, "Accept-Encoding", "gzip, deflate, br, zstd");
            assertEquals("zstd", zstd.header("Content-Encoding"));
            assertArrayEquals(plain.bytes(), PageText.unzstd(zstd.bytes()), "the same page, decompressed");
            assertTrue(zstd.bytes().length < plain.bytes().length / 3, zstd.bytes().length + " bytes of " + plain.bytes().length);
        });
    }

    /** Sent whole rather than in chunks: the length is known once the page is rendered. */
    @Test
    void pages_and_fragments_sent_uncompressed_say_their_length() {
        JavalinTest.test(app(), (server, client) -> {
            PageText.Res page = fetch(client, WEATHER);
            PageText.Res fragment = PageText.send(client, "/mi", b -> b.POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                    "xl=Rain&xl=Sun&yl=Forecast+rain&yl=Forecast+sun&c=0.36&c=0.04&c=0.12&c=0.48&kind=probabilities&base=2"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("HX-Request", "true"));
            PageText.Res invalid = fetch(client, "/mi?p=abc");
            for (PageText.Res r : List.of(page, fragment, invalid)) {
                assertEquals(String.valueOf(r.bytes().length), r.header("Content-Length"));
                assertNull(r.header("Transfer-Encoding"));
            }
            assertEquals(200, fragment.code());
            assertEquals(400, invalid.code());
            assertTrue(fragment.body().contains("0.378 bits"), "the whole fragment arrives");
        });
    }

    @Test
    void the_explorer_varies_on_both_htmx_and_encoding() {
        JavalinTest.test(app(), (server, client) -> {
            List<String> vary = List.of(fetch(client, WEATHER).header("Vary").split(",\\s*"));
            assertTrue(vary.contains("HX-Request") && vary.contains("Accept-Encoding"), vary.toString());
        });
    }

    // ---- static files --------------------------------------------------------------------------

    @Test
    void pages_link_to_fingerprinted_static_files_that_are_cached_for_a_year() throws Exception {
        JavalinTest.test(app(), (server, client) -> {
            String page = fetch(client, "/mi").body();
            for (String[] asset : new String[][] {
                    {"app", "css", "public/app.css", "text/css"},
                    {"app", "js", "public/app.js", "text/javascript"},
                    {"favicon", "svg", "public/favicon.svg", "image/svg+xml"},
                    {"idiomorph-ext-0.8.0.min", "js", "public/vendor/idiomorph-ext-0.8.0.min.js", "text/javascript"}}) {
                Matcher m = Pattern.compile("\"(/static/(?:vendor/)?" + Pattern.quote(asset[0]) + "\\.([0-9a-f]{12})\\." + asset[1] + ")\"")
                        .matcher(page);
                assertTrue(m.find(), "the page links to a fingerprinted " + asset[0] + "." + asset[1]);
                PageText.Res res = fetch(client, m.group(1));
                assertEquals(200, res.code(), m.group(1));
                assertEquals("public, max-age=31536000, immutable", res.header("Cache-Control"));
                assertTrue(res.header("Content-Type").startsWith(asset[3]), res.header("Content-Type"));
                byte[] file = Files.readAllBytes(Path.of(asset[2]));
                assertArrayEquals(file, res.body().getBytes(StandardCharsets.UTF_8), "the file's own bytes");
                // the fingerprint is the start of the file's checksum: CRC-32C, then CRC-32
                java.util.zip.CRC32C crc32c = new java.util.zip.CRC32C();
                crc32c.update(file);
                assertEquals(String.format("%08x", crc32c.getValue()) + m.group(2).substring(8), m.group(2));
                assertEquals(Checksum.hex(file, 0, file.length).substring(0, 12), m.group(2));
                assertEquals(304, fetch(client, m.group(1), "If-None-Match", res.header("ETag")).code());
            }
            Matcher htmx = Pattern.compile("\"(/static/vendor/htmx\\.min\\.[0-9a-f]{12}\\.js)\"").matcher(page);
            assertTrue(htmx.find(), "htmx is served fingerprinted too");
            assertEquals("public, max-age=31536000, immutable", fetch(client, htmx.group(1)).header("Cache-Control"));
        });
    }

    @Test
    void plain_names_still_work_and_a_stale_fingerprint_is_not_found() {
        JavalinTest.test(app(), (server, client) -> {
            PageText.Res plain = fetch(client, "/static/app.css");
            assertEquals(200, plain.code());
            assertFalse(String.valueOf(plain.header("Cache-Control")).contains("immutable"), "a plain name can change");
            assertEquals(404, fetch(client, "/static/app.000000000000.css").code());
        });
    }

    @Test
    void a_fingerprint_changes_with_the_content() {
        assertEquals("app.0123456789ab.css", Assets.fingerprinted("app.css", "0123456789ab"));
        assertEquals("vendor/x.min.0123456789ab.js", Assets.fingerprinted("vendor/x.min.js", "0123456789ab"));
        assertEquals("LICENSE.0123456789ab", Assets.fingerprinted("LICENSE", "0123456789ab"));
    }

    // ---- graceful stop -------------------------------------------------------------------------

    /**
     * A request in flight when the stop begins still gets its whole answer; new connections are
     * refused meanwhile; and the stop returns once that request is done.
     */
    @Test
    void a_graceful_stop_finishes_requests_in_flight_and_takes_no_new_connections() throws Exception {
        Javalin app = App.create(App.Config.production()).start("127.0.0.1", 0);
        int port = app.port();
        GracefulHandler requests = (GracefulHandler) ((Handler.Wrapper) app.jettyServer().server().getHandler()).getHandler();
        String body = "x=Weather&y=Forecast&xl=Rain&xl=Sun&yl=Forecast+rain&yl=Forecast+sun"
                + "&c=0.36&c=0.04&c=0.12&c=0.48&kind=probabilities&base=2&action=update";
        byte[] bytes = body.getBytes(StandardCharsets.US_ASCII);
        int half = bytes.length / 2;
        try (Socket socket = new Socket("127.0.0.1", port); Socket idle = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(15_000);
            idle.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            // The headers and half the body: the handler starts, then waits for the rest.
            out.write(("POST /mi HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                    + "Content-Length: " + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes, 0, half);
            out.flush();
            waitUntil(() -> requests.getCurrentRequestCount() == 1, "the request is in flight");

            CompletableFuture<Void> stop = CompletableFuture.runAsync(() -> App.stopGracefully(app, Duration.ofSeconds(10)));
            waitUntil(requests::isShutdown, "the stop has begun");
            // The connector closes its socket as part of the same stop, a moment after the handler stops taking requests.
            waitUntil(() -> refused(port), "new connections are refused");
            assertFalse(stop.isDone(), "the stop waits for the request in flight");
            // A new request on a connection opened before the stop is turned away, so a load balancer retries elsewhere.
            idle.getOutputStream().write("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            String refused = readResponse(idle.getInputStream());
            assertTrue(refused.startsWith("HTTP/1.1 503"), refused);

            out.write(bytes, half, bytes.length - half);
            out.flush();
            String response = readResponse(socket.getInputStream());
            assertTrue(response.startsWith("HTTP/1.1 303"), response);
            assertTrue(response.contains("Location: /mi?x=Weather&y=Forecast"), response);
            stop.get(10, TimeUnit.SECONDS);
        } finally {
            if (app.jettyServer().started()) {
                app.stop();
            }
        }
    }

    /** A stop ends even when a request never does (a thread stuck in a loop, say): SIGTERM must stop the process. */
    @Test
    void a_graceful_stop_returns_within_its_timeout_even_when_a_request_never_ends() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        Javalin app = App.create(App.Config.production());
        app.unsafe.routes.get("/never", ctx -> never.await());
        app.start("127.0.0.1", 0);
        GracefulHandler requests = (GracefulHandler) ((Handler.Wrapper) app.jettyServer().server().getHandler()).getHandler();
        try (Socket socket = new Socket("127.0.0.1", app.port())) {
            socket.getOutputStream().write("GET /never HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            waitUntil(() -> requests.getCurrentRequestCount() == 1, "the request is in flight");
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> App.stopGracefully(app, Duration.ofMillis(300)),
                    "the stop gives up on the request after its timeout (and as long again for Jetty's own steps)");
        } finally {
            never.countDown();
            if (app.jettyServer().started()) {
                app.stop();
            }
        }
    }

    private static boolean refused(int port) {
        try (Socket probe = new Socket()) {
            probe.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            return false;
        } catch (ConnectException e) {
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    static void waitUntil(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(10);
        }
    }

    /** The status line and headers of one HTTP/1.1 response (the body is not needed). */
    static String readResponse(InputStream in) throws java.io.IOException {
        StringBuilder b = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            b.append((char) c);
            if (b.length() >= 4 && b.substring(b.length() - 4).equals("\r\n\r\n")) {
                break;
            }
        }
        return b.toString();
    }
}
