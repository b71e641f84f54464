package miexplorer.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import miexplorer.web.attention.AttentionExplorer;
import miexplorer.web.attention.AttentionView;
import miexplorer.web.explorer.ExplorerPage;
import miexplorer.web.explorer.Placement;
import miexplorer.web.form.Fields;
import miexplorer.web.http.Utf8Buffer;
import miexplorer.web.mi.MiExplorer;
import miexplorer.web.mi.MiView;
import miexplorer.web.render.Templates;
import miexplorer.web.site.Site;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The worked-step models and what a request does with them, without HTTP: read the form, check it,
 * build the page model ({@code MiView}, {@code AttentionView}), and render the htmx fragment (with
 * its announcement) or the full page from the precompiled templates. {@code view*} stop at the
 * model; {@code fragment*} and {@code page*} are the whole request, rendered as
 * {@code Htmx.respond} renders it.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class ViewBenchmark {
    private static final Site SITE = Site.local(7070);
    Templates templates;
    Map<String, List<String>> weather;
    Map<String, List<String>> table32;
    Map<String, List<String>> attention;
    Map<String, List<String>> attentionLarge;

    @Setup
    public void setup() {
        templates = Templates.precompiled();
        weather = Fixtures.weatherForm();
        table32 = Fixtures.table32Form();
        attention = Fixtures.attentionForm();
        attentionLarge = Fixtures.attentionLargeForm();
    }

    private static final MiExplorer MI = new MiExplorer(SITE);
    private static final AttentionExplorer ATTENTION = new AttentionExplorer(SITE);

    /** What a request does before rendering: read the form once, check it, compute, build the view. */
    private static MiView mi(Map<String, List<String>> params) {
        return MI.show(MI.read(Fields.of(params)), Placement.PAGE);
    }

    private static AttentionView attention(Map<String, List<String>> params) {
        return ATTENTION.show(ATTENTION.read(Fields.of(params)), Placement.PAGE);
    }

    /** What Htmx.respond sends for an htmx request: the fragment and its announcement, as UTF-8. */
    private byte[] fragment(String template, Object view, String announcement) {
        Utf8Buffer out = new Utf8Buffer(48 * 1024);
        templates.render(template, view, out);
        templates.render("layout/announce.jte", Map.of("text", announcement, "oob", true), out);
        return out.toByteArray();
    }

    @Benchmark
    public MiView viewWeather() {
        return mi(weather);
    }

    @Benchmark
    public MiView view32x32() {
        return mi(table32);
    }

    @Benchmark
    public AttentionView viewAttention() {
        return attention(attention);
    }

    @Benchmark
    public AttentionView viewAttention256keys1024dims() {
        return attention(attentionLarge);
    }

    @Benchmark
    public byte[] pageMi() {
        Utf8Buffer out = new Utf8Buffer(48 * 1024);
        MiView v = mi(Map.of());
        templates.render("mi/page.jte", new ExplorerPage<>(v, "MI Explorer", v.announcement(), null, null), out);
        return out.toByteArray();
    }

    /** As an edit's answer (ExplorerRoutes' POST with htmx): every worked step included. */
    @Benchmark
    public byte[] fragmentWeather() {
        MiView v = mi(weather);
        return fragment("mi/explorer.jte", v, v.announcement());
    }

    @Benchmark
    public byte[] fragment32x32() {
        MiView v = mi(table32);
        return fragment("mi/explorer.jte", v, v.announcement());
    }

    @Benchmark
    public byte[] fragmentAttention() {
        AttentionView v = attention(attention);
        return fragment("attention/explorer.jte", v, v.announcement());
    }
}
