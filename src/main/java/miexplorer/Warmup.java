package miexplorer;

import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import miexplorer.web.App;

/**
 * The training run for the class-data archive the build writes beside the jar
 * ({@code target/mi-explorer.jsa}, see the pom): the app starts on a free port of 127.0.0.1, is
 * asked once for each kind of page and answer, and stops. The JVM, started with
 * {@code -XX:ArchiveClassesAtExit}, then saves every class these requests loaded, already parsed
 * and verified, so a server started with {@code -XX:SharedArchiveFile} maps them instead of loading
 * them one by one: about 40% less CPU before the first answer (BENCHMARKS.md). An archive that is
 * missing, or older than the jar, is ignored by the JVM, so it only ever makes start-up faster.
 */
public final class Warmup {
    /** What each request asks: a method, a path, htmx or not, a body (null for a GET). */
    private record Ask(String method, String path, boolean htmx, String contentType, String body) {
    }

    private static final String FORM = "application/x-www-form-urlencoded";

    private static final List<Ask> ASKS = List.of(
            new Ask("GET", "/", false, null, null),
            new Ask("GET", "/mi", false, null, null),
            new Ask("POST", "/mi", true, FORM, "x=X&y=Y&xl=a&xl=b&yl=c&yl=d&c=0.36&c=0.04&c=0.12&c=0.48&kind=probabilities&base=2&digits=3"),
            new Ask("POST", "/mi", true, FORM, "x=X&y=Y&xl=a&xl=b&yl=c&yl=d&c=x&c=0.04&c=0.12&c=0.48&kind=probabilities&base=2&digits=3"),
            new Ask("POST", "/api/mi", false, "application/json", "{\"p\": [[0.36, 0.04], [0.12, 0.48]]}"),
            new Ask("GET", "/attention", false, null, null),
            new Ask("POST", "/attention", true, FORM, "ql=q&q=1%2C0&kl=a&k=1%2C0&v=1%2C0&kl=b&k=0%2C1&v=0%2C1&scale=1&temp=1"),
            new Ask("GET", "/examples", false, null, null),
            new Ask("GET", "/data", false, null, null),
            new Ask("GET", "/mi.py", false, null, null),
            new Ask("GET", "/healthz", false, null, null));

    private Warmup() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Javalin app = App.create(App.Config.production()).start("127.0.0.1", 0);
        try {
            HttpClient client = HttpClient.newHttpClient();
            for (Ask ask : ASKS) {
                HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + ask.path()));
                if (ask.htmx()) {
                    r.header("HX-Request", "true");
                }
                if (ask.body() != null) {
                    r.header("Content-Type", ask.contentType()).POST(HttpRequest.BodyPublishers.ofString(ask.body()));
                }
                int status = client.send(r.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status >= 500) {
                    throw new IllegalStateException(ask.method() + " " + ask.path() + " answered " + status);
                }
            }
        } finally {
            app.stop();
        }
    }
}
