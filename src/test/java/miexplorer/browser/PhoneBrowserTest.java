package miexplorer.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Made for a thumb (issue 22): on a 390 × 844 touch screen every explorer's inputs fit their boxes up
 * to 3 × 3, no typed value is cut off, and every control is a 44 × 44 px target; at 1280 × 800 the
 * attention explorer's key table needs no scrollbar of its own; the temperature slider has T = 1 at
 * the middle of its track; and while an answer is on its way, or after it failed, the summary says so.
 */
class PhoneBrowserTest extends BrowserTest {
    /** The explorers on a phone: the tutorial's table, a 3 × 3 one, three variables and attention. */
    private static final List<String[]> PAGES = List.of(
            new String[] {"/mi", "#explorer"},
            new String[] {"/examples/perfect-predictor", "#explorer"},
            new String[] {"/examples/cmi-weather-season", "#cmi-explorer"},
            new String[] {"/attention", "#att-explorer"},
            new String[] {"/examples/attention-two-queries", "#att-explorer"},
            new String[] {"/examples/attention-additive", "#att-explorer"});

    /**
     * Everything a finger uses inside the explorer's inputs and summary: at least 44 × 44 px (a radio
     * or a box counts with its label, which takes the tap too); every element's content within its box;
     * every text field's value within the field.
     */
    private static final String MEASURE = """
            const root = document.querySelector(arguments[0]);
            const first = root.querySelector('.ex-inputs table');
            scrollTo(0, first.getBoundingClientRect().top + scrollY - 60); // a failure's screenshot shows the table
            const name = e => e.id ? '#' + e.id : e.tagName.toLowerCase()
                + (typeof e.className === 'string' && e.className ? '.' + e.className.trim().split(/\\s+/).join('.') : '');
            const parts = [root.querySelector('.ex-inputs'), root.querySelector('.ex-side'), root.querySelector('.summary-bar')];
            const out = [];
            for (const part of parts) {
              for (const e of [part, ...part.querySelectorAll('*')]) {
                if (!e.checkVisibility() || e.closest('.visually-hidden, .picture-wrap, svg, math')) continue;
                if (e.scrollWidth > e.clientWidth + 1 && e.clientWidth > 1) // 1 px: a box hidden but for screen readers
                  out.push('content wider than its box: ' + name(e) + ' ' + e.scrollWidth + ' > ' + e.clientWidth);
                const r = e.getBoundingClientRect();
                if (r.right > innerWidth + 0.5 && getComputedStyle(e).position !== 'fixed')
                  out.push('off the screen: ' + name(e) + ' right at ' + Math.round(r.right));
                if (e.matches('button, select, input:not([type=hidden]), textarea, summary')) {
                  const target = e.matches('input[type=radio], input[type=checkbox]') && e.closest('label') || e;
                  const t = target.getBoundingClientRect();
                  if (t.width < 43.5 || t.height < 43.5)
                    out.push('target under 44 × 44: ' + name(e) + ' ' + Math.round(t.width) + ' × ' + Math.round(t.height));
                }
              }
            }
            return out;""";

    @Test
    void on_a_phone_every_explorer_fits_its_screen_and_every_control_fits_a_thumb() {
        WebDriver d = browser.open(true);
        phone(d);
        JavascriptExecutor js = (JavascriptExecutor) d;
        d.get(base + "/mi");
        assertEquals(Boolean.TRUE, js.executeScript("return matchMedia('(pointer: coarse)').matches;"), "a touch screen");
        for (String[] page : PAGES) {
            d.get(base + page[0]);
            @SuppressWarnings("unchecked")
            List<String> found = (List<String>) js.executeScript(MEASURE, page[1]);
            assertEquals(List.of(), found, page[0]);
        }
        // Three rows of eight columns do not fit: the table scrolls in its box, says so, and keeps its row labels in view.
        d.get(base + "/mi?kind=counts&p=1,2,3,4,5,6,7,8;2,3,4,5,6,7,8,9;3,4,5,6,7,8,9,10");
        @SuppressWarnings("unchecked")
        Map<String, Object> wide = (Map<String, Object>) js.executeScript("""
                const wrap = document.getElementById('joint-table').closest('.table-wrap');
                const hint = wrap.classList.contains('more-right') && getComputedStyle(wrap, '::before').content;
                wrap.scrollLeft = wrap.scrollWidth;
                return {hint: String(hint), label: document.getElementById('xl-0').getBoundingClientRect().left - wrap.getBoundingClientRect().left,
                        page: document.documentElement.scrollWidth - innerWidth};""");
        assertTrue(String.valueOf(wide.get("hint")).contains("scroll sideways"), "a hint: " + wide.get("hint"));
        assertTrue(((Number) wide.get("label")).doubleValue() < 10, "the row labels in view: " + wide.get("label"));
        assertEquals(0L, ((Number) wide.get("page")).longValue(), "the page itself does not scroll sideways");
        new WebDriverWait(d, Duration.ofSeconds(5)).until(x -> !((Boolean) js.executeScript(
                "return document.getElementById('joint-table').closest('.table-wrap').classList.contains('more-right');")));
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void on_a_laptop_the_key_table_has_no_scrollbar_of_its_own_and_t_1_is_mid_track() {
        WebDriver d = browser.open(true);
        d.manage().window().setSize(new Dimension(1280, 800));
        JavascriptExecutor js = (JavascriptExecutor) d;
        for (String path : List.of("/attention", "/examples/attention-two-queries")) {
            d.get(base + path);
            @SuppressWarnings("unchecked")
            Map<String, Object> r = (Map<String, Object>) js.executeScript("""
                    const table = document.getElementById('key-table'), wrap = table.closest('.table-wrap');
                    const clipped = Array.from(table.querySelectorAll('caption, th, td, input')).filter(e => e.scrollWidth > e.clientWidth + 1)
                        .map(e => e.id || e.textContent.trim().slice(0, 30));
                    return {wrap: wrap.scrollWidth + ' / ' + wrap.clientWidth, scrolls: wrap.scrollWidth > wrap.clientWidth, clipped: clipped};""");
            assertEquals(Boolean.FALSE, r.get("scrolls"), path + ": the key table's box " + r.get("wrap"));
            assertEquals(List.of(), r.get("clipped"), path + ": cut in the key table");
        }
        // The slider at T = 1 (the page's start): its thumb halfway along the track.
        d.get(base + "/attention");
        assertEquals("1", d.findElement(By.id("att-temp")).getDomProperty("value"));
        double at = ((Number) js.executeScript(
                "const s = document.getElementById('att-temp-slider'); return (s.value - s.min) / (s.max - s.min);")).doubleValue();
        assertTrue(at >= 0.45 && at <= 0.55, "T = 1 at " + at + " of the track");
        // One step right from the keyboard multiplies T by 1.12, the field shows it and the weights follow.
        WebElement slider = d.findElement(By.id("att-temp-slider"));
        slider.sendKeys(Keys.ARROW_RIGHT);
        new WebDriverWait(d, Duration.ofSeconds(10)).until(x -> x.getCurrentUrl().contains("temp=1.12"));
        assertEquals("1.12", d.findElement(By.id("att-temp")).getDomProperty("value"));
        assertEquals("1.12", d.findElement(By.id("att-temp-slider")).getDomAttribute("aria-valuetext"));
        assertEquals(List.of(), browser.consoleErrors());
    }

    /**
     * Answers held back 800 ms: while one is on its way the summary is marked busy and says it is
     * working; with the connection lost it says the numbers are out of date and offers to try again,
     * with what was typed still in its cell; once back, the retry shows the numbers for that cell.
     */
    @Test
    void the_summary_says_when_an_answer_is_on_its_way_and_when_it_could_not_come() {
        WebDriver d = browser.open(true);
        d.manage().window().setSize(new Dimension(1280, 800));
        d.get(base + "/mi?p=0.36,0.04;0.12,0.48&kind=counts");
        ChromeDriver c = (ChromeDriver) d;
        c.executeCdpCommand("Network.enable", Map.of());
        c.executeCdpCommand("Network.emulateNetworkConditions",
                Map.of("offline", false, "latency", 800, "downloadThroughput", -1, "uploadThroughput", -1));
        WebElement cell = d.findElement(By.id("c-1-1"));
        cell.click();
        cell.sendKeys(Keys.chord(Keys.CONTROL, "a"), "0.5");
        WebDriverWait wait = new WebDriverWait(d, Duration.ofSeconds(10));
        wait.until(x -> "true".equals(x.findElement(By.id("mi-summary")).getDomAttribute("aria-busy")));
        assertTrue(d.findElement(By.id("mi-status")).getText().contains("Working"), d.findElement(By.id("mi-status")).getText());
        wait.until(x -> x.getCurrentUrl().contains("p=0.36,0.04;0.12,0.5&"));
        wait.until(x -> x.findElement(By.id("mi-summary")).getDomAttribute("aria-busy") == null);
        assertEquals("", d.findElement(By.id("mi-status")).getText());

        c.executeCdpCommand("Network.emulateNetworkConditions",
                Map.of("offline", true, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
        cell.sendKeys(Keys.chord(Keys.CONTROL, "a"), "0.6");
        wait.until(x -> x.findElement(By.id("mi-status")).getText().contains("out of date"));
        assertEquals("0.6", d.findElement(By.id("c-1-1")).getDomProperty("value"), "what was typed stays");
        c.executeCdpCommand("Network.emulateNetworkConditions",
                Map.of("offline", false, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
        d.findElement(By.cssSelector("#mi-status button")).click();
        wait.until(x -> x.getCurrentUrl().contains("p=0.36,0.04;0.12,0.6&"));
        wait.until(x -> x.findElement(By.id("mi-status")).getText().isEmpty());
        assertEquals("0.6", d.findElement(By.id("c-1-1")).getDomProperty("value"));
    }

    /** A 390 × 844 touch screen, as a phone reports itself. */
    private static void phone(WebDriver d) {
        ChromeDriver c = (ChromeDriver) d;
        c.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 3, "mobile", true));
        c.executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", true, "maxTouchPoints", 5));
    }
}
