package miexplorer.web.attention;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import miexplorer.attention.MultiQueryAttention;
import miexplorer.attention.QueryAttention;
import miexplorer.info.Analysis;
import miexplorer.info.LogBase;
import miexplorer.web.form.FieldErrors;
import miexplorer.web.http.JsonBody;

/**
 * POST /api/attention. The JSON is turned into the same typed input as the form and checked by
 * the same rules, so the page and the API agree on what is valid and on every number.
 */
final class AttentionApi {
    private AttentionApi() {
    }

    static void post(Context ctx) {
        JsonNode body = JsonBody.object(ctx, "{\"q\": [1, 0], \"k\": [[1, 0], [0, 1]]}");
        if (body == null) {
            return;
        }
        List<JsonBody.Problem> problems = new ArrayList<>();
        JsonNode q = body.get("q");
        boolean matrix = q != null && q.isArray() && q.size() > 0 && q.get(0).isArray();
        List<String> queries = rows(q, "q", matrix, problems);
        List<String> keys = rows(body.get("k"), "k", true, problems);
        JsonNode v = body.get("v");
        List<String> values = v == null || v.isNull() ? List.of() : rows(v, "v", true, problems);
        boolean scale = true;
        JsonNode s = body.get("scale");
        if (s != null && !s.isNull()) {
            if (!s.isBoolean()) {
                problems.add(new JsonBody.Problem("scale", "scale must be true or false."));
            } else {
                scale = s.asBoolean();
            }
        }
        AttentionInput.Additive additive = null;
        boolean additiveAsked = false;
        JsonNode score = body.get("score");
        if (score != null && !score.isNull()) {
            switch (score.isTextual() ? score.asText() : "") {
                case "scaled-dot" -> scale = true;
                case "dot" -> scale = false;
                case "additive" -> {
                    additiveAsked = true;
                    additive = additive(body, problems);
                }
                default -> problems.add(new JsonBody.Problem("score", "score must be \"scaled-dot\", \"dot\" or \"additive\"."));
            }
        }
        if (!additiveAsked) {
            for (String name : List.of("wq", "wk", "va")) {
                if (body.hasNonNull(name)) {
                    problems.add(new JsonBody.Problem(name, name + " belongs to additive scores: send \"score\": \"additive\" with it."));
                }
            }
        }
        String temperature = "1";
        JsonNode t = body.get("temperature");
        if (t != null && !t.isNull()) {
            if (!t.isNumber() && !t.isTextual()) {
                problems.add(new JsonBody.Problem("temperature", "temperature must be a number above 0."));
            } else {
                temperature = t.asText();
            }
        }
        List<String> prior = new ArrayList<>();
        JsonNode p = body.get("prior");
        if (p != null && !p.isNull()) {
            if (!matrix || !p.isArray()) {
                problems.add(new JsonBody.Problem("prior", "prior is an array of weights, one per query, for a matrix q."));
            } else {
                for (JsonNode w : p) {
                    prior.add(w.isValueNode() ? w.asText() : "?");
                }
            }
        }
        if (!problems.isEmpty()) {
            JsonBody.fail(ctx, problems);
            return;
        }
        if (values.size() != 0 && values.size() != keys.size()) {
            JsonBody.fail(ctx, List.of(new JsonBody.Problem("v", "There are " + keys.size() + " keys but " + values.size() + " values; give one value per key.")));
            return;
        }
        if (!prior.isEmpty() && prior.size() != queries.size()) {
            JsonBody.fail(ctx, List.of(new JsonBody.Problem("prior", "There are " + queries.size() + " queries but " + prior.size() + " prior weights.")));
            return;
        }
        List<String> queryLabels = numbered("q", queries.size());
        List<String> keyLabels = numbered("k", keys.size());
        AttentionInput in = new AttentionInput(queryLabels, queries, prior.isEmpty() ? blanks(queries.size()) : prior,
                keyLabels, keys, values.isEmpty() ? blanks(keys.size()) : values, scale, temperature, AttentionInput.DEFAULT_DIGITS,
                additive);
        FieldErrors errors = new FieldErrors();
        AttentionInput.Checked c = in.check(errors);
        if (!c.ok()) {
            List<JsonBody.Problem> out = new ArrayList<>();
            errors.asMap().forEach((field, message) -> out.add(new JsonBody.Problem(apiField(field, matrix), message)));
            JsonBody.fail(ctx, out);
            return;
        }
        ctx.json(answer(c.result(), matrix, c.values() != null));
    }

    /** W_q, W_k (arrays of rows) and v (an array) of additive scores; null with problems when one is missing or not of that shape. */
    private static AttentionInput.Additive additive(JsonNode body, List<JsonBody.Problem> problems) {
        int before = problems.size();
        List<String> wq = rows(body.get("wq"), "wq", true, problems);
        List<String> wk = rows(body.get("wk"), "wk", true, problems);
        List<String> va = rows(body.get("va"), "va", false, problems);
        if (problems.size() > before) {
            return null;
        }
        if (wq.size() != wk.size()) {
            problems.add(new JsonBody.Problem("wk", "wq has " + wq.size() + " rows and wk " + wk.size() + "; both need h rows, one per hidden unit."));
            return null;
        }
        return new AttentionInput.Additive(wq, wk, va.get(0));
    }

    /** The answer: one query's arrays, or for a matrix q each array with a leading query dimension. */
    private static Map<String, Object> answer(MultiQueryAttention a, boolean matrix, boolean withOutput) {
        Map<String, Object> out = new LinkedHashMap<>();
        List<QueryAttention> rows = a.rows();
        if (!matrix) {
            QueryAttention r = rows.get(0);
            out.put("scores", r.scores());
            out.put("scaledScores", r.scaledScores());
            out.put("weights", r.weights());
            out.put("entropyBits", r.entropyBits());
            out.put("maxEntropyBits", r.maxEntropyBits());
            out.put("effectiveKeys", r.effectiveKeys());
            if (withOutput) {
                out.put("output", r.output());
            }
            return out;
        }
        out.put("scores", rows.stream().map(QueryAttention::scores).toList());
        out.put("scaledScores", rows.stream().map(QueryAttention::scaledScores).toList());
        out.put("weights", rows.stream().map(QueryAttention::weights).toList());
        out.put("entropyBits", rows.stream().map(QueryAttention::entropyBits).toList());
        out.put("maxEntropyBits", rows.stream().map(QueryAttention::maxEntropyBits).toList());
        out.put("effectiveKeys", rows.stream().map(QueryAttention::effectiveKeys).toList());
        if (withOutput) {
            out.put("output", rows.stream().map(QueryAttention::output).toList());
        }
        out.put("queryKeyMutualInformationBits", Analysis.of(a.joint(), LogBase.TWO).mutualInformation());
        return out;
    }

    /** Rows of numbers as the form's vector text ("1, 0, 1"); one row when {@code matrix} is false. */
    private static List<String> rows(JsonNode node, String name, boolean matrix, List<JsonBody.Problem> problems) {
        List<String> out = new ArrayList<>();
        if (node == null || !node.isArray() || node.isEmpty()) {
            problems.add(new JsonBody.Problem(name, name + " must be a non-empty array" + (matrix ? " of arrays of numbers." : " of numbers.")));
            return out;
        }
        if (!matrix) {
            String row = row(node, name, problems);
            if (row != null) {
                out.add(row);
            }
            return out;
        }
        for (int i = 0; i < node.size(); i++) {
            String row = row(node.get(i), name + "[" + i + "]", problems);
            if (row != null) {
                out.add(row);
            }
        }
        return out;
    }

    private static String row(JsonNode node, String field, List<JsonBody.Problem> problems) {
        if (!node.isArray() || node.isEmpty()) {
            problems.add(new JsonBody.Problem(field, field + " must be a non-empty array of numbers."));
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (int d = 0; d < node.size(); d++) {
            JsonNode x = node.get(d);
            if (!x.isNumber() && !x.isTextual()) {
                problems.add(new JsonBody.Problem(field, field + "[" + d + "] must be a number."));
                return null;
            }
            String s = x.asText().strip();
            if (s.isEmpty() || s.contains(",") || s.contains(" ")) {
                problems.add(new JsonBody.Problem(field, field + "[" + d + "]: “" + s + "” is not a number."));
                return null;
            }
            parts.add(s);
        }
        return String.join(", ", parts);
    }

    private static List<String> numbered(String prefix, int n) {
        List<String> out = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            out.add(prefix + i);
        }
        return out;
    }

    private static List<String> blanks(int n) {
        return new ArrayList<>(java.util.Collections.nCopies(n, ""));
    }

    /** The API's names for the form's fields: q (or q[r] for a matrix), k[j], v[j], temperature, prior[r], wq[j], wk[j], va. */
    private static String apiField(String field, boolean matrix) {
        if (!matrix && field.equals("q[0]")) {
            return "q";
        }
        return switch (field) {
            case "temp" -> "temperature";
            case "queries" -> "q";
            case "keys" -> "k";
            default -> field;
        };
    }

}
