package miexplorer.web.cmi;

import java.util.List;
import miexplorer.info.LogBase;
import miexplorer.web.form.FieldErrors;
import miexplorer.web.form.Query;
import miexplorer.web.form.State;
import miexplorer.web.form.TableReader;
import miexplorer.web.joint.JointInput;
import miexplorer.web.joint.Kind;
import miexplorer.web.joint.TableRules;
import miexplorer.web.joint.TableSettings;
import miexplorer.web.site.Paths;

/**
 * A table of three variables exactly as typed: one X × Y slice per value of Z. Nothing is parsed
 * until it is {@linkplain #check checked}, so a state with mistakes can be shown back unchanged
 * beside its messages.
 *
 * @param cells indexed [z][x][y]: one slice per value of Z, one row per value of X, one cell per value of Y
 */
public record CmiInput(String xName, String yName, String zName, List<String> xLabels, List<String> yLabels,
        List<String> zLabels, List<List<List<String>>> cells, Kind kind, LogBase base, int digits) implements State {
    /** At most this many values of each variable. */
    public static final int MAX_VALUES = 8;
    /** The shape the explorer reads: slices of X × Y, one per value of Z. */
    public static final TableReader.Shape SHAPE = TableReader.Shape.slices(MAX_VALUES);

    public CmiInput {
        xLabels = List.copyOf(xLabels);
        yLabels = List.copyOf(yLabels);
        zLabels = List.copyOf(zLabels);
        cells = cells.stream().map(slice -> slice.stream().map(List::copyOf).toList()).toList();
    }

    public int sizeX() {
        return xLabels.size();
    }

    public int sizeY() {
        return yLabels.size();
    }

    public int sizeZ() {
        return zLabels.size();
    }

    public String cell(int z, int x, int y) {
        return cells.get(z).get(x).get(y);
    }

    /** The same table shown with other settings. */
    public CmiInput with(TableSettings s) {
        return new CmiInput(xName, yName, zName, xLabels, yLabels, zLabels, cells, s.kind(), s.base(), s.digits());
    }

    public CmiInput withCells(List<List<List<String>>> newCells, Kind newKind) {
        return new CmiInput(xName, yName, zName, xLabels, yLabels, zLabels, newCells, newKind, base, digits);
    }

    public CmiInput withShape(List<String> newX, List<String> newY, List<String> newZ, List<List<List<String>>> newCells) {
        return new CmiInput(xName, yName, zName, newX, newY, newZ, newCells, kind, base, digits);
    }

    /** A table as {@link TableReader} read it, with its settings. */
    public static CmiInput of(TableReader.Table t, TableSettings s) {
        return new CmiInput(t.names().get(0), t.names().get(1), t.names().get(2), t.labels().get(0), t.labels().get(1),
                t.labels().get(2), t.slices(), s.kind(), s.base(), s.digits());
    }

    /** A joint table as the only slice of a three-variable table (Z has one value, z1). */
    public static CmiInput of(JointInput t) {
        return new CmiInput(t.xName(), t.yName(), "Z", t.xLabels(), t.yLabels(), List.of("z1"), List.of(t.cells()),
                t.kind(), t.base(), t.digits());
    }

    // ---- its rules -----------------------------------------------------------------------------

    /** A checked state: {@code weights} ([z][x][y]) is null exactly when {@code errors} is not empty. */
    public record Checked(CmiInput input, FieldErrors errors, double[][][] weights) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    /** Checks names, labels, limits and every cell; on success gives the cells as numbers, [z][x][y]. */
    public Checked check(FieldErrors errors) {
        TableRules.checkName(xName(), "x", errors);
        TableRules.checkName(yName(), "y", errors);
        TableRules.checkName(zName(), "z", errors);
        TableRules.checkLabels(xLabels(), "xl", "row", errors);
        TableRules.checkLabels(yLabels(), "yl", "column", errors);
        TableRules.checkLabels(zLabels(), "zl", "slice", errors);
        if (sizeX() > CmiInput.MAX_VALUES || sizeY() > CmiInput.MAX_VALUES || sizeZ() > CmiInput.MAX_VALUES) {
            errors.add("table", "This table is " + sizeX() + " × " + sizeY() + " × " + sizeZ()
                    + "; the explorer takes at most " + CmiInput.MAX_VALUES + " values of each variable.");
        }
        double[][][] w = values(errors, true);
        if (!errors.isEmpty() || w == null) {
            return new Checked(this, errors, null);
        }
        TableRules.checkTotal(total(w), kind(), errors);
        return errors.isEmpty() ? new Checked(this, errors, w) : new Checked(this, errors, null);
    }

    /** Every cell read; a cell that cannot be gets a message under {@code p[z][i][j]}. */
    double[][][] values(FieldErrors errors, boolean strict) {
        double[][][] w = new double[sizeZ()][sizeX()][sizeY()];
        boolean ok = true;
        for (int z = 0; z < sizeZ(); z++) {
            for (int i = 0; i < sizeX(); i++) {
                for (int j = 0; j < sizeY(); j++) {
                    w[z][i][j] = TableRules.cell(cell(z, i, j), kind(), cellKey(z, i, j), errors, strict);
                    ok &= !Double.isNaN(w[z][i][j]);
                }
            }
        }
        return ok ? w : null;
    }

    static double total(double[][][] w) {
        double sum = 0;
        for (double[][] slice : w) {
            sum += TableRules.total(slice);
        }
        return sum;
    }

    public static String cellKey(int z, int i, int j) {
        return "p[" + z + "][" + i + "][" + j + "]";
    }

    // ---- the canonical URL ---------------------------------------------------------------------

    /** The one GET URL of this state: names, labels, one {@code p} per slice (cells as typed), kind and base; digits when not 3. */
    @Override
    public String url() {
        return query().on(Paths.CMI);
    }

    public Query query() {
        Query q = new Query();
        table().writeTo(q, SHAPE.variables());
        settings().writeTo(q);
        return q;
    }

    /** Names, labels and cells, as a table of slices. */
    public TableReader.Table table() {
        return new TableReader.Table(List.of(xName, yName, zName), List.of(xLabels, yLabels, zLabels), cells);
    }

    public TableSettings settings() {
        return new TableSettings(kind, base, digits);
    }
}
