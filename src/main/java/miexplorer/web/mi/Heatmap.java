package miexplorer.web.mi;

import java.util.ArrayList;
import java.util.List;
import miexplorer.info.Analysis;
import miexplorer.info.DivergenceTerm;
import miexplorer.info.JointDistribution;
import miexplorer.web.Svg;

/**
 * A heatmap of the joint table: either P(x,y) (darker is likelier) or the pointwise mutual
 * information log[P(x,y) / (P(x)P(y))] (orange where x and y meet more often than independence
 * predicts, blue where less often; grey where P(x,y) = 0 and the value is undefined).
 */
public record Heatmap(double cell, double left, double top, double width, double height,
        List<String> rowLabels, List<String> colLabels, List<Cell> cells, boolean showText, boolean rotate) {

    public record Cell(double x, double y, String fill, String ink, String text, String title) {
    }

    private static final double LABEL_WIDTH = 110;
    private static final int MAX_COLUMN_LABEL = 18;

    public static Heatmap of(Analysis an, List<String> xLabels, List<String> yLabels, boolean pointwise,
            java.util.function.DoubleFunction<String> fmt) {
        JointDistribution t = an.table();
        int rows = t.rows();
        int cols = t.cols();
        double cell = Math.max(14, Math.min(56, 448.0 / Math.max(rows, cols)));
        // Column labels that are wider than a cell are written on a slant, with room above for them.
        int longest = 0;
        for (String l : yLabels) {
            longest = Math.max(longest, Math.min(MAX_COLUMN_LABEL, l.length()));
        }
        boolean rotate = longest * 7 > cell;
        double labelHeight = rotate ? 16 + longest * 5.2 : 28;
        boolean showText = cell >= 44;
        double max = 0;
        for (DivergenceTerm d : an.divergence()) {
            max = Math.max(max, pointwise ? (d.zero() ? 0 : Math.abs(d.pointwise())) : d.pxy());
        }
        List<Cell> cells = new ArrayList<>();
        for (DivergenceTerm d : an.divergence()) {
            double x = LABEL_WIDTH + d.col() * cell;
            double y = labelHeight + d.row() * cell;
            String where = xLabels.get(d.row()) + ", " + yLabels.get(d.col());
            String fill;
            String text;
            String title;
            if (pointwise) {
                if (d.zero()) {
                    fill = "#d9d9d9";
                    text = "—";
                    title = "pmi(" + where + ") undefined: P = 0";
                } else {
                    double s = max > 0 ? d.pointwise() / max : 0;
                    fill = s >= 0 ? Svg.hsl(28, 0.9, 0.96 - 0.5 * s) : Svg.hsl(212, 0.7, 0.96 + 0.5 * s);
                    text = fmt.apply(d.pointwise());
                    title = "pmi(" + where + ") = " + text;
                }
            } else {
                double s = max > 0 ? d.pxy() / max : 0;
                fill = Svg.hsl(215, 0.6, 0.97 - 0.62 * s);
                text = fmt.apply(d.pxy());
                title = "P(" + where + ") = " + text;
            }
            cells.add(new Cell(x, y, fill, Svg.textOn(fill), text, title));
        }
        List<String> rl = xLabels.stream().map(l -> Svg.shorten(l, 14)).toList();
        List<String> cl = yLabels.stream().map(l -> Svg.shorten(l, MAX_COLUMN_LABEL)).toList();
        return new Heatmap(cell, LABEL_WIDTH, labelHeight, LABEL_WIDTH + cols * cell + (rotate ? 60 : 4),
                labelHeight + rows * cell + 4, rl, cl, cells, showText, rotate);
    }
}
