package miexplorer.web.joint;

import java.util.ArrayList;
import java.util.List;
import miexplorer.info.LogBase;

/**
 * A joint table exactly as typed: variable names, labels, the text of every cell, and the display
 * settings. It is the joint-table explorer's state, and what the other explorers build to show a
 * table of theirs with its analysis ({@link JointView}) or to link to it ({@link JointForm#canonicalUrl}).
 * Nothing here is parsed yet, so a state with mistakes in it can be shown back unchanged, beside its
 * messages.
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
        int digits) {

    public static final int DEFAULT_DIGITS = 3;

    public JointInput {
        xLabels = List.copyOf(xLabels);
        yLabels = List.copyOf(yLabels);
        cells = cells.stream().map(List::copyOf).toList();
    }

    private static final JointInput WEATHER = new JointInput("Weather", "Forecast",
            List.of("Rain", "Sun"), List.of("Forecast rain", "Forecast sun"),
            List.of(List.of("0.36", "0.04"), List.of("0.12", "0.48")),
            Kind.PROBABILITIES, LogBase.TWO, DEFAULT_DIGITS);

    /** The tutorial's table: tomorrow's weather against the forecast. (One shared value: it is immutable.) */
    public static JointInput weather() {
        return WEATHER;
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
}
