package miexplorer.web.practice;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import miexplorer.practice.Answer;
import miexplorer.practice.AnswerFormatException;
import miexplorer.practice.Exercise;
import miexplorer.practice.ExerciseData;
import miexplorer.practice.ExerciseKind;
import miexplorer.practice.Level;
import miexplorer.practice.Verdict;
import miexplorer.web.form.Fields;
import miexplorer.web.http.JsonBody;

/**
 * The practice API: {@code GET /api/practice} lists the kinds; {@code GET /api/practice/{kind}?seed=N&level=L}
 * gives one exercise (its question and its numbers in the explorers' own shapes, never its answer);
 * {@code POST /api/practice/{kind}/check} with {@code {"seed", "level", "answer"}} judges an answer.
 */
final class PracticeApi {
    static final String PATH = "/api/practice";

    private PracticeApi() {
    }

    static void kinds(Context ctx) {
        List<Map<String, Object>> kinds = new ArrayList<>();
        for (ExerciseKind k : ExerciseKind.values()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", k.id());
            m.put("title", k.title());
            m.put("section", k.section());
            m.put("levels", k.levels().stream().map(Level::key).toList());
            kinds.add(m);
        }
        ctx.json(Map.of("kinds", kinds));
    }

    static void exercise(Context ctx) {
        ExerciseKind kind = kind(ctx);
        PracticeForm form = PracticeForm.read(kind, Fields.ofQuery(ctx));
        if (form.ok()) {
            ctx.json(describe(kind.generate(form.seed(), form.level())));
            return;
        }
        if (form.seed() == null && !form.errors().has("seed")) {
            form.errors().add("seed", "Give a seed: a whole number from 0 to " + ExerciseKind.MAX_SEED + ".");
        }
        JsonBody.fail(ctx, form.errors(), f -> f);
    }

    static void check(Context ctx) {
        ExerciseKind kind = kind(ctx);
        JsonNode body = JsonBody.object(ctx, "{\"seed\": 1, \"level\": \"easy\", \"answer\": \"0.378\"}");
        if (body == null) {
            return;
        }
        Map<String, List<String>> fields = new LinkedHashMap<>();
        List<JsonBody.Problem> problems = new ArrayList<>();
        JsonNode seed = body.get("seed");
        if (seed == null || !(seed.isIntegralNumber() || seed.isTextual())) {
            problems.add(new JsonBody.Problem("seed", "Give the exercise's seed: a whole number from 0 to " + ExerciseKind.MAX_SEED + "."));
        } else {
            fields.put("seed", List.of(seed.asText()));
        }
        JsonNode level = body.get("level");
        if (level != null && !level.isTextual()) {
            problems.add(new JsonBody.Problem("level", "The level is a string: \"easy\", \"medium\" or \"hard\"."));
        } else if (level != null) {
            fields.put("level", List.of(level.asText()));
        }
        JsonNode answer = body.get("answer");
        if (answer == null || !(answer.isTextual() || answer.isNumber())) {
            problems.add(new JsonBody.Problem("answer", "Give the answer as a string, as it would be typed, such as \"0.378\" or"
                    + " \"1 - 0.593\"."));
        }
        PracticeForm form = PracticeForm.read(kind, Fields.of(fields));
        form.errors().asMap().forEach((field, message) -> problems.add(new JsonBody.Problem(field, message)));
        if (!problems.isEmpty()) {
            JsonBody.fail(ctx, problems);
            return;
        }
        Exercise e = kind.generate(form.seed(), form.level());
        Verdict v;
        try {
            v = e.check(answer.asText());
        } catch (AnswerFormatException bad) {
            JsonBody.fail(ctx, List.of(new JsonBody.Problem("answer", bad.getMessage())));
            return;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("correct", v.correct());
        out.put("expected", value(v.expected()));
        out.put("value", value(v.value()));
        out.put("message", v.message());
        out.put("mistake", v.mistake());
        out.put("fromRounding", v.fromRounding());
        ctx.json(out);
    }

    private static ExerciseKind kind(Context ctx) {
        ExerciseKind kind = ExerciseKind.fromId(ctx.pathParam("kind"));
        if (kind == null) {
            throw new NotFoundResponse("There is no kind of exercise called " + ctx.pathParam("kind") + "; GET " + PATH + " lists them.");
        }
        return kind;
    }

    /** An exercise without its answer: what it asks and its numbers, in the explorers' own shapes. */
    static Map<String, Object> describe(Exercise e) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("kind", e.kind().id());
        out.put("seed", e.seed());
        out.put("level", e.level().key());
        out.put("question", e.question());
        out.put("asked", e.asked());
        out.put("unit", e.unit());
        out.put("digits", e.digits());
        ExerciseData d = e.data();
        if (d instanceof ExerciseData.Table t) {
            out.putAll(table(t, -1, -1));
        } else if (d instanceof ExerciseData.TableCell c) {
            boolean missing = e.asked().equals("missingCell");
            out.putAll(table(c.table(), missing ? c.row() : -1, missing ? c.column() : -1));
            out.put(missing ? "missing" : "cell", List.of(c.row(), c.column()));
        } else if (d instanceof ExerciseData.TablePair p) {
            out.put("tables", List.of(table(p.first(), -1, -1), table(p.second(), -1, -1)));
        } else if (d instanceof ExerciseData.ThreeWayTable t) {
            out.put("p", t.cells());
            out.put("kind", t.counts() ? "counts" : "probabilities");
            out.put("xName", t.xName());
            out.put("yName", t.yName());
            out.put("zName", t.zName());
            out.put("xLabels", t.xLabels());
            out.put("yLabels", t.yLabels());
            out.put("zLabels", t.zLabels());
            out.put("base", t.base().key());
        } else {
            ExerciseData.AttentionRow a = (ExerciseData.AttentionRow) d;
            out.put("q", a.query());
            out.put("k", a.keys());
            if (a.values() != null) {
                out.put("v", a.values());
            }
            out.put("scale", a.scale());
            out.put("temperature", a.temperature());
        }
        return out;
    }

    /** A table as /api/mi takes it; the cell at (row, column), when given, left out (null): the question asks for it. */
    private static Map<String, Object> table(ExerciseData.Table t, int row, int column) {
        Map<String, Object> m = new LinkedHashMap<>();
        double[][] cells = t.cells();
        List<List<Double>> p = new ArrayList<>();
        for (int i = 0; i < cells.length; i++) {
            List<Double> r = new ArrayList<>();
            for (int j = 0; j < cells[i].length; j++) {
                r.add(i == row && j == column ? null : cells[i][j]);
            }
            p.add(r);
        }
        m.put("p", p);
        m.put("kind", t.counts() ? "counts" : "probabilities");
        m.put("xName", t.xName());
        m.put("yName", t.yName());
        m.put("xLabels", t.xLabels());
        m.put("yLabels", t.yLabels());
        m.put("base", t.base().key());
        return m;
    }

    private static Object value(Answer a) {
        if (a instanceof Answer.Scalar s) {
            return s.value();
        }
        if (a instanceof Answer.Vector v) {
            return Arrays.stream(v.values()).boxed().toList();
        }
        return ((Answer.Choice) a).letter();
    }
}
