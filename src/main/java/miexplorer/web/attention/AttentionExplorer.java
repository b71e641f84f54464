package miexplorer.web.attention;

import io.javalin.config.RoutesConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import miexplorer.attention.AdditiveScores;
import miexplorer.info.Analysis;
import miexplorer.info.LogBase;
import miexplorer.web.explorer.Explorer;
import miexplorer.web.explorer.ExplorerRoutes;
import miexplorer.web.explorer.Export;
import miexplorer.web.explorer.Placement;
import miexplorer.web.form.FieldErrors;
import miexplorer.web.form.Fields;
import miexplorer.web.form.TableReader;
import miexplorer.web.joint.TableSettings;
import miexplorer.web.site.Paths;
import miexplorer.web.site.Site;

/**
 * The attention explorer ({@code /attention}): queries, keys and values as typed ({@link AttentionForm}),
 * scaled dot-product attention worked out with and without the √d_k scaling and, for several queries,
 * I(query; key) ({@link AttentionView}); its presets, {@code /attention.py} and {@code /api/attention}.
 */
public final class AttentionExplorer extends Explorer<AttentionInput, AttentionForm, AttentionView> {
    public static final String API_PATH = "/api/attention";
    /** The heap the √d_k experiment holds: a trial's keys of up to 1024 numbers (256 × 1024 × 8 bytes), and the page. */
    /** The buttons of the form. {@code update} (or none) just recomputes. */
    public static final String ADD_KEY = "add-key";
    public static final String REMOVE_KEY = "remove-key-";
    public static final String ADD_QUERY = "add-query";
    public static final String REMOVE_QUERY = "remove-query-";
    public static final String SET_DK = "set-dk";
    public static final String RESET = "reset";
    public static final String ADD_UNIT = "add-unit";
    public static final String REMOVE_UNIT = "remove-unit";
    /** The form's choice of the dot product, scaled or not as its √d_k box says ({@code score=scaled-dot} and {@code dot} in URLs). */
    public static final String DOT_PRODUCT = "dot-product";
    private static final long SCALING_BYTES = 4L * 1024 * 1024;
    /** Its presets; the lesson shows it on two queries that prefer different keys, the example its text talks about. */
    private static final About<AttentionInput> ABOUT = new About<>(Paths.ATTENTION, "Attention explorer",
            "Attention explorer · MI Explorer",
            "Attention worked out step by step: dot-product or additive scores, the √dₖ scaling, the softmax, the weights, their entropy.",
            "state", AttentionPresets.all(), AttentionPresets.twoQueries());

    private final Site site;

    public AttentionExplorer(Site site) {
        super(ABOUT);
        this.site = site;
    }

    /** I(query; key), in bits, of the lesson's example with its first query and scaling changed: the figures the lesson quotes. */
    public static double lessonTry(String firstQuery, boolean scale) {
        AttentionInput in = AttentionPresets.twoQueries();
        AttentionInput changed = new AttentionInput(in.queryLabels(), List.of(firstQuery, in.queries().get(1)), in.priors(),
                in.keyLabels(), in.keys(), in.values(), scale, in.temperature(), in.digits());
        return Analysis.of(changed.check(new FieldErrors()).result().joint(), LogBase.TWO).mutualInformation();
    }

    /** The vectors as typed, or the first example when the request has none; the button and d_k asked for. */
    @Override
    public AttentionForm read(Fields fields) {
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
        boolean additive = false;
        String scoreText = fields.last("score");
        if (scoreText != null && !scoreText.isBlank()) {
            switch (scoreText.strip()) {
                case "scaled-dot" -> scale = true;
                case "dot" -> scale = false;
                case DOT_PRODUCT -> { } // the form's choice: scaled or not as its √d_k box says
                case "additive" -> additive = true;
                default -> errors.add("score", "“" + scoreText.strip() + "” is not a score function: use scaled-dot, dot or additive.");
            }
        }
        String temperature = fields.last("temp");
        if (TemperatureScale.SET_ACTION.equals(fields.last("action"))) {
            // The slider's Set button, without scripts: the slider's position becomes T (a position that
            // cannot be read leaves T as typed).
            String set = TemperatureScale.fromField(fields.last(TemperatureScale.PARAM));
            temperature = set != null ? set : temperature;
        }
        if (!fields.hasAny("q", "k", "ql", "kl", "v", "prior")) {
            AttentionInput s = AttentionPresets.sentence();
            AttentionInput in = new AttentionInput(s.queryLabels(), s.queries(), s.priors(), s.keyLabels(), s.keys(),
                    s.values(), scale, temperature == null ? s.temperature() : temperature.strip(), digits);
            return new AttentionForm(additive ? in.withAdditive(additiveWeights(fields, in)) : in, errors,
                    fields.last("action"), fields.last("dk"));
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
        AttentionInput in = new AttentionInput(ql, qs, prior, kl, ks, v, scale, temperature == null ? "1" : temperature.strip(), digits);
        return new AttentionForm(additive ? in.withAdditive(additiveWeights(fields, in)) : in, errors, fields.last("action"),
                fields.last("dk"));
    }

    /**
     * The additive score's weights as typed; when none are (the score was just switched to additive),
     * a starting point: h = 2, W_q and W_k the first rows of the identity, v = (1, 1).
     */
    private static AttentionInput.Additive additiveWeights(Fields fields, AttentionInput in) {
        if (!fields.hasAny("wq", "wk", "va")) {
            int dq = Math.max(1, in.dk());
            int dk = Math.max(1, in.keyCount() == 0 ? dq : AttentionInput.parts(in.keys().get(0)).size());
            return new AttentionInput.Additive(List.of(unit(dq, 0), unit(dq, 1)), List.of(unit(dk, 0), unit(dk, 1)), "1, 1");
        }
        List<String> wq = TableReader.strip(fields.all("wq"));
        List<String> wk = TableReader.strip(fields.all("wk"));
        // Each matrix gets a row for every row of the other (empty, so its message stands beside a field).
        int h = Math.max(1, Math.max(wq.size(), wk.size()));
        String va = fields.last("va");
        return new AttentionInput.Additive(TableReader.pad(wq, h, j -> ""), TableReader.pad(wk, h, j -> ""),
                va == null ? "" : va.strip());
    }

    /** Row {@code i} of the identity with {@code d} columns (zeros when i ≥ d). */
    private static String unit(int d, int i) {
        List<String> row = new ArrayList<>(Collections.nCopies(d, "0"));
        if (i < d) {
            row.set(i, "1");
        }
        return String.join(", ", row);
    }

    @Override
    public AttentionForm form(AttentionInput input) {
        return new AttentionForm(input, new FieldErrors(), null, null);
    }

    /**
     * The form after its button. Reset goes back to where the explorer started: the lesson's explorer
     * to the lesson's example, which its text talks about (with or without JavaScript), any other to
     * the explorer's first example.
     */
    @Override
    public AttentionForm act(AttentionForm form, Placement from) {
        AttentionInput start = from == Placement.LESSON ? AttentionPresets.twoQueries() : AttentionPresets.sentence();
        return new AttentionForm(apply(form.action(), form.dk(), form.input(), start, form.errors()), form.errors(), null, form.dk());
    }

    @Override
    public AttentionView show(AttentionForm form, Placement placement) {
        return AttentionView.of(form.check(), form.dk(), placement, site);
    }

    @Override
    public List<Export<AttentionView>> exports() {
        return List.of(Export.python(AttentionExport.PY_PATH, AttentionExport::python),
                Export.notebook(AttentionExport.NB_PATH, AttentionExport::notebook));
    }

    @Override
    public void addRoutes(RoutesConfig routes, ExplorerRoutes<AttentionInput, AttentionForm, AttentionView> explorer) {
        routes.post(API_PATH, AttentionApi::post);
    }

    // ---- what the buttons do ---------------------------------------------------------------------

    /** The state after a button: {@code start} is where Reset goes. */
    private static AttentionInput apply(String action, String dkText, AttentionInput in, AttentionInput start, FieldErrors errors) {
        if (action == null || action.isEmpty() || action.equals("update") || action.equals(TemperatureScale.SET_ACTION)) {
            return in;
        }
        if (action.equals(RESET)) {
            return start;
        }
        int dk = in.dk();
        if (action.equals(ADD_KEY)) {
            if (in.keyCount() >= AttentionInput.MAX_KEYS) {
                errors.add("keys", "There are already " + AttentionInput.MAX_KEYS + " keys, the most the explorer takes.");
                return in;
            }
            List<String> kl = new ArrayList<>(in.keyLabels());
            kl.add("k" + (in.keyCount() + 1));
            List<String> ks = new ArrayList<>(in.keys());
            ks.add(zeros(Math.max(dk, 1)));
            List<String> vs = new ArrayList<>(in.values());
            vs.add(in.hasValues() ? zeros(valueDimension(in)) : "");
            return in.withKeys(kl, ks, vs);
        }
        if (action.equals(ADD_QUERY)) {
            if (in.queryCount() >= AttentionInput.MAX_QUERIES) {
                errors.add("queries", "There are already " + AttentionInput.MAX_QUERIES + " queries, the most the explorer takes.");
                return in;
            }
            List<String> ql = new ArrayList<>(in.queryLabels());
            String label = "q" + (in.queryCount() + 1);
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
            int j = TableReader.index(action.substring(REMOVE_KEY.length()), in.keyCount());
            if (j < 0 || in.keyCount() == 1) {
                errors.add("keys", in.keyCount() == 1 ? "Attention needs at least one key." : "There is no such key to remove.");
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
            int r = TableReader.index(action.substring(REMOVE_QUERY.length()), in.queryCount());
            if (r < 0 || in.queryCount() == 1) {
                errors.add("queries", in.queryCount() == 1 ? "Attention needs at least one query." : "There is no such query to remove.");
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
        if (action.equals(ADD_UNIT) || action.equals(REMOVE_UNIT)) {
            AttentionInput.Additive a = in.additive();
            if (a == null) {
                errors.add("action", "Hidden units belong to the additive score; choose it first.");
                return in;
            }
            int h = a.hidden() + (action.equals(ADD_UNIT) ? 1 : -1);
            if (h > AdditiveScores.MAX_HIDDEN) {
                errors.add("wq[0]", "There are already " + AdditiveScores.MAX_HIDDEN + " hidden units, the most the explorer takes.");
                return in;
            }
            if (h < 1) {
                errors.add("wq[0]", "The additive score needs at least one hidden unit.");
                return in;
            }
            // W_q, W_k and v all to h rows (numbers), so that rows typed out of step come back into step.
            String queryRow = zeros(Math.max(1, dk));
            String keyRow = zeros(Math.max(1, in.keyCount() == 0 ? 1 : AttentionInput.parts(in.keys().get(0)).size()));
            List<String> va = new ArrayList<>(AttentionInput.parts(a.va()));
            return in.withAdditive(new AttentionInput.Additive(rows(a.wq(), h, queryRow), rows(a.wk(), h, keyRow),
                    String.join(", ", rows(va, h, "0"))));
        }
        if (action.equals(SET_DK)) {
            int target;
            try {
                target = Integer.parseInt(dkText == null ? "" : dkText.strip());
            } catch (NumberFormatException e) {
                target = -1;
            }
            if (target < 1 || target > AttentionInput.MAX_DIM) {
                errors.add("dk", "dₖ must be a whole number from 1 to " + AttentionInput.MAX_DIM + ".");
                return in;
            }
            final int size = target;
            List<String> qs = in.queries().stream().map(v -> resize(v, size)).toList();
            List<String> ks = in.keys().stream().map(v -> resize(v, size)).toList();
            AttentionInput out = in.withQueries(in.queryLabels(), qs, in.priors()).withKeys(in.keyLabels(), ks, in.values());
            AttentionInput.Additive a = in.additive();
            return a == null ? out : out.withAdditive(new AttentionInput.Additive(
                    a.wq().stream().map(v -> resize(v, size)).toList(), a.wk().stream().map(v -> resize(v, size)).toList(), a.va()));
        }
        errors.add("action", "“" + action + "” is not something this form can do.");
        return in;
    }

    /** The first {@code h} of {@code rows}, with {@code filler} rows after them when there are fewer. */
    private static List<String> rows(List<String> rows, int h, String filler) {
        List<String> out = new ArrayList<>(rows.subList(0, Math.min(h, rows.size())));
        while (out.size() < h) {
            out.add(filler);
        }
        return out;
    }

    private static int valueDimension(AttentionInput in) {
        return in.values().stream().filter(v -> !v.isBlank()).findFirst().map(v -> AttentionInput.parts(v).size()).orElse(1);
    }

    /** Cut a vector to {@code size} parts, or pad it with zeros; what was typed is kept otherwise. */
    private static String resize(String vector, int size) {
        List<String> p = new ArrayList<>(AttentionInput.parts(vector));
        while (p.size() > size) {
            p.remove(p.size() - 1);
        }
        while (p.size() < size) {
            p.add("0");
        }
        return String.join(", ", p);
    }

    private static String zeros(int d) {
        return String.join(", ", Collections.nCopies(d, "0"));
    }
}
