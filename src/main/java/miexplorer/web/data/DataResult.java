package miexplorer.web.data;

import java.io.InputStream;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import miexplorer.data.BinningCurve;
import miexplorer.data.ContingencyTable;
import miexplorer.data.NeighbourEstimate;
import miexplorer.data.Parallel;
import miexplorer.data.SampleEstimates;
import miexplorer.data.SampleReader;

/**
 * Samples read with some settings, and their estimates: the plug-in ones from the table, and when the
 * nearest-neighbour estimate is asked for and a column is numeric, that estimate and the plug-in
 * estimate for 2 … 50 bins.
 *
 * @param knn the KSG or Ross estimate; null when not asked for, or when both columns are categorical
 * @param curve the binned plug-in estimate against the number of bins; null when {@code knn} is, or when not asked for
 */
record DataResult(SampleReader.Samples samples, SampleEstimates estimates, NeighbourEstimate knn, BinningCurve curve) {

    /**
     * The samples and every estimate.
     *
     * @param options how to read them ({@link DataSettings#options}, with the rows the budget allows)
     * @param curve whether and where to work out the binned estimate for 2 … 50 bins (the page shows it)
     * @param cores where the nearest-neighbour estimate may split its work ({@link Parallel#SERIAL} for
     *     the caller's thread only), asked for once the data is read (reading uses one core); the same
     *     numbers whatever the threads
     */
    static DataResult compute(InputStream in, SampleReader.Options options, DataSettings s, Curve curve,
            Supplier<Parallel> cores) {
        SampleReader.Samples samples = SampleReader.read(in, options);
        SampleEstimates estimates = SampleEstimates.of(samples.table(), s.base());
        SampleReader.Values v = samples.values();
        if (!s.ksg() || !NeighbourEstimate.applies(v)) {
            return new DataResult(samples, estimates, null, null);
        }
        Parallel threads = cores.get();
        // The curve and the nearest-neighbour estimate do not depend on each other: with two threads or more
        // the curve takes one of them (about 0.2 s for 10^5 rows, 2 s for 10^6) and the estimate the rest.
        boolean beside = curve == Curve.BESIDE && threads.threads() > 1;
        Supplier<BinningCurve> binning = () -> BinningCurve.of(v.xNumbers(), v.xCodes(), v.yNumbers(), v.yCodes());
        CompletableFuture<BinningCurve> binned = beside ? CompletableFuture.supplyAsync(binning, threads.executor())
                : CompletableFuture.completedFuture(curve != Curve.NONE ? binning.get() : null);
        NeighbourEstimate knn;
        try {
            knn = NeighbourEstimate.of(v, samples.xName(), samples.yName(), s.k(), s.seed(), beside ? threads.fewer(1) : threads);
        } catch (RuntimeException e) {
            // A curve already started runs on to its end: wait for it, so that no work outlives the
            // request's room in the heavy-work budget.
            if (!binned.cancel(false)) {
                try {
                    binned.join();
                } catch (RuntimeException ignored) {
                    // the estimate's failure is the one to report
                }
            }
            throw e;
        }
        return new DataResult(samples, estimates, knn, binned.join());
    }

    /** The binned curve beside a nearest-neighbour estimate: none, worked out before it, or on a thread beside it. */
    enum Curve {
        NONE, BEFORE, BESIDE;

        /** Beside when the budget reserved the heap for both at once ({@link DataDemand#curveBeside}), else before. */
        static Curve of(DataDemand demand) {
            return demand.curveBeside() ? BESIDE : BEFORE;
        }
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
