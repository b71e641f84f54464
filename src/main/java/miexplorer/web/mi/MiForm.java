package miexplorer.web.mi;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import miexplorer.info.JointDistribution;
import miexplorer.info.LogBase;
import miexplorer.info.TwoByTwo;
import miexplorer.web.FieldErrors;
import miexplorer.web.Format;
import miexplorer.web.Forms;
import miexplorer.web.NumberInput;
import miexplorer.web.Paths;
import miexplorer.web.shared.Kind;

/**
 * Reads the explorer's state from request parameters, checks it, applies the table actions, and
 * writes the state's canonical URL.
 *
 * <p>Parameters: {@code x}, {@code y} (variable names); {@code xl}, {@code yl} (row and column
 * labels, repeated); the cells either as {@code p=0.36,0.04;0.12,0.48} (rows split by {@code ;},
 * cells by {@code ,}: the canonical URL's form) or as repeated {@code c} in row-major order (what the
 * HTML form posts); {@code kind} ({@code probabilities}, {@code counts}); {@code base} ({@code 2},
 * {@code e}, {@code 10}); {@code digits}.
 */
public final class MiForm {
    public static final String PATH = Paths.MI;
    public static final int MAX_ROWS = 32;
    public static final int MAX_COLS = 32;
    public static final int MAX_LABEL = 60;
    public static final int MIN_DIGITS = 1;
    public static final int MAX_DIGITS = 15;
    /** How far a table of probabilities may stray from a sum of 1 and still be taken as one. */
    public static final double SUM_TOLERANCE = 1e-9;

    private MiForm() {
    }

    /** The state as typed, and what is wrong with its shape or settings. */
    public record Read(MiInput input, FieldErrors errors) {
    }

    /** A checked state: {@code weights} is null exactly when {@code errors} is not empty. */
    public record Checked(MiInput input, FieldErrors errors, double[][] weights) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    public static Read read(Map<String, List<String>> params) {
        FieldErrors errors = new FieldErrors();
        Kind kind = Kind.PROBABILITIES;
        String kindText = Forms.first(params, "kind");
        if (kindText != null) {
            kind = Kind.fromKey(kindText);
            if (kind == null) {
                errors.add("kind", "“" + kindText + "” is not a kind of table: use probabilities or counts.");
                kind = Kind.PROBABILITIES;
            }
        }
        LogBase base = LogBase.TWO;
        String baseText = Forms.first(params, "base");
        if (baseText != null) {
            base = LogBase.fromKey(baseText);
            if (base == null) {
                errors.add("base", "“" + baseText + "” is not a log base offered here: use 2, e or 10.");
                base = LogBase.TWO;
            }
        }
        int digits = digits(Forms.first(params, "digits"), errors);

        if (MiInput.isEmpty(params)) {
            MiInput w = MiInput.weather();
            return new Read(new MiInput(w.xName(), w.yName(), w.xLabels(), w.yLabels(), w.cells(), kind, base, digits), errors);
        }

        List<String> xLabels = new ArrayList<>(params.getOrDefault("xl", List.of()));
        List<String> yLabels = new ArrayList<>(params.getOrDefault("yl", List.of()));
        List<List<String>> rows = new ArrayList<>();
        String p = Forms.first(params, "p");
        if (p != null) {
            if (!p.isBlank()) {
                for (String row : p.split(";", -1)) {
                    rows.add(new ArrayList<>(List.of(row.split(",", -1))));
                }
            }
        } else {
            List<String> c = params.getOrDefault("c", List.of());
            int cols = Math.max(yLabels.size(), 1);
            for (int k = 0; k < c.size(); k += cols) {
                rows.add(new ArrayList<>(c.subList(k, Math.min(c.size(), k + cols))));
            }
        }

        // Make the table rectangular without dropping anything typed: short rows are padded with
        // empty cells (which then get their own message), missing labels get default names.
        int cols = yLabels.size();
        for (List<String> row : rows) {
            cols = Math.max(cols, row.size());
        }
        int nRows = Math.max(rows.size(), xLabels.size());
        if (nRows == 0 || cols == 0) {
            errors.add("table", "The table is empty: it needs at least one row and one column.");
        }
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).size() != cols) {
                errors.add("table", "Row " + (i + 1) + " has " + rows.get(i).size() + " cells, but the table has "
                        + cols + " columns. The missing cells are shown empty.");
            }
        }
        while (rows.size() < nRows) {
            rows.add(new ArrayList<>());
        }
        for (List<String> row : rows) {
            while (row.size() < cols) {
                row.add("");
            }
            row.replaceAll(String::strip);
        }
        while (xLabels.size() < nRows) {
            xLabels.add(unusedLabel("x", xLabels));
        }
        while (yLabels.size() < cols) {
            yLabels.add(unusedLabel("y", yLabels));
        }
        String x = Forms.first(params, "x");
        String y = Forms.first(params, "y");
        MiInput in = new MiInput(x == null ? "X" : x.strip(), y == null ? "Y" : y.strip(),
                strip(xLabels), strip(yLabels), rows, kind, base, digits);
        return new Read(in, errors);
    }

    /**
     * The decimals to show: {@code text} as a whole number from {@link #MIN_DIGITS} to
     * {@link #MAX_DIGITS}, or the default (3) when absent; anything else gets a message under
     * {@code digits} and the default.
     */
    public static int digits(String text, FieldErrors errors) {
        if (text == null) {
            return MiInput.DEFAULT_DIGITS;
        }
        try {
            int d = Integer.parseInt(text.strip());
            if (d >= MIN_DIGITS && d <= MAX_DIGITS) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add("digits", "Decimals shown must be a whole number from " + MIN_DIGITS + " to " + MAX_DIGITS + ".");
        return MiInput.DEFAULT_DIGITS;
    }

    /** Checks names, labels, limits and every cell; on success gives the cells as numbers. */
    public static Checked check(MiInput in, FieldErrors errors) {
        checkName(in.xName(), "x", errors);
        checkName(in.yName(), "y", errors);
        checkLabels(in.xLabels(), "xl", "row", errors);
        checkLabels(in.yLabels(), "yl", "column", errors);
        if (in.rows() > MAX_ROWS || in.cols() > MAX_COLS) {
            errors.add("table", "This table is " + in.rows() + " × " + in.cols() + "; the explorer takes at most "
                    + MAX_ROWS + " rows and " + MAX_COLS + " columns.");
        }
        double[][] w = values(in, errors, true);
        if (!errors.isEmpty() || w == null) {
            return new Checked(in, errors, null);
        }
        double sum = 0;
        for (double[] row : w) {
            for (double v : row) {
                sum += v;
            }
        }
        if (sum == 0) {
            errors.add("table", "Every cell is 0: at least one must be positive.");
        } else if (!Double.isFinite(sum)) {
            errors.add("table", "The cells add up to more than can be computed with; use smaller numbers.");
        } else if (in.kind() == Kind.PROBABILITIES && Math.abs(sum - 1) > SUM_TOLERANCE) {
            errors.add("sum", "The probabilities add up to " + Format.cell(sum)
                    + ", not 1. Normalise the table (divide every cell by " + Format.cell(sum)
                    + "), or switch to counts.");
        }
        return errors.isEmpty() ? new Checked(in, errors, w) : new Checked(in, errors, null);
    }

    /**
     * Every cell parsed; a cell that cannot be read gets a message under {@code p[i][j]}. With
     * {@code strict}, a probability above 1 is an error too.
     */
    private static double[][] values(MiInput in, FieldErrors errors, boolean strict) {
        double[][] w = new double[in.rows()][in.cols()];
        boolean ok = true;
        for (int i = 0; i < in.rows(); i++) {
            for (int j = 0; j < in.cols(); j++) {
                String key = "p[" + i + "][" + j + "]";
                NumberInput.Parsed v = NumberInput.parse(in.cell(i, j));
                if (!v.ok()) {
                    errors.add(key, v.error());
                    ok = false;
                } else if (v.value() < 0) {
                    errors.add(key, in.cell(i, j) + " is negative; " + (in.kind() == Kind.COUNTS
                            ? "a count cannot be negative." : "a probability cannot be negative."));
                    ok = false;
                } else if (strict && in.kind() == Kind.PROBABILITIES && v.value() > 1 + SUM_TOLERANCE) {
                    errors.add(key, in.cell(i, j) + " is more than 1, and a probability is at most 1. "
                            + "For counts, switch the table to counts.");
                    ok = false;
                } else {
                    w[i][j] = v.value();
                }
            }
        }
        return ok ? w : null;
    }

    private static void checkName(String name, String field, FieldErrors errors) {
        if (name.isEmpty()) {
            errors.add(field, "Give the variable a name.");
        } else if (name.length() > MAX_LABEL) {
            errors.add(field, "Too long: a name has at most " + MAX_LABEL + " characters.");
        }
    }

    private static void checkLabels(List<String> labels, String prefix, String what, FieldErrors errors) {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            String key = prefix + "[" + i + "]";
            String label = labels.get(i);
            if (label.isEmpty()) {
                errors.add(key, "Empty label: give each " + what + " a name.");
            } else if (label.length() > MAX_LABEL) {
                errors.add(key, "Too long: a label has at most " + MAX_LABEL + " characters.");
            } else {
                Integer before = seen.putIfAbsent(label, i);
                if (before != null) {
                    errors.add(key, "“" + label + "” already names " + what + " " + (before + 1)
                            + "; each " + what + " needs its own label.");
                }
            }
        }
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
    public static MiInput apply(Map<String, List<String>> params, MiInput in, FieldErrors errors) {
        String action = Forms.first(params, "action");
        if (action == null || action.isEmpty() || action.equals("update")) {
            return in;
        }
        if (action.equals(RESET)) {
            return MiInput.weather();
        }
        if (action.equals(TRANSPOSE)) {
            return in.transposed();
        }
        if (action.equals(ADD_ROW)) {
            if (in.rows() >= MAX_ROWS) {
                errors.add("table", "The table already has " + MAX_ROWS + " rows, the most the explorer takes.");
                return in;
            }
            List<String> xl = new ArrayList<>(in.xLabels());
            xl.add(unusedLabel("x", xl));
            List<List<String>> cells = new ArrayList<>(in.cells());
            cells.add(new ArrayList<>(java.util.Collections.nCopies(in.cols(), "0")));
            return in.withShape(xl, in.yLabels(), cells);
        }
        if (action.equals(ADD_COL)) {
            if (in.cols() >= MAX_COLS) {
                errors.add("table", "The table already has " + MAX_COLS + " columns, the most the explorer takes.");
                return in;
            }
            List<String> yl = new ArrayList<>(in.yLabels());
            yl.add(unusedLabel("y", yl));
            List<List<String>> cells = new ArrayList<>();
            for (List<String> row : in.cells()) {
                List<String> r = new ArrayList<>(row);
                r.add("0");
                cells.add(r);
            }
            return in.withShape(in.xLabels(), yl, cells);
        }
        if (action.startsWith(REMOVE_ROW)) {
            int i = index(action.substring(REMOVE_ROW.length()), in.rows());
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
            int j = index(action.substring(REMOVE_COL.length()), in.cols());
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
            return slid(action, Forms.first(params, action.equals(DEPENDENCE) ? DEPENDENCE_PARAM : CROSSOVER_PARAM), in, errors);
        }
        if (action.equals(NORMALISE) || action.equals(PRODUCT)) {
            double[][] w = values(in, errors, false);
            if (w == null) {
                return in;
            }
            JointDistribution d;
            try {
                d = JointDistribution.fromWeights(w);
            } catch (IllegalArgumentException e) {
                errors.add("table", "Every cell is 0: there is nothing to normalise.");
                return in;
            }
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
    private static MiInput slid(String action, String text, MiInput in, FieldErrors errors) {
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
        double[][] w = values(in, errors, false);
        if (w == null) {
            return in;
        }
        double[][] p;
        if (dependence) {
            JointDistribution d;
            try {
                d = JointDistribution.fromWeights(w);
            } catch (IllegalArgumentException e) {
                errors.add("table", "Every cell is 0: there is no table to move.");
                return in;
            }
            p = TwoByTwo.withDependence(d, v.value());
        } else {
            p = TwoByTwo.symmetricChannel(v.value());
        }
        String[][] cells = new String[2][2];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                cells[i][j] = Format.cell(p[i][j]);
            }
        }
        return in.withCells(toLists(cells), Kind.PROBABILITIES);
    }

    /** n/N in lowest terms for every cell, when every cell is a whole number (counts); else null. */
    private static String[][] fractions(MiInput in, double[][] w) {
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

    // ---- the canonical URL ---------------------------------------------------------------------

    /**
     * The one GET URL of this state: names, labels, cells as typed, kind and base always; digits
     * only when not the default. Labels are percent-encoded (spaces as +); the table keeps its
     * {@code , ; /} readable, which is safe because a readable cell never contains , or ;.
     */
    public static String canonicalUrl(MiInput in) {
        return PATH + "?" + query(in);
    }

    /** The query string of {@link #canonicalUrl}: the same for the page, {@code /mi.py} and {@code /mi.csv}. */
    public static String query(MiInput in) {
        StringBuilder u = new StringBuilder(256);
        u.append("x=").append(Forms.enc(in.xName())).append("&y=").append(Forms.enc(in.yName()));
        for (String l : in.xLabels()) {
            u.append("&xl=").append(Forms.enc(l));
        }
        for (String l : in.yLabels()) {
            u.append("&yl=").append(Forms.enc(l));
        }
        u.append("&p=");
        for (int i = 0; i < in.rows(); i++) {
            if (i > 0) {
                u.append(';');
            }
            for (int j = 0; j < in.cols(); j++) {
                if (j > 0) {
                    u.append(',');
                }
                u.append(Forms.enc(in.cell(i, j)).replace("%2F", "/"));
            }
        }
        u.append("&kind=").append(in.kind().key()).append("&base=").append(in.base().key());
        if (in.digits() != MiInput.DEFAULT_DIGITS) {
            u.append("&digits=").append(in.digits());
        }
        return u.toString();
    }

    // ---- helpers -------------------------------------------------------------------------------

    private static int index(String s, int size) {
        try {
            int i = Integer.parseInt(s);
            return i >= 0 && i < size ? i : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String unusedLabel(String prefix, List<String> taken) {
        Set<String> set = new HashSet<>(taken);
        for (int n = taken.size() + 1; ; n++) {
            if (!set.contains(prefix + n)) {
                return prefix + n;
            }
        }
    }

    private static List<String> strip(List<String> labels) {
        return labels.stream().map(String::strip).toList();
    }

    private static List<List<String>> toLists(String[][] cells) {
        List<List<String>> out = new ArrayList<>();
        for (String[] row : cells) {
            out.add(List.of(row));
        }
        return out;
    }
}
