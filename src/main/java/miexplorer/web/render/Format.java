package miexplorer.web.render;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Numbers as the pages show them. Full precision stays in the doubles; only the text is rounded. */
public final class Format {
    /** The typographic minus sign, as maths is printed. */
    public static final String MINUS = "\u2212";

    private Format() {
    }

    /** 10^k for k = 0 … 15, each exact in a double. */
    private static final double[] POW10 = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};

    /** {@code v} to {@code digits} decimals, half-even, with a real minus sign and never "−0.000". */
    public static String fixed(double v, int digits) {
        if (Double.isNaN(v)) {
            return "undefined";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : MINUS + "∞";
        }
        if (digits >= 0 && digits < POW10.length) {
            // x = v·10^digits rounded once (10^digits is exact), so it is within an ulp of the exact
            // product. Unless x is within two ulps of a half-way point k + 1/2, rounding x to the
            // nearest integer gives what rounding the exact product gives; the pages' numbers almost
            // never come that close, and those that do (ties such as 0.125) take the exact route below.
            double x = v * POW10[digits];
            if (Math.abs(x) < 1e15) {
                double floor = Math.floor(x);
                double frac = x - floor; // exact for |x| < 2^52
                if (Math.abs(frac - 0.5) > 2 * Math.ulp(x)) {
                    return plain((long) floor + (frac > 0.5 ? 1 : 0), digits);
                }
            }
        }
        BigDecimal d = new BigDecimal(v).setScale(digits, RoundingMode.HALF_EVEN);
        if (d.signum() == 0) {
            return d.abs().toPlainString();
        }
        String s = d.toPlainString();
        return s.startsWith("-") ? MINUS + s.substring(1) : s;
    }

    /** n / 10^digits written out as BigDecimal.toPlainString does, with a real minus and no "−0". */
    private static String plain(long n, int digits) {
        // Digits from the right into one char array: the pages write a few hundred numbers each.
        long a = Math.abs(n);
        char[] c = new char[21 + digits];
        int at = c.length;
        for (int k = 0; k < digits; k++) {
            c[--at] = (char) ('0' + a % 10);
            a /= 10;
        }
        if (digits > 0) {
            c[--at] = '.';
        }
        do {
            c[--at] = (char) ('0' + a % 10);
            a /= 10;
        } while (a != 0);
        if (n < 0) {
            c[--at] = MINUS.charAt(0);
        }
        return new String(c, at, c.length - at);
    }

    private static final MathContext TWO_DIGITS_HALF_UP = new MathContext(2, RoundingMode.HALF_UP);

    /**
     * {@code v} with two significant digits and a power of ten, as {@code String.format("%.1e", v)}
     * writes it (rounded half-up from the shortest decimal that reads back as {@code v}), with a
     * real minus sign, and 0 as "0". Without {@code java.util.Formatter}, which parses its pattern
     * with a regular expression on every call (what that cost a page is in BENCHMARKS.md).
     */
    public static String scientific(double v) {
        if (v == 0) {
            return "0";
        }
        if (!Double.isFinite(v)) {
            return Double.isNaN(v) ? "NaN" : v > 0 ? "Infinity" : MINUS + "Infinity";
        }
        BigDecimal r = new BigDecimal(Double.toString(Math.abs(v))).round(TWO_DIGITS_HALF_UP);
        int exponent = r.precision() - r.scale() - 1;
        String digits = r.unscaledValue().toString();
        StringBuilder b = new StringBuilder(9);
        if (v < 0) {
            b.append(MINUS);
        }
        b.append(digits.charAt(0)).append('.').append(digits.length() > 1 ? digits.charAt(1) : '0')
                .append('e').append(exponent < 0 ? MINUS : "+");
        int e = Math.abs(exponent);
        if (e < 10) {
            b.append('0');
        }
        return b.append(e).toString();
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
