package miexplorer.web.form;

import java.util.regex.Pattern;

/**
 * Reads a number as a person types it: a decimal ({@code 0.36}, {@code .5}, {@code 2e-3}), a
 * fraction ({@code 9/25}) or a percentage ({@code 36%}). Anything else gets a message that says what
 * was typed and what would work; nothing is guessed.
 */
public final class NumberInput {
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern COMMA_DECIMAL = Pattern.compile("[+-]?\\d+,\\d+");
    private static final Pattern INFINITY = Pattern.compile("[+-]?(?i)(inf|infinity|∞)");

    /** The longest text accepted for one number. */
    public static final int MAX_LENGTH = 40;

    private NumberInput() {
    }

    /** Either a finite value or a message for the person who typed {@code text}. */
    public record Parsed(double value, String error) {
        public boolean ok() {
            return error == null;
        }
    }

    public static Parsed parse(String text) {
        String s = text == null ? "" : text.strip();
        if (s.isEmpty()) {
            return error("Empty. Enter a number (0 is allowed).");
        }
        if (s.length() > MAX_LENGTH) {
            return error("Too long: a number here has at most " + MAX_LENGTH + " characters.");
        }
        if (isDecimal(s)) {
            // The common case, a plain decimal such as 0.36: what the checks below would conclude,
            // without their regular expressions (a 32 x 32 table has 1024 cells, 256 keys of 1024
            // numbers have 262144).
            return finite(Double.parseDouble(s), s);
        }
        String plain = s.replace('\u2212', '-');
        if (plain.equalsIgnoreCase("nan")) {
            return error("NaN (not a number) is not allowed: enter a finite number.");
        }
        if (INFINITY.matcher(plain).matches()) {
            return error(s + " is not allowed: enter a finite number.");
        }
        if (plain.endsWith("%")) {
            Parsed inner = decimal(plain.substring(0, plain.length() - 1).strip(), s);
            return inner.ok() ? finite(inner.value / 100, s) : inner;
        }
        int slash = plain.indexOf('/');
        if (slash >= 0) {
            Parsed num = decimal(plain.substring(0, slash).strip(), s);
            if (!num.ok()) {
                return num;
            }
            Parsed den = decimal(plain.substring(slash + 1).strip(), s);
            if (!den.ok()) {
                return den;
            }
            if (den.value == 0) {
                return error("“" + s + "” divides by zero.");
            }
            return finite(num.value / den.value, s);
        }
        return decimal(plain, s);
    }

    /** Exactly when {@link #DECIMAL} matches {@code s}: [+-]? (digits [.] digits? | . digits) ([eE] [+-]? digits)? */
    static boolean isDecimal(String s) {
        int n = s.length();
        int i = 0;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int whole = i;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
        }
        boolean hasWhole = i > whole;
        if (i < n && s.charAt(i) == '.') {
            i++;
            int fraction = i;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
            }
            if (!hasWhole && i == fraction) {
                return false; // "." or ".e5": a point needs a digit on one side
            }
        } else if (!hasWhole) {
            return false;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int exponent = i;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
            }
            if (i == exponent) {
                return false;
            }
        }
        return i == n;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9'; // what \d means in a Java pattern without UNICODE_CHARACTER_CLASS
    }

    private static Parsed decimal(String s, String typed) {
        if (DECIMAL.matcher(s).matches()) {
            return finite(Double.parseDouble(s), typed);
        }
        if (COMMA_DECIMAL.matcher(s).matches()) {
            return error("“" + typed + "”: write the decimal separator as a point (" + s.replace(',', '.') + ").");
        }
        return error("“" + typed + "” is not a number. Write a decimal (0.25), a fraction (1/4) or a percentage (25%).");
    }

    private static Parsed finite(double v, String typed) {
        if (!Double.isFinite(v)) {
            return error("“" + typed + "” is too large to compute with.");
        }
        return new Parsed(v == 0 ? 0 : v, null); // no negative zero
    }

    private static Parsed error(String message) {
        return new Parsed(Double.NaN, message);
    }
}
