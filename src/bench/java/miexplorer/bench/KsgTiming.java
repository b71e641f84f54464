package miexplorer.bench;

import java.util.Locale;
import java.util.SplittableRandom;
import miexplorer.data.BinningCurve;
import miexplorer.data.Ksg;
import miexplorer.data.KsgEstimate;

/**
 * Wall time of {@link Ksg} on N normal pairs with correlation ρ, to set beside
 * {@code bench/samples.py ksg-time N RHO SEED} (scikit-learn's mutual_info_regression on the same
 * kind of data). Not JMH: one estimate of 10⁶ rows takes seconds, and what a page waits for is the
 * first, cold estimate as much as a warm one. Prints JSON: the estimate, the closed form
 * −½ ln(1 − ρ²), the seconds of the first (cold) estimate, the fastest of the repeats, one shuffle
 * of y as a permutation test does it, and the binned plug-in estimate for 2 … 50 bins, both binnings
 * (BinningCurve, what /data draws beside the estimate): its first run and the fastest of the repeats.
 *
 * <pre>
 * mvn -B -q -Pbench test-compile
 * java -cp target/classes:target/test-classes:$(mvn -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout) \
 *     miexplorer.bench.KsgTiming N [RHO 0.5] [SEED 1] [REPEATS 3]
 * </pre>
 */
public final class KsgTiming {
    private KsgTiming() {
    }

    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: KsgTiming N [RHO] [SEED] [REPEATS]");
            System.exit(2);
        }
        int n = Integer.parseInt(args[0]);
        double rho = args.length > 1 ? Double.parseDouble(args[1]) : 0.5;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 1;
        int repeats = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = new double[n];
        double[] y = new double[n];
        double s = Math.sqrt(1 - rho * rho);
        for (int i = 0; i < n; i++) {
            x[i] = random.nextGaussian();
            y[i] = rho * x[i] + s * random.nextGaussian();
        }
        long t0 = System.nanoTime();
        KsgEstimate e = Ksg.estimate(x, y, "x", "y", Ksg.DEFAULT_K, Ksg.DEFAULT_SEED);
        double cold = (System.nanoTime() - t0) / 1e9;
        double best = cold;
        for (int r = 0; r < repeats; r++) {
            long t = System.nanoTime();
            Ksg.estimate(x, y, "x", "y", Ksg.DEFAULT_K, Ksg.DEFAULT_SEED);
            best = Math.min(best, (System.nanoTime() - t) / 1e9);
        }
        Ksg prepared = Ksg.prepare(x, y, "x", "y", Ksg.DEFAULT_K, Ksg.DEFAULT_SEED);
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
        double shuffled = prepared.rawNatsWithYPermuted(order);
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
                "{\"nats\": %.12f, \"closedFormNats\": %.12f, \"seconds\": %.4f, \"fastestSeconds\": %.4f,"
                        + " \"shuffleSeconds\": %.4f, \"shuffledNats\": %.6f, \"curveSeconds\": %.4f, \"curveFastestSeconds\": %.4f,"
                        + " \"rows\": %d, \"rho\": %s, \"cores\": %d}",
                e.nats(), -0.5 * Math.log(1 - rho * rho), cold, best, permutation, shuffled, curve, curveBest, n, rho,
                Runtime.getRuntime().availableProcessors()));
    }
}
