package miexplorer.web.data;

import java.util.ArrayList;
import java.util.List;
import miexplorer.data.Binning;
import miexplorer.data.BinningCurve;
import miexplorer.info.LogBase;
import miexplorer.web.render.Format;
import miexplorer.web.render.Svg;

/**
 * The chart beside the nearest-neighbour estimate: the plug-in estimate of the binned data against the
 * number of bins, 2 … 50, one line for equal-width and one for equal-frequency bins, and the
 * nearest-neighbour estimate as a horizontal line, so that binning's upward bias with more bins shows.
 * Drawn at 340 user units, so that its 12 px text stays 12 px on a phone.
 *
 * @param yMax the top of the vertical axis, in the unit
 * @param rows the values for the table under the chart, one per number of bins
 */
public record BinningChart(String widthLine, String frequencyLine, double estimate, double yMax, String unit, String estimator,
        boolean bothBinned, List<Row> rows, String desc) {

    public static final double W = 340;
    public static final double H = 230;
    public static final double LEFT = 48;
    public static final double RIGHT = 12;
    public static final double TOP = 14;
    public static final double BOTTOM = 40;
    public static final int[] TICKS = {2, 10, 20, 30, 40, 50};

    /** One number of bins: the two estimates as shown. */
    public record Row(int bins, String width, String frequency) {
    }

    static BinningChart of(BinningCurve c, double estimateNats, LogBase base, String estimator, boolean bothBinned,
            String xName, String yName) {
        double toUnit = base == LogBase.E ? 1 : base.log(Math.E);
        double top = estimateNats;
        for (int b = BinningCurve.FROM; b <= BinningCurve.TO; b++) {
            top = Math.max(top, Math.max(c.nats(Binning.WIDTH, b), c.nats(Binning.FREQUENCY, b)));
        }
        double yMax = nice(top * toUnit * 1.05);
        List<Row> rows = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        StringBuilder f = new StringBuilder();
        for (int b = BinningCurve.FROM; b <= BinningCurve.TO; b++) {
            double wv = c.nats(Binning.WIDTH, b) * toUnit;
            double fv = c.nats(Binning.FREQUENCY, b) * toUnit;
            rows.add(new Row(b, Format.fixed(wv, 3), Format.fixed(fv, 3)));
            w.append(Svg.coord(plotX(b))).append(',').append(Svg.coord(plotY(wv, yMax))).append(' ');
            f.append(Svg.coord(plotX(b))).append(',').append(Svg.coord(plotY(fv, yMax))).append(' ');
        }
        String unit = base.unit();
        String est = Format.fixed(estimateNats * toUnit, 3);
        Row first = rows.get(0);
        Row last = rows.get(rows.size() - 1);
        String desc = "Line chart of the plug-in estimate of I(" + xName + "; " + yName + ") in " + unit + " from binned data, against "
                + "the number of bins from 2 to 50 (" + (bothBinned ? "both columns cut into that many bins" : "the numeric column cut "
                + "into that many bins, the other's categories kept") + "). With equal-width bins it goes from " + first.width()
                + " at 2 bins to " + last.width() + " at 50; with equal-frequency bins from " + first.frequency() + " to "
                + last.frequency() + ". The " + estimator + " estimate, " + est + " " + unit
                + ", is a horizontal line. Every value is in the table below the chart.";
        return new BinningChart(w.toString().strip(), f.toString().strip(), estimateNats * toUnit, yMax, unit, estimator,
                bothBinned, rows, desc);
    }

    /** The smallest of 1, 2, 2.5, 5 times a power of ten at or above v (and 0.01 at least). */
    static double nice(double v) {
        if (!(v > 0.01)) {
            return 0.01;
        }
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * p >= v * (1 - 1e-12)) {
                return m * p;
            }
        }
        return 10 * p;
    }

    public static double plotX(int bins) {
        return LEFT + (W - LEFT - RIGHT) * (bins - BinningCurve.FROM) / (double) (BinningCurve.TO - BinningCurve.FROM);
    }

    public double plotY(double v) {
        return plotY(v, yMax);
    }

    private static double plotY(double v, double yMax) {
        return TOP + (H - TOP - BOTTOM) * (1 - Math.min(v, yMax) / yMax);
    }

    /** A value on the vertical axis as labelled: as few decimals as tell 0, half and the top apart. */
    public String tick(double v) {
        int digits = yMax >= 10 ? 0 : yMax >= 1 ? 1 : yMax >= 0.1 ? 2 : 3;
        return Format.fixed(v, yMax == 2.5 || yMax == 0.25 || yMax == 0.025 ? digits + 1 : digits);
    }

    public String estimateText() {
        return Format.fixed(estimate, 3);
    }
}
