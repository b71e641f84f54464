package miexplorer.web.attention;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import miexplorer.attention.AdditiveScores;
import miexplorer.attention.MultiQueryAttention;
import miexplorer.attention.QueryAttention;
import miexplorer.attention.ScoreFunction;
import miexplorer.web.form.FieldErrors;
import miexplorer.web.form.NumberInput;
import miexplorer.web.form.Query;
import miexplorer.web.form.State;
import miexplorer.web.joint.TableRules;
import miexplorer.web.site.Paths;

/**
 * The attention explorer's state exactly as typed: query rows (label, vector, prior weight), key
 * rows (label, key vector, value vector), and the settings. Vectors are text such as "1, 0, 1, 0";
 * nothing is parsed until the state is {@linkplain #check checked}, so a state with mistakes can be
 * shown back unchanged.
 *
 * @param priors one weight per query, all empty for equally likely queries
 * @param values one vector per key, all empty for no values (then there is no output)
 * @param scale for dot-product scores, whether they are divided by √d_k
 * @param additive the additive score's weights as typed when the scores are additive; else null
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
        int digits,
        Additive additive) implements State {

    /**
     * The weights of the additive score e_i = vᵀ tanh(W_q q + W_k k_i), as typed: W_q and W_k one row
     * per hidden unit (h of each, rows as vectors are typed), and v (the paper's v_a) with h numbers.
     */
    public record Additive(List<String> wq, List<String> wk, String va) {
        public Additive {
            wq = List.copyOf(wq);
            wk = List.copyOf(wk);
        }

        /** h as typed: the rows of W_q. */
        public int hidden() {
            return wq.size();
        }
    }

    /** A state scored by dot products (scaled when {@code scale}). */
    public AttentionInput(List<String> queryLabels, List<String> queries, List<String> priors, List<String> keyLabels,
            List<String> keys, List<String> values, boolean scale, String temperature, int digits) {
        this(queryLabels, queries, priors, keyLabels, keys, values, scale, temperature, digits, null);
    }

    public static final int DEFAULT_DIGITS = 3;
    public static final int MAX_KEYS = 256;
    public static final int MAX_QUERIES = 64;
    public static final int MAX_DIM = 1024;
    /** What separates the numbers of a vector: a comma or white space, with any white space around it. */
    private static final Pattern SEPARATOR = Pattern.compile("\\s*[,\\s]\\s*");

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

    public int queryCount() {
        return queries.size();
    }

    public int keyCount() {
        return keys.size();
    }

    public boolean hasValues() {
        return values.stream().anyMatch(v -> !v.isBlank());
    }

    public boolean hasPrior() {
        return priors.stream().anyMatch(p -> !p.isBlank());
    }

    public AttentionInput withQueries(List<String> labels, List<String> qs, List<String> ps) {
        return new AttentionInput(labels, qs, ps, keyLabels, keys, values, scale, temperature, digits, additive);
    }

    public AttentionInput withKeys(List<String> labels, List<String> ks, List<String> vs) {
        return new AttentionInput(queryLabels, queries, priors, labels, ks, vs, scale, temperature, digits, additive);
    }

    /** The same state scored by {@code weights} (additive), or by dot products when null. */
    public AttentionInput withAdditive(Additive weights) {
        return new AttentionInput(queryLabels, queries, priors, keyLabels, keys, values, scale, temperature, digits, weights);
    }

    /** How the query scores a key: additive when its weights are given, else the dot product, scaled or not. */
    public ScoreFunction score() {
        return additive != null ? ScoreFunction.ADDITIVE : scale ? ScoreFunction.SCALED_DOT : ScoreFunction.DOT;
    }

    /** d_k as the first query shows it (the number of its parts), or 0. */
    public int dk() {
        return queryCount() == 0 ? 0 : parts(queries.get(0)).size();
    }

    /** The numbers of a vector as typed, one string each: split at commas or white space, without [ ] or ( ) around them. */
    static List<String> parts(String vector) {
        String s = vector.strip();
        if (s.startsWith("[") && s.endsWith("]") || s.startsWith("(") && s.endsWith(")")) {
            s = s.substring(1, s.length() - 1).strip();
        }
        return s.isEmpty() ? List.of() : List.of(SEPARATOR.split(s));
    }

    // ---- its rules -----------------------------------------------------------------------------

    /**
     * A checked state; the arrays and results are null exactly when there are errors.
     *
     * @param result attention as set (with or without scaling, or additive)
     * @param flipped for dot products, the same with the scaling switched the other way; for additive
     *     scores, scaled dot-product attention of the same vectors (null when the query and keys differ
     *     in length, so that there is no dot product): for comparison
     * @param additive for additive scores, each query's scores with their workings; else null
     * @param weights for additive scores, W_q, W_k and v as numbers; else null
     */
    public record Checked(AttentionInput input, FieldErrors errors, double[][] queries, double[][] keys,
            double[][] values, double[] prior, double temperature, MultiQueryAttention result, MultiQueryAttention flipped,
            List<AdditiveScores> additive, AdditiveWeights weights) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    /** The additive score's weights read: W_q (h × d_q), W_k (h × d_k) and v (h). */
    public record AdditiveWeights(double[][] wq, double[][] wk, double[] va) {
    }

    /** Checks every field; on success gives the numbers. */
    public Checked check(FieldErrors errors) {
        if (queryCount() > MAX_QUERIES) {
            errors.add("queries", queryCount() + " queries: the explorer takes at most " + MAX_QUERIES + ".");
        }
        if (keyCount() > MAX_KEYS) {
            errors.add("keys", keyCount() + " keys: the explorer takes at most " + MAX_KEYS + ".");
        }
        labels(queryLabels(), "ql", "query", false, errors);
        labels(keyLabels(), "kl", "key", true, errors);
        double[][] queries = new double[queryCount()][];
        int dk = -1;
        for (int r = 0; r < queryCount(); r++) {
            queries[r] = vector(queries().get(r), "q[" + r + "]", "query " + (r + 1) + " (“" + queryLabels().get(r) + "”)", errors);
            if (queries[r] != null) {
                if (dk < 0) {
                    dk = queries[r].length;
                } else if (queries[r].length != dk) {
                    errors.add("q[" + r + "]", "This query has " + queries[r].length + " numbers, but the first has "
                            + dk + "; every query needs dₖ = " + dk + ".");
                }
            }
        }
        double[][] keys = new double[keyCount()][];
        int firstKey = -1;
        for (int j = 0; j < keyCount(); j++) {
            String who = "key " + (j + 1) + " (“" + keyLabels().get(j) + "”)";
            keys[j] = vector(keys().get(j), "k[" + j + "]", who, errors);
            if (keys[j] != null && additive != null) {
                // Additive scores project the query and the keys apart: they need not have one length, only the keys among themselves.
                if (firstKey < 0) {
                    firstKey = keys[j].length;
                } else if (keys[j].length != firstKey) {
                    errors.add("k[" + j + "]", "Key " + (j + 1) + " (“" + keyLabels().get(j) + "”) has " + keys[j].length
                            + " numbers, but the first key has " + firstKey + "; every key needs dₖ = " + firstKey + ".");
                }
            } else if (keys[j] != null && dk > 0 && keys[j].length != dk) {
                errors.add("k[" + j + "]", "Key " + (j + 1) + " (“" + keyLabels().get(j) + "”) has " + keys[j].length
                        + " numbers, but the query has " + dk + " (dₖ = " + dk + "). Every key must match the query.");
            }
        }
        double[][] values = null;
        if (hasValues()) {
            values = new double[keyCount()][];
            int dv = -1;
            for (int j = 0; j < keyCount(); j++) {
                String key = "v[" + j + "]";
                if (values().get(j).isBlank()) {
                    errors.add(key, "Give a value vector for every key, or leave them all empty.");
                    continue;
                }
                values[j] = vector(values().get(j), key, "value " + (j + 1), errors);
                if (values[j] != null) {
                    if (dv < 0) {
                        dv = values[j].length;
                    } else if (values[j].length != dv) {
                        errors.add(key, "This value has " + values[j].length + " numbers, but the first value has "
                                + dv + "; every value needs d_v = " + dv + ".");
                    }
                }
            }
        }
        double[] prior = null;
        if (hasPrior()) {
            prior = new double[queryCount()];
            double sum = 0;
            for (int r = 0; r < queryCount(); r++) {
                String key = "prior[" + r + "]";
                NumberInput.Parsed p = NumberInput.parse(priors().get(r));
                if (!p.ok()) {
                    errors.add(key, priors().get(r).isBlank() ? "Give every query a prior weight, or leave them all empty for equal weights." : p.error());
                } else if (p.value() < 0) {
                    errors.add(key, priors().get(r) + " is negative; a prior weight cannot be negative.");
                } else {
                    prior[r] = p.value();
                    sum += p.value();
                }
            }
            if (errors.isEmpty() && !(sum > 0)) {
                errors.add("prior[0]", "Every prior weight is 0: at least one must be positive.");
            }
        }
        double temperature = Double.NaN;
        NumberInput.Parsed t = NumberInput.parse(temperature());
        if (!t.ok()) {
            errors.add("temp", t.error());
        } else if (!(t.value() > 0)) {
            errors.add("temp", "The temperature must be above 0 (it divides the scores); " + temperature() + " is not.");
        } else {
            temperature = t.value();
        }
        AdditiveWeights weights = additive == null ? null : additiveWeights(dk, firstKey, errors);
        if (!errors.isEmpty()) {
            return new Checked(this, errors, null, null, null, null, temperature, null, null, null, null);
        }
        try {
            if (additive != null) {
                List<AdditiveScores> scores = new ArrayList<>(queryCount());
                List<QueryAttention> rows = new ArrayList<>(queryCount());
                for (double[] q : queries) {
                    AdditiveScores e = AdditiveScores.of(q, keys, weights.wq(), weights.wk(), weights.va());
                    scores.add(e);
                    rows.add(e.attention(temperature, values));
                }
                MultiQueryAttention result = MultiQueryAttention.fromRows(rows, prior);
                return new Checked(this, errors, queries, keys, values, prior, temperature, result,
                        dotForComparison(queries, keys, values, temperature, prior, dk == firstKey), List.copyOf(scores), weights);
            }
            // With and without the √d_k scaling, so the page can set them side by side.
            MultiQueryAttention result = MultiQueryAttention.of(queries, keys, values, scale(), temperature, prior);
            MultiQueryAttention flipped = MultiQueryAttention.of(queries, keys, values, !scale(), temperature, prior);
            return new Checked(this, errors, queries, keys, values, prior, temperature, result, flipped, null, null);
        } catch (IllegalArgumentException e) {
            // Every shape and sign was checked above; what is left is scores that overflow a double.
            errors.add("temp", "The scores are too large for this temperature to compute with; use smaller numbers or a larger temperature.");
            return new Checked(this, errors, null, null, null, null, temperature, null, null, null, null);
        }
    }

    /**
     * Scaled dot-product attention of the same vectors, beside additive scores for comparison; null when
     * the query and the keys differ in length, or when their dot products are too large to compute with
     * (additive scores are bounded, so such a state is still sound).
     */
    private static MultiQueryAttention dotForComparison(double[][] queries, double[][] keys, double[][] values, double temperature,
            double[] prior, boolean sameLength) {
        if (!sameLength) {
            return null;
        }
        try {
            return MultiQueryAttention.of(queries, keys, values, true, temperature, prior);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * W_q (h × d_q), W_k (h × d_k) and v (h) read and checked against the query's and the keys' lengths;
     * null with messages beside the fields at fault ({@code wq[j]}, {@code wk[j]}, {@code va}).
     */
    private AdditiveWeights additiveWeights(int dq, int dk, FieldErrors errors) {
        int h = additive.hidden();
        if (h == 0 || h > AdditiveScores.MAX_HIDDEN || additive.wk().size() != h) {
            errors.add("wq[0]", "W_q and W_k need the same number of rows h (the hidden units), from 1 to " + AdditiveScores.MAX_HIDDEN
                    + "; W_q has " + h + " and W_k " + additive.wk().size() + ".");
            return null;
        }
        double[][] wq = matrix(additive.wq(), "wq", "W_q", dq, "d_q", errors);
        double[][] wk = matrix(additive.wk(), "wk", "W_k", dk, "dₖ", errors);
        double[] va = vector(additive.va(), "va", "v", errors);
        if (va != null && va.length != h) {
            errors.add("va", "v has " + va.length + " numbers, but W_q and W_k have h = " + h + " rows; v needs one number per row.");
            return null;
        }
        if (va != null) {
            double bound = 0;
            for (double x : va) {
                bound += Math.abs(x);
            }
            if (!Double.isFinite(bound)) {
                // |e_i| ≤ Σ |v_j|: a bound too large for a double could make a score infinite.
                errors.add("va", "The numbers of v are too large to compute with: their sizes must add up to a finite number.");
                return null;
            }
        }
        return wq == null || wk == null || va == null ? null : new AdditiveWeights(wq, wk, va);
    }

    /** Rows of a matrix as typed, each as long as {@code columns} (when that is known, above 0). */
    private static double[][] matrix(List<String> rows, String field, String name, int columns, String what, FieldErrors errors) {
        double[][] m = new double[rows.size()][];
        boolean ok = true;
        for (int j = 0; j < rows.size(); j++) {
            String key = field + "[" + j + "]";
            m[j] = vector(rows.get(j), key, "row " + (j + 1) + " of " + name, errors);
            if (m[j] == null) {
                ok = false;
            } else if (columns > 0 && m[j].length != columns) {
                errors.add(key, "Row " + (j + 1) + " of " + name + " has " + m[j].length + " numbers, but " + what + " = " + columns
                        + "; each row of " + name + " needs " + columns + ".");
                ok = false;
            }
        }
        return ok ? m : null;
    }

    /** A vector as typed: numbers separated by commas or spaces, optionally in [ ] or ( ). */
    private static double[] vector(String text, String field, String who, FieldErrors errors) {
        List<String> parts = parts(text);
        if (parts.isEmpty()) {
            errors.add(field, "Empty: give " + who + " as numbers separated by commas, such as 1, 0, 1, 0.");
            return null;
        }
        if (parts.size() > MAX_DIM) {
            errors.add(field, "This vector has " + parts.size() + " numbers; the explorer takes at most " + MAX_DIM + ".");
            return null;
        }
        double[] v = new double[parts.size()];
        for (int d = 0; d < parts.size(); d++) {
            NumberInput.Parsed p = NumberInput.parse(parts.get(d));
            if (!p.ok()) {
                errors.add(field, "Number " + (d + 1) + " of " + who + ": " + p.error());
                return null;
            }
            v[d] = p.value();
        }
        return v;
    }

    private static void labels(List<String> labels, String prefix, String what, boolean repeatsAllowed, FieldErrors errors) {
        for (int i = 0; i < labels.size(); i++) {
            String l = labels.get(i);
            String key = prefix + "[" + i + "]";
            if (l.isEmpty()) {
                errors.add(key, "Empty label: give each " + what + " a name" + (what.equals("key") ? " (a token such as “cat”)." : "."));
            } else if (l.length() > TableRules.MAX_LABEL) {
                errors.add(key, "Too long: a label has at most " + TableRules.MAX_LABEL + " characters.");
            } else if (!repeatsAllowed && labels.subList(0, i).contains(l)) {
                errors.add(key, "“" + l + "” already names another " + what + "; each " + what + " needs its own label.");
            }
        }
    }

    // ---- the canonical URL ---------------------------------------------------------------------

    @Override
    public String url() {
        return query().on(Paths.ATTENTION);
    }

    /**
     * The query string of the canonical URL: per query its label, vector and (when any is given)
     * prior; per key its token, vector and (when any is given) value; for additive scores
     * {@code score=additive} with the rows of W_q, of W_k and v; then scale, temperature, and digits
     * when not the default. Vectors keep their commas readable.
     */
    public Query query() {
        Query q = new Query();
        for (int r = 0; r < queryCount(); r++) {
            q.add("ql", queryLabels().get(r)).addReadable("q", queries().get(r));
            if (hasPrior()) {
                q.addReadable("prior", priors().get(r));
            }
        }
        for (int j = 0; j < keyCount(); j++) {
            q.add("kl", keyLabels().get(j)).addReadable("k", keys().get(j));
            if (hasValues()) {
                q.addReadable("v", values().get(j));
            }
        }
        if (additive != null) {
            q.add("score", ScoreFunction.ADDITIVE.key());
            additive.wq().forEach(row -> q.addReadable("wq", row));
            additive.wk().forEach(row -> q.addReadable("wk", row));
            q.addReadable("va", additive.va());
        }
        q.add("scale", scale() ? 1 : 0).addReadable("temp", temperature());
        if (digits() != AttentionInput.DEFAULT_DIGITS) {
            q.add("digits", digits());
        }
        return q;
    }
}
