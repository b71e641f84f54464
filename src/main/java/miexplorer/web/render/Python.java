package miexplorer.web.render;

import java.util.List;
import java.util.Locale;

/** Python source literals for the exported scripts: text that cannot break out of its string, and exact numbers. */
public final class Python {
    private Python() {
    }

    /**
     * A Python string literal for any text: quotes and backslashes escaped, and every character
     * that is invisible or could change how the code reads (control and format characters, such as
     * line breaks and bidirectional overrides) written as an escape. Printable characters stay as
     * they are (the script is UTF-8). A lone surrogate, which no UTF-8 text can hold, becomes U+FFFD.
     */
    public static String string(String text) {
        StringBuilder b = new StringBuilder(text.length() + 2).append('"');
        text.codePoints().forEach(cp -> {
            switch (cp) {
                case '\\' -> b.append("\\\\");
                case '"' -> b.append("\\\"");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    int type = Character.getType(cp);
                    if (type == Character.SURROGATE) {
                        b.append("\\ufffd");
                    } else if (type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                            || type == Character.PARAGRAPH_SEPARATOR || type == Character.PRIVATE_USE
                            || type == Character.UNASSIGNED) {
                        b.append(cp <= 0xff ? String.format(Locale.ROOT, "\\x%02x", cp)
                                : cp <= 0xffff ? String.format(Locale.ROOT, "\\u%04x", cp)
                                : String.format(Locale.ROOT, "\\U%08x", cp));
                    } else {
                        b.appendCodePoint(cp);
                    }
                }
            }
        });
        return b.append('"').toString();
    }

    public static String list(List<String> items) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < items.size(); i++) {
            b.append(i > 0 ? ", " : "").append(string(items.get(i)));
        }
        return b.append(']').toString();
    }

    /** A float literal Python reads back as exactly this double. */
    public static String number(double v) {
        String s = Double.toString(v);
        if (Double.parseDouble(s) != v) {
            s = new java.math.BigDecimal(v).toString(); // exact, should Double.toString ever fail to round-trip
        }
        return s;
    }

    /** A list of numbers, each written so that Python reads back the same double. */
    public static String numbers(double[] values) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            b.append(i > 0 ? ", " : "").append(number(values[i]));
        }
        return b.append(']').toString();
    }
}
