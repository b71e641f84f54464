package miexplorer.web.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import miexplorer.web.http.Utf8Buffer;
import org.junit.jupiter.api.Test;

class Utf8BufferTest {
    /** Characters a page writes: ASCII, Latin-1, maths signs, an emoji's surrogate pair, and lone surrogates. */
    private static final String[] PIECES = {"a", "<", "é", "−", "Σ", "√", "ε", "\uD83D\uDE00", "\uD800", "\uDC00", " ", "0.378",
        "\u007F", "\u0080", "\u00B7", "\u07FF", "\u0800", "\uFFFD", "\uFFFF"};

    @Test
    void the_bytes_are_those_of_string_get_bytes_utf8_whatever_is_written() {
        SplittableRandom random = new SplittableRandom(6);
        for (int run = 0; run < 2000; run++) {
            Utf8Buffer out = new Utf8Buffer(random.nextInt(64));
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            for (int write = random.nextInt(40); write > 0; write--) {
                StringBuilder b = new StringBuilder();
                for (int k = random.nextInt(12); k > 0; k--) {
                    b.append(PIECES[random.nextInt(PIECES.length)]);
                }
                String s = b.toString();
                switch (random.nextInt(3)) {
                    case 0 -> {
                        out.writeContent(s);
                        expected.writeBytes(s.getBytes(StandardCharsets.UTF_8));
                    }
                    case 1 -> {
                        int begin = random.nextInt(s.length() + 1);
                        int end = begin + random.nextInt(s.length() - begin + 1);
                        out.writeContent(s, begin, end);
                        expected.writeBytes(s.substring(begin, end).getBytes(StandardCharsets.UTF_8));
                    }
                    default -> {
                        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
                        out.writeBinaryContent(bytes);
                        expected.writeBytes(bytes);
                    }
                }
            }
            assertArrayEquals(expected.toByteArray(), out.toByteArray());
        }
    }
}
