package miexplorer.web.mi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import miexplorer.info.Analysis;
import miexplorer.info.JointDistribution;
import miexplorer.info.LogBase;
import miexplorer.web.FieldErrors;

/**
 * POST /api/mi: the explorer's numbers as JSON, at full double precision. The request is read
 * into the same {@link MiInput} the form makes and checked by the same rules, so the API and the
 * page agree on what is valid and on every number.
 */
final class MiApi {
    /** Decimals are read as BigDecimal so a number is quoted back as it was written (1E+400, not Infinity). */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private MiApi() {
    }

    /** The answer; {@code p} is the normalised table. */
    record Result(String unit, double[][] p, double[] px, double[] py, double entropyX, double entropyY,
            double jointEntropy, double conditionalEntropyXGivenY, double conditionalEntropyYGivenX,
            double mutualInformation) {
    }

    record Problem(String field, String message) {
    }

    static void post(Context ctx) {
        FieldErrors errors = new FieldErrors();
        String text = ctx.body(); // a body over the limit throws here and is answered with 413
        JsonNode body;
        try {
            body = JSON.readTree(text);
        } catch (Exception e) {
            fail(ctx, List.of(new Problem("body", "The body is not valid JSON.")));
            return;
        }
        if (body == null || !body.isObject()) {
            fail(ctx, List.of(new Problem("body", "The body must be a JSON object such as {\"p\": [[0.36, 0.04], [0.12, 0.48]]}.")));
            return;
        }
        Map<String, List<String>> params = new LinkedHashMap<>();
        JsonNode p = body.get("p");
        if (p == null || !p.isArray() || p.isEmpty()) {
            fail(ctx, List.of(new Problem("p", "p must be a non-empty array of rows, such as [[0.36, 0.04], [0.12, 0.48]].")));
            return;
        }
        List<String> cells = new ArrayList<>();
        List<Problem> shape = new ArrayList<>();
        int cols = p.get(0).isArray() ? p.get(0).size() : 0;
        for (int i = 0; i < p.size(); i++) {
            JsonNode row = p.get(i);
            if (!row.isArray() || row.isEmpty()) {
                shape.add(new Problem("p[" + i + "]", "Row " + i + " must be a non-empty array of cells."));
                continue;
            }
            if (row.size() != cols) {
                shape.add(new Problem("p[" + i + "]", "Row " + i + " has " + row.size() + " cells, but row 0 has "
                        + cols + "; the table must be rectangular."));
                continue;
            }
            for (int j = 0; j < row.size(); j++) {
                JsonNode cell = row.get(j);
                if (cell.isNumber() || cell.isTextual()) {
                    cells.add(cell.asText());
                } else {
                    shape.add(new Problem("p[" + i + "][" + j + "]", "A cell must be a number or a string such as \"9/25\"."));
                }
            }
        }
        if (shape.isEmpty()) {
            labels(body, "xLabels", "xl", p.size(), params, shape);
            labels(body, "yLabels", "yl", cols, params, shape);
        }
        if (!shape.isEmpty()) {
            fail(ctx, shape);
            return;
        }
        params.put("c", cells);
        text(body, "xName", "x", params, errors);
        text(body, "yName", "y", params, errors);
        text(body, "base", "base", params, errors);
        text(body, "kind", "kind", params, errors);

        MiForm.Read read = MiForm.read(params);
        read.errors().asMap().forEach(errors::add);
        MiForm.Checked checked = MiForm.check(read.input(), errors);
        if (!checked.ok()) {
            List<Problem> problems = new ArrayList<>();
            errors.asMap().forEach((field, message) -> problems.add(new Problem(apiField(field), message)));
            fail(ctx, problems);
            return;
        }
        LogBase base = checked.input().base();
        JointDistribution d = JointDistribution.fromWeights(checked.weights());
        Analysis a = Analysis.of(d, base);
        ctx.json(new Result(base.unit(), d.cells(), d.px(), d.py(), a.entropyX(), a.entropyY(), a.jointEntropy(),
                a.conditionalEntropyXGivenY(), a.conditionalEntropyYGivenX(), a.mutualInformation()));
    }

    /** Labels as given, or x1, x2, … when absent; the count must match the table. */
    private static void labels(JsonNode body, String name, String param, int size, Map<String, List<String>> params,
            List<Problem> problems) {
        JsonNode node = body.get(name);
        List<String> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            for (int k = 1; k <= size; k++) {
                out.add(param.charAt(0) + String.valueOf(k));
            }
        } else if (!node.isArray()) {
            problems.add(new Problem(name, name + " must be an array of strings."));
            return;
        } else if (node.size() != size) {
            problems.add(new Problem(name, name + " has " + node.size() + " labels, but the table has " + size + "."));
            return;
        } else {
            for (JsonNode n : node) {
                out.add(n.isValueNode() ? n.asText() : "");
            }
        }
        params.put(param, out);
    }

    private static void text(JsonNode body, String name, String param, Map<String, List<String>> params, FieldErrors errors) {
        JsonNode node = body.get(name);
        if (node == null || node.isNull()) {
            return;
        }
        if (!node.isValueNode()) {
            errors.add(name, name + " must be a string.");
            return;
        }
        params.put(param, List.of(node.asText()));
    }

    /** The API's names for the form's fields. */
    private static String apiField(String field) {
        if (field.startsWith("xl[")) {
            return "xLabels" + field.substring(2);
        }
        if (field.startsWith("yl[")) {
            return "yLabels" + field.substring(2);
        }
        return switch (field) {
            case "x" -> "xName";
            case "y" -> "yName";
            case "sum", "table" -> "p";
            default -> field;
        };
    }

    private static void fail(Context ctx, List<Problem> problems) {
        ctx.status(400).json(Map.of("errors", problems));
    }
}
