package miexplorer.web.joint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import miexplorer.info.LogBase;
import miexplorer.web.form.FieldErrors;
import miexplorer.web.form.Forms;
import miexplorer.web.form.NumberInput;
import miexplorer.web.render.Format;
import miexplorer.web.site.Paths;

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

    /** How a table's cells are read and its numbers shown: what {@link #settings} reads. */
    public record Settings(Kind kind, LogBase base, int digits) {
    }

    /**
     * {@code kind} (probabilities by default), {@code base} (2 by default) and {@code digits} (3 by
     * default) from a form or a URL; a value that is not offered gets a message under its name, and
     * the default.
     */
    public static Settings settings(Map<String, List<String>> params, FieldErrors errors) {
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
        return new Settings(kind, base, digits(Forms.first(params, "digits"), errors));
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
        checkTotal(total(w), in.kind(), errors);
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
                w[i][j] = cell(in.cell(i, j), in.kind(), "p[" + i + "][" + j + "]", errors, strict);
                ok &= !Double.isNaN(w[i][j]);
            }
        }
        return ok ? w : null;
    }

    /**
     * One cell as typed, read as a weight of a table of {@code kind}: its value, or NaN with a message
     * under {@code key} when it is not a number, is negative, or (with {@code strict}) is a probability
     * above 1. Every explorer of tables reads its cells with this.
     */
    public static double cell(String text, Kind kind, String key, FieldErrors errors, boolean strict) {
        NumberInput.Parsed v = NumberInput.parse(text);
        if (!v.ok()) {
            errors.add(key, v.error());
        } else if (v.value() < 0) {
            errors.add(key, text + " is negative; " + (kind == Kind.COUNTS
                    ? "a count cannot be negative." : "a probability cannot be negative."));
        } else if (strict && kind == Kind.PROBABILITIES && v.value() > 1 + SUM_TOLERANCE) {
            errors.add(key, text + " is more than 1, and a probability is at most 1. "
                    + "For counts, switch the table to counts.");
        } else {
            return v.value();
        }
        return Double.NaN;
    }

    /**
     * The sum of a table's cells, checked: not 0 (nothing to normalise), finite, and for
     * probabilities 1 within {@link #SUM_TOLERANCE}, else a message under {@code table} or {@code sum}.
     */
    public static void checkTotal(double sum, Kind kind, FieldErrors errors) {
        if (sum == 0) {
            errors.add("table", "Every cell is 0: at least one must be positive.");
        } else if (!Double.isFinite(sum)) {
            errors.add("table", "The cells add up to more than can be computed with; use smaller numbers.");
        } else if (kind == Kind.PROBABILITIES && Math.abs(sum - 1) > SUM_TOLERANCE) {
            errors.add("sum", "The probabilities add up to " + Format.cell(sum)
                    + ", not 1. Normalise the table (divide every cell by " + Format.cell(sum)
                    + "), or switch to counts.");
        }
    }

    /**
     * Whether a table of weights can be rebuilt by an action (normalised, made independent, moved by a
     * slider): its total is above 0 and finite; else the message {@link #checkTotal} gives, under {@code table}.
     */
    public static boolean movable(double[][] weights, FieldErrors errors) {
        return movable(total(weights), errors);
    }

    /** {@link #movable(double[][], FieldErrors)} for a table whose cells add up to {@code total}. */
    public static boolean movable(double total, FieldErrors errors) {
        if (total > 0 && Double.isFinite(total)) {
            return true;
        }
        checkTotal(total, Kind.COUNTS, errors);
        return false;
    }

    /** The sum of every cell. */
    public static double total(double[][] weights) {
        double sum = 0;
        for (double[] row : weights) {
            for (double v : row) {
                sum += v;
            }
        }
        return sum;
    }

    /** A variable's name: not empty, at most {@link #MAX_LABEL} characters; else a message under {@code field}. */
    public static void checkName(String name, String field, FieldErrors errors) {
        if (name.isEmpty()) {
            errors.add(field, "Give the variable a name.");
        } else if (name.length() > MAX_LABEL) {
            errors.add(field, "Too long: a name has at most " + MAX_LABEL + " characters.");
        }
    }

    /**
     * The labels of a variable's values, each under {@code prefix[i]}: not empty, not too long, no two
     * alike. {@code what} names one value in the messages ("row", "column").
     */
    public static void checkLabels(List<String> labels, String prefix, String what, FieldErrors errors) {
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

    /** {@code prefix} and the first number from {@code taken.size() + 1} up that no label in {@code taken} has: x3, y4. */
    public static String unusedLabel(String prefix, List<String> taken) {
        Set<String> set = new HashSet<>(taken);
        for (int n = taken.size() + 1; ; n++) {
            if (!set.contains(prefix + n)) {
                return prefix + n;
            }
        }
    }

    /**
     * Makes rows of cells as typed a box of {@code rows} × {@code cols} without dropping anything:
     * missing rows and cells are added empty (each then gets its own message), and every cell is
     * stripped of the spaces around it.
     */
    public static void pad(List<List<String>> cells, int rows, int cols) {
        while (cells.size() < rows) {
            cells.add(new ArrayList<>());
        }
        for (List<String> row : cells) {
            while (row.size() < cols) {
                row.add("");
            }
            row.replaceAll(String::strip);
        }
    }

    /** Drops the items of {@code list} after its first {@code size}. */
    public static void cut(List<?> list, int size) {
        if (list.size() > size) {
            list.subList(size, list.size()).clear();
        }
    }

    /** Labels as typed, without the spaces around them. */
    public static List<String> strip(List<String> labels) {
        return labels.stream().map(String::strip).toList();
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

    /**
     * The table as the only slice of a table of three variables, on the three-variable explorer's page:
     * its URL takes the same parameters, one {@code p} per slice, with Z named by {@code z} and its
     * values by {@code zl}.
     */
    public static String threeWayUrl(JointInput in) {
        return Paths.CMI + "?" + query(in) + "&z=Z&zl=z1";
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
