package miexplorer.web.practice;

import java.util.ArrayList;
import java.util.List;
import miexplorer.attention.QueryAttention;
import miexplorer.info.ThreeWayAnalysis;
import miexplorer.info.ThreeWayDistribution;
import miexplorer.practice.Exercise;
import miexplorer.practice.ExerciseData;
import miexplorer.web.explorer.Placement;
import miexplorer.web.form.TableReader;
import miexplorer.web.joint.JointInput;
import miexplorer.web.joint.JointView;
import miexplorer.web.joint.Kind;
import miexplorer.web.joint.TableSettings;
import miexplorer.web.render.Format;
import miexplorer.web.steps.AttentionRowSteps;
import miexplorer.web.steps.CmiSteps;

/**
 * An exercise's worked steps: the explorers' own ({@code templates/joint/steps.jte} for a table, with
 * X and Y swapped when the question is about Y; {@code templates/steps/cmi.jte} for three variables;
 * {@code templates/steps/attentionRow.jte} for an attention row), built from the exercise's numbers, and
 * shown one step at a time as hints.
 *
 * @param tables the tables worked out (two when two tables are compared), titled
 * @param threeWay the three-variable working, or null
 * @param attention the attention row's working, or null
 * @param count how many steps there are to show one at a time (0 when only the whole solution makes sense)
 */
public record Steps(List<Titled> tables, CmiSteps threeWay, AttentionRowSteps attention, int count) {

    /** A joint table's working under a title ("Table A"), or none. */
    public record Titled(String title, JointView view) {
    }

    static Steps of(Exercise e) {
        int digits = Math.max(3, e.digits() + 1);
        ExerciseData d = e.data();
        if (d instanceof ExerciseData.TablePair p) {
            return new Steps(List.of(new Titled("Table A", table(p.first(), false, digits)), new Titled("Table B",
                    table(p.second(), false, digits))), null, null, 3);
        }
        if (d instanceof ExerciseData.TableCell c) {
            // The missing cell's working is the answer itself: only the whole solution shows it.
            return new Steps(List.of(new Titled(null, table(c.table(), false, digits))), null, null,
                    e.asked().equals("missingCell") ? 0 : 3);
        }
        if (d instanceof ExerciseData.Table t) {
            boolean aboutY = e.asked().equals("H(Y)") || e.asked().equals("H(Y|X)");
            return new Steps(List.of(new Titled(null, table(t, aboutY, digits))), null, null, 3);
        }
        if (d instanceof ExerciseData.ThreeWayTable t) {
            return new Steps(List.of(), threeWay(t, digits), null, 4);
        }
        ExerciseData.AttentionRow a = (ExerciseData.AttentionRow) d;
        QueryAttention row = QueryAttention.of(a.query(), a.keys(), a.values(), a.scale(), a.temperature());
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < a.keys().length; i++) {
            keys.add("k" + (i + 1));
        }
        AttentionRowSteps steps = new AttentionRowSteps(0, "q", keys, a.query(), a.keys(), a.values(), row, a.scale(),
                Format.cell(a.temperature()), digits, Placement.PAGE);
        return new Steps(List.of(), null, steps, a.values() == null ? 4 : 5);
    }

    /**
     * The step of this working where a mistake's route leaves the right one ({@code step}, as the
     * exercise names it), or 0 when the steps do not show it apart from the whole solution.
     */
    int stepOf(String step) {
        if (step == null) {
            return 0;
        }
        if (attention != null) {
            return switch (step) {
                case "scaling" -> 2;
                case "softmax" -> 3;
                case "effective", "log-base", "entropy-terms" -> count;
                default -> 0;
            };
        }
        if (threeWay != null) {
            return switch (step) {
                case "log-base", "entropy-terms" -> 1;
                case "slices", "weighting" -> 2;
                case "combine" -> 3;
                case "co-information" -> 4;
                default -> 0;
            };
        }
        if (count == 0) {
            return 0;
        }
        return switch (step) {
            case "marginal", "counts", "entropy-terms", "log-base" -> 1;
            case "conditional-rows", "weighting" -> 2;
            case "combine", "pointwise" -> 3;
            default -> 0;
        };
    }

    private static JointView table(ExerciseData.Table t, boolean transposed, int digits) {
        List<List<String>> cells = new ArrayList<>();
        double[][] w = t.cells();
        for (double[] row : w) {
            List<String> r = new ArrayList<>();
            for (double v : row) {
                r.add(Format.cell(v));
            }
            cells.add(r);
        }
        JointInput in = new JointInput(t.xName(), t.yName(), t.xLabels(), t.yLabels(), cells,
                t.counts() ? Kind.COUNTS : Kind.PROBABILITIES, t.base(), Math.min(TableSettings.MAX_DIGITS, digits));
        if (transposed) {
            in = in.transposed();
            w = transpose(w);
        }
        return JointView.of(in, w, Placement.PAGE);
    }

    private static CmiSteps threeWay(ExerciseData.ThreeWayTable t, int digits) {
        double[][][] w = t.cells();
        List<List<List<String>>> slices = new ArrayList<>();
        for (double[][] slice : w) {
            List<List<String>> rows = new ArrayList<>();
            for (double[] row : slice) {
                List<String> r = new ArrayList<>();
                for (double v : row) {
                    r.add(Format.cell(v));
                }
                rows.add(r);
            }
            slices.add(rows);
        }
        TableReader.Table table = new TableReader.Table(List.of(t.xName(), t.yName(), t.zName()),
                List.of(t.xLabels(), t.yLabels(), t.zLabels()), slices);
        TableSettings settings = new TableSettings(t.counts() ? Kind.COUNTS : Kind.PROBABILITIES, t.base(), digits);
        return new CmiSteps(table, settings, w, ThreeWayAnalysis.of(ThreeWayDistribution.fromWeights(w), t.base()), Placement.PAGE);
    }

    private static double[][] transpose(double[][] w) {
        double[][] t = new double[w[0].length][w.length];
        for (int i = 0; i < w.length; i++) {
            for (int j = 0; j < w[0].length; j++) {
                t[j][i] = w[i][j];
            }
        }
        return t;
    }
}
