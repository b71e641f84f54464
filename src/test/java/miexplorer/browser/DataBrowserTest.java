package miexplorer.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The data page in a real browser: paste, upload with its progress bar, the link to /mi, a permutation
 * test stopped (by mouse and by keyboard), errors beside their fields, no JavaScript. Its pages are in
 * {@link AccessibilityTest}'s list.
 */
class DataBrowserTest extends BrowserTest {

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
            // No permutation test: with the default 999 shuffles of 30,000 rows its steps run on after the
            // result, and pressing Estimate again while one is out aborts it (htmx logs the abort as an error).
            d.findElement(By.id("data-permutations")).clear();
            d.findElement(By.id("data-permutations")).sendKeys("0");
            d.findElement(By.id("data-submit")).click();
            WebDriverWait wait = new WebDriverWait(d, Duration.ofSeconds(20));
            wait.until(ExpectedConditions.textMatches(By.id("data-summary"), Pattern.compile(".*From the file samples.*")));
            assertTrue(text(d, "data-summary").contains("30000 rows read"), text(d, "data-summary"));
            List<?> progress = (List<?>) js(d).executeScript("return window.__progress;");
            assertTrue(!progress.isEmpty(), "htmx reported the upload's progress");
            assertEquals(100L, progress.stream().mapToLong(v -> ((Number) v).longValue()).max().orElse(0),
                    "and the bar reached the end: " + progress);
            assertEquals(Boolean.TRUE, js(d).executeScript("return document.getElementById('data-file').files.length === 1;"),
                    "the file is still chosen, to run again with other settings");
            d.findElement(By.cssSelector("input[name=base][value=e]")).click();
            d.findElement(By.id("data-submit")).click();
            wait.until(ExpectedConditions.textMatches(By.id("estimates"), Pattern.compile("(?s).*in nats.*")));
            assertEquals(List.of(), browser.consoleErrors());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /*
     * The Stop button is a real button in the step's form: the keyboard reaches it, and htmx gives the
     * focus back to the button of the same id in each new step, so it can be pressed while the test runs.
     * Once stopped, the focus goes to the result and the live region says what it is.
     */
    @Test
    void the_permutation_test_can_be_stopped_from_the_keyboard_and_its_end_is_announced() throws Exception {
        Path file = manyRows();
        try {
            WebDriver d = browser.open(true);
            startPermutationTest(d, file);
            WebDriverWait wait = new WebDriverWait(d, Duration.ofSeconds(30));
            wait.until(dr -> progress(dr) > 0);
            assertTrue(announced(d).contains("Permutation test running: 20000 shuffles."), announced(d));
            js(d).executeScript("window.__samePage = true; document.getElementById('perm-stop').focus();");
            long focused = progress(d);
            wait.until(dr -> progress(dr) > focused); // at least one new step has replaced the form
            long later = progress(d);
            wait.until(dr -> progress(dr) > later);
            assertEquals("perm-stop", activeId(d), "the focus stays on Stop here from step to step");
            new Actions(d).sendKeys(Keys.ENTER).perform();
            wait.until(ExpectedConditions.textMatches(By.id("perm-result"), Pattern.compile("Stopped after \\d+ of 20000 shuffles.*")));
            wait.until(dr -> "perm-result".equals(activeId(dr)));
            wait.until(dr -> announced(dr).startsWith("Permutation test stopped after "));
            String p = d.findElement(By.id("perm-p")).getText();
            assertTrue(announced(d).endsWith(": p = " + p + "."), announced(d));
            assertTrue(d.findElements(By.id("perm-progress")).isEmpty());
            assertEquals(Boolean.TRUE, js(d).executeScript("return window.__samePage === true;"), "the page stays, with its results");
            assertTrue(text(d, "data-summary").contains("200000 rows read"), text(d, "data-summary"));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /*
     * Without JavaScript a long test runs one step of about two seconds' work in the form's own request,
     * then shows how far it got with Continue and Stop here buttons; Stop here gives the p-value so far.
     */
    @Test
    void without_javascript_a_long_permutation_test_continues_and_stops_with_buttons() throws Exception {
        Path file = manyRows();
        try {
            WebDriver d = browser.open(false);
            startPermutationTest(d, file);
            WebDriverWait wait = new WebDriverWait(d, Duration.ofSeconds(60));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("perm-continue")));
            assertTrue(text(d, "data-summary").contains("200000 rows read"), text(d, "data-summary"));
            long first = progress(d);
            assertTrue(first > 0 && first < 20000, "one step's worth: " + first);
            d.findElement(By.id("perm-continue")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
            wait.until(dr -> progress(dr) > first);
            long second = progress(d);
            assertTrue(d.getCurrentUrl().endsWith("/data/permutations"), d.getCurrentUrl());
            d.findElement(By.id("perm-stop")).click();
            wait.until(ExpectedConditions.textMatches(By.id("perm-result"), Pattern.compile("Stopped after " + second + " of 20000 shuffles.*")));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /* The example's table, [[8, 2], [3, 7]]: I = 0.1912 bits here, and 0.191 bits in the explorer (3 decimals). */
    @Test
    void the_link_opens_the_explorer_on_the_same_table_with_the_same_mutual_information() {
        WebDriver d = browser.open(true);
        d.get(base + "/data");
        assertEquals("0.1912", text(d, "est-mi"));
        d.findElement(By.cssSelector("#mi-link a")).click();
        new WebDriverWait(d, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("mi-value")));
        assertTrue(d.getCurrentUrl().contains("/mi?") && d.getCurrentUrl().contains("kind=counts"), d.getCurrentUrl());
        assertEquals("0.191 bits", text(d, "mi-value"));
        assertEquals(List.of(), browser.consoleErrors());
    }

    /*
     * A file over the 50 MB limit is refused in the page before anything is sent, so the settings and
     * the text typed with it stay as they were (the server refuses such a body unread, and its answer
     * could not give them back). The file is sparse: 50 MB + 1 byte of nothing, never read.
     */
    @Test
    void a_file_over_the_limit_is_refused_before_it_is_sent_and_nothing_typed_is_lost() throws Exception {
        Path file = Files.createTempFile("too-big", ".csv");
        try (java.io.RandomAccessFile raf = new java.io.RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(miexplorer.web.data.DataRoutes.MAX_UPLOAD + 1);
        }
        try {
            WebDriver d = browser.open(true);
            d.get(base + "/data");
            js(d).executeScript("window.__sent = 0; document.addEventListener('htmx:beforeSend', function () { window.__sent++; });");
            typeData(d, "city,brand\nOslo,A\n", "city", "77");
            d.findElement(By.id("data-file")).sendKeys(file.toAbsolutePath().toString());
            d.findElement(By.id("data-submit")).click();

            new WebDriverWait(d, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("err-data")));
            String name = file.getFileName().toString();
            assertEquals("The file “" + name + "” is 52,428,801 bytes, larger than the 50 MB this app reads."
                    + " Nothing was sent: choose a smaller file.", text(d, "err-data"));
            WebElement input = d.findElement(By.id("data-file"));
            assertEquals("true", input.getAttribute("aria-invalid"));
            assertEquals("err-data", input.getAttribute("aria-describedby"));
            assertTrue(announced(d).startsWith("Not sent: The file"), announced(d));
            assertEquals(0L, js(d).executeScript("return window.__sent;"), "no request went out");
            assertEquals("city", d.findElement(By.id("data-x")).getAttribute("value"));
            assertEquals("77", d.findElement(By.id("data-seed")).getAttribute("value"));
            assertEquals("city,brand\nOslo,A\n", d.findElement(By.id("data-text")).getAttribute("value"));
            assertEquals(Boolean.TRUE, js(d).executeScript("return document.getElementById('data-file').files.length === 1;"));
            assertEquals(List.of(), browser.consoleErrors());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /* A bad column name: its message beside the field, the field marked invalid, what was typed kept, and the message announced. */
    @Test
    void an_error_is_shown_beside_its_field_with_what_was_typed_kept_with_and_without_javascript() {
        for (boolean javascript : new boolean[] {true, false}) {
            WebDriver d = browser.open(javascript);
            d.get(base + "/data");
            typeData(d, "city,brand\nOslo,A\nRome,B\nOslo,B\n", "town", "77");
            d.findElement(By.id("data-submit")).click();
            WebDriverWait wait = new WebDriverWait(d, Duration.ofSeconds(10));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("err-x")));
            String where = javascript ? "with JavaScript" : "without";
            assertTrue(text(d, "err-x").startsWith("No column is named “town”"), where + ": " + text(d, "err-x"));
            WebElement x = d.findElement(By.id("data-x"));
            assertEquals("town", x.getAttribute("value"), where);
            assertEquals("true", x.getAttribute("aria-invalid"), where);
            assertEquals("err-x", x.getAttribute("aria-describedby"), where);
            assertEquals("77", d.findElement(By.id("data-seed")).getAttribute("value"), where);
            assertEquals("city,brand\nOslo,A\nRome,B\nOslo,B\n", d.findElement(By.id("data-text")).getAttribute("value"), where);
            assertTrue(d.findElements(By.id("est-mi")).isEmpty(), where + ": nothing computed");
            if (javascript) {
                wait.until(dr -> announced(dr).startsWith("Not computed: No column is named “town”"));
                assertEquals(List.of(), browser.consoleErrors());
            }
            browser.close();
        }
    }

    @Test
    void a_long_permutation_test_shows_its_progress_and_can_be_stopped() throws Exception {
        Path file = manyRows();
        try {
            WebDriver d = browser.open(true);
            startPermutationTest(d, file);
            WebDriverWait wait = new WebDriverWait(d, Duration.ofSeconds(20));
            wait.until(dr -> progress(dr) > 0);
            long first = progress(d);
            // Several steps in, so that the restarted test is seen below this count, however fast it runs.
            wait.until(dr -> progress(dr) >= 4 * first);
            // Estimating again while the test runs starts it afresh, here with 19999 shuffles. Pressed at the worst
            // moment: a step's answer is in place, and htmx has not yet asked for the next step. The old test must
            // not go on beside the new one and take its place again (the morph keeps the form element too).
            js(d).executeScript("""
                    document.addEventListener('htmx:afterSwap', function again(e) {
                      if (e.target.id !== 'permutation') return;
                      document.removeEventListener('htmx:afterSwap', again);
                      document.getElementById('data-permutations').value = '19999';
                      document.getElementById('data-submit').click();
                    });""");
            wait.until(dr -> total(dr) == 19999);
            long restarted = progress(d);
            wait.until(dr -> progress(dr) >= restarted + 3 * first);
            assertEquals(19999, total(d), "the new test goes on, and the old one does not come back");
            // Clicked in one script: each step replaces the form, so a found element can go stale before a WebDriver click.
            js(d).executeScript("window.__samePage = true; document.getElementById('perm-stop').click();");
            wait.until(ExpectedConditions.textMatches(By.id("perm-result"), Pattern.compile("Stopped after \\d+ of 19999 shuffles.*")));
            Thread.sleep(500);
            assertTrue(d.findElements(By.id("perm-progress")).isEmpty(), "no step runs after stopping");
            assertEquals(Boolean.TRUE, js(d).executeScript("return window.__samePage === true;"), "Stop swaps its answer in; the page stays");
            assertTrue(text(d, "data-summary").contains("200000 rows read"), text(d, "data-summary"));
            // Stop and Estimate abort the pending step on purpose, and htmx logs an aborted request as an error
            // ("htmx:sendAbort", then "htmx:afterRequest"); a failed load (a 5xx, say) would still show here.
            assertEquals(List.of(), browser.consoleErrors().stream()
                    .filter(m -> !m.contains("\"htmx:sendAbort\"") && !m.contains("\"htmx:afterRequest\"")).toList());
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

    /*
     * The estimator's radio and k with htmx, for an uploaded file whose KSG permutation test runs in steps,
     * each sending the chosen file again (hx-include); that the steps give exactly the API's p-value is
     * DataWebTest's. Then without JavaScript, pasted text: the form posts and the whole page comes back
     * with the estimate and the choices kept.
     */
    @Test
    void the_estimator_and_k_work_with_htmx_where_a_files_ksg_test_runs_in_steps_and_without_javascript() throws Exception {
        Path file = Files.createTempFile("numbers", ".csv");
        try {
            StringBuilder csv = new StringBuilder("v,w\n");
            Random random = new Random(12);
            for (int k = 0; k < 300; k++) {
                double v = random.nextGaussian();
                csv.append(v).append(',').append(0.05 * v + random.nextGaussian()).append('\n');
            }
            Files.writeString(file, csv, StandardCharsets.UTF_8);
            WebDriver d = browser.open(true);
            d.get(base + "/data");
            d.findElement(By.id("data-file")).sendKeys(file.toAbsolutePath().toString());
            d.findElement(By.cssSelector("input[name=estimator][value=ksg]")).click();
            d.findElement(By.id("data-k")).clear();
            d.findElement(By.id("data-k")).sendKeys("4");
            d.findElement(By.id("data-permutations")).clear();
            d.findElement(By.id("data-permutations")).sendKeys("3000");
            js(d).executeScript("window.__steps = 0; document.addEventListener('htmx:beforeRequest', function (e) {"
                    + " if (e.target.closest && e.target.closest('#ksg-permutation')) window.__steps++; });");
            d.findElement(By.id("data-submit")).click();
            WebDriverWait wait = new WebDriverWait(d, Duration.ofSeconds(30));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("ksg-perm-p")));
            java.net.http.HttpResponse<String> api = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(base + "/api/samples?estimator=ksg&k=4")).header("Content-Type", "text/csv")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofFile(file)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertTrue(((Number) js(d).executeScript("return window.__steps;")).longValue() >= 1, "at least one step was asked for");
            assertTrue(text(d, "ksg-perm-result").contains("of 3000 shuffles gave at least the observed KSG estimate"),
                    text(d, "ksg-perm-result"));
            String ksg = api.body().replaceAll(".*\"mutualInformationKsg\":([^,}]+).*", "$1");
            assertEquals(miexplorer.web.render.Format.fixed(Double.parseDouble(ksg), 3), text(d, "est-ksg"));
            assertTrue(text(d, "ksg-estimate").contains("with k = 4"), text(d, "ksg-estimate"));
            assertEquals(List.of(), browser.consoleErrors());
            browser.close();

            WebDriver plain = browser.open(false);
            plain.get(base + "/data");
            WebElement area = plain.findElement(By.id("data-text"));
            area.clear();
            area.sendKeys("a,b\n1,2.5\n2,2.1\n3,3.9\n4,4.4\n5,4.8\n6,6.6\n7,7.1\n");
            plain.findElement(By.cssSelector("input[name=estimator][value=ksg]")).click();
            plain.findElement(By.id("data-k")).clear();
            plain.findElement(By.id("data-k")).sendKeys("2");
            plain.findElement(By.id("data-submit")).click();
            new WebDriverWait(plain, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("est-ksg")));
            assertEquals("2", plain.findElement(By.id("data-k")).getAttribute("value"));
            assertTrue(plain.findElement(By.cssSelector("input[name=estimator][value=ksg]")).isSelected());
            assertTrue(text(plain, "ksg-estimate").contains("from 7 pairs with k = 2"), text(plain, "ksg-estimate"));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** 200 000 rows of two independent five-valued columns: a permutation test of 20 000 shuffles takes minutes. */
    private static Path manyRows() throws Exception {
        Path file = Files.createTempFile("many", ".csv");
        StringBuilder csv = new StringBuilder("x,y\n");
        Random random = new Random(4);
        for (int k = 0; k < 200_000; k++) {
            csv.append(random.nextInt(5)).append(',').append(random.nextInt(5)).append('\n');
        }
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        return file;
    }

    /** Opens the data page with {@code file} chosen and asks for a permutation test of 20000 shuffles. */
    private static void startPermutationTest(WebDriver d, Path file) {
        d.get(base + "/data");
        d.findElement(By.id("data-file")).sendKeys(file.toAbsolutePath().toString());
        d.findElement(By.id("data-permutations")).clear();
        d.findElement(By.id("data-permutations")).sendKeys("20000");
        d.findElement(By.id("data-submit")).click();
    }

    /** The permutation test's number of shuffles asked for (its progress bar's max); -1 when absent. */
    private static long total(WebDriver d) {
        return bar(d, "max");
    }

    /** The permutation test's shuffles done (its progress bar's value); -1 when absent. */
    /**
     * A server busy with other people's data: the page says so beside the upload, keeps the file chosen,
     * and sends it again by itself after the wait the server asked for; the result then comes as usual.
     */
    @Test
    void when_the_server_is_busy_the_page_says_so_and_sends_the_same_file_again_after_the_wait() throws Exception {
        java.util.concurrent.ScheduledExecutorService timer = miexplorer.web.server.HeavyWork.timer();
        miexplorer.web.server.Budget budget = new miexplorer.web.server.Budget(8L << 20, 1, Duration.ofMillis(300), timer);
        io.javalin.Javalin busy = miexplorer.web.App.create(miexplorer.web.App.Config.production().withBudget(budget)).start("127.0.0.1", 0);
        Path file = Files.createTempFile("pairs", ".csv");
        try {
            Files.writeString(file, "x,y\n" + "a,u\na,u\na,v\nb,v\n".repeat(50), StandardCharsets.UTF_8);
            WebDriver d = browser.open(true);
            d.get("http://127.0.0.1:" + busy.port() + "/data"); // the page as it opens is never kept waiting
            miexplorer.web.server.Budget.Permit held = budget.reserve(8L << 20, 1).get(10, java.util.concurrent.TimeUnit.SECONDS);
            d.findElement(By.id("data-file")).sendKeys(file.toAbsolutePath().toString());
            d.findElement(By.id("data-permutations")).clear();
            d.findElement(By.id("data-permutations")).sendKeys("0");
            d.findElement(By.id("data-submit")).click();
            WebDriverWait wait = new WebDriverWait(d, Duration.ofSeconds(20));
            wait.until(ExpectedConditions.textMatches(By.id("err-data"), Pattern.compile(".*busy with other people's data.*Sending it again in \\d+ s.*")));
            assertEquals("err-data", d.findElement(By.id("data-file")).getAttribute("aria-describedby"), "the message is the upload's");
            held.close();
            wait.until(ExpectedConditions.textMatches(By.id("data-summary"), Pattern.compile(".*From the file pairs.*200 rows read.*")));
            assertEquals(Boolean.TRUE, js(d).executeScript("return document.getElementById('data-file').files.length === 1;"),
                    "the file is still chosen");
        } finally {
            busy.stop();
            timer.shutdownNow();
            Files.deleteIfExists(file);
        }
    }

    private static long progress(WebDriver d) {
        return bar(d, "value");
    }

    /** A property of the permutation test's progress bar, read in one script (the bar is replaced at each step). */
    private static long bar(WebDriver d, String property) {
        Object v = js(d).executeScript("var b = document.getElementById('perm-progress'); return b ? b[arguments[0]] : -1;", property);
        return ((Number) v).longValue();
    }

    private static String activeId(WebDriver d) {
        return (String) js(d).executeScript("return document.activeElement ? document.activeElement.id : null;");
    }

    /** Replaces the pasted text, types X's column (after what is there) and the seed. */
    private static void typeData(WebDriver d, String text, String x, String seed) {
        WebElement area = d.findElement(By.id("data-text"));
        area.clear();
        area.sendKeys(text);
        d.findElement(By.id("data-x")).sendKeys(x);
        d.findElement(By.id("data-seed")).clear();
        d.findElement(By.id("data-seed")).sendKeys(seed);
    }

    private static String announced(WebDriver d) {
        return (String) js(d).executeScript("return document.getElementById('announce').textContent.trim();");
    }

    private static JavascriptExecutor js(WebDriver d) {
        return (JavascriptExecutor) d;
    }

    private static String text(WebDriver d, String id) {
        return d.findElement(By.id(id)).getText();
    }
}
