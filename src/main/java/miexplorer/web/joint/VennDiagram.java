package miexplorer.web.joint;

import miexplorer.info.Analysis;
import miexplorer.web.render.Svg;

/**
 * The information diagram as two overlapping circles, drawn to scale: the circles' areas are in
 * proportion to H(X) and H(Y) and the area they share to I(X; Y), so the crescents left over are
 * H(X | Y) and H(Y | X). Coordinates are in the SVG's user units.
 *
 * <p>The scale is fixed by the table's shape, not by its numbers: a circle as large as the variable
 * allows (log of its number of values, the most entropy it can have) always has the same size. So
 * an edit that keeps a marginal (the dependence slider, say) leaves its circle as it was, and only
 * the overlap moves.
 *
 * @param rx radius of X's circle; {@code ry} likewise
 * @param cx centre of X's circle on the axis; {@code cy} is the axis; X's circle is left of Y's
 * @param distance the distance between the centres, chosen so the overlap's area is in proportion to I(X; Y)
 * @param lens the shared region as an SVG path ("" when the circles do not overlap)
 * @param empty true when both entropies are 0: nothing to draw
 */
public record VennDiagram(double rx, double ry, double cx, double cy, double distance, String lens, boolean empty) {
    public static final double WIDTH = 320;
    public static final double HEIGHT = 216;
    /** Room above the circles for the names, and on each side. */
    private static final double TOP = 44;
    private static final double MARGIN = 8;
    /** Widest a label may be, in user units, for the text that goes inside a region. */
    private static final double LABEL = 50;

    public static VennDiagram of(Analysis an) {
        int rows = an.table().rows();
        int cols = an.table().cols();
        double hx = Math.max(0, an.entropyX());
        double hy = Math.max(0, an.entropyY());
        double i = Math.max(0, Math.min(an.mutualInformation(), Math.min(hx, hy)));
        if (!(hx > 0) && !(hy > 0)) {
            return new VennDiagram(0, 0, WIDTH / 2, TOP + (HEIGHT - TOP) / 2, 0, "", true);
        }
        // The most entropy each variable could have, in the same unit (log of its number of values):
        // the scale makes two such circles, side by side, fill the width, and one fill the height.
        double maxX = Math.sqrt(an.base().log(Math.max(rows, 1)));
        double maxY = Math.sqrt(an.base().log(Math.max(cols, 1)));
        double across = (WIDTH - 2 * MARGIN) / (2 * (maxX + maxY));
        double down = (HEIGHT - TOP - MARGIN) / (2 * Math.max(maxX, maxY));
        double k = Math.min(across, down);
        double rx = k * Math.sqrt(hx);
        double ry = k * Math.sqrt(hy);
        double d = distanceFor(rx, ry, Math.PI * k * k * i);
        // Centre the pair: the drawing spans from the leftmost to the rightmost edge of either circle.
        double left = Math.min(-rx, d - ry);
        double right = Math.max(rx, d + ry);
        double cx = WIDTH / 2 - (left + right) / 2;
        double cy = TOP + (HEIGHT - TOP - MARGIN) / 2;
        return new VennDiagram(rx, ry, cx, cy, d, lensPath(rx, ry, cx, cy, d, i > 0), false);
    }

    /**
     * The distance between the centres of circles of radii r1 and r2 at which they share the
     * area {@code target}: lens area is strictly decreasing in the distance, from π·min(r)² at
     * |r1 − r2| (one inside the other) to 0 at r1 + r2 (touching), so bisection finds it.
     */
    static double distanceFor(double r1, double r2, double target) {
        double lo = Math.abs(r1 - r2);
        double hi = r1 + r2;
        double small = Math.min(r1, r2);
        if (!(target > 0) || small == 0) {
            return hi;
        }
        if (target >= Math.PI * small * small) {
            return lo;
        }
        for (int n = 0; n < 100 && hi - lo > 1e-9; n++) {
            double mid = (lo + hi) / 2;
            if (lensArea(r1, r2, mid) > target) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }

    /** The area two circles of radii r1, r2 with centres d apart have in common. */
    static double lensArea(double r1, double r2, double d) {
        if (d >= r1 + r2) {
            return 0;
        }
        double small = Math.min(r1, r2);
        if (d <= Math.abs(r1 - r2)) {
            return Math.PI * small * small;
        }
        double a1 = Math.acos(clamp((d * d + r1 * r1 - r2 * r2) / (2 * d * r1)));
        double a2 = Math.acos(clamp((d * d + r2 * r2 - r1 * r1) / (2 * d * r2)));
        double kite = 0.5 * Math.sqrt(Math.max(0, (-d + r1 + r2) * (d + r1 - r2) * (d - r1 + r2) * (d + r1 + r2)));
        return r1 * r1 * a1 + r2 * r2 * a2 - kite;
    }

    /**
     * The shared region as a path: from the upper crossing point along X's circle through its right
     * side to the lower one, then back along Y's circle through its left side. When one circle lies
     * inside the other, it is the smaller circle, as two half arcs.
     */
    private static String lensPath(double rx, double ry, double cx, double cy, double d, boolean overlaps) {
        if (!overlaps || d >= rx + ry) {
            return "";
        }
        if (d <= Math.abs(rx - ry) + 1e-9) {
            double r = Math.min(rx, ry);
            double x = rx <= ry ? cx : cx + d;
            return "M" + Svg.coord(x) + " " + Svg.coord(cy - r) + " A" + Svg.coord(r) + " " + Svg.coord(r) + " 0 1 1 " + Svg.coord(x) + " " + Svg.coord(cy + r)
                    + " A" + Svg.coord(r) + " " + Svg.coord(r) + " 0 1 1 " + Svg.coord(x) + " " + Svg.coord(cy - r) + "Z";
        }
        double a = (d * d + rx * rx - ry * ry) / (2 * d); // from X's centre to the chord
        double h = Math.sqrt(Math.max(0, rx * rx - a * a));
        String x = Svg.coord(cx + a);
        String top = Svg.coord(cy - h);
        String bottom = Svg.coord(cy + h);
        return "M" + x + " " + top + " A" + Svg.coord(rx) + " " + Svg.coord(rx) + " 0 " + (a < 0 ? 1 : 0) + " 1 " + x + " " + bottom
                + " A" + Svg.coord(ry) + " " + Svg.coord(ry) + " 0 " + (d - a < 0 ? 1 : 0) + " 1 " + x + " " + top + "Z";
    }

    private static double clamp(double c) {
        return Math.max(-1, Math.min(1, c));
    }

    /** Centre of Y's circle. */
    public double cxY() {
        return cx + distance;
    }

    /** Where H(X | Y), the part of X's circle outside Y's, is labelled: midway across it on the axis. */
    public double labelXOnly() {
        return (cx - rx + Math.min(cx + rx, cxY() - ry)) / 2;
    }

    /** Where I(X; Y) is labelled: midway across the overlap on the axis. */
    public double labelShared() {
        return (Math.max(cx - rx, cxY() - ry) + Math.min(cx + rx, cxY() + ry)) / 2;
    }

    /** Where H(Y | X) is labelled. */
    public double labelYOnly() {
        return (Math.max(cx + rx, cxY() - ry) + cxY() + ry) / 2;
    }

    /** Whether the part of X's circle outside Y's is wide enough on the axis for its label. */
    public boolean fitsXOnly() {
        return Math.min(cx + rx, cxY() - ry) - (cx - rx) >= LABEL && !inside(rx, ry);
    }

    public boolean fitsShared() {
        return Math.min(cx + rx, cxY() + ry) - Math.max(cx - rx, cxY() - ry) >= LABEL && !lens.isEmpty();
    }

    public boolean fitsYOnly() {
        return cxY() + ry - Math.max(cx + rx, cxY() - ry) >= LABEL && !inside(ry, rx);
    }

    /** True when the circle of radius {@code r} lies within the other (its crescent is only a ring). */
    private boolean inside(double r, double other) {
        return distance <= other - r + 1e-9;
    }
}
