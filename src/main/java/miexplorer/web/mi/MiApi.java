package miexplorer.web.mi;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
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
        JsonNode p = body.get("p");
        if (p == null || !p.isArray() || p.isEmpty()) {
            JsonBody.fail(ctx, List.of(new JsonBody.Problem("p", "p must be a non-empty array of rows, such as [[0.36, 0.04], [0.12, 0.48]].")));
            return;
        }
        List<String> cells = new ArrayList<>();
        List<JsonBody.Problem> shape = new ArrayList<>();
        int cols = p.get(0).isArray() ? p.get(0).size() : 0;
        for (int i = 0; i < p.size(); i++) {
            JsonBody.tableRow(p.get(i), "p[" + i + "]", "Row " + i, cols, "row 0 has " + cols + "; the table must be rectangular",
                    cells, shape);
        }
        Fields fields = JsonBody.tableFields(body, JointInput.SHAPE.variables(), List.of(p.size(), cols), cells, shape, errors);
        if (fields == null) {
            JsonBody.fail(ctx, shape);
            return;
        }
        MiForm form = explorer.read(fields);
        form.errors().asMap().forEach(errors::add);
        JointInput.Checked checked = form.input().check(errors);
        if (!checked.ok()) {
            JsonBody.fail(ctx, errors, JsonBody::tableField);
            return;
        }
        LogBase base = checked.input().base();
        JointDistribution d = JointDistribution.fromWeights(checked.weights());
        Analysis a = Analysis.of(d, base);
        ctx.json(new Result(base.unit(), d.cells(), d.px(), d.py(), a.entropyX(), a.entropyY(), a.jointEntropy(),
                a.conditionalEntropyXGivenY(), a.conditionalEntropyYGivenX(), a.mutualInformation()));
    }
}
