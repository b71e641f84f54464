package miexplorer.practice;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Rounding and printing numbers to a number of decimals, as a person does on paper. */
final class Decimals {
    private static final double[] SCALE = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};

    /**
     * How close to a half a fraction must be to count as a tie. The numbers rounded here are
     * decimals a person wrote (0.4055 = 0.5 × 0.811), which a double holds only to about 1e-16, so
     * 0.4055 may arrive as 0.40549999999999997; a person rounds it up, and so does this.
     */
    private static final double TIE = 1e-9;

    private Decimals() {
    }

    /** x rounded to {@code digits} decimals (0 to 9), halves away from 0: 0.4055 → 0.406, −0.4422 → −0.442. */
    static double round(double x, int digits) {
        if (!Double.isFinite(x)) {
            return x;
        }
        double s = SCALE[digits];
        double y = Math.abs(x) * s;
        double whole = Math.floor(y);
        double r = y - whole >= 0.5 - TIE ? whole + 1 : whole;
        return Math.copySign(r / s, x);
    }

    /** x printed with exactly {@code digits} decimals, halves away from 0, never "-0.000". */
    static String format(double x, int digits) {
        double r = round(x, digits);
        String fast = fast(r, digits);
        if (fast != null) {
            int point = fast.indexOf('.');
            int decimals = point < 0 ? 0 : fast.length() - point - 1;
            return digits == 0 ? fast : fast + (point < 0 ? "." : "") + "0".repeat(digits - decimals);
        }
        BigDecimal b = BigDecimal.valueOf(r).setScale(digits, RoundingMode.HALF_UP);
        return b.signum() == 0 ? b.abs().toPlainString() : b.toPlainString();
    }

    /** x with as many decimals as it needs, up to 9: 0.37899999999999995 → "0.379", 2.0 → "2". */
    static String plain(double x) {
        double r = round(x, 9);
        String fast = fast(r, 9);
        if (fast != null) {
            return fast;
        }
        BigDecimal b = BigDecimal.valueOf(r).setScale(9, RoundingMode.HALF_UP).stripTrailingZeros();
        return b.signum() == 0 ? "0" : b.toPlainString();
    }

    /**
     * Double.toString of r, already rounded to {@code digits} decimals, without its ".0": quick, and
     * the shortest decimal that reads back as r. Null where it would use an exponent (below 0.001,
     * from 10^7), or where it prints more than {@code digits} decimals (JDK 17's Double.toString is
     * not always the shortest); BigDecimal, slower, does those.
     */
    private static String fast(double r, int digits) {
        double a = Math.abs(r);
        if (!(a >= 1e-3 && a < 1e7)) {
            return null;
        }
        String s = Double.toString(r);
        if (s.endsWith(".0")) {
            return s.substring(0, s.length() - 2);
        }
        return s.length() - s.indexOf('.') - 1 <= digits ? s : null;
    }
}
