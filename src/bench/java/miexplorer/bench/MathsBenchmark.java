package miexplorer.bench;

import java.util.concurrent.TimeUnit;
import miexplorer.attention.QueryAttention;
import miexplorer.info.Analysis;
import miexplorer.info.JointDistribution;
import miexplorer.info.LogBase;
import miexplorer.info.TableProperties;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The maths core: every measure of a table (the normalised distribution, H(X), H(Y), H(X,Y), both
 * conditional entropies with their workings, the divergence terms), the properties the page checks,
 * and one attention query against 256 keys of 1024 numbers.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class MathsBenchmark {
    private static final double[][] WEATHER = {{0.36, 0.04}, {0.12, 0.48}};

    double[][] table32;
    Analysis weather;
    Analysis analysed32;
    double[] query;
    double[][] keys;

    @Setup
    public void setup() {
        table32 = Fixtures.table32();
        weather = Analysis.of(JointDistribution.fromWeights(WEATHER), LogBase.TWO);
        analysed32 = Analysis.of(JointDistribution.fromWeights(table32), LogBase.TWO);
        query = Fixtures.normals(1, Fixtures.DIM, 1)[0];
        keys = Fixtures.normals(Fixtures.KEYS, Fixtures.DIM, 2);
    }

    @Benchmark
    public Analysis analysisWeather2x2() {
        return Analysis.of(JointDistribution.fromWeights(WEATHER), LogBase.TWO);
    }

    @Benchmark
    public Analysis analysis32x32() {
        return Analysis.of(JointDistribution.fromWeights(table32), LogBase.TWO);
    }

    @Benchmark
    public TableProperties propertiesWeather2x2() {
        return TableProperties.of(weather);
    }

    @Benchmark
    public TableProperties properties32x32() {
        return TableProperties.of(analysed32);
    }

    @Benchmark
    public QueryAttention attention256keys1024dims() {
        return QueryAttention.of(query, keys, null, true, 1);
    }
}
