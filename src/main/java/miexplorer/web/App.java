package miexplorer.web;

import io.javalin.Javalin;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import miexplorer.info.LogBase;
import miexplorer.practice.ExerciseData;
import miexplorer.web.attention.AttentionExplorer;
import miexplorer.web.attention.AttentionInput;
import miexplorer.web.cmi.CmiExplorer;
import miexplorer.web.cmi.CmiInput;
import miexplorer.web.course.CmiExample;
import miexplorer.web.course.CourseRoutes;
import miexplorer.web.course.JointExample;
import miexplorer.web.data.DataRoutes;
import miexplorer.web.examples.ExampleRoutes;
import miexplorer.web.experiments.ExperimentRoutes;
import miexplorer.web.explorer.ExplorerRoutes;
import miexplorer.web.http.Compression;
import miexplorer.web.http.ErrorPages;
import miexplorer.web.http.JettyErrors;
import miexplorer.web.http.ResponseHeaders;
import miexplorer.web.http.StoredAnswers;
import miexplorer.web.joint.JointInput;
import miexplorer.web.joint.Kind;
import miexplorer.web.joint.TableSettings;
import miexplorer.web.mi.MiExplorer;
import miexplorer.web.practice.ExplorerLinks;
import miexplorer.web.practice.PracticeRoutes;
import miexplorer.web.render.Format;
import miexplorer.web.render.Templates;
import miexplorer.web.server.BoundedErrors;
import miexplorer.web.server.Budget;
import miexplorer.web.server.CodeWatch;
import miexplorer.web.server.Health;
import miexplorer.web.server.HealthCheck;
import miexplorer.web.server.HeavyWork;
import miexplorer.web.server.UnhealthyGuard;
import miexplorer.web.site.Assets;
import miexplorer.web.site.Paths;
import miexplorer.web.site.Site;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the web app. {@code Main} starts it; tests start the same app on a free port. */
public final class App {
    private static final Logger LOG = LoggerFactory.getLogger(App.class);

    /** The largest request body taken, in bytes: room for 256 keys of 1024 numbers (the attention limits). */
    public static final long MAX_BODY = 4 * 1024 * 1024;
    /** The longest request line and headers taken, in bytes: room for a 32 × 32 table's URL. */
    public static final int MAX_HEADER = 64 * 1024;
    public static final int DEFAULT_PORT = 7070;
    /**
     * How long a stop waits for requests in flight. Well inside the grace period platforms give a
     * process between SIGTERM and SIGKILL (30 s on Kubernetes and Heroku); a page takes milliseconds.
     */
    public static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
    /**
     * During a stop, how long a connection may sit without traffic before it is closed. Jetty's
     * default is 1 s, counted from the connection's last activity, so a request that had been
     * waiting a second for the rest of its body was cut off (408) the moment the stop began.
     * Idle kept-alive connections are closed after this too, so a stop takes at least this long
     * while any browser holds one open.
     */
    public static final Duration STOP_IDLE_TIMEOUT = Duration.ofSeconds(5);
    /** What a stop may take beyond its timeout (at most the timeout again): Jetty's own steps once requests have ended. */
    static final Duration STOP_GRACE = Duration.ofSeconds(5);

    /**
     * How the app runs.
     *
     * @param templates null for the precompiled templates, or a folder to hot-reload them from
     * @param site the public base URL and who may frame the app
     * @param benchRoutes whether to serve {@link StoredAnswers}' routes, for bench/load.sh only
     * @param budget what heavy work may hold at once; null for this JVM's heap and cores ({@link HeavyWork#forThisJvm})
     * @param compression how answers are compressed, as {@link Compression} writes it
     */
    public record Config(Path templates, Site site, boolean benchRoutes, Budget budget, String compression) {
        public Config(Path templates, Site site, boolean benchRoutes) {
            this(templates, site, benchRoutes, null, Compression.DEFAULT);
        }

        public Config(Path templates) {
            this(templates, Site.local(DEFAULT_PORT), false);
        }

        public static Config production() {
            return new Config(null);
        }

        public Config withSite(Site newSite) {
            return new Config(templates, newSite, benchRoutes, budget, compression);
        }

        public Config withBudget(Budget newBudget) {
            return new Config(templates, site, benchRoutes, newBudget, compression);
        }

        public Config withCompression(String newCompression) {
            Compression.parse(newCompression); // refused here, at start-up, when it names nothing
            return new Config(templates, site, benchRoutes, budget, newCompression);
        }
    }

    private App() {
    }

    public static Javalin create(Config config) {
        Templates templates = config.templates() == null
                ? Templates.precompiled()
                : Templates.hotReloading(config.templates());
        Site site = config.site();
        ErrorPages errors = new ErrorPages(templates, MAX_BODY);
        Health health = new Health();
        HeavyWork heavy = config.budget() == null ? HeavyWork.forThisJvm(health) : new HeavyWork(config.budget(), health);
        return Javalin.create(cfg -> {
            // First: routes and handlers go to the router in place when they are added.
            BoundedErrors.install(cfg.unsafe, health);
            cfg.startup.showJavalinBanner = false;
            cfg.http.maxRequestSize = MAX_BODY;
            cfg.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrors(MAX_HEADER)));
            // Every text response of 1500 bytes or more compressed as the client accepts: zstd (Chromium
            // asks for it, compressed after the handlers) or gzip (Javalin's) by default (Compression).
            Compression compression = Compression.parse(config.compression());
            cfg.http.compressionStrategy = compression.strategy();
            cfg.jetty.modifyHttpConfiguration(http -> {
                http.setRequestHeaderSize(MAX_HEADER);
                http.setSendServerVersion(false);
            });
            // Counts requests in flight, so that a graceful stop (stopGracefully) can wait for them; around
            // it, the guard that answers 503 once the server cannot serve (Health). Javalin nests its
            // servlet handler inside the innermost handler set here.
            cfg.jetty.modifyServer(server -> server.setHandler(new UnhealthyGuard(health, new GracefulHandler())));
            cfg.events.serverStopped(heavy::close);
            // A rebuild that rewrites the jar under the running server is noticed at once (CodeWatch).
            CodeWatch watch = CodeWatch.ofCodeSource(App.class.getProtectionDomain().getCodeSource(), health);
            if (watch != null) {
                ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "code-watch");
                    t.setDaemon(true);
                    return t;
                });
                timer.scheduleWithFixedDelay(watch::check, 2, 2, TimeUnit.SECONDS);
                cfg.events.serverStopped(() -> {
                    timer.shutdownNow();
                    try {
                        watch.close();
                    } catch (java.io.IOException e) {
                        // the handle is let go of either way
                    }
                });
            }
            Assets.BUNDLED.register(cfg.routes);
            ResponseHeaders.install(cfg.routes, site.contentSecurityPolicy(), compression);
            HealthCheck.register(cfg.routes, Paths.HEALTH, templates, health, watch);

            // The explorers hand the gallery their examples, and the lesson what it embeds of them: each
            // explorer live, the examples whose figures its text quotes, and the attention example's variations.
            var mi = ExplorerRoutes.register(cfg.routes, templates, site, new MiExplorer(site));
            var attention = ExplorerRoutes.register(cfg.routes, templates, site, new AttentionExplorer(site));
            var cmi = ExplorerRoutes.register(cfg.routes, templates, site, new CmiExplorer(site));
            // The experiment opens its exclusive-or pair in the three-variable explorer without importing it.
            var experiments = ExperimentRoutes.register(cfg.routes, templates, site, heavy, (names, labels, p) -> {
                List<List<List<String>>> slices = new ArrayList<>();
                for (double[][] slice : p) {
                    slices.add(cells(slice));
                }
                return new CmiInput(names.get(0), names.get(1), names.get(2), labels.get(0), labels.get(1), labels.get(2), slices,
                        Kind.PROBABILITIES, LogBase.TWO, TableSettings.DEFAULT_DIGITS).url();
            });
            ExampleRoutes.register(cfg.routes, templates, site, List.of(mi.examples(), attention.examples(), cmi.examples(), experiments));
            CourseRoutes.register(cfg.routes, templates, site, mi.inLesson(), mi.examples(JointExample::new), attention.inLesson(),
                    AttentionExplorer::lessonTry, cmi.inLesson(),
                    cmi.examples((example, input) -> new CmiExample(example, CmiExplorer.weights(input))));
            DataRoutes.register(cfg.routes, templates, heavy);
            // Practice links its exercises' numbers to the explorers without importing them.
            PracticeRoutes.register(cfg.routes, templates, site, new ExplorerLinks() {
                @Override
                public String table(ExerciseData.Table t) {
                    return new JointInput(t.xName(), t.yName(), t.xLabels(), t.yLabels(), cells(t.cells()),
                            t.counts() ? Kind.COUNTS : Kind.PROBABILITIES, t.base(), TableSettings.DEFAULT_DIGITS).url();
                }

                @Override
                public String threeWay(ExerciseData.ThreeWayTable t) {
                    List<List<List<String>>> slices = new ArrayList<>();
                    for (double[][] slice : t.cells()) {
                        slices.add(cells(slice));
                    }
                    return new CmiInput(t.xName(), t.yName(), t.zName(), t.xLabels(), t.yLabels(), t.zLabels(), slices,
                            t.counts() ? Kind.COUNTS : Kind.PROBABILITIES, t.base(), TableSettings.DEFAULT_DIGITS).url();
                }

                @Override
                public String attention(ExerciseData.AttentionRow a) {
                    List<String> keyLabels = new ArrayList<>();
                    List<String> keys = new ArrayList<>();
                    for (int i = 0; i < a.keys().length; i++) {
                        keyLabels.add("k" + (i + 1));
                        keys.add(vector(a.keys()[i]));
                    }
                    return new AttentionInput(List.of("q"), List.of(vector(a.query())), List.of(), keyLabels, keys, List.of(),
                            a.scale(), Format.cell(a.temperature()), AttentionInput.DEFAULT_DIGITS).url();
                }
            });
            if (config.benchRoutes()) {
                StoredAnswers.register(cfg.routes);
            }

            errors.install(cfg.routes);
        });
    }

    /** Numbers as an explorer's cells hold them, written as typed. */
    private static List<List<String>> cells(double[][] w) {
        List<List<String>> rows = new ArrayList<>();
        for (double[] row : w) {
            List<String> r = new ArrayList<>();
            for (double v : row) {
                r.add(Format.cell(v));
            }
            rows.add(r);
        }
        return rows;
    }

    /** A vector as the attention explorer's fields hold it: "1, -1, 0.5". */
    private static String vector(double[] v) {
        StringBuilder b = new StringBuilder();
        for (double x : v) {
            b.append(b.length() == 0 ? "" : ", ").append(Format.cell(x));
        }
        return b.toString();
    }

    /**
     * Stops the app the way a platform expects on SIGTERM: the connector stops accepting connections,
     * new requests on open connections get 503, requests already in flight run to completion (for up
     * to {@code timeout}), connections without traffic for {@link #STOP_IDLE_TIMEOUT} are closed, and
     * then the server stops.
     *
     * <p>Returns within {@code timeout} and a few seconds more whatever the server's threads are doing:
     * a thread that does not end (a request stuck in a loop, say) is logged and left behind, so that a
     * shutdown hook that calls this lets the process exit.
     *
     * <p>A plain {@code app.stop()} (as the tests' harness does) stops at once.
     */
    public static void stopGracefully(Javalin app, Duration timeout) {
        Server server = app.jettyServer().server();
        server.setStopTimeout(timeout.toMillis());
        for (Connector connector : server.getConnectors()) {
            if (connector instanceof AbstractConnector c) {
                c.setShutdownIdleTimeout(Math.min(STOP_IDLE_TIMEOUT.toMillis(), timeout.toMillis()));
            }
        }
        Duration most = timeout.plus(timeout.compareTo(STOP_GRACE) < 0 ? timeout : STOP_GRACE);
        Thread stop = new Thread(app::stop, "stop");
        stop.setDaemon(true);
        stop.start();
        try {
            stop.join(most.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (stop.isAlive()) {
            LOG.error("The server did not stop within {} ms; going on with its threads still running", most.toMillis());
        }
    }
}
