package miexplorer.web.experiments;

import java.util.List;
import miexplorer.attention.ScalingExperiment;
import miexplorer.info.LogBase;
import miexplorer.web.form.FieldErrors;
import miexplorer.web.form.Fields;
import miexplorer.web.form.Query;
import miexplorer.web.render.Decimals;
import miexplorer.web.render.Svg;
import miexplorer.web.site.Paths;

/**
 * The √d_k experiment page: its parameters as typed, their messages, and the measured points with
 * the plot's geometry. Parameters: {@code n} (keys per trial), {@code trials} (per d_k),
 * {@code seed}.
 */
public record ScalingView(String nText, String trialsText, String seedText, FieldErrors errors, int keys,
        List<ScalingExperiment.Point> points) implements Decimals {

    public static final int[] DIMS = {1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024};
    public static final int MAX_KEYS = 256;
    public static final int MAX_TRIALS = 2000;
    /** trials × n at most this, which keeps one page under about a second on a small machine. */
    public static final int MAX_WORK = 20_000;

    public static ScalingView read(Fields fields) {
        FieldErrors errors = new FieldErrors();
        String nText = first(fields, "n", "16");
        String trialsText = first(fields, "trials", "200");
        String seedText = first(fields, "seed", "1");
        int n = whole(nText, 2, MAX_KEYS, "n", "The number of keys", errors);
        int trials = whole(trialsText, 1, MAX_TRIALS, "trials", "The number of trials", errors);
        long seed = 0;
        try {
            seed = Long.parseLong(seedText);
        } catch (NumberFormatException e) {
            errors.add("seed", "The seed must be a whole number, such as 1 or 2026.");
        }
        if (errors.isEmpty() && (long) n * trials > MAX_WORK) {
            errors.add("trials", n + " keys × " + trials + " trials is more than the " + MAX_WORK
                    + " this page computes at once; use fewer trials.");
        }
        List<ScalingExperiment.Point> points = errors.isEmpty() ? ScalingExperiment.run(DIMS, n, trials, seed) : List.of();
        return new ScalingView(nText, trialsText, seedText, errors, n, points);
    }

    public boolean ok() {
        return errors.isEmpty();
    }

    public String url() {
        return ScalingView.path(nText, trialsText, seedText);
    }

    public static String path(String n, String trials, String seed) {
        return new Query().add("n", n).add("trials", trials).add("seed", seed).on(Paths.SCALING);
    }

    public double maxEntropy() {
        return LogBase.TWO.log(keys);
    }

    @Override
    public int digits() {
        return 3;
    }

    // ---- the plot: x = log2 d_k from 0 to 10, y = bits from 0 to log2 n ----------------------------

    /** Narrow enough to be drawn at full size on a phone, so its 12 px text stays 12 px. */
    public static final double W = 340;
    public static final double H = 260;
    public static final double LEFT = 46;
    public static final double RIGHT = 16;
    public static final double TOP = 16;
    public static final double BOTTOM = 44;

    /** Whether d_k's tick gets a number under it: every other power of two (1, 4, 16, …), so they do not collide. */
    public static boolean labelled(int dk) {
        return Integer.numberOfTrailingZeros(dk) % 2 == 0;
    }

    public double plotX(int dk) {
        return LEFT + (W - LEFT - RIGHT) * (Math.log(dk) / Math.log(2)) / 10;
    }

    public double plotY(double bits) {
        return TOP + (H - TOP - BOTTOM) * (1 - bits / maxEntropy());
    }

    public String polyline(boolean scaled) {
        StringBuilder b = new StringBuilder();
        for (ScalingExperiment.Point p : points) {
            b.append(Svg.coord(plotX(p.dk()))).append(',').append(Svg.coord(plotY(scaled ? p.meanEntropyScaled() : p.meanEntropyUnscaled()))).append(' ');
        }
        return b.toString().strip();
    }

    public String plotText() {
        ScalingExperiment.Point first = points.get(0);
        ScalingExperiment.Point last = points.get(points.size() - 1);
        return "Line chart of the mean entropy of the attention weights (bits) against dₖ from 1 to 1024 on a log scale, for "
                + keys + " keys. With scaling the entropy goes from " + shown(first.meanEntropyScaled()) + " to "
                + shown(last.meanEntropyScaled()) + " bits; without it from " + shown(first.meanEntropyUnscaled()) + " to "
                + shown(last.meanEntropyUnscaled()) + " bits. The maximum, log2 n, is " + shown(maxEntropy()) + " bits. All values are in the table below.";
    }

    private static String first(Fields fields, String key, String fallback) {
        String v = fields.first(key);
        return v == null ? fallback : v.strip();
    }

    private static int whole(String text, int min, int max, String field, String what, FieldErrors errors) {
        try {
            int v = Integer.parseInt(text);
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(field, what + " must be a whole number from " + min + " to " + max + "; “" + text + "” is not.");
        return min;
    }
}
