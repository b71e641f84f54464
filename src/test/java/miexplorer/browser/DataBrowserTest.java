package miexplorer.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.javalin.Javalin;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import miexplorer.web.App;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The data page in a real browser: paste, upload with its progress bar, a permutation test stopped, no JavaScript, axe. */
class DataBrowserTest {
    private static final Path AXE = Path.of("node_modules", "axe-core", "axe.min.js");

    @RegisterExtension
    final Browser browser = new Browser();

    private static Javalin app;
    private static String base;

    @BeforeAll
    static void start() {
        app = App.create(App.Config.production()).start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + app.port();
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    /*
     * x = a a a b, y = u u v v: I = H(X) + H(Y) − H(X,Y) = 0.8113 + 1 − 1.5 = 0.3113 bits (see SampleEstimatesTest).
     */
    @Test
    void pasted_text_gives_its_result_in_place_and_the_url_follows() {
        WebDriver d = browser.open(true);
        d.get(base + "/data");
        WebDriverWait wait = new WebDriverWait(d, Duration.ofSeconds(10));
        assertEquals("0.1912", text(d, "est-mi"));
        js(d).executeScript("window.__samePage = true;");
        WebElement area = d.findElement(By.id("data-text"));
        area.clear();
        area.sendKeys("x,y\na,u\na,u\na,v\nb,v\n");
        d.findElement(By.id("data-permutations")).clear();
        d.findElement(By.id("data-permutations")).sendKeys("0");
        d.findElement(By.id("data-submit")).click();
        wait.until(ExpectedConditions.textToBe(By.id("est-mi"), "0.3113"));
        assertEquals(Boolean.TRUE, js(d).executeScript("return window.__samePage === true;"), "swapped in, not reloaded");
        assertTrue(d.getCurrentUrl().contains("/data?text=x%2Cy%0Aa%2Cu"), "the browser's CRLF become LF: " + d.getCurrentUrl());
        d.navigate().refresh();
        assertEquals("0.3113", text(d, "est-mi"));
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void an_upload_reports_its_progress_and_its_file_stays_chosen() throws Exception {
        Path file = Files.createTempFile("samples", ".csv");
        try {
            StringBuilder csv = new StringBuilder("colour,size\n");
            for (int k = 0; k < 30_000; k++) {
                csv.append(k % 3 == 0 ? "red" : "blue").append(',').append(k % 2 == 0 ? "big" : "small").append('\n');
            }
            Files.writeString(file, csv, StandardCharsets.UTF_8);
            WebDriver d = browser.open(true);
            d.get(base + "/data");
            js(d).executeScript("window.__progress = []; document.addEventListener('htmx:xhr:progress', function () {"
                    + " window.__progress.push(document.getElementById('upload-progress').value); });");
            d.findElement(By.id("data-file")).sendKeys(file.toAbsolutePath().toString());
            d.findElement(By.id("data-submit")).click();
            WebDriverWait wait = new WebDriverWait(d, Duration.ofSeconds(20));
            wait.until(ExpectedConditions.textMatches(By.id("data-summary"), java.util.regex.Pattern.compile(".*From the file samples.*")));
            assertTrue(text(d, "data-summary").contains("30000 rows read"), text(d, "data-summary"));
            List<?> progress = (List<?>) js(d).executeScript("return window.__progress;");
            assertTrue(!progress.isEmpty(), "htmx reported the upload's progress");
            assertEquals(100L, progress.stream().mapToLong(v -> ((Number) v).longValue()).max().orElse(0),
                    "and the bar reached the end: " + progress);
            assertEquals(Boolean.TRUE, js(d).executeScript("return document.getElementById('data-file').files.length === 1;"),
                    "the file is still chosen, to run again with other settings");
            d.findElement(By.cssSelector("input[name=base][value=e]")).click();
            d.findElement(By.id("data-submit")).click();
            wait.until(ExpectedConditions.textMatches(By.id("estimates"), java.util.regex.Pattern.compile("(?s).*in nats.*")));
            assertEquals(List.of(), browser.consoleErrors());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void a_long_permutation_test_shows_its_progress_and_can_be_stopped() throws Exception {
        Path file = Files.createTempFile("many", ".csv");
        try {
            StringBuilder csv = new StringBuilder("x,y\n");
            Random random = new Random(4);
            for (int k = 0; k < 200_000; k++) {
                csv.append(random.nextInt(5)).append(',').append(random.nextInt(5)).append('\n');
            }
            Files.writeString(file, csv, StandardCharsets.UTF_8);
            WebDriver d = browser.open(true);
            d.get(base + "/data");
            d.findElement(By.id("data-file")).sendKeys(file.toAbsolutePath().toString());
            d.findElement(By.id("data-permutations")).clear();
            d.findElement(By.id("data-permutations")).sendKeys("20000");
            d.findElement(By.id("data-submit")).click();
            WebDriverWait wait = new WebDriverWait(d, Duration.ofSeconds(20));
            wait.until(dr -> progress(dr) > 0);
            long first = progress(d);
            wait.until(dr -> progress(dr) > first);
            // Clicked in one script: each step replaces the form, so a found element can go stale before a WebDriver click.
            js(d).executeScript("document.getElementById('perm-stop').click();");
            wait.until(ExpectedConditions.textMatches(By.id("perm-result"), java.util.regex.Pattern.compile("Stopped after \\d+ of 20000 shuffles.*")));
            Thread.sleep(500);
            assertTrue(d.findElements(By.id("perm-progress")).isEmpty(), "no step runs after stopping");
            assertEquals(List.of(), browser.consoleErrors());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void without_javascript_the_form_posts_and_the_whole_page_comes_back() {
        WebDriver d = browser.open(false);
        d.get(base + "/data");
        WebElement area = d.findElement(By.id("data-text"));
        area.clear();
        area.sendKeys("x,y\na,u\na,u\na,v\nb,v\n");
        d.findElement(By.id("data-submit")).click();
        new WebDriverWait(d, Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(By.id("est-mi"), "0.3113"));
        assertTrue(d.findElement(By.id("perm-p")).getText().length() > 0, "the permutation test ran in the same request");
    }

    @Test
    void the_data_pages_have_no_accessibility_violations() throws Exception {
        if (!Files.exists(AXE)) {
            String message = "ACCESSIBILITY TESTS NEED " + AXE + ": run `npm ci` (.ci/run does)";
            if ("true".equals(System.getenv("CI"))) {
                fail(message);
            }
            System.err.println("\n*** SKIPPING: " + message + " ***\n");
            assumeTrue(false, message);
        }
        String axe = Files.readString(AXE);
        WebDriver d = browser.open(true);
        StringBuilder wide = new StringBuilder("id,g\n");
        for (int k = 0; k < 40; k++) {
            wide.append("c").append(k).append(',').append(k % 2).append('\n');
        }
        List<String> pages = List.of("/data", "/data?text=x%2Cy%0Aa%2Cu%0Ab%2Cu&base=e", "/data?text=x%2Cy%0Aa%2Cu%0Ab%2Cv&base=7",
                "/data?text=" + java.net.URLEncoder.encode(wide.toString(), StandardCharsets.UTF_8));
        List<String> found = new ArrayList<>();
        for (String scheme : List.of("light", "dark")) {
            ((ChromeDriver) d).executeCdpCommand("Emulation.setEmulatedMedia",
                    Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
            for (String page : pages) {
                d.get(base + page);
                js(d).executeScript(axe);
                Object violations = js(d).executeAsyncScript(
                        "const done = arguments[arguments.length - 1];"
                                + "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations.map(v =>"
                                + " v.id + ' (' + v.impact + '): ' + v.help + ' at ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '))));");
                for (Object v : (List<?>) violations) {
                    found.add(scheme + " " + page + ": " + v);
                }
            }
        }
        assertEquals(List.of(), found);
    }

    /** The permutation test's progress bar's value, read in one script (the bar is replaced at each step); -1 when absent. */
    private static long progress(WebDriver d) {
        Object v = js(d).executeScript("var b = document.getElementById('perm-progress'); return b ? b.value : -1;");
        return ((Number) v).longValue();
    }

    private static JavascriptExecutor js(WebDriver d) {
        return (JavascriptExecutor) d;
    }

    private static String text(WebDriver d, String id) {
        return d.findElement(By.id(id)).getText();
    }
}
