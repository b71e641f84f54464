package miexplorer.web.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import miexplorer.web.http.Checksum;
import miexplorer.web.http.Utf8Buffer;
import org.junit.jupiter.api.Test;

class ChecksumTest {
    private static final byte[] CHECK = "123456789".getBytes(StandardCharsets.US_ASCII);

    /** The published check values of both CRCs over "123456789": CRC-32C e3069283, CRC-32 cbf43926. */
    @Test
    void it_is_crc32c_then_crc32() {
        assertEquals("e3069283cbf43926", Checksum.hex(CHECK, 0, CHECK.length));
        assertEquals(0xe3069283cbf43926L, Checksum.of(CHECK, 0, CHECK.length));
    }

    @Test
    void only_the_given_range_counts() {
        byte[] padded = "xx123456789yyy".getBytes(StandardCharsets.US_ASCII);
        assertEquals(Checksum.hex(CHECK, 0, CHECK.length), Checksum.hex(padded, 2, 9));
        assertNotEquals(Checksum.hex(padded, 2, 9), Checksum.hex(padded, 2, 10));
    }

    @Test
    void a_rendered_body_gets_the_etag_of_its_unread_bytes_and_can_still_be_read_whole() throws Exception {
        Utf8Buffer out = new Utf8Buffer(4);
        out.writeContent("123456789");
        Utf8Buffer.Body body = out.toInputStream();
        assertEquals("W/\"e3069283cbf43926\"", body.weakEtag());
        assertEquals("123456789", new String(body.readAllBytes(), StandardCharsets.US_ASCII));
    }
}
