package miexplorer.web.experiments;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import miexplorer.attention.learned.AttentionExperiment;
import miexplorer.attention.learned.ExperimentResult;
import miexplorer.web.form.FieldErrors;
import miexplorer.web.form.Fields;
import miexplorer.web.http.JsonBody;
import miexplorer.web.server.HeavyWork;

/**
 * POST /api/attention/learned: the experiment's figures as JSON, at full double precision. The body
 * is read into the same fields the page's query string makes ({@link LearnedForm}), every one
 * optional with the page's defaults, and checked by the same rules.
 *
 * <p>Request: {@code {"rule": "copy" | "xor" | "max", "positions", "vocabulary", "relevance": [r…]
 * (copy), "pair": [a, b] (xor), "samples", "heldOut", "embedding", "steps", "learningRate",
 * "seed"}}. Answer: {@code loss} (per step), {@code finalLoss}, {@code accuracy},
 * {@code majorityAccuracy}, {@code meanWeights}, {@code meanEntropyBits},
 * {@code mutualInformationBits} (Miller–Madow), {@code shuffledBits} (the mean over the shuffles),
 * {@code shuffledMaxBits}, {@code pValues}, {@code rankCorrelation} (null when undefined) and
 * {@code url}, the page with these settings. Errors: 400 with {@code {"errors": [{"field",
 * "message"}]}}, one per bad field.
 */
final class LearnedApi {
    private static final String EXAMPLE = "{\"rule\": \"copy\", \"relevance\": [0, 0, 0.1, 0.2, 0.3, 0.4]}";

    private LearnedApi() {
    }

    /** The answer. */
    record Result(double[] loss, double finalLoss, double accuracy, double majorityAccuracy, double[] meanWeights,
            double meanEntropyBits, double[] mutualInformationBits, double[] shuffledBits, double[] shuffledMaxBits,
            double[] pValues, Double rankCorrelation, String url) {
        static Result of(ExperimentResult r, String url) {
            return new Result(r.lossPerStep(), r.finalLoss(), r.heldOutAccuracy(), r.majorityAccuracy(), r.meanWeights(),
                    r.meanEntropyBits(), r.mutualInformationBits(), r.shuffledMeanBits(), r.shuffledMaxBits(),
                    r.permutationPValues(), Double.isNaN(r.rankCorrelation()) ? null : r.rankCorrelation(), url);
        }
    }

    static void post(Context ctx, HeavyWork heavy) {
        JsonNode body = JsonBody.object(ctx, EXAMPLE);
        if (body == null) {
            return;
        }
        FieldErrors errors = new FieldErrors();
        Fields fields = fields(body, errors);
        if (!errors.isEmpty()) {
            JsonBody.fail(ctx, errors, f -> f);
            return;
        }
        LearnedForm form = LearnedForm.read(fields);
        if (!form.ok()) {
            JsonBody.fail(ctx, form.errors(), f -> f);
            return;
        }
        heavy.run(ctx, ExperimentRoutes.LEARNED_BYTES, 1,
                permit -> ctx.json(Result.of(AttentionExperiment.run(form.spec()), form.url())),
                busy -> {
                    ctx.header("Retry-After", String.valueOf(busy.retryAfterSeconds()));
                    ctx.status(503).json(Map.of("errors", List.of(new JsonBody.Problem("body",
                            "The server is busy with other people's work right now; try again in " + busy.retryAfterSeconds() + " s."))));
                }, () -> { });
    }

    /**
     * The body as the page's fields: numbers (or strings of them) as typed, the two arrays as
     * "0, 0.2, 0.3". A value of the wrong JSON type, or a field the experiment does not have, is a
     * message under its name.
     */
    static Fields fields(JsonNode body, FieldErrors errors) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey();
            JsonNode node = e.getValue();
            if (!LearnedForm.FIELDS.contains(name)) {
                errors.add(name, name + " is not a setting of this experiment; the settings are " + String.join(", ", LearnedForm.FIELDS) + ".");
                continue;
            }
            if (node.isNull()) {
                continue;
            }
            if (name.equals("relevance") || name.equals("pair")) {
                List<String> parts = new ArrayList<>();
                boolean numbers = node.isArray() && !node.isEmpty();
                for (JsonNode n : node) {
                    numbers &= n.isNumber();
                    parts.add(n.asText());
                }
                if (!numbers) {
                    errors.add(name, name.equals("pair")
                            ? "pair must be an array of two positions counted from 0, such as [1, 4]."
                            : "relevance must be an array of numbers from 0 to 1, one per position, such as [0, 0.2, 0.4].");
                    continue;
                }
                params.put(name, List.of(String.join(", ", parts)));
            } else if (name.equals("rule")) {
                if (!node.isTextual()) {
                    errors.add(name, "rule must be a string: \"copy\", \"xor\" or \"max\".");
                    continue;
                }
                params.put(name, List.of(node.asText()));
            } else {
                if (!node.isNumber()) {
                    errors.add(name, name + " must be a number.");
                    continue;
                }
                params.put(name, List.of(node.asText()));
            }
        }
        return Fields.of(params);
    }
}
