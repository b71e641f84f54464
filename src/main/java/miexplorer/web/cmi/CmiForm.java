package miexplorer.web.cmi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import miexplorer.info.LogBase;
import miexplorer.info.ThreeWayDistribution;
import miexplorer.web.form.FieldErrors;
import miexplorer.web.form.Forms;
import miexplorer.web.joint.JointForm;
import miexplorer.web.joint.Kind;
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

    public static Read read(Map<String, List<String>> params) {
        FieldErrors errors = new FieldErrors();
        JointForm.Settings settings = JointForm.settings(params, errors);
        Kind kind = settings.kind();
        LogBase base = settings.base();
        int digits = settings.digits();
        if (!params.containsKey("p") && !params.containsKey("c")) {
            CmiInput d = CmiPreset.DEFAULT.input();
            return new Read(new CmiInput(d.xName(), d.yName(), d.zName(), d.xLabels(), d.yLabels(), d.zLabels(), d.cells(),
                    kind, base, digits), errors);
        }
        List<String> xl = new ArrayList<>(JointForm.strip(params.getOrDefault("xl", List.of())));
        List<String> yl = new ArrayList<>(JointForm.strip(params.getOrDefault("yl", List.of())));
        List<String> zl = new ArrayList<>(JointForm.strip(params.getOrDefault("zl", List.of())));
        List<List<List<String>>> slices = new ArrayList<>();
        if (params.containsKey("p")) {
            for (String slice : params.get("p")) {
                List<List<String>> rows = new ArrayList<>();
                if (!slice.isBlank()) {
                    for (String row : slice.split(";", -1)) {
                        rows.add(new ArrayList<>(List.of(row.split(",", -1))));
                    }
                }
                slices.add(rows);
            }
        } else {
            List<String> c = params.get("c");
            int nx = Math.max(xl.size(), 1);
            int ny = Math.max(yl.size(), 1);
            for (int k = 0; k < c.size(); k++) {
                int z = k / (nx * ny);
                int x = k / ny % nx;
                while (slices.size() <= z) {
                    slices.add(new ArrayList<>());
                }
                while (slices.get(z).size() <= x) {
                    slices.get(z).add(new ArrayList<>());
                }
                slices.get(z).get(x).add(c.get(k));
            }
        }
        // Make the table a box without dropping anything typed: short rows and slices are padded with
        // empty cells (which get their own message), missing labels get names.
        int nz = Math.max(slices.size(), zl.size());
        int nx = xl.size();
        int ny = yl.size();
        for (List<List<String>> s : slices) {
            nx = Math.max(nx, s.size());
            for (List<String> row : s) {
                ny = Math.max(ny, row.size());
            }
        }
        // A shape far beyond the limits (a few bytes of ";" and "," make thousands of padded cells) is
        // cut to twice the limit, with a message; anything typed within it is shown back.
        int cap = 2 * MAX_VALUES;
        if (nz > cap || nx > cap || ny > cap) {
            errors.add("table", "This table is " + nx + " × " + ny + " × " + nz + ", far more than the explorer's "
                    + MAX_VALUES + " values of each variable: only the first " + cap + " of each are shown.");
            nz = Math.min(nz, cap);
            nx = Math.min(nx, cap);
            ny = Math.min(ny, cap);
            JointForm.cut(slices, nz);
            JointForm.cut(xl, nx);
            JointForm.cut(yl, ny);
            JointForm.cut(zl, nz);
            for (List<List<String>> s : slices) {
                JointForm.cut(s, nx);
                for (List<String> row : s) {
                    JointForm.cut(row, ny);
                }
            }
        }
        if (nz == 0 || nx == 0 || ny == 0) {
            errors.add("table", "The table is empty: it needs at least one value of each variable.");
        }
        for (int z = 0; z < slices.size(); z++) {
            for (int x = 0; x < slices.get(z).size(); x++) {
                if (slices.get(z).get(x).size() != ny) {
                    errors.add("table", "Row " + (x + 1) + " of slice " + (z + 1) + " has " + slices.get(z).get(x).size()
                            + " cells, but the table has " + ny + " columns. The missing cells are shown empty.");
                }
            }
        }
        while (slices.size() < nz) {
            slices.add(new ArrayList<>());
        }
        for (List<List<String>> s : slices) {
            JointForm.pad(s, nx, ny);
        }
        fill(xl, nx, "x");
        fill(yl, ny, "y");
        fill(zl, nz, "z");
        String x = Forms.first(params, "x");
        String y = Forms.first(params, "y");
        String z = Forms.first(params, "z");
        return new Read(new CmiInput(x == null ? "X" : x.strip(), y == null ? "Y" : y.strip(), z == null ? "Z" : z.strip(),
                xl, yl, zl, slices, kind, base, digits), errors);
    }

    /** Checks names, labels, limits and every cell; on success gives the cells as numbers, [z][x][y]. */
    public static Checked check(CmiInput in, FieldErrors errors) {
        JointForm.checkName(in.xName(), "x", errors);
        JointForm.checkName(in.yName(), "y", errors);
        JointForm.checkName(in.zName(), "z", errors);
        JointForm.checkLabels(in.xLabels(), "xl", "row", errors);
        JointForm.checkLabels(in.yLabels(), "yl", "column", errors);
        JointForm.checkLabels(in.zLabels(), "zl", "slice", errors);
        if (in.sizeX() > MAX_VALUES || in.sizeY() > MAX_VALUES || in.sizeZ() > MAX_VALUES) {
            errors.add("table", "This table is " + in.sizeX() + " × " + in.sizeY() + " × " + in.sizeZ()
                    + "; the explorer takes at most " + MAX_VALUES + " values of each variable.");
        }
        double[][][] w = values(in, errors, true);
        if (!errors.isEmpty() || w == null) {
            return new Checked(in, errors, null);
        }
        JointForm.checkTotal(total(w), in.kind(), errors);
        return errors.isEmpty() ? new Checked(in, errors, w) : new Checked(in, errors, null);
    }

    /** Every cell read; a cell that cannot be gets a message under {@code p[z][i][j]}. */
    private static double[][][] values(CmiInput in, FieldErrors errors, boolean strict) {
        double[][][] w = new double[in.sizeZ()][in.sizeX()][in.sizeY()];
        boolean ok = true;
        for (int z = 0; z < in.sizeZ(); z++) {
            for (int i = 0; i < in.sizeX(); i++) {
                for (int j = 0; j < in.sizeY(); j++) {
                    w[z][i][j] = JointForm.cell(in.cell(z, i, j), in.kind(), cellKey(z, i, j), errors, strict);
                    ok &= !Double.isNaN(w[z][i][j]);
                }
            }
        }
        return ok ? w : null;
    }

    private static double total(double[][][] w) {
        double sum = 0;
        for (double[][] slice : w) {
            sum += JointForm.total(slice);
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
            labels.add(JointForm.unusedLabel(String.valueOf(which), labels));
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
            if (!JointForm.movable(total(w), errors)) {
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
        return PATH + "?" + query(in);
    }

    public static String query(CmiInput in) {
        StringBuilder u = new StringBuilder(256);
        u.append("x=").append(Forms.enc(in.xName())).append("&y=").append(Forms.enc(in.yName()))
                .append("&z=").append(Forms.enc(in.zName()));
        for (String l : in.xLabels()) {
            u.append("&xl=").append(Forms.enc(l));
        }
        for (String l : in.yLabels()) {
            u.append("&yl=").append(Forms.enc(l));
        }
        for (String l : in.zLabels()) {
            u.append("&zl=").append(Forms.enc(l));
        }
        for (int z = 0; z < in.sizeZ(); z++) {
            u.append("&p=");
            for (int i = 0; i < in.sizeX(); i++) {
                if (i > 0) {
                    u.append(';');
                }
                for (int j = 0; j < in.sizeY(); j++) {
                    if (j > 0) {
                        u.append(',');
                    }
                    u.append(Forms.enc(in.cell(z, i, j)).replace("%2F", "/"));
                }
            }
        }
        u.append("&kind=").append(in.kind().key()).append("&base=").append(in.base().key());
        if (in.digits() != miexplorer.web.joint.JointInput.DEFAULT_DIGITS) {
            u.append("&digits=").append(in.digits());
        }
        return u.toString();
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

    private static void fill(List<String> labels, int size, String prefix) {
        while (labels.size() < size) {
            labels.add(JointForm.unusedLabel(prefix, labels));
        }
    }


}
