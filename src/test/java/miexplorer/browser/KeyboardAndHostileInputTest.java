package miexplorer.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Keyboard-only use, and hostile text typed into the pages, in a real browser. */
class KeyboardAndHostileInputTest extends BrowserTest {
    /**
     * Pressing Tab from the top visits every enabled control of the form. A group of radio buttons
     * is one stop (arrow keys move within it, as in every browser), so it counts once.
     */
    @Test
    void tab_reaches_every_control_and_a_cell_can_be_edited_without_a_mouse() {
        for (String page : List.of("/mi", "/attention")) {
            WebDriver d = browser.open(true);
            d.get(base + page);
            JavascriptExecutor js = (JavascriptExecutor) d;
            @SuppressWarnings("unchecked")
            List<String> controls = (List<String>) js.executeScript(
                    "return [...document.querySelectorAll('form input:not([type=hidden]), form select, form button')]"
                            + ".filter(e => !e.disabled && e.checkVisibility())"
                            + ".map(e => e.type === 'radio' ? 'radio:' + e.name : e.id || e.name + ':' + e.value)"
                            + ".filter((v, i, all) => all.indexOf(v) === i);");
            Set<String> visited = new LinkedHashSet<>();
            Actions keys = new Actions(d);
            for (int i = 0; i < 400 && !visited.containsAll(controls); i++) {
                keys.sendKeys(Keys.TAB).perform();
                String id = (String) js.executeScript("const e = document.activeElement;"
                        + " return e.type === 'radio' ? 'radio:' + e.name : e.id || e.name + ':' + e.value;");
                visited.add(id);
            }
            List<String> missed = new ArrayList<>(controls);
            missed.removeAll(visited);
            assertEquals(List.of(), missed, page + ": controls Tab never reached");
            browser.close();
        }

        // Edit a cell and read the result, keyboard only: focus comes from Tab, text from typing.
        WebDriver d = browser.open(true);
        d.get(base + "/mi");
        JavascriptExecutor js = (JavascriptExecutor) d;
        Actions keys = new Actions(d);
        for (int i = 0; i < 200 && !"c-0-0".equals(js.executeScript("return document.activeElement.id;")); i++) {
            keys.sendKeys(Keys.TAB).perform();
        }
        assertEquals("c-0-0", js.executeScript("return document.activeElement.id;"));
        keys.keyDown(Keys.CONTROL).sendKeys("a").keyUp(Keys.CONTROL).sendKeys("0.30").perform();
        keys.sendKeys(Keys.TAB).keyDown(Keys.CONTROL).sendKeys("a").keyUp(Keys.CONTROL).sendKeys("0.10").sendKeys(Keys.TAB).perform();
        new WebDriverWait(d, Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(By.id("mi-value"), "0.224 bits"));
        assertTrue(d.findElement(By.id("announce")).getAttribute("textContent").contains("0.224 bits"),
                "the new result is announced to screen readers");
    }

    private static final List<String> HOSTILE = List.of(
            "<script>window.__xss = 1</script>",
            "\"><img src=x onerror=\"window.__xss = 2\">",
            "javascript:window.__xss = 3",
            "'; window.__xss = 4; '",
            "\u202eevil\u202c <b>bold</b>");

    @Test
    void hostile_labels_show_as_typed_and_nothing_runs_with_or_without_htmx() {
        for (boolean javascript : List.of(true, false)) {
            WebDriver d = browser.open(javascript);
            d.get(base + "/mi");
            JavascriptExecutor js = (JavascriptExecutor) d;
            for (int i = 0; i < HOSTILE.size(); i++) {
                String text = HOSTILE.get(i);
                String field = List.of("x-name", "y-name", "xl-0", "yl-1", "xl-1").get(i);
                WebElement e = d.findElement(By.id(field));
                e.click();
                e.sendKeys(Keys.chord(Keys.CONTROL, "a"), text);
            }
            if (javascript) {
                d.findElement(By.id("xl-1")).sendKeys(Keys.TAB);
                new WebDriverWait(d, Duration.ofSeconds(10)).until(
                        ExpectedConditions.textToBePresentInElementLocated(By.id("mi-summary"), "<script>window.__xss = 1</script>"));
            } else {
                d.findElement(By.id("act-update")).click();
                new WebDriverWait(d, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("xl="));
            }
            assertNull(js.executeScript("return window.__xss;"), "injected code ran");
            assertEquals(0L, js.executeScript("return document.querySelectorAll('img[src=x], main b').length;"),
                    "typed markup became elements");
            assertEquals(HOSTILE.get(0), d.findElement(By.id("x-name")).getDomProperty("value"));
            assertEquals(HOSTILE.get(1), d.findElement(By.id("y-name")).getDomProperty("value"));
            String results = d.findElement(By.id("mi-summary")).getText();
            assertTrue(results.contains("X is <script>window.__xss = 1</script>"), "shown as typed: " + results.substring(0, 200));
            assertFalse(d.getPageSource().contains("<script>window.__xss"), "raw in the page source");
            assertEquals(List.of(), browser.consoleErrors(), "no console error, so no Content-Security-Policy violation");
            browser.close();
        }
    }

    @Test
    void hostile_tokens_in_the_attention_explorer_show_as_typed() {
        WebDriver d = browser.open(true);
        d.get(base + "/attention");
        WebElement e = d.findElement(By.id("kl-0"));
        e.click();
        e.sendKeys(Keys.chord(Keys.CONTROL, "a"), HOSTILE.get(1), Keys.TAB);
        new WebDriverWait(d, Duration.ofSeconds(10)).until(
                ExpectedConditions.textToBePresentInElementLocated(By.id("att-weights"), "onerror"));
        assertNull(((JavascriptExecutor) d).executeScript("return window.__xss;"));
        assertEquals(0L, ((JavascriptExecutor) d).executeScript("return document.querySelectorAll('img[src=x]').length;"));
        assertTrue(d.getCurrentUrl().contains("kl=%22%3E%3Cimg"), d.getCurrentUrl());
        assertEquals(List.of(), browser.consoleErrors());
    }
}
