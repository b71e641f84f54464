package miexplorer.web.http;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import miexplorer.web.form.FieldErrors;

/** The JSON APIs' shared parts: reading the request's object, and answering problems with 400. */
public final class JsonBody {
    /** Decimals are read as BigDecimal so a number is quoted back as it was written (1E+400, not Infinity). */
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private JsonBody() {
    }

    /** One problem with the request, named by the field it concerns. */
    public record Problem(String field, String message) {
    }

    /**
     * The request's JSON object, or null after answering 400 when the body is not JSON or not an
     * object. A body over the size limit is answered with 413 (it throws on reading).
     *
     * @param example an example body, quoted in the message for a body that is not an object
     */
    public static JsonNode object(Context ctx, String example) {
        String text = ctx.body();
        JsonNode body;
        try {
            body = JSON.readTree(text);
        } catch (Exception e) {
            fail(ctx, List.of(new Problem("body", "The body is not valid JSON.")));
            return null;
        }
        if (body == null || !body.isObject()) {
            fail(ctx, List.of(new Problem("body", "The body must be a JSON object such as " + example + ".")));
            return null;
        }
        return body;
    }

    /** 400 with every message of a checked form, each under the API's name for its field ({@code apiField}). */
    public static void fail(Context ctx, FieldErrors errors, UnaryOperator<String> apiField) {
        List<Problem> problems = new ArrayList<>(errors.size());
        errors.asMap().forEach((field, message) -> problems.add(new Problem(apiField.apply(field), message)));
        fail(ctx, problems);
    }

    /** 400 with {"errors": [{"field": …, "message": …}, …]}. */
    public static void fail(Context ctx, List<Problem> problems) {
        ctx.status(400).json(Map.of("errors", problems));
    }

    /**
     * A table's labels from the array {@code name} of {@code body}, into {@code params} under the form's
     * {@code param}: as given, or x1, x2, … (the param's first letter) when absent; a count that does not
     * match the table's {@code size} is a problem under {@code name}.
     */
    public static void labels(JsonNode body, String name, String param, int size, Map<String, List<String>> params,
            List<JsonBody.Problem> problems) {
        JsonNode node = body.get(name);
        List<String> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            for (int k = 1; k <= size; k++) {
                out.add(param.charAt(0) + String.valueOf(k));
            }
        } else if (!node.isArray()) {
            problems.add(new JsonBody.Problem(name, name + " must be an array of strings."));
            return;
        } else if (node.size() != size) {
            problems.add(new JsonBody.Problem(name, name + " has " + node.size() + " labels, but the table has " + size + "."));
            return;
        } else {
            for (JsonNode n : node) {
                out.add(n.isValueNode() ? n.asText() : "");
            }
        }
        params.put(param, out);
    }

    public static void text(JsonNode body, String name, String param, Map<String, List<String>> params, FieldErrors errors) {
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

}
