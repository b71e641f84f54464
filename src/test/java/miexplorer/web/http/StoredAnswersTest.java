package miexplorer.web.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import miexplorer.web.App;
import miexplorer.web.http.Htmx;
import miexplorer.web.site.Site;
import org.junit.jupiter.api.Test;

/** bench/load.sh's payload floor: a stored answer is sent back as a fragment is, and only when asked for. */
class StoredAnswersTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void a_stored_answer_comes_back_byte_for_byte_with_the_fragment_headers() throws Exception {
        Javalin app = App.create(new App.Config(null, Site.local(App.DEFAULT_PORT), true)).start("127.0.0.1", 0);
        try {
            String at = "http://127.0.0.1:" + app.port() + "/bench/stored/weather";
            byte[] body = "<div id=\"explorer\">0.378 bits</div>".repeat(100).getBytes(StandardCharsets.UTF_8);
            HttpResponse<Void> put = HTTP.send(HttpRequest.newBuilder(URI.create(at)).PUT(HttpRequest.BodyPublishers.ofByteArray(body))
                    .header(Htmx.PUSH_URL, "/mi?p=1").build(), HttpResponse.BodyHandlers.discarding());
            assertEquals(204, put.statusCode());
            HttpResponse<byte[]> sent = HTTP.send(HttpRequest.newBuilder(URI.create(at)).POST(HttpRequest.BodyPublishers.ofString("c=0.36"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header(Htmx.REQUEST, "true").build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, sent.statusCode());
            assertArrayEquals(body, sent.body());
            assertEquals("/mi?p=1", sent.headers().firstValue(Htmx.PUSH_URL).orElse(null));
            assertEquals(Htmx.REQUEST, sent.headers().firstValue("Vary").orElse("").split(",")[0].strip());
            assertEquals(String.valueOf(body.length), sent.headers().firstValue("Content-Length").orElse(null));
        } finally {
            app.stop();
        }
    }

    @Test
    void without_mi_bench_there_is_no_such_route() throws Exception {
        Javalin app = App.create(App.Config.production()).start("127.0.0.1", 0);
        try {
            HttpResponse<Void> put = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/bench/stored/weather"))
                    .PUT(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.discarding());
            assertEquals(404, put.statusCode());
        } finally {
            app.stop();
        }
    }
}
