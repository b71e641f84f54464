package miexplorer.web.cmi;

import java.util.List;
import miexplorer.info.LogBase;
import miexplorer.web.form.TableReader;
import miexplorer.web.joint.JointInput;
import miexplorer.web.joint.Kind;
import miexplorer.web.joint.TableSettings;

/**
 * A table of three variables exactly as typed: one X × Y slice per value of Z. Nothing is parsed
 * yet, so a state with mistakes can be shown back unchanged beside its messages.
 *
 * @param cells indexed [z][x][y]: one slice per value of Z, one row per value of X, one cell per value of Y
 */
public record CmiInput(String xName, String yName, String zName, List<String> xLabels, List<String> yLabels,
        List<String> zLabels, List<List<List<String>>> cells, Kind kind, LogBase base, int digits) {

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

    public CmiInput withCells(List<List<List<String>>> newCells, Kind newKind) {
        return new CmiInput(xName, yName, zName, xLabels, yLabels, zLabels, newCells, newKind, base, digits);
    }

    public CmiInput withShape(List<String> newX, List<String> newY, List<String> newZ, List<List<List<String>>> newCells) {
        return new CmiInput(xName, yName, zName, newX, newY, newZ, newCells, kind, base, digits);
    }

    /**
     * Slice {@code z} as a table of the joint-table explorer, to open it there. Its cells are a part
     * of the whole table, so they are given as counts: that explorer divides them by their total,
     * which makes them P(X, Y | Z = z).
     */
    public JointInput slice(int z) {
        return new JointInput(xName, yName, xLabels, yLabels, cells.get(z), Kind.COUNTS, base, digits);
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
}
