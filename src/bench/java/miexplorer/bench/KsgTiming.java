package miexplorer.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import miexplorer.data.BinningCurve;
import miexplorer.data.Ksg;
import miexplorer.data.KsgEstimate;
import miexplorer.data.Parallel;

/**
 * Wall time of {@link Ksg} on N normal pairs with correlation ρ, to set beside
 * {@code bench/samples.py ksg-time N RHO SEED} (scikit-learn's mutual_info_regression on the same
 * kind of data, or on the very data when given the CSV {@code samples.py generate-numeric N PATH SEED
 * RHO} writes: both draw it with numpy's default_rng(SEED)). Not JMH: one estimate of 10⁶ rows takes
 * seconds, and what a page waits for is the first, cold estimate as much as a warm one. Prints JSON:
 * the estimate, the closed form −½ ln(1 − ρ²), the seconds of the first (cold) estimate, the fastest
 * of the repeats, one shuffle of y as a permutation test does it, and the binned plug-in estimate for
 * 2 … 50 bins, both binnings (BinningCurve, what /data draws beside the estimate): its first run and
 * the fastest of the repeats. The estimate and the shuffle run on THREADS threads (default 1): this
 * one and THREADS − 1 of a pool ({@link Parallel}); the curve in one.
 *
 * <pre>
 * mvn -B -q -Pbench test-compile
 * java -cp target/classes:target/test-classes:$(mvn -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout) \
 *     miexplorer.bench.KsgTiming N|PAIRS.csv [RHO 0.5] [SEED 1] [REPEATS 3] [THREADS 1]
 * </pre>
 *
 * bench/ksg-threads.sh runs it on one and two threads beside scikit-learn, on the same files.
 */
public final class KsgTiming {
    private KsgTiming() {
    }

    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: KsgTiming N|PAIRS.csv [RHO] [SEED] [REPEATS] [THREADS]");
            System.exit(2);
        }
        double rho = args.length > 1 ? Double.parseDouble(args[1]) : 0.5;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 1;
        int repeats = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        int threads = args.length > 4 ? Integer.parseInt(args[4]) : 1;
        SplittableRandom random = new SplittableRandom(seed);
        double[] x;
        double[] y;
        if (args[0].endsWith(".csv")) {
            double[][] xy = read(Path.of(args[0]));
            x = xy[0];
            y = xy[1];
        } else {
            int n = Integer.parseInt(args[0]);
            x = new double[n];
            y = new double[n];
            double s = Math.sqrt(1 - rho * rho);
            for (int i = 0; i < n; i++) {
                x[i] = random.nextGaussian();
                y[i] = rho * x[i] + s * random.nextGaussian();
            }
        }
        int n = x.length;
        ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads - 1, r -> {
            Thread t = new Thread(r, "ksg-helper");
            t.setDaemon(true);
            return t;
        }) : null;
        Parallel parallel = Parallel.on(pool, threads);
        long t0 = System.nanoTime();
        KsgEstimate e = Ksg.estimate(x, y, "x", "y", Ksg.DEFAULT_K, Ksg.DEFAULT_SEED, parallel);
        double cold = (System.nanoTime() - t0) / 1e9;
        double best = cold;
        for (int r = 0; r < repeats; r++) {
            long t = System.nanoTime();
            Ksg.estimate(x, y, "x", "y", Ksg.DEFAULT_K, Ksg.DEFAULT_SEED, parallel);
            best = Math.min(best, (System.nanoTime() - t) / 1e9);
        }
        Ksg prepared = Ksg.prepare(x, y, "x", "y", Ksg.DEFAULT_K, Ksg.DEFAULT_SEED, parallel);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
        long t = System.nanoTime();
        double shuffled = prepared.rawNatsWithYPermuted(order, parallel);
        double permutation = (System.nanoTime() - t) / 1e9;
        t = System.nanoTime();
        BinningCurve.of(x, null, y, null);
        double curve = (System.nanoTime() - t) / 1e9;
        double curveBest = curve;
        for (int r = 0; r < repeats; r++) {
            t = System.nanoTime();
            BinningCurve.of(x, null, y, null);
            curveBest = Math.min(curveBest, (System.nanoTime() - t) / 1e9);
        }
        System.out.println(String.format(Locale.ROOT,
                "{\"nats\": %.15f, \"closedFormNats\": %.12f, \"seconds\": %.4f, \"fastestSeconds\": %.4f,"
                        + " \"shuffleSeconds\": %.4f, \"shuffledNats\": %.6f, \"curveSeconds\": %.4f, \"curveFastestSeconds\": %.4f,"
                        + " \"rows\": %d, \"rho\": %s, \"threads\": %d, \"cores\": %d}",
                e.nats(), -0.5 * Math.log(1 - rho * rho), cold, best, permutation, shuffled, curve, curveBest, n, rho,
                threads, Runtime.getRuntime().availableProcessors()));
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    /** The columns x and y of a CSV with a header (samples.py generate-numeric's), each number read back to its double. */
    private static double[][] read(Path file) {
        try (BufferedReader in = Files.newBufferedReader(file)) {
            in.readLine(); // x,y
            double[] x = new double[1024];
            double[] y = new double[1024];
            int n = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                int comma = line.indexOf(',');
                if (n == x.length) {
                    x = Arrays.copyOf(x, 2 * n);
                    y = Arrays.copyOf(y, 2 * n);
                }
                x[n] = Double.parseDouble(line.substring(0, comma));
                y[n++] = Double.parseDouble(line.substring(comma + 1));
            }
            return new double[][] {Arrays.copyOf(x, n), Arrays.copyOf(y, n)};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
