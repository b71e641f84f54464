package miexplorer.web.data;

import java.util.List;
import java.util.Map;
import miexplorer.data.ContingencyTable;
import miexplorer.data.PermutationTest;
import miexplorer.data.SampleReader;

/**
 * A permutation test in progress, carried by the page rather than kept on the server: the table of
 * counts (all the test needs), the seed, how many shuffles were asked for, how many are done and how
 * many of those were at least as extreme. Each request does the next chunk and hands the state back,
 * so a long test shows its progress and can be stopped, and any server can continue it.
 *
 * @param table the counts, rows split by {@code ;} and cells by {@code ,}
 */
public record PermutationRun(String table, long seed, long total, long done, long atLeastAsLarge, boolean stopped)
        implements PermutationSteps {

    /** The most cells a table may have for a test run in steps (the table travels with each step). */
    public static final int MAX_CELLS = 10_000;
    /** The work (shuffles × (observations + cells)) of one step: about a fifth of a second here. */
    public static final long CHUNK_WORK = 20_000_000L;

    public static String encode(ContingencyTable t) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < t.rows(); i++) {
            if (i > 0) {
                sb.append(';');
            }
            for (int j = 0; j < t.cols(); j++) {
                if (j > 0) {
                    sb.append(',');
                }
                sb.append(t.count(i, j));
            }
        }
        return sb.toString();
    }

    /** The counts back from {@link #encode}, checked; IllegalArgumentException when they are not a table. */
    public static ContingencyTable decode(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_CELLS * 12) {
            throw new IllegalArgumentException("the table of counts is missing or too large");
        }
        String[] rows = text.split(";", -1);
        int cols = rows[0].split(",", -1).length;
        if ((long) rows.length * cols > MAX_CELLS) {
            throw new IllegalArgumentException("the table has more than " + MAX_CELLS + " cells");
        }
        long[][] counts = new long[rows.length][];
        long n = 0;
        for (int i = 0; i < rows.length; i++) {
            String[] cells = rows[i].split(",", -1);
            if (cells.length != cols) {
                throw new IllegalArgumentException("row " + i + " of the table has " + cells.length + " cells, not " + cols);
            }
            counts[i] = new long[cols];
            for (int j = 0; j < cols; j++) {
                if (!cells[j].matches("\\d{1,10}")) {
                    throw new IllegalArgumentException("cell (" + i + ", " + j + ") of the table is not a count");
                }
                counts[i][j] = Long.parseLong(cells[j]);
                n += counts[i][j];
            }
        }
        if (n > SampleReader.MAX_ROWS) {
            throw new IllegalArgumentException("the table holds more than " + SampleReader.MAX_ROWS + " observations");
        }
        return new ContingencyTable(numbered(rows.length), numbered(cols), counts);
    }

    private static List<String> numbered(int k) {
        return java.util.stream.IntStream.range(0, k).mapToObj(String::valueOf).toList();
    }

    /** Shuffles one step may do for this table. */
    public static long chunk(ContingencyTable t, long work) {
        return Math.max(1, work / (t.n() + (long) t.rows() * t.cols()));
    }

    /** Starts a test on {@code t}, doing as many shuffles as {@code work} allows now. */
    public static PermutationRun start(ContingencyTable t, long seed, long total, long work) {
        return new PermutationRun(encode(t), seed, total, 0, 0, false).step(t, work);
    }

    /** The next step: up to {@code work}'s worth of shuffles more. */
    public PermutationRun step(ContingencyTable t, long work) {
        long to = Math.min(total, done + chunk(t, work));
        PermutationTest.Tally tally = new PermutationTest.Tally(done, atLeastAsLarge).plus(PermutationTest.run(t, seed, done, to));
        return new PermutationRun(table, seed, total, tally.done(), tally.atLeastAsLarge(), false);
    }

    public PermutationRun stop() {
        return new PermutationRun(table, seed, total, done, atLeastAsLarge, true);
    }

    @Override
    public String sectionId() {
        return "permutation";
    }

    @Override
    public String prefix() {
        return "perm";
    }

    @Override
    public String heading() {
        return "Permutation test";
    }

    @Override
    public String statistic() {
        return "the observed mutual information";
    }

    @Override
    public Map<String, String> hidden() {
        Map<String, String> h = new java.util.LinkedHashMap<>();
        h.put("t", table);
        h.put("seed", String.valueOf(seed));
        h.put("total", String.valueOf(total));
        h.put("done", String.valueOf(done));
        h.put("atleast", String.valueOf(atLeastAsLarge));
        return h;
    }

    /** The state from a form: {@code t}, {@code seed}, {@code total}, {@code done}, {@code atleast}. */
    public static PermutationRun read(Map<String, List<String>> params) {
        String t = first(params, "t");
        long seed = number(first(params, "seed"), "seed", Long.MIN_VALUE);
        long total = number(first(params, "total"), "total", 1);
        long done = number(first(params, "done"), "done", 0);
        long atLeast = number(first(params, "atleast"), "atleast", 0);
        if (total > DataSettings.MAX_PERMUTATIONS || done > total || atLeast > done) {
            throw new IllegalArgumentException("the counts of shuffles do not fit together");
        }
        return new PermutationRun(t, seed, total, done, atLeast, false);
    }

    static String first(Map<String, List<String>> params, String key) {
        List<String> v = params.get(key);
        return v == null || v.isEmpty() ? null : v.get(0).strip();
    }

    static long number(String s, String name, long min) {
        try {
            long v = Long.parseLong(s);
            if (v < min) {
                throw new IllegalArgumentException(name + " is out of range");
            }
            return v;
        } catch (NumberFormatException | NullPointerException e) {
            throw new IllegalArgumentException(name + " is missing or not a whole number");
        }
    }
}
