package miexplorer.web.joint;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import miexplorer.info.Analysis;
import miexplorer.info.Conditional;
import miexplorer.info.DivergenceTerm;
import miexplorer.info.EntropyWorking;
import miexplorer.info.JointDistribution;
import miexplorer.info.LogBase;
import miexplorer.info.TableProperties;
import miexplorer.web.explorer.Placement;
import miexplorer.web.render.Decimals;
import miexplorer.web.render.Format;
import miexplorer.web.render.Heatmap;

/**
 * A joint table and its analysis, as the templates in {@code templates/joint/} show it: the numbers
 * table and circles ({@code joint/summary.jte}), the pictures, properties and worked steps
 * ({@code joint/result.jte}, {@code joint/steps.jte}). The joint-table explorer shows its own table with it; the attention
 * explorer shows the joint table its matrix makes. Formatting lives here so templates stay markup.
 *
 * @param input the table as typed
 * @param analysis every entropy and its working, or null while the table has mistakes
 * @param properties the properties of mutual information checked on it (null with {@code analysis})
 * @param placement where it is shown, which sets the level of its headings
 */
public record JointView(JointInput input, Analysis analysis, TableProperties properties, Placement placement)
        implements Decimals {

    /** Tables with more cells than this show their longest workings folded. */
    public static final int FOLD_AT = 12;
    /** Tables with more cells than this get one line per conditional distribution instead of every term. */
    public static final int FULL_STEPS_CELLS = 64;
    /** How many divergence terms a large table lists (the largest in size). */
    public static final int LARGE_TERMS_SHOWN = 16;

    /**
     * The view of {@code input}, analysed from {@code weights} (its cells as numbers, normalised here),
     * or with no analysis when {@code weights} is null because the table has mistakes.
     */
    public static JointView of(JointInput input, double[][] weights, Placement placement) {
        if (weights == null) {
            return new JointView(input, null, null, placement);
        }
        Analysis a = Analysis.of(JointDistribution.fromWeights(weights), input.base());
        return new JointView(input, a, TableProperties.of(a), placement);
    }

    public boolean ok() {
        return analysis != null;
    }

    /** The level of a heading that is {@code level} on the explorer's own page ({@link Placement#headingShift}). */
    public int heading(int level) {
        return level + placement.headingShift();
    }

    // ---- numbers -------------------------------------------------------------------------------

    @Override
    public int digits() {
        return input.digits();
    }

    /** A number with its unit: "0.378 bits". */
    public String withUnit(double v) {
        return shown(v) + " " + unit();
    }

    public String percent(double v) {
        return Double.isNaN(v) ? "undefined" : Format.percent(v, input.digits());
    }

    public String unit() {
        return input.base().unit();
    }

    public LogBase base() {
        return input.base();
    }

    /** The largest difference between the four ways of computing I. */
    public double formsSpread() {
        double[] v = {analysis.miFromX(), analysis.miFromY(), analysis.miFromJoint(), analysis.divergenceTotal()};
        double lo = v[0];
        double hi = v[0];
        for (double d : v) {
            lo = Math.min(lo, d);
            hi = Math.max(hi, d);
        }
        return hi - lo;
    }

    public String scientific(double v) {
        return Format.scientific(v);
    }

    // ---- labels --------------------------------------------------------------------------------

    public String xName() {
        return input.xName();
    }

    public String yName() {
        return input.yName();
    }

    public String xLabel(int i) {
        return input.xLabels().get(i);
    }

    public String yLabel(int j) {
        return input.yLabels().get(j);
    }

    public boolean isCounts() {
        return input.kind() == Kind.COUNTS;
    }

    /** True for the tutorial's own table, where its rounded 0.379 deserves a word. */
    public boolean isTutorialTable() {
        JointInput w = JointInput.weather();
        return ok() && input.cells().equals(w.cells()) && input.kind() == Kind.PROBABILITIES;
    }

    public boolean large() {
        return input.rows() * input.cols() > FULL_STEPS_CELLS;
    }

    /** Every divergence term, or for a large table the largest in absolute value, in table order. */
    public List<DivergenceTerm> divergenceShown() {
        List<DivergenceTerm> all = analysis.divergence();
        if (!large()) {
            return all;
        }
        return all.stream()
                .sorted(Comparator.comparingDouble((DivergenceTerm t) -> -Math.abs(t.value())))
                .limit(LARGE_TERMS_SHOWN)
                .sorted(Comparator.comparingInt((DivergenceTerm t) -> t.row() * 100000 + t.col()))
                .toList();
    }

    public boolean fold() {
        return input.rows() * input.cols() > FOLD_AT;
    }

    // ---- pictures ------------------------------------------------------------------------------

    public VennDiagram venn() {
        return VennDiagram.of(analysis);
    }

    public String vennText() {
        Analysis a = analysis;
        return "Two overlapping circles, drawn to scale. " + xName() + "'s circle has area in proportion to H(" + xName() + ") = "
                + withUnit(a.entropyX()) + ", " + yName() + "'s to H(" + yName() + ") = " + withUnit(a.entropyY()) + "; they overlap by I("
                + xName() + "; " + yName() + ") = " + withUnit(a.mutualInformation()) + ", leaving H(" + xName() + " | " + yName() + ") = "
                + withUnit(a.conditionalEntropyXGivenY()) + " and H(" + yName() + " | " + xName() + ") = " + withUnit(a.conditionalEntropyYGivenX()) + ".";
    }

    public InfoDiagram diagram() {
        return InfoDiagram.of(analysis);
    }

    public Heatmap heatmap(boolean pointwise) {
        return pointwise ? Heatmap.pointwise(analysis, input.xLabels(), input.yLabels(), this::shown)
                : Heatmap.joint(analysis, input.xLabels(), input.yLabels(), this::shown);
    }

    // ---- text ----------------------------------------------------------------------------------

    public String diagramText() {
        Analysis a = analysis;
        return "Information diagram, to scale. The bar is H(" + xName() + ", " + yName() + ") = " + withUnit(a.jointEntropy())
                + ", split into H(" + xName() + " | " + yName() + ") = " + withUnit(a.conditionalEntropyXGivenY())
                + ", I(" + xName() + "; " + yName() + ") = " + withUnit(a.mutualInformation())
                + " and H(" + yName() + " | " + xName() + ") = " + withUnit(a.conditionalEntropyYGivenX())
                + ". H(" + xName() + ") = " + withUnit(a.entropyX()) + " covers the first two parts; H(" + yName() + ") = "
                + withUnit(a.entropyY()) + " covers the last two.";
    }

    public String heatmapText(boolean pointwise) {
        JointDistribution t = analysis.table();
        int bi = 0;
        int bj = 0;
        for (int i = 0; i < t.rows(); i++) {
            for (int j = 0; j < t.cols(); j++) {
                if (t.p(i, j) > t.p(bi, bj)) {
                    bi = i;
                    bj = j;
                }
            }
        }
        if (!pointwise) {
            return "Heatmap of P(" + xName() + ", " + yName() + "), " + t.rows() + " rows by " + t.cols()
                    + " columns; darker cells are likelier. The likeliest cell is (" + xLabel(bi) + ", " + yLabel(bj)
                    + ") with P = " + shown(t.p(bi, bj)) + ". The values are in the table above.";
        }
        return "Heatmap of pointwise mutual information log(P(x,y) / (P(x)P(y))) in " + unit()
                + ": orange cells occur together more often than if " + xName() + " and " + yName()
                + " were independent, blue cells less often, grey cells never. The values are listed in the divergence step below.";
    }

    /** The labels of the variable being described (X's for H(X), and so on). */
    public List<String> labelsOf(String which) {
        return which.equals("x") ? input.xLabels() : input.yLabels();
    }

    /** "Rain, Forecast rain", … for every cell in row-major order, matching the terms of H(X,Y). */
    public List<String> cellLabels() {
        List<String> out = new ArrayList<>(input.rows() * input.cols());
        for (String a : input.xLabels()) {
            for (String b : input.yLabels()) {
                out.add("(" + a + ", " + b + ")");
            }
        }
        return out;
    }

    public EntropyWorking workingOf(String which) {
        return which.equals("x") ? analysis.hX() : analysis.hY();
    }

    public List<Conditional> conditionalsOf(String which) {
        return which.equals("x") ? analysis.xGivenY() : analysis.yGivenX();
    }
}
