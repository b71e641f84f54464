package miexplorer.web.data;

import java.io.InputStream;
import miexplorer.data.ContingencyTable;
import miexplorer.data.SampleEstimates;
import miexplorer.data.SampleReader;

/** Samples read with some settings, and their estimates. */
record DataResult(SampleReader.Samples samples, SampleEstimates estimates) {

    static DataResult compute(InputStream in, DataSettings s, long maxBytes) {
        SampleReader.Samples samples = SampleReader.read(in, s.options(maxBytes));
        return new DataResult(samples, SampleEstimates.of(samples.table(), s.base()));
    }

    ContingencyTable table() {
        return samples.table();
    }

    /** What a permutation test costs: each shuffle touches every observation and every cell. */
    static long work(ContingencyTable t, long permutations) {
        return permutations * (t.n() + (long) t.rows() * t.cols());
    }
}
