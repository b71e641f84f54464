package miexplorer.web.attention;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;
import miexplorer.web.render.Svg;

/**
 * A horizontal bar chart of attention weights per key, two bars per key: with the √d_k scaling
 * and without. Coordinates in SVG user units; weights are in [0, 1], so bars share one scale.
 */
public record Bars(double width, double height, double left, double barWidth, boolean showText, List<Row> rows) {

    public record Row(String label, double y, double bar, double scaled, double unscaled, String scaledText,
            String unscaledText) {
    }

    /** Room for the key's label, at most 12 characters of 12 px text. */
    private static final double LEFT = 90;
    private static final double BAR_WIDTH = 190;

    public static Bars of(List<String> labels, double[] scaled, double[] unscaled, DoubleFunction<String> fmt) {
        int n = labels.size();
        boolean showText = n <= 32;
        double bar = showText ? 12 : Math.max(1.5, 480.0 / (2 * n));
        double gap = showText ? 10 : bar / 2;
        double top = 8;
        List<Row> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double y = top + i * (2 * bar + gap);
            rows.add(new Row(Svg.shorten(labels.get(i), 12), y, bar, scaled[i] * BAR_WIDTH, unscaled[i] * BAR_WIDTH,
                    fmt.apply(scaled[i]), fmt.apply(unscaled[i])));
        }
        double height = top + n * (2 * bar + gap) + 4;
        return new Bars(LEFT + BAR_WIDTH + 60, height, LEFT, BAR_WIDTH, showText, rows);
    }
}
