package miexplorer.web.data;

import miexplorer.data.SampleReader;
import miexplorer.web.server.Budget;

/**
 * What reading and estimating a data set holds of the heavy-work budget, estimated before the data is
 * read: its rows, from its length in bytes and the length of its first lines, times the heap a row
 * takes for the estimates asked for. The per-row figures are measured (the smallest heap in which one
 * 10⁶-row request succeeds, less the heap of the idle app: bench/heap.sh, BENCHMARKS.md).
 *
 * @param rows the rows estimated
 * @param bytes heap to reserve
 * @param threads the most cores the work can use: every core for a nearest-neighbour estimate (admitted
 *     with one to read the data, it then takes those free: {@link Budget.Permit#widen}), one for the
 *     plug-in estimate alone
 * @param perRow heap a row takes
 */
record DataDemand(long rows, long bytes, int threads, long perRow) {
    /** The first bytes of the data, read before the budget is asked, to estimate the length of its rows. */
    static final int HEAD = 64 * 1024;
    /** Heap besides the rows: the reader's buffers, the table, the answer. */
    static final long BASE = 2L * 1024 * 1024;
    /** Per row read for the plug-in estimate: two category codes as read, and a permutation test's shuffles (0 to 4 measured). */
    static final long PLUG_IN_ROW = 16;
    /** Per row for the nearest-neighbour estimate: both columns as read, standardised, sorted, the tree, the counts (69 measured, on two threads). */
    static final long NEIGHBOUR_ROW = 72;
    /** Per row besides, while the page's binned curve is worked out beside a nearest-neighbour estimate (19 measured). */
    static final long CURVE_ROW = 20;
    /**
     * Rows estimated from the first lines are taken 1% more (and a thousand), for lines of varying length;
     * data whose later lines are much shorter asks for more room as it is read ({@link #allowance}).
     */
    static final double MARGIN = 1.01;

    /**
     * @param head the first bytes of the data ({@code length} of them)
     * @param total the data's length in bytes (the declared length, or the most read when unknown)
     * @param withCurve whether the binned curve is worked out too (the page): on a second core beside the
     *     estimate when the budget could ever hold both, else before it on the same core
     * @param budget the heavy-work budget, for the size of the whole
     */
    static DataDemand of(DataSettings s, byte[] head, int length, long total, boolean withCurve, Budget budget) {
        long rows = rows(head, length, total);
        if (!s.ksg()) {
            return new DataDemand(rows, BASE + rows * PLUG_IN_ROW, 1, PLUG_IN_ROW);
        }
        long both = NEIGHBOUR_ROW + CURVE_ROW;
        boolean beside = withCurve && budget.cores() > 1 && BASE + rows * both <= budget.memory();
        long perRow = beside ? both : NEIGHBOUR_ROW;
        return new DataDemand(rows, BASE + rows * perRow, budget.cores(), perRow);
    }

    /** Whether the heap reserved holds the binned curve beside the nearest-neighbour estimate at once. */
    boolean curveBeside() {
        return perRow == NEIGHBOUR_ROW + CURVE_ROW;
    }

    /** A plug-in permutation test's step on a table of {@code n} observations: it shuffles them. */
    static DataDemand ofTable(long n) {
        return new DataDemand(n, BASE + n * PLUG_IN_ROW, 1, PLUG_IN_ROW);
    }

    /** The rows of data of {@code total} bytes whose first {@code length} bytes are {@code head}. */
    static long rows(byte[] head, int length, long total) {
        int lines = 0;
        int last = -1;
        for (int i = 0; i < length; i++) {
            if (head[i] == '\n') {
                lines++;
                last = i;
            }
        }
        if (total <= length) {
            return lines + (length > 0 && head[length - 1] != '\n' ? 1 : 0); // all of it: counted
        }
        if (lines == 0) {
            return Math.max(1, (total + length - 1) / Math.max(1, length)); // lines longer than the head
        }
        double perLine = (last + 1) / (double) lines;
        return Math.min(SampleReader.MAX_ROWS + 1, (long) Math.ceil(total / perLine * MARGIN) + 1000);
    }

    /** The rows this server reads at once for such a request: what fits in the whole budget. */
    long mostRows(Budget budget) {
        return Math.max(0, (budget.memory() - BASE) / perRow);
    }

    /** Why the data is refused at once: more than the whole budget holds, in rows and MB. */
    String tooLarge(Budget budget, long dataBytes, boolean ksg) {
        long most = mostRows(budget);
        long mb = Math.max(1, Math.round(dataBytes / (double) rows * most / (1024 * 1024)));
        return "This data has about " + rows + " rows; this server reads at most about " + most + " rows at a time"
                + (ksg ? " for the nearest-neighbour estimate" : "") + " (about " + mb + " MB of data like this)."
                + (ksg ? " The plug-in estimate takes more rows." : "")
                + " Send a sample of the rows, or ask whoever hosts this app to give it more memory.";
    }

    /**
     * The reader's allowance: the rows estimated, then more as long as the budget has room for them at
     * once; past that the reading stops with {@link Budget.Busy} (lines much shorter than the first ones).
     */
    SampleReader.RowAllowance allowance(Budget.Permit permit) {
        return new SampleReader.RowAllowance() {
            @Override
            public long granted() {
                return rows;
            }

            @Override
            public long extend(long needed) {
                long more = rows / 4 + 65_536;
                permit.grow(more * perRow);
                return needed + more;
            }
        };
    }
}
