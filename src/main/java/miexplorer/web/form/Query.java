package miexplorer.web.form;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes a query string, the one way every canonical URL is written: fields in the order they are
 * added, each value percent-encoded (spaces as +), except the few characters a field of numbers
 * keeps readable (see {@link #addReadable} and {@link #addCells}).
 */
public final class Query {
    private final StringBuilder text = new StringBuilder(256);

    public Query add(String name, String value) {
        field(name).append(encode(value));
        return this;
    }

    public Query add(String name, long value) {
        field(name).append(value);
        return this;
    }

    /** One field per value, in order: a table's labels, say. */
    public Query addEach(String name, List<String> values) {
        for (String v : values) {
            add(name, v);
        }
        return this;
    }

    /** A number or a vector ("1, 0, 1"), its commas and slashes left readable. */
    public Query addReadable(String name, String value) {
        field(name).append(encode(value).replace("%2C", ",").replace("%2F", "/"));
        return this;
    }

    /**
     * Rows of cells as typed: rows split by {@code ;}, cells by {@code ,}, each cell's slashes left
     * readable (9/25). Safe because a readable cell never contains {@code ,} or {@code ;}.
     */
    public Query addCells(String name, List<List<String>> rows) {
        field(name);
        for (int i = 0; i < rows.size(); i++) {
            if (i > 0) {
                text.append(';');
            }
            List<String> row = rows.get(i);
            for (int j = 0; j < row.size(); j++) {
                if (j > 0) {
                    text.append(',');
                }
                text.append(encode(row.get(j)).replace("%2F", "/"));
            }
        }
        return this;
    }

    /** {@code path?query}. */
    public String on(String path) {
        return path + "?" + text;
    }

    @Override
    public String toString() {
        return text.toString();
    }

    /** Starts a field: its separator and name; its value follows. */
    private StringBuilder field(String name) {
        if (text.length() > 0) {
            text.append('&');
        }
        return text.append(name).append('=');
    }

    /** Percent-encodes for a query value, as {@link URLEncoder} does; spaces become +. */
    public static String encode(String s) {
        // Most of a URL's values (every cell, most labels) are letters, digits and . - _ *, which
        // URLEncoder leaves as they are; skip its buffers for those. A 32 x 32 URL has over 1000.
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '.' || c == '-' || c == '_' || c == '*')) {
                return URLEncoder.encode(s, StandardCharsets.UTF_8);
            }
        }
        return s;
    }
}
