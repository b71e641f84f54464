package miexplorer.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SampleReaderTest {
    private static final long LIMIT = 1 << 20;

    private static SampleReader.Options options() {
        return new SampleReader.Options(null, null, true, SampleReader.Separator.AUTO, 0, 0, Binning.WIDTH, LIMIT);
    }

    private static SampleReader.Samples read(String text) {
        return read(text, options());
    }

    private static SampleReader.Samples read(String text, SampleReader.Options o) {
        return SampleReader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), o);
    }

    private static SampleException refused(String text, SampleReader.Options o) {
        return assertThrows(SampleException.class, () -> read(text, o));
    }

    @Test
    void a_csv_with_a_header_gives_the_counts_of_its_first_two_columns() {
        SampleReader.Samples s = read("weather,forecast\nrain,rain\nrain,sun\nsun,sun\nsun,sun\nrain,rain\n");
        assertEquals("weather", s.xName());
        assertEquals("forecast", s.yName());
        assertEquals(List.of("rain", "sun"), s.table().xCategories());
        assertEquals(List.of("rain", "sun"), s.table().yCategories());
        assertArrayEquals(new long[][] {{2, 1}, {0, 2}}, s.table().counts());
        assertEquals(5, s.rows());
        assertEquals(0, s.skipped());
        assertEquals(SampleReader.Separator.COMMA, s.separator());
    }

    @Test
    void tabs_quotes_crlf_a_byte_order_mark_and_blank_lines_are_read_as_a_person_means_them() {
        String text = "\uFEFFid\tcolour\tsize\r\n1\t\"dark\tred\"\tbig\r\n\r\n2\t\"say \"\"hi\"\"\"\tsmall\r\n3\t\"two\nlines\"\tbig\r\n   \r\n";
        SampleReader.Samples s = read(text, new SampleReader.Options("colour", "2", true, SampleReader.Separator.AUTO, 0, 0,
                Binning.WIDTH, LIMIT));
        assertEquals(SampleReader.Separator.TAB, s.separator());
        assertEquals(List.of("id", "colour", "size"), s.columns());
        assertEquals(List.of("dark\tred", "say \"hi\"", "two\nlines"), s.table().xCategories());
        assertEquals(List.of("big", "small"), s.table().yCategories());
        assertEquals(3, s.rows());
    }

    @Test
    void the_last_line_needs_no_line_break_even_across_buffer_ends() {
        assertArrayEquals(new long[][] {{1, 0}, {0, 1}}, read("x,y\na,u\nb,v").table().counts());
        assertArrayEquals(new long[][] {{1, 0}, {0, 1}}, read("x,y\na,u\nb,\"v\"").table().counts());
        StringBuilder text = new StringBuilder("x,y");
        for (int k = 0; k < 20_000; k++) {
            text.append(k % 3 == 0 ? "\r\n" : "\n").append(k % 2 == 0 ? "alpha" : "beta").append(',').append(k % 4 == 0 ? "\"u\"" : "v");
        }
        SampleReader.Samples s = read(text.toString());
        assertEquals(20_000, s.rows());
        assertArrayEquals(new long[][] {{5000, 5000}, {0, 10_000}}, s.table().counts());
    }

    @Test
    void without_a_header_the_first_row_is_data_and_columns_are_numbered() {
        SampleReader.Samples s = read("a;u\na;u\nb;v\n", new SampleReader.Options(null, null, false,
                SampleReader.Separator.AUTO, 0, 0, Binning.WIDTH, LIMIT));
        assertEquals(SampleReader.Separator.SEMICOLON, s.separator());
        assertEquals("column 0", s.xName());
        assertArrayEquals(new long[][] {{2, 0}, {0, 1}}, s.table().counts());
    }

    @Test
    void rows_with_an_empty_value_are_counted_and_the_first_few_reported_with_their_lines() {
        StringBuilder text = new StringBuilder("x,y\na,u\n,v\nb,v\n");
        for (int k = 0; k < 10; k++) {
            text.append("b,\n");
        }
        SampleReader.Samples s = read(text.toString());
        assertEquals(13, s.rows());
        assertEquals(11, s.skipped());
        assertEquals(SampleReader.SKIPPED_SHOWN, s.firstSkipped().size());
        assertEquals(new SampleReader.Skipped(3, "no value in column “x”"), s.firstSkipped().get(0));
        assertEquals(5, s.firstSkipped().get(1).line());
        assertEquals(2, s.table().n());
    }

    @Test
    void a_row_with_the_wrong_number_of_fields_is_refused_naming_its_line() {
        SampleException e = refused("x,y\na,u\nb,v,w\n", options());
        assertEquals(SampleException.Problem.WRONG_FIELD_COUNT, e.problem());
        assertTrue(e.getMessage().startsWith("Line 3 has 3 fields but the header has 2."), e.getMessage());
    }

    @Test
    void empty_and_header_only_files_are_refused() {
        assertEquals(SampleException.Problem.EMPTY, refused("", options()).problem());
        assertEquals(SampleException.Problem.EMPTY, refused("\n\n  \n", options()).problem());
        SampleException e = refused("x,y\n", options());
        assertEquals(SampleException.Problem.NO_USABLE_ROWS, e.problem());
        assertTrue(e.getMessage().contains("no data rows below the header"), e.getMessage());
    }

    @Test
    void a_missing_column_is_named_with_the_columns_there_are() {
        SampleException e = refused("x,y\na,u\n", new SampleReader.Options("z", null, true, SampleReader.Separator.AUTO, 0, 0,
                Binning.WIDTH, LIMIT));
        assertEquals(SampleException.Problem.MISSING_COLUMN, e.problem());
        assertEquals("x", e.field());
        assertTrue(e.getMessage().contains("No column is named “z”. The columns are: 0 “x”, 1 “y”"), e.getMessage());
        SampleException far = refused("x,y\na,u\n", new SampleReader.Options(null, "5", true, SampleReader.Separator.AUTO, 0, 0,
                Binning.WIDTH, LIMIT));
        assertEquals("y", far.field());
        assertTrue(far.getMessage().contains("There is no column 5"), far.getMessage());
        SampleException single = refused("x\na\n", options());
        assertTrue(single.getMessage().contains("one field only"), single.getMessage());
    }

    @Test
    void one_category_only_is_refused_naming_the_column_and_its_value() {
        SampleException e = refused("x,y\na,u\na,v\n", options());
        assertEquals(SampleException.Problem.ONE_CATEGORY, e.problem());
        assertEquals("x", e.field());
        assertTrue(e.getMessage().contains("Column “x” has one category only (“a”)"), e.getMessage());
    }

    @Test
    void binary_files_are_refused_and_named() {
        byte[] zip = {'P', 'K', 3, 4, 10, 0, 0, 0};
        SampleException e = assertThrows(SampleException.class, () -> SampleReader.read(new ByteArrayInputStream(zip), options()));
        assertEquals(SampleException.Problem.BINARY, e.problem());
        assertTrue(e.getMessage().contains("ZIP"), e.getMessage());
        byte[] latin1 = "x,y\ncaf\u00e9,u\nb,v\n".getBytes(StandardCharsets.ISO_8859_1);
        SampleException enc = assertThrows(SampleException.class, () -> SampleReader.read(new ByteArrayInputStream(latin1), options()));
        assertTrue(enc.getMessage().contains("not UTF-8"), enc.getMessage());
        StringBuilder late = new StringBuilder("x,y\n");
        for (int k = 0; k < 2000; k++) {
            late.append("a,b\n");
        }
        late.append("a\0,b\n");
        assertEquals(SampleException.Problem.BINARY, refused(late.toString(), options()).problem());
    }

    @Test
    void a_quote_never_closed_is_refused_with_the_line_it_opened_on() {
        SampleException e = refused("x,y\na,u\n\"b,v\nc,w\n", options());
        assertEquals(SampleException.Problem.MALFORMED, e.problem());
        assertTrue(e.getMessage().contains("starts on line 3 is never closed"), e.getMessage());
        SampleException after = refused("x,y\n\"a\"b,u\n", options());
        assertTrue(after.getMessage().startsWith("Line 2: “b” follows the closing quote of field 1"), after.getMessage());
    }

    @Test
    void more_bytes_than_the_limit_are_refused_while_streaming() {
        InputStream endless = new InputStream() {
            long k;

            @Override
            public int read() {
                return k++ % 4 == 3 ? '\n' : k % 4 == 2 ? ',' : 'a';
            }
        };
        SampleException e = assertThrows(SampleException.class, () -> SampleReader.read(endless,
                new SampleReader.Options(null, null, true, SampleReader.Separator.AUTO, 0, 0, Binning.WIDTH, 4096)));
        assertEquals(SampleException.Problem.TOO_LARGE, e.problem());
        assertTrue(e.getMessage().contains("4 KB"), e.getMessage());
    }

    @Test
    void numbers_are_binned_by_equal_width_or_equal_frequency() {
        StringBuilder text = new StringBuilder("v,g\n");
        double[] values = {0, 1, 2, 3, 4, 5, 6, 7, 8, 100};
        for (double v : values) {
            text.append(v).append(',').append(v < 5 ? "low" : "high").append('\n');
        }
        text.append("n/a,low\n");
        SampleReader.Samples width = read(text.toString(), new SampleReader.Options(null, null, true,
                SampleReader.Separator.AUTO, 2, 0, Binning.WIDTH, LIMIT));
        assertEquals(List.of("[0, 50)", "[50, 100]"), width.table().xCategories());
        assertArrayEquals(new long[][] {{5, 4}, {0, 1}}, width.table().counts());
        assertEquals(1, width.skipped());
        assertTrue(width.firstSkipped().get(0).reason().contains("“n/a” in column “v” is not a number"));
        SampleReader.Samples freq = read(text.toString(), new SampleReader.Options(null, null, true,
                SampleReader.Separator.AUTO, 2, 0, Binning.FREQUENCY, LIMIT));
        assertEquals(List.of("[0, 5)", "[5, 100]"), freq.table().xCategories());
        assertArrayEquals(new long[][] {{5, 0}, {0, 5}}, freq.table().counts());
        assertNull(freq.xNote());
    }

    @Test
    void ties_can_leave_fewer_equal_frequency_bins_and_the_result_says_so() {
        StringBuilder text = new StringBuilder("v,g\n");
        for (int k = 0; k < 12; k++) {
            text.append(k < 9 ? 1 : k).append(',').append(k % 2).append('\n');
        }
        SampleReader.Samples s = read(text.toString(), new SampleReader.Options(null, null, true,
                SampleReader.Separator.AUTO, 4, 0, Binning.FREQUENCY, LIMIT));
        assertEquals(List.of("[1, 9)", "[9, 11]"), s.table().xCategories());
        assertEquals("ties leave 2 bins, not 4", s.xNote());
    }

    /** Random text from the characters that matter to a CSV reader: only SampleException may come out. */
    @Test
    void random_text_is_read_or_refused_with_a_message_never_with_another_exception() {
        Random random = new Random(77);
        String alphabet = "ab,,;\t\"\"\n\r 1.5e-x";
        for (int trial = 0; trial < 3000; trial++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(trial < 2000 ? 40 : 70_000);
            for (int k = 0; k < length; k++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            SampleReader.Options o = new SampleReader.Options(random.nextBoolean() ? null : String.valueOf(random.nextInt(3)), null,
                    random.nextBoolean(), SampleReader.Separator.values()[random.nextInt(4)], random.nextInt(3), random.nextInt(3),
                    Binning.values()[random.nextInt(2)], 1 << 20);
            try {
                SampleReader.Samples s = read(text.toString(), o);
                assertTrue(s.table().rows() >= 2 && s.table().cols() >= 2);
                assertEquals(s.rows() - s.skipped(), s.table().n(), "every row is used or counted as skipped");
            } catch (SampleException e) {
                assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
            }
        }
    }

    @Test
    void too_many_categories_are_refused_with_the_advice_to_bin() {
        StringBuilder text = new StringBuilder("id,g\n");
        for (int k = 0; k <= SampleReader.MAX_CATEGORIES; k++) {
            text.append(k).append(",a\n");
        }
        SampleException e = refused(text.toString(), options());
        assertEquals(SampleException.Problem.TOO_MANY_CATEGORIES, e.problem());
        assertTrue(e.getMessage().contains("bin them"), e.getMessage());
    }
}
