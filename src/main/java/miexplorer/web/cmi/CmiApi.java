package miexplorer.web.cmi;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import miexplorer.info.ThreeWayAnalysis;
import miexplorer.info.ThreeWayDistribution;
import miexplorer.web.form.FieldErrors;
import miexplorer.web.form.Fields;
import miexplorer.web.http.JsonBody;

/**
 * POST /api/cmi: the three-variable explorer's numbers as JSON, at full double precision. The request
 * is read into the same {@link CmiInput} the form makes and checked by the same rules.
 *
 * <p>Request: {@code p} indexed [z][x][y] (numbers, or strings such as "9/25"), optional
 * {@code xLabels}, {@code yLabels}, {@code zLabels}, {@code xName}, {@code yName}, {@code zName},
 * {@code base} ("2", "e", "10"), {@code kind} ("probabilities", "counts"). Errors: 400 with
 * {@code {"errors": [{"field": "p[z][i][j]", "message": "…"}]}}.
 */
final class CmiApi {
    static final String PATH = "/api/cmi";

    private CmiApi() {
    }

    /** The answer; {@code p} is the normalised table, [z][x][y]. */
    record Result(String unit, double[][][] p, double entropyX, double entropyY, double entropyZ, double jointEntropy,
            double mutualInformationXY, double mutualInformationXZ, double mutualInformationYZ,
            double conditionalMutualInformationXYGivenZ, double conditionalMutualInformationXZGivenY,
            double conditionalMutualInformationYZGivenX, double coInformation) {
    }

    /** @param explorer reads the request as it reads the form */
    static void post(Context ctx, CmiExplorer explorer) {
        JsonNode body = JsonBody.object(ctx, "{\"p\": [[[0.25, 0], [0, 0.25]], [[0, 0.25], [0.25, 0]]]}");
        if (body == null) {
            return;
        }
        JsonNode p = body.get("p");
        if (p == null || !p.isArray() || p.isEmpty()) {
            JsonBody.fail(ctx, List.of(new JsonBody.Problem("p",
                    "p must be a non-empty array of slices, one per value of Z, each an array of rows, such as [[[0.25, 0], [0, 0.25]], [[0, 0.25], [0.25, 0]]].")));
            return;
        }
        List<String> cells = new ArrayList<>();
        List<JsonBody.Problem> shape = new ArrayList<>();
        JsonNode first = p.get(0);
        int rows = first.isArray() ? first.size() : 0;
        int cols = rows > 0 && first.get(0).isArray() ? first.get(0).size() : 0;
        for (int z = 0; z < p.size() && shape.isEmpty(); z++) {
            JsonNode slice = p.get(z);
            if (!slice.isArray() || slice.isEmpty()) {
                shape.add(new JsonBody.Problem("p[" + z + "]", "Slice " + z + " must be a non-empty array of rows."));
                continue;
            }
            if (slice.size() != rows) {
                shape.add(new JsonBody.Problem("p[" + z + "]", "Slice " + z + " has " + slice.size() + " rows, but slice 0 has "
                        + rows + "; every slice must have one row per value of X."));
                continue;
            }
            for (int i = 0; i < slice.size(); i++) {
                JsonBody.tableRow(slice.get(i), "p[" + z + "][" + i + "]", "Row " + i + " of slice " + z, cols, "row 0 of slice 0 has "
                        + cols + "; every row must have one cell per value of Y", cells, shape);
            }
        }
        FieldErrors errors = new FieldErrors();
        Fields fields = JsonBody.tableFields(body, CmiInput.SHAPE.variables(), List.of(rows, cols, p.size()), cells, shape, errors);
        if (fields == null) {
            JsonBody.fail(ctx, shape);
            return;
        }
        CmiForm form = explorer.read(fields);
        form.errors().asMap().forEach(errors::add);
        CmiInput.Checked checked = form.input().check(errors);
        if (!checked.ok()) {
            JsonBody.fail(ctx, errors, JsonBody::tableField);
            return;
        }
        ThreeWayDistribution d = ThreeWayDistribution.fromWeights(checked.weights());
        ThreeWayAnalysis a = ThreeWayAnalysis.of(d, checked.input().base());
        ctx.json(new Result(checked.input().base().unit(), d.cells(), a.entropyX(), a.entropyY(), a.entropyZ(), a.entropyXYZ(),
                a.miXY(), a.miXZ(), a.miYZ(), a.miXYGivenZ(), a.miXZGivenY(), a.miYZGivenX(), a.coInformation()));
    }
}
