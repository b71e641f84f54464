package miexplorer.web.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SvgAndFormatTest {
    @Test
    void coordinates_have_at_most_two_decimals_and_no_trailing_zeros() {
        assertEquals("0", Svg.coord(0));
        assertEquals("0", Svg.coord(-0.001));
        assertEquals("12", Svg.coord(12));
        assertEquals("12.5", Svg.coord(12.5));
        assertEquals("12.05", Svg.coord(12.05));
        assertEquals("-3.25", Svg.coord(-3.25));
        assertEquals("0.33", Svg.coord(1.0 / 3));
        assertEquals("640", Svg.coord(640));
    }

    @Test
    void coordinates_are_written_as_the_string_builder_version_wrote_them() {
        SplittableRandom random = new SplittableRandom(8);
        for (int k = 0; k < 20_000; k++) {
            double v = (random.nextBoolean() ? 1 : -1) * random.nextDouble() * Math.pow(10, random.nextInt(9) - 3);
            assertEquals(nByStringBuilder(v), Svg.coord(v), () -> String.valueOf(v));
        }
    }

    /** Svg.n as first written. */
    private static String nByStringBuilder(double v) {
        long c = Math.round(v * 100);
        if (c == 0) {
            return "0";
        }
        StringBuilder b = new StringBuilder(10);
        if (c < 0) {
            b.append('-');
            c = -c;
        }
        b.append(c / 100);
        int frac = (int) (c % 100);
        if (frac != 0) {
            b.append('.').append(frac / 10);
            if (frac % 10 != 0) {
                b.append(frac % 10);
            }
        }
        return b.toString();
    }

    @Test
    void text_colour_follows_wcag_luminance() {
        assertEquals("#000000", Svg.textOn("#ffffff"));
        assertEquals("#ffffff", Svg.textOn("#000000"));
        assertEquals("#ffffff", Svg.textOn("#1f4e8c"));
    }

    @Test
    void numbers_are_rounded_half_even_with_a_real_minus_and_no_negative_zero() {
        assertEquals("0.378", Format.fixed(0.37809044162707195, 3));
        assertEquals("0.000", Format.fixed(-1e-17, 3));
        assertEquals("\u22121.322", Format.fixed(Math.log(0.4) / Math.log(2), 3));
        assertEquals("0.12", Format.fixed(0.125, 2)); // half-even on the exact binary value of 0.125
        assertEquals("undefined", Format.fixed(Double.NaN, 3));
        assertEquals("38.9%", Format.percent(0.3894, 3));
    }

    @Test
    void colours_are_the_hex_the_format_string_wrote_and_text_colour_is_unchanged() {
        for (int h = 0; h < 360; h += 7) {
            for (double sat = 0; sat <= 1; sat += 0.1) {
                for (double l = 0; l <= 1; l += 0.02) {
                    String hex = Svg.hsl(h, sat, l);
                    assertEquals(hslByFormat(h, sat, l), hex);
                    assertEquals(textOnByPow(hex), Svg.textOn(hex), hex);
                }
            }
        }
    }

    /** Svg.hsl and Svg.textOn as first written, with String.format and Math.pow per call. */
    private static String hslByFormat(double h, double s, double l) {
        double c = (1 - Math.abs(2 * l - 1)) * s;
        double hp = (h % 360) / 60;
        double x = c * (1 - Math.abs(hp % 2 - 1));
        double r = 0;
        double g = 0;
        double b = 0;
        if (hp < 1) { r = c; g = x; } else if (hp < 2) { r = x; g = c; } else if (hp < 3) { g = c; b = x; }
        else if (hp < 4) { g = x; b = c; } else if (hp < 5) { r = x; b = c; } else { r = c; b = x; }
        double m = l - c / 2;
        return String.format(java.util.Locale.ROOT, "#%02x%02x%02x",
                Math.round((r + m) * 255), Math.round((g + m) * 255), Math.round((b + m) * 255));
    }

    private static String textOnByPow(String hex) {
        double[] lin = new double[3];
        for (int k = 0; k < 3; k++) {
            double c = Integer.parseInt(hex.substring(1 + 2 * k, 3 + 2 * k), 16) / 255.0;
            lin[k] = c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
        }
        double lum = 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2];
        return lum > 0.179 ? "#000000" : "#ffffff";
    }

    /** Format.fixed as first written: the exact binary value, rounded half-even by BigDecimal. */
    private static String fixedByBigDecimal(double v, int digits) {
        BigDecimal d = new BigDecimal(v).setScale(digits, RoundingMode.HALF_EVEN);
        if (d.signum() == 0) {
            return d.abs().toPlainString();
        }
        String s = d.toPlainString();
        return s.startsWith("-") ? Format.MINUS + s.substring(1) : s;
    }

    @Test
    void fixed_agrees_with_exact_decimal_rounding_on_random_values_ties_and_edges() {
        SplittableRandom random = new SplittableRandom(6);
        for (int k = 0; k < 10_000; k++) {
            int digits = 1 + random.nextInt(15);
            // Magnitudes from 1e-20 to 1e20, either sign; then values near ties at this precision.
            double v = (random.nextBoolean() ? 1 : -1) * random.nextDouble() * Math.pow(10, random.nextInt(41) - 20);
            assertEquals(fixedByBigDecimal(v, digits), Format.fixed(v, digits), () -> v + " to " + digits);
            double tie = (Math.rint(v * Math.pow(10, digits)) + 0.5) / Math.pow(10, digits);
            for (double w : new double[] {tie, Math.nextUp(tie), Math.nextDown(tie)}) {
                assertEquals(fixedByBigDecimal(w, digits), Format.fixed(w, digits), () -> w + " to " + digits);
            }
        }
        for (double v : new double[] {0, -0.0, 0.5, -0.5, 0.125, -0.125, 2.5, 0.0625, 1e-320, -1e-320, Double.MIN_VALUE,
                Double.MAX_VALUE, -Double.MAX_VALUE, 1e15, 999.9995, 0.9995, -0.0005, 123456789.123456789}) {
            for (int digits = 1; digits <= 15; digits++) {
                int d = digits;
                assertEquals(fixedByBigDecimal(v, d), Format.fixed(v, d), () -> v + " to " + d);
            }
        }
    }

    @Test
    void scientific_notation_is_written_as_java_util_formatter_writes_it() {
        SplittableRandom random = new SplittableRandom(7);
        for (int k = 0; k < 50_000; k++) {
            double v = (random.nextBoolean() ? 1 : -1) * random.nextDouble() * Math.pow(10, random.nextInt(641) - 320);
            assertEquals(scientificByFormatter(v), Format.scientific(v), () -> String.valueOf(v));
        }
        // Half-way cases in the shortest decimal (rounded up, as Formatter does), values that round
        // up to the next power of ten, subnormals and the extremes.
        for (double v : new double[] {0.15, 0.25, 1.25, 9.95, 9.96, 99.5, 0.00995, 1, 10, 100, 1e-5, 1e21, 5.551115123125783e-17,
                Double.MIN_VALUE, 4.9e-322, Double.MAX_VALUE, Math.nextDown(1.0), 9.999999999999999e22}) {
            for (double w : new double[] {v, -v}) {
                assertEquals(scientificByFormatter(w), Format.scientific(w), () -> String.valueOf(w));
            }
        }
        assertEquals("0", Format.scientific(0));
        assertEquals("5.6e−17", Format.scientific(5.551115123125783e-17));
        assertEquals("−1.3e+00", Format.scientific(-1.25));
        assertEquals("1.0e+01", Format.scientific(9.96));
    }

    /** What MiView.sci wrote before Format.scientific. */
    private static String scientificByFormatter(double v) {
        return String.format(java.util.Locale.ROOT, "%.1e", v).replace("-", Format.MINUS);
    }

    @Test
    void a_computed_probability_is_written_back_with_twelve_significant_digits() {
        assertEquals("0.192", Format.cell(0.4 * 0.48));
        assertEquals("0.333333333333", Format.cell(1.0 / 3));
        assertEquals("0", Format.cell(0));
        assertEquals("1.5E-7", Format.cell(1.5e-7));
    }

    /*
     * A grid of more than 256 cells is one PNG, a pixel per cell, in the cells' own colours: here
     * 17 × 17 values i + j, shaded from white (0) to the darkest blue (32), as rectangles would be.
     */
    @Test
    void a_large_heatmap_is_one_image_with_a_pixel_per_cell_in_its_colour() throws Exception {
        int n = 17;
        double[][] v = new double[n][n];
        java.util.List<String> labels = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            labels.add("v" + i);
            for (int j = 0; j < n; j++) {
                v[i][j] = i + j;
            }
        }
        Heatmap h = Heatmap.sequential(v, labels, labels, x -> String.valueOf(x), "P");
        assertEquals(0, h.cells().size(), "no rectangle per cell");
        String prefix = "data:image/png;base64,";
        assertEquals(prefix, h.raster().substring(0, prefix.length()));
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(
                java.util.Base64.getDecoder().decode(h.raster().substring(prefix.length()))));
        assertEquals(n, image.getWidth());
        assertEquals(n, image.getHeight());
        assertEquals(Integer.parseInt(Svg.hsl(215, 0.6, 0.97).substring(1), 16), image.getRGB(0, 0) & 0xffffff);
        assertEquals(Integer.parseInt(Svg.hsl(215, 0.6, 0.97 - 0.62).substring(1), 16), image.getRGB(n - 1, n - 1) & 0xffffff);
        assertEquals(Integer.parseInt(Svg.hsl(215, 0.6, 0.97 - 0.62 * 5 / 32.0).substring(1), 16), image.getRGB(2, 3) & 0xffffff);
        // 16 x 16 is still drawn cell by cell
        assertEquals(256, Heatmap.sequential(new double[16][16], labels.subList(0, 16), labels.subList(0, 16), x -> "", "P").cells().size());
    }
}
