package miexplorer.attention.learned;

/**
 * What a run of {@link AttentionExperiment} found. The arrays are the record's own and are not
 * copied.
 *
 * <p><b>The shuffled baseline.</b> A mutual-information estimate from N samples is not 0 when the
 * variables are independent: the plug-in estimate is biased upwards by about (r − 1)(c − 1)/(2N)
 * nats for an r × c table, and Miller–Madow removes most of that bias but not the noise around it. So "position i carries
 * 0.004 bits" means nothing until it is set beside what the same estimator reports, on the same
 * held-out sequences, when y carries no information about x_i at all. Shuffling y (one random
 * permutation of the held-out targets, the same for every position) keeps both margins, the tokens at
 * position i and the targets, and breaks only their pairing: each shuffle is one draw of the estimate
 * under independence. The baseline is {@value AttentionExperiment#SHUFFLES} such draws per position,
 * summarised by their mean and their largest. It is a baseline for reading the estimate, not for
 * the attention weights: a position whose estimate is at or below the largest shuffled one shows no
 * information that this many held-out sequences can detect; one far above it does.
 *
 * @param lossPerStep the mean training cross-entropy (nats) at step t, before that step's update
 * @param finalLoss the mean training cross-entropy after the last update
 * @param heldOutAccuracy the share of held-out sequences whose largest logit is their target
 * @param majorityAccuracy the share of the held-out targets that are the most frequent one: what
 *     always guessing it would score
 * @param meanWeights per position i, the mean of α_i over the held-out sequences (they add up to 1)
 * @param meanEntropyBits the mean over held-out sequences of H(α) in bits: log₂ n when attention is
 *     spread evenly in every sequence, 0 when each sequence looks at one position, whichever it is
 * @param mutualInformationBits per position i, Î(y; x_i) from the held-out sequences, plug-in with
 *     the Miller–Madow correction ({@link miexplorer.data.SampleEstimates}), in bits; can be
 *     slightly below 0
 * @param shuffledMeanBits per position, the mean of the same estimate over the shuffles of y
 * @param shuffledMaxBits per position, the largest of the same estimate over the shuffles of y
 * @param permutationPValues per position, (1 + shuffles whose estimate is at least the observed) /
 *     (1 + shuffles): small when y depends on x_i; never below 1/100
 * @param rankCorrelation Spearman's ρ between {@code meanWeights} and {@code mutualInformationBits}
 *     (ties by average ranks); NaN when either is the same at every position
 * @param trained the weights after the last step
 */
public record ExperimentResult(
        ExperimentSpec spec,
        double[] lossPerStep,
        double finalLoss,
        double heldOutAccuracy,
        double majorityAccuracy,
        double[] meanWeights,
        double meanEntropyBits,
        double[] mutualInformationBits,
        double[] shuffledMeanBits,
        double[] shuffledMaxBits,
        double[] permutationPValues,
        double rankCorrelation,
        Parameters trained) {

    /** Whether position i's estimate is at or below the largest of its shuffled ones: no information the held-out data can show. */
    public boolean withinShuffledBaseline(int i) {
        return mutualInformationBits[i] <= shuffledMaxBits[i];
    }
}
