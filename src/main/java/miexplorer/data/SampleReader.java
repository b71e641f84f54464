package miexplorer.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads paired observations from delimited text, streaming: two columns are kept, each as category
 * numbers (or, for a column to bin, as numbers), so memory grows with the rows and the distinct
 * categories, never with the rest of the file.
 *
 * <p>Rows that cannot be used (an empty value in a chosen column, or text in a column to bin) are
 * counted and the first {@link #SKIPPED_SHOWN} are kept with their line numbers. A file that cannot be
 * read as a table (empty, not text, a row with the wrong number of fields, a quote never closed)
 * is refused with a message that names the line.
 */
public final class SampleReader {
    public static final int SKIPPED_SHOWN = 5;
    public static final int MAX_CATEGORIES = 1000;
    public static final int MAX_BINS = 1000;
    public static final long MAX_ROWS = 2_000_000;
    public static final int MAX_COLUMN_NAME = 200;

    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern INDEX = Pattern.compile("\\d{1,9}");

    /** The separator between fields: found from the first line, or given. */
    public enum Separator {
        AUTO("auto", '\0', "detected"), COMMA("comma", ',', "comma"), TAB("tab", '\t', "tab"),
        SEMICOLON("semicolon", ';', "semicolon");

        private final String key;
        private final char c;
        private final String description;

        Separator(String key, char c, String description) {
            this.key = key;
            this.c = c;
            this.description = description;
        }

        public String key() {
            return key;
        }

        public String description() {
            return description;
        }

        public static Separator fromKey(String key) {
            for (Separator s : values()) {
                if (s.key.equals(key)) {
                    return s;
                }
            }
            return null;
        }

        static Separator of(char c) {
            for (Separator s : values()) {
                if (s.c == c && s != AUTO) {
                    return s;
                }
            }
            return null;
        }
    }

    /**
     * How to read the file.
     *
     * @param x the column of X: a name from the header, or a 0-based position; null for column 0
     * @param y likewise; null for column 1
     * @param xBins 0 to take X's values as categories, or k ≥ 1 to bin them as numbers
     * @param maxBytes the most bytes read before {@link SampleException.Problem#TOO_LARGE}
     */
    public record Options(String x, String y, boolean header, Separator separator, int xBins, int yBins,
            Binning binning, long maxBytes, boolean numbers, RowAllowance allowance) {
        /** Values read as categories (or binned where bins are asked for): the plug-in estimate's reading. */
        public Options(String x, String y, boolean header, Separator separator, int xBins, int yBins, Binning binning,
                long maxBytes) {
            this(x, y, header, separator, xBins, yBins, binning, maxBytes, false);
        }

        /** With no limit on the rows but {@link #MAX_ROWS}. */
        public Options(String x, String y, boolean header, Separator separator, int xBins, int yBins, Binning binning,
                long maxBytes, boolean numbers) {
            this(x, y, header, separator, xBins, yBins, binning, maxBytes, numbers, RowAllowance.UNLIMITED);
        }

        /** The same options, reading at most the rows {@code allowance} grants. */
        public Options withAllowance(RowAllowance allowance) {
            return new Options(x, y, header, separator, xBins, yBins, binning, maxBytes, numbers, allowance);
        }
    }

    /**
     * How many rows the reader may keep, for a caller that has reserved memory for some number of rows:
     * the reader asks for more before it reads past what it was granted.
     */
    public interface RowAllowance {
        /** As many rows as the reader takes ({@link #MAX_ROWS}). */
        RowAllowance UNLIMITED = new RowAllowance() {
            @Override
            public long granted() {
                return MAX_ROWS;
            }

            @Override
            public long extend(long rows) {
                return MAX_ROWS;
            }
        };

        /** The rows granted at the start. */
        long granted();

        /**
         * Asked when the reader is about to read row {@code rows}, past what was granted: answers the new
         * number of rows granted (at least {@code rows}), or throws to stop the reading.
         */
        long extend(long rows);
    }

    /**
     * The columns as the nearest-neighbour estimators take them, when {@link Options#numbers()} asked
     * for them: each column is numeric ({@code xNumbers} set, {@code xCodes} null) or categorical (the
     * reverse), one entry per pair used, in the order read. Category codes index {@code xCategories}
     * ({@code yCategories}), which can hold a category the table has not (one seen only in rows left out).
     */
    public record Values(double[] xNumbers, double[] yNumbers, int[] xCodes, int[] yCodes, List<String> xCategories,
            List<String> yCategories) {
        public boolean xNumeric() {
            return xNumbers != null;
        }

        public boolean yNumeric() {
            return yNumbers != null;
        }

        public int n() {
            return xNumbers != null ? xNumbers.length : xCodes.length;
        }
    }

    /** The bins of a numeric column whose Bins setting is 0, for the table beside a nearest-neighbour estimate. */
    public static final int DEFAULT_NUMERIC_BINS = 10;

    /** A row that was not used, and why. */
    public record Skipped(long line, String reason) {
    }

    /**
     * What was read.
     *
     * @param columns the header's names (or "column 0", "column 1", … without a header)
     * @param x the position of X's column; {@code y} likewise
     * @param rows the data rows read (used and skipped)
     * @param skipped the rows not used; {@code firstSkipped} the first few of them
     * @param xNote what binning X did, when it left fewer bins than asked for; else null
     * @param values the columns as numbers or category codes, when {@link Options#numbers()}; else null
     * @param xBins the bins the table has for X (0: X's values are its categories); {@code yBins} likewise
     */
    public record Samples(List<String> columns, int x, int y, Separator separator, ContingencyTable table, long rows,
            long skipped, List<Skipped> firstSkipped, String xNote, String yNote, Values values, int xBins, int yBins) {
        public Samples(List<String> columns, int x, int y, Separator separator, ContingencyTable table, long rows,
                long skipped, List<Skipped> firstSkipped, String xNote, String yNote) {
            this(columns, x, y, separator, table, rows, skipped, firstSkipped, xNote, yNote, null, 0, 0);
        }

        public String xName() {
            return columns.get(x);
        }

        public String yName() {
            return columns.get(y);
        }
    }

    private SampleReader() {
    }

    public static Samples read(InputStream raw, Options o) {
        try {
            return readOrThrow(raw, o);
        } catch (CharacterCodingException e) {
            throw new SampleException(SampleException.Problem.BINARY, "data",
                    "This is not UTF-8 text: some bytes are not characters. Save the data as CSV or TSV in UTF-8.");
        } catch (LimitedInputStream.TooLarge e) {
            throw new SampleException(SampleException.Problem.TOO_LARGE, "data", "The data is larger than "
                    + LimitedInputStream.describe(o.maxBytes()) + ", the most this app reads.");
        } catch (IOException e) {
            throw new SampleException(SampleException.Problem.MALFORMED, "data",
                    "The data could not be read to its end (" + e.getMessage() + ").");
        }
    }

    private static Samples readOrThrow(InputStream raw, Options o) throws IOException {
        BufferedInputStream in = new BufferedInputStream(new LimitedInputStream(raw, o.maxBytes()), 1 << 16);
        sniff(in);
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        java.io.PushbackReader text = new java.io.PushbackReader(reader, 8192);
        char[] head = new char[8192];
        int got = 0;
        while (got < head.length) {
            int n = text.read(head, got, head.length - got);
            if (n < 0) {
                break;
            }
            got += n;
        }
        int start = got > 0 && head[0] == '\uFEFF' ? 1 : 0; // a byte-order mark is not data
        if (got - start > 0) {
            text.unread(head, start, got - start);
        }
        Separator sep = o.separator() == Separator.AUTO ? detect(head, start, got) : o.separator();

        CsvTokenizer csv = new CsvTokenizer(text, sep.c);
        csv.keepAll();
        if (!csv.next()) {
            throw new SampleException(SampleException.Problem.EMPTY, "data",
                    "There is no data: the file is empty (or holds only blank lines).");
        }
        List<String> first = csv.fields();
        int width = csv.fieldCount();
        List<String> columns = new ArrayList<>(width);
        for (int i = 0; i < width; i++) {
            columns.add(o.header() ? first.get(i) : "column " + i);
        }
        if (width < 2 && !(o.x() != null && o.x().equals(o.y()))) {
            throw new SampleException(SampleException.Problem.MISSING_COLUMN, "data", "Line " + csv.recordLine()
                    + " has one field only" + (o.separator() == Separator.AUTO ? ": no comma, tab or semicolon separates two columns." : ", with "
                    + sep.description() + " as the separator.") + " Mutual information needs two columns.");
        }
        int xi = column(o.x(), 0, "x", columns, o.header());
        int yi = column(o.y(), 1, "y", columns, o.header());
        csv.keep(xi, yi);

        Column xc = o.numbers() ? new Column(o.xBins(), true) : new Column(o.xBins());
        Column yc = o.numbers() ? new Column(o.yBins(), true) : new Column(o.yBins());
        List<Skipped> skipped = new ArrayList<>();
        long skippedCount = 0;
        long rows = 0;
        long granted = o.allowance().granted();
        boolean pending = !o.header(); // without a header the first record is data
        while (pending || csv.next()) {
            String a;
            String b;
            if (pending) {
                a = first.get(xi);
                b = first.get(yi);
                pending = false;
            } else {
                if (csv.fieldCount() != width) {
                    throw new SampleException(SampleException.Problem.WRONG_FIELD_COUNT, "data", "Line " + csv.recordLine()
                            + " has " + csv.fieldCount() + " field" + (csv.fieldCount() == 1 ? "" : "s") + " but the "
                            + (o.header() ? "header" : "first row") + " has " + width + ". Check the separator ("
                            + sep.description() + ") and the quotes on that line.");
                }
                a = csv.a();
                b = csv.b();
            }
            rows++;
            if (rows > MAX_ROWS) {
                throw new SampleException(SampleException.Problem.TOO_LARGE, "data",
                        "There are more than " + MAX_ROWS + " rows; this app reads at most " + MAX_ROWS + ".");
            }
            if (rows > granted) {
                granted = o.allowance().extend(rows);
            }
            String why = xc.problem(a, columns.get(xi));
            if (why == null) {
                why = yc.problem(b, columns.get(yi));
            }
            if (why != null) {
                skippedCount++;
                if (skipped.size() < SKIPPED_SHOWN) {
                    skipped.add(new Skipped(csv.recordLine(), why));
                }
                continue;
            }
            xc.add(a, columns.get(xi), "x", csv.recordLine());
            yc.add(b, columns.get(yi), "y", csv.recordLine());
        }
        if (xc.n == 0) {
            String detail = skipped.isEmpty() ? "" : " The first: line " + skipped.get(0).line() + ", " + skipped.get(0).reason() + ".";
            // A column set to be binned whose values are not numbers: the fix is that column's Bins field.
            Column unbinnable = xc.unbinnable > 0 ? xc : yc.unbinnable > 0 ? yc : null;
            if (rows > 0 && unbinnable != null) {
                boolean isX = unbinnable == xc;
                throw new SampleException(SampleException.Problem.NO_USABLE_ROWS, isX ? "xbins" : "ybins",
                        "None of the " + rows + " rows can be used." + detail + " To read column “"
                                + columns.get(isX ? xi : yi) + "” as categories, set Bins for " + (isX ? "X" : "Y") + " to 0.");
            }
            throw new SampleException(SampleException.Problem.NO_USABLE_ROWS, "data", rows == 0
                    ? "There are no data rows" + (o.header() ? " below the header." : ".")
                    : "None of the " + rows + " rows can be used." + detail);
        }
        if (o.numbers()) {
            return numbers(o, columns, xi, yi, sep, xc, yc, rows, skippedCount, skipped);
        }
        int n = xc.n;
        int[] xCodes = xc.codes(o.binning());
        int[] yCodes = yc.codes(o.binning());
        ContingencyTable table = ContingencyTable.fromCodes(xCodes, yCodes, n, xc.labels, yc.labels);
        if (table.rows() < 2 || table.cols() < 2) {
            boolean isX = table.rows() < 2;
            String name = isX ? columns.get(xi) : columns.get(yi);
            String value = isX ? table.xCategories().get(0) : table.yCategories().get(0);
            throw new SampleException(SampleException.Problem.ONE_CATEGORY, isX ? "x" : "y", "Column “" + name
                    + "” has one category only (“" + value + "”) in the " + n + " rows used: it tells nothing about the other column "
                    + "(the mutual information is 0), and there is nothing to test. Choose another column"
                    + (isX ? xc.binned() : yc.binned()) + ".");
        }
        return new Samples(List.copyOf(columns), xi, yi, sep, table, rows, skippedCount, List.copyOf(skipped), xc.note, yc.note);
    }

    /** A chosen column's values: category numbers with their labels, or numbers to bin. */
    private static final class Column {
        final int bins;
        int n;
        int[] ids = new int[1024];
        double[] numbers;
        final Map<String, Integer> codes = new HashMap<>();
        List<String> labels = new ArrayList<>();
        String note;
        /** How many values were refused because this column is binned and they are not numbers. */
        int unbinnable;
        /** Both numbers and category codes are kept, for the kind to be decided at the end ({@link Options#numbers()}). */
        final boolean detect;
        /** Detecting: values that are numbers, and those that are not (with the first few of them and their lines). */
        long numeric;
        long text;
        final List<Skipped> firstText = new ArrayList<>();
        /** Detecting: more than {@link #MAX_CATEGORIES} distinct values, so the codes were dropped. */
        boolean tooManyCategories;

        Column(int bins) {
            this.bins = bins;
            this.detect = false;
            if (bins > 0) {
                numbers = new double[1024];
                ids = null;
            }
        }

        Column(int bins, boolean detect) {
            this.bins = bins;
            this.detect = detect;
            numbers = new double[1024];
        }

        /** Why this value cannot be used, or null. */
        String problem(String v, String name) {
            if (v == null || v.isEmpty()) {
                return "no value in column “" + name + "”";
            }
            if (bins > 0 && !detect) {
                if (!NUMBER.matcher(v).matches()) {
                    unbinnable++;
                    return "“" + shorten(v) + "” in column “" + name + "” is not a number, so it cannot be binned";
                }
                if (!Double.isFinite(Double.parseDouble(v))) {
                    unbinnable++;
                    return "“" + shorten(v) + "” in column “" + name + "” is too large to bin";
                }
            }
            return null;
        }

        void add(String v, String name, String field, long line) {
            if (detect) {
                addBoth(v, name, line);
                return;
            }
            if (bins > 0) {
                if (n == numbers.length) {
                    numbers = Arrays.copyOf(numbers, n * 2);
                }
                numbers[n++] = Double.parseDouble(v);
                return;
            }
            Integer code = codes.get(v);
            if (code == null) {
                if (labels.size() == MAX_CATEGORIES) {
                    throw new SampleException(SampleException.Problem.TOO_MANY_CATEGORIES, field, "Column “" + name
                            + "” has more than " + MAX_CATEGORIES + " distinct values; this app counts at most " + MAX_CATEGORIES
                            + " categories per column. If it holds numbers, bin them.");
                }
                code = labels.size();
                codes.put(v, code);
                labels.add(v);
            }
            if (n == ids.length) {
                ids = Arrays.copyOf(ids, n * 2);
            }
            ids[n++] = code;
        }

        /** Keeps the value as a number (NaN when it is not one) and as a category code (until there are too many). */
        private void addBoth(String v, String name, long line) {
            if (n == numbers.length) {
                numbers = Arrays.copyOf(numbers, n * 2);
            }
            double d = Double.NaN;
            if (NUMBER.matcher(v).matches()) {
                d = Double.parseDouble(v);
            }
            if (Double.isFinite(d)) {
                numeric++;
            } else {
                text++;
                if (firstText.size() < SKIPPED_SHOWN) {
                    firstText.add(new Skipped(line, "“" + shorten(v) + "” in column “" + name + "” is "
                            + (Double.isNaN(d) ? "not a number" : "too large")));
                }
                d = Double.NaN;
            }
            numbers[n] = d;
            if (!tooManyCategories) {
                Integer code = codes.get(v);
                if (code == null && labels.size() == MAX_CATEGORIES) {
                    tooManyCategories = true; // a numeric column, or one to refuse at the end
                    codes.clear();
                    labels = new ArrayList<>();
                    ids = null;
                } else {
                    if (code == null) {
                        code = labels.size();
                        codes.put(v, code);
                        labels.add(v);
                    }
                    if (n == ids.length) {
                        ids = Arrays.copyOf(ids, n * 2);
                    }
                    ids[n] = code;
                }
            }
            n++;
        }

        /** Detecting: numeric when more than half of the values (not counting empty ones) are numbers. */
        boolean isNumeric() {
            return numeric > text;
        }

        int[] codes(Binning binning) {
            if (bins == 0) {
                return ids;
            }
            int[] out = new int[n];
            Binning.Bins b = binning.apply(numbers, n, bins, out);
            numbers = null;
            labels = b.labels();
            note = b.note();
            return out;
        }

        String binned() {
            return bins > 0 ? " or more bins" : "";
        }
    }

    /**
     * The end of a reading for the nearest-neighbour estimators: each column is numeric when more than
     * half of its values are numbers, else categorical. Rows with a value that is not a number in a
     * numeric column are left out and reported like the other skipped rows; a numeric column is binned
     * for the table (its Bins, or {@link #DEFAULT_NUMERIC_BINS} when 0), a categorical one is its categories.
     */
    private static Samples numbers(Options o, List<String> columns, int xi, int yi, Separator sep, Column xc, Column yc,
            long rows, long skippedCount, List<Skipped> skipped) {
        boolean xNum = xc.isNumeric();
        boolean yNum = yc.isNumeric();
        for (Column c : new Column[] {xc, yc}) {
            if (!c.isNumeric() && c.tooManyCategories) {
                boolean isX = c == xc;
                throw new SampleException(SampleException.Problem.TOO_MANY_CATEGORIES, isX ? "x" : "y", "Column “"
                        + columns.get(isX ? xi : yi) + "” has more than " + MAX_CATEGORIES + " distinct values, and most of them ("
                        + c.text + " of " + c.n + ") are not numbers, so it is read as categories; this app counts at most "
                        + MAX_CATEGORIES + " categories per column.");
            }
        }
        int n = xc.n;
        boolean[] keep = new boolean[n];
        int kept = 0;
        for (int i = 0; i < n; i++) {
            keep[i] = !(xNum && Double.isNaN(xc.numbers[i])) && !(yNum && Double.isNaN(yc.numbers[i]));
            kept += keep[i] ? 1 : 0;
        }
        List<Skipped> all = new ArrayList<>(skipped);
        java.util.Set<Long> lines = new java.util.HashSet<>();
        for (Skipped k : skipped) {
            lines.add(k.line());
        }
        for (Column c : new Column[] {xc, yc}) {
            if (c.isNumeric()) {
                for (Skipped k : c.firstText) {
                    if (lines.add(k.line())) {
                        all.add(k);
                    }
                }
            }
        }
        all.sort(java.util.Comparator.comparingLong(Skipped::line));
        List<Skipped> first = List.copyOf(all.subList(0, Math.min(SKIPPED_SHOWN, all.size())));
        long skippedAll = skippedCount + (n - kept);
        if (kept == 0) {
            throw new SampleException(SampleException.Problem.NO_USABLE_ROWS, "data", "None of the " + rows
                    + " rows can be used." + (first.isEmpty() ? "" : " The first: line " + first.get(0).line() + ", "
                    + first.get(0).reason() + "."));
        }
        double[] xs = xNum ? compact(xc.numbers, keep, kept) : null;
        double[] ys = yNum ? compact(yc.numbers, keep, kept) : null;
        int[] xCodes = xNum ? null : compact(xc.ids, keep, kept);
        int[] yCodes = yNum ? null : compact(yc.ids, keep, kept);
        for (int side = 0; side < 2; side++) {
            double[] v = side == 0 ? xs : ys;
            if (v != null && constant(v)) {
                String name = columns.get(side == 0 ? xi : yi);
                throw new SampleException(SampleException.Problem.ONE_CATEGORY, side == 0 ? "x" : "y", "Column “" + name
                        + "” is constant: every one of its " + kept + " numbers used is " + Binning.edgeLabels(new double[] {v[0]})[0]
                        + ". A constant tells nothing about the other column (the mutual information is 0), and the"
                        + " nearest-neighbour estimators cannot scale it. Choose another column.");
            }
        }
        int xBins = xNum ? (o.xBins() > 0 ? o.xBins() : DEFAULT_NUMERIC_BINS) : 0;
        int yBins = yNum ? (o.yBins() > 0 ? o.yBins() : DEFAULT_NUMERIC_BINS) : 0;
        String xNote = null;
        String yNote = null;
        List<String> xLabels = xc.labels;
        List<String> yLabels = yc.labels;
        int[] xTable = xCodes;
        int[] yTable = yCodes;
        if (xNum) {
            xTable = new int[kept];
            Binning.Bins b = o.binning().apply(xs, kept, xBins, xTable);
            xLabels = b.labels();
            xNote = b.note();
        }
        if (yNum) {
            yTable = new int[kept];
            Binning.Bins b = o.binning().apply(ys, kept, yBins, yTable);
            yLabels = b.labels();
            yNote = b.note();
        }
        ContingencyTable table = ContingencyTable.fromCodes(xTable, yTable, kept, xLabels, yLabels);
        // A numeric column binned into one bin (equal-frequency bins of a column that is mostly one value) is
        // not refused: its table is poor, and the note says so, but the nearest-neighbour estimate is fine.
        if (table.rows() < 2 && !xNum || table.cols() < 2 && !yNum) {
            boolean isX = table.rows() < 2 && !xNum;
            String name = isX ? columns.get(xi) : columns.get(yi);
            String value = isX ? table.xCategories().get(0) : table.yCategories().get(0);
            throw new SampleException(SampleException.Problem.ONE_CATEGORY, isX ? "x" : "y", "Column “" + name
                    + "” has one category only (“" + value + "”) in the " + kept + " rows used: it tells nothing about the other column "
                    + "(the mutual information is 0), and there is nothing to test. Choose another column.");
        }
        return new Samples(List.copyOf(columns), xi, yi, sep, table, rows, skippedAll, first, xNote, yNote,
                new Values(xs, ys, xCodes, yCodes, xNum ? null : List.copyOf(xc.labels), yNum ? null : List.copyOf(yc.labels)),
                xBins, yBins);
    }

    private static double[] compact(double[] v, boolean[] keep, int kept) {
        if (kept == keep.length) {
            return Arrays.copyOf(v, kept);
        }
        double[] out = new double[kept];
        int j = 0;
        for (int i = 0; i < keep.length; i++) {
            if (keep[i]) {
                out[j++] = v[i];
            }
        }
        return out;
    }

    private static int[] compact(int[] v, boolean[] keep, int kept) {
        if (kept == keep.length) {
            return Arrays.copyOf(v, kept);
        }
        int[] out = new int[kept];
        int j = 0;
        for (int i = 0; i < keep.length; i++) {
            if (keep[i]) {
                out[j++] = v[i];
            }
        }
        return out;
    }

    private static boolean constant(double[] v) {
        for (double d : v) {
            if (d != v[0]) {
                return false;
            }
        }
        return true;
    }

    private static String shorten(String v) {
        return v.length() > 40 ? v.substring(0, 40) + "…" : v;
    }

    /** The column named {@code spec}: a header name, else a 0-based position; {@code fallback} when null. */
    private static int column(String spec, int fallback, String field, List<String> columns, boolean header) {
        if (spec == null || spec.isBlank()) {
            if (fallback >= columns.size()) {
                throw new SampleException(SampleException.Problem.MISSING_COLUMN, field, "There is no column " + fallback
                        + " (from 0): the data has " + columns.size() + " column" + (columns.size() == 1 ? "" : "s") + ".");
            }
            return fallback;
        }
        String s = spec.strip();
        if (header) {
            int i = columns.indexOf(s);
            if (i >= 0) {
                return i;
            }
        }
        if (INDEX.matcher(s).matches()) {
            int i = Integer.parseInt(s);
            if (i < columns.size()) {
                return i;
            }
            throw new SampleException(SampleException.Problem.MISSING_COLUMN, field, "There is no column " + i
                    + " (positions count from 0): the data has " + columns.size() + " columns" + list(columns) + ".");
        }
        throw new SampleException(SampleException.Problem.MISSING_COLUMN, field, "No column is named “" + shorten(s) + "”"
                + (header ? "" : " (the first row was not read as a header)") + ". The columns are" + list(columns)
                + "; give a name or a position from 0.");
    }

    private static String list(List<String> columns) {
        StringBuilder sb = new StringBuilder(": ");
        int shown = Math.min(columns.size(), 12);
        for (int i = 0; i < shown; i++) {
            sb.append(i > 0 ? ", " : "").append(i).append(" “").append(shorten(columns.get(i))).append("”");
        }
        if (columns.size() > shown) {
            sb.append(", … (").append(columns.size()).append(" in all)");
        }
        return sb.toString();
    }

    /** The separator that occurs most in the first line outside quotes: tab, comma or semicolon (comma on a tie or none). */
    static Separator detect(char[] head, int from, int to) {
        int tabs = 0;
        int commas = 0;
        int semicolons = 0;
        boolean quoted = false;
        for (int i = from; i < to; i++) {
            char c = head[i];
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                if (tabs + commas + semicolons > 0) {
                    break;
                }
            } else if (!quoted) {
                tabs += c == '\t' ? 1 : 0;
                commas += c == ',' ? 1 : 0;
                semicolons += c == ';' ? 1 : 0;
            }
        }
        if (tabs > commas && tabs >= semicolons) {
            return Separator.TAB;
        }
        if (semicolons > commas && semicolons > tabs) {
            return Separator.SEMICOLON;
        }
        return Separator.COMMA;
    }

    /** Files that are plainly not text, named so the message can say what to do. */
    private static void sniff(BufferedInputStream in) throws IOException {
        in.mark(8192);
        byte[] b = in.readNBytes(8192);
        in.reset();
        String kind = null;
        if (starts(b, 'P', 'K', 3, 4)) {
            kind = "a ZIP archive (an .xlsx or .ods spreadsheet is one): save the sheet as CSV";
        } else if (starts(b, '%', 'P', 'D', 'F')) {
            kind = "a PDF document: export the table as CSV";
        } else if (starts(b, 0x89, 'P', 'N', 'G') || starts(b, 0xFF, 0xD8, 0xFF) || starts(b, 'G', 'I', 'F', '8')) {
            kind = "an image: the data must be text";
        } else if (starts(b, 0xD0, 0xCF, 0x11, 0xE0)) {
            kind = "an old Office document (.xls): save the sheet as CSV";
        } else if (starts(b, 0x1F, 0x8B)) {
            kind = "gzip-compressed: decompress it first";
        } else if (starts(b, 0xFF, 0xFE) || starts(b, 0xFE, 0xFF)) {
            kind = "UTF-16 text: save it as UTF-8";
        } else {
            for (byte x : b) {
                if (x == 0) {
                    kind = "binary (it contains NUL bytes): the data must be CSV or TSV text";
                    break;
                }
            }
        }
        if (kind != null) {
            throw new SampleException(SampleException.Problem.BINARY, "data", "This file is not CSV or TSV text; it looks like " + kind + ".");
        }
    }

    private static boolean starts(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
