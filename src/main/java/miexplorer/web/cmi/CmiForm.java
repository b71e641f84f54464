package miexplorer.web.cmi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import miexplorer.info.ThreeWayDistribution;
import miexplorer.web.form.FieldErrors;
import miexplorer.web.form.Fields;
import miexplorer.web.form.Query;
import miexplorer.web.form.TableReader;
import miexplorer.web.joint.Kind;
import miexplorer.web.joint.TableRules;
import miexplorer.web.joint.TableSettings;
import miexplorer.web.render.Format;
import miexplorer.web.site.Paths;

/**
 * Reads the three-variable explorer's state from request parameters, checks it, applies its
 * actions, and writes its canonical URL.
 *
 * <p>Parameters: {@code x}, {@code y}, {@code z} (names); {@code xl}, {@code yl}, {@code zl} (labels,
 * repeated); the cells either as one {@code p} per value of Z ({@code p=0.25,0;0,0.25}: rows split
 * by {@code ;}, cells by {@code ,}, as on {@code /mi}) or as repeated {@code c} in the order
 * [z][x][y] (what the form posts); {@code kind}, {@code base}, {@code digits} as on {@code /mi}. A
 * URL of the joint-table explorer with {@code z} and {@code zl=…} added is a table of one slice.
 */
public final class CmiForm {
    public static final String PATH = Paths.CMI;
    /** At most this many values of each variable. */
    public static final int MAX_VALUES = 8;
    /** The shape the explorer reads: slices of X × Y, one per value of Z. */
    static final TableReader.Shape SHAPE = TableReader.Shape.slices(MAX_VALUES);

    private CmiForm() {
    }

    public record Read(CmiInput input, FieldErrors errors) {
    }

    /** A checked state: {@code weights} ([z][x][y]) is null exactly when {@code errors} is not empty. */
    public record Checked(CmiInput input, FieldErrors errors, double[][][] weights) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    public static Read read(Fields fields) {
        FieldErrors errors = new FieldErrors();
        TableSettings settings = TableSettings.read(fields, errors);
        if (!fields.hasAny("p", "c")) {
            CmiInput d = CmiPreset.DEFAULT.input();
            return new Read(new CmiInput(d.xName(), d.yName(), d.zName(), d.xLabels(), d.yLabels(), d.zLabels(), d.cells(),
                    settings.kind(), settings.base(), settings.digits()), errors);
        }
        return new Read(CmiInput.of(TableReader.read(fields, SHAPE, errors), settings), errors);
    }

    /** Checks names, labels, limits and every cell; on success gives the cells as numbers, [z][x][y]. */
    public static Checked check(CmiInput in, FieldErrors errors) {
        TableRules.checkName(in.xName(), "x", errors);
        TableRules.checkName(in.yName(), "y", errors);
        TableRules.checkName(in.zName(), "z", errors);
        TableRules.checkLabels(in.xLabels(), "xl", "row", errors);
        TableRules.checkLabels(in.yLabels(), "yl", "column", errors);
        TableRules.checkLabels(in.zLabels(), "zl", "slice", errors);
        if (in.sizeX() > MAX_VALUES || in.sizeY() > MAX_VALUES || in.sizeZ() > MAX_VALUES) {
            errors.add("table", "This table is " + in.sizeX() + " × " + in.sizeY() + " × " + in.sizeZ()
                    + "; the explorer takes at most " + MAX_VALUES + " values of each variable.");
        }
        double[][][] w = values(in, errors, true);
        if (!errors.isEmpty() || w == null) {
            return new Checked(in, errors, null);
        }
        TableRules.checkTotal(total(w), in.kind(), errors);
        return errors.isEmpty() ? new Checked(in, errors, w) : new Checked(in, errors, null);
    }

    /** Every cell read; a cell that cannot be gets a message under {@code p[z][i][j]}. */
    private static double[][][] values(CmiInput in, FieldErrors errors, boolean strict) {
        double[][][] w = new double[in.sizeZ()][in.sizeX()][in.sizeY()];
        boolean ok = true;
        for (int z = 0; z < in.sizeZ(); z++) {
            for (int i = 0; i < in.sizeX(); i++) {
                for (int j = 0; j < in.sizeY(); j++) {
                    w[z][i][j] = TableRules.cell(in.cell(z, i, j), in.kind(), cellKey(z, i, j), errors, strict);
                    ok &= !Double.isNaN(w[z][i][j]);
                }
            }
        }
        return ok ? w : null;
    }

    private static double total(double[][][] w) {
        double sum = 0;
        for (double[][] slice : w) {
            sum += TableRules.total(slice);
        }
        return sum;
    }

    public static String cellKey(int z, int i, int j) {
        return "p[" + z + "][" + i + "][" + j + "]";
    }

    // ---- actions -------------------------------------------------------------------------------

    public static final String ADD_X = "add-x";
    public static final String ADD_Y = "add-y";
    public static final String ADD_Z = "add-z";
    public static final String REMOVE_X = "remove-x-";
    public static final String REMOVE_Y = "remove-y-";
    public static final String REMOVE_Z = "remove-z-";
    public static final String NORMALISE = "normalise";
    /** Each slice replaced by P(x | z) P(y | z) P(z): X and Y independent given Z, so I(X; Y | Z) = 0. */
    public static final String INDEPENDENT_GIVEN_Z = "independent-given-z";
    public static final String RESET = "reset";

    /** The state after the form's {@code action}; one that cannot be done leaves it as it was, with a message. */
    public static CmiInput apply(String action, CmiInput in, FieldErrors errors) {
        if (action == null || action.isEmpty() || action.equals("update")) {
            return in;
        }
        if (action.equals(RESET)) {
            return CmiPreset.DEFAULT.input();
        }
        if (action.equals(ADD_X) || action.equals(ADD_Y) || action.equals(ADD_Z)) {
            char which = action.charAt(action.length() - 1);
            List<String> labels = new ArrayList<>(which == 'x' ? in.xLabels() : which == 'y' ? in.yLabels() : in.zLabels());
            if (labels.size() >= MAX_VALUES) {
                errors.add("table", nameOf(in, which) + " already has " + MAX_VALUES
                        + " values, the most the explorer takes.");
                return in;
            }
            labels.add(TableReader.unusedLabel(String.valueOf(which), labels));
            List<List<List<String>>> cells = copy(in.cells());
            if (which == 'z') {
                cells.add(zeros(in.sizeX(), in.sizeY()));
                return in.withShape(in.xLabels(), in.yLabels(), labels, cells);
            }
            for (List<List<String>> slice : cells) {
                if (which == 'x') {
                    slice.add(new ArrayList<>(Collections.nCopies(in.sizeY(), "0")));
                } else {
                    slice.forEach(row -> row.add("0"));
                }
            }
            return which == 'x' ? in.withShape(labels, in.yLabels(), in.zLabels(), cells)
                    : in.withShape(in.xLabels(), labels, in.zLabels(), cells);
        }
        for (String prefix : List.of(REMOVE_X, REMOVE_Y, REMOVE_Z)) {
            if (action.startsWith(prefix)) {
                return remove(prefix.charAt(prefix.length() - 2), action.substring(prefix.length()), in, errors);
            }
        }
        if (action.equals(NORMALISE) || action.equals(INDEPENDENT_GIVEN_Z)) {
            double[][][] w = values(in, errors, false);
            if (w == null) {
                return in;
            }
            if (!TableRules.movable(total(w), errors)) {
                return in;
            }
            ThreeWayDistribution d = ThreeWayDistribution.fromWeights(w);
            List<List<List<String>>> cells = new ArrayList<>();
            for (int z = 0; z < in.sizeZ(); z++) {
                List<List<String>> slice = new ArrayList<>();
                for (int i = 0; i < in.sizeX(); i++) {
                    List<String> row = new ArrayList<>();
                    for (int j = 0; j < in.sizeY(); j++) {
                        double p = action.equals(NORMALISE) ? d.p(z, i, j)
                                : d.pz(z) == 0 ? 0 : d.pxz(i, z) * d.pyz(j, z) / d.pz(z);
                        row.add(Format.cell(p));
                    }
                    slice.add(row);
                }
                cells.add(slice);
            }
            return in.withCells(cells, Kind.PROBABILITIES);
        }
        errors.add("action", "“" + action + "” is not something this form can do.");
        return in;
    }

    private static CmiInput remove(char which, String index, CmiInput in, FieldErrors errors) {
        int size = which == 'x' ? in.sizeX() : which == 'y' ? in.sizeY() : in.sizeZ();
        int k;
        try {
            k = Integer.parseInt(index);
        } catch (NumberFormatException e) {
            k = -1;
        }
        if (k < 0 || k >= size || size == 1) {
            errors.add("table", size == 1 ? nameOf(in, which) + " needs at least one value." : "There is no such value to remove.");
            return in;
        }
        List<String> xl = new ArrayList<>(in.xLabels());
        List<String> yl = new ArrayList<>(in.yLabels());
        List<String> zl = new ArrayList<>(in.zLabels());
        List<List<List<String>>> cells = copy(in.cells());
        final int at = k;
        if (which == 'z') {
            zl.remove(at);
            cells.remove(at);
        } else if (which == 'x') {
            xl.remove(at);
            cells.forEach(slice -> slice.remove(at));
        } else {
            yl.remove(at);
            cells.forEach(slice -> slice.forEach(row -> row.remove(at)));
        }
        return in.withShape(xl, yl, zl, cells);
    }

    private static String nameOf(CmiInput in, char which) {
        return which == 'x' ? in.xName() : which == 'y' ? in.yName() : in.zName();
    }

    // ---- the canonical URL ---------------------------------------------------------------------

    /** The one GET URL of this state: names, labels, one {@code p} per slice (cells as typed), kind and base; digits when not 3. */
    public static String canonicalUrl(CmiInput in) {
        return query(in).on(PATH);
    }

    public static Query query(CmiInput in) {
        Query q = new Query();
        new TableReader.Table(List.of(in.xName(), in.yName(), in.zName()), List.of(in.xLabels(), in.yLabels(), in.zLabels()),
                in.cells()).writeTo(q, SHAPE.variables());
        new TableSettings(in.kind(), in.base(), in.digits()).writeTo(q);
        return q;
    }

    // ---- helpers -------------------------------------------------------------------------------

    private static List<List<List<String>>> copy(List<List<List<String>>> cells) {
        List<List<List<String>>> out = new ArrayList<>();
        for (List<List<String>> slice : cells) {
            List<List<String>> s = new ArrayList<>();
            for (List<String> row : slice) {
                s.add(new ArrayList<>(row));
            }
            out.add(s);
        }
        return out;
    }

    private static List<List<String>> zeros(int rows, int cols) {
        List<List<String>> s = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            s.add(new ArrayList<>(Collections.nCopies(cols, "0")));
        }
        return s;
    }
}
