package miexplorer.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import miexplorer.testing.Needs;
import miexplorer.testing.Tool;
import miexplorer.web.attention.AttentionPresets;
import miexplorer.web.mi.MiPresets;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * axe-core (from the npm registry: {@code npm ci} puts it in node_modules) checks every page and
 * example, in the light and the dark colour scheme, and must report no violations.
 */
class AccessibilityTest extends BrowserTest {
    private static final Path AXE = Tool.Paths.AXE;

    static List<String> pages() {
        List<String> pages = new ArrayList<>(List.of(
                "/",
                "/examples",
                "/examples/weather-forecast",
                "/examples/attention-two-queries",
                "/mi?embed=1",
                "/attention?embed=1",
                "/examples/attention-two-queries?embed=1",
                "/examples/attention-additive-vs-dot",
                "/data",
                "/mi",
                "/mi?p=0.5,abc;0,0.5",
                "/mi?p=0.5,0.2;0.1,0.1",
                "/mi/bsc?e=2",
                "/attention",
                "/attention?q=1,2&k=1,2,3&kl=",
                "/attention/scaling",
                "/attention/scaling?n=1",
                // The learned-attention experiment: its default (copy), exclusive or with its /cmi link, the largest
                // token, and settings with a mistake.
                "/attention/learned",
                "/examples/attention-exclusive-or",
                "/attention/learned?rule=max&positions=4&vocabulary=5&samples=200&heldOut=200&steps=50",
                "/attention/learned?rule=xor&vocabulary=8&pair=1,1",
                "/cmi?p=1,x&p=1,1&kind=counts",
                "/examples/cmi-xor?embed=1",
                "/no-such-page",
                // Practice: the list, an exercise with a wrong answer and hints, a solution of three variables,
                // an answer that cannot be read with an attention row's step, two tables, a missing cell,
                // a worksheet's key, a worksheet that cannot be made, and an embedded exercise.
                "/practice",
                "/practice/mutual-information?level=easy&seed=3&answer=0.5&hints=2",
                "/practice/conditional-mi?level=medium&seed=2&hints=20",
                "/practice/softmax-weights?level=hard&seed=4&answer=sin&hints=1",
                "/practice/compare-tables?level=easy&seed=1&answer=A&hints=1",
                "/practice/independent-cell?level=hard&seed=3",
                "/practice/sheet?kinds=mutual-information,co-information,effective-keys&n=1&level=easy&seed=1&key=1",
                "/practice/sheet?kinds=nope",
                "/practice/miller-madow?level=hard&seed=8&embed=1"));
        MiPresets.all().forEach(p -> pages.add(p.url()));
        AttentionPresets.all().forEach(p -> pages.add(p.url()));
        StringBuilder big = new StringBuilder("/mi?kind=counts&p=");
        for (int i = 0; i < 32; i++) {
            big.append(i > 0 ? ";" : "");
            for (int j = 0; j < 32; j++) {
                big.append(j > 0 ? "," : "").append((i * 7 + j * 3) % 11);
            }
        }
        pages.add(big.toString());
        // The data page with a result in another unit, with settings in error, with data in error, and
        // with 40 categories gathered into "other".
        pages.add("/data?text=x%2Cy%0Aa%2Cu%0Ab%2Cu%0Ab%2Cv&base=e&permutations=99");
        pages.add("/data?text=x%2Cy%0Aa%2Cu%0Ab%2Cv&base=7&x=nope");
        pages.add("/data?text=x%2Cy%0Aa%2Cu%0Ab%2Cv%2Cw");
        StringBuilder wide = new StringBuilder("id,g\n");
        for (int k = 0; k < 40; k++) {
            wide.append("c").append(k).append(',').append(k % 2).append('\n');
        }
        pages.add("/data?text=" + java.net.URLEncoder.encode(wide.toString(), java.nio.charset.StandardCharsets.UTF_8));
        // The nearest-neighbour estimate: scatter plot, the chart against the bins with its table, a tie note
        // (x is rounded), both permutation tests.
        StringBuilder numbers = new StringBuilder("x,y\n");
        java.util.Random random = new java.util.Random(2);
        for (int k = 0; k < 60; k++) {
            double x = Math.round(random.nextGaussian() * 4) / 4.0;
            numbers.append(x).append(',').append(String.format(java.util.Locale.ROOT, "%.4f", x + random.nextGaussian())).append('\n');
        }
        pages.add("/data?text=" + java.net.URLEncoder.encode(numbers.toString(), java.nio.charset.StandardCharsets.UTF_8)
                + "&estimator=ksg&permutations=99");
        return pages;
    }

    /** One browser for every page, so the whole check takes seconds, not minutes. */
    @Needs(Tool.AXE)
    @Test
    void no_page_has_accessibility_violations_in_either_colour_scheme() throws Exception {
        String axe = Files.readString(AXE);
        WebDriver d = browser.open(true);
        JavascriptExecutor js = (JavascriptExecutor) d;
        List<String> found = new ArrayList<>();
        // A page on which axe found nothing to check (a blank page, say) would pass with no violations.
        List<String> unchecked = new ArrayList<>();
        checkAll(d, js, axe, pages(), "", found, unchecked);
        // The phone layout (the summary bar held at the top) in both schemes, on the pages that have it.
        d.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        // The lesson holds all three explorers; /attention its own summary bar; a table with a mistake the problems in the bar.
        List<String> phone = List.of("/", "/attention", "/examples/attention-additive", "/mi?p=0.5,abc;0,0.5", "/practice",
                "/attention/learned", "/attention/learned?rule=xor&vocabulary=8",
                "/practice/mutual-information?level=easy&seed=3&answer=0.5&hints=2");
        checkAll(d, js, axe, phone, "390 px ", found, unchecked);
        assertEquals(List.of(), unchecked, "pages axe found nothing to check on");
        assertEquals(List.of(), found);
    }

    /**
     * Each page loaded once and checked in the light scheme with every rule, then switched to the dark
     * scheme in place and checked again with the rules whose answer depends on colours (the rest read
     * the markup, which a colour scheme does not change).
     */
    private static void checkAll(WebDriver d, JavascriptExecutor js, String axe, List<String> pages, String size,
            List<String> found, List<String> unchecked) {
        for (String page : pages) {
            scheme(d, "light");
            d.get(base + page);
            js.executeScript(axe);
            for (String scheme : List.of("light", "dark")) {
                scheme(d, scheme);
                Map<?, ?> result = check(js, scheme.equals("light") ? null : COLOUR_RULES);
                for (Object v : (List<?>) result.get("violations")) {
                    found.add(scheme + " " + size + page + ": " + v);
                }
                if (((Number) result.get("passes")).intValue() == 0) {
                    unchecked.add(scheme + " " + size + page);
                }
            }
        }
    }

    /** The axe rules that read colours: what a change of colour scheme can change. */
    private static final List<String> COLOUR_RULES = List.of("color-contrast", "link-in-text-block");

    private static void scheme(WebDriver d, String scheme) {
        ((ChromeDriver) d).executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
    }

    /**
     * axe-core's run on the page now shown (axe already injected), every rule or only {@code rules}: its
     * violations, one line each, and how many of its rules the page passed (none when there was nothing to check).
     */
    private static Map<?, ?> check(JavascriptExecutor js, List<String> rules) {
        return (Map<?, ?>) js.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "const only = arguments[0] ? {runOnly: {type: 'rule', values: arguments[0]}} : {};"
                        + "axe.run(document, Object.assign({resultTypes: ['violations']}, only)).then(r => done({passes: r.passes.length,"
                        + " violations: r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at '"
                        + " + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '))}));", rules);
    }
}
