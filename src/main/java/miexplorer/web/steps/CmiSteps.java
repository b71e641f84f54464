package miexplorer.web.steps;

import java.util.ArrayList;
import java.util.List;
import miexplorer.info.ConditionalSlice;
import miexplorer.info.ThreeWayAnalysis;
import miexplorer.web.explorer.Placement;
import miexplorer.web.form.TableReader;
import miexplorer.web.joint.JointInput;
import miexplorer.web.joint.JointView;
import miexplorer.web.joint.Kind;
import miexplorer.web.joint.TableSettings;
import miexplorer.web.render.Decimals;

/**
 * A table of three variables worked out, as {@code templates/steps/cmi.jte} shows it: every entropy;
 * I(X; Y | Z) = Σ_z P(z) · I(X; Y | Z = z), each slice P(X, Y | Z = z) worked by the joint table's own
 * steps; the chain rule I(X; Y, Z) = I(X; Z) + I(X; Y | Z) = I(X; Y) + I(X; Z | Y); and the
 * co-information I(X; Y; Z) = I(X; Y) − I(X; Y | Z), which can be negative; and the three-circle
 * diagram of its seven regions ({@link ThreeCircles}).
 *
 * @param table the table as typed: names X, Y, Z, their labels, and one X × Y slice per value of Z
 * @param weights the cells as numbers, [z][x][y]
 * @param placement where it is shown, which sets the level of its headings
 */
public record CmiSteps(TableReader.Table table, TableSettings settings, double[][][] weights, ThreeWayAnalysis analysis,
        Placement placement) implements Decimals {

    @Override
    public int digits() {
        return settings.digits();
    }

    public String withUnit(double v) {
        return shown(v) + " " + unit();
    }

    public String unit() {
        return settings.base().unit();
    }

    public String xName() {
        return table.names().get(0);
    }

    public String yName() {
        return table.names().get(1);
    }

    public String zName() {
        return table.names().get(2);
    }

    public int heading(int level) {
        return level + placement.headingShift();
    }

    public boolean embedded() {
        return placement == Placement.EMBED;
    }

    public boolean inLesson() {
        return placement == Placement.LESSON;
    }

    /** What the sign of the co-information says, in words. */
    public String coInformationMeaning() {
        double c = analysis.coInformation();
        if (c < 0) {
            return "Negative: synergy. Knowing " + zName() + " makes " + xName() + " and " + yName() + " share more than they do alone;"
                    + " together they tell something about " + zName() + " that neither tells by itself.";
        }
        if (c > 0) {
            return "Positive: redundancy. Part of what " + xName() + " and " + yName() + " share is also shared with " + zName()
                    + ", so knowing " + zName() + " takes it away.";
        }
        return "Zero: knowing " + zName() + " leaves what " + xName() + " and " + yName() + " share as it was (on balance).";
    }

    /**
     * One value of Z: its probability, and P(X, Y | Z = z) worked by the joint table's steps
     * ({@code view} null when P(z) = 0: that slice never happens and adds nothing).
     */
    public record Slice(int index, String label, double pZ, double mi, JointView view) {
        public boolean skipped() {
            return view == null;
        }
    }

    public List<Slice> slices() {
        // Each slice's steps go one level below its own heading: one level down on an explorer's page,
        // two where the explorer itself is a level down (the lesson).
        Placement slicePlacement = placement.headingShift() == 0 ? Placement.SLICE : Placement.NESTED;
        List<Slice> out = new ArrayList<>(weights.length);
        for (ConditionalSlice s : analysis.slices()) {
            JointView view = s.skipped() ? null : JointView.of(slice(s.z()).with(settings), weights[s.z()], slicePlacement);
            out.add(new Slice(s.z(), table.labels().get(2).get(s.z()), s.pZ(), s.skipped() ? 0 : s.analysis().mutualInformation(), view));
        }
        return out;
    }

    /** The link that opens slice {@code z} in the joint-table explorer, whatever the state of the analysis. */
    public String sliceUrl(int z) {
        return slice(z).url();
    }

    /**
     * Slice {@code z} as a joint table. Its cells are a part of the whole table, so they are given as
     * counts: the joint-table explorer divides them by their total, which makes them P(X, Y | Z = z).
     */
    public JointInput slice(int z) {
        return new JointInput(xName(), yName(), table.labels().get(0), table.labels().get(1), table.slices().get(z), Kind.COUNTS,
                settings.base(), settings.digits());
    }

    // ---- the picture -----------------------------------------------------------------------------

    /** The three-circle information diagram, each region labelled with its value. */
    public ThreeCircles circles() {
        return ThreeCircles.of(analysis.diagram(), this::shown);
    }

    public String circlesText() {
        StringBuilder b = new StringBuilder("Three overlapping circles, one for each of " + xName() + ", " + yName() + " and " + zName()
                + ", not drawn to scale. The seven regions: ");
        List<ThreeCircles.Region> regions = circles().regions();
        for (int i = 0; i < regions.size(); i++) {
            ThreeCircles.Region r = regions.get(i);
            b.append(r.meaning()).append(", ").append(r.symbol()).append(" = ").append(withUnit(r.value()))
                    .append(r.negative() ? " (negative)" : "").append(i + 1 < regions.size() ? "; " : ".");
        }
        return b.toString();
    }
}
