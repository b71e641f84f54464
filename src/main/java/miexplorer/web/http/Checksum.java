package miexplorer.web.http;

import java.util.HexFormat;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * A 64-bit checksum of bytes, for the names of static files and the ETags of pages: two CRCs with
 * different polynomials (CRC-32C and CRC-32), side by side. Neither use needs a cryptographic hash,
 * only one that changes when the bytes do: no one gains from making two versions of our own files
 * or pages collide. Both CRCs are fast from the first call (an intrinsic and zlib); BENCHMARKS.md has
 * what they cost against SHA-256.
 */
public final class Checksum {
    private Checksum() {
    }

    public static long of(byte[] bytes, int offset, int length) {
        CRC32C c = new CRC32C();
        c.update(bytes, offset, length);
        CRC32 d = new CRC32();
        d.update(bytes, offset, length);
        return c.getValue() << 32 | d.getValue();
    }

    /** The checksum as 16 hexadecimal digits. */
    public static String hex(byte[] bytes, int offset, int length) {
        return HexFormat.of().toHexDigits(of(bytes, offset, length));
    }
}
