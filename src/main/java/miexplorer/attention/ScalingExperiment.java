package miexplorer.attention;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import miexplorer.info.Entropy;
import miexplorer.info.LogBase;

/**
 * Why divide by √d_k: for a query and keys whose components are independent standard normals, the
 * score q · k is a sum of d_k products of variance 1, so its standard deviation grows like √d_k.
 * Unscaled, the softmax then sees ever larger gaps between scores and collapses onto one key (its
 * entropy falls towards 0); divided by √d_k the scores keep variance 1 and the entropy stays put.
 * This experiment measures the mean entropy of the weights, with and without the scaling, for each
 * d_k. The same seed gives the same numbers.
 */
public final class ScalingExperiment {
    private ScalingExperiment() {
    }

    /** One d_k: the mean of H(α) in bits over the trials, with and without scaling. */
    public record Point(int dk, double meanEntropyScaled, double meanEntropyUnscaled) {
    }

    /**
     * @param dims the values of d_k to try
     * @param keys n, the number of keys per trial
     * @param trials how many random (query, keys) draws per d_k
     */
    public static List<Point> run(int[] dims, int keys, int trials, long seed) {
        List<Point> out = new ArrayList<>(dims.length);
        for (int dk : dims) {
            // One stream per d_k, derived from the seed, so a point does not depend on the others.
            SplittableRandom random = new SplittableRandom(seed * 1_000_003L + dk);
            double scaledSum = 0;
            double unscaledSum = 0;
            double[] q = new double[dk];
            double[] scores = new double[keys];
            double[] scaled = new double[keys];
            for (int t = 0; t < trials; t++) {
                for (int j = 0; j < dk; j++) {
                    q[j] = random.nextGaussian();
                }
                for (int i = 0; i < keys; i++) {
                    double s = 0;
                    for (int j = 0; j < dk; j++) {
                        s += q[j] * random.nextGaussian();
                    }
                    scores[i] = s;
                    scaled[i] = s / Math.sqrt(dk);
                }
                unscaledSum += Entropy.of(Softmax.of(scores).weights(), LogBase.TWO);
                scaledSum += Entropy.of(Softmax.of(scaled).weights(), LogBase.TWO);
            }
            out.add(new Point(dk, scaledSum / trials, unscaledSum / trials));
        }
        return out;
    }
}
