package miexplorer.web.render;

import java.util.regex.Pattern;

/** CSV as RFC 4180 writes it, for the exports: text a spreadsheet opens as data, never as a formula. */
public final class Csv {
    /** A number as a spreadsheet reads it: such a cell is data, never a formula. */
    private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private Csv() {
    }

    /** One line of fields, ended by CR LF. */
    public static void row(StringBuilder b, String... fields) {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(field(fields[i]));
        }
        b.append("\r\n");
    }

    /**
     * One CSV field (RFC 4180): quoted when it holds a comma, a quote, a line break or spaces at its
     * ends, with quotes doubled. Text a spreadsheet would evaluate as a formula (starting with =, +,
     * −, @, a tab or a carriage return, and not a plain number) gets a leading apostrophe, the usual
     * defence against formula injection.
     */
    public static String field(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0 && !PLAIN_NUMBER.matcher(v).matches()) {
            v = "'" + v;
        }
        boolean quote = v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0
                || !v.equals(v.strip());
        return quote ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }

    /** The first field of a CSV line, quoted or not, its quotes undone. */
    public static String firstField(String line) {
        if (!line.startsWith("\"")) {
            int comma = line.indexOf(',');
            return comma < 0 ? line : line.substring(0, comma);
        }
        StringBuilder b = new StringBuilder();
        for (int i = 1; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c != '"') {
                b.append(c);
            } else if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                b.append('"');
                i++;
            } else {
                break;
            }
        }
        return b.toString();
    }
}
