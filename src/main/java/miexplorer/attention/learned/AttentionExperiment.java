package miexplorer.attention.learned;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import miexplorer.data.ContingencyTable;
import miexplorer.data.PermutationTest;
import miexplorer.data.SampleEstimates;
import miexplorer.info.Entropy;
import miexplorer.info.LogBase;

/**
 * Does attention find the informative positions? Trains an {@link AttentionClassifier} on a
 * {@link SyntheticTask} ({@link AttentionClassifier#train}), then sets, position by
 * position, where the trained model looks (its mean attention weight over the held-out sequences)
 * beside how much that position says about the target (I(y; x_i), estimated from the same held-out
 * sequences), and ranks one against the other.
 *
 * <p>Everything random comes from one {@code SplittableRandom(seed)}, split in this order: the
 * sequences (itself split into training and held-out), the starting weights, the shuffles of the
 * baseline. Nothing else is random and every sum runs in a fixed order, so the same spec gives
 * bitwise the same result.
 */
public final class AttentionExperiment {
    /**
     * How many shuffles of y make the baseline of each position: the observed estimate, if y does not
     * depend on x_i, is as likely to be any one of these 1 + 99 values' rank, so it exceeds all 99
     * with probability 1/100.
     */
    public static final int SHUFFLES = 99;

    private AttentionExperiment() {
    }

    /** Generates the task, trains the model and measures it. */
    public static ExperimentResult run(ExperimentSpec spec) {
        SplittableRandom root = new SplittableRandom(spec.seed());
        SyntheticTask task = SyntheticTask.generate(spec, root.split());
        Parameters theta = Parameters.initial(spec.vocabulary(), spec.positions(), spec.embedding(), root.split());
        SplittableRandom shuffles = root.split();

        double[] losses = AttentionClassifier.train(theta, task.training(), spec.steps(), spec.learningRate());
        double finalLoss = AttentionClassifier.loss(theta, task.training());

        Samples heldOut = task.heldOut();
        int n = spec.positions();
        int count = heldOut.size();
        double[] meanWeights = new double[n];
        double entropySum = 0;
        int correct = 0;
        for (int k = 0; k < count; k++) {
            AttentionClassifier.Forward f = AttentionClassifier.forward(theta, heldOut.tokens()[k]);
            for (int i = 0; i < n; i++) {
                meanWeights[i] += f.weights()[i];
            }
            entropySum += Entropy.of(f.weights(), LogBase.TWO);
            if (f.prediction() == heldOut.targets()[k]) {
                correct++;
            }
        }
        for (int i = 0; i < n; i++) {
            meanWeights[i] /= count;
        }

        List<String> tokens = new ArrayList<>(spec.vocabulary());
        for (int t = 0; t < spec.vocabulary(); t++) {
            tokens.add(Integer.toString(t));
        }
        int[] y = heldOut.targets();
        int[][] columns = new int[n][];
        double[] mi = new double[n];
        for (int i = 0; i < n; i++) {
            columns[i] = heldOut.column(i);
            mi[i] = millerMadowBits(columns[i], y, tokens);
        }
        double[] shuffledMean = new double[n];
        double[] shuffledMax = new double[n];
        int[] atLeast = new int[n];
        java.util.Arrays.fill(shuffledMax, Double.NEGATIVE_INFINITY);
        int[] permuted = y.clone();
        for (int s = 0; s < SHUFFLES; s++) {
            System.arraycopy(y, 0, permuted, 0, y.length);
            PermutationTest.shuffle(permuted, shuffles);
            for (int i = 0; i < n; i++) {
                double v = millerMadowBits(columns[i], permuted, tokens);
                shuffledMean[i] += v / SHUFFLES;
                shuffledMax[i] = Math.max(shuffledMax[i], v);
                if (v >= mi[i] - PermutationTest.TIE * Math.abs(mi[i])) { // as large, to rounding
                    atLeast[i]++;
                }
            }
        }
        double[] pValues = new double[n];
        for (int i = 0; i < n; i++) {
            pValues[i] = (1.0 + atLeast[i]) / (1.0 + SHUFFLES);
        }
        return new ExperimentResult(spec, losses, finalLoss, (double) correct / count, majorityShare(y, spec.vocabulary()),
                meanWeights, entropySum / count, mi, shuffledMean, shuffledMax, pValues,
                RankCorrelation.spearman(meanWeights, mi), theta);
    }

    /** Î_MM(y; x) in bits from the pairs (x[k], y[k]), by {@link SampleEstimates}. */
    private static double millerMadowBits(int[] x, int[] y, List<String> tokens) {
        ContingencyTable t = ContingencyTable.fromCodes(x, y, x.length, tokens, tokens);
        return SampleEstimates.of(t, LogBase.TWO).mutualInformationMillerMadow();
    }

    /** The share of the most frequent target: the accuracy of always guessing it. */
    private static double majorityShare(int[] y, int classes) {
        int[] counts = new int[classes];
        int most = 0;
        for (int v : y) {
            most = Math.max(most, ++counts[v]);
        }
        return (double) most / y.length;
    }
}
