package miexplorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import miexplorer.web.App;
import org.junit.jupiter.api.Test;

/** Configuration by environment, and what the process does on SIGTERM. */
class MainTest {
    @Test
    void without_settings_the_app_listens_on_7070_and_calls_itself_localhost() {
        int port = Main.port(Map.of());
        assertEquals(7070, port);
        App.Config c = Main.config(Map.of(), port);
        assertEquals("http://localhost:7070", c.site().baseUrl());
        assertEquals("'self'", c.site().frameAncestors());
        assertNull(c.templates(), "precompiled templates");
        assertFalse(c.benchRoutes(), "no benchmark routes");
        assertTrue(Main.config(Map.of("MI_BENCH", "1"), port).benchRoutes(), "MI_BENCH=1 adds them (bench/load.sh)");
    }

    @Test
    void the_environment_sets_port_base_url_frame_ancestors_and_dev_mode() {
        Map<String, String> env = Map.of("PORT", "8080", "PUBLIC_BASE_URL", "https://mi.example.edu/",
                "FRAME_ANCESTORS", "'self' https://lms.example.edu", "MI_DEV", "1");
        int port = Main.port(env);
        App.Config c = Main.config(env, port);
        assertEquals(8080, port);
        assertEquals("https://mi.example.edu", c.site().baseUrl());
        assertEquals("'self' https://lms.example.edu", c.site().frameAncestors());
        assertEquals(Path.of("templates"), c.templates());
        assertEquals("http://localhost:9000", Main.config(Map.of("PUBLIC_BASE_URL", " "), 9000).site().baseUrl(),
                "a blank base URL means the default");
    }

    @Test
    void bad_settings_stop_the_start_with_a_message_naming_the_variable() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Main.port(Map.of("PORT", "http"))).getMessage().startsWith("PORT"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Main.port(Map.of("PORT", "70000"))).getMessage().startsWith("PORT"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Main.config(Map.of("PUBLIC_BASE_URL", "mi.example.edu"), 7070)).getMessage().startsWith("PUBLIC_BASE_URL"));
    }

    @Test
    void heavy_work_mb_sets_the_heavy_work_budget_and_a_bad_value_is_refused() {
        assertEquals(300L * 1024 * 1024, Main.config(Map.of("HEAVY_WORK_MB", "300"), 7070).budget().memory());
        assertNull(Main.config(Map.of(), 7070).budget(), "by default the budget is sized from the heap");
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Main.config(Map.of("HEAVY_WORK_MB", "lots"), 7070)).getMessage().startsWith("HEAVY_WORK_MB"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Main.config(Map.of("HEAVY_WORK_MB", "0"), 7070)).getMessage().startsWith("HEAVY_WORK_MB"));
    }

    @Test
    void compression_is_set_by_its_encodings_and_levels_and_a_bad_value_is_refused() {
        assertEquals("zstd:3,gzip:2", Main.config(Map.of(), 7070).compression(), "the default");
        assertEquals("gzip:9", Main.config(Map.of("COMPRESSION", "gzip:9"), 7070).compression());
        assertEquals("none", Main.config(Map.of("COMPRESSION", "none"), 7070).compression());
        for (String bad : new String[] {"gzip", "gzip:10", "br:4", "zstd:1,zstd:2", "fast"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Main.config(Map.of("COMPRESSION", bad), 7070));
            assertTrue(e.getMessage().startsWith("COMPRESSION “" + bad + "”"), e.getMessage());
        }
    }

    /**
     * The real process: started as {@code java … miexplorer.Main}, sent SIGTERM while a request is
     * in flight. The request still gets its answer, and the process exits.
     */
    @Test
    void on_sigterm_the_process_finishes_the_request_in_flight_then_exits() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "miexplorer.Main");
        pb.environment().put("PORT", "0");
        pb.environment().remove("MI_DEV");
        pb.redirectErrorStream(true);
        Process process = pb.start();
        try {
            BufferedReader log = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            int port = -1;
            Pattern listening = Pattern.compile("Listening on http://[^:]+:(\\d+)/");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            for (String line; port < 0 && System.nanoTime() < deadline && (line = log.readLine()) != null; ) {
                Matcher m = listening.matcher(line);
                if (m.find()) {
                    port = Integer.parseInt(m.group(1));
                }
            }
            assertTrue(port > 0, "the app said where it listens");
            Thread drain = new Thread(() -> {
                try {
                    while (log.readLine() != null) {
                        // keep the child's output pipe from filling up
                    }
                } catch (java.io.IOException e) {
                    // the process has ended
                }
            });
            drain.setDaemon(true);
            drain.start();

            // One whole request first, so the server has loaded its handlers and the next one is dispatched at once.
            try (Socket warm = new Socket("127.0.0.1", port)) {
                warm.setSoTimeout(15_000);
                warm.getOutputStream().write("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                assertTrue(miexplorer.web.site.HostingTestAccess.readResponse(warm.getInputStream()).startsWith("HTTP/1.1 200"));
            }

            byte[] body = "c=0.36&c=0.04&c=0.12&c=0.48&xl=Rain&xl=Sun&yl=R&yl=S".getBytes(StandardCharsets.US_ASCII);
            try (Socket socket = new Socket("127.0.0.1", port)) {
                socket.setSoTimeout(15_000);
                OutputStream out = socket.getOutputStream();
                out.write(("POST /mi HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                        + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body, 0, 10);
                out.flush();
                // The handler is now waiting for the rest of the body, and has been for over a second when the
                // stop begins (Jetty's default would then cut the connection at once: see App.STOP_IDLE_TIMEOUT).
                // Not much over: the 5 s the app allows count from here until the rest of the body is written.
                Thread.sleep(1200);

                process.destroy(); // SIGTERM
                Thread.sleep(300);
                assertTrue(process.isAlive(), "the process waits for the request in flight");

                out.write(body, 10, body.length - 10);
                out.flush();
                String response = miexplorer.web.site.HostingTestAccess.readResponse(socket.getInputStream());
                assertTrue(response.startsWith("HTTP/1.1 303"), response);
            }
            assertTrue(process.waitFor(20, TimeUnit.SECONDS), "the process exits once the request is done");
            assertEquals(143, process.exitValue(), "128 + SIGTERM (15): ended by the signal, after the shutdown hook ran");
        } finally {
            process.destroyForcibly();
        }
    }
}
