package miexplorer.web.mi;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import miexplorer.info.Analysis;
import miexplorer.info.JointDistribution;
import miexplorer.info.LogBase;
import miexplorer.web.form.FieldErrors;
import miexplorer.web.form.Fields;
import miexplorer.web.http.JsonBody;
import miexplorer.web.joint.JointInput;

/**
 * POST /api/mi: the explorer's numbers as JSON, at full double precision. The request is read
 * into the same {@link JointInput} the form makes and checked by the same rules, so the API and the
 * page agree on what is valid and on every number.
 */
final class MiApi {
    private MiApi() {
    }

    /** The answer; {@code p} is the normalised table. */
    record Result(String unit, double[][] p, double[] px, double[] py, double entropyX, double entropyY,
            double jointEntropy, double conditionalEntropyXGivenY, double conditionalEntropyYGivenX,
            double mutualInformation) {
    }

    /** @param explorer reads the request as it reads the form */
    static void post(Context ctx, MiExplorer explorer) {
        FieldErrors errors = new FieldErrors();
        JsonNode body = JsonBody.object(ctx, "{\"p\": [[0.36, 0.04], [0.12, 0.48]]}");
        if (body == null) {
            return;
        }
        Map<String, List<String>> params = new LinkedHashMap<>();
        JsonNode p = body.get("p");
        if (p == null || !p.isArray() || p.isEmpty()) {
            JsonBody.fail(ctx, List.of(new JsonBody.Problem("p", "p must be a non-empty array of rows, such as [[0.36, 0.04], [0.12, 0.48]].")));
            return;
        }
        List<String> cells = new ArrayList<>();
        List<JsonBody.Problem> shape = new ArrayList<>();
        int cols = p.get(0).isArray() ? p.get(0).size() : 0;
        for (int i = 0; i < p.size(); i++) {
            JsonNode row = p.get(i);
            if (!row.isArray() || row.isEmpty()) {
                shape.add(new JsonBody.Problem("p[" + i + "]", "Row " + i + " must be a non-empty array of cells."));
                continue;
            }
            if (row.size() != cols) {
                shape.add(new JsonBody.Problem("p[" + i + "]", "Row " + i + " has " + row.size() + " cells, but row 0 has "
                        + cols + "; the table must be rectangular."));
                continue;
            }
            for (int j = 0; j < row.size(); j++) {
                JsonNode cell = row.get(j);
                if (cell.isNumber() || cell.isTextual()) {
                    cells.add(cell.asText());
                } else {
                    shape.add(new JsonBody.Problem("p[" + i + "][" + j + "]", "A cell must be a number or a string such as \"9/25\"."));
                }
            }
        }
        if (shape.isEmpty()) {
            JsonBody.labels(body, "xLabels", "xl", p.size(), params, shape);
            JsonBody.labels(body, "yLabels", "yl", cols, params, shape);
        }
        if (!shape.isEmpty()) {
            JsonBody.fail(ctx, shape);
            return;
        }
        params.put("c", cells);
        JsonBody.text(body, "xName", "x", params, errors);
        JsonBody.text(body, "yName", "y", params, errors);
        JsonBody.text(body, "base", "base", params, errors);
        JsonBody.text(body, "kind", "kind", params, errors);

        MiForm form = explorer.read(Fields.of(params));
        form.errors().asMap().forEach(errors::add);
        JointInput.Checked checked = form.input().check(errors);
        if (!checked.ok()) {
            JsonBody.fail(ctx, errors, MiApi::apiField);
            return;
        }
        LogBase base = checked.input().base();
        JointDistribution d = JointDistribution.fromWeights(checked.weights());
        Analysis a = Analysis.of(d, base);
        ctx.json(new Result(base.unit(), d.cells(), d.px(), d.py(), a.entropyX(), a.entropyY(), a.jointEntropy(),
                a.conditionalEntropyXGivenY(), a.conditionalEntropyYGivenX(), a.mutualInformation()));
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

}
