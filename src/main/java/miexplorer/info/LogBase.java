package miexplorer.info;

/**
 * The base of the logarithm, which fixes the unit of every entropy: 2 gives bits, e gives nats,
 * 10 gives hartleys. Changing base multiplies every entropy and every mutual information by the
 * same factor, log_b(a).
 */
public enum LogBase {
    TWO("2", "bits", "2"),
    E("e", "nats", "e"),
    TEN("10", "hartleys", "10");

    private static final double LN_2 = Math.log(2);

    private final String key;
    private final String unit;
    private final String subscript;

    LogBase(String key, String unit, String subscript) {
        this.key = key;
        this.unit = unit;
        this.subscript = subscript;
    }

    /** The name used in URLs and the API: {@code "2"}, {@code "e"} or {@code "10"}. */
    public String key() {
        return key;
    }

    /** The unit of an entropy in this base: bits, nats or hartleys. */
    public String unit() {
        return unit;
    }

    /** What is written under "log" in a formula: 2, e or 10. */
    public String subscript() {
        return subscript;
    }

    /** log_b(x); x must be positive. */
    public double log(double x) {
        return switch (this) {
            case TWO -> Math.log(x) / LN_2;
            case E -> Math.log(x);
            case TEN -> Math.log10(x);
        };
    }

    /** The base named by {@code key}, or {@code null} when the key names none. */
    public static LogBase fromKey(String key) {
        for (LogBase b : values()) {
            if (b.key.equals(key)) {
                return b;
            }
        }
        return null;
    }
}
