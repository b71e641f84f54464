package miexplorer.web.shared;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import miexplorer.web.FieldErrors;
import miexplorer.web.Format;
import miexplorer.web.Forms;
import miexplorer.web.NumberInput;
import miexplorer.web.Paths;

/**
 * The rules a joint table as typed ({@link JointInput}) must meet before it is analysed, and its
 * canonical URL on the joint-table explorer's page ({@code /mi?…}). The explorer checks its form with
 * them; the attention and data explorers use the same limits, and the same URL, when they hand a
 * table of theirs to it.
 */
public final class JointForm {
    public static final int MAX_ROWS = 32;
    public static final int MAX_COLS = 32;
    public static final int MAX_LABEL = 60;
    public static final int MIN_DIGITS = 1;
    public static final int MAX_DIGITS = 15;
    /** How far a table of probabilities may stray from a sum of 1 and still be taken as one. */
    public static final double SUM_TOLERANCE = 1e-9;

    private JointForm() {
    }

    /** A checked table: {@code weights} is null exactly when {@code errors} is not empty. */
    public record Checked(JointInput input, FieldErrors errors, double[][] weights) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    /**
     * The decimals to show: {@code text} as a whole number from {@link #MIN_DIGITS} to
     * {@link #MAX_DIGITS}, or the default (3) when absent; anything else gets a message under
     * {@code digits} and the default.
     */
    public static int digits(String text, FieldErrors errors) {
        if (text == null) {
            return JointInput.DEFAULT_DIGITS;
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
        return JointInput.DEFAULT_DIGITS;
    }

    /** Checks names, labels, limits and every cell; on success gives the cells as numbers. */
    public static Checked check(JointInput in, FieldErrors errors) {
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
    public static double[][] values(JointInput in, FieldErrors errors, boolean strict) {
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

    // ---- the canonical URL ---------------------------------------------------------------------

    /**
     * The one GET URL of this state: names, labels, cells as typed, kind and base always; digits
     * only when not the default. Labels are percent-encoded (spaces as +); the table keeps its
     * {@code , ; /} readable, which is safe because a readable cell never contains , or ;.
     */
    public static String canonicalUrl(JointInput in) {
        return Paths.MI + "?" + query(in);
    }

    /** The query string of {@link #canonicalUrl}: the same for the page, {@code /mi.py} and {@code /mi.csv}. */
    public static String query(JointInput in) {
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
        if (in.digits() != JointInput.DEFAULT_DIGITS) {
            u.append("&digits=").append(in.digits());
        }
        return u.toString();
    }
}
