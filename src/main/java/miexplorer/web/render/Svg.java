package miexplorer.web.render;

import java.util.Locale;

/** Small helpers for server-drawn SVG: coordinates and colours as text. */
public final class Svg {
    private Svg() {
    }

    /** A coordinate with at most two decimals, locale-independent ("12.5", "3", "-0.25"). */
    public static String coord(double v) {
        long c = Math.round(v * 100);
        if (c == 0) {
            return "0";
        }
        // Written from the right into one char array: a 32 x 32 heatmap pair writes over 8000 of these.
        long a = c == Long.MIN_VALUE ? Long.MAX_VALUE : Math.abs(c); // |v| > 9e16 is no coordinate anyway
        char[] out = new char[24];
        int at = out.length;
        int frac = (int) (a % 100);
        if (frac != 0) {
            if (frac % 10 != 0) {
                out[--at] = (char) ('0' + frac % 10);
            }
            out[--at] = (char) ('0' + frac / 10);
            out[--at] = '.';
        }
        a /= 100;
        do {
            out[--at] = (char) ('0' + a % 10);
            a /= 10;
        } while (a != 0);
        if (c < 0) {
            out[--at] = '-';
        }
        return new String(out, at, out.length - at);
    }

    /** An HSL colour (h in degrees, s and l in [0, 1]) as #rrggbb. */
    public static String hsl(double h, double s, double l) {
        double c = (1 - Math.abs(2 * l - 1)) * s;
        double hp = (h % 360) / 60;
        double x = c * (1 - Math.abs(hp % 2 - 1));
        double r = 0;
        double g = 0;
        double b = 0;
        if (hp < 1) { r = c; g = x; } else if (hp < 2) { r = x; g = c; } else if (hp < 3) { g = c; b = x; }
        else if (hp < 4) { g = x; b = c; } else if (hp < 5) { r = x; b = c; } else { r = c; b = x; }
        double m = l - c / 2;
        long red = Math.round((r + m) * 255);
        long green = Math.round((g + m) * 255);
        long blue = Math.round((b + m) * 255);
        if ((red | green | blue) < 0 || red > 255 || green > 255 || blue > 255) {
            // Out of range only for s or l outside [0, 1]; keep what the format string wrote then.
            return String.format(Locale.ROOT, "#%02x%02x%02x", red, green, blue);
        }
        // A heatmap calls this once per cell: hex digits by hand rather than String.format.
        char[] hex = {'#', HEX[(int) red >> 4], HEX[(int) red & 15], HEX[(int) green >> 4], HEX[(int) green & 15],
            HEX[(int) blue >> 4], HEX[(int) blue & 15]};
        return new String(hex);
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** Black or white, whichever reads better on {@code hex} (WCAG relative luminance). */
    public static String textOn(String hex) {
        double lum = 0.2126 * lin(hex, 1) + 0.7152 * lin(hex, 3) + 0.0722 * lin(hex, 5);
        // Contrast with black is (L + 0.05) / 0.05, with white 1.05 / (L + 0.05); they are equal at L ≈ 0.179.
        return lum > 0.179 ? "#000000" : "#ffffff";
    }

    /** The linear value of each sRGB channel byte, worked out once rather than per heatmap cell. */
    private static final double[] LINEAR = new double[256];

    static {
        for (int i = 0; i < 256; i++) {
            double c = i / 255.0;
            LINEAR[i] = c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
        }
    }

    private static double lin(String hex, int at) {
        return LINEAR[Integer.parseInt(hex, at, at + 2, 16)];
    }

    /** {@code s} cut to {@code max} characters with an ellipsis, for labels inside a picture. */
    public static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
