package miexplorer.web.form;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * Reads a table of cells as typed from a request's fields, the one way every explorer of tables reads
 * one (and writes it back, {@link Table#writeTo}).
 *
 * <p>Fields: one name per variable ({@code x}, {@code y}, and {@code z} for a table of slices), the
 * labels of each variable's values, repeated ({@code xl}, {@code yl}, {@code zl}), and the cells either
 * as {@code p=0.36,0.04;0.12,0.48} (rows split by {@code ;}, cells by {@code ,}: the canonical URL's
 * form; one {@code p} per slice) or as repeated {@code c} in row-major order, slice after slice (what
 * an HTML form posts).
 *
 * <p>The table is made a box without dropping anything typed: short rows, missing rows and missing
 * slices are padded with empty cells (each then gets its own message), and missing labels get names
 * that no label has (x3, y4). A shape far beyond the limits (a few bytes of ";" and "," make
 * thousands of padded cells) is cut to twice the limits, with a message; anything typed within them
 * is shown back. Names, labels and cells lose the spaces around them.
 */
public final class TableReader {
    private TableReader() {
    }

    /**
     * A table as typed.
     *
     * @param names one per variable: X, Y (and Z)
     * @param labels the labels of each variable's values
     * @param slices the cells, [slice][row][column]: one slice for a table of X and Y
     */
    public record Table(List<String> names, List<List<String>> labels, List<List<List<String>>> slices) {
        /** Names, then labels, then one {@code p} per slice: the fields {@link #read} reads. */
        public void writeTo(Query query, List<String> variables) {
            for (int v = 0; v < variables.size(); v++) {
                query.add(variables.get(v), names.get(v));
            }
            for (int v = 0; v < variables.size(); v++) {
                query.addEach(variables.get(v) + "l", labels.get(v));
            }
            for (List<List<String>> slice : slices) {
                query.addCells("p", slice);
            }
        }
    }

    /**
     * What a table looks like to the explorer that reads it: rows and columns (X × Y), or slices of
     * them (X × Y × Z, one {@code p} per slice); the most values of each variable; and how its messages
     * say those limits.
     */
    public record Shape(List<String> variables, List<Integer> most, String limits, String cutTo, String needs) {
        /** A table of at most {@code rows} × {@code cols}. */
        public static Shape table(int rows, int cols) {
            return new Shape(List.of("x", "y"), List.of(rows, cols), rows + " × " + cols,
                    "its first " + 2 * rows + " rows and " + 2 * cols + " columns", "one row and one column");
        }

        /** A table of slices, at most {@code values} values of each variable. */
        public static Shape slices(int values) {
            return new Shape(List.of("x", "y", "z"), List.of(values, values, values), values + " values of each variable",
                    "the first " + 2 * values + " of each", "one value of each variable");
        }

        boolean sliced() {
            return variables.size() == 3;
        }
    }

    /** The table in {@code fields}, a box of the size typed; what is wrong with its shape goes to {@code errors} under "table". */
    public static Table read(Fields fields, Shape shape, FieldErrors errors) {
        List<String> variables = shape.variables();
        List<List<String>> labels = new ArrayList<>();
        for (String v : variables) {
            labels.add(new ArrayList<>(strip(fields.all(v + "l"))));
        }
        List<List<List<String>>> slices = cells(fields, shape, labels);
        int[] size = new int[variables.size()];
        size[0] = labels.get(0).size();
        size[1] = labels.get(1).size();
        for (List<List<String>> slice : slices) {
            size[0] = Math.max(size[0], slice.size());
            for (List<String> row : slice) {
                size[1] = Math.max(size[1], row.size());
            }
        }
        if (shape.sliced()) {
            size[2] = Math.max(slices.size(), labels.get(2).size());
        }
        boolean far = false;
        for (int v = 0; v < size.length; v++) {
            far |= size[v] > 2 * shape.most().get(v);
        }
        if (far) {
            errors.add("table", "This table is " + times(size) + ", far more than the explorer's " + shape.limits()
                    + ": only " + shape.cutTo() + " are shown.");
            for (int v = 0; v < size.length; v++) {
                size[v] = Math.min(size[v], 2 * shape.most().get(v));
                cut(labels.get(v), size[v]);
            }
            if (shape.sliced()) {
                cut(slices, size[2]);
            }
            for (List<List<String>> slice : slices) {
                cut(slice, size[0]);
                for (List<String> row : slice) {
                    cut(row, size[1]);
                }
            }
        }
        for (int s : size) {
            if (s == 0) {
                errors.add("table", "The table is empty: it needs at least " + shape.needs() + ".");
                break;
            }
        }
        for (int z = 0; z < slices.size(); z++) {
            for (int x = 0; x < slices.get(z).size(); x++) {
                int cells = slices.get(z).get(x).size();
                if (cells != size[1]) {
                    errors.add("table", "Row " + (x + 1) + (shape.sliced() ? " of slice " + (z + 1) : "") + " has " + cells
                            + " cells, but the table has " + size[1] + " columns. The missing cells are shown empty.");
                }
            }
        }
        int depth = shape.sliced() ? size[2] : 1;
        while (slices.size() < depth) {
            slices.add(new ArrayList<>());
        }
        for (List<List<String>> slice : slices) {
            pad(slice, size[0], size[1]);
        }
        List<String> names = new ArrayList<>();
        for (int v = 0; v < variables.size(); v++) {
            String name = variables.get(v);
            while (labels.get(v).size() < size[v]) {
                labels.get(v).add(unusedLabel(name, labels.get(v)));
            }
            String typed = fields.first(name);
            names.add(typed == null ? name.toUpperCase(Locale.ROOT) : typed.strip());
        }
        return new Table(names, labels, slices);
    }

    /** The cells as typed, before the table is made a box: from {@code p}, or from {@code c} cut into rows (and slices) by the labels. */
    private static List<List<List<String>>> cells(Fields fields, Shape shape, List<List<String>> labels) {
        List<List<List<String>>> slices = new ArrayList<>();
        // A table of slices takes every p there is (none when the field comes without a value); a table, the first.
        String first = fields.first("p");
        if (shape.sliced() ? fields.has("p") : first != null) {
            for (String p : shape.sliced() ? fields.all("p") : List.of(first)) {
                List<List<String>> rows = new ArrayList<>();
                if (!p.isBlank()) {
                    for (String row : p.split(";", -1)) {
                        rows.add(new ArrayList<>(List.of(row.split(",", -1))));
                    }
                }
                slices.add(rows);
            }
            return slices;
        }
        List<String> c = fields.all("c");
        List<List<String>> rows = new ArrayList<>();
        int width = Math.max(labels.get(1).size(), 1);
        for (int k = 0; k < c.size(); k += width) {
            rows.add(new ArrayList<>(c.subList(k, Math.min(c.size(), k + width))));
        }
        if (!shape.sliced()) {
            slices.add(rows);
            return slices;
        }
        int height = Math.max(labels.get(0).size(), 1);
        for (int k = 0; k < rows.size(); k += height) {
            slices.add(new ArrayList<>(rows.subList(k, Math.min(rows.size(), k + height))));
        }
        return slices;
    }

    private static String times(int[] size) {
        StringBuilder b = new StringBuilder();
        for (int s : size) {
            b.append(b.length() > 0 ? " × " : "").append(s);
        }
        return b.toString();
    }

    // ---- the pieces, for forms of rows that are not tables of cells (the attention explorer's) -------

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
     * missing rows and cells are added empty, and every cell is stripped of the spaces around it.
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

    /** {@code values} and, up to {@code size}, what {@code fill} gives for each missing position (counted from 1). */
    public static List<String> pad(List<String> values, int size, IntFunction<String> fill) {
        List<String> out = new ArrayList<>(values);
        while (out.size() < size) {
            out.add(fill.apply(out.size() + 1));
        }
        return out;
    }

    /** Drops the items of {@code list} after its first {@code size}. */
    public static void cut(List<?> list, int size) {
        if (list.size() > size) {
            list.subList(size, list.size()).clear();
        }
    }

    /** Values as typed, without the spaces around them. */
    public static List<String> strip(List<String> values) {
        return values.stream().map(String::strip).toList();
    }

    /** The index {@code text} names (as a button's value does: "remove-row-2"), or -1 when it names none of {@code size}. */
    public static int index(String text, int size) {
        try {
            int i = Integer.parseInt(text);
            return i >= 0 && i < size ? i : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
