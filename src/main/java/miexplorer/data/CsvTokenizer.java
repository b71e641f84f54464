package miexplorer.data;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads delimited text (CSV as in RFC 4180, or TSV) record by record from a stream, keeping only
 * the fields asked for, so memory does not grow with the file.
 *
 * <ul>
 *   <li>A field in double quotes may hold the separator, line breaks and doubled quotes ({@code ""}).</li>
 *   <li>Unquoted fields are stripped of surrounding spaces; a quote inside an unquoted field is kept as it is.</li>
 *   <li>Lines end with LF, CRLF or CR. Empty lines (and lines of spaces only) are not records.</li>
 *   <li>A NUL character means the input is not text.</li>
 * </ul>
 */
final class CsvTokenizer {
    private final Reader in;
    private final char[] buf = new char[1 << 16];
    private int pos;
    private int len;
    private boolean eof;
    private final char sep;
    private final StringBuilder partial = new StringBuilder();

    private long line = 1;
    private long recordLine;
    private int fieldCount;
    private boolean keepAll;
    private final List<String> all = new ArrayList<>();
    private int wantA = -1;
    private int wantB = -1;
    private String valueA;
    private String valueB;

    CsvTokenizer(Reader in, char sep) {
        this.in = in;
        this.sep = sep;
    }

    /** Keep every field of the coming records (for the header). */
    void keepAll() {
        keepAll = true;
    }

    /** Keep only fields {@code a} and {@code b} (0-based) of the coming records. */
    void keep(int a, int b) {
        keepAll = false;
        wantA = a;
        wantB = b;
    }

    /** The line the last record started on (from 1). */
    long recordLine() {
        return recordLine;
    }

    int fieldCount() {
        return fieldCount;
    }

    /** Every field of the last record, when {@link #keepAll()} is on. */
    List<String> fields() {
        return List.copyOf(all);
    }

    /** Field a of the last record, or null when it had fewer fields. */
    String a() {
        return valueA;
    }

    String b() {
        return valueB;
    }

    /** Reads the next record; false at the end of the input. */
    boolean next() throws IOException {
        while (true) {
            if (!readRecord()) {
                return false;
            }
            // A line with nothing but spaces is a blank line, not a record of one empty field.
            if (fieldCount == 1 && blank) {
                continue;
            }
            return true;
        }
    }

    private boolean blank;

    private boolean readRecord() throws IOException {
        // skip empty lines
        while (true) {
            if (pos == len && fill() < 0) {
                return false;
            }
            char c = buf[pos];
            if (c == '\n') {
                pos++;
                line++;
            } else if (c == '\r') {
                pos++;
                line++;
                if ((pos < len || fill() >= 0) && buf[pos] == '\n') {
                    pos++;
                }
            } else {
                break;
            }
        }
        recordLine = line;
        fieldCount = 0;
        all.clear();
        valueA = null;
        valueB = null;
        blank = true;
        while (true) {
            boolean keep = keepAll || fieldCount == wantA || fieldCount == wantB;
            String value;
            int end; // what ended the field: the separator, a line break, or -1 for the end of input
            if ((pos < len || fill() >= 0) && buf[pos] == '"') {
                value = quoted(keep);
                end = afterQuote();
                blank = false;
            } else {
                value = unquoted(keep);
                if (!spacesOnly) {
                    blank = false;
                }
                end = pos < len || fill() >= 0 ? buf[pos] : -1;
                if (end != -1) {
                    pos++;
                }
            }
            if (value != null) {
                if (!value.isEmpty()) {
                    blank = false;
                }
                if (keepAll) {
                    all.add(value);
                }
                if (fieldCount == wantA) {
                    valueA = value;
                }
                if (fieldCount == wantB) {
                    valueB = value;
                }
            }
            fieldCount++;
            if (end == sep) {
                continue;
            }
            if (end == '\n') {
                line++;
            } else if (end == '\r') {
                line++;
                if ((pos < len || fill() >= 0) && buf[pos] == '\n') {
                    pos++;
                }
            }
            return true;
        }
    }

    /** Whether the last unquoted field held nothing but spaces (or nothing), kept or not. */
    private boolean spacesOnly;

    /** An unquoted field, stripped; null when not kept. Stops before the separator or line break. */
    private String unquoted(boolean keep) throws IOException {
        partial.setLength(0);
        int start = pos;
        spacesOnly = true;
        while (true) {
            if (pos == len) {
                if (keep) {
                    partial.append(buf, start, pos - start);
                }
                start = 0;
                if (fill() < 0) {
                    break; // pos = start = 0: nothing more to append
                }
                continue;
            }
            char c = buf[pos];
            if (c == sep || c == '\n' || c == '\r') {
                break;
            }
            if (c == 0) {
                throw binary();
            }
            if (c > ' ') {
                spacesOnly = false;
            }
            pos++;
        }
        if (!keep) {
            return null;
        }
        String s = partial.length() > 0 ? partial.append(buf, start, pos - start).toString() : new String(buf, start, pos - start);
        return s.strip();
    }

    /** A quoted field, from its opening quote to its closing one; null when not kept. */
    private String quoted(boolean keep) throws IOException {
        long opened = line;
        pos++; // the opening quote
        partial.setLength(0);
        while (true) {
            if (pos == len && fill() < 0) {
                throw new SampleException(SampleException.Problem.MALFORMED, "data", "The quoted field that starts on line "
                        + opened + " is never closed: a quote (\") is missing. A quote inside a quoted field is written twice (\"\").");
            }
            char c = buf[pos++];
            if (c == '"') {
                if ((pos < len || fill() >= 0) && buf[pos] == '"') {
                    pos++;
                    partial.append('"');
                    continue;
                }
                return keep ? partial.toString() : null;
            }
            if (c == 0) {
                throw binary();
            }
            if (c == '\n' || (c == '\r' && !((pos < len || fill() >= 0) && buf[pos] == '\n'))) {
                line++;
            }
            partial.append(c);
        }
    }

    /** After a closing quote: spaces, then the separator, a line break or the end; else the file is malformed. */
    private int afterQuote() throws IOException {
        while (true) {
            if (pos == len && fill() < 0) {
                return -1;
            }
            char c = buf[pos++];
            if (c == sep || c == '\n' || c == '\r') {
                return c;
            }
            if (c != ' ') {
                throw new SampleException(SampleException.Problem.MALFORMED, "data", "Line " + line + ": “" + c
                        + "” follows the closing quote of field " + (fieldCount + 1) + ". A quote inside a quoted field is written twice (\"\").");
            }
        }
    }

    private SampleException binary() {
        return new SampleException(SampleException.Problem.BINARY, "data", "Line " + line
                + " contains a NUL character: this is not a text file. Save the data as CSV or TSV text.");
    }

    private int fill() throws IOException {
        if (eof) {
            return -1;
        }
        int n;
        do {
            n = in.read(buf, 0, buf.length);
        } while (n == 0);
        pos = 0;
        if (n < 0) {
            eof = true;
            len = 0;
            return -1;
        }
        len = n;
        return n;
    }
}
