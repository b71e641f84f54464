package miexplorer.web.http;

import com.github.luben.zstd.ZstdCompressCtx;
import io.javalin.compression.CompressionStrategy;
import io.javalin.compression.Gzip;
import io.javalin.http.Context;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;

/**
 * How answers of {@value #MIN_SIZE} bytes or more are compressed, as the {@code COMPRESSION} setting
 * writes it: a comma-separated list of encodings with their levels, such as {@code zstd:3,gzip:2}, or
 * {@code none}. A client that accepts zstd gets zstd when it is listed (Chromium and Firefox ask for
 * it), one that accepts gzip gets gzip when it is listed, any other the answer as it is.
 *
 * <p>gzip is Javalin's ({@link #strategy}). zstd is done here ({@link #compressZstd}), after every
 * handler, on answers held in memory (every page, fragment, export, JSON answer and static file):
 * Javalin's zstd opens a new native compressor with an 8 MB window for each answer, which cost a
 * loaded server 770 MB of resident memory against 290 MB with gzip (bench/load.sh, BENCHMARKS.md);
 * here a few compressors with a 128 KB window, enough for any answer the app sends, are kept and reused.
 */
public final class Compression {
    /** What BENCHMARKS.md ("Compression", issue 23) measured as the cheapest per answer for its size. */
    public static final String DEFAULT = "zstd:3,gzip:2";
    /** Answers shorter than this go as they are (a packet's size; Javalin's threshold for gzip too). */
    static final int MIN_SIZE = 1500;
    /** 2^17 = 128 KB: a window as long as the longest answer worth referring back across. */
    private static final int WINDOW_LOG = 17;

    private final int zstdLevel;
    private final int gzipLevel;
    private final ArrayBlockingQueue<ZstdCompressCtx> pool = new ArrayBlockingQueue<>(2 * Runtime.getRuntime().availableProcessors());

    private Compression(int zstdLevel, int gzipLevel) {
        this.zstdLevel = zstdLevel;
        this.gzipLevel = gzipLevel;
    }

    /** The compression {@code spec} names; @throws IllegalArgumentException naming what is wrong with it */
    public static Compression parse(String spec) {
        String s = spec == null ? "" : spec.strip().toLowerCase(Locale.ROOT);
        if (s.equals("none")) {
            return new Compression(0, 0);
        }
        int zstd = 0;
        int gzip = 0;
        for (String part : s.split(",")) {
            String[] p = part.strip().split(":", -1);
            int level;
            try {
                level = p.length == 2 ? Integer.parseInt(p[1].strip()) : -1;
            } catch (NumberFormatException e) {
                level = -1;
            }
            if (p[0].strip().equals("zstd") && level >= 1 && level <= 19 && zstd == 0) {
                zstd = level;
            } else if (p[0].strip().equals("gzip") && level >= 1 && level <= 9 && gzip == 0) {
                gzip = level;
            } else {
                throw new IllegalArgumentException("COMPRESSION “" + spec + "”: “" + part.strip() + "” is not an encoding with"
                        + " its level; write for instance zstd:3,gzip:2 (zstd levels 1 to 19, gzip 1 to 9), or none");
            }
        }
        return new Compression(zstd, gzip);
    }

    /** Javalin's part: gzip at the level set, or none. */
    public CompressionStrategy strategy() {
        return gzipLevel == 0 ? CompressionStrategy.NONE : new CompressionStrategy(null, new Gzip(gzipLevel));
    }

    /**
     * After every handler: an answer held in memory, of {@value #MIN_SIZE} bytes or more, not yet
     * encoded, of a type worth compressing, for a client that accepts zstd, is sent zstd-compressed.
     */
    public void compressZstd(Context ctx) {
        if (zstdLevel == 0 || ctx.res().getHeader("Content-Encoding") != null || !acceptsZstd(ctx.header("Accept-Encoding"))
                || !compressible(ctx.res().getContentType())) {
            return;
        }
        InputStream result = ctx.resultInputStream();
        if (!(result instanceof ByteArrayInputStream body) || body.available() < MIN_SIZE) {
            return; // streamed, or short
        }
        byte[] plain = body.readAllBytes();
        byte[] packed = compress(plain);
        ctx.header("Content-Encoding", "zstd");
        ctx.header("Content-Length", String.valueOf(packed.length));
        ctx.result(packed);
    }

    byte[] compress(byte[] plain) {
        ZstdCompressCtx z = pool.poll();
        if (z == null) {
            z = new ZstdCompressCtx().setLevel(zstdLevel).setWindowLog(WINDOW_LOG).setChecksum(false);
        }
        try {
            byte[] out = new byte[(int) com.github.luben.zstd.Zstd.compressBound(plain.length)];
            int n = z.compressByteArray(out, 0, out.length, plain, 0, plain.length);
            return Arrays.copyOf(out, n);
        } finally {
            if (!pool.offer(z)) {
                z.close();
            }
        }
    }

    /** Whether an Accept-Encoding header lists zstd, with a quality above 0 if it gives one. */
    static boolean acceptsZstd(String accept) {
        if (accept == null) {
            return false;
        }
        for (String item : accept.split(",")) {
            String[] parts = item.strip().split(";");
            if (parts[0].strip().equalsIgnoreCase("zstd")) {
                for (int i = 1; i < parts.length; i++) {
                    String q = parts[i].strip();
                    if (q.startsWith("q=") && q.substring(2).strip().matches("0(\\.0*)?")) {
                        return false;
                    }
                }
                return true;
            }
        }
        return false;
    }

    private static boolean compressible(String type) {
        if (type == null) {
            return false;
        }
        String t = type.toLowerCase(Locale.ROOT);
        return t.startsWith("text/") || t.contains("json") || t.contains("javascript") || t.contains("svg") || t.contains("xml");
    }
}
