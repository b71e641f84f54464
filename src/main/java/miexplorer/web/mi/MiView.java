package miexplorer.web.mi;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import miexplorer.info.Analysis;
import miexplorer.info.JointDistribution;
import miexplorer.info.TwoByTwo;
import miexplorer.web.explorer.ExplorerView;
import miexplorer.web.explorer.Placement;
import miexplorer.web.explorer.Preset;
import miexplorer.web.explorer.Problem;
import miexplorer.web.form.FieldErrors;
import miexplorer.web.joint.JointInput;
import miexplorer.web.joint.JointView;
import miexplorer.web.render.Format;
import miexplorer.web.site.Paths;
import miexplorer.web.site.Site;

/**
 * Everything the explorer's templates show for one state: the input as typed, its messages, the
 * slider, the links and exports, and the table's analysis ({@link #joint}, shown by the shared
 * templates) when the input is sound. Formatting lives here and in {@link JointView} so templates
 * stay markup.
 *
 * @param joint the table as typed and, when it is sound, its analysis; it knows where the explorer is
 *     shown (its own page, an iframe, the lesson)
 * @param weights the cells as numbers, before normalising (null when the input has mistakes)
 * @param bscText the crossover probability as typed in the channel preset's form
 * @param bscError its message, or null
 * @param site the public base URL, for the absolute links in exports
 */
public record MiView(JointView joint, FieldErrors errors, double[][] weights, String bscText, String bscError, Site site)
        implements ExplorerView {

    private static final String DEFAULT_CROSSOVER_TEXT = Format.cell(MiPresets.DEFAULT_CROSSOVER);

    public static MiView of(JointInput.Checked checked, Placement placement, Site site) {
        return of(checked, DEFAULT_CROSSOVER_TEXT, null, placement, site);
    }

    public static MiView of(JointInput.Checked checked, String bscText, String bscError, Placement placement, Site site) {
        return new MiView(JointView.of(checked.input(), checked.weights(), placement), checked.errors(), checked.weights(),
                bscText, bscError, site);
    }

    // ---- the table and its analysis (see JointView) --------------------------------------------

    public JointInput input() {
        return joint.input();
    }

    /** The analysis, or null while the input has mistakes. */
    public Analysis analysis() {
        return joint.analysis();
    }

    public boolean ok() {
        return joint.ok();
    }

    public Placement placement() {
        return joint.placement();
    }

    @Override
    public int digits() {
        return joint.digits();
    }

    public String withUnit(double v) {
        return joint.withUnit(v);
    }

    public String unit() {
        return joint.unit();
    }

    public boolean isCounts() {
        return joint.isCounts();
    }

    // ---- where it is shown ---------------------------------------------------------------------

    /** The state on the explorer's own page: {@code /mi?…}. */
    @Override
    public String stateUrl() {
        return input().url();
    }

    /** The runnable Python script for this state. */
    public String pythonUrl() {
        return input().query().on(MiExport.PY_PATH);
    }

    /** The same computation as a Jupyter notebook. */
    public String notebookUrl() {
        return input().query().on(MiExport.NB_PATH);
    }

    /** The table and results as CSV. */
    public String csvUrl() {
        return input().query().on(MiExport.CSV_PATH);
    }

    /**
     * The table as the only slice of a table of three variables, on the three-variable explorer's page:
     * its URL takes the same fields, with Z named by {@code z} and its one value by {@code zl}.
     */
    public String cmiUrl() {
        return input().query().add("z", "Z").add("zl", "z1").on(Paths.CMI);
    }

    /** The script itself, shown on the page exactly as {@code /mi.py} serves it. */
    public String python() {
        return MiExport.python(this);
    }

    // ---- fields and messages -------------------------------------------------------------------

    public String cellKey(int i, int j) {
        return "p[" + i + "][" + j + "]";
    }

    private static final Pattern CELL_KEY = Pattern.compile("p\\[(\\d+)\\]\\[(\\d+)\\]");
    private static final Pattern LABEL_KEY = Pattern.compile("(xl|yl)\\[(\\d+)\\]");

    /** A message named by what it concerns, so it can be found on a phone or in a large table. */
    @Override
    public Problem problem(String field, String message) {
        Matcher cell = CELL_KEY.matcher(field);
        if (cell.matches()) {
            int i = Integer.parseInt(cell.group(1));
            int j = Integer.parseInt(cell.group(2));
            return new Problem("Cell (" + label(input().xLabels(), i, "row") + ", " + label(input().yLabels(), j, "column") + ")",
                    "c-" + i + "-" + j, message);
        }
        Matcher label = LABEL_KEY.matcher(field);
        if (label.matches()) {
            int k = Integer.parseInt(label.group(2));
            boolean row = label.group(1).equals("xl");
            return new Problem((row ? "Label of row " : "Label of column ") + (k + 1), label.group(1) + "-" + k, message);
        }
        return switch (field) {
            case "x" -> new Problem("Name of X", "x-name", message);
            case "y" -> new Problem("Name of Y", "y-name", message);
            case "sum" -> new Problem("The table", "act-normalise-sum", message);
            case "table" -> new Problem("The table", "joint-table", message);
            case "digits" -> new Problem("Decimals shown", "digits", message);
            case MiExplorer.DEPENDENCE_PARAM -> new Problem("The dependence slider", "dep-slider", message);
            case MiExplorer.CROSSOVER_PARAM -> new Problem("The crossover slider", "eps-slider", message);
            default -> new Problem(null, null, message);
        };
    }

    /** A row's or column's label, or "row 2" when it has none. */
    private static String label(List<String> labels, int k, String what) {
        return k < labels.size() && !labels.get(k).isBlank() ? labels.get(k) : what + " " + (k + 1);
    }

    public List<Preset<JointInput>> presets() {
        return MiPresets.all();
    }

    // ---- the slider of a 2 x 2 table ------------------------------------------------------------

    /**
     * A range input and what surrounds it. {@code min}, {@code max}, {@code step} and {@code value} are
     * written as HTML wants them (ASCII minus); {@code shown} is the value as the page prints numbers.
     */
    public record Slider(String id, String action, String param, String label, String min, String max, String step,
            String value, String minText, String maxText, String shown, String valueText, String help, boolean disabled) {
    }

    /**
     * The slider a 2 × 2 table gets (null for any other shape): for a binary symmetric channel (both
     * marginals uniform) its crossover probability ε; for any other its dependence s with the
     * marginals kept (see TwoByTwo). While the table has mistakes it is shown, disabled, at 0.
     */
    public Slider slider() {
        if (input().rows() != 2 || input().cols() != 2) {
            return null;
        }
        if (!ok()) {
            return dependenceSlider(0, "Fix the table to move this slider.", true);
        }
        JointDistribution t = analysis().table();
        if (TwoByTwo.isSymmetricChannel(t)) {
            double e = TwoByTwo.crossover(t);
            return new Slider("eps-slider", MiExplorer.CROSSOVER, MiExplorer.CROSSOVER_PARAM,
                    "Crossover probability ε: how often " + joint.yName() + " differs from " + joint.xName(), "0", "1", "0.01", plain(e),
                    "0", "1", "ε = " + shown(e), "ε = " + shown(e),
                    "Both marginals are uniform, so this table is a binary symmetric channel: " + joint.yName() + " is " + joint.xName()
                            + " flipped with probability ε. I = 1 − H(ε) bits: 1 bit at ε = 0 or 1, none at ε = ½.", false);
        }
        if (!TwoByTwo.hasRoom(t)) {
            return dependenceSlider(0, "One variable is certain here, so every table with these marginals is independent"
                    + " and there is nothing to move.", true);
        }
        return dependenceSlider(TwoByTwo.dependence(t), "The marginals stay as they are. At 0 the table is independent (I = 0);"
                + " at +1 it puts as much probability on the diagonal as these marginals allow, at −1 as much off it.", false);
    }

    private Slider dependenceSlider(double s, String help, boolean disabled) {
        String where = s == 0 ? "independent" : s > 0 ? "towards the diagonal" : "towards the off-diagonal";
        return new Slider("dep-slider", MiExplorer.DEPENDENCE, MiExplorer.DEPENDENCE_PARAM,
                "Dependence of " + joint.xName() + " and " + joint.yName(), "-1", "1", "0.01", plain(s), "−1", "+1",
                shown(s), shown(s) + ", " + where, help, disabled);
    }

    /** A slider's number as an HTML attribute: at most 4 decimals, an ASCII minus, no exponent. */
    private static String plain(double v) {
        return java.math.BigDecimal.valueOf(Math.round(v * 10000), 4).stripTrailingZeros().toPlainString();
    }

    // ---- text ----------------------------------------------------------------------------------

    @Override
    public String announcement() {
        if (!ok()) {
            return problemsAnnounced();
        }
        return "I(" + joint.xName() + "; " + joint.yName() + ") = " + withUnit(analysis().mutualInformation())
                + ". H(" + joint.xName() + ") = " + withUnit(analysis().entropyX())
                + ", H(" + joint.xName() + " | " + joint.yName() + ") = " + withUnit(analysis().conditionalEntropyXGivenY()) + ".";
    }
}
