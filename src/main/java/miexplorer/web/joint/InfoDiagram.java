package miexplorer.web.joint;

import miexplorer.info.Analysis;

/**
 * The information diagram drawn to scale: one bar of length H(X,Y) split into H(X|Y), I(X;Y) and
 * H(Y|X), with H(X) bracketed above (H(X|Y) + I) and H(Y) below (I + H(Y|X)). Coordinates are in
 * the SVG's user units.
 */
public record InfoDiagram(double left, double width, double xOnly, double shared, double yOnly, boolean empty) {
    public static final double WIDTH = 340;
    public static final double HEIGHT = 156;
    private static final double MARGIN = 12;

    public static InfoDiagram of(Analysis an) {
        double hxy = an.jointEntropy();
        double barWidth = WIDTH - 2 * MARGIN;
        if (!(hxy > 0)) {
            return new InfoDiagram(MARGIN, barWidth, 0, 0, 0, true);
        }
        // Rounding can leave a part a hair below 0; a picture cannot draw a negative width.
        double hxgy = Math.max(0, an.conditionalEntropyXGivenY());
        double i = Math.max(0, an.mutualInformation());
        double hygx = Math.max(0, an.conditionalEntropyYGivenX());
        double scale = barWidth / (hxgy + i + hygx);
        return new InfoDiagram(MARGIN, barWidth, hxgy * scale, i * scale, hygx * scale, false);
    }

    /** Whether a segment of width {@code w} is wide enough to hold a label. */
    public boolean fits(double w) {
        return w >= 64;
    }
}
