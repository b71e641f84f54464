package miexplorer.web.joint;

/** What the cells of a table mean: probabilities that must add up to 1, or counts to be normalised. */
public enum Kind {
    PROBABILITIES("probabilities"),
    COUNTS("counts");

    private final String key;

    Kind(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Kind fromKey(String key) {
        for (Kind k : values()) {
            if (k.key.equals(key)) {
                return k;
            }
        }
        return null;
    }
}
