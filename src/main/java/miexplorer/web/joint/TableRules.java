package miexplorer.web.joint;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import miexplorer.web.form.FieldErrors;
import miexplorer.web.form.NumberInput;
import miexplorer.web.render.Format;

/**
 * The rules every table of cells as typed meets before it is analysed, whatever its shape: names
 * and labels, each cell, and the cells' total. Each broken rule is a message under the field it
 * concerns ({@code x}, {@code xl[2]}, {@code p[1][0]}, {@code table}, {@code sum}).
 */
public final class TableRules {
    /** The longest name or label. */
    public static final int MAX_LABEL = 60;
    /** How far a table of probabilities may stray from a sum of 1 and still be taken as one. */
    public static final double SUM_TOLERANCE = 1e-9;

    private TableRules() {
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

    /**
     * One cell as typed, read as a weight of a table of {@code kind}: its value, or NaN with a message
     * under {@code key} when it is not a number, is negative, or (with {@code strict}) is a probability
     * above 1.
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
     * Whether a table whose cells add up to {@code total} can be rebuilt by an action (normalised, made
     * independent, moved by a slider): its total is above 0 and finite; else the message
     * {@link #checkTotal} gives, under {@code table}.
     */
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
}
