package miexplorer.web.data;

import java.util.ArrayList;
import java.util.List;
import miexplorer.data.ContingencyTable;
import miexplorer.data.SampleEstimates;
import miexplorer.data.SampleReader;
import miexplorer.info.LogBase;
import miexplorer.web.FieldErrors;
import miexplorer.web.Format;
import miexplorer.web.Forms;
import miexplorer.web.shared.JointForm;
import miexplorer.web.shared.JointInput;
import miexplorer.web.shared.Kind;

/**
 * What the /data templates show: the settings and pasted text as typed, their messages, and for
 * data that could be read, the table (gathered for display), the estimates, the permutation test
 * and a link to the joint-table explorer.
 *
 * @param text the pasted text as typed (shown back in the form)
 * @param source where the data came from, for the result's heading ("pasted text", "file data.csv, 12 KB")
 * @param miUrl the /mi URL of the empirical table, or null when it does not fit (then {@code miNote} says why)
 */
public record DataView(DataSettings settings, String text, String source, FieldErrors errors, DataResult result,
        CountsView counts, PermutationRun permutations, String miUrl, String miNote) {

    public static final int DIGITS = 4;
    /** Pasted text up to this many characters gets a GET URL of its own (it must fit in a URL). */
    public static final int URL_TEXT = 2000;

    /** The example: 20 days of a forecast and the weather, the table [[8, 2], [3, 7]]. */
    public static final String EXAMPLE = "forecast,weather\nrain,rain\nrain,sun\nrain,rain\nrain,rain\nsun,sun\nsun,sun\n"
            + "sun,sun\nrain,rain\nrain,rain\nsun,sun\nsun,rain\nrain,rain\nsun,rain\nrain,rain\nsun,sun\nrain,rain\nsun,sun\n"
            + "sun,rain\nrain,sun\nsun,sun\n";

    public static DataView form(DataSettings s, String text, FieldErrors errors) {
        return new DataView(s, text, null, errors, null, null, null, null, null);
    }

    public static DataView of(DataSettings s, String text, String source, FieldErrors errors, DataResult r, PermutationRun run) {
        ContingencyTable t = r.table();
        String url = null;
        String note = null;
        if (t.rows() > JointForm.MAX_ROWS || t.cols() > JointForm.MAX_COLS) {
            note = "The table has " + t.rows() + " × " + t.cols() + " categories; the joint-table explorer takes at most "
                    + JointForm.MAX_ROWS + " × " + JointForm.MAX_COLS + ", so there is no link to it.";
        } else {
            JointInput in = jointInput(r.samples(), s.base());
            JointForm.Checked c = JointForm.check(in, new FieldErrors());
            if (c.ok()) {
                url = JointForm.canonicalUrl(in);
            } else {
                note = "The joint-table explorer cannot take these labels (" + c.errors().first()
                        + "), so there is no link to it.";
            }
        }
        return new DataView(s, text, source, errors, r, CountsView.of(t), run, url, note);
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
        return new JointInput(x, y, t.xCategories(), t.yCategories(), cells, Kind.COUNTS, base, JointInput.DEFAULT_DIGITS);
    }

    public boolean ok() {
        return result != null;
    }

    public SampleEstimates e() {
        return result.estimates();
    }

    public SampleReader.Samples samples() {
        return result.samples();
    }

    public String unit() {
        return settings.base().unit();
    }

    public String f(double v) {
        return Format.fixed(v, DIGITS);
    }

    /** A p-value: four decimals, or for small ones two significant digits with a power of ten. */
    public static String p(double p) {
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
        String said = "I(" + samples().xName() + "; " + samples().yName() + ") = " + f(e().mutualInformation()) + " " + unit()
                + " from " + e().n() + " pairs; G-test p = " + p(e().gTestPValue()) + ".";
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
        return DataRoutes.PATH + "?" + query(settings, text);
    }

    static final String PASTED = "pasted text";

    static String query(DataSettings s, String text) {
        StringBuilder u = new StringBuilder();
        u.append("text=").append(Forms.enc(text));
        if (!s.x().isEmpty()) {
            u.append("&x=").append(Forms.enc(s.x()));
        }
        if (!s.y().isEmpty()) {
            u.append("&y=").append(Forms.enc(s.y()));
        }
        if (!s.header()) {
            u.append("&header=false");
        }
        if (s.separator() != SampleReader.Separator.AUTO) {
            u.append("&sep=").append(s.separator().key());
        }
        if (s.xBins() > 0 || s.yBins() > 0) {
            u.append("&xbins=").append(s.xBins()).append("&ybins=").append(s.yBins()).append("&binning=").append(s.binning().key());
        }
        u.append("&base=").append(s.base().key());
        if (s.permutations() > 0) {
            u.append("&permutations=").append(s.permutations()).append("&seed=").append(s.seed());
        }
        return u.toString();
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
