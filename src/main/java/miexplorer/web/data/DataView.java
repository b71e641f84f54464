package miexplorer.web.data;

import java.util.ArrayList;
import java.util.List;
import miexplorer.data.ContingencyTable;
import miexplorer.data.NeighbourEstimate;
import miexplorer.data.SampleEstimates;
import miexplorer.data.SampleReader;
import miexplorer.info.LogBase;
import miexplorer.web.form.FieldErrors;
import miexplorer.web.form.Query;
import miexplorer.web.joint.JointInput;
import miexplorer.web.joint.Kind;
import miexplorer.web.joint.TableSettings;
import miexplorer.web.render.Decimals;
import miexplorer.web.render.Format;

/**
 * What the /data templates show: the settings and pasted text as typed, their messages, and for
 * data that could be read, the table (gathered for display), the estimates, the permutation test
 * and a link to the joint-table explorer.
 *
 * @param text the pasted text as typed (shown back in the form)
 * @param source where the data came from, for the result's heading ("pasted text", "file data.csv, 12 KB")
 * @param miUrl the /mi URL of the empirical table, or null when it does not fit (then {@code miNote} says why)
 * @param ksgPermutations the permutation test of the nearest-neighbour estimate, or null
 * @param chart the binned estimate against the number of bins, beside the nearest-neighbour estimate; or null
 * @param scatter the scatter plot of the pairs, when the nearest-neighbour estimate was asked for; or null
 */
public record DataView(DataSettings settings, String text, String source, FieldErrors errors, DataResult result,
        CountsView counts, PermutationRun permutations, String miUrl, String miNote, KsgRun ksgPermutations,
        BinningChart chart, ScatterPlot scatter) implements Decimals {

    public static final int DIGITS = 4;
    /** Pasted text up to this many characters gets a GET URL of its own (it must fit in a URL). */
    public static final int URL_TEXT = 2000;

    /** The example: 20 days of a forecast and the weather, the table [[8, 2], [3, 7]]. */
    public static final String EXAMPLE = "forecast,weather\nrain,rain\nrain,sun\nrain,rain\nrain,rain\nsun,sun\nsun,sun\n"
            + "sun,sun\nrain,rain\nrain,rain\nsun,sun\nsun,rain\nrain,rain\nsun,rain\nrain,rain\nsun,sun\nrain,rain\nsun,sun\n"
            + "sun,rain\nrain,sun\nsun,sun\n";

    public static DataView form(DataSettings s, String text, FieldErrors errors) {
        return new DataView(s, text, null, errors, null, null, null, null, null, null, null, null);
    }

    public static DataView of(DataSettings s, String text, String source, FieldErrors errors, DataResult r, PermutationRun run,
            KsgRun ksgRun) {
        ContingencyTable t = r.table();
        String url = null;
        String note = null;
        if (t.rows() > JointInput.MAX_ROWS || t.cols() > JointInput.MAX_COLS) {
            note = "The table has " + t.rows() + " × " + t.cols() + " categories; the joint-table explorer takes at most "
                    + JointInput.MAX_ROWS + " × " + JointInput.MAX_COLS + ", so there is no link to it.";
        } else {
            JointInput in = jointInput(r.samples(), s.base());
            JointInput.Checked c = in.check(new FieldErrors());
            if (c.ok()) {
                url = in.url();
            } else {
                note = "The joint-table explorer cannot take these labels (" + c.errors().first()
                        + "), so there is no link to it.";
            }
        }
        BinningChart chart = null;
        ScatterPlot scatter = null;
        if (r.knn() != null) {
            SampleReader.Values v = r.samples().values();
            chart = BinningChart.of(r.curve(), r.knn().nats(), s.base(), r.knn().method() == NeighbourEstimate.Method.KSG ? "KSG"
                    : "Ross", v.xNumeric() && v.yNumeric(), r.samples().xName(), r.samples().yName());
            scatter = ScatterPlot.of(r.samples());
        }
        return new DataView(s, text, source, errors, r, CountsView.of(t), run, url, note, ksgRun, chart, scatter);
    }

    /** The nearest-neighbour estimate, or null. */
    public NeighbourEstimate knn() {
        return result == null ? null : result.knn();
    }

    /** Whether the nearest-neighbour estimate was asked for and the data could be read. */
    public boolean ksgAsked() {
        return ok() && settings.ksg();
    }

    /** The nearest-neighbour estimate in the unit, to three decimals (its spread makes more meaningless). */
    public String ksgValue() {
        return Format.fixed(knn().nats() * toUnit(), 3);
    }

    private double toUnit() {
        return settings.base() == LogBase.E ? 1 : settings.base().log(Math.E);
    }

    /** The estimator's name as the page gives it: "KSG" or "Ross". */
    public String ksgName() {
        return knn().method() == NeighbourEstimate.Method.KSG ? "KSG" : "Ross";
    }

    /** Which column is numeric and which categorical, and so which estimator, in a sentence. */
    public String ksgWhy() {
        SampleReader.Samples sm = samples();
        String x = sm.xName();
        String y = sm.yName();
        if (knn() == null) {
            return "Both " + x + " and " + y + " are read as categories (most of their values are not numbers), so there is no"
                    + " nearest-neighbour estimate: the plug-in estimate from the table of counts below is the estimate for them.";
        }
        if (knn().method() == NeighbourEstimate.Method.KSG) {
            return "Both columns are numeric, so this is the Kraskov–Stögbauer–Grassberger estimate (KSG, algorithm 1, max-norm),"
                    + " as scikit-learn's mutual_info_regression computes it, with k = " + knn().k() + " neighbours.";
        }
        String numeric = knn().numericIsX() ? x : y;
        String labels = knn().numericIsX() ? y : x;
        return (knn().numericIsX() ? x + " is numeric and " + y + " categorical" : x + " is categorical and " + y + " numeric")
                + ", so this is Ross's estimate (2014), as scikit-learn's mutual_info_classif computes it, with k = " + knn().k()
                + " neighbours: " + numeric + " is the continuous variable and the categories of " + labels + " are the labels"
                + (knn().numericIsX() ? "." : " (I(X; Y) = I(Y; X), so which is X does not matter).");
    }

    /** What was done about repeated values, when there are some; else null. */
    public String tieNote() {
        NeighbourEstimate e = knn();
        return e == null || !e.ties() ? null : tieSentence(e, samples());
    }

    /** Ties found and what the estimator did about them: the page's note and the API's. */
    static String tieSentence(NeighbourEstimate e, SampleReader.Samples sm) {
        List<String> parts = new ArrayList<>();
        if (e.tiedX() > 0) {
            parts.add(plural(e.tiedX(), "row", "rows") + " of " + sm.xName());
        }
        if (e.tiedY() > 0) {
            parts.add(plural(e.tiedY(), "row", "rows") + " of " + sm.yName());
        }
        return "Ties: " + String.join(" and ", parts) + " repeat another row's value (of " + e.n() + " pairs)"
                + (e.repeatedPairs() > 0 ? ", and " + plural(e.repeatedPairs(), "row repeats", "rows repeat") + " another row's pair" : "")
                + ". The estimator assumes continuous data, where no two values are equal. As scikit-learn does, it adds to every"
                + " value of a numeric column a tiny noise, 10⁻¹⁰ of its spread times a standard normal number, drawn with the seed "
                + e.seed() + " (numpy's RandomState, scikit-learn's random_state), so that equal values get an order. With many ties"
                + " the estimate depends on that order, so read it with care; the same seed always gives the same estimate.";
    }

    /** The sentence on the estimate's precision. */
    public String ksgSpread() {
        return "Like any estimate from a sample it varies from sample to sample: by about 0.01 nats for 10⁴ pairs, more for fewer,"
                + " so read the third decimal as rough.";
    }


    /** The empirical table as the joint-table explorer's input: counts, which it divides by N. */
    static JointInput jointInput(SampleReader.Samples s, LogBase base) {
        ContingencyTable t = s.table();
        List<List<String>> cells = new ArrayList<>();
        for (int i = 0; i < t.rows(); i++) {
            List<String> row = new ArrayList<>();
            for (int j = 0; j < t.cols(); j++) {
                row.add(String.valueOf(t.count(i, j)));
            }
            cells.add(row);
        }
        String x = s.xName().isBlank() ? "X" : s.xName();
        String y = s.yName().isBlank() ? "Y" : s.yName();
        return new JointInput(x, y, t.xCategories(), t.yCategories(), cells, Kind.COUNTS, base, TableSettings.DEFAULT_DIGITS);
    }

    public boolean ok() {
        return result != null;
    }

    public SampleEstimates estimates() {
        return result.estimates();
    }

    public SampleReader.Samples samples() {
        return result.samples();
    }

    public String unit() {
        return settings.base().unit();
    }

    @Override
    public int digits() {
        return DIGITS;
    }

    /** A p-value: four decimals, or for small ones two significant digits with a power of ten. */
    public static String pValue(double p) {
        if (Double.isNaN(p)) {
            return "undefined";
        }
        if (p >= 0.001) {
            return Format.fixed(p, 4);
        }
        if (p == 0) {
            return "below 10⁻³⁰⁰";
        }
        String s = String.format(java.util.Locale.ROOT, "%.1e", p);
        int e = s.indexOf('e');
        return s.substring(0, e) + " × 10" + superscript(Integer.parseInt(s.substring(e + 1)));
    }

    private static String superscript(int n) {
        String digits = "⁰¹²³⁴⁵⁶⁷⁸⁹";
        StringBuilder sb = new StringBuilder(n < 0 ? "⁻" : "");
        for (char c : String.valueOf(Math.abs(n)).toCharArray()) {
            sb.append(digits.charAt(c - '0'));
        }
        return sb.toString();
    }

    public boolean has(String field) {
        return errors.has(field);
    }

    /** For screen readers, after an htmx update. */
    public String announcement() {
        if (!ok()) {
            return errors.isEmpty() ? "" : "Not computed: " + errors.first();
        }
        String said = "I(" + samples().xName() + "; " + samples().yName() + ") = " + shown(estimates().mutualInformation()) + " " + unit()
                + " from " + estimates().n() + " pairs; G-test p = " + pValue(estimates().gTestPValue()) + ".";
        if (knn() != null) {
            said = ksgName() + " estimate of I(" + samples().xName() + "; " + samples().yName() + ") = " + ksgValue() + " " + unit()
                    + " from " + knn().n() + " pairs. Plug-in estimate from the table: " + shown(estimates().mutualInformation()) + " " + unit()
                    + "; G-test p = " + pValue(estimates().gTestPValue()) + ".";
            if (ksgPermutations != null) {
                said += ksgPermutations.running() ? " " + ksgPermutations.spokenName() + " running: " + ksgPermutations.total()
                        + " shuffles." : " " + ksgPermutations.announcement();
            }
        }
        if (permutations != null) {
            said += permutations.running() ? " Permutation test running: " + permutations.total() + " shuffles."
                    : " " + permutations.announcement();
        }
        return said;
    }

    /** The GET URL of this state, for small pasted data; null otherwise. */
    public String canonicalUrl() {
        if (text == null || text.isEmpty() || text.length() > URL_TEXT || source == null || !source.equals(PASTED)) {
            return null;
        }
        return settingsQuery(new Query().add("text", text), settings).on(DataRoutes.PATH);
    }

    static final String PASTED = "pasted text";

    /** The settings written into a query string (after the data, when it has any): the GET URL's, and what a KSG test's steps carry. */
    static Query settingsQuery(Query q, DataSettings s) {
        if (!s.x().isEmpty()) {
            q.add("x", s.x());
        }
        if (!s.y().isEmpty()) {
            q.add("y", s.y());
        }
        if (!s.header()) {
            q.add("header", "false");
        }
        if (s.separator() != SampleReader.Separator.AUTO) {
            q.add("sep", s.separator().key());
        }
        if (s.xBins() > 0 || s.yBins() > 0) {
            q.add("xbins", s.xBins()).add("ybins", s.yBins()).add("binning", s.binning().key());
        }
        q.add("base", s.base().key());
        if (s.ksg()) {
            q.add("estimator", "ksg").add("k", s.k());
        }
        if (s.permutations() > 0) {
            q.add("permutations", s.permutations());
        }
        if (s.permutations() > 0 || s.ksg()) {
            q.add("seed", s.seed());
        }
        return q;
    }

    private static final java.security.SecureRandom NONCES = new java.security.SecureRandom();

    /** A fresh random token, so each rendering of a running test's form differs from the last. */
    public static String nonce() {
        return Long.toHexString(NONCES.nextLong());
    }

    /** "1 row", "12 rows". */
    public static String plural(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
