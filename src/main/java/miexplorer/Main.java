package miexplorer;

import io.javalin.Javalin;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import miexplorer.web.App;
import miexplorer.web.server.HeavyWork;
import miexplorer.web.site.Site;

/**
 * Starts MI Explorer, configured by the environment:
 *
 * <ul>
 *   <li>{@code PORT}: the port to listen on (default 7070);</li>
 *   <li>{@code PUBLIC_BASE_URL}: the address people use, for canonical links and link previews
 *       (default {@code http://localhost:PORT});</li>
 *   <li>{@code FRAME_ANCESTORS}: the sites allowed to show the app in a frame, as a CSP
 *       frame-ancestors list (default {@code 'self'});</li>
 *   <li>{@code MI_DEV=1}: read templates from {@code templates/} and recompile them when they change.</li>
 *   <li>{@code COMPRESSION}: how answers are compressed, such as {@code zstd:3,gzip:2} or {@code none}
 *       ({@link miexplorer.web.http.Compression}).</li>
 *   <li>{@code HEAVY_WORK_MB}: the heap heavy work (uploads, estimates, tests) may hold at once, in MB
 *       (default: the heap less {@link miexplorer.web.server.HeavyWork#LIGHT_RESERVE}).</li>
 * </ul>
 *
 * <p>On SIGTERM (or Ctrl-C) the server stops taking connections, lets requests in flight finish, then exits.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // Jetty's MimeTypes asks for every available locale while the server is built, and listing
        // them took nearly half of the main thread's start-up (a JFR profile, BENCHMARKS.md). Asked
        // here on a second thread, the list is ready, or nearly, by the time Jetty wants it.
        Thread locales = new Thread(Locale::getAvailableLocales, "list-locales");
        locales.setDaemon(true);
        locales.start();
        App.Config config;
        int port;
        try {
            port = port(System.getenv());
            config = config(System.getenv(), port);
        } catch (IllegalArgumentException e) {
            System.err.println("MI Explorer cannot start: " + e.getMessage());
            System.exit(2);
            return;
        }
        Javalin app = App.create(config).start(port);
        // The JVM runs shutdown hooks on SIGTERM and SIGINT: stop taking connections, finish what is in flight.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> App.stopGracefully(app, App.STOP_TIMEOUT), "graceful-stop"));
    }

    static int port(Map<String, String> env) {
        String text = env.getOrDefault("PORT", String.valueOf(App.DEFAULT_PORT)).strip();
        try {
            int port = Integer.parseInt(text);
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("PORT “" + text + "” is not a port number (0 to 65535)");
        }
    }

    /** The app's configuration from environment variables; {@code port} gives the default base URL. */
    static App.Config config(Map<String, String> env, int port) {
        String base = env.get("PUBLIC_BASE_URL");
        Site site = new Site(base == null || base.isBlank() ? "http://localhost:" + port : base,
                env.getOrDefault("FRAME_ANCESTORS", Site.DEFAULT_FRAME_ANCESTORS));
        String dev = env.get("MI_DEV");
        boolean hot = "1".equals(dev) || "true".equalsIgnoreCase(dev);
        // MI_BENCH=1 adds the routes bench/load.sh measures its payload floors with (StoredAnswers).
        App.Config c = new App.Config(hot ? Path.of("templates") : null, site, "1".equals(env.get("MI_BENCH")));
        String compression = env.get("COMPRESSION");
        if (compression != null && !compression.isBlank()) {
            c = c.withCompression(compression);
        }
        String heavy = env.get("HEAVY_WORK_MB");
        if (heavy != null && !heavy.isBlank()) {
            long mb;
            try {
                mb = Long.parseLong(heavy.strip());
            } catch (NumberFormatException e) {
                mb = -1;
            }
            if (mb < 1 || mb > 1L << 30) {
                throw new IllegalArgumentException("HEAVY_WORK_MB “" + heavy + "” is not a number of megabytes (1 or more)");
            }
            c = c.withBudget(HeavyWork.budgetOfThisJvm(mb * 1024 * 1024));
        }
        return c;
    }
}
