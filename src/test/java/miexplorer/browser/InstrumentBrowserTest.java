package miexplorer.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import miexplorer.attention.QueryAttention;
import miexplorer.info.Analysis;
import miexplorer.info.JointDistribution;
import miexplorer.info.LogBase;
import miexplorer.web.render.Format;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The explorers as instruments (issue 13): an edit's effect shows beside it while the person types,
 * in view on a laptop screen and on a phone, with nothing typed lost.
 */
class InstrumentBrowserTest extends BrowserTest {
    /** The weather table as counts, so that one edited cell still makes a table (probabilities would no longer add up to 1). */
    private static final String WEATHER_COUNTS = "/mi?x=Weather&y=Forecast&xl=Rain&xl=Sun&yl=Forecast+rain&yl=Forecast+sun"
            + "&p=0.36,0.04;0.12,0.48&kind=counts&base=2";

    /**
     * At 1280 × 800 the summary beside the table shows I(X; Y); at 390 × 844 the bar at the top of the
     * screen does. Ten characters typed 20 ms apart while the answer to the first edit arrives are all
     * kept, and the last answer shows I for the table as typed, worked out here from the same cells.
     */
    @Test
    void typing_fast_into_a_cell_keeps_every_character_and_shows_the_new_result_in_view_with_the_focus_in_the_cell() {
        WebDriver d = browser.open(true);
        for (Dimension size : List.of(new Dimension(1280, 800), new Dimension(390, 844))) {
            d.manage().window().setSize(size);
            d.get(base + WEATHER_COUNTS);
            JavascriptExecutor js = (JavascriptExecutor) d;
            js.executeScript("window.__sent = 0; window.__settled = 0;"
                    + " document.addEventListener('htmx:beforeRequest', function () { window.__sent++; });"
                    + " document.addEventListener('htmx:afterSettle', function () { if (window.__sent) window.__settled++; });");
            WebElement cell = d.findElement(By.id("c-1-1"));
            cell.click();
            cell.sendKeys(Keys.chord(Keys.CONTROL, "a"), "0.5");
            // Once the pause has sent "0.5", type on at once: its answer arrives while the keys go in.
            new WebDriverWait(d, Duration.ofSeconds(10)).until(x -> ((Number) js.executeScript("return window.__sent;")).intValue() > 0);
            Actions keys = new Actions(d);
            for (char c : "1234567890".toCharArray()) {
                keys.sendKeys(String.valueOf(c)).pause(Duration.ofMillis(20));
            }
            keys.perform();
            String typed = "0.51234567890";
            String expected = Format.fixed(Analysis.mutualInformationOf(JointDistribution.fromWeights(
                    new double[][] {{0.36, 0.04}, {0.12, Double.parseDouble(typed)}}), LogBase.TWO), 3) + " bits";
            String shown = size.getWidth() >= 960 ? "mi-value" : "mi-bar-value";
            new WebDriverWait(d, Duration.ofSeconds(10)).until(x -> expected.equals(text(x, shown)));

            assertEquals(typed, d.findElement(By.id("c-1-1")).getDomProperty("value"), size + ": every character kept");
            assertEquals("c-1-1", d.switchTo().activeElement().getAttribute("id"), size + ": the focus stays in the cell");
            assertTrue(((Number) js.executeScript("return window.__settled;")).intValue() >= 1, size + ": answers came while typing");
            assertInView(d, shown, "c-1-1");
            assertEquals(List.of(), browser.consoleErrors());
        }
    }

    @Test
    void a_half_typed_number_shows_no_message_until_the_cell_is_left() {
        WebDriver d = browser.open(true);
        d.get(base + WEATHER_COUNTS);
        WebElement cell = d.findElement(By.id("c-0-0"));
        cell.click();
        cell.sendKeys(Keys.chord(Keys.CONTROL, "a"), "9/");
        sleep(700); // well past any pause: a half-typed number waits for 1.5 s, or for the cell to be left
        assertTrue(d.findElements(By.id("err-p-0-0")).isEmpty(), "“9/” is still being typed");
        cell.sendKeys("25");
        new WebDriverWait(d, Duration.ofSeconds(10)).until(x -> String.valueOf(x.getCurrentUrl()).contains("p=9/25,"));
        cell.sendKeys(Keys.chord(Keys.CONTROL, "a"), "-");
        sleep(700);
        assertTrue(d.findElements(By.id("err-p-0-0")).isEmpty(), "nor is “-”");
        cell.sendKeys(Keys.TAB);
        new WebDriverWait(d, Duration.ofSeconds(10)).until(x -> !x.findElements(By.id("err-p-0-0")).isEmpty());
        assertEquals("-", d.findElement(By.id("c-0-0")).getDomProperty("value"));
        // Something plainly wrong is reported at the pause, without leaving the cell.
        WebElement other = d.findElement(By.id("c-1-0"));
        other.click();
        other.sendKeys(Keys.chord(Keys.CONTROL, "a"), "abc");
        new WebDriverWait(d, Duration.ofSeconds(10)).until(x -> !x.findElements(By.id("err-p-1-0")).isEmpty());
        assertEquals("c-1-0", d.switchTo().activeElement().getAttribute("id"));
        assertEquals(List.of(), browser.consoleErrors());
    }

    /*
     * The dependence slider from the keyboard: End puts the weather table at +1, p = 0.4, 0 / 0.08,
     * 0.52 (I = 0.659 bits, see MiWebTest), and Home at −1, p = 0, 0.4 / 0.48, 0.12.
     */
    @Test
    void the_dependence_slider_moves_the_table_and_its_information_as_it_goes() {
        WebDriver d = browser.open(true);
        d.get(base + "/mi");
        WebElement slider = d.findElement(By.id("dep-slider"));
        slider.sendKeys(Keys.END);
        new WebDriverWait(d, Duration.ofSeconds(10)).until(x -> "0.659 bits".equals(text(x, "mi-value")));
        assertEquals("0.4", d.findElement(By.id("c-0-0")).getDomProperty("value"));
        assertEquals("0", d.findElement(By.id("c-0-1")).getDomProperty("value"));
        assertTrue(d.getCurrentUrl().contains("p=0.4,0;0.08,0.52"), d.getCurrentUrl());
        slider.sendKeys(Keys.HOME);
        String expected = Format.fixed(Analysis.mutualInformationOf(JointDistribution.fromWeights(
                new double[][] {{0, 0.4}, {0.48, 0.12}}), LogBase.TWO), 3) + " bits";
        new WebDriverWait(d, Duration.ofSeconds(10)).until(x -> expected.equals(text(x, "mi-value")));
        assertEquals("dep-slider", d.switchTo().activeElement().getAttribute("id"));
        assertEquals("−1.000", text(d, "dep-slider-out"));
        assertEquals(List.of(), browser.consoleErrors());
    }

    /**
     * The temperature slider beside the weights writes T into its field and the entropy follows; on a
     * phone the bar shows it. The slider's right end is T = 20 (issue 22's log scale): the sentence example's
     * weights softmax((2, 0, 1) / (2 · 20)).
     */
    @Test
    void the_temperature_slider_moves_the_entropy_of_the_weights_in_view() {
        WebDriver d = browser.open(true);
        for (Dimension size : List.of(new Dimension(1280, 800), new Dimension(390, 844))) {
            d.manage().window().setSize(size);
            d.get(base + "/attention");
            WebElement slider = d.findElement(By.id("att-temp-slider"));
            ((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'center'});", slider);
            slider.sendKeys(Keys.END);
            QueryAttention hot = QueryAttention.of(new double[] {1, 0, 1, 0},
                    new double[][] {{1, 0, 1, 0}, {0, 1, 0, 1}, {1, 1, 0, 0}}, null, true, 20);
            String expected = Format.fixed(hot.entropyBits(), 3) + " bits";
            String shown = size.getWidth() >= 960 ? "att-entropy-now" : "att-bar-entropy";
            new WebDriverWait(d, Duration.ofSeconds(10)).until(x -> expected.equals(text(x, shown)));
            assertEquals("20", d.findElement(By.id("att-temp")).getDomProperty("value"));
            assertTrue(d.getCurrentUrl().contains("temp=20"), d.getCurrentUrl());
            assertInView(d, shown, "att-temp-slider");
            assertEquals(List.of(), browser.consoleErrors());
        }
    }

    /**
     * The three-variable explorer on a phone: exclusive or as counts (1, 0 / 0, 1 and 0, 1 / 1, 0);
     * a count typed into the first slice moves I(X; Y | Z), shown in the bar at the top, worked out
     * here from the same cells.
     */
    @Test
    void the_three_variable_explorer_follows_typing_in_view_on_a_phone() {
        WebDriver d = browser.open(true);
        d.manage().window().setSize(new Dimension(390, 844));
        d.get(base + "/cmi?x=A&y=B&z=C&xl=0&xl=1&yl=0&yl=1&zl=Even&zl=Odd&p=1,0;0,1&p=0,1;1,0&kind=counts");
        WebElement cell = d.findElement(By.id("cmi-c-0-0-0"));
        cell.click();
        cell.sendKeys(Keys.chord(Keys.CONTROL, "a"), "3");
        double expected = miexplorer.info.ThreeWayAnalysis.of(miexplorer.info.ThreeWayDistribution.fromWeights(
                new double[][][] {{{3, 0}, {0, 1}}, {{0, 1}, {1, 0}}}), LogBase.TWO).miXYGivenZ();
        String shown = Format.fixed(expected, 3) + " bits";
        new WebDriverWait(d, Duration.ofSeconds(10)).until(x -> shown.equals(text(x, "cmi-bar-value")));
        assertEquals("cmi-c-0-0-0", d.switchTo().activeElement().getAttribute("id"));
        assertInView(d, "cmi-bar-value", "cmi-c-0-0-0");
        assertTrue(d.getCurrentUrl().contains("p=3,0;0,1&p=0,1;1,0"), d.getCurrentUrl());
        assertEquals(List.of(), browser.consoleErrors());
    }

    /**
     * A button pressed without taking the focus (Safari, Firefox on macOS) acts once, not again with
     * every later edit; and a choice made while an answer is on its way (answers held 600 ms here)
     * is neither undone by that answer nor lost from the next request.
     */
    @Test
    void a_button_acts_once_and_a_choice_made_during_an_answer_stays() {
        WebDriver d = browser.open(true);
        d.get(base + WEATHER_COUNTS);
        JavascriptExecutor js = (JavascriptExecutor) d;
        js.executeScript("document.getElementById('act-add-row').click();");
        new WebDriverWait(d, Duration.ofSeconds(10)).until(x -> !x.findElements(By.id("c-2-0")).isEmpty());
        for (String v : List.of("0.3", "0.25")) {
            WebElement cell = d.findElement(By.id("c-0-0"));
            cell.click();
            cell.sendKeys(Keys.chord(Keys.CONTROL, "a"), v);
            new WebDriverWait(d, Duration.ofSeconds(10)).until(x -> x.getCurrentUrl().contains("p=" + v + ","));
        }
        assertTrue(d.findElements(By.id("c-3-0")).isEmpty(), "one row added, not one per edit");

        ((ChromeDriver) d).executeCdpCommand("Network.enable", Map.of());
        ((ChromeDriver) d).executeCdpCommand("Network.emulateNetworkConditions",
                Map.of("offline", false, "latency", 600, "downloadThroughput", -1, "uploadThroughput", -1));
        js.executeScript("window.__sent = 0; document.addEventListener('htmx:beforeRequest', function () { window.__sent++; });");
        WebElement cell = d.findElement(By.id("c-0-0"));
        cell.sendKeys(Keys.chord(Keys.CONTROL, "a"), "0.2");
        new WebDriverWait(d, Duration.ofSeconds(10)).until(x -> ((Number) js.executeScript("return window.__sent;")).intValue() > 0);
        d.findElement(By.cssSelector("input[name=base][value=e]")).click();
        new org.openqa.selenium.support.ui.Select(d.findElement(By.id("digits"))).selectByValue("6");
        new WebDriverWait(d, Duration.ofSeconds(15)).until(x -> x.getCurrentUrl().contains("base=e&digits=6"));
        new WebDriverWait(d, Duration.ofSeconds(15)).until(x -> text(x, "mi-value").endsWith(" nats"));
        assertEquals(Boolean.TRUE, d.findElement(By.cssSelector("input[name=base][value=e]")).isSelected(), "e stays chosen");
        assertEquals("6", d.findElement(By.id("digits")).getDomProperty("value"), "so do 6 decimals");
        assertTrue(d.getCurrentUrl().contains("p=0.2,"), d.getCurrentUrl());
        assertEquals(List.of(), browser.consoleErrors());
    }

    /** The lesson's explorer, at both sizes: its slider moved, the new I is in view and the address stays /. */
    @Test
    void the_lessons_explorer_shows_its_result_in_view_too() {
        WebDriver d = browser.open(true);
        for (Dimension size : List.of(new Dimension(1280, 800), new Dimension(390, 844))) {
            d.manage().window().setSize(size);
            d.get(base + "/");
            WebElement slider = d.findElement(By.id("dep-slider"));
            ((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'center'});", slider);
            slider.sendKeys(Keys.END);
            String shown = size.getWidth() >= 960 ? "mi-value" : "mi-bar-value";
            new WebDriverWait(d, Duration.ofSeconds(10)).until(x -> "0.659 bits".equals(text(x, shown)));
            assertInView(d, shown, "dep-slider");
            assertEquals(base + "/", d.getCurrentUrl());
        }
    }

    /**
     * Every picture's text is at least 12 px on a 390 px phone (pictures scroll sideways rather than
     * shrink), and pictures move between states only when reduced motion was not asked for.
     */
    @Test
    void pictures_keep_their_text_readable_on_a_phone_and_still_when_asked() {
        WebDriver d = browser.open(true);
        d.manage().window().setSize(new Dimension(390, 844));
        JavascriptExecutor js = (JavascriptExecutor) d;
        for (String path : List.of("/", "/mi", "/examples/sky-and-plans", "/attention", "/examples/attention-two-queries",
                "/attention/scaling", "/data?text=x%2Cy%0Aa%2Cu%0Ab%2Cu%0Ab%2Cv", "/examples/cmi-xor")) {
            d.get(base + path);
            @SuppressWarnings("unchecked")
            List<String> small = (List<String>) js.executeScript("""
                    return Array.from(document.querySelectorAll('svg text')).filter(t => t.checkVisibility()).map(t => {
                      const svg = t.ownerSVGElement, box = svg.viewBox.baseVal;
                      const scale = box && box.width ? svg.getBoundingClientRect().width / box.width : 1;
                      return [t.textContent, parseFloat(getComputedStyle(t).fontSize) * scale];
                    }).filter(p => p[1] < 11.99).map(p => p[0] + ' at ' + p[1].toFixed(1) + ' px');""");
            assertEquals(List.of(), small, path + ": picture text under 12 px");
        }
        d.get(base + "/mi");
        String moving = (String) js.executeScript("return getComputedStyle(document.querySelector('.venn-x')).transitionDuration;");
        assertTrue(!moving.equals("0s"), "the circles move between states: " + moving);
        ((ChromeDriver) d).executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-reduced-motion", "value", "reduce"))));
        assertEquals("0s", js.executeScript("return getComputedStyle(document.querySelector('.venn-x')).transitionDuration;"));
    }

    /** {@code id} lies wholly inside the viewport and does not cover {@code field}. */
    private static void assertInView(WebDriver d, String id, String field) {
        @SuppressWarnings("unchecked")
        Map<String, Object> r = (Map<String, Object>) ((JavascriptExecutor) d).executeScript("""
                const e = document.getElementById(arguments[0]).getBoundingClientRect();
                const f = document.getElementById(arguments[1]).getBoundingClientRect();
                const bar = document.getElementById(arguments[0]).closest('.summary-bar');
                const b = bar ? bar.getBoundingClientRect() : e;
                return {inside: e.top >= 0 && e.bottom <= innerHeight && e.left >= 0 && e.right <= innerWidth,
                        covers: b.bottom > f.top && b.top < f.bottom && b.right > f.left && b.left < f.right,
                        where: JSON.stringify([e.top, e.bottom, f.top, f.bottom, innerHeight])};""", id, field);
        assertEquals(Boolean.TRUE, r.get("inside"), id + " in the viewport: " + r.get("where"));
        assertEquals(Boolean.FALSE, r.get("covers"), id + " does not cover " + field + ": " + r.get("where"));
    }

    private static String text(WebDriver d, String id) {
        List<WebElement> e = d.findElements(By.id(id));
        return e.isEmpty() ? "" : e.get(0).getAttribute("textContent").strip();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
