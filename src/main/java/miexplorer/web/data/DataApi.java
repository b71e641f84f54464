package miexplorer.web.data;

import io.javalin.http.Context;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import miexplorer.data.ContingencyTable;
import miexplorer.data.NeighbourEstimate;
import miexplorer.data.Parallel;
import miexplorer.data.PermutationTest;
import miexplorer.data.SampleEstimates;
import miexplorer.data.SampleException;
import miexplorer.data.SampleReader;
import miexplorer.web.form.FieldErrors;
import miexplorer.web.http.RequestBody;
import miexplorer.web.server.Budget;
import miexplorer.web.server.HeavyWork;

/**
 * POST /api/samples: the CSV (or TSV) is the request body, read as a stream with this route's own
 * limit ({@link DataRoutes#MAX_UPLOAD}), never as one string; the settings are query parameters
 * ({@link DataSettings}). The answer is JSON at full double precision.
 */
final class DataApi {
    private DataApi() {
    }

    record Problem(String field, String message) {
    }

    static void post(Context ctx, HeavyWork heavy) throws IOException {
        // Every answer given before the end of the body reads the rest first (RequestBody explains why).
        FieldErrors errors = new FieldErrors();
        DataSettings s = DataSettings.read(ctx.queryParamMap(), errors);
        if (!errors.isEmpty()) {
            List<Problem> problems = new ArrayList<>();
            errors.asMap().forEach((field, message) -> problems.add(new Problem(field, message)));
            fail(ctx, null, 400, problems);
            return;
        }
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(java.util.Locale.ROOT);
        if (type.startsWith("multipart/")) {
            fail(ctx, null, 415, List.of(new Problem("body", "Send the CSV itself as the body (Content-Type: text/csv), not a "
                    + "multipart form; the form with a file upload is the page at " + DataRoutes.PATH + ".")));
            return;
        }
        long declared = ctx.req().getContentLengthLong();
        if (declared > DataRoutes.MAX_UPLOAD) {
            fail(ctx, null, 413, List.of(new Problem("body", DataRoutes.tooLarge())));
            return;
        }
        // Asked for only now: Jetty answers a client's "Expect: 100-continue" when the stream is first asked for.
        RequestBody body = new RequestBody(ctx.req().getInputStream()); // not ctx.body(): that holds it all in memory
        // The first lines tell how long the rows are, so how many there are and how much heap they take.
        byte[] head;
        try {
            head = body.readNBytes(DataDemand.HEAD);
        } catch (IOException e) {
            fail(ctx, body, 400, List.of(new Problem("body", "The data could not be read to its end (" + e.getMessage() + ").")));
            return;
        }
        DataDemand demand = DataDemand.of(s, head, head.length, declared < 0 ? DataRoutes.MAX_UPLOAD : declared, false,
                heavy.budget());
        try {
            heavy.run(ctx, demand.bytes(), 1, permit -> estimate(ctx, s, demand, permit, head, body, heavy.executor()),
                    busy -> busy(ctx, body, busy), () -> { });
        } catch (Budget.TooLarge e) {
            fail(ctx, body, 413, List.of(new Problem("body", demand.tooLarge(heavy.budget(), Math.max(declared, head.length), s.ksg()))));
        }
    }

    /** The estimates and their permutation tests, once the budget has admitted them. */
    private static void estimate(Context ctx, DataSettings s, DataDemand demand, Budget.Permit permit, byte[] head,
            RequestBody body, Executor pool) {
        DataResult r;
        try {
            InputStream in = new SequenceInputStream(new ByteArrayInputStream(head), body);
            r = DataResult.compute(in, s.options(DataRoutes.MAX_UPLOAD).withAllowance(demand.allowance(permit)), s, DataResult.Curve.NONE,
                    () -> Parallel.on(pool, permit.widen(demand.threads())));
        } catch (SampleException e) {
            fail(ctx, body, DataRoutes.status(e), List.of(new Problem(apiField(e.field(), ctx.queryParamMap()), e.getMessage())));
            return;
        } catch (Budget.Busy e) {
            busy(ctx, body, e);
            return;
        }
        Parallel threads = Parallel.on(pool, permit.threads());
        int permutations = s.permutations();
        PermutationTest.Tally tally = null;
        PermutationTest.Tally knnTally = null;
        NeighbourEstimate knn = r.knn();
        if (permutations > 0) {
            long work = DataResult.work(r.table(), permutations) + (knn == null ? 0 : DataResult.work(knn, permutations));
            if (work > DataRoutes.SYNC_WORK) {
                fail(ctx, body, 422, List.of(new Problem("permutations", DataRoutes.tooMuchWork(r.table(), r.table(), knn,
                        permutations))));
                return;
            }
            tally = PermutationTest.run(r.table(), s.seed(), 0, permutations);
            if (knn != null) {
                knnTally = PermutationTest.run(knn.n(), order -> knn.rawNatsPermuted(order, threads), knn.rawNats(), s.seed(), 0,
                        permutations);
            }
        }
        ctx.json(answer(r, s, tally, knnTally));
    }

    /** 503 with Retry-After: the budget had no room in time. */
    private static void busy(Context ctx, RequestBody body, Budget.Busy busy) {
        ctx.header("Retry-After", String.valueOf(busy.retryAfterSeconds()));
        fail(ctx, body, 503, List.of(new Problem("request", DataRoutes.busy(busy))));
    }

    static Map<String, Object> answer(DataResult r, DataSettings s, PermutationTest.Tally tally, PermutationTest.Tally knnTally) {
        ContingencyTable t = r.table();
        SampleEstimates e = r.estimates();
        SampleReader.Samples sm = r.samples();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("n", e.n());
        out.put("xName", sm.xName());
        out.put("yName", sm.yName());
        out.put("xCategories", t.xCategories());
        out.put("yCategories", t.yCategories());
        out.put("counts", t.counts());
        out.put("unit", e.base().unit());
        out.put("mutualInformation", e.mutualInformation());
        out.put("mutualInformationMillerMadow", e.mutualInformationMillerMadow());
        out.put("entropyX", e.entropyX());
        out.put("entropyY", e.entropyY());
        out.put("jointEntropy", e.jointEntropy());
        out.put("entropyXMillerMadow", e.entropyXMillerMadow());
        out.put("entropyYMillerMadow", e.entropyYMillerMadow());
        out.put("jointEntropyMillerMadow", e.jointEntropyMillerMadow());
        out.put("gStatistic", e.gStatistic());
        out.put("degreesOfFreedom", e.degreesOfFreedom());
        out.put("gTestPValue", e.gTestPValue());
        NeighbourEstimate knn = r.knn();
        if (s.ksg()) {
            // Which estimator gave mutualInformationKsg: KSG for two numeric columns, Ross for a numeric and a
            // categorical one, and for two categorical columns the plug-in estimate (there is no other).
            SampleReader.Values v = sm.values();
            out.put("xKind", v.xNumeric() ? "numeric" : "categorical");
            out.put("yKind", v.yNumeric() ? "numeric" : "categorical");
            out.put("estimatorKsg", knn == null ? "plugin" : knn.method().key());
            out.put("k", s.k());
            out.put("mutualInformationKsg", knn == null ? e.mutualInformation() : knn.nats() * toUnit(s));
        }
        if (tally != null) {
            out.put("permutationPValue", tally.pValue());
            if (s.ksg()) {
                out.put("permutationPValueKsg", knnTally == null ? tally.pValue() : knnTally.pValue());
            }
            out.put("permutations", tally.done());
        }
        if (tally != null || s.ksg()) {
            out.put("seed", s.seed());
        }
        out.put("rows", sm.rows());
        out.put("skippedRows", sm.skipped());
        List<Map<String, Object>> skipped = new ArrayList<>();
        for (SampleReader.Skipped k : sm.firstSkipped()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("line", k.line());
            m.put("reason", k.reason());
            skipped.add(m);
        }
        out.put("skipped", skipped);
        List<String> notes = new ArrayList<>();
        if (sm.xNote() != null) {
            notes.add(sm.xName() + ": " + sm.xNote());
        }
        if (sm.yNote() != null) {
            notes.add(sm.yName() + ": " + sm.yNote());
        }
        if (knn != null && knn.ties()) {
            notes.add(DataView.tieSentence(knn, sm));
        }
        if (!notes.isEmpty()) {
            out.put("notes", notes);
        }
        return out;
    }

    private static double toUnit(DataSettings s) {
        return s.base() == miexplorer.info.LogBase.E ? 1 : s.base().log(Math.E);
    }

    /**
     * The API's name for a problem's field: the data is the body, and a column's bins are {@code bins}
     * when the request set both columns' bins with that one parameter.
     */
    private static String apiField(String field, Map<String, List<String>> params) {
        if (field.equals("data")) {
            return "body";
        }
        boolean perColumn = params.containsKey("xbins") || params.containsKey("ybins");
        return (field.equals("xbins") || field.equals("ybins")) && !perColumn && params.containsKey("bins") ? "bins" : field;
    }

    /** An answer with problems, once the rest of the body is read; {@code body} is null when none was asked for yet. */
    private static void fail(Context ctx, RequestBody body, int status, List<Problem> problems) {
        RequestBody.drainRest(ctx.req(), body, body != null && body.bytesRead() > 0, DataRoutes.MAX_DRAIN);
        ctx.status(status).json(Map.of("errors", problems));
    }
}
