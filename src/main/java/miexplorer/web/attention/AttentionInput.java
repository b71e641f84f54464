package miexplorer.web.attention;

import java.util.List;

/**
 * The attention explorer's state exactly as typed: query rows (label, vector, prior weight), key
 * rows (label, key vector, value vector), and the settings. Vectors are text such as "1, 0, 1, 0";
 * nothing is parsed here, so a state with mistakes can be shown back unchanged.
 *
 * @param priors one weight per query, all empty for equally likely queries
 * @param values one vector per key, all empty for no values (then there is no output)
 */
public record AttentionInput(
        List<String> queryLabels,
        List<String> queries,
        List<String> priors,
        List<String> keyLabels,
        List<String> keys,
        List<String> values,
        boolean scale,
        String temperature,
        int digits) {

    public static final int DEFAULT_DIGITS = 3;

    public AttentionInput {
        queryLabels = List.copyOf(queryLabels);
        queries = List.copyOf(queries);
        priors = padded(priors, queries.size());
        keyLabels = List.copyOf(keyLabels);
        keys = List.copyOf(keys);
        values = padded(values, keys.size());
    }

    /** One entry per row: an optional column left out entirely (no values, no prior) is all empty. */
    private static List<String> padded(List<String> column, int rows) {
        if (column.size() >= rows) {
            return List.copyOf(column);
        }
        List<String> out = new java.util.ArrayList<>(column);
        while (out.size() < rows) {
            out.add("");
        }
        return List.copyOf(out);
    }

    public int m() {
        return queries.size();
    }

    public int n() {
        return keys.size();
    }

    public boolean hasValues() {
        return values.stream().anyMatch(v -> !v.isBlank());
    }

    public boolean hasPrior() {
        return priors.stream().anyMatch(p -> !p.isBlank());
    }

    public AttentionInput withQueries(List<String> labels, List<String> qs, List<String> ps) {
        return new AttentionInput(labels, qs, ps, keyLabels, keys, values, scale, temperature, digits);
    }

    public AttentionInput withKeys(List<String> labels, List<String> ks, List<String> vs) {
        return new AttentionInput(queryLabels, queries, priors, labels, ks, vs, scale, temperature, digits);
    }
}
