package miexplorer.web.joint;

import miexplorer.info.LogBase;
import miexplorer.web.form.FieldErrors;
import miexplorer.web.form.Fields;
import miexplorer.web.form.Query;

/**
 * How a table's cells are read and its numbers shown: {@code kind} (probabilities by default),
 * {@code base} (2 by default) and {@code digits} (3 by default), as a form or a URL gives them. A value
 * that is not offered gets a message under its name, and the default.
 */
public record TableSettings(Kind kind, LogBase base, int digits) {
    public static final int DEFAULT_DIGITS = 3;
    public static final int MIN_DIGITS = 1;
    public static final int MAX_DIGITS = 15;

    public static TableSettings read(Fields fields, FieldErrors errors) {
        Kind kind = Kind.PROBABILITIES;
        String kindText = fields.first("kind");
        if (kindText != null) {
            kind = Kind.fromKey(kindText);
            if (kind == null) {
                errors.add("kind", "“" + kindText + "” is not a kind of table: use probabilities or counts.");
                kind = Kind.PROBABILITIES;
            }
        }
        LogBase base = LogBase.TWO;
        String baseText = fields.first("base");
        if (baseText != null) {
            base = LogBase.fromKey(baseText);
            if (base == null) {
                errors.add("base", "“" + baseText + "” is not a log base offered here: use 2, e or 10.");
                base = LogBase.TWO;
            }
        }
        return new TableSettings(kind, base, digits(fields.first("digits"), errors));
    }

    /**
     * The decimals to show: {@code text} as a whole number from {@link #MIN_DIGITS} to
     * {@link #MAX_DIGITS}, or the default (3) when absent; anything else gets a message under
     * {@code digits} and the default.
     */
    public static int digits(String text, FieldErrors errors) {
        if (text == null) {
            return DEFAULT_DIGITS;
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
        return DEFAULT_DIGITS;
    }

    /** kind and base always, digits only when not the default: the end of a table's canonical URL. */
    public void writeTo(Query query) {
        query.add("kind", kind.key()).add("base", base.key());
        if (digits != DEFAULT_DIGITS) {
            query.add("digits", digits);
        }
    }
}
