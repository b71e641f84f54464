package miexplorer.web.cmi;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import miexplorer.info.ThreeWayAnalysis;
import miexplorer.info.ThreeWayDistribution;
import miexplorer.web.explorer.ExplorerView;
import miexplorer.web.explorer.Placement;
import miexplorer.web.explorer.Preset;
import miexplorer.web.explorer.Problem;
import miexplorer.web.form.FieldErrors;
import miexplorer.web.joint.JointView;
import miexplorer.web.site.Site;
import miexplorer.web.steps.CmiSteps;

/**
 * Everything the three-variable explorer's templates show for one state: the input as typed, its
 * messages, and, when it is sound, its analysis, with each slice of Z shown by the joint-table
 * explorer's own worked steps (shared {@link JointView}s).
 *
 * @param weights the cells as numbers, [z][x][y] (null while the input has mistakes)
 * @param analysis null while the input has mistakes
 */
public record CmiView(CmiInput input, FieldErrors errors, double[][][] weights, ThreeWayAnalysis analysis,
        Placement placement, Site site) implements ExplorerView {

    /** Before the ids of this explorer's messages, which differ from the joint-table explorer's on one page (the lesson). */
    public static final String ERROR_PREFIX = "cmi-";

    public static CmiView of(CmiInput.Checked c, Placement placement, Site site) {
        ThreeWayAnalysis a = c.ok() ? ThreeWayAnalysis.of(ThreeWayDistribution.fromWeights(c.weights()), c.input().base()) : null;
        return new CmiView(c.input(), c.errors(), c.weights(), a, placement, site);
    }

    @Override
    public boolean ok() {
        return analysis != null;
    }

    // ---- where it is shown ---------------------------------------------------------------------

    @Override
    public String stateUrl() {
        return input.url();
    }

    public String pythonUrl() {
        return input.query().on(CmiExport.PY_PATH);
    }

    public String notebookUrl() {
        return input.query().on(CmiExport.NB_PATH);
    }

    public String python() {
        return CmiExport.python(this);
    }

    public List<Preset<CmiInput>> presets() {
        return CmiPresets.all();
    }

    // ---- numbers -------------------------------------------------------------------------------

    @Override
    public int digits() {
        return input.digits();
    }

    /** The table worked out: every entropy, slice by slice, the chain rule and the co-information (null analysis while it has mistakes). */
    public CmiSteps steps() {
        return new CmiSteps(input.table(), input.settings(), weights, analysis, placement);
    }

    // ---- text ----------------------------------------------------------------------------------

    @Override
    public String announcement() {
        if (!ok()) {
            return problemsAnnounced();
        }
        ThreeWayAnalysis a = analysis;
        CmiSteps s = steps();
        String x = input.xName();
        String y = input.yName();
        String z = input.zName();
        return "I(" + x + "; " + y + ") = " + s.withUnit(a.miXY()) + ". Given " + z + ", I(" + x + "; " + y + " | " + z
                + ") = " + s.withUnit(a.miXYGivenZ()) + ". Co-information " + s.withUnit(a.coInformation()) + ".";
    }

    @Override
    public String errorPrefix() {
        return ERROR_PREFIX;
    }

    private static final Pattern CELL_KEY = Pattern.compile("p\\[(\\d+)\\]\\[(\\d+)\\]\\[(\\d+)\\]");
    private static final Pattern LABEL_KEY = Pattern.compile("(xl|yl|zl)\\[(\\d+)\\]");

    @Override
    public Problem problem(String field, String message) {
        Matcher cell = CELL_KEY.matcher(field);
        if (cell.matches()) {
            int z = Integer.parseInt(cell.group(1));
            int i = Integer.parseInt(cell.group(2));
            int j = Integer.parseInt(cell.group(3));
            return new Problem("Cell (" + label(input.xLabels(), i) + ", " + label(input.yLabels(), j) + ", "
                    + label(input.zLabels(), z) + ")", cellId(z, i, j), message);
        }
        Matcher label = LABEL_KEY.matcher(field);
        if (label.matches()) {
            String which = label.group(1);
            int k = Integer.parseInt(label.group(2));
            String of = which.equals("xl") ? input.xName() : which.equals("yl") ? input.yName() : input.zName();
            return new Problem("Label of value " + (k + 1) + " of " + of, "cmi-" + which + "-" + k, message);
        }
        return switch (field) {
            case "x", "y", "z" -> new Problem("Name of " + field.toUpperCase(java.util.Locale.ROOT), "cmi-" + field + "-name", message);
            case "sum" -> new Problem("The table", "cmi-act-normalise-sum", message);
            case "table" -> new Problem("The table", "cmi-slices", message);
            case "digits" -> new Problem("Decimals shown", "cmi-digits", message);
            default -> new Problem(null, null, message);
        };
    }

    public static String cellId(int z, int i, int j) {
        return "cmi-c-" + z + "-" + i + "-" + j;
    }

    private static String label(List<String> labels, int k) {
        return k < labels.size() && !labels.get(k).isBlank() ? labels.get(k) : "value " + (k + 1);
    }

    // ---- marginals shown beside each slice --------------------------------------------------------

    /** P(x, z), P(y, z) and P(z) for the slice tables' margins, or NaN while the input has mistakes. */
    public double pxz(int x, int z) {
        return ok() ? analysis.table().pxz(x, z) : Double.NaN;
    }

    public double pyz(int y, int z) {
        return ok() ? analysis.table().pyz(y, z) : Double.NaN;
    }

    public double pz(int z) {
        return ok() ? analysis.table().pz(z) : Double.NaN;
    }
}
