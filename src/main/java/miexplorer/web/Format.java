package miexplorer.web;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Numbers as the pages show them. Full precision stays in the doubles; only the text is rounded. */
public final class Format {
    /** The typographic minus sign, as maths is printed. */
    public static final String MINUS = "\u2212";

    private Format() {
    }

    /** {@code v} to {@code digits} decimals, half-even, with a real minus sign and never "−0.000". */
    public static String fixed(double v, int digits) {
        if (Double.isNaN(v)) {
            return "undefined";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : MINUS + "∞";
        }
        BigDecimal d = new BigDecimal(v).setScale(digits, RoundingMode.HALF_EVEN);
        if (d.signum() == 0) {
            return d.abs().toPlainString();
        }
        String s = d.toPlainString();
        return s.startsWith("-") ? MINUS + s.substring(1) : s;
    }

    /** {@code v} as a percentage with {@code digits - 2} decimals (at least 1), e.g. 39.0%. */
    public static String percent(double v, int digits) {
        return fixed(v * 100, Math.max(1, digits - 2)) + "%";
    }

    /**
     * A short exact-enough decimal for writing a computed probability back into a cell: 12
     * significant digits, trailing zeros dropped. Twelve digits keep a table's sum within 1e-9 of 1.
     */
    public static String cell(double v) {
        if (v == 0) {
            return "0";
        }
        BigDecimal d = new BigDecimal(v).round(new MathContext(12, RoundingMode.HALF_EVEN)).stripTrailingZeros();
        return d.abs().compareTo(BigDecimal.ONE.movePointLeft(6)) < 0 ? d.toString() : d.toPlainString();
    }
}
