package miexplorer.web.data;

import io.javalin.config.RoutesConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.http.Part;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import miexplorer.data.ContingencyTable;
import miexplorer.data.NeighbourEstimate;
import miexplorer.data.Parallel;
import miexplorer.data.SampleException;
import miexplorer.data.SampleReader;
import miexplorer.web.form.FieldErrors;
import miexplorer.web.http.Htmx;
import miexplorer.web.http.RequestBody;
import miexplorer.web.render.Templates;
import miexplorer.web.server.Budget;
import miexplorer.web.server.HeavyWork;

/**
 * Mutual information from samples: the page at /data (paste or upload; the result swaps in with
 * htmx, or comes back as a whole page without JavaScript), the steps of a long permutation test at
 * /data/permutations, and the API at /api/samples.
 */
public final class DataRoutes {
    public static final String PATH = "/data";
    public static final String PERMUTATIONS_PATH = PATH + "/permutations";
    public static final String API_PATH = "/api/samples";
    /** The largest upload read, in bytes. These routes read their bodies as streams, so the app's 4 MB limit does not apply. */
    public static final long MAX_UPLOAD = 50L * 1024 * 1024;
    /**
     * The most pasted text taken, in bytes; a larger file is uploaded instead. Jetty holds a form's
     * text fields (all of them together, not its files) to 200 000 bytes, so this is a little less.
     */
    public static final int MAX_PASTE = 190 * 1024;
    /** Room for the form's other fields and the multipart framing around an upload. */
    private static final long FORM_OVERHEAD = 1024 * 1024;
    /**
     * The longest body read to its end when the answer is already known, so that the client reads the
     * answer rather than a reset connection ({@link miexplorer.web.http.RequestBody}): a body a little
     * over the limit gets its message; a much longer one is cut off.
     */
    static final long MAX_DRAIN = MAX_UPLOAD + 8L * 1024 * 1024;
    /** The most of one urlencoded field kept: room for {@link #MAX_PASTE} characters at 9 bytes each. */
    static final int MAX_URLENCODED = 9 * MAX_PASTE;
    /**
     * The most permutation work (shuffles × (observations + cells)) one request does when the test runs
     * in one go: the API, and the page without JavaScript. About two seconds here.
     */
    public static final long SYNC_WORK = 200_000_000L;
    /** Status for a form that was read but whose data or settings cannot be used. */
    static final int INVALID = 422;

    private final Templates templates;
    private final HeavyWork heavy;

    private DataRoutes(Templates templates, HeavyWork heavy) {
        this.templates = templates;
        this.heavy = heavy;
    }

    /** The page, its permutation steps and the API; every estimate is heavy work, admitted by {@code heavy}'s budget. */
    public static void register(RoutesConfig routes, Templates templates, HeavyWork heavy) {
        DataRoutes r = new DataRoutes(templates, heavy);
        routes.get(PATH, r::get);
        routes.post(PATH, r::post);
        routes.post(PERMUTATIONS_PATH, r::permutations);
        routes.post(API_PATH, ctx -> DataApi.post(ctx, heavy));
    }

    /** GET /data: the form with the example, or the state of a GET URL (small pasted data in {@code text}). */
    private void get(Context ctx) {
        Map<String, List<String>> params = ctx.queryParamMap();
        FieldErrors errors = new FieldErrors();
        DataSettings s;
        String text;
        if (params.containsKey("text")) {
            s = DataSettings.read(params, errors);
            text = params.get("text").get(0);
        } else {
            s = DataSettings.read(Map.of("permutations", List.of(String.valueOf(DataSettings.DEFAULT_PERMUTATIONS_ON_PAGE))), errors);
            text = DataView.EXAMPLE;
        }
        Outcome refused = check(s, text, null, errors);
        if (refused != null) {
            respond(ctx, refused.view(), 400);
            return;
        }
        if (text == DataView.EXAMPLE) {
            // The page as it opens: a few rows, a moment's work, never kept waiting behind other people's data.
            Outcome o = estimate(ctx, s, text, null, errors, SampleReader.RowAllowance.UNLIMITED, DataResult.Curve.BEFORE,
                    () -> Parallel.SERIAL);
            respond(ctx, o.view(), o.status());
            return;
        }
        admit(ctx, s, text, null, errors, () -> { });
    }

    /** POST /data: the form, multipart (with a file or pasted text) or urlencoded (pasted text). */
    private void post(Context ctx) {
        FieldErrors errors = new FieldErrors();
        Submission sub;
        try {
            sub = Submission.read(ctx);
        } catch (BadRequestResponse e) {
            drainRefused(ctx, true);
            throw e;
        }
        boolean admitted = false;
        try {
            DataSettings s = DataSettings.read(sub.params, errors);
            // Browsers send a textarea's line breaks as CRLF; LF reads the same and keeps GET URLs short.
            String text = sub.text().replace("\r\n", "\n");
            if (sub.tooLarge) {
                // The page's script refuses such a file before sending it; without the script the
                // settings came in the body that was not read, so they are shown at their defaults.
                errors.add("data", tooLarge() + " Nothing was read, not even the settings sent with it, so they are"
                        + " back at their defaults: choose a smaller file, then set them again (or go back in your browser).");
                drainRefused(ctx, !sub.refusedUnread);
                respond(ctx, DataView.form(s, "", errors), 413);
                return;
            }
            if (sub.file == null && sub.emptyFile != null) {
                errors.add("data", "The file “" + sub.emptyFile + "” is empty: there is no data in it.");
                respond(ctx, DataView.form(s, text, errors), INVALID);
                return;
            }
            if (sub.textTooLong) {
                errors.add("data", "The pasted text is longer than " + (MAX_PASTE / 1024) + " KB; choose it as a file instead (up to "
                        + (MAX_UPLOAD / (1024 * 1024)) + " MB).");
                drainRefused(ctx, true);
                respond(ctx, DataView.form(s, "", errors), 413);
                return;
            }
            Outcome refused = check(s, text, sub.file, errors);
            if (refused != null) {
                respond(ctx, refused.view(), refused.status());
                return;
            }
            admitted = true;
            admit(ctx, s, text, sub.file, errors, sub::cleanUp);
        } finally {
            if (!admitted) {
                sub.cleanUp();
            }
        }
    }

    /**
     * Estimates once the heavy-work budget admits the data (the page's answer then), or says the server
     * is busy (503, Retry-After) or that the data is more than this server reads at once (413); every
     * field typed is kept. {@code always} runs when the request is done with its file.
     */
    private void admit(Context ctx, DataSettings s, String text, Part file, FieldErrors errors, Runnable always) {
        DataDemand demand;
        try {
            demand = demand(s, text, file, true, heavy.budget());
        } catch (IOException e) {
            always.run();
            errors.add("data", "The upload could not be read to its end; try again.");
            respond(ctx, DataView.form(s, text, errors), INVALID);
            return;
        }
        try {
            heavy.run(ctx, demand.bytes(), 1, permit -> {
                Outcome o = estimate(ctx, s, text, file, errors, demand.allowance(permit), DataResult.Curve.of(demand),
                        cores(permit, demand));
                respond(ctx, o.view(), o.status());
            }, busy -> {
                ctx.header("Retry-After", String.valueOf(busy.retryAfterSeconds()));
                errors.add("data", busy(busy));
                respond(ctx, DataView.form(s, text, errors), 503);
            }, always);
        } catch (Budget.TooLarge e) {
            errors.add("data", demand.tooLarge(heavy.budget(), file != null ? file.getSize() : text.length(), s.ksg()));
            respond(ctx, DataView.form(s, text, errors), 413);
        }
    }

    /** What reading {@code file} (or else {@code text}) with {@code s} takes, from its first bytes. */
    private static DataDemand demand(DataSettings s, String text, Part file, boolean withCurve, Budget budget) throws IOException {
        if (file == null) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            return DataDemand.of(s, bytes, bytes.length, bytes.length, withCurve, budget);
        }
        try (InputStream in = file.getInputStream()) {
            byte[] head = in.readNBytes(DataDemand.HEAD);
            return DataDemand.of(s, head, head.length, file.getSize(), withCurve, budget);
        }
    }

    /** The page's message when the budget had no room in time; the API's too. */
    static String busy(Budget.Busy busy) {
        return "The server is busy with other people's data right now. Try again in " + busy.retryAfterSeconds()
                + " s: everything you chose is kept" + " (with JavaScript, the page sends it again by itself).";
    }

    /**
     * Reads and drops what is left of a form refused before its end, up to {@link #MAX_DRAIN} bytes,
     * so that the browser shows the answer.
     *
     * @param started whether some of the body has been read already
     */
    private static void drainRefused(Context ctx, boolean started) {
        RequestBody.drainRest(ctx.req(), null, started, MAX_DRAIN);
    }

    /** A view and the status to send it with. */
    private record Outcome(DataView view, int status) {
    }

    /** The refusal of data that cannot be estimated before it is read (problems in the settings, no data); null when it can. */
    private static Outcome check(DataSettings s, String text, Part file, FieldErrors errors) {
        if (!errors.isEmpty()) {
            return new Outcome(DataView.form(s, text, errors), INVALID);
        }
        if (file == null && text.isBlank()) {
            errors.add("data", "There is no data: paste some rows, or choose a file.");
            return new Outcome(DataView.form(s, text, errors), INVALID);
        }
        return null;
    }

    /** Reads the data (the file when one was chosen, else the text) and computes; problems go into {@code errors}. */
    private Outcome estimate(Context ctx, DataSettings s, String text, Part file, FieldErrors errors,
            SampleReader.RowAllowance allowance, DataResult.Curve curve, Supplier<Parallel> cores) {
        boolean fromFile = file != null;
        DataResult r;
        String source;
        try (InputStream in = fromFile ? file.getInputStream() : new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))) {
            source = fromFile ? "the file " + fileName(file) + " (" + size(file.getSize()) + ")" : DataView.PASTED;
            r = DataResult.compute(in, s.options(MAX_UPLOAD).withAllowance(allowance), s, curve, cores);
        } catch (SampleException e) {
            errors.add(e.field(), e.getMessage());
            return new Outcome(DataView.form(s, text, errors), e.problem() == SampleException.Problem.TOO_LARGE ? 413 : INVALID);
        } catch (IOException e) {
            errors.add("data", "The upload could not be read to its end; try again.");
            return new Outcome(DataView.form(s, text, errors), INVALID);
        } catch (Budget.Busy busy) {
            ctx.header("Retry-After", String.valueOf(busy.retryAfterSeconds()));
            errors.add("data", busy(busy));
            return new Outcome(DataView.form(s, text, errors), 503);
        }
        PermutationRun run = null;
        KsgRun ksgRun = null;
        int permutations = s.permutations();
        if (permutations > 0) {
            ContingencyTable t = r.table();
            boolean htmx = Htmx.isFragmentRequest(ctx);
            // A table small enough to travel with each step can be tested in steps: with htmx, small ones
            // that the page requests one after another; without, steps of SYNC_WORK, each a "Continue" button.
            boolean stepped = (long) t.rows() * t.cols() <= PermutationRun.MAX_CELLS;
            // The nearest-neighbour test's steps need the data: pasted text travels with them; a file only
            // with htmx, which sends the chosen file again with each step.
            NeighbourEstimate knn = r.knn();
            boolean ksgStepped = !fromFile || htmx;
            long inOne = (stepped ? 0 : DataResult.work(t, permutations))
                    + (knn != null && !ksgStepped ? DataResult.work(knn, permutations) : 0);
            if (inOne > SYNC_WORK) {
                errors.add("permutations", tooMuchWork(t, stepped ? null : t, knn != null && !ksgStepped ? knn : null, permutations)
                        + (knn != null && !ksgStepped ? " With JavaScript the page runs a longer test in steps, sending the file"
                        + " again with each; pasted data can go on without." : ""));
            } else {
                run = PermutationRun.start(t, s.seed(), permutations, stepped && htmx ? PermutationRun.CHUNK_WORK : SYNC_WORK);
                if (knn != null) {
                    ksgRun = KsgRun.start(knn, r.samples().values(), s, fromFile ? null : text, permutations,
                            ksgStepped && htmx ? KsgRun.CHUNK_WORK : SYNC_WORK, cores.get());
                }
            }
        }
        return new Outcome(DataView.of(s, text, source, errors, r, run, ksgRun), 200);
    }

    /**
     * POST /data/permutations: the next step of a permutation test, or its end when stopped. A step is
     * heavy work; when the budget has no room in time, the answer is the test as it was (503, Retry-After),
     * which the page sends again after the wait.
     */
    private void permutations(Context ctx) {
        Submission sub;
        try {
            sub = Submission.read(ctx);
        } catch (BadRequestResponse e) {
            drainRefused(ctx, true);
            throw e;
        }
        boolean admitted = false;
        try {
            Map<String, List<String>> params = sub.params;
            String text = sub.text().replace("\r\n", "\n");
            PermutationSteps before;
            DataDemand demand;
            try {
                if (KsgRun.isKsg(params)) {
                    KsgRun run = KsgRun.read(params, text);
                    before = run;
                    demand = demand(run.readSettings(), run.text() == null ? "" : run.text(), run.text() == null ? sub.file : null, false,
                            heavy.budget());
                } else {
                    PermutationRun run = PermutationRun.read(params);
                    before = run;
                    demand = DataDemand.ofTable(PermutationRun.decode(run.table()).n());
                }
            } catch (IllegalArgumentException e) {
                throw new BadRequestResponse("the permutation test's state is not valid: " + e.getMessage() + ".");
            } catch (IOException e) {
                throw new BadRequestResponse("the file sent with this step could not be read to its end.");
            }
            admitted = true;
            heavy.run(ctx, Math.min(demand.bytes(), heavy.budget().memory()), 1, permit -> {
                PermutationSteps done;
                try {
                    done = before instanceof KsgRun ? ksgStep(ctx, sub, text, demand, permit, cores(permit, demand)) : plugInStep(ctx, params);
                } catch (IllegalArgumentException e) {
                    throw new BadRequestResponse("the permutation test's state is not valid: " + e.getMessage() + ".");
                }
                sendStep(ctx, done, 200);
            }, busy -> {
                ctx.header("Retry-After", String.valueOf(busy.retryAfterSeconds()));
                sendStep(ctx, before, 503);
            }, sub::cleanUp);
        } finally {
            if (!admitted) {
                sub.cleanUp();
            }
        }
    }

    private void sendStep(Context ctx, PermutationSteps done, int status) {
        ctx.status(status);
        ctx.header("Vary", Htmx.REQUEST);
        if (Htmx.isFragmentRequest(ctx)) {
            String html = templates.render("data/permutation.jte", done);
            if (!done.running()) {
                // The end of the test goes to the live region; its steps do not.
                html += templates.render("layout/announce.jte", Map.of("text", done.announcement(), "oob", true));
            }
            ctx.html(html);
        } else {
            ctx.html(templates.render("data/permutationPage.jte", done));
        }
    }

    private static boolean stopAsked(Map<String, List<String>> params) {
        List<String> action = params.get("action");
        return action != null && action.contains("stop");
    }

    private static PermutationRun plugInStep(Context ctx, Map<String, List<String>> params) {
        PermutationRun run = PermutationRun.read(params);
        ContingencyTable t = PermutationRun.decode(run.table());
        if (stopAsked(params)) {
            return run.stop();
        }
        return run.finished() ? run : run.step(t, Htmx.isFragmentRequest(ctx) ? PermutationRun.CHUNK_WORK : SYNC_WORK);
    }

    /**
     * A step of the nearest-neighbour test: the data is read again (the text sent with the step, or the
     * file), estimated again with the test's settings, and checked against the checksum the test began with.
     */
    private static KsgRun ksgStep(Context ctx, Submission sub, String text, DataDemand demand, Budget.Permit permit,
            Supplier<Parallel> cores) {
        KsgRun run = KsgRun.read(sub.params, text);
        if (stopAsked(sub.params)) {
            return run.stop();
        }
        if (run.finished()) {
            return run;
        }
        if (run.text() == null && sub.file == null) {
            return run.stop("The file this test shuffles was not sent with this step: the page sends it again with each step"
                    + " when JavaScript is on. Estimate again to start a new test.");
        }
        DataResult r;
        try (InputStream in = run.text() == null ? sub.file.getInputStream()
                : new ByteArrayInputStream(run.text().getBytes(StandardCharsets.UTF_8))) {
            DataSettings s = run.readSettings();
            r = DataResult.compute(in, s.options(MAX_UPLOAD).withAllowance(demand.allowance(permit)), s, DataResult.Curve.NONE, cores);
        } catch (SampleException | IOException e) {
            return run.stop("The data sent with this step could not be read again (" + e.getMessage() + "), so the test stops here.");
        }
        NeighbourEstimate knn = r.knn();
        if (knn == null || !KsgRun.check(r.samples().values(), knn.k(), knn.seed()).equals(run.check())) {
            return run.stop("The data sent with this step is not the data the test began with (another file was chosen?),"
                    + " so the test stops here. Estimate again to test the new data.");
        }
        return run.step(knn, Htmx.isFragmentRequest(ctx) ? KsgRun.CHUNK_WORK : SYNC_WORK, cores.get());
    }

    /**
     * The cores for a request's estimate, on the heavy work's pool: the permit is admitted with one (to
     * read the data) and takes those of {@code demand}'s that are free when the estimate starts.
     */
    private Supplier<Parallel> cores(Budget.Permit permit, DataDemand demand) {
        return () -> Parallel.on(heavy.executor(), permit.widen(demand.threads()));
    }

    private void respond(Context ctx, DataView view, int status) {
        Htmx.respond(ctx, templates, status, "data/page.jte", () -> view, "data/explorer.jte", view, view.announcement(),
                view.ok() ? view.canonicalUrl() : null);
    }

    static int status(SampleException e) {
        return switch (e.problem()) {
            case TOO_LARGE -> 413;
            case BINARY -> 415;
            default -> 400;
        };
    }

    static String tooLarge() {
        return "The data is larger than " + (MAX_UPLOAD / (1024 * 1024)) + " MB, the most this app reads.";
    }

    static String tooMuchWork(ContingencyTable t, long permutations) {
        return tooMuchWork(t, t, null, permutations);
    }

    /**
     * The message for a permutation test too long for one request: {@code plugIn} and {@code knn} are the
     * tests that would run in it (either may be null), {@code t} the table, for its size.
     */
    static String tooMuchWork(ContingencyTable t, ContingencyTable plugIn, NeighbourEstimate knn, long permutations) {
        long perShuffle = (plugIn == null ? 0 : t.n() + (long) t.rows() * t.cols())
                + (knn == null ? 0 : NeighbourEstimate.shuffleWork(knn.n(), knn.k()));
        long most = SYNC_WORK / perShuffle;
        String what = knn == null ? "" : plugIn == null ? " of the " + estimatorName(knn) + " estimate"
                : " of the plug-in and " + estimatorName(knn) + " estimates";
        String size = knn == null || plugIn != null ? " observations in a " + t.rows() + " × " + t.cols() + " table" : " pairs";
        return permutations + " permutations" + what + " of " + t.n() + size + " is more work than one request does; ask for at most "
                + most + (most == 0 ? " (even one shuffle of this much data is more than one request does)" : "") + ".";
    }

    static String estimatorName(NeighbourEstimate knn) {
        return knn.method() == NeighbourEstimate.Method.KSG ? "KSG" : "Ross";
    }

    private static String fileName(Part file) {
        String name = file.getSubmittedFileName();
        if (name == null || name.isBlank()) {
            return "(no name)";
        }
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        return name.length() > 80 ? name.substring(0, 80) + "…" : name;
    }

    static String size(long bytes) {
        if (bytes >= 1024 * 1024) {
            return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
        }
        if (bytes >= 1024) {
            return String.format(java.util.Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return bytes + (bytes == 1 ? " byte" : " bytes");
    }

    /**
     * The form's fields and its file. A multipart body is parsed by Jetty with this route's own limits
     * (parts larger than 256 KB wait in temporary files, not in memory, and are deleted after the
     * request); the file is then read as a stream.
     */
    private static final class Submission {
        final Map<String, List<String>> params = new LinkedHashMap<>();
        Part file;
        boolean textTooLong;
        boolean tooLarge;
        /** Refused by its declared length, before any of it was read. */
        boolean refusedUnread;
        String emptyFile;
        private Collection<Part> parts = List.of();

        String text() {
            List<String> t = params.get("text");
            return t == null || t.isEmpty() ? "" : t.get(0);
        }

        static Submission read(Context ctx) {
            Submission s = new Submission();
            String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(java.util.Locale.ROOT);
            if (!type.startsWith("multipart/form-data")) {
                readUrlEncoded(ctx, s);
                return s;
            }
            if (ctx.req().getContentLengthLong() > MAX_UPLOAD + FORM_OVERHEAD) {
                s.tooLarge = true;
                s.refusedUnread = true;
                return s;
            }
            ctx.req().setAttribute("org.eclipse.jetty.multipartConfig", new MultipartConfigElement(
                    System.getProperty("java.io.tmpdir"), MAX_UPLOAD, MAX_UPLOAD + FORM_OVERHEAD, 256 * 1024));
            try {
                s.parts = ctx.req().getParts();
            } catch (Exception e) {
                String m = "";
                for (Throwable t = e; t != null && m.length() < 2000; t = t.getCause()) {
                    m += " " + t.getMessage();
                }
                m = m.toLowerCase(java.util.Locale.ROOT);
                if (m.contains("form is larger than max length")) {
                    // Jetty holds the form's text fields (not its files) to the context's form limit, 200 000 bytes.
                    s.textTooLong = true;
                    return s;
                }
                if (m.contains("exceed") || m.contains("too large") || m.contains("413")) {
                    s.tooLarge = true;
                    return s;
                }
                throw new BadRequestResponse("the form could not be read as multipart/form-data.");
            }
            for (Part p : s.parts) {
                if (p.getSubmittedFileName() != null) {
                    if (p.getName().equals("file") && p.getSize() > 0 && s.file == null) {
                        s.file = p;
                    } else if (p.getName().equals("file") && p.getSize() == 0 && !p.getSubmittedFileName().isBlank()) {
                        s.emptyFile = p.getSubmittedFileName(); // chosen but empty, which is not the same as none chosen
                    }
                    continue;
                }
                boolean isText = p.getName().equals("text");
                int limit = isText ? MAX_PASTE : 64 * 1024;
                try (InputStream in = p.getInputStream()) {
                    byte[] bytes = in.readNBytes(limit + 1);
                    if (bytes.length > limit) {
                        if (isText) {
                            s.textTooLong = true;
                            continue;
                        }
                        throw new BadRequestResponse("the form field " + p.getName() + " is too long.");
                    }
                    s.params.computeIfAbsent(p.getName(), k -> new java.util.ArrayList<>())
                            .add(new String(bytes, StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new BadRequestResponse("the form could not be read to its end.");
                }
            }
            return s;
        }

        /**
         * An urlencoded form, read here as a stream with this route's own limits rather than by the
         * framework: Jetty silently drops a form over its 200 000 bytes (the text then looked missing),
         * and Javalin's 4 MB limit answers with a message about the other routes. Each field is kept up
         * to its limit (percent-encoding makes a character of pasted text up to 9 bytes) and the rest of
         * it skipped, so the settings typed beside too long a text still come back.
         */
        private static void readUrlEncoded(Context ctx, Submission s) {
            if (ctx.req().getContentLengthLong() > MAX_UPLOAD + FORM_OVERHEAD) {
                s.tooLarge = true;
                s.refusedUnread = true;
                return;
            }
            try (InputStream in = new java.io.BufferedInputStream(ctx.req().getInputStream(), 64 * 1024)) {
                long total = 0;
                java.io.ByteArrayOutputStream key = new java.io.ByteArrayOutputStream();
                java.io.ByteArrayOutputStream value = new java.io.ByteArrayOutputStream();
                boolean inValue = false;
                boolean overflow = false;
                for (int b = in.read(); ; b = in.read()) {
                    if (b == -1 || b == '&') {
                        if (key.size() > 0 || value.size() > 0) {
                            String k = decode(key);
                            if (overflow && !k.equals("text")) {
                                throw new BadRequestResponse("the form field " + k + " is too long.");
                            }
                            if (overflow) {
                                s.textTooLong = true;
                            } else {
                                s.params.computeIfAbsent(k, x -> new java.util.ArrayList<>()).add(decode(value));
                            }
                        }
                        if (b == -1) {
                            break;
                        }
                        key.reset();
                        value.reset();
                        inValue = false;
                        overflow = false;
                    } else if (++total > MAX_UPLOAD + FORM_OVERHEAD) {
                        s.tooLarge = true;
                        s.params.clear();
                        return;
                    } else if (!inValue && b == '=') {
                        inValue = true;
                    } else if (!inValue) {
                        if (key.size() >= 1024) {
                            throw new BadRequestResponse("the form has a field name longer than 1024 bytes.");
                        }
                        key.write(b);
                    } else if (value.size() < MAX_URLENCODED) {
                        value.write(b);
                    } else {
                        overflow = true; // the rest of this field is skipped
                    }
                }
            } catch (IOException e) {
                throw new BadRequestResponse("the form could not be read to its end.");
            }
            s.textTooLong |= s.text().length() > MAX_PASTE;
        }

        private static String decode(java.io.ByteArrayOutputStream bytes) {
            try {
                // urlencoded text is ASCII; the percent escapes decode as UTF-8
                return URLDecoder.decode(bytes.toString(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new BadRequestResponse("the form could not be read: it is not valid application/x-www-form-urlencoded.");
            }
        }

        void cleanUp() {
            for (Part p : parts) {
                try {
                    p.delete();
                } catch (IOException | RuntimeException e) {
                    // Jetty deletes its temporary files at the end of the request anyway.
                }
            }
        }
    }
}
