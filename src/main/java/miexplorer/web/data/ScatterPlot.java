package miexplorer.web.data;

import java.util.ArrayList;
import java.util.List;
import miexplorer.data.SampleReader;
import miexplorer.web.render.Svg;

/**
 * The scatter plot of the pairs, drawn on the server: at most {@link #MAX_POINTS} points, taken evenly
 * through the data (pair ⌊j·N/M⌋ for j = 0 … M − 1), as one SVG path of round dots so that a large plot
 * is one element to send and to morph. A numeric column is a numeric axis from its smallest to its
 * largest value; a categorical one puts each category in its own band, the points spread across the
 * band (by a fixed pattern, not at random, so that the same data always gives the same picture).
 *
 * @param path the dots, "Mx yh0" each, drawn with a round line cap
 * @param drawn how many points are drawn; {@code total} how many pairs there are
 */
public record ScatterPlot(String path, int drawn, int total, List<Tick> xTicks, List<Tick> yTicks, String xName, String yName,
        String desc) {

    public static final int MAX_POINTS = 2000;
    public static final double W = 340;
    public static final double H = 260;
    public static final double LEFT = 58;
    public static final double RIGHT = 14;
    public static final double TOP = 10;
    public static final double BOTTOM = 44;
    /** The most categories an axis names; with more, the bands are drawn unnamed and the description says so. */
    static final int MAX_NAMED = 8;

    /** A label on an axis, at a position in user units along it. */
    public record Tick(double at, String text) {
    }

    static ScatterPlot of(SampleReader.Samples s) {
        SampleReader.Values v = s.values();
        int n = v.n();
        int m = Math.min(n, MAX_POINTS);
        Axis ax = new Axis(v.xNumbers(), v.xCodes(), v.xCategories(), LEFT, W - RIGHT, false);
        Axis ay = new Axis(v.yNumbers(), v.yCodes(), v.yCategories(), H - BOTTOM, TOP, true);
        StringBuilder path = new StringBuilder(m * 14);
        for (int j = 0; j < m; j++) {
            int i = (int) ((long) j * n / m);
            path.append('M').append(one(ax.at(i))).append(' ').append(one(ay.at(i))).append("h0");
        }
        String drawn = m == n ? "all " + n + " pairs" : m + " of the " + n + " pairs, taken evenly through the data (about one in "
                + Math.round((double) n / m) + ")";
        String desc = "Scatter plot of " + s.yName() + " (vertical) against " + s.xName() + " (horizontal): " + drawn + ". "
                + ax.describe(s.xName()) + " " + ay.describe(s.yName());
        return new ScatterPlot(path.toString(), m, n, ax.ticks, ay.ticks, s.xName(), s.yName(), desc);
    }

    private static String one(double v) {
        return Svg.coord(Math.round(v * 10) / 10.0);
    }

    /** One axis: numbers scaled from their range, or category codes spread across bands. */
    private static final class Axis {
        final double[] numbers;
        final int[] codes;
        final double from;
        final double to;
        double min;
        double max;
        int bands;
        final List<Tick> ticks = new ArrayList<>();
        final List<String> categories;

        Axis(double[] numbers, int[] codes, List<String> tableCategories, double from, double to, boolean vertical) {
            this.numbers = numbers;
            this.codes = codes;
            this.from = from;
            this.to = to;
            if (numbers != null) {
                min = Double.POSITIVE_INFINITY;
                max = Double.NEGATIVE_INFINITY;
                for (double d : numbers) {
                    min = Math.min(min, d);
                    max = Math.max(max, d);
                }
                categories = List.of();
                String[] labels = miexplorer.web.data.ScatterPlot.labels(min, max);
                ticks.add(new Tick(from, labels[0]));
                ticks.add(new Tick(to, labels[1]));
            } else {
                categories = tableCategories;
                for (int c : codes) {
                    bands = Math.max(bands, c + 1);
                }
                if (bands <= MAX_NAMED) {
                    for (int c = 0; c < bands; c++) {
                        String name = c < categories.size() ? categories.get(c) : String.valueOf(c);
                        ticks.add(new Tick(band(c + 0.5), Svg.shorten(name, vertical ? 8 : 7)));
                    }
                }
            }
        }

        double band(double position) {
            return from + (to - from) * position / bands;
        }

        double at(int i) {
            if (numbers != null) {
                return from + (to - from) * (numbers[i] - min) / (max - min);
            }
            // a fixed spread across 60% of the band, from the row's number
            double spread = ((i * 0.6180339887498949) % 1.0) * 0.6 + 0.2;
            return band(codes[i] + spread);
        }

        String describe(String name) {
            if (numbers != null) {
                String[] labels = miexplorer.web.data.ScatterPlot.labels(min, max);
                return name + " runs from " + labels[0] + " to " + labels[1] + ".";
            }
            return name + " is categorical: " + bands + " categories, each in its own band"
                    + (bands <= MAX_NAMED ? "." : " (too many to name on the axis).");
        }
    }

    /** The ends of a numeric axis with as few significant digits (3 or more) as tell them apart. */
    static String[] labels(double min, double max) {
        for (int digits = 3; digits <= 17; digits++) {
            String a = new java.math.BigDecimal(min).round(new java.math.MathContext(digits)).stripTrailingZeros().toPlainString();
            String b = new java.math.BigDecimal(max).round(new java.math.MathContext(digits)).stripTrailingZeros().toPlainString();
            if (!a.equals(b) || digits == 17) {
                return new String[] {a.replace("-", miexplorer.web.render.Format.MINUS), b.replace("-", miexplorer.web.render.Format.MINUS)};
            }
        }
        throw new AssertionError();
    }
}
