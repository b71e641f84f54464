package miexplorer.web.http;

import gg.jte.TemplateOutput;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Template output collected as UTF-8 in one growing byte array, for a response body. jte's own
 * {@code Utf8ByteOutput} keeps every piece written as a separate chunk in a list (a page writes a
 * few thousand) and encodes each string through a substring; here the static template text
 * (pre-encoded by jte's binaryStaticContent) is copied in, and ASCII text, most of what a page
 * writes, is stored a byte per char. The bytes are exactly those of {@code String.getBytes(UTF_8)}.
 */
public final class Utf8Buffer implements TemplateOutput {
    private byte[] bytes;
    private int size;

    public Utf8Buffer(int capacity) {
        bytes = new byte[Math.max(capacity, 16)];
    }

    @Override
    public void writeContent(String value) {
        writeContent(value, 0, value.length());
    }

    @Override
    public void writeContent(String value, int beginIndex, int endIndex) {
        room(endIndex - beginIndex);
        int i = beginIndex;
        for (; i < endIndex; i++) {
            char c = value.charAt(i);
            if (c >= 0x80) {
                break;
            }
            bytes[size++] = (byte) c;
        }
        if (i == endIndex) {
            return; // ASCII, what most writes are
        }
        room(3 * (endIndex - i)); // three bytes per char at most (a surrogate pair is two chars, four bytes)
        for (; i < endIndex; i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                bytes[size++] = (byte) c;
            } else if (c < 0x800) {
                // Two bytes: the pages' ·, ×, ε, σ, α …
                bytes[size++] = (byte) (0xC0 | c >> 6);
                bytes[size++] = (byte) (0x80 | c & 0x3F);
            } else if (!Character.isSurrogate(c)) {
                // Three bytes: −, →, ≤, Σ, ₂ …
                bytes[size++] = (byte) (0xE0 | c >> 12);
                bytes[size++] = (byte) (0x80 | c >> 6 & 0x3F);
                bytes[size++] = (byte) (0x80 | c & 0x3F);
            } else {
                // The rest through the JDK's encoder: same bytes, and surrogate pairs (or a lone
                // surrogate, written as '?') handled as String.getBytes handles them.
                writeBinaryContent(value.substring(i, endIndex).getBytes(StandardCharsets.UTF_8));
                return;
            }
        }
    }

    @Override
    public void writeBinaryContent(byte[] value) {
        room(value.length);
        System.arraycopy(value, 0, bytes, size, value.length);
        size += value.length;
    }

    /** Makes room for {@code more} bytes, doubling the array as needed. */
    private void room(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }

    public int size() {
        return size;
    }

    /** The bytes written, to read once, without copying them (a 32 x 32 fragment is half a megabyte). */
    public Body toInputStream() {
        return new Body(bytes, size);
    }

    /** A response body over the buffer's array, which can also be checksummed in place (ConditionalGet). */
    public static final class Body extends ByteArrayInputStream {
        Body(byte[] bytes, int size) {
            super(bytes, 0, size);
        }

        /** The ETag of the bytes not yet read, without copying them. */
        String weakEtag() {
            return ConditionalGet.weakEtag(buf, pos, count - pos);
        }
    }

    /** The bytes written, in an array of exactly their length. */
    public byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }
}
