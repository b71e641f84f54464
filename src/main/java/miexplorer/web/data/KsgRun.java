package miexplorer.web.data;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import miexplorer.data.NeighbourEstimate;
import miexplorer.data.Parallel;
import miexplorer.data.PermutationTest;
import miexplorer.data.SampleReader;
import miexplorer.web.form.Query;

/**
 * A permutation test of the nearest-neighbour estimate (KSG or Ross) in progress, carried by the page.
 * Unlike the plug-in test's, its state cannot be a small table: each shuffle needs the data itself. So
 * each step reads the data again, from the pasted text (which travels in the step's form) or from the
 * file (which the page, with JavaScript, sends again with each step), with the settings that travel
 * with it; a checksum of the columns and the estimator's settings, taken when the test started, makes
 * sure every step tests the same data. Shuffle k draws its own permutation from a generator seeded from
 * (seed, k), so a test split into steps gives exactly what one run gives.
 *
 * @param settings the settings as a query string ({@link DataView#settingsQuery})
 * @param text the pasted text, or null when the data came as a file
 * @param method the estimator tested
 * @param check the checksum of the data tested ({@link #check})
 * @param note why the test stopped, when it was not the person's Stop; else null
 */
public record KsgRun(String settings, String text, NeighbourEstimate.Method method, String check, long seed, long total,
        long done, long atLeastAsLarge, boolean stopped, String note) implements PermutationSteps {

    /** The work of one step with JavaScript, in the units of {@link PermutationRun#CHUNK_WORK}: about 0.6 s. */
    public static final long CHUNK_WORK = 3 * PermutationRun.CHUNK_WORK;

    /** Shuffles one step may do. */
    static long chunk(NeighbourEstimate e, long work) {
        return Math.max(1, work / NeighbourEstimate.shuffleWork(e.n(), e.k()));
    }

    /** Starts a test of {@code e}, doing as many shuffles as {@code work} allows now. */
    static KsgRun start(NeighbourEstimate e, SampleReader.Values v, DataSettings s, String text, long total, long work,
            Parallel threads) {
        return new KsgRun(DataView.settingsQuery(new Query(), s).toString(), text, e.method(), check(v, e.k(), e.seed()), e.seed(), total, 0, 0, false,
                null).step(e, work, threads);
    }

    /**
     * The next step: up to {@code work}'s worth of shuffles more, each on {@code threads} (a step is then
     * quicker; the shuffles and the tally are the same whatever the threads).
     */
    KsgRun step(NeighbourEstimate e, long work, Parallel threads) {
        long to = Math.min(total, done + chunk(e, work));
        PermutationTest.Tally tally = new PermutationTest.Tally(done, atLeastAsLarge)
                .plus(PermutationTest.run(e.n(), order -> e.rawNatsPermuted(order, threads), e.rawNats(), seed, done, to));
        return new KsgRun(settings, text, method, check, seed, total, tally.done(), tally.atLeastAsLarge(), false, null);
    }

    KsgRun stop() {
        return new KsgRun(settings, text, method, check, seed, total, done, atLeastAsLarge, true, null);
    }

    /** Stopped for a reason the page shows (the data changed, the file is missing). */
    KsgRun stop(String why) {
        return new KsgRun(settings, text, method, check, seed, total, done, atLeastAsLarge, true, why);
    }

    /** The settings the test started with, read back. */
    DataSettings readSettings() {
        return DataSettings.read(parseQuery(settings), new miexplorer.web.form.FieldErrors());
    }

    /**
     * A checksum of what the estimate depends on: the columns as used (numbers to the bit, category codes),
     * k and the seed. Not a secret: it only tells a step that the data sent with it is the data the test began on.
     */
    static String check(SampleReader.Values v, int k, long seed) {
        long h = mix(0x9E3779B97F4A7C15L, k);
        h = mix(h, seed);
        for (Object column : new Object[] {v.xNumbers(), v.yNumbers(), v.xCodes(), v.yCodes()}) {
            if (column instanceof double[] d) {
                h = mix(h, d.length);
                for (double value : d) {
                    h = mix(h, Double.doubleToLongBits(value));
                }
            } else if (column instanceof int[] c) {
                h = mix(h, -c.length);
                for (int value : c) {
                    h = mix(h, value);
                }
            } else {
                h = mix(h, 0x5EED);
            }
        }
        return Long.toHexString(h);
    }

    private static long mix(long h, long v) {
        long z = (h ^ v) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    @Override
    public String sectionId() {
        return "ksg-permutation";
    }

    @Override
    public String prefix() {
        return "ksg-perm";
    }

    @Override
    public String heading() {
        return "Permutation test of the " + name() + " estimate";
    }

    @Override
    public String spokenName() {
        return name() + " permutation test";
    }

    private String name() {
        return method == NeighbourEstimate.Method.KSG ? "KSG" : "Ross";
    }

    @Override
    public String statistic() {
        return "the observed " + name() + " estimate";
    }

    @Override
    public boolean file() {
        return text == null;
    }

    @Override
    public Map<String, String> hidden() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("test", "ksg");
        h.put("settings", settings);
        h.put("source", text == null ? "file" : "text");
        h.put("method", method.key());
        h.put("check", check);
        h.put("total", String.valueOf(total));
        h.put("done", String.valueOf(done));
        h.put("atleast", String.valueOf(atLeastAsLarge));
        return h;
    }

    /** Whether a step form's fields are a KSG test's. */
    static boolean isKsg(Map<String, List<String>> params) {
        return "ksg".equals(PermutationRun.first(params, "test"));
    }

    /** The state from a step form; the pasted text is the form's {@code text} when the source is text. */
    static KsgRun read(Map<String, List<String>> params, String text) {
        String settings = PermutationRun.first(params, "settings");
        String source = PermutationRun.first(params, "source");
        String check = PermutationRun.first(params, "check");
        String methodKey = PermutationRun.first(params, "method");
        if (settings == null || check == null || !("text".equals(source) || "file".equals(source))) {
            throw new IllegalArgumentException("the test's settings, source or checksum is missing");
        }
        NeighbourEstimate.Method method = null;
        for (NeighbourEstimate.Method m : NeighbourEstimate.Method.values()) {
            if (m.key().equals(methodKey)) {
                method = m;
            }
        }
        if (method == null) {
            throw new IllegalArgumentException("the estimator is missing or unknown");
        }
        long total = PermutationRun.number(PermutationRun.first(params, "total"), "total", 1);
        long done = PermutationRun.number(PermutationRun.first(params, "done"), "done", 0);
        long atLeast = PermutationRun.number(PermutationRun.first(params, "atleast"), "atleast", 0);
        if (total > DataSettings.MAX_PERMUTATIONS || done > total || atLeast > done) {
            throw new IllegalArgumentException("the counts of shuffles do not fit together");
        }
        miexplorer.web.form.FieldErrors errors = new miexplorer.web.form.FieldErrors();
        DataSettings s = DataSettings.read(parseQuery(settings), errors);
        if (!errors.isEmpty() || !s.ksg()) {
            throw new IllegalArgumentException("the settings are not valid");
        }
        return new KsgRun(settings, "text".equals(source) ? (text == null ? "" : text) : null, method, check, s.seed(), total,
                done, atLeast, false, null);
    }

    /** A query string ("a=1&b=x+y") as a map of its values, in order. */
    static Map<String, List<String>> parseQuery(String query) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
        return out;
    }
}
