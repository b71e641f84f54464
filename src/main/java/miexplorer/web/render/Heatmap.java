package miexplorer.web.render;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.DoubleFunction;
import javax.imageio.ImageIO;
import miexplorer.info.Analysis;
import miexplorer.info.DivergenceTerm;

/**
 * A heatmap of a matrix, drawn as SVG on the server. Two palettes: {@link #sequential} (darker is
 * larger, for probabilities and attention weights) and {@link #diverging} (orange above 0, blue
 * below, grey where a value is undefined; for pointwise mutual information).
 */
public record Heatmap(double cell, double left, double top, double width, double height,
        List<String> rowLabels, List<String> colLabels, List<Cell> cells, boolean showText, boolean rotate, String raster) {

    public record Cell(double x, double y, String fill, String ink, String text, String title) {
    }

    /**
     * Above this many cells the grid is drawn as one image, a PNG of one pixel per cell scaled up
     * without smoothing, rather than a rectangle per cell: a 32 × 32 table's two heatmaps would be 2 048
     * elements for a page to morph after each edit (bench/latency.sh and BENCHMARKS.md measure it).
     */
    public static final int RASTER_ABOVE = 256;

    private static final double LABEL_WIDTH = 110;
    private static final int MAX_COLUMN_LABEL = 18;

    /** P(x, y) of an analysed table. */
    public static Heatmap joint(Analysis an, List<String> xLabels, List<String> yLabels, DoubleFunction<String> fmt) {
        return sequential(an.table().cells(), xLabels, yLabels, fmt, "P");
    }

    /** Pointwise mutual information log[P(x,y) / (P(x)P(y))]; undefined (NaN) where P(x,y) = 0. */
    public static Heatmap pointwise(Analysis an, List<String> xLabels, List<String> yLabels, DoubleFunction<String> fmt) {
        double[][] v = new double[an.table().rows()][an.table().cols()];
        for (DivergenceTerm d : an.divergence()) {
            v[d.row()][d.col()] = d.zero() ? Double.NaN : d.pointwise();
        }
        return diverging(v, xLabels, yLabels, fmt, "pmi");
    }

    /** Non-negative values, shaded from white (0) to dark blue (the largest). */
    public static Heatmap sequential(double[][] values, List<String> rowLabels, List<String> colLabels,
            DoubleFunction<String> fmt, String name) {
        double max = 0;
        for (double[] row : values) {
            for (double v : row) {
                max = Math.max(max, v);
            }
        }
        final double top = max;
        return build(values, rowLabels, colLabels, (v, where) -> {
            double s = top > 0 ? v / top : 0;
            String fill = Svg.hsl(215, 0.6, 0.97 - 0.62 * s);
            String text = fmt.apply(v);
            return new String[] {fill, text, name + "(" + where + ") = " + text};
        });
    }

    /** Signed values: orange above 0, blue below, grey for NaN (undefined). */
    public static Heatmap diverging(double[][] values, List<String> rowLabels, List<String> colLabels,
            DoubleFunction<String> fmt, String name) {
        double max = 0;
        for (double[] row : values) {
            for (double v : row) {
                if (!Double.isNaN(v)) {
                    max = Math.max(max, Math.abs(v));
                }
            }
        }
        final double top = max;
        return build(values, rowLabels, colLabels, (v, where) -> {
            if (Double.isNaN(v)) {
                return new String[] {"#d9d9d9", "—", name + "(" + where + ") undefined: P = 0"};
            }
            double s = top > 0 ? v / top : 0;
            String fill = s >= 0 ? Svg.hsl(28, 0.9, 0.96 - 0.5 * s) : Svg.hsl(212, 0.7, 0.96 + 0.5 * s);
            String text = fmt.apply(v);
            return new String[] {fill, text, name + "(" + where + ") = " + text};
        });
    }

    private interface Shade {
        /** {fill, text, title} for value v at "row, column". */
        String[] of(double v, String where);
    }

    private static Heatmap build(double[][] values, List<String> rowLabels, List<String> colLabels, Shade shade) {
        int rows = values.length;
        int cols = values[0].length;
        double cell = Math.max(14, Math.min(72, 448.0 / Math.max(rows, cols)));
        // Column labels that are wider than a cell are written on a slant, with room above for them.
        int longest = 0;
        for (String l : colLabels) {
            longest = Math.max(longest, Math.min(MAX_COLUMN_LABEL, l.length()));
        }
        boolean rotate = longest * 7 > cell;
        double labelHeight = rotate ? 16 + longest * 5.2 : 28;
        List<Cell> cells = new ArrayList<>(rows * cols);
        String raster = null;
        if (rows * cols > RASTER_ABOVE) {
            BufferedImage image = new BufferedImage(cols, rows, BufferedImage.TYPE_INT_RGB);
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    image.setRGB(j, i, Integer.parseInt(shade.of(values[i][j], "")[0], 1, 7, 16));
                }
            }
            raster = png(image);
        } else {
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    String[] s = shade.of(values[i][j], rowLabels.get(i) + ", " + colLabels.get(j));
                    cells.add(new Cell(LABEL_WIDTH + j * cell, labelHeight + i * cell, s[0], Svg.textOn(s[0]), s[1], s[2]));
                }
            }
        }
        List<String> rl = rowLabels.stream().map(l -> Svg.shorten(l, 14)).toList();
        List<String> cl = colLabels.stream().map(l -> Svg.shorten(l, MAX_COLUMN_LABEL)).toList();
        return new Heatmap(cell, LABEL_WIDTH, labelHeight, LABEL_WIDTH + cols * cell + (rotate ? 60 : 4),
                labelHeight + rows * cell + 4, rl, cl, cells, raster == null && cell >= 44, rotate, raster);
    }

    /** The image as a data: URL of a PNG (ImageIO's encoder, in the JDK). */
    private static String png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing to memory does not fail
        }
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(out.toByteArray());
    }
}
