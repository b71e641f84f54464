package miexplorer.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import miexplorer.info.LogBase;
import org.junit.jupiter.api.Test;

/**
 * The plug-in estimate for 2 … 50 bins ({@link BinningCurve}) against the table the reader bins and
 * {@link SampleEstimates} sums, and the reader's numeric mode that feeds both and the nearest-neighbour
 * estimators.
 */
class BinningCurveTest {

    private static SampleReader.Samples read(String text, int xBins, int yBins, Binning binning) {
        return SampleReader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), new SampleReader.Options(
                null, null, true, SampleReader.Separator.AUTO, xBins, yBins, binning, 1 << 22, true));
    }

    /*
     * Rounded values make ties (equal-frequency edges then fall inside runs of equal values) and a column
     * of words is categorical: each point of the curve is the plug-in estimate of the table binned that
     * way, to the bit.
     */
    @Test
    void each_point_is_the_plug_in_estimate_of_the_table_binned_that_way_ties_and_categories_included() {
        Random random = new Random(5);
        StringBuilder text = new StringBuilder("a,b,c\n");
        for (int i = 0; i < 600; i++) {
            double a = Math.round(random.nextGaussian() * 4) / 2.0;
            double b = a + random.nextGaussian();
            text.append(a).append(',').append(b).append(',').append("g" + (int) Math.abs(b) % 4).append('\n');
        }
        String csv = text.toString();
        SampleReader.Samples first = read(csv, 0, 0, Binning.WIDTH);
        SampleReader.Values v = first.values();
        BinningCurve curve = BinningCurve.of(v.xNumbers(), null, v.yNumbers(), null);
        String mixed = csv.replaceAll("(?m)^([^,\n]*),[^,\n]*,", "$1,"); // columns a and c
        SampleReader.Values mv = read(mixed, 0, 0, Binning.WIDTH).values();
        assertNull(mv.yNumbers(), "c is read as categories");
        BinningCurve mixedCurve = BinningCurve.of(mv.xNumbers(), null, null, mv.yCodes());
        for (Binning binning : Binning.values()) {
            for (int b : new int[] {2, 3, 7, 10, 31, 50}) {
                double table = SampleEstimates.of(read(csv, b, b, binning).table(), LogBase.E).mutualInformation();
                assertEquals(table, curve.nats(binning, b), 0, binning + " " + b);
                double mixedTable = SampleEstimates.of(read(mixed, b, 0, binning).table(), LogBase.E).mutualInformation();
                assertEquals(mixedTable, mixedCurve.nats(binning, b), 0, "a against c, " + binning + " " + b);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> BinningCurve.of(null, mv.yCodes(), null, mv.yCodes()));
    }

    @Test
    void the_numeric_mode_reads_a_column_as_numbers_when_most_of_its_values_are_and_reports_the_rest_by_line() {
        String csv = "v,w,g\n1,2.5,a\n2,NA,b\n3,4,a\nx,5,b\n4,1e999,a\n5,,b\n6,7,a\n";
        SampleReader.Samples s = read(csv, 0, 0, Binning.WIDTH);
        assertArrayEquals(new double[] {1, 3, 6}, s.values().xNumbers());
        assertArrayEquals(new double[] {2.5, 4, 7}, s.values().yNumbers());
        assertEquals(7, s.rows());
        assertEquals(4, s.skipped());
        assertEquals(List.of(3L, 5L, 6L, 7L), s.firstSkipped().stream().map(SampleReader.Skipped::line).toList());
        assertEquals("“NA” in column “w” is not a number", s.firstSkipped().get(0).reason());
        assertEquals("“x” in column “v” is not a number", s.firstSkipped().get(1).reason());
        assertEquals("“1e999” in column “w” is too large", s.firstSkipped().get(2).reason());
        assertEquals("no value in column “w”", s.firstSkipped().get(3).reason());
        assertEquals(SampleReader.DEFAULT_NUMERIC_BINS, s.xBins(), "the table bins a numeric column set to 0 bins");

        SampleReader.Samples mixed = SampleReader.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                new SampleReader.Options("g", "v", true, SampleReader.Separator.AUTO, 0, 3, Binning.WIDTH, 1 << 20, true));
        assertNull(mixed.values().xNumbers(), "g is categorical");
        assertArrayEquals(new int[] {0, 1, 0, 0, 1, 0}, mixed.values().xCodes(), "only the row with “x” in v is left out");
        assertEquals(List.of("a", "b"), mixed.table().xCategories());
        assertEquals(3, mixed.table().cols(), "v's own bins");

        SampleException constant = assertThrows(SampleException.class, () -> read("v,w\n2,1\n2,5\n2,3\n", 0, 0, Binning.WIDTH));
        assertEquals("x", constant.field());
        assertTrue(constant.getMessage().startsWith("Column “v” is constant: every one of its 3 numbers used is 2."),
                constant.getMessage());
    }
}
