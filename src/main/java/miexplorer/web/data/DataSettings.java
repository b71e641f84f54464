package miexplorer.web.data;

import java.util.List;
import java.util.Map;
import miexplorer.data.Binning;
import miexplorer.data.SampleReader;
import miexplorer.info.LogBase;
import miexplorer.web.form.FieldErrors;

/**
 * How to read and analyse the samples, as typed (so a form can show it back) and as values. The
 * page and the API read the same parameters with the same rules:
 * {@code x}, {@code y} (a column name or a 0-based position; default the first two columns),
 * {@code header} ({@code true}/{@code false}, default true), {@code sep} ({@code auto}, {@code comma},
 * {@code tab}, {@code semicolon}), {@code bins} (for both columns; {@code xbins}, {@code ybins} for
 * one: 0 = categories, k ≥ 1 = k bins of a numeric column), {@code binning} ({@code width},
 * {@code frequency}), {@code base} ({@code 2}, {@code e}, {@code 10}), {@code permutations} (0 for
 * none), {@code seed}, {@code estimator} ({@code plugin}, {@code ksg}) and {@code k} (1 to 50).
 */
public record DataSettings(String x, String y, boolean header, SampleReader.Separator separator, String xBinsText,
        String yBinsText, Binning binning, LogBase base, String permutationsText, String seedText, Estimator estimator,
        String kText) {

    public static final int MAX_PERMUTATIONS = 100_000;
    public static final long DEFAULT_SEED = 1;
    public static final int DEFAULT_PERMUTATIONS_ON_PAGE = 999;
    /** The largest seed of the nearest-neighbour estimators' noise: numpy's RandomState takes 0 to 2³² − 1. */
    public static final long MAX_NOISE_SEED = 0xFFFF_FFFFL;

    /**
     * What to estimate: the plug-in estimate from the table of counts only, or also the nearest-neighbour
     * estimate (KSG for two numeric columns, Ross's for a numeric and a categorical one).
     */
    public enum Estimator {
        PLUGIN("plugin"), KSG("ksg");

        private final String key;

        Estimator(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }

        static Estimator fromKey(String key) {
            for (Estimator e : values()) {
                if (e.key.equals(key)) {
                    return e;
                }
            }
            return null;
        }
    }

    public static DataSettings defaults() {
        return new DataSettings("", "", true, SampleReader.Separator.AUTO, "0", "0", Binning.WIDTH, LogBase.TWO, "0",
                String.valueOf(DEFAULT_SEED), Estimator.PLUGIN, String.valueOf(miexplorer.data.Ksg.DEFAULT_K));
    }

    /** The settings in {@code params}; each setting that cannot be used gets a message under its name. */
    public static DataSettings read(Map<String, List<String>> params, FieldErrors errors) {
        String x = text(params, "x", "");
        String y = text(params, "y", "");
        if (x.length() > SampleReader.MAX_COLUMN_NAME) {
            errors.add("x", "Too long: a column name here has at most " + SampleReader.MAX_COLUMN_NAME + " characters.");
        }
        if (y.length() > SampleReader.MAX_COLUMN_NAME) {
            errors.add("y", "Too long: a column name here has at most " + SampleReader.MAX_COLUMN_NAME + " characters.");
        }
        boolean header = true;
        List<String> h = params.get("header");
        if (h != null && !h.isEmpty()) {
            // A form sends a hidden "false" then, when ticked, the checkbox's "true": the last one counts.
            String v = h.get(h.size() - 1).strip();
            if (v.equals("false") || v.equals("0")) {
                header = false;
            } else if (!v.equals("true") && !v.equals("1")) {
                errors.add("header", "“" + v + "” is not true or false.");
            }
        }
        String sepText = text(params, "sep", "auto");
        SampleReader.Separator sep = SampleReader.Separator.fromKey(sepText);
        if (sep == null) {
            errors.add("sep", "“" + sepText + "” is not a separator offered here: use auto, comma, tab or semicolon.");
            sep = SampleReader.Separator.AUTO;
        }
        String bins = text(params, "bins", "0");
        String xBins = text(params, "xbins", bins);
        String yBins = text(params, "ybins", bins);
        String binningText = text(params, "binning", "width");
        Binning binning = Binning.fromKey(binningText);
        if (binning == null) {
            errors.add("binning", "“" + binningText + "” is not a binning offered here: use width or frequency.");
            binning = Binning.WIDTH;
        }
        String baseText = text(params, "base", "2");
        LogBase base = LogBase.fromKey(baseText);
        if (base == null) {
            errors.add("base", "“" + baseText + "” is not a log base offered here: use 2, e or 10.");
            base = LogBase.TWO;
        }
        String permutations = text(params, "permutations", "0");
        String seed = text(params, "seed", String.valueOf(DEFAULT_SEED));
        String estimatorText = text(params, "estimator", Estimator.PLUGIN.key());
        Estimator estimator = Estimator.fromKey(estimatorText);
        if (estimator == null) {
            errors.add("estimator", "“" + shorten(estimatorText) + "” is not an estimator offered here: use plugin or ksg.");
            estimator = Estimator.PLUGIN;
        }
        String k = text(params, "k", String.valueOf(miexplorer.data.Ksg.DEFAULT_K));
        DataSettings s = new DataSettings(x, y, header, sep, xBins, yBins, binning, base, permutations, seed, estimator, k);
        String binsField = params.containsKey("xbins") || params.containsKey("ybins") ? null : "bins";
        s.bins(xBins, binsField == null ? "xbins" : binsField, errors);
        s.bins(yBins, binsField == null ? "ybins" : binsField, errors);
        s.permutations(errors);
        s.seed(errors);
        s.k(errors);
        if (estimator == Estimator.KSG && !errors.has("seed") && (s.seed() < 0 || s.seed() > MAX_NOISE_SEED)) {
            errors.add("seed", "“" + shorten(seed) + "”: with the nearest-neighbour estimator the seed also draws the tiny noise"
                    + " that breaks ties (numpy's RandomState, as scikit-learn's random_state), so give a whole number from 0 to "
                    + MAX_NOISE_SEED + ".");
        }
        return s;
    }

    private static String text(Map<String, List<String>> params, String key, String otherwise) {
        List<String> v = params.get(key);
        if (v == null || v.isEmpty()) {
            return otherwise;
        }
        String s = v.get(v.size() - 1).strip();
        return s.isEmpty() && !key.equals("x") && !key.equals("y") ? otherwise : s;
    }

    private int bins(String text, String field, FieldErrors errors) {
        int k = whole(text);
        if (k < 0 || k > SampleReader.MAX_BINS) {
            if (errors != null) {
                errors.add(field, "“" + shorten(text) + "” bins: give a whole number from 0 (the values are categories) to "
                        + SampleReader.MAX_BINS + ".");
            }
            return 0;
        }
        return k;
    }

    public int xBins() {
        return bins(xBinsText, "xbins", null);
    }

    public int yBins() {
        return bins(yBinsText, "ybins", null);
    }

    /** The number of shuffles asked for (0 for no permutation test). */
    public int permutations() {
        return permutations(null);
    }

    private int permutations(FieldErrors errors) {
        int p = whole(permutationsText);
        if (p < 0 || p > MAX_PERMUTATIONS) {
            if (errors != null) {
                errors.add("permutations", "“" + shorten(permutationsText) + "” permutations: give a whole number from 0 (no test) to "
                        + MAX_PERMUTATIONS + ".");
            }
            return 0;
        }
        return p;
    }

    public long seed() {
        return seed(null);
    }

    /** Whether the nearest-neighbour estimate is asked for. */
    public boolean ksg() {
        return estimator == Estimator.KSG;
    }

    /** The number of neighbours k (the default 3 when the text is not one). */
    public int k() {
        return k(null);
    }

    private int k(FieldErrors errors) {
        int k = whole(kText);
        if (k < miexplorer.data.Ksg.MIN_K || k > miexplorer.data.Ksg.MAX_K) {
            if (errors != null) {
                errors.add("k", "“" + shorten(kText) + "” neighbours: give a whole number from " + miexplorer.data.Ksg.MIN_K
                        + " to " + miexplorer.data.Ksg.MAX_K + " (3 is usual: more neighbours, less variance and more bias).");
            }
            return miexplorer.data.Ksg.DEFAULT_K;
        }
        return k;
    }

    private long seed(FieldErrors errors) {
        try {
            return Long.parseLong(seedText);
        } catch (NumberFormatException e) {
            if (errors != null) {
                errors.add("seed", "“" + shorten(seedText) + "” is not a whole number; any whole number will do as a seed, "
                        + "and the same seed gives the same shuffles.");
            }
            return DEFAULT_SEED;
        }
    }

    /** The reader's options for these settings, reading at most {@code maxBytes}. */
    public SampleReader.Options options(long maxBytes) {
        return new SampleReader.Options(x.isEmpty() ? null : x, y.isEmpty() ? null : y, header, separator, xBins(), yBins(),
                binning, maxBytes, ksg());
    }

    private static int whole(String s) {
        if (s.isEmpty() || s.length() > 9 || !s.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        return Integer.parseInt(s);
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
