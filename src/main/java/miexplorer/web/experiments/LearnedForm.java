package miexplorer.web.experiments;

import java.util.ArrayList;
import java.util.List;
import miexplorer.attention.learned.ExperimentSpec;
import miexplorer.attention.learned.Rule;
import miexplorer.attention.learned.SettingException;
import miexplorer.web.form.FieldErrors;
import miexplorer.web.form.Fields;
import miexplorer.web.form.Query;
import miexplorer.web.render.Format;
import miexplorer.web.site.Paths;

/**
 * The learned-attention experiment's settings as typed, read once from a query string (the page) or
 * from the fields a JSON body makes (the API), and checked: each setting that is not a number of the
 * right kind gets its own message, then {@link ExperimentSpec} checks the ranges and names the first
 * one outside its own. A setting left out takes the page's default for the rule.
 *
 * <p>The field names are the same in the URL, the form and the API: {@code rule}, {@code positions},
 * {@code vocabulary}, {@code relevance} (copy: one per position, "0, 0.2, 0.3"), {@code pair} (xor:
 * two positions counted from 0, "1, 4"), {@code samples} (training sequences), {@code heldOut},
 * {@code embedding}, {@code steps}, {@code learningRate}, {@code seed}.
 *
 * @param spec the checked settings, or null when {@code errors} is not empty
 */
public record LearnedForm(String rule, String positions, String vocabulary, String relevance, String pair, String samples,
        String heldOut, String embedding, String steps, String learningRate, String seed, FieldErrors errors,
        ExperimentSpec spec) {

    /** Every field, in the URL's order. */
    public static final List<String> FIELDS = List.of("rule", "positions", "vocabulary", "relevance", "pair", "samples",
            "heldOut", "embedding", "steps", "learningRate", "seed");

    /** Reads and checks the settings; a field that is absent or blank takes its default. */
    public static LearnedForm read(Fields fields) {
        FieldErrors errors = new FieldErrors();
        String ruleText = text(fields, "rule", Rule.COPY.key());
        Rule rule = Rule.fromKey(ruleText);
        if (rule == null) {
            errors.add("rule", "rule is “" + ruleText + "”; it must be copy (copy with noise), xor (exclusive or) or max (the largest token).");
        }
        Rule r = rule == null ? Rule.COPY : rule;
        ExperimentSpec d = ExperimentSpec.defaults(r);
        String positionsText = text(fields, "positions", String.valueOf(d.positions()));
        Integer n = whole(positionsText, "positions", errors);
        int nOr = n == null || n < ExperimentSpec.MIN_POSITIONS || n > ExperimentSpec.MAX_POSITIONS ? d.positions() : n;
        String vocabularyText = text(fields, "vocabulary", String.valueOf(d.vocabulary()));
        Integer v = whole(vocabularyText, "vocabulary", errors);
        String relevanceText = text(fields, "relevance", numbers(ExperimentSpec.defaultRelevances(nOr)));
        double[] relevances = r == Rule.COPY ? decimals(relevanceText, "relevance", errors) : null;
        int[] defaultPair = defaultPair(nOr);
        String pairText = text(fields, "pair", defaultPair[0] + ", " + defaultPair[1]);
        int[] pair = r == Rule.XOR ? pair(pairText, errors) : defaultPair;
        String samplesText = text(fields, "samples", String.valueOf(d.trainingSamples()));
        Integer samples = whole(samplesText, "samples", errors);
        String heldOutText = text(fields, "heldOut", String.valueOf(d.heldOutSamples()));
        Integer heldOut = whole(heldOutText, "heldOut", errors);
        String embeddingText = text(fields, "embedding", String.valueOf(d.embedding()));
        Integer embedding = whole(embeddingText, "embedding", errors);
        String stepsText = text(fields, "steps", String.valueOf(d.steps()));
        Integer steps = whole(stepsText, "steps", errors);
        String rateText = text(fields, "learningRate", Format.cell(d.learningRate()));
        Double rate = decimal(rateText, "learningRate", errors);
        String seedText = text(fields, "seed", String.valueOf(d.seed()));
        Long seed = null;
        try {
            seed = Long.parseLong(seedText);
        } catch (NumberFormatException e) {
            errors.add("seed", "seed must be a whole number from 0 to " + ExperimentSpec.MAX_SEED + ", such as 1 or 2026; “" + seedText + "” is not.");
        }
        ExperimentSpec spec = null;
        if (errors.isEmpty()) {
            try {
                spec = new ExperimentSpec(rule, n, v, relevances, pair[0], pair[1], samples, heldOut, embedding, steps, rate, seed);
            } catch (SettingException e) {
                errors.add(field(e.field()), message(e));
            }
        }
        return new LearnedForm(ruleText, positionsText, vocabularyText, relevanceText, pairText, samplesText, heldOutText,
                embeddingText, stepsText, rateText, seedText, errors, spec);
    }

    public boolean ok() {
        return errors.isEmpty();
    }

    public Rule ruleOrCopy() {
        Rule r = Rule.fromKey(rule);
        return r == null ? Rule.COPY : r;
    }

    /** The page's canonical URL for these settings (only for checked ones: {@code spec} not null). */
    public String url() {
        return url(spec);
    }

    /** The page's canonical URL for {@code spec}: every setting, the rule's own ones included. */
    public static String url(ExperimentSpec spec) {
        Query q = new Query().add("rule", spec.rule().key()).add("positions", spec.positions()).add("vocabulary", spec.vocabulary());
        if (spec.rule() == Rule.COPY) {
            q.addReadable("relevance", numbers(spec.relevances()).replace(" ", ""));
        } else if (spec.rule() == Rule.XOR) {
            q.addReadable("pair", spec.first() + "," + spec.second());
        }
        return q.add("samples", spec.trainingSamples()).add("heldOut", spec.heldOutSamples()).add("embedding", spec.embedding())
                .add("steps", spec.steps()).add("learningRate", Format.cell(spec.learningRate())).add("seed", spec.seed())
                .on(Paths.LEARNED);
    }

    /** The pair a sequence of n positions gets by default: (1, 4) when it fits, else the first and the last. */
    static int[] defaultPair(int n) {
        return n >= 5 ? new int[] {1, 4} : new int[] {0, n - 1};
    }

    /** The form's name for an {@link ExperimentSpec} component. */
    static String field(String specField) {
        return switch (specField) {
            case "trainingSamples" -> "samples";
            case "heldOutSamples" -> "heldOut";
            case "relevances" -> "relevance";
            case "first", "second" -> "pair";
            default -> specField;
        };
    }

    /** The spec's message, its setting named as the form names it. */
    private static String message(SettingException e) {
        String m = e.getMessage();
        String name = switch (e.field()) {
            case "first" -> "the pair's first position";
            case "second" -> "the pair's second position";
            default -> field(e.field());
        };
        if (m.startsWith(e.field() + " is ")) {
            m = name + m.substring(e.field().length());
        }
        return m + (m.endsWith(".") ? "" : ".");
    }

    /** The fields of {@code spec}'s canonical URL, as a request would bring them. */
    public static Fields fields(ExperimentSpec spec) {
        String url = url(spec);
        java.util.Map<String, List<String>> map = new java.util.LinkedHashMap<>();
        for (String kv : url.substring(url.indexOf('?') + 1).split("&")) {
            int eq = kv.indexOf('=');
            map.put(kv.substring(0, eq), List.of(java.net.URLDecoder.decode(kv.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8)));
        }
        return Fields.of(map);
    }

    private static String text(Fields fields, String name, String fallback) {
        String v = fields.first(name);
        return v == null || v.isBlank() ? fallback : v.strip();
    }

    private static Integer whole(String text, String field, FieldErrors errors) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            errors.add(field, field + " must be a whole number; “" + text + "” is not.");
            return null;
        }
    }

    private static Double decimal(String text, String field, FieldErrors errors) {
        try {
            double v = Double.parseDouble(text);
            if (Double.isFinite(v) && !text.endsWith("d") && !text.endsWith("f") && !text.endsWith("D") && !text.endsWith("F")) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(field, field + " must be a number such as 0.05; “" + text + "” is not.");
        return null;
    }

    /** Numbers separated by commas (or spaces): "0, 0.2, 0.3". */
    private static double[] decimals(String text, String field, FieldErrors errors) {
        String[] parts = text.split("[,\\s]+");
        List<Double> out = new ArrayList<>();
        for (String p : parts) {
            if (p.isEmpty()) {
                continue;
            }
            Double v = decimal(p, field, new FieldErrors());
            if (v == null) {
                errors.add(field, field + " must be numbers from 0 to 1 separated by commas, one per position, such as 0, 0.2, 0.4; “"
                        + p + "” is not a number.");
                return null;
            }
            out.add(v);
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static int[] pair(String text, FieldErrors errors) {
        String[] parts = text.split("[,\\s]+");
        try {
            if (parts.length == 2) {
                return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add("pair", "pair must be two positions (counted from 0) separated by a comma, such as 1, 4; “" + text + "” is not.");
        return null;
    }

    /** "0, 0.1, 0.2": numbers as the form shows them. */
    static String numbers(double[] values) {
        StringBuilder b = new StringBuilder();
        for (double x : values) {
            b.append(b.length() == 0 ? "" : ", ").append(Format.cell(x));
        }
        return b.toString();
    }
}
