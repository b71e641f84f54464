package miexplorer.web.mi;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import miexplorer.info.JointDistribution;
import miexplorer.info.TwoByTwo;
import miexplorer.web.form.FieldErrors;
import miexplorer.web.form.Fields;
import miexplorer.web.form.NumberInput;
import miexplorer.web.form.TableReader;
import miexplorer.web.joint.JointInput;
import miexplorer.web.joint.Kind;
import miexplorer.web.joint.TableRules;
import miexplorer.web.joint.TableSettings;
import miexplorer.web.render.Format;
import miexplorer.web.site.Paths;

/**
 * Reads the joint-table explorer's state from request parameters and applies the table actions. The
 * state is checked, and its canonical URL written, by {@link JointInput}; its cells are read by {@link TableReader}.
 *
 * <p>Parameters: {@code x}, {@code y} (variable names); {@code xl}, {@code yl} (row and column
 * labels, repeated); the cells either as {@code p=0.36,0.04;0.12,0.48} (rows split by {@code ;},
 * cells by {@code ,}: the canonical URL's form) or as repeated {@code c} in row-major order (what the
 * HTML form posts); {@code kind} ({@code probabilities}, {@code counts}); {@code base} ({@code 2},
 * {@code e}, {@code 10}); {@code digits}.
 */
public final class MiForm {
    public static final String PATH = Paths.MI;

    private MiForm() {
    }

    /** The state as typed, and what is wrong with its shape or settings. */
    public record Read(JointInput input, FieldErrors errors) {
    }

    public static Read read(Fields fields) {
        FieldErrors errors = new FieldErrors();
        TableSettings settings = TableSettings.read(fields, errors);
        if (!fields.hasAny("x", "y", "xl", "yl", "p", "c")) {
            JointInput w = JointInput.weather();
            return new Read(new JointInput(w.xName(), w.yName(), w.xLabels(), w.yLabels(), w.cells(), settings.kind(),
                    settings.base(), settings.digits()), errors);
        }
        return new Read(JointInput.of(TableReader.read(fields, JointInput.SHAPE, errors), settings), errors);
    }

    // ---- actions -------------------------------------------------------------------------------

    /** The buttons of the form. {@code update} (or none) just recomputes. */
    public static final String ADD_ROW = "add-row";
    public static final String ADD_COL = "add-col";
    public static final String REMOVE_ROW = "remove-row-";
    public static final String REMOVE_COL = "remove-col-";
    public static final String TRANSPOSE = "transpose";
    public static final String PRODUCT = "product";
    public static final String NORMALISE = "normalise";
    public static final String RESET = "reset";
    /** Sets a 2 × 2 table's dependence to the field {@link #DEPENDENCE_PARAM}, keeping its marginals (see TwoByTwo). */
    public static final String DEPENDENCE = "dependence";
    public static final String DEPENDENCE_PARAM = "dep";
    /** Sets a binary symmetric channel's crossover probability to the field {@link #CROSSOVER_PARAM}. */
    public static final String CROSSOVER = "crossover";
    public static final String CROSSOVER_PARAM = "eps";

    /**
     * The state after the form's {@code action} (the button pressed, or the slider moved). When the
     * action cannot be done (a full table, an unreadable cell for "normalise"), the state is returned
     * unchanged with a message.
     */
    public static JointInput apply(Fields fields, JointInput in, FieldErrors errors) {
        String action = fields.first("action");
        if (action == null || action.isEmpty() || action.equals("update")) {
            return in;
        }
        if (action.equals(RESET)) {
            return JointInput.weather();
        }
        if (action.equals(TRANSPOSE)) {
            return in.transposed();
        }
        if (action.equals(ADD_ROW)) {
            if (in.rows() >= JointInput.MAX_ROWS) {
                errors.add("table", "The table already has " + JointInput.MAX_ROWS + " rows, the most the explorer takes.");
                return in;
            }
            List<String> xl = new ArrayList<>(in.xLabels());
            xl.add(TableReader.unusedLabel("x", xl));
            List<List<String>> cells = new ArrayList<>(in.cells());
            cells.add(new ArrayList<>(java.util.Collections.nCopies(in.cols(), "0")));
            return in.withShape(xl, in.yLabels(), cells);
        }
        if (action.equals(ADD_COL)) {
            if (in.cols() >= JointInput.MAX_COLS) {
                errors.add("table", "The table already has " + JointInput.MAX_COLS + " columns, the most the explorer takes.");
                return in;
            }
            List<String> yl = new ArrayList<>(in.yLabels());
            yl.add(TableReader.unusedLabel("y", yl));
            List<List<String>> cells = new ArrayList<>();
            for (List<String> row : in.cells()) {
                List<String> r = new ArrayList<>(row);
                r.add("0");
                cells.add(r);
            }
            return in.withShape(in.xLabels(), yl, cells);
        }
        if (action.startsWith(REMOVE_ROW)) {
            int i = TableReader.index(action.substring(REMOVE_ROW.length()), in.rows());
            if (i < 0 || in.rows() == 1) {
                errors.add("table", in.rows() == 1 ? "The table needs at least one row." : "There is no such row to remove.");
                return in;
            }
            List<String> xl = new ArrayList<>(in.xLabels());
            xl.remove(i);
            List<List<String>> cells = new ArrayList<>(in.cells());
            cells.remove(i);
            return in.withShape(xl, in.yLabels(), cells);
        }
        if (action.startsWith(REMOVE_COL)) {
            int j = TableReader.index(action.substring(REMOVE_COL.length()), in.cols());
            if (j < 0 || in.cols() == 1) {
                errors.add("table", in.cols() == 1 ? "The table needs at least one column." : "There is no such column to remove.");
                return in;
            }
            List<String> yl = new ArrayList<>(in.yLabels());
            yl.remove(j);
            List<List<String>> cells = new ArrayList<>();
            for (List<String> row : in.cells()) {
                List<String> r = new ArrayList<>(row);
                r.remove(j);
                cells.add(r);
            }
            return in.withShape(in.xLabels(), yl, cells);
        }
        if (action.equals(DEPENDENCE) || action.equals(CROSSOVER)) {
            return slid(action, fields.first(action.equals(DEPENDENCE) ? DEPENDENCE_PARAM : CROSSOVER_PARAM), in, errors);
        }
        if (action.equals(NORMALISE) || action.equals(PRODUCT)) {
            double[][] w = in.values(errors, false);
            if (w == null || !TableRules.movable(TableRules.total(w), errors)) {
                return in;
            }
            JointDistribution d = JointDistribution.fromWeights(w);
            if (action.equals(PRODUCT)) {
                d = d.productOfMarginals();
            } else {
                String[][] exact = fractions(in, w);
                if (exact != null) {
                    return in.withCells(toLists(exact), Kind.PROBABILITIES);
                }
            }
            String[][] text = new String[d.rows()][d.cols()];
            for (int i = 0; i < d.rows(); i++) {
                for (int j = 0; j < d.cols(); j++) {
                    text[i][j] = Format.cell(d.p(i, j));
                }
            }
            return in.withCells(toLists(text), Kind.PROBABILITIES);
        }
        errors.add("action", "“" + action + "” is not something this form can do.");
        return in;
    }

    /**
     * A slider's table: the dependence s in [−1, 1] of a 2 × 2 table with its marginals kept, or the
     * crossover probability ε in [0, 1] of a binary symmetric channel. Written back as probabilities.
     */
    private static JointInput slid(String action, String text, JointInput in, FieldErrors errors) {
        boolean dependence = action.equals(DEPENDENCE);
        String field = dependence ? DEPENDENCE_PARAM : CROSSOVER_PARAM;
        NumberInput.Parsed v = NumberInput.parse(text);
        double lo = dependence ? -1 : 0;
        if (!v.ok() || v.value() < lo || v.value() > 1) {
            errors.add(field, (dependence ? "The dependence" : "The crossover probability ε") + " must be a number from "
                    + (dependence ? "−1" : "0") + " to 1" + (v.ok() ? "; it was " + text.strip() + "." : "."));
            return in;
        }
        if (in.rows() != 2 || in.cols() != 2) {
            errors.add("table", "The " + (dependence ? "dependence" : "crossover") + " slider works on a 2 × 2 table; this one is "
                    + in.rows() + " × " + in.cols() + ".");
            return in;
        }
        double[][] w = in.values(errors, false);
        if (w == null || !TableRules.movable(TableRules.total(w), errors)) {
            return in;
        }
        JointDistribution d = JointDistribution.fromWeights(w);
        if (!dependence && !TwoByTwo.isSymmetricChannel(d)) {
            errors.add("table", "The crossover slider works on a binary symmetric channel, a 2 × 2 table whose rows and"
                    + " columns each add up to ½; use the dependence slider for this one.");
            return in;
        }
        double[][] p = dependence ? TwoByTwo.withDependence(d, v.value()) : TwoByTwo.symmetricChannel(v.value());
        String[][] cells = new String[2][2];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                cells[i][j] = Format.cell(p[i][j]);
            }
        }
        return in.withCells(toLists(cells), Kind.PROBABILITIES);
    }

    /** n/N in lowest terms for every cell, when every cell is a whole number (counts); else null. */
    private static String[][] fractions(JointInput in, double[][] w) {
        long total = 0;
        for (double[] row : w) {
            for (double v : row) {
                if (v != Math.rint(v) || v > 1e12) {
                    return null;
                }
                total += (long) v;
            }
        }
        String[][] out = new String[w.length][];
        for (int i = 0; i < w.length; i++) {
            out[i] = new String[w[i].length];
            for (int j = 0; j < w[i].length; j++) {
                long n = (long) w[i][j];
                long g = BigInteger.valueOf(n).gcd(BigInteger.valueOf(total)).longValue();
                out[i][j] = n == 0 ? "0" : n == total ? "1" : (n / g) + "/" + (total / g);
            }
        }
        return out;
    }

    // ---- helpers -------------------------------------------------------------------------------

    private static List<List<String>> toLists(String[][] cells) {
        List<List<String>> out = new ArrayList<>();
        for (String[] row : cells) {
            out.add(List.of(row));
        }
        return out;
    }
}
