package miexplorer.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The joint-table explorer in a real browser, with and without JavaScript. */
class MiBrowserTest extends BrowserTest {
    /*
     * The edited table (0.30, 0.10 / 0.12, 0.48), worked by hand in bits:
     *   P(X) = (0.4, 0.6), P(Y) = (0.42, 0.58)
     *   H(X) = 0.970951; H(X|Y) = 0.42·H(5/7, 2/7) + 0.58·H(5/29, 24/29) = 0.42·0.863121 + 0.58·0.663197 = 0.747165
     *   I = 0.970951 − 0.747165 = 0.223786 → "0.224 bits" (and "0.2238 bits" to four decimals)
     */
    private static final String EDITED_MI = "0.224 bits";

    @Test
    void editing_a_cell_updates_the_result_in_place_pushes_the_url_and_survives_reload_and_back() {
        WebDriver d = browser.open(true);
        d.get(base + "/mi");
        WebDriverWait wait = new WebDriverWait(d, Duration.ofSeconds(10));
        assertEquals("0.378 bits", text(d, "mi-value"));
        String firstUrl = d.getCurrentUrl();
        ((JavascriptExecutor) d).executeScript("window.__samePage = true;");

        type(d, "c-0-0", "0.30");
        type(d, "c-0-1", "0.10");
        d.findElement(By.id("c-0-1")).sendKeys(Keys.TAB);
        wait.until(ExpectedConditions.textToBe(By.id("mi-value"), EDITED_MI));

        assertEquals(Boolean.TRUE, ((JavascriptExecutor) d).executeScript("return window.__samePage === true;"),
                "the result must be swapped in, not loaded as a new page");
        String pushed = d.getCurrentUrl();
        assertTrue(pushed.contains("p=0.30,0.10;0.12,0.48"), pushed);
        assertEquals("0.30", value(d, "c-0-0"));

        d.navigate().refresh();
        assertEquals(EDITED_MI, text(d, "mi-value"));
        assertEquals("0.10", value(d, "c-0-1"));

        // Back shows the state of the previous URL (reloaded from the server, never a stale snapshot).
        d.navigate().back();
        wait.until(ExpectedConditions.urlToBe(firstUrl));
        wait.until(ExpectedConditions.textToBe(By.id("mi-value"), "0.378 bits"));
        assertEquals("0.36", value(d, "c-0-0"));
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void an_invalid_cell_shows_its_message_beside_it_and_keeps_what_was_typed() {
        WebDriver d = browser.open(true);
        d.get(base + "/mi");
        String before = d.getCurrentUrl();
        type(d, "c-1-0", "abc");
        d.findElement(By.id("c-1-0")).sendKeys(Keys.TAB);
        WebDriverWait wait = new WebDriverWait(d, Duration.ofSeconds(10));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("err-p-1-0")));
        assertTrue(text(d, "err-p-1-0").contains("“abc” is not a number"), text(d, "err-p-1-0"));
        assertEquals("abc", value(d, "c-1-0"));
        assertEquals("true", d.findElement(By.id("c-1-0")).getAttribute("aria-invalid"));
        assertEquals("err-p-1-0", d.findElement(By.id("c-1-0")).getAttribute("aria-describedby"));
        assertTrue(text(d, "announce").contains("“abc” is not a number"), "the live region announces the problem");
        assertEquals(before, d.getCurrentUrl(), "an invalid state is not pushed");
        assertTrue(d.findElements(By.id("mi-value")).isEmpty());
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void a_toolbar_action_updates_the_cell_that_still_has_the_focus() {
        WebDriver d = browser.open(true);
        d.get(base + "/mi");
        type(d, "c-0-0", "0.72"); // the cells now add up to 1.36
        // Pressed without leaving the cell, as a button that takes no focus on click does (Safari,
        // Firefox on macOS): the cell keeps the focus while the answer is morphed in.
        ((JavascriptExecutor) d).executeScript("document.getElementById('act-normalise').click();");
        new WebDriverWait(d, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("p="));
        String url = d.getCurrentUrl();
        String first = URLDecoder.decode(url.replaceAll(".*[?&]p=([^,&]*).*", "$1"), StandardCharsets.UTF_8);
        assertEquals(0.72 / 1.36, Double.parseDouble(first), 1e-9, url);
        assertEquals(first, value(d, "c-0-0"), "the focused cell shows the normalised value the page computed with");
        assertEquals("c-0-0", d.switchTo().activeElement().getAttribute("id"), "and keeps the focus");
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void a_structural_action_keeps_focus_on_its_button_for_keyboard_users() {
        WebDriver d = browser.open(true);
        d.get(base + "/mi");
        WebElement add = d.findElement(By.id("act-add-row"));
        add.sendKeys(Keys.ENTER);
        new WebDriverWait(d, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("c-2-0")));
        assertEquals("act-add-row", d.switchTo().activeElement().getAttribute("id"));
        assertTrue(d.getCurrentUrl().contains("xl=x3"), d.getCurrentUrl());
        assertEquals("0.378 bits", text(d, "mi-value"));
    }

    @Test
    void without_javascript_the_form_posts_and_redirects_to_the_canonical_url() {
        WebDriver d = browser.open(false);
        d.get(base + "/mi");
        type(d, "c-0-0", "0.30");
        type(d, "c-0-1", "0.10");
        d.findElement(By.id("act-update")).click();
        new WebDriverWait(d, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("p=0.30,0.10;0.12,0.48"));
        assertEquals(EDITED_MI, text(d, "mi-value"));

        type(d, "c-1-1", "-1");
        d.findElement(By.id("act-update")).click();
        new WebDriverWait(d, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("err-p-1-1")));
        assertTrue(text(d, "err-p-1-1").contains("negative"));
        assertEquals("-1", value(d, "c-1-1"));
    }

    @Test
    void an_example_link_opens_the_explorer_in_that_state() {
        WebDriver d = browser.open(true);
        d.get(base + "/mi");
        d.findElement(By.cssSelector("details.examples > summary")).click(); // folded, so the table comes first
        d.findElement(By.linkText("A perfect predictor")).click();
        new WebDriverWait(d, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("Traffic+light"));
        assertEquals("Traffic light", value(d, "x-name"));
        // H(X) = H(0.45, 0.1, 0.45) = 1.368996 bits, and a perfect predictor shares all of it.
        assertEquals("1.369 bits", text(d, "mi-value"));
    }

    /*
     * Printing opens every folded section, each with its content for the table as edited: H(Y) =
     * 0.981 bits, from P(Y) = (0.42, 0.58); afterwards they fold again.
     */
    @Test
    void printing_after_an_edit_prints_the_folded_sections_in_full() {
        WebDriver d = browser.open(true);
        d.get(base + "/mi");
        editTopRow(d);
        JavascriptExecutor js = (JavascriptExecutor) d;
        @SuppressWarnings("unchecked")
        Map<String, Object> printed = (Map<String, Object>) js.executeScript("window.dispatchEvent(new Event('beforeprint'));"
                + " var hy = document.getElementById('hy-working');"
                + " return {hyOpen: hy.open, hy: hy.textContent, closed: document.querySelectorAll('details:not([open])').length};");
        assertEquals(0L, printed.get("closed"), "every section is open");
        assertEquals(Boolean.TRUE, printed.get("hyOpen"));
        assertTrue(((String) printed.get("hy")).contains("0.981"), (String) printed.get("hy"));

        js.executeScript("window.dispatchEvent(new Event('afterprint'));");
        assertEquals(Boolean.FALSE, js.executeScript("return document.getElementById('hy-working').open;"),
                "folded again after printing");
        assertEquals(List.of(), browser.consoleErrors());
    }

    /** Edits the weather table's first row to 0.30 and 0.10, leaves it, and waits for the new result (EDITED_MI). */
    private static void editTopRow(WebDriver d) {
        type(d, "c-0-0", "0.30");
        type(d, "c-0-1", "0.10");
        d.findElement(By.id("c-0-1")).sendKeys(Keys.TAB);
        new WebDriverWait(d, Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(By.id("mi-value"), EDITED_MI));
    }

    /**
     * Types over a field's value as a person does: select all, then type. (WebDriver's clear()
     * also blurs the field, which no person does mid-edit.)
     */
    private static void type(WebDriver d, String id, String text) {
        WebElement e = d.findElement(By.id(id));
        e.click();
        e.sendKeys(Keys.chord(Keys.CONTROL, "a"), text);
    }

    private static String value(WebDriver d, String id) {
        return d.findElement(By.id(id)).getDomProperty("value");
    }

    private static String text(WebDriver d, String id) {
        return d.findElement(By.id(id)).getAttribute("textContent").strip();
    }
}
