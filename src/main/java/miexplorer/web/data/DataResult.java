package miexplorer.web.data;

import java.io.InputStream;
import miexplorer.data.BinningCurve;
import miexplorer.data.ContingencyTable;
import miexplorer.data.NeighbourEstimate;
import miexplorer.data.SampleEstimates;
import miexplorer.data.SampleReader;

/**
 * Samples read with some settings, and their estimates: the plug-in ones from the table, and when the
 * nearest-neighbour estimate is asked for and a column is numeric, that estimate and the plug-in
 * estimate for 2 … 50 bins.
 *
 * @param knn the KSG or Ross estimate; null when not asked for, or when both columns are categorical
 * @param curve the binned plug-in estimate against the number of bins; null when {@code knn} is
 */
record DataResult(SampleReader.Samples samples, SampleEstimates estimates, NeighbourEstimate knn, BinningCurve curve) {

    static DataResult compute(InputStream in, DataSettings s, long maxBytes) {
        SampleReader.Samples samples = SampleReader.read(in, s.options(maxBytes));
        SampleEstimates estimates = SampleEstimates.of(samples.table(), s.base());
        SampleReader.Values v = samples.values();
        if (!s.ksg() || !NeighbourEstimate.applies(v)) {
            return new DataResult(samples, estimates, null, null);
        }
        NeighbourEstimate knn = NeighbourEstimate.of(v, samples.xName(), samples.yName(), s.k(), s.seed());
        BinningCurve curve = BinningCurve.of(v.xNumbers(), v.xCodes(), v.yNumbers(), v.yCodes());
        return new DataResult(samples, estimates, knn, curve);
    }

    ContingencyTable table() {
        return samples.table();
    }

    /** What a permutation test costs: each shuffle touches every observation and every cell. */
    static long work(ContingencyTable t, long permutations) {
        return permutations * (t.n() + (long) t.rows() * t.cols());
    }

    /** What a permutation test of the nearest-neighbour estimate costs, in the same units. */
    static long work(NeighbourEstimate e, long permutations) {
        return permutations * NeighbourEstimate.shuffleWork(e.n(), e.k());
    }
}
