package miexplorer.web.data;

import java.util.List;
import java.util.Map;
import miexplorer.data.Binning;
import miexplorer.data.SampleReader;
import miexplorer.info.LogBase;
import miexplorer.web.FieldErrors;

/**
 * How to read and analyse the samples, as typed (so a form can show it back) and as values. The
 * page and the API read the same parameters with the same rules:
 * {@code x}, {@code y} (a column name or a 0-based position; default the first two columns),
 * {@code header} ({@code true}/{@code false}, default true), {@code sep} ({@code auto}, {@code comma},
 * {@code tab}, {@code semicolon}), {@code bins} (for both columns; {@code xbins}, {@code ybins} for
 * one: 0 = categories, k ≥ 1 = k bins of a numeric column), {@code binning} ({@code width},
 * {@code frequency}), {@code base} ({@code 2}, {@code e}, {@code 10}), {@code permutations} (0 for
 * none) and {@code seed}.
 */
public record DataSettings(String x, String y, boolean header, SampleReader.Separator separator, String xBinsText,
        String yBinsText, Binning binning, LogBase base, String permutationsText, String seedText) {

    public static final int MAX_PERMUTATIONS = 100_000;
    public static final long DEFAULT_SEED = 1;
    public static final int DEFAULT_PERMUTATIONS_ON_PAGE = 999;

    public static DataSettings defaults() {
        return new DataSettings("", "", true, SampleReader.Separator.AUTO, "0", "0", Binning.WIDTH, LogBase.TWO, "0",
                String.valueOf(DEFAULT_SEED));
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
        DataSettings s = new DataSettings(x, y, header, sep, xBins, yBins, binning, base, permutations, seed);
        String binsField = params.containsKey("xbins") || params.containsKey("ybins") ? null : "bins";
        s.bins(xBins, binsField == null ? "xbins" : binsField, errors);
        s.bins(yBins, binsField == null ? "ybins" : binsField, errors);
        s.permutations(errors);
        s.seed(errors);
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
                binning, maxBytes);
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
