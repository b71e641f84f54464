package miexplorer.web.attention;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import miexplorer.attention.MultiQueryAttention;
import miexplorer.attention.QueryAttention;
import miexplorer.info.LogBase;
import miexplorer.web.explorer.ExplorerView;
import miexplorer.web.explorer.Placement;
import miexplorer.web.explorer.Preset;
import miexplorer.web.form.FieldErrors;
import miexplorer.web.joint.JointInput;
import miexplorer.web.joint.JointView;
import miexplorer.web.joint.Kind;
import miexplorer.web.joint.TableRules;
import miexplorer.web.render.Format;
import miexplorer.web.render.Heatmap;
import miexplorer.web.site.Site;
import miexplorer.web.steps.AttentionRowSteps;

/**
 * What the attention explorer's templates show for one state: the input as typed, its messages,
 * and for a sound state the attention as set ({@link #result}) beside the same with the scaling
 * switched the other way ({@link #flipped}). With several queries, the attention matrix read as a
 * joint table P(query, key) is analysed as any joint table is ({@link #joint}), and shown by the same
 * templates as the joint-table explorer's results.
 *
 * @param checked the check this view shows: the worked steps of a sound state reuse the vectors it
 *     read rather than parsing them again for every query they show
 * @param placement its own page, alone for an iframe ({@code embed=1}), or in the lesson
 */
public record AttentionView(AttentionInput input, FieldErrors errors, MultiQueryAttention result,
        MultiQueryAttention flipped, JointView joint, String dkTyped, Site site, AttentionInput.Checked checked,
        Placement placement) implements ExplorerView {

    /**
     * Before the ids of this explorer's messages, so that they differ from the joint-table
     * explorer's where both are on one page (the lesson): both have a "digits" field, for one.
     */
    public static final String ERROR_PREFIX = "att-";

    /** With more queries than this, only the first query's working is written out. */
    public static final int QUERIES_WORKED = 4;

    /** @param dkTyped what was typed into the d_k field, shown back when it was refused; else null */
    public static AttentionView of(AttentionInput.Checked c, String dkTyped, Placement placement, Site site) {
        JointView joint = null;
        if (c.ok() && c.input().queryCount() > 1) {
            joint = JointView.of(jointInput(c), c.result().joint().cells(), Placement.NESTED);
        }
        return new AttentionView(c.input(), c.errors(), c.result(), c.flipped(), joint, dkTyped, site, c, placement);
    }

    /** The attention matrix as a joint table, as the /mi explorer takes it: rows are queries, columns keys. */
    private static JointInput jointInput(AttentionInput.Checked c) {
        double[][] p = c.result().joint().cells();
        List<List<String>> cells = new ArrayList<>();
        double sum = 0;
        for (double[] row : p) {
            List<String> r = new ArrayList<>();
            for (double v : row) {
                String s = Format.cell(v);
                r.add(s);
                sum += Double.parseDouble(s);
            }
            cells.add(r);
        }
        // Twelve significant digits per cell keep the sum within 1e-9 of 1 for small tables; a large
        // table could stray further, and is then sent as weights to normalise.
        Kind kind = Math.abs(sum - 1) <= TableRules.SUM_TOLERANCE ? Kind.PROBABILITIES : Kind.COUNTS;
        return new JointInput("Query", "Key", unique(c.input().queryLabels()), unique(c.input().keyLabels()), cells, kind,
                LogBase.TWO, c.input().digits());
    }

    /**
     * Labels made distinct (and short enough) for a table: a repeated token gets its position,
     * "the (4)", and anything that would still collide or grow past the label limit is shortened
     * and marked until it is unique.
     */
    static List<String> unique(List<String> labels) {
        Map<String, Integer> count = new HashMap<>();
        for (String l : labels) {
            count.merge(l, 1, Integer::sum);
        }
        java.util.Set<String> used = new java.util.HashSet<>();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            String l = labels.get(i);
            String candidate = count.get(l) > 1 ? fit(l, " (" + (i + 1) + ")") : l;
            while (!used.add(candidate)) {
                candidate = fit(candidate, "′");
            }
            out.add(candidate);
        }
        return out;
    }

    /** {@code base + suffix}, with base cut so the whole fits in a label. */
    private static String fit(String base, String suffix) {
        int room = TableRules.MAX_LABEL - suffix.length();
        return (base.length() > room ? base.substring(0, room) : base) + suffix;
    }

    @Override
    public boolean ok() {
        return result != null;
    }

    public boolean single() {
        return input.queryCount() == 1;
    }

    /** The state on the explorer's own page: {@code /attention?…}. */
    @Override
    public String stateUrl() {
        return input.url();
    }

    /** The ids of this explorer's messages: "q[0]" → "att-err-q-0". */
    @Override
    public String errorPrefix() {
        return ERROR_PREFIX;
    }

    public int dk() {
        return input.dk();
    }

    /** The length of the first key as typed (for additive scores it may differ from the query's). */
    public int keyLength() {
        return input.keyCount() == 0 ? 0 : AttentionInput.parts(input.keys().get(0)).size();
    }

    /** The d_k field's text: as typed when it was refused, else the current d_k. */
    public String dkField() {
        return dkTyped != null && errors.has("dk") ? dkTyped : String.valueOf(dk());
    }

    /** Whether the scores are additive (vᵀ tanh(W_q q + W_k k_i)) rather than dot products. */
    public boolean additive() {
        return input.additive() != null;
    }

    /** For additive scores: scaled dot-product attention of the same vectors, for comparison; null when q and k differ in length. */
    public MultiQueryAttention dotForComparison() {
        return additive() ? flipped : null;
    }

    /** The bars of query r for additive scores: additive beside scaled dot product (null without a comparison). */
    public Bars additiveBars(int r) {
        MultiQueryAttention dot = dotForComparison();
        return dot == null ? null : Bars.of(input.keyLabels(), result.rows().get(r).weights(), dot.rows().get(r).weights(), this::shown);
    }

    public String additiveBarsText(int r) {
        return barsText(r, "with additive scores (blue) and with scaled dot-product scores (orange)",
                result.rows().get(r).weights(), "additive", dotForComparison().rows().get(r).weights(), "dot product");
    }

    /** h, W_q's rows as typed, for the additive score's fields. */
    public int hidden() {
        return additive() ? input.additive().hidden() : 0;
    }

    /** Attention with the √d_k scaling, whichever way the form is set. */
    public MultiQueryAttention scaled() {
        return input.scale() ? result : flipped;
    }

    public MultiQueryAttention unscaled() {
        return input.scale() ? flipped : result;
    }

    /** Query {@code r}'s attention worked out step by step, as set (with or without the scaling). */
    public AttentionRowSteps rowSteps(int r) {
        return new AttentionRowSteps(r, input.queryLabels().get(r), input.keyLabels(), checked.queries()[r], checked.keys(),
                checked.values(), result.rows().get(r), input.scale(), input.temperature(), input.digits(), placement,
                checked.additive() == null ? null : checked.additive().get(r));
    }

    public List<Integer> workedQueries() {
        int shown = Math.min(input.queryCount(), QUERIES_WORKED);
        List<Integer> out = new ArrayList<>(shown);
        for (int r = 0; r < shown; r++) {
            out.add(r);
        }
        return out;
    }

    // ---- numbers -------------------------------------------------------------------------------

    @Override
    public int digits() {
        return input.digits();
    }

    public String bits(double v) {
        return shown(v) + " bits";
    }

    /** Where the temperature slider stands: the position nearest T on its log scale ({@link TemperatureScale}). */
    public int temperatureSlider() {
        return TemperatureScale.position(input.temperature());
    }

    // ---- pictures ------------------------------------------------------------------------------

    public Bars bars(int r) {
        return Bars.of(input.keyLabels(), scaled().rows().get(r).weights(), unscaled().rows().get(r).weights(), this::shown);
    }

    public Heatmap matrix() {
        double[][] w = new double[input.queryCount()][];
        for (int r = 0; r < input.queryCount(); r++) {
            w[r] = result.rows().get(r).weights();
        }
        return Heatmap.sequential(w, input.queryLabels(), input.keyLabels(), this::shown, "α");
    }

    public String barsText(int r) {
        return barsText(r, "with the √dₖ scaling (blue) and without (orange)", scaled().rows().get(r).weights(), "scaled",
                unscaled().rows().get(r).weights(), "unscaled");
    }

    /** The text of query r's bars: what the two colours are, then each key's two weights (the first 12 keys). */
    private String barsText(int r, String colours, double[] blue, String blueName, double[] orange, String orangeName) {
        StringBuilder b = new StringBuilder("Bar chart of the attention weights of query “" + input.queryLabels().get(r)
                + "” per key, " + colours + ". ");
        for (int i = 0; i < Math.min(input.keyCount(), 12); i++) {
            b.append(input.keyLabels().get(i)).append(": ").append(shown(blue[i])).append(' ').append(blueName).append(", ")
                    .append(shown(orange[i])).append(' ').append(orangeName).append(". ");
        }
        if (input.keyCount() > 12) {
            b.append("The other ").append(input.keyCount() - 12).append(" keys are in the table of weights.");
        }
        return b.toString();
    }

    public String matrixText() {
        return "Heatmap of the attention matrix: " + input.queryCount() + " queries (rows) by " + input.keyCount()
                + " keys (columns); darker cells carry more weight. Each row adds up to 1. The weights are listed in each query's working below.";
    }

    // ---- text ----------------------------------------------------------------------------------

    @Override
    public String announcement() {
        if (!ok()) {
            return problemsAnnounced();
        }
        QueryAttention a = result.rows().get(0);
        StringBuilder b = new StringBuilder("Weights for “" + input.queryLabels().get(0) + "”: ");
        for (int i = 0; i < Math.min(input.keyCount(), 8); i++) {
            b.append(input.keyLabels().get(i)).append(' ').append(shown(a.weights()[i])).append(i + 1 < input.keyCount() ? ", " : ". ");
        }
        b.append("Entropy ").append(bits(a.entropyBits())).append('.');
        if (joint != null) {
            b.append(" I(query; key) = ").append(bits(joint.analysis().mutualInformation())).append('.');
        }
        return b.toString();
    }

    /** The Python script that redoes this state's computation (only for a sound state). */
    public String python() {
        return AttentionExport.python(this);
    }

    public String notebookUrl() {
        return AttentionExport.notebookUrl(input);
    }

    public String pythonUrl() {
        return AttentionExport.url(input);
    }

    public List<Preset<AttentionInput>> presets() {
        return AttentionPresets.all();
    }

    /** The /mi URL of the joint table, or null when the table is beyond the explorer's limits. */
    public String jointUrl() {
        if (joint == null || input.queryCount() > JointInput.MAX_ROWS || input.keyCount() > JointInput.MAX_COLS) {
            return null;
        }
        return joint.input().url();
    }
}
