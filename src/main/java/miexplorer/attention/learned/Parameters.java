package miexplorer.attention.learned;

import java.util.SplittableRandom;

/**
 * The weights of the single-query attention classifier ({@link AttentionClassifier}), or a gradient
 * of the same shape. The arrays are the record's own, not copied: training changes them in place.
 *
 * @param tokenEmbedding E, V × d: row t is the embedding of token t
 * @param positionEmbedding P, n × d: row i is added at position i
 * @param query q, d numbers: the one learned query
 * @param keyWeights W_K, d × d: k_i = W_K x_i
 * @param valueWeights W_V, d × d: the value of position i is W_V x_i
 * @param outputWeights W_O, V × d: logits = W_O c + b
 * @param outputBias b, V numbers
 */
public record Parameters(
        double[][] tokenEmbedding,
        double[][] positionEmbedding,
        double[] query,
        double[][] keyWeights,
        double[][] valueWeights,
        double[][] outputWeights,
        double[] outputBias) {

    /** The names of the tensors, in the order of {@link #tensors()}. */
    public static final java.util.List<String> NAMES = java.util.List.of(
            "tokenEmbedding", "positionEmbedding", "query", "keyWeights", "valueWeights", "outputWeights", "outputBias");

    /** All zeros, for V tokens, n positions and embedding size d. */
    public static Parameters zeros(int vocabulary, int positions, int embedding) {
        int d = embedding;
        return new Parameters(new double[vocabulary][d], new double[positions][d], new double[d], new double[d][d],
                new double[d][d], new double[vocabulary][d], new double[vocabulary]);
    }

    /**
     * Random starting weights drawn from {@code random}, tensor by tensor in the order of
     * {@link #tensors()} and row by row, each entry uniform on [−a, a) so that its variance is σ²
     * (a = σ√3): σ = 1 for the embeddings, σ = 1/√d for q, W_K, W_V and W_O; b = 0. Uniform draws
     * ({@code nextDouble}) are used rather than Gaussian ones so the numbers depend only on
     * SplittableRandom's specified stream.
     */
    public static Parameters initial(int vocabulary, int positions, int embedding, SplittableRandom random) {
        Parameters p = zeros(vocabulary, positions, embedding);
        double matrix = 1 / Math.sqrt(embedding);
        fill(p.tokenEmbedding, 1, random);
        fill(p.positionEmbedding, 1, random);
        fill(new double[][] {p.query}, matrix, random);
        fill(p.keyWeights, matrix, random);
        fill(p.valueWeights, matrix, random);
        fill(p.outputWeights, matrix, random);
        return p;
    }

    private static void fill(double[][] rows, double sigma, SplittableRandom random) {
        double a = sigma * Math.sqrt(3);
        for (double[] row : rows) {
            for (int j = 0; j < row.length; j++) {
                row[j] = (2 * random.nextDouble() - 1) * a;
            }
        }
    }

    /** V. */
    public int vocabulary() {
        return tokenEmbedding.length;
    }

    /** n. */
    public int positions() {
        return positionEmbedding.length;
    }

    /** d. */
    public int embedding() {
        return query.length;
    }

    /** The seven tensors as matrices (q and b as one row each), in the order of {@link #NAMES}; the arrays themselves. */
    public double[][][] tensors() {
        return new double[][][] {tokenEmbedding, positionEmbedding, {query}, keyWeights, valueWeights, outputWeights,
            {outputBias}};
    }

    /** A deep copy. */
    public Parameters copy() {
        return new Parameters(copy(tokenEmbedding), copy(positionEmbedding), query.clone(), copy(keyWeights),
                copy(valueWeights), copy(outputWeights), outputBias.clone());
    }

    private static double[][] copy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }
}
