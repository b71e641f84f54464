package miexplorer.web.steps;

import java.util.List;
import java.util.function.DoubleFunction;
import miexplorer.info.InformationDiagram;

/**
 * The three-circle information diagram of X, Y and Z, drawn with fixed circles (not to scale: the
 * centre region can be negative, and no drawing can give a negative area). Each of the seven
 * regions is labelled with its value; a negative one is marked. Coordinates in SVG user units,
 * narrow enough to be drawn at full size on a phone.
 *
 * @param regions in the order: X only, Y only, Z only, X and Y only, X and Z only, Y and Z only, all three
 */
public record ThreeCircles(List<Region> regions) {
    public static final double WIDTH = 340;
    public static final double HEIGHT = 300;
    public static final double R = 80;
    public static final double XX = 130;
    public static final double XY = 118;
    public static final double YX = 210;
    public static final double YY = 118;
    public static final double ZX = 170;
    public static final double ZY = 188;

    /**
     * One region: its quantity in words and symbols, its value as text, where its label goes (a point
     * inside it, away from the other circles), and whether it is below 0.
     */
    public record Region(String symbol, String meaning, double value, String text, double x, double y, boolean negative) {
    }

    public static ThreeCircles of(InformationDiagram d, DoubleFunction<String> fmt) {
        return new ThreeCircles(List.of(
                region("H(X | Y, Z)", "in X only", d.hXGivenYZ(), fmt, 88, 104),
                region("H(Y | X, Z)", "in Y only", d.hYGivenXZ(), fmt, 252, 104),
                region("H(Z | X, Y)", "in Z only", d.hZGivenXY(), fmt, 170, 250),
                region("I(X; Y | Z)", "in X and Y, outside Z", d.iXYGivenZ(), fmt, 170, 72),
                region("I(X; Z | Y)", "in X and Z, outside Y", d.iXZGivenY(), fmt, 118, 180),
                region("I(Y; Z | X)", "in Y and Z, outside X", d.iYZGivenX(), fmt, 222, 180),
                region("I(X; Y; Z)", "in all three", d.iXYZ(), fmt, 170, 142)));
    }

    private static Region region(String symbol, String meaning, double v, DoubleFunction<String> fmt, double x, double y) {
        return new Region(symbol, meaning, v, fmt.apply(v), x, y, v < 0);
    }

    /** True when some region is below 0: only the centre, the co-information, can be. */
    public boolean anyNegative() {
        return regions.stream().anyMatch(Region::negative);
    }
}
