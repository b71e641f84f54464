package miexplorer.web.server;

import io.javalin.compression.CompressionStrategy;
import io.javalin.compression.CompressionType;
import io.javalin.compression.Gzip;
import io.javalin.compression.Zstd;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How answers of 1500 bytes or more are compressed, as the {@code COMPRESSION} setting writes it: a
 * comma-separated list of encodings with their levels, such as {@code zstd:3,gzip:2}, or {@code none}.
 * A client gets the first listed encoding it accepts, whatever the order of its own list (Chromium
 * asks for gzip, deflate, br, zstd); a client that accepts none of them gets the answer uncompressed.
 */
public final class Compression {
    /** What BENCHMARKS.md ("Compression", issue 23) measured as the cheapest per answer for its size. */
    public static final String DEFAULT = "zstd:3,gzip:2";

    private Compression() {
    }

    /** The strategy {@code spec} names; @throws IllegalArgumentException naming what is wrong with it */
    public static CompressionStrategy parse(String spec) {
        String s = spec == null ? "" : spec.strip().toLowerCase(Locale.ROOT);
        if (s.equals("none")) {
            return CompressionStrategy.NONE;
        }
        Zstd zstd = null;
        Gzip gzip = null;
        List<CompressionType> order = new ArrayList<>();
        for (String part : s.split(",")) {
            String[] p = part.strip().split(":", -1);
            int level;
            try {
                level = p.length == 2 ? Integer.parseInt(p[1].strip()) : -1;
            } catch (NumberFormatException e) {
                level = -1;
            }
            if (p[0].strip().equals("zstd") && level >= 1 && level <= 19 && zstd == null) {
                zstd = new Zstd(level);
                order.add(CompressionType.ZSTD);
            } else if (p[0].strip().equals("gzip") && level >= 1 && level <= 9 && gzip == null) {
                gzip = new Gzip(level);
                order.add(CompressionType.GZIP);
            } else {
                throw new IllegalArgumentException("COMPRESSION “" + spec + "”: “" + part.strip() + "” is not an encoding with"
                        + " its level; write for instance zstd:3,gzip:2 (zstd levels 1 to 19, gzip 1 to 9), or none");
            }
        }
        CompressionStrategy strategy = new CompressionStrategy(null, gzip, zstd);
        strategy.setPreferredCompressors(List.copyOf(order));
        return strategy;
    }
}
