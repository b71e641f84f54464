package miexplorer.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import miexplorer.info.Analysis;
import miexplorer.info.JointDistribution;
import miexplorer.info.LogBase;
import miexplorer.web.attention.AttentionRoutes;
import miexplorer.web.cmi.CmiRoutes;
import miexplorer.web.course.CourseRoutes;
import miexplorer.web.examples.ExampleRoutes;
import miexplorer.web.mi.MiRoutes;
import miexplorer.web.server.BoundedErrors;
import miexplorer.web.server.Budget;
import miexplorer.web.server.HeavyWork;
import miexplorer.web.server.CodeWatch;
import miexplorer.web.server.Compression;
import miexplorer.web.server.Health;
import miexplorer.web.server.UnhealthyGuard;
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
        Pages pages = new Pages(templates);
        Health health = new Health();
        HeavyWork heavy = config.budget() == null ? HeavyWork.forThisJvm(health) : new HeavyWork(config.budget(), health);
        return Javalin.create(cfg -> {
            // First: routes and handlers go to the router in place when they are added.
            BoundedErrors.install(cfg.unsafe, health);
            cfg.startup.showJavalinBanner = false;
            cfg.http.maxRequestSize = MAX_BODY;
            cfg.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrors()));
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
            // Static files are served from memory (Assets read them once): by their fingerprinted
            // names, cached for a year, and by their plain names, revalidated. Javalin's static file
            // handlers are not used: mounting the jar as a file system for them took a third of the
            // start-up time (BENCHMARKS.md), for five small files.
            for (Assets.Asset asset : Assets.BUNDLED.all()) {
                cfg.routes.get(asset.hashedPath(), ctx -> serve(ctx, asset, Assets.IMMUTABLE));
                cfg.routes.get(Paths.STATIC + "/" + asset.name(), ctx -> serve(ctx, asset, Validators.REVALIDATE));
            }

            cfg.routes.before(ctx -> {
                ctx.header("Content-Security-Policy", site.contentSecurityPolicy());
                ctx.header("X-Content-Type-Options", "nosniff");
                ctx.header("Referrer-Policy", "strict-origin-when-cross-origin");
            });
            cfg.routes.after(ctx -> {
                declareCharset(ctx);
                Validators.apply(ctx);
                compression.compressZstd(ctx);
                addVary(ctx, "Accept-Encoding");
            });
            cfg.routes.get(Paths.HEALTH, ctx -> health(ctx, templates, health, watch));

            MiRoutes mi = MiRoutes.register(cfg.routes, templates, site);
            // The explorers hand the gallery their examples, and the lesson what it embeds of them: each
            // explorer live, the joint-table examples and the attention example's variations its text quotes.
            AttentionRoutes attention = AttentionRoutes.register(cfg.routes, templates, site, heavy);
            CmiRoutes cmi = CmiRoutes.register(cfg.routes, templates, site);
            ExampleRoutes.register(cfg.routes, templates, site, List.of(mi.examples(), attention.examples(), cmi.examples()));
            CourseRoutes.register(cfg.routes, templates, site, mi.inLesson(), mi.tables(), attention.inLesson(),
                    AttentionRoutes::lessonTry, cmi.inLesson(), cmi.tables());
            miexplorer.web.data.DataRoutes.register(cfg.routes, templates, heavy);
            if (config.benchRoutes()) {
                StoredAnswers.register(cfg.routes);
            }

            cfg.routes.exception(HttpResponseException.class, (e, ctx) -> pages.problem(ctx, e.getStatus(), messageFor(e, ctx)));
            cfg.routes.exception(Exception.class, (e, ctx) -> {
                if (clientWentAway(e)) {
                    // Nobody is there to read an answer; not the server's fault, so not an error in its log.
                    LOG.debug("The client of {} {} went away: {}", ctx.method(), ctx.path(), e.toString());
                    ctx.status(400);
                    return;
                }
                LOG.error("Unexpected error on {} {}", ctx.method(), ctx.path(), e);
                pages.problem(ctx, 500, "Something went wrong on our side. Your input was not lost: go back and try again.");
            });
        });
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

    /** A fingerprinted static file: its name changes with its content, so it may be cached for a year. */
    private static void serve(Context ctx, Assets.Asset asset, String cacheControl) {
        ctx.header("Cache-Control", cacheControl);
        ctx.header("ETag", asset.etag());
        ctx.contentType(asset.contentType());
        ctx.result(asset.bytes());
    }

    /**
     * 200 when the app can serve: its code is as it started, its templates render and its maths runs.
     * Never cached. 503 otherwise, and during a graceful stop (the server itself answers 503 to new
     * requests then), so that a load balancer drains this instance.
     */
    private static void health(Context ctx, Templates templates, Health health, CodeWatch watch) {
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("text/plain; charset=utf-8");
        if (watch != null) {
            watch.check();
        }
        try {
            templates.render("shared/announce.jte", Map.of("text", "ok", "oob", false));
            double mi = Analysis.of(JointDistribution.fromWeights(new double[][] {{0.5, 0}, {0, 0.5}}), LogBase.TWO)
                    .mutualInformation();
            if (Math.abs(mi - 1) > 1e-12) {
                throw new IllegalStateException("I(X;Y) of a perfect copy of a fair bit came out as " + mi);
            }
            ctx.result("ok\n");
        } catch (RuntimeException | LinkageError e) {
            if (!health.failIfFatal(e)) {
                LOG.error("Health check failed", e);
            }
            ctx.status(503).result("unavailable\n");
        }
    }

    /**
     * Pages are UTF-8 and say so in a meta tag; the header says it too, so a browser never has to
     * sniff, and a proxy or a saved response keeps the encoding with the bytes.
     */
    static void declareCharset(Context ctx) {
        if ("text/html".equals(ctx.res().getContentType())) {
            ctx.contentType("text/html; charset=utf-8");
        }
    }

    /** Adds {@code field} to the Vary header, keeping what handlers put there (such as HX-Request). */
    static void addVary(Context ctx, String field) {
        String vary = ctx.res().getHeader("Vary");
        if (vary == null || vary.isBlank()) {
            ctx.header("Vary", field);
        } else if (Arrays.stream(vary.split(",")).map(String::strip).noneMatch(field::equalsIgnoreCase)) {
            ctx.header("Vary", vary + ", " + field);
        }
    }

    /** Whether {@code e} comes of a client that closed its connection while its request was read or answered. */
    static boolean clientWentAway(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof org.eclipse.jetty.io.EofException) {
                return true;
            }
        }
        return false;
    }

    private static String messageFor(HttpResponseException e, Context ctx) {
        return switch (e.getStatus()) {
            case 404 -> "There is no page at " + ctx.path() + ".";
            case 405 -> "This address does not take " + ctx.method() + " requests.";
            case 413 -> "The request is too large: the app takes at most " + (MAX_BODY / (1024 * 1024))
                    + " MB. A 32 × 32 table, or 256 keys of 1024 numbers, fits easily.";
            case 400 -> "The request could not be read: " + e.getMessage();
            default -> e.getMessage();
        };
    }

    /** Error pages: HTML for browsers, JSON for the API; never a stack trace. */
    static final class Pages {
        private final Templates templates;

        Pages(Templates templates) {
            this.templates = templates;
        }

        void problem(Context ctx, int status, String message) {
            ctx.status(status);
            if (ctx.path().startsWith("/api/")) {
                ctx.json(Map.of("errors", List.of(Map.of("field", "request", "message", message))));
            } else {
                ctx.html(templates.render("shared/problem.jte", Map.of("status", status, "message", message)));
            }
        }
    }
}
