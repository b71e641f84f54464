package miexplorer.web.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The server whose code changes under it (issue 21). A jar rebuilt in place while the server runs from
 * it leaves every class the server has not loaded yet unreadable. Javalin's error handling then needed
 * one such class for every error, failed, and tried again for ever: each request that reached an error
 * spun a thread at full CPU and never got an answer, while {@code /healthz} still said ok.
 *
 * <p>Here the whole app runs in a class loader that can be frozen: from then on it finds no class or
 * resource it has not loaded yet, exactly as a JVM whose jar was rewritten. The test warms the app as a
 * short session does, freezes it, and asks for error paths and pages it has not shown yet.
 */
class CodeChangedUnderServerTest {
    /** Long enough for any answer on a loaded machine; a request that spins never answers at all. */
    private static final Duration NO_ANSWER = Duration.ofSeconds(20);

    /** A class loader over the test's class path that, once frozen, finds nothing it has not loaded yet. */
    static final class FreezableLoader extends URLClassLoader {
        volatile boolean frozen;

        FreezableLoader(URL[] urls) {
            super("freezable", urls, ClassLoader.getPlatformClassLoader());
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            if (frozen) {
                throw new ClassNotFoundException(name + " (its jar was changed under the server)");
            }
            return super.findClass(name);
        }

        @Override
        public URL findResource(String name) {
            return frozen ? null : super.findResource(name);
        }

        @Override
        public Enumeration<URL> findResources(String name) throws IOException {
            return frozen ? Collections.emptyEnumeration() : super.findResources(name);
        }
    }

    @Test
    void every_request_is_answered_and_the_server_says_it_must_be_restarted() throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            urls.add(new File(entry).toURI().toURL());
        }
        PrintStream err = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Thread thread = Thread.currentThread();
        ClassLoader context = thread.getContextClassLoader();
        try (FreezableLoader loader = new FreezableLoader(urls.toArray(URL[]::new))) {
            thread.setContextClassLoader(loader);
            Class<?> app = loader.loadClass("miexplorer.web.App");
            Class<?> config = loader.loadClass("miexplorer.web.App$Config");
            Object javalin = app.getMethod("create", config).invoke(null, config.getMethod("production").invoke(null));
            javalin.getClass().getMethod("start", int.class).invoke(javalin, 0);
            int port = (int) javalin.getClass().getMethod("port").invoke(javalin);
            HttpClient http = HttpClient.newBuilder().connectTimeout(NO_ANSWER).build();
            try {
                // A short session: the explorer and the health check, no error of any kind.
                assertEquals(200, get(http, port, "/healthz").statusCode());
                assertEquals(200, get(http, port, "/mi").statusCode());

                System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
                loader.frozen = true; // the build rewrites the jar

                HttpResponse<String> notFound = get(http, port, "/no-such-page");
                assertEquals(503, notFound.statusCode(), notFound.body());
                assertTrue(notFound.body().contains("must be restarted"), notFound.body());
                assertEquals("30", notFound.headers().firstValue("Retry-After").orElse(null));
                HttpResponse<String> badJson = send(http, HttpRequest.newBuilder(uri(port, "/api/mi"))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{bad")));
                assertEquals(503, badJson.statusCode(), badJson.body());
                for (String path : List.of("/examples", "/attention/scaling", "/mi?p=0.5,0.5;0,0.1", "/healthz", "/mi")) {
                    assertEquals(503, get(http, port, path).statusCode(), path);
                }
            } finally {
                System.setErr(err);
                loader.frozen = false; // the test's own clean-up: stopping needs classes too
                javalin.getClass().getMethod("stop").invoke(javalin);
            }
            assertTrue(log.toString(StandardCharsets.UTF_8).contains("cannot serve any more"), "the log says why: " + log);
            assertTrue(log.toString(StandardCharsets.UTF_8).contains("restart"), "and what to do: " + log);
            assertEquals(Map.of(), threadsInJavalin(), "no request thread is left inside Javalin");
        } finally {
            thread.setContextClassLoader(context);
        }
    }

    private static URI uri(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static HttpResponse<String> get(HttpClient http, int port, String path) throws Exception {
        return send(http, HttpRequest.newBuilder(uri(port, path)).GET());
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest.Builder request) throws Exception {
        HttpRequest r = request.timeout(NO_ANSWER).build();
        try {
            return http.send(r, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new AssertionError(r.method() + " " + r.uri().getPath() + " got no answer in " + NO_ANSWER.toSeconds()
                    + " s: its thread is stuck (spinning in Javalin's error handling?)", e);
        }
    }

    /** Threads still running a request through Javalin's servlet, a few seconds after every answer came. */
    private static Map<String, String> threadsInJavalin() throws InterruptedException {
        Map<String, String> busy = Map.of();
        for (int attempt = 0; attempt < 50; attempt++) {
            busy = new java.util.TreeMap<>();
            for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
                for (StackTraceElement frame : e.getValue()) {
                    if (frame.getClassName().startsWith("io.javalin.http.servlet.JavalinServlet")) {
                        busy.put(e.getKey().getName(), frame.toString());
                        break;
                    }
                }
            }
            if (busy.isEmpty()) {
                return busy;
            }
            Thread.sleep(100);
        }
        return busy;
    }
}
