package miexplorer.web.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The rows of data estimated from its length and its first bytes, before it is read. */
class DataDemandTest {
    @Test
    void data_shorter_than_the_head_is_counted() {
        byte[] all = "x,y\n1,2\n3,4".getBytes(StandardCharsets.US_ASCII);
        assertEquals(3, DataDemand.rows(all, all.length, all.length), "a last line without its line break counts");
        assertEquals(0, DataDemand.rows(new byte[0], 0, 0));
    }

    @Test
    void longer_data_is_estimated_from_the_length_of_its_first_lines() {
        byte[] head = "1.5,2.5\n".repeat(1000).getBytes(StandardCharsets.US_ASCII); // 8 bytes a line
        // 8 000 000 bytes of such lines: 10^6 rows, taken 1% more, and a thousand
        assertEquals(1_010_000 + 1000, DataDemand.rows(head, head.length, 8_000_000));
        assertEquals(8, DataDemand.rows("no line break".getBytes(StandardCharsets.US_ASCII), 13, 100),
                "lines longer than the head: at most one a head's length");
    }
}
