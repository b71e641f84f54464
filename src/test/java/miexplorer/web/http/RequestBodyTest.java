package miexplorer.web.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import miexplorer.web.http.RequestBody;
import org.junit.jupiter.api.Test;

class RequestBodyTest {
    /** An endless body that counts the bytes taken from it. */
    private static final class Endless extends InputStream {
        long given;

        @Override
        public int read() {
            given++;
            return 'a';
        }

        @Override
        public int read(byte[] b, int off, int len) {
            given += len;
            return len;
        }
    }

    @Test
    void drain_reads_a_body_within_the_bound_to_its_end() throws IOException {
        RequestBody body = new RequestBody(new ByteArrayInputStream(new byte[300_000]));
        assertEquals(1000, body.readNBytes(1000).length);
        assertTrue(body.drain(300_000));
        assertEquals(-1, body.read());
    }

    @Test
    void drain_stops_just_past_the_bound_counting_what_the_route_read() throws IOException {
        Endless source = new Endless();
        RequestBody body = new RequestBody(source);
        body.readNBytes(70_000);
        assertFalse(body.drain(200_000));
        assertEquals(200_001, source.given, "one byte past the bound shows the body is longer; no more is read");
        assertFalse(new RequestBody(new ByteArrayInputStream(new byte[10])).drain(9), "ten bytes are more than nine");
    }

    @Test
    void a_body_that_fails_to_read_is_left_alone() {
        RequestBody body = new RequestBody(new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("the client went away");
            }
        });
        assertFalse(body.drain(1_000));
    }
}
