package miexplorer.web.course;

import java.util.ArrayList;
import java.util.List;
import miexplorer.info.Analysis;
import miexplorer.info.Conditional;
import miexplorer.info.Entropy;
import miexplorer.info.JointDistribution;
import miexplorer.info.LogBase;
import miexplorer.info.ThreeWayAnalysis;
import miexplorer.info.ThreeWayDistribution;
import miexplorer.web.explorer.EmbeddedExplorer;
import miexplorer.web.form.NumberInput;
import miexplorer.web.joint.JointInput;
import miexplorer.web.render.Decimals;
import miexplorer.web.render.Format;
import miexplorer.web.site.Site;

/**
 * The lesson at {@code /}: its three live explorers and every number its text quotes, computed here by
 * the same maths as the explorers, so the prose can never disagree with the tables it talks about.
 * The explorers themselves, their examples and the attention example's variations come from the
 * explorers' own packages, handed over by {@code App}. All values are in bits.
 *
 * @param canonical the lesson's absolute URL
 * @param explorer the live joint-table explorer, set to the tutorial's weather table
 * @param attention the live attention explorer, set to two queries that prefer different keys
 * @param tries what the attention section's things to try lead to
 * @param weather the weather table's analysis
 * @param swapped the same table with X and Y swapped (forecast as X), for symmetry
 * @param rows one row per example of the joint-table explorer, for the properties table
 * @param cmi the live three-variable explorer, set to the exclusive-or example
 * @param xor that example's analysis; {@code commonCause} the common-cause example's
 */
public record Lesson(String canonical, EmbeddedExplorer explorer, EmbeddedExplorer attention, Tries tries,
        Analysis weather, Analysis swapped, List<Row> rows, EmbeddedExplorer cmi, CmiFigures xor, CmiFigures commonCause) implements Decimals {
    public static final String TITLE = "Mutual information, step by step · MI Explorer";
    public static final String DESCRIPTION = "A short course on mutual information: entropy, conditional entropy, "
            + "I(X; Y) and its properties, worked live on a weather forecast, and what it does (and does not) say about attention.";

    /**
     * I(query; key), in bits, of the lesson's attention example after each thing its text suggests,
     * worked out by the attention explorer's own model ({@link AttentionTry}).
     *
     * @param bothRight the first query set to 0, 2 as well
     * @param scaled as it starts, with the √dₖ division
     * @param unscaled without it
     */
    public record Tries(double bothRight, double scaled, double unscaled) {
        static Tries of(AttentionTry attention) {
            return new Tries(attention.mutualInformation("0, 2", true), attention.mutualInformation("2, 0", true),
                    attention.mutualInformation("2, 0", false));
        }
    }

    /** A preset's numbers, for the table that shows the properties on every example at once. */
    public record Row(String title, String path, double hX, double hY, double mi, double miSwapped) {
        public double bound() {
            return Math.min(hX, hY);
        }
    }

    /** One of the three-variable examples the lesson talks about: its address and its numbers. */
    public record CmiFigures(String title, String path, ThreeWayAnalysis analysis) {
        static CmiFigures of(List<CmiExample> examples, String slug) {
            CmiExample e = examples.stream().filter(x -> x.example().slug().equals(slug)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("the lesson needs the three-variable example " + slug));
            return new CmiFigures(e.example().title(), e.example().path(),
                    ThreeWayAnalysis.of(ThreeWayDistribution.fromWeights(e.weights()), LogBase.TWO));
        }
    }

    /**
     * @param explorer the joint-table explorer, set to the weather table, in the lesson's placement
     * @param examples the joint-table explorer's examples, for the properties table
     * @param attention the attention explorer, set to the example its section talks about
     * @param attentionTry what the edits that section suggests do to that example
     * @param cmi the three-variable explorer, set to the exclusive-or example
     * @param cmiExamples its examples, of which the lesson quotes two
     */
    public static Lesson build(Site site, EmbeddedExplorer explorer, List<JointExample> examples, EmbeddedExplorer attention,
            AttentionTry attentionTry, EmbeddedExplorer cmi, List<CmiExample> cmiExamples) {
        Analysis weather = analyse(JointInput.weather());
        Analysis swapped = Analysis.of(weather.table().transpose(), LogBase.TWO);
        List<Row> rows = new ArrayList<>();
        for (JointExample e : examples) {
            Analysis a = analyse(e.table());
            Analysis t = Analysis.of(a.table().transpose(), LogBase.TWO);
            rows.add(new Row(e.example().title(), e.example().path(), a.entropyX(), a.entropyY(), a.mutualInformation(),
                    t.mutualInformation()));
        }
        return new Lesson(site.absolute("/"), explorer, attention, Tries.of(attentionTry), weather, swapped, List.copyOf(rows),
                cmi, CmiFigures.of(cmiExamples, "cmi-xor"), CmiFigures.of(cmiExamples, "cmi-common-cause"));
    }

    private static Analysis analyse(JointInput in) {
        double[][] w = new double[in.rows()][in.cols()];
        for (int i = 0; i < in.rows(); i++) {
            for (int j = 0; j < in.cols(); j++) {
                w[i][j] = NumberInput.parse(in.cell(i, j)).value();
            }
        }
        return Analysis.of(JointDistribution.fromWeights(w), LogBase.TWO);
    }

    // ---- numbers the text quotes ---------------------------------------------------------------

    /** Three decimals, as the explorer shows by default. */
    @Override
    public int digits() {
        return 3;
    }

    public String bits(double v) {
        return shown(v) + " bits";
    }

    public String percent(double v) {
        return Format.percent(v, 3);
    }

    /** H of a distribution, in bits. */
    public double entropy(double... p) {
        return Entropy.of(p, LogBase.TWO);
    }

    /** H of a fair die: six equally likely faces. */
    public double die() {
        double[] p = new double[6];
        java.util.Arrays.fill(p, 1.0 / 6);
        return entropy(p);
    }

    /** −log₂ p: the surprise of an outcome with probability p. */
    public double surprise(double p) {
        return -LogBase.TWO.log(p);
    }

    /** P(Y = y_j) in the weather table (0: forecast rain, 1: forecast sun). */
    public double pForecast(int j) {
        return weather.table().py(j);
    }

    /** P(X = x_i) in the weather table (0: rain, 1: sun). */
    public double pWeather(int i) {
        return weather.table().px(i);
    }

    /** The weather given forecast j: its distribution's entropy H(X | Y = y_j). */
    public Conditional givenForecast(int j) {
        return weather.xGivenY().get(j);
    }

    /** The explorer's URL for the weather table with X and Y swapped. */
    public String swappedUrl() {
        return JointInput.weather().transposed().url();
    }
}
