package miexplorer.attention.learned;

/**
 * How the target y of a synthetic sequence x_0 … x_{n−1} is made from its tokens. Each rule asks
 * something different of "which positions are informative?".
 */
public enum Rule {
    /**
     * Copy with noise: y = x_j with probability r_j (the relevance of position j), and with the
     * remaining probability 1 − Σ r_j a uniformly random token. I(y; x_j) rises with r_j and is 0
     * where r_j = 0, so the informative positions are exactly those with a relevance, and the model
     * does best by weighting them by how reliable they are.
     */
    COPY("copy"),
    /**
     * y = x_a xor x_b for a chosen pair a ≠ b of positions, with binary tokens. Each of x_a and x_b
     * alone says nothing about y (I(y; x_a) = I(y; x_b) = 0 when the tokens are fair coins), yet the
     * two together decide it: per-position mutual information cannot see information that lives only
     * in a pair.
     */
    XOR("xor"),
    /**
     * y = the largest token of the sequence, max_i x_i. The information is spread evenly: every
     * position carries the same I(y; x_i), and no position matters more than another, so the mean
     * attention weight per position (averaged over sequences) should come out flat too, and a rank
     * correlation between the two ranks noise. Yet each single sequence can be answered by attending
     * to one place, wherever its largest token happens to be: attention chooses by content, not by
     * position, which neither per-position number shows. The mean entropy of the weights per
     * sequence, well below log₂ n when attention is sharp, does.
     */
    MAX("max");

    private final String key;

    Rule(String key) {
        this.key = key;
    }

    /** The name used in URLs and the API: {@code "copy"}, {@code "xor"} or {@code "max"}. */
    public String key() {
        return key;
    }

    /** The rule named by {@code key}, or {@code null} when the key names none. */
    public static Rule fromKey(String key) {
        for (Rule r : values()) {
            if (r.key.equals(key)) {
                return r;
            }
        }
        return null;
    }
}
