package miexplorer.web.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import miexplorer.data.ContingencyTable;

/**
 * The contingency table as the page shows it: at most {@link #SHOWN} categories per side, the most
 * frequent ones in their own order, and the rest gathered into one "other" row or column. Only the
 * display is gathered; the estimates use every category.
 *
 * @param otherRows how many categories of X the "other" row gathers (0: no such row)
 */
public record CountsView(List<String> xLabels, List<String> yLabels, long[][] cells, long[] rowTotals, long[] colTotals,
        long n, int otherRows, int otherCols) {

    public static final int SHOWN = 32;

    public static CountsView of(ContingencyTable t) {
        long[] rt = t.rowTotals();
        long[] ct = t.colTotals();
        int[] rowTo = group(rt);
        int[] colTo = group(ct);
        int rows = Arrays.stream(rowTo).max().orElse(0) + 1;
        int cols = Arrays.stream(colTo).max().orElse(0) + 1;
        long[][] cells = new long[rows][cols];
        long[] rowTotals = new long[rows];
        long[] colTotals = new long[cols];
        for (int i = 0; i < t.rows(); i++) {
            for (int j = 0; j < t.cols(); j++) {
                cells[rowTo[i]][colTo[j]] += t.count(i, j);
            }
            rowTotals[rowTo[i]] += rt[i];
        }
        for (int j = 0; j < t.cols(); j++) {
            colTotals[colTo[j]] += ct[j];
        }
        int otherRows = t.rows() > SHOWN ? t.rows() - SHOWN : 0;
        int otherCols = t.cols() > SHOWN ? t.cols() - SHOWN : 0;
        return new CountsView(labels(t.xCategories(), rowTo, rows, otherRows), labels(t.yCategories(), colTo, cols, otherCols),
                cells, rowTotals, colTotals, t.n(), otherRows, otherCols);
    }

    /** Where each category goes: its own place (the SHOWN largest, in their order) or the last place, "other". */
    private static int[] group(long[] totals) {
        int k = totals.length;
        int[] to = new int[k];
        if (k <= SHOWN) {
            for (int i = 0; i < k; i++) {
                to[i] = i;
            }
            return to;
        }
        Integer[] order = new Integer[k];
        for (int i = 0; i < k; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> totals[a] != totals[b] ? Long.compare(totals[b], totals[a]) : Integer.compare(a, b));
        boolean[] kept = new boolean[k];
        for (int r = 0; r < SHOWN; r++) {
            kept[order[r]] = true;
        }
        int place = 0;
        for (int i = 0; i < k; i++) {
            to[i] = kept[i] ? place++ : SHOWN;
        }
        return to;
    }

    private static List<String> labels(List<String> categories, int[] to, int size, int other) {
        String[] out = new String[size];
        for (int i = 0; i < categories.size(); i++) {
            if (to[i] < SHOWN || other == 0) {
                out[to[i]] = categories.get(i);
            }
        }
        if (other > 0) {
            out[SHOWN] = "other (" + other + " categories)";
        }
        return List.of(out);
    }

    public int rows() {
        return xLabels.size();
    }

    public int cols() {
        return yLabels.size();
    }

    public boolean gathered() {
        return otherRows > 0 || otherCols > 0;
    }

    public long cell(int i, int j) {
        return cells[i][j];
    }

    /** Whether row i is the "other" row; {@link #isOtherCol} likewise. */
    public boolean isOtherRow(int i) {
        return otherRows > 0 && i == SHOWN;
    }

    public boolean isOtherCol(int j) {
        return otherCols > 0 && j == SHOWN;
    }

    public List<Integer> rowIndexes() {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < rows(); i++) {
            out.add(i);
        }
        return out;
    }
}
