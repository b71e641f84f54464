package miexplorer.attention.learned;

/**
 * Sequences and their targets: sequence k is {@code tokens[k]} (n tokens, each 0 … V − 1) and its
 * target {@code targets[k]} (0 … V − 1). The arrays are the record's own and are not copied.
 */
public record Samples(int[][] tokens, int[] targets) {

    public Samples {
        if (tokens.length != targets.length) {
            throw new IllegalArgumentException("there are " + tokens.length + " sequences but " + targets.length + " targets");
        }
    }

    /** How many sequences. */
    public int size() {
        return targets.length;
    }

    /** The tokens at position i of every sequence, in order. */
    public int[] column(int i) {
        int[] c = new int[tokens.length];
        for (int k = 0; k < tokens.length; k++) {
            c[k] = tokens[k][i];
        }
        return c;
    }
}
