package miexplorer.practice;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import miexplorer.info.LogBase;

/**
 * What an exercise shows, as the numbers the explorers take: the web layer rebuilds its worked
 * steps from these with {@code Analysis.of(JointDistribution.fromWeights(cells), base)},
 * {@code ThreeWayAnalysis.of(ThreeWayDistribution.fromWeights(cells), base)} or
 * {@code QueryAttention.of(query, keys, values, scale, temperature)}. Every number is one a
 * person can read exactly: a probability is an integer divided by 100 (so its shortest decimal
 * form, as {@link Double#toString} prints it, is the two-decimal number shown), a count an integer,
 * a vector component an integer or a multiple of 0.5.
 */
public sealed interface ExerciseData {

    /**
     * A joint table of X (rows) and Y (columns).
     *
     * @param cells probabilities adding up to 1, or counts when {@code counts}; rows X, columns Y
     * @param counts whether the cells are counts of observations (P(x, y) = n(x, y)/N)
     * @param base the unit of the question's entropies (bits where the question asks none)
     */
    record Table(String xName, String yName, List<String> xLabels, List<String> yLabels, double[][] cells,
            boolean counts, LogBase base) implements ExerciseData {
        public Table {
            xLabels = List.copyOf(xLabels);
            yLabels = List.copyOf(yLabels);
            cells = copy(cells);
            if (cells.length != xLabels.size() || cells[0].length != yLabels.size()) {
                throw new IllegalArgumentException("the table is " + cells.length + " × " + cells[0].length + " but has "
                        + xLabels.size() + " × " + yLabels.size() + " labels");
            }
        }

        @Override
        public double[][] cells() {
            return copy(cells);
        }

        public int rows() {
            return cells.length;
        }

        public int cols() {
            return cells[0].length;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Table t && xName.equals(t.xName) && yName.equals(t.yName) && xLabels.equals(t.xLabels)
                    && yLabels.equals(t.yLabels) && Arrays.deepEquals(cells, t.cells) && counts == t.counts && base == t.base;
        }

        @Override
        public int hashCode() {
            return Objects.hash(xName, yName, xLabels, yLabels, Arrays.deepHashCode(cells), counts, base);
        }

        @Override
        public String toString() {
            return "Table[" + xName + " " + xLabels + " × " + yName + " " + yLabels + ", " + Arrays.deepToString(cells)
                    + (counts ? ", counts" : "") + ", base " + base.key() + "]";
        }
    }

    /**
     * A table with one row, column or cell singled out: P(x_row) (column −1), P(x_row | y_column),
     * H(X | Y = y_column) (row −1), or, for "complete the missing cell", the cell the reader must
     * fill in, whose value in {@code table} is the answer and is not to be shown with the question.
     */
    record TableCell(Table table, int row, int column) implements ExerciseData {
        public TableCell {
            Objects.requireNonNull(table);
            if (row < -1 || row >= table.rows() || column < -1 || column >= table.cols() || (row == -1 && column == -1)) {
                throw new IllegalArgumentException("(" + row + ", " + column + ") is not a row, column or cell of a "
                        + table.rows() + " × " + table.cols() + " table");
            }
        }
    }

    /** Two tables to compare, shown as A ({@code first}) and B ({@code second}). */
    record TablePair(Table first, Table second) implements ExerciseData {
    }

    /**
     * A joint table of X, Y and Z, one X × Y slice per value of Z: {@code cells[z][x][y]}, as
     * {@link miexplorer.info.ThreeWayDistribution#fromWeights} takes it.
     */
    record ThreeWayTable(String xName, String yName, String zName, List<String> xLabels, List<String> yLabels,
            List<String> zLabels, double[][][] cells, boolean counts, LogBase base) implements ExerciseData {
        public ThreeWayTable {
            xLabels = List.copyOf(xLabels);
            yLabels = List.copyOf(yLabels);
            zLabels = List.copyOf(zLabels);
            cells = copy(cells);
            if (cells.length != zLabels.size() || cells[0].length != xLabels.size() || cells[0][0].length != yLabels.size()) {
                throw new IllegalArgumentException("the cells do not match the " + zLabels.size() + " × " + xLabels.size()
                        + " × " + yLabels.size() + " labels");
            }
        }

        @Override
        public double[][][] cells() {
            return copy(cells);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ThreeWayTable t && xName.equals(t.xName) && yName.equals(t.yName) && zName.equals(t.zName)
                    && xLabels.equals(t.xLabels) && yLabels.equals(t.yLabels) && zLabels.equals(t.zLabels)
                    && Arrays.deepEquals(cells, t.cells) && counts == t.counts && base == t.base;
        }

        @Override
        public int hashCode() {
            return Objects.hash(xName, yName, zName, xLabels, yLabels, zLabels, Arrays.deepHashCode(cells), counts, base);
        }

        @Override
        public String toString() {
            return "ThreeWayTable[" + xName + " " + xLabels + " × " + yName + " " + yLabels + " × " + zName + " " + zLabels
                    + ", " + Arrays.deepToString(cells) + (counts ? ", counts" : "") + ", base " + base.key() + "]";
        }
    }

    /**
     * One query against n keys, as {@link miexplorer.attention.QueryAttention#of} takes it.
     *
     * @param values n value vectors, or null when the exercise uses none
     * @param scale whether the scores are divided by √d_k
     * @param temperature T, which the scores are divided by as well
     */
    record AttentionRow(double[] query, double[][] keys, double[][] values, boolean scale, double temperature)
            implements ExerciseData {
        public AttentionRow {
            query = query.clone();
            keys = copy(keys);
            values = values == null ? null : copy(values);
        }

        @Override
        public double[] query() {
            return query.clone();
        }

        @Override
        public double[][] keys() {
            return copy(keys);
        }

        @Override
        public double[][] values() {
            return values == null ? null : copy(values);
        }

        /** d_k, the number of components of the query and of each key. */
        public int dimension() {
            return query.length;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof AttentionRow a && Arrays.equals(query, a.query) && Arrays.deepEquals(keys, a.keys)
                    && Arrays.deepEquals(values, a.values) && scale == a.scale
                    && Double.compare(temperature, a.temperature) == 0;
        }

        @Override
        public int hashCode() {
            return Objects.hash(Arrays.hashCode(query), Arrays.deepHashCode(keys), Arrays.deepHashCode(values), scale,
                    temperature);
        }

        @Override
        public String toString() {
            return "AttentionRow[q " + Arrays.toString(query) + ", keys " + Arrays.deepToString(keys) + ", values "
                    + Arrays.deepToString(values) + (scale ? ", ÷√d_k" : "") + ", T " + temperature + "]";
        }
    }

    private static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    private static double[][][] copy(double[][][] a) {
        double[][][] c = new double[a.length][][];
        for (int i = 0; i < a.length; i++) {
            c[i] = copy(a[i]);
        }
        return c;
    }
}
