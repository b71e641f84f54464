package miexplorer.web.joint;

import java.util.ArrayList;
import java.util.List;
import miexplorer.info.LogBase;
import miexplorer.web.form.FieldErrors;
import miexplorer.web.form.Query;
import miexplorer.web.form.State;
import miexplorer.web.form.TableReader;
import miexplorer.web.site.Paths;

/**
 * A joint table exactly as typed: variable names, labels, the text of every cell, and the display
 * settings. It is the joint-table explorer's state, and what the other features build to show a
 * table of theirs with its analysis ({@link JointView}) or to link to it ({@link #url}). Nothing here
 * is parsed until it is {@linkplain #check checked}, so a state with mistakes in it can be shown back
 * unchanged, beside its messages.
 *
 * @param cells one list per row (value of X), one string per column (value of Y)
 */
public record JointInput(
        String xName,
        String yName,
        List<String> xLabels,
        List<String> yLabels,
        List<List<String>> cells,
        Kind kind,
        LogBase base,
        int digits) implements State {

    public static final int MAX_ROWS = 32;
    public static final int MAX_COLS = 32;
    /** The shape the explorer reads: rows and columns, at most {@link #MAX_ROWS} × {@link #MAX_COLS}. */
    public static final TableReader.Shape SHAPE = TableReader.Shape.table(MAX_ROWS, MAX_COLS);

    public JointInput {
        xLabels = List.copyOf(xLabels);
        yLabels = List.copyOf(yLabels);
        cells = cells.stream().map(List::copyOf).toList();
    }

    private static final JointInput WEATHER = new JointInput("Weather", "Forecast",
            List.of("Rain", "Sun"), List.of("Forecast rain", "Forecast sun"),
            List.of(List.of("0.36", "0.04"), List.of("0.12", "0.48")),
            Kind.PROBABILITIES, LogBase.TWO, TableSettings.DEFAULT_DIGITS);

    /** The tutorial's table: tomorrow's weather against the forecast. (One shared value: it is immutable.) */
    public static JointInput weather() {
        return WEATHER;
    }

    /** A table as {@link TableReader} read it, with its settings. */
    public static JointInput of(TableReader.Table t, TableSettings s) {
        return new JointInput(t.names().get(0), t.names().get(1), t.labels().get(0), t.labels().get(1), t.slices().get(0),
                s.kind(), s.base(), s.digits());
    }

    public int rows() {
        return cells.size();
    }

    public int cols() {
        return yLabels.size();
    }

    public String cell(int i, int j) {
        return cells.get(i).get(j);
    }

    public TableSettings settings() {
        return new TableSettings(kind, base, digits);
    }

    /** The same table shown with other settings. */
    public JointInput with(TableSettings s) {
        return new JointInput(xName, yName, xLabels, yLabels, cells, s.kind(), s.base(), s.digits());
    }

    public JointInput withCells(List<List<String>> newCells, Kind newKind) {
        return new JointInput(xName, yName, xLabels, yLabels, newCells, newKind, base, digits);
    }

    public JointInput withShape(List<String> newXLabels, List<String> newYLabels, List<List<String>> newCells) {
        return new JointInput(xName, yName, newXLabels, newYLabels, newCells, kind, base, digits);
    }

    /** X and Y swapped: names, labels, and the table transposed. */
    public JointInput transposed() {
        List<List<String>> t = new ArrayList<>();
        for (int j = 0; j < cols(); j++) {
            List<String> row = new ArrayList<>();
            for (int i = 0; i < rows(); i++) {
                row.add(cell(i, j));
            }
            t.add(row);
        }
        return new JointInput(yName, xName, yLabels, xLabels, t, kind, base, digits);
    }

    // ---- its rules -------------------------------------------------------------------------------

    /** A checked table: {@code weights} is null exactly when {@code errors} is not empty. */
    public record Checked(JointInput input, FieldErrors errors, double[][] weights) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    /** Checks names, labels, limits and every cell ({@link TableRules}); on success gives the cells as numbers. */
    public Checked check(FieldErrors errors) {
        TableRules.checkName(xName, "x", errors);
        TableRules.checkName(yName, "y", errors);
        TableRules.checkLabels(xLabels, "xl", "row", errors);
        TableRules.checkLabels(yLabels, "yl", "column", errors);
        if (rows() > MAX_ROWS || cols() > MAX_COLS) {
            errors.add("table", "This table is " + rows() + " × " + cols() + "; the explorer takes at most "
                    + MAX_ROWS + " rows and " + MAX_COLS + " columns.");
        }
        double[][] w = values(errors, true);
        if (!errors.isEmpty() || w == null) {
            return new Checked(this, errors, null);
        }
        TableRules.checkTotal(TableRules.total(w), kind, errors);
        return errors.isEmpty() ? new Checked(this, errors, w) : new Checked(this, errors, null);
    }

    /**
     * Every cell read ({@link TableRules#cell}); a cell that cannot be gets a message under
     * {@code p[i][j]}, and the answer is null. With {@code strict}, a probability above 1 is an error too.
     */
    public double[][] values(FieldErrors errors, boolean strict) {
        double[][] w = new double[rows()][cols()];
        boolean ok = true;
        for (int i = 0; i < rows(); i++) {
            for (int j = 0; j < cols(); j++) {
                w[i][j] = TableRules.cell(cell(i, j), kind, "p[" + i + "][" + j + "]", errors, strict);
                ok &= !Double.isNaN(w[i][j]);
            }
        }
        return ok ? w : null;
    }

    // ---- its address -----------------------------------------------------------------------------

    /**
     * The one GET URL of this table, on the joint-table explorer's page ({@code /mi?…}): names,
     * labels, cells as typed, kind and base always; digits only when not the default.
     */
    @Override
    public String url() {
        return query().on(Paths.MI);
    }

    /** The query string of {@link #url}: the same for the page and its exports. */
    public Query query() {
        Query q = new Query();
        new TableReader.Table(List.of(xName, yName), List.of(xLabels, yLabels), List.of(cells)).writeTo(q, SHAPE.variables());
        settings().writeTo(q);
        return q;
    }
}
