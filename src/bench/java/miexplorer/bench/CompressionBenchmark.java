package miexplorer.bench;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.encoder.Encoder;
import com.github.luben.zstd.Zstd;
import io.javalin.Javalin;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import miexplorer.web.App;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What compressing one answer costs (issue 23): the weather table's htmx fragment, as the app sends
 * it (fetched once from the app itself, uncompressed), compressed with gzip at levels 1–9, zstd and
 * Brotli at several levels, as Javalin's compressors do (a stream for gzip, whole buffers for zstd
 * and Brotli). Prints each setting's compressed size once; JMH times one compression.
 * Run: {@code mvn -Pbench process-test-classes -Djmh.args="CompressionBenchmark"}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class CompressionBenchmark {
    @Param({"gzip:1", "gzip:2", "gzip:3", "gzip:4", "gzip:5", "gzip:6", "gzip:7", "gzip:8", "gzip:9",
            "zstd:1", "zstd:3", "zstd:6", "zstd:9", "br:1", "br:4", "br:6"})
    public String setting;

    byte[] fragment;
    String codec;
    int level;
    Encoder.Parameters brotli;

    @Setup
    public void setup() throws Exception {
        Javalin app = App.create(App.Config.production()).start("127.0.0.1", 0);
        try {
            String form = "x=Weather&y=Forecast&xl=Rain&xl=Sun&yl=Forecast+rain&yl=Forecast+sun&c=0.36&c=0.04&c=0.12&c=0.48"
                    + "&kind=probabilities&base=2&digits=3";
            HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + app.port() + "/mi"))
                    .header("HX-Request", "true").header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofByteArray());
            fragment = r.body();
        } finally {
            app.stop();
        }
        codec = setting.substring(0, setting.indexOf(':'));
        level = Integer.parseInt(setting.substring(setting.indexOf(':') + 1));
        if (codec.equals("br")) {
            Brotli4jLoader.ensureAvailability();
            brotli = new Encoder.Parameters().setQuality(level);
        }
        System.out.printf("%n%s: %d bytes -> %d bytes%n", setting, fragment.length, compress().length);
    }

    @Benchmark
    public byte[] compress() throws IOException {
        switch (codec) {
            case "gzip": {
                ByteArrayOutputStream out = new ByteArrayOutputStream(fragment.length / 4);
                try (GZIPOutputStream gz = new GZIPOutputStream(out, 8192) {
                    {
                        def.setLevel(level);
                    }
                }) {
                    gz.write(fragment);
                }
                return out.toByteArray();
            }
            case "zstd":
                return Zstd.compress(fragment, level);
            default:
                return Encoder.compress(fragment, brotli);
        }
    }

}
