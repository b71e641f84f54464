package miexplorer.web.http;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import miexplorer.web.form.FieldErrors;
import miexplorer.web.form.Fields;

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

    /**
     * A table's fields from a JSON body, for the explorer to read as it reads its form: the labels of
     * each variable ({@code xLabels}, … as given, or numbered), the cells in the form's order, and the
     * names, base and kind. Null when the labels do not fit the table's {@code sizes} (one per
     * variable); the problems are then in {@code shape}. A name, base or kind that is not a string is a
     * message in {@code errors}.
     *
     * @param variables the form's names of the table's variables: x, y (and z)
     */
    public static Fields tableFields(JsonNode body, List<String> variables, List<Integer> sizes, List<String> cells,
            List<Problem> shape, FieldErrors errors) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (shape.isEmpty()) {
            for (int v = 0; v < variables.size(); v++) {
                labels(body, variables.get(v) + "Labels", variables.get(v) + "l", sizes.get(v), params, shape);
            }
        }
        if (!shape.isEmpty()) {
            return null;
        }
        params.put("c", cells);
        for (String v : variables) {
            text(body, v + "Name", v, params, errors);
        }
        text(body, "base", "base", params, errors);
        text(body, "kind", "kind", params, errors);
        return Fields.of(params);
    }

    /**
     * One row of a JSON table, its cells (numbers, or strings such as "9/25") added to {@code cells}:
     * it must be a non-empty array as long as the table's first row; else a problem under {@code field}.
     *
     * @param name the row in the messages ("Row 2", "Row 2 of slice 1")
     * @param first the first row in the message, and the rule it breaks: "row 0 has 3; the table must be rectangular"
     */
    public static void tableRow(JsonNode row, String field, String name, int width, String first, List<String> cells,
            List<Problem> problems) {
        if (!row.isArray() || row.isEmpty()) {
            problems.add(new Problem(field, name + " must be a non-empty array of cells."));
            return;
        }
        if (row.size() != width) {
            problems.add(new Problem(field, name + " has " + row.size() + " cells, but " + first + "."));
            return;
        }
        for (int j = 0; j < row.size(); j++) {
            JsonNode cell = row.get(j);
            if (cell.isNumber() || cell.isTextual()) {
                cells.add(cell.asText());
            } else {
                problems.add(new Problem(field + "[" + j + "]", "A cell must be a number or a string such as \"9/25\"."));
            }
        }
    }

    /** The API's name for a table form's field: xLabels[2] for xl[2], xName for x, p for the table's own messages. */
    public static String tableField(String field) {
        for (String v : List.of("x", "y", "z")) {
            if (field.startsWith(v + "l[")) {
                return v + "Labels" + field.substring(2);
            }
            if (field.equals(v)) {
                return v + "Name";
            }
        }
        return field.equals("sum") || field.equals("table") ? "p" : field;
    }
}
