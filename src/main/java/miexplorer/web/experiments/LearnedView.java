package miexplorer.web.experiments;

import java.util.ArrayList;
import java.util.List;
import miexplorer.attention.learned.ExperimentResult;
import miexplorer.attention.learned.ExperimentSpec;
import miexplorer.attention.learned.Rule;
import miexplorer.info.LogBase;
import miexplorer.web.render.Decimals;
import miexplorer.web.render.Format;
import miexplorer.web.render.Svg;

/**
 * The learned-attention page: its settings as typed with their messages, and for sound settings the
 * run's figures with the geometry of its two plots (the training loss by step, and per position the
 * mean attention weight against I(y; x_i)).
 *
 * @param result the run, or null when the settings have mistakes
 * @param cmiLink for the xor rule, the three-variable explorer set to (x_a, y, x_b); else null
 */
public record LearnedView(LearnedForm form, ExperimentResult result, String cmiLink) implements Decimals {

    /** Runs the experiment when the settings are sound. */
    public static LearnedView of(LearnedForm form, TableLinks links) {
        if (!form.ok()) {
            return new LearnedView(form, null, null);
        }
        ExperimentSpec spec = form.spec();
        ExperimentResult r = miexplorer.attention.learned.AttentionExperiment.run(spec);
        return new LearnedView(form, r, spec.rule() == Rule.XOR ? xorLink(spec, links) : null);
    }

    /**
     * The rule's exact distribution of (x_a, y, x_b) as a table for the three-variable explorer: x_a
     * and x_b fair coins, y = x_a xor x_b, so each of the four (x_a, x_b) has probability 1/4 and
     * fixes y. There I(y; x_a) = 0 and I(y; x_a | x_b) = 1 bit.
     */
    static String xorLink(ExperimentSpec spec, TableLinks links) {
        double[][][] p = new double[2][2][2]; // [z = x_b][x = x_a][y]
        for (int a = 0; a < 2; a++) {
            for (int b = 0; b < 2; b++) {
                p[b][a][a ^ b] = 0.25;
            }
        }
        List<String> bits = List.of("0", "1");
        return links.threeWay(List.of("x" + spec.first(), "y", "x" + spec.second()), List.of(bits, bits, bits), p);
    }

    public boolean ok() {
        return result != null;
    }

    public ExperimentSpec spec() {
        return result.spec();
    }

    public int positions() {
        return result.meanWeights().length;
    }

    @Override
    public int digits() {
        return 3;
    }

    /** ρ as the page shows it; "undefined" when one side is the same at every position. */
    public String rho() {
        return Double.isNaN(result.rankCorrelation()) ? "undefined" : shown(result.rankCorrelation());
    }

    public String percent(double share) {
        return Format.percent(share, 1);
    }

    /** How many positions' estimates are within their shuffled baseline. */
    public int withinBaseline() {
        int c = 0;
        for (int i = 0; i < positions(); i++) {
            c += result.withinShuffledBaseline(i) ? 1 : 0;
        }
        return c;
    }

    /** What the rule makes position i: its relevance (copy), in the pair or not (xor), one of all (max). */
    public String role(int i) {
        ExperimentSpec s = spec();
        return switch (s.rule()) {
            case COPY -> "r = " + Format.cell(s.relevances()[i]);
            case XOR -> i == s.first() || i == s.second() ? "in the pair" : "not used";
            case MAX -> "one of all";
        };
    }

    /** The announcement for screen readers after a run, or the count of problems. */
    public String announcement() {
        if (!ok()) {
            int n = form.errors().size();
            return "Not run: " + n + (n == 1 ? " problem" : " problems") + " with the settings. " + form.errors().first();
        }
        return "Trained for " + spec().steps() + " steps: held-out accuracy " + percent(result.heldOutAccuracy())
                + ", rank correlation " + rho() + ".";
    }

    // ---- the loss curve: x = step 0 … steps − 1, y = nats from 0 to the largest loss ----------------

    public static final double W = 340;
    public static final double H = 220;
    public static final double LEFT = 46;
    public static final double RIGHT = 16;
    public static final double TOP = 16;
    public static final double BOTTOM = 44;

    public double lossMax() {
        double m = 0;
        for (double l : result.lossPerStep()) {
            m = Math.max(m, l);
        }
        return Math.max(m, 1e-9);
    }

    public double lossX(int step) {
        int last = Math.max(1, result.lossPerStep().length - 1);
        return LEFT + (W - LEFT - RIGHT) * step / last;
    }

    public double lossY(double nats) {
        return TOP + (H - TOP - BOTTOM) * (1 - nats / lossMax());
    }

    public String lossLine() {
        StringBuilder b = new StringBuilder();
        double[] l = result.lossPerStep();
        for (int t = 0; t < l.length; t++) {
            b.append(Svg.coord(lossX(t))).append(',').append(Svg.coord(lossY(l[t]))).append(' ');
        }
        return b.toString().strip();
    }

    public String lossText() {
        double[] l = result.lossPerStep();
        return "Line chart of the mean training cross-entropy against the step, over " + l.length + " steps of Adam: it starts at "
                + shown(l[0]) + " nats and ends at " + shown(result.finalLoss()) + " nats after the last step (log V = "
                + shown(Math.log(spec().vocabulary())) + " nats is what guessing uniformly scores). Some steps are in the table below.";
    }

    /** About ten steps, evenly spaced, the first and the last included: the loss curve as a table. */
    public List<Integer> lossSteps() {
        int n = result.lossPerStep().length;
        List<Integer> out = new ArrayList<>();
        int every = Math.max(1, n / 10);
        for (int t = 0; t < n; t += every) {
            out.add(t);
        }
        if (out.get(out.size() - 1) != n - 1) {
            out.add(n - 1);
        }
        return out;
    }

    // ---- the scatter: x = I(y; x_i) in bits, y = the mean weight ------------------------------------

    public static final double SW = 340;
    public static final double SH = 260;

    public double bitsMin() {
        double m = 0;
        for (int i = 0; i < positions(); i++) {
            m = Math.min(m, Math.min(result.mutualInformationBits()[i], result.shuffledMeanBits()[i]));
        }
        return m;
    }

    public double bitsMax() {
        double m = 0;
        for (int i = 0; i < positions(); i++) {
            m = Math.max(m, Math.max(result.mutualInformationBits()[i], result.shuffledMaxBits()[i]));
        }
        double span = m - bitsMin();
        return m + Math.max(0.1 * span, 1e-3);
    }

    public double weightMax() {
        double m = 0;
        for (double w : result.meanWeights()) {
            m = Math.max(m, w);
        }
        return Math.min(1, Math.ceil(m * 10 + 1e-9) / 10);
    }

    public double scatterX(double bits) {
        return LEFT + (SW - LEFT - RIGHT) * (bits - bitsMin()) / (bitsMax() - bitsMin());
    }

    public double scatterY(double weight) {
        return TOP + (SH - TOP - BOTTOM) * (1 - weight / weightMax());
    }

    public String scatterText() {
        return "Scatter plot, one point per position: across, the estimate of I(y; x_i) in bits; up, the mean attention weight on "
                + "that position. A grey bar at each point's height runs from the mean to the largest of "
                + miexplorer.attention.learned.AttentionExperiment.SHUFFLES + " estimates with y shuffled. "
                + withinBaseline() + " of " + positions() + " positions are within their shuffled baseline. Spearman's rank correlation is "
                + rho() + ". All values are in the table below.";
    }

    /** The largest entropy attention over n positions can have, in bits. */
    public double maxEntropy() {
        return LogBase.TWO.log(positions());
    }
}
