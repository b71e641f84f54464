package miexplorer.practice;

/**
 * How hard an exercise is. {@link #EASY}: 2 × 2 tables of probabilities with two decimals (like the
 * tutorial's 0.36, 0.04, 0.12, 0.48), bits, a few keys. {@link #MEDIUM}: 3 × 3 tables or three values.
 * {@link #HARD}: tables of counts, 4 × 4, empty cells, nats or hartleys, temperatures other than 1.
 */
public enum Level {
    EASY("easy"),
    MEDIUM("medium"),
    HARD("hard");

    private final String key;

    Level(String key) {
        this.key = key;
    }

    /** The name used in URLs and the API: {@code "easy"}, {@code "medium"} or {@code "hard"}. */
    public String key() {
        return key;
    }

    /** The level named by {@code key}, or {@code null} when the key names none. */
    public static Level fromKey(String key) {
        for (Level l : values()) {
            if (l.key.equals(key)) {
                return l;
            }
        }
        return null;
    }
}
