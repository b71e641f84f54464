package miexplorer.web.attention;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import miexplorer.attention.MultiQueryAttention;
import miexplorer.web.form.FieldErrors;
import miexplorer.web.form.Fields;
import miexplorer.web.form.NumberInput;
import miexplorer.web.form.Query;
import miexplorer.web.form.TableReader;
import miexplorer.web.joint.TableRules;
import miexplorer.web.joint.TableSettings;
import miexplorer.web.site.Paths;

/**
 * Reads the attention explorer's state from request parameters, checks it, applies the form's
 * actions, and writes the canonical URL.
 *
 * <p>Parameters, each repeated once per row in order: {@code q} (a query vector, "1, 0, 1, 0"),
 * {@code ql} (its label), {@code prior} (its prior weight; optional); {@code k} (a key vector),
 * {@code kl} (its token), {@code v} (its value vector; optional). Then {@code scale} (1 or 0; the
 * last one given counts, so a form can send a hidden 0 before a checkbox's 1), {@code temp} (the
 * temperature) and {@code digits}.
 */
public final class AttentionForm {
    public static final String PATH = Paths.ATTENTION;
    public static final int MAX_KEYS = 256;
    public static final int MAX_QUERIES = 64;
    public static final int MAX_DIM = 1024;
    public static final int MAX_LABEL = TableRules.MAX_LABEL;
    public static final String ADD_KEY = "add-key";
    public static final String REMOVE_KEY = "remove-key-";
    public static final String ADD_QUERY = "add-query";
    public static final String REMOVE_QUERY = "remove-query-";
    public static final String SET_DK = "set-dk";
    public static final String RESET = "reset";
    /** What separates the numbers of a vector: a comma or white space, with any white space around it. */
    private static final Pattern SEPARATOR = Pattern.compile("\\s*[,\\s]\\s*");

    private AttentionForm() {
    }

    public record Read(AttentionInput input, FieldErrors errors) {
    }

    /**
     * A checked state; the arrays and results are null exactly when there are errors.
     *
     * @param result attention as set (with or without scaling)
     * @param flipped the same with the scaling switched the other way, for comparison
     */
    public record Checked(AttentionInput input, FieldErrors errors, double[][] queries, double[][] keys,
            double[][] values, double[] prior, double temperature, MultiQueryAttention result, MultiQueryAttention flipped) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    public static Read read(Fields fields) {
        FieldErrors errors = new FieldErrors();
        int digits = TableSettings.digits(fields.last("digits"), errors);
        boolean scale = true;
        String scaleText = fields.last("scale");
        if (scaleText != null) {
            scale = switch (scaleText) {
                case "1", "on", "true" -> true;
                case "0", "off", "false" -> false;
                default -> {
                    errors.add("scale", "“" + scaleText + "” is not a setting for scaling: use 1 (divide by √dₖ) or 0.");
                    yield true;
                }
            };
        }
        String temperature = fields.last("temp");
        if (!fields.hasAny("q", "k", "ql", "kl", "v", "prior")) {
            AttentionInput s = AttentionPreset.sentence();
            return new Read(new AttentionInput(s.queryLabels(), s.queries(), s.priors(), s.keyLabels(), s.keys(),
                    s.values(), scale, temperature == null ? s.temperature() : temperature.strip(), digits), errors);
        }
        List<String> q = TableReader.strip(fields.all("q"));
        List<String> k = TableReader.strip(fields.all("k"));
        List<String> ql = TableReader.pad(TableReader.strip(fields.all("ql")), q.size(), m -> q.size() == 1 ? "q" : "q" + m);
        List<String> prior = TableReader.pad(TableReader.strip(fields.all("prior")), q.size(), m -> "");
        List<String> kl = TableReader.pad(TableReader.strip(fields.all("kl")), k.size(), j -> "k" + j);
        List<String> v = TableReader.pad(TableReader.strip(fields.all("v")), k.size(), j -> "");
        // Anything given beyond the rows (a label without its vector) is kept, with a row for it.
        List<String> qs = TableReader.pad(q, ql.size(), m -> "");
        List<String> ks = TableReader.pad(k, Math.max(kl.size(), v.size()), j -> "");
        kl = TableReader.pad(kl, ks.size(), j -> "k" + j);
        v = TableReader.pad(v, ks.size(), j -> "");
        prior = TableReader.pad(prior, qs.size(), m -> "");
        // A side with no rows at all gets one empty row, so its message has a field to stand beside.
        if (qs.isEmpty()) {
            qs = List.of("");
            ql = List.of("q");
            prior = List.of("");
        }
        if (ks.isEmpty()) {
            ks = List.of("");
            kl = List.of("k1");
            v = List.of("");
        }
        return new Read(new AttentionInput(ql, qs, prior, kl, ks, v, scale,
                temperature == null ? "1" : temperature.strip(), digits), errors);
    }

    /** Checks every field; on success gives the numbers. */
    public static Checked check(AttentionInput in, FieldErrors errors) {
        if (in.m() > MAX_QUERIES) {
            errors.add("queries", in.m() + " queries: the explorer takes at most " + MAX_QUERIES + ".");
        }
        if (in.n() > MAX_KEYS) {
            errors.add("keys", in.n() + " keys: the explorer takes at most " + MAX_KEYS + ".");
        }
        labels(in.queryLabels(), "ql", "query", false, errors);
        labels(in.keyLabels(), "kl", "key", true, errors);
        double[][] queries = new double[in.m()][];
        int dk = -1;
        for (int r = 0; r < in.m(); r++) {
            queries[r] = vector(in.queries().get(r), "q[" + r + "]", "query " + (r + 1) + " (“" + in.queryLabels().get(r) + "”)", errors);
            if (queries[r] != null) {
                if (dk < 0) {
                    dk = queries[r].length;
                } else if (queries[r].length != dk) {
                    errors.add("q[" + r + "]", "This query has " + queries[r].length + " numbers, but the first has "
                            + dk + "; every query needs dₖ = " + dk + ".");
                }
            }
        }
        double[][] keys = new double[in.n()][];
        for (int j = 0; j < in.n(); j++) {
            String who = "key " + (j + 1) + " (“" + in.keyLabels().get(j) + "”)";
            keys[j] = vector(in.keys().get(j), "k[" + j + "]", who, errors);
            if (keys[j] != null && dk > 0 && keys[j].length != dk) {
                errors.add("k[" + j + "]", "Key " + (j + 1) + " (“" + in.keyLabels().get(j) + "”) has " + keys[j].length
                        + " numbers, but the query has " + dk + " (dₖ = " + dk + "). Every key must match the query.");
            }
        }
        double[][] values = null;
        if (in.hasValues()) {
            values = new double[in.n()][];
            int dv = -1;
            for (int j = 0; j < in.n(); j++) {
                String key = "v[" + j + "]";
                if (in.values().get(j).isBlank()) {
                    errors.add(key, "Give a value vector for every key, or leave them all empty.");
                    continue;
                }
                values[j] = vector(in.values().get(j), key, "value " + (j + 1), errors);
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
        if (in.hasPrior()) {
            prior = new double[in.m()];
            double sum = 0;
            for (int r = 0; r < in.m(); r++) {
                String key = "prior[" + r + "]";
                NumberInput.Parsed p = NumberInput.parse(in.priors().get(r));
                if (!p.ok()) {
                    errors.add(key, in.priors().get(r).isBlank() ? "Give every query a prior weight, or leave them all empty for equal weights." : p.error());
                } else if (p.value() < 0) {
                    errors.add(key, in.priors().get(r) + " is negative; a prior weight cannot be negative.");
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
        NumberInput.Parsed t = NumberInput.parse(in.temperature());
        if (!t.ok()) {
            errors.add("temp", t.error());
        } else if (!(t.value() > 0)) {
            errors.add("temp", "The temperature must be above 0 (it divides the scores); " + in.temperature() + " is not.");
        } else {
            temperature = t.value();
        }
        if (!errors.isEmpty()) {
            return new Checked(in, errors, null, null, null, null, temperature, null, null);
        }
        try {
            // With and without the √d_k scaling, so the page can set them side by side.
            MultiQueryAttention result = MultiQueryAttention.of(queries, keys, values, in.scale(), temperature, prior);
            MultiQueryAttention flipped = MultiQueryAttention.of(queries, keys, values, !in.scale(), temperature, prior);
            return new Checked(in, errors, queries, keys, values, prior, temperature, result, flipped);
        } catch (IllegalArgumentException e) {
            // Every shape and sign was checked above; what is left is scores that overflow a double.
            errors.add("temp", "The scores are too large for this temperature to compute with; use smaller numbers or a larger temperature.");
            return new Checked(in, errors, null, null, null, null, temperature, null, null);
        }
    }

    /** A vector as typed: numbers separated by commas or spaces, optionally in [ ] or ( ). */
    private static double[] vector(String text, String field, String who, FieldErrors errors) {
        String s = text.strip();
        if (s.startsWith("[") && s.endsWith("]") || s.startsWith("(") && s.endsWith(")")) {
            s = s.substring(1, s.length() - 1).strip();
        }
        if (s.isEmpty()) {
            errors.add(field, "Empty: give " + who + " as numbers separated by commas, such as 1, 0, 1, 0.");
            return null;
        }
        String[] parts = SEPARATOR.split(s);
        if (parts.length > MAX_DIM) {
            errors.add(field, "This vector has " + parts.length + " numbers; the explorer takes at most " + MAX_DIM + ".");
            return null;
        }
        double[] v = new double[parts.length];
        for (int d = 0; d < parts.length; d++) {
            NumberInput.Parsed p = NumberInput.parse(parts[d]);
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
            } else if (l.length() > MAX_LABEL) {
                errors.add(key, "Too long: a label has at most " + MAX_LABEL + " characters.");
            } else if (!repeatsAllowed && labels.subList(0, i).contains(l)) {
                errors.add(key, "“" + l + "” already names another " + what + "; each " + what + " needs its own label.");
            }
        }
    }

    // ---- actions -------------------------------------------------------------------------------

    /** The state after a button: {@code start} is where Reset goes. */
    public static AttentionInput apply(String action, String dkText, AttentionInput in, AttentionInput start, FieldErrors errors) {
        if (action == null || action.isEmpty() || action.equals("update")) {
            return in;
        }
        if (action.equals(RESET)) {
            return start;
        }
        int dk = dimension(in);
        if (action.equals(ADD_KEY)) {
            if (in.n() >= MAX_KEYS) {
                errors.add("keys", "There are already " + MAX_KEYS + " keys, the most the explorer takes.");
                return in;
            }
            List<String> kl = new ArrayList<>(in.keyLabels());
            kl.add("k" + (in.n() + 1));
            List<String> ks = new ArrayList<>(in.keys());
            ks.add(zeros(Math.max(dk, 1)));
            List<String> vs = new ArrayList<>(in.values());
            vs.add(in.hasValues() ? zeros(valueDimension(in)) : "");
            return in.withKeys(kl, ks, vs);
        }
        if (action.equals(ADD_QUERY)) {
            if (in.m() >= MAX_QUERIES) {
                errors.add("queries", "There are already " + MAX_QUERIES + " queries, the most the explorer takes.");
                return in;
            }
            List<String> ql = new ArrayList<>(in.queryLabels());
            String label = "q" + (in.m() + 1);
            while (ql.contains(label)) {
                label = label + "′";
            }
            ql.add(label);
            List<String> qs = new ArrayList<>(in.queries());
            qs.add(zeros(Math.max(dk, 1)));
            List<String> ps = new ArrayList<>(in.priors());
            ps.add(in.hasPrior() ? "1" : "");
            return in.withQueries(ql, qs, ps);
        }
        if (action.startsWith(REMOVE_KEY)) {
            int j = TableReader.index(action.substring(REMOVE_KEY.length()), in.n());
            if (j < 0 || in.n() == 1) {
                errors.add("keys", in.n() == 1 ? "Attention needs at least one key." : "There is no such key to remove.");
                return in;
            }
            List<String> kl = new ArrayList<>(in.keyLabels());
            List<String> ks = new ArrayList<>(in.keys());
            List<String> vs = new ArrayList<>(in.values());
            kl.remove(j);
            ks.remove(j);
            vs.remove(j);
            return in.withKeys(kl, ks, vs);
        }
        if (action.startsWith(REMOVE_QUERY)) {
            int r = TableReader.index(action.substring(REMOVE_QUERY.length()), in.m());
            if (r < 0 || in.m() == 1) {
                errors.add("queries", in.m() == 1 ? "Attention needs at least one query." : "There is no such query to remove.");
                return in;
            }
            List<String> ql = new ArrayList<>(in.queryLabels());
            List<String> qs = new ArrayList<>(in.queries());
            List<String> ps = new ArrayList<>(in.priors());
            ql.remove(r);
            qs.remove(r);
            ps.remove(r);
            return in.withQueries(ql, qs, ps);
        }
        if (action.equals(SET_DK)) {
            int target;
            try {
                target = Integer.parseInt(dkText == null ? "" : dkText.strip());
            } catch (NumberFormatException e) {
                target = -1;
            }
            if (target < 1 || target > MAX_DIM) {
                errors.add("dk", "dₖ must be a whole number from 1 to " + MAX_DIM + ".");
                return in;
            }
            final int size = target;
            List<String> qs = in.queries().stream().map(v -> resize(v, size)).toList();
            List<String> ks = in.keys().stream().map(v -> resize(v, size)).toList();
            return in.withQueries(in.queryLabels(), qs, in.priors()).withKeys(in.keyLabels(), ks, in.values());
        }
        errors.add("action", "“" + action + "” is not something this form can do.");
        return in;
    }

    /** d_k as the first query shows it (the number of its parts), or 0. */
    public static int dimension(AttentionInput in) {
        return in.m() == 0 ? 0 : parts(in.queries().get(0)).size();
    }

    private static int valueDimension(AttentionInput in) {
        return in.values().stream().filter(v -> !v.isBlank()).findFirst().map(v -> parts(v).size()).orElse(1);
    }

    /** Cut a vector to {@code size} parts, or pad it with zeros; what was typed is kept otherwise. */
    private static String resize(String vector, int size) {
        List<String> p = new ArrayList<>(parts(vector));
        while (p.size() > size) {
            p.remove(p.size() - 1);
        }
        while (p.size() < size) {
            p.add("0");
        }
        return String.join(", ", p);
    }

    private static List<String> parts(String vector) {
        String s = vector.strip();
        if (s.startsWith("[") && s.endsWith("]") || s.startsWith("(") && s.endsWith(")")) {
            s = s.substring(1, s.length() - 1).strip();
        }
        return s.isEmpty() ? List.of() : List.of(SEPARATOR.split(s));
    }

    private static String zeros(int d) {
        return String.join(", ", Collections.nCopies(d, "0"));
    }

    // ---- the canonical URL ---------------------------------------------------------------------

    public static String canonicalUrl(AttentionInput in) {
        return query(in).on(PATH);
    }

    /**
     * The query string of the canonical URL: per query its label, vector and (when any is given)
     * prior; per key its token, vector and (when any is given) value; then scale, temperature, and
     * digits when not the default. Vectors keep their commas readable.
     */
    public static Query query(AttentionInput in) {
        Query q = new Query();
        for (int r = 0; r < in.m(); r++) {
            q.add("ql", in.queryLabels().get(r)).addReadable("q", in.queries().get(r));
            if (in.hasPrior()) {
                q.addReadable("prior", in.priors().get(r));
            }
        }
        for (int j = 0; j < in.n(); j++) {
            q.add("kl", in.keyLabels().get(j)).addReadable("k", in.keys().get(j));
            if (in.hasValues()) {
                q.addReadable("v", in.values().get(j));
            }
        }
        q.add("scale", in.scale() ? 1 : 0).addReadable("temp", in.temperature());
        if (in.digits() != AttentionInput.DEFAULT_DIGITS) {
            q.add("digits", in.digits());
        }
        return q;
    }
}
