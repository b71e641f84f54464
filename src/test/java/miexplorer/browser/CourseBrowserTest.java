package miexplorer.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The lesson, the embed mode and the export controls in a real browser, on a phone-sized screen too. */
class CourseBrowserTest extends BrowserTest {
    @Test
    void editing_the_lessons_explorer_updates_it_in_place_and_keeps_the_lessons_address() {
        WebDriver d = browser.open(true);
        d.get(base + "/#worked-example");
        assertEquals("0.378 bits", text(d, "mi-value"));
        ((JavascriptExecutor) d).executeScript("window.__samePage = true;");
        type(d, "c-0-0", "0.30");
        type(d, "c-0-1", "0.10");
        d.findElement(By.id("c-0-1")).sendKeys(Keys.TAB);
        // (0.30, 0.10 / 0.12, 0.48): I = 0.224 bits, worked by hand in MiBrowserTest
        new WebDriverWait(d, Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(By.id("mi-value"), "0.224 bits"));
        assertEquals(Boolean.TRUE, ((JavascriptExecutor) d).executeScript("return window.__samePage === true;"));
        assertEquals(base + "/#worked-example", d.getCurrentUrl(), "the lesson's address does not change");
        assertTrue(d.findElement(By.linkText("Open this table in the explorer")).getAttribute("href").contains("p=0.30,0.10;0.12,0.48"));
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void the_lessons_attention_explorer_updates_in_place_and_announces_the_new_numbers() {
        WebDriver d = browser.open(true);
        d.get(base + "/#attention-live");
        assertEquals("I(query; key) = 0.561 bits", text(d, "att-mi")); // CourseWebTest works it out from the definitions
        ((JavascriptExecutor) d).executeScript("window.__samePage = true;");
        d.findElement(By.id("att-scale")).click(); // unscaled: sharper weights, more dependence on the query
        new WebDriverWait(d, Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(By.id("att-mi"), "I(query; key) = 0.768 bits"));
        assertTrue(text(d, "announce").endsWith("I(query; key) = 0.768 bits."), text(d, "announce"));
        assertEquals(Boolean.TRUE, ((JavascriptExecutor) d).executeScript("return window.__samePage === true;"));
        assertEquals(base + "/#attention-live", d.getCurrentUrl(), "the lesson's address does not change");
        assertTrue(d.findElement(By.linkText("Open these vectors in the attention explorer")).getAttribute("href").contains("scale=0"));
        assertEquals("0.378 bits", text(d, "mi-value"), "the lesson's other explorer is untouched");
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void embedded_edits_keep_embed_in_the_address() {
        WebDriver d = browser.open(true);
        d.get(base + "/examples/weather-forecast?embed=1");
        assertTrue(d.findElements(By.cssSelector("header.site")).isEmpty(), "no site header in an iframe");
        d.findElement(By.id("act-transpose")).click();
        new WebDriverWait(d, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("x=Forecast"));
        assertTrue(d.getCurrentUrl().endsWith("&embed=1"), d.getCurrentUrl());
        d.navigate().refresh();
        assertTrue(d.findElements(By.cssSelector("header.site")).isEmpty(), "still embedded after a reload");
        assertEquals("0.378 bits", text(d, "mi-value"));
    }

    @Test
    void an_embedded_attention_explorer_keeps_embed_in_the_address_after_an_edit() {
        WebDriver d = browser.open(true);
        d.get(base + "/examples/attention-sentence?embed=1");
        assertTrue(d.findElements(By.cssSelector("header.site")).isEmpty(), "no site header in an iframe");
        d.findElement(By.id("att-scale")).click(); // scaling off: softmax(2, 0, 1), "the" gets 0.665
        new WebDriverWait(d, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("scale=0"));
        assertTrue(d.getCurrentUrl().endsWith("&embed=1"), d.getCurrentUrl());
        d.navigate().refresh();
        assertTrue(d.findElements(By.cssSelector("header.site")).isEmpty(), "still embedded after a reload");
        assertFalse(d.findElement(By.id("att-scale")).isSelected(), "and still unscaled");
        assertEquals("0.665", d.findElement(By.cssSelector("#softmax-0 td.weight")).getText());
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void the_copy_button_appears_with_javascript_and_copies_or_selects_the_code() {
        WebDriver d = browser.open(true);
        d.get(base + "/mi");
        d.findElement(By.cssSelector("#export summary")).click();
        WebElement copy = d.findElement(By.cssSelector("button[data-copy='py-code']"));
        assertTrue(copy.isDisplayed());
        copy.click();
        new WebDriverWait(d, Duration.ofSeconds(15)).until(x -> !text(x, "copy-status-text").isEmpty());
        String status = text(d, "copy-status-text");
        assertTrue(status.equals("Copied.") || status.startsWith("Selected"), status);
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void without_javascript_there_is_no_dead_copy_button_but_the_script_link_works() {
        WebDriver d = browser.open(false);
        d.get(base + "/mi");
        d.findElement(By.cssSelector("#export summary")).click();
        assertFalse(d.findElement(By.cssSelector("button[data-copy='py-code']")).isDisplayed());
        String href = d.findElement(By.linkText("Python script")).getAttribute("href");
        assertTrue(href.startsWith(base + "/mi.py?x=Weather"), href);
        assertTrue(text(d, "py-code").startsWith("#!/usr/bin/env python3"), "the code is on the page");
    }

    /** At 360 px nothing makes the whole page scroll sideways; wide tables scroll inside their own box. */
    @Test
    void pages_fit_a_360_pixel_phone_screen() {
        WebDriver d = browser.open(true);
        d.manage().window().setSize(new Dimension(360, 800));
        for (String path : List.of("/", "/mi", "/examples", "/examples/sky-and-plans", "/mi?p=0.5,0;0,0.5&embed=1",
                "/attention", "/examples/attention-two-queries", "/attention/scaling", "/cmi")) {
            d.get(base + path);
            Object width = ((JavascriptExecutor) d).executeScript("return window.innerWidth;");
            Object scroll = ((JavascriptExecutor) d).executeScript("return document.documentElement.scrollWidth;");
            assertTrue(((Number) scroll).longValue() <= ((Number) width).longValue(),
                    path + ": the page is " + scroll + " px wide in a " + width + " px window");
            // A wide table scrolls in its box, but its caption stays readable on the screen, at the left.
            Object cut = ((JavascriptExecutor) d).executeScript("""
                    return Array.from(document.querySelectorAll('caption')).filter(function (c) {
                      if (!c.checkVisibility()) return false;
                      var r = c.getBoundingClientRect();
                      return r.left < 0 || r.right > window.innerWidth || getComputedStyle(c).textAlign !== 'left';
                    }).map(function (c) { return c.textContent.trim().slice(0, 60) + ' (' + Math.round(c.getBoundingClientRect().right) + ')'; });""");
            assertEquals(List.of(), cut, path + ": captions cut off at the screen's edge, or not at the left");
        }
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void in_print_the_controls_are_hidden_and_folded_steps_shown() {
        WebDriver d = browser.open(true);
        d.get(base + "/");
        ((ChromeDriver) d).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        assertFalse(d.findElement(By.cssSelector(".toolbar")).isDisplayed(), "the table buttons are not printed");
        assertFalse(d.findElement(By.cssSelector("header.site nav")).isDisplayed(), "nor the site navigation");
        assertTrue(d.findElement(By.id("toc-h")).isDisplayed(), "the contents are");
        // (WebDriver's isDisplayed treats anything in a closed <details> as hidden, so ask the browser itself)
        assertEquals(Boolean.TRUE, ((JavascriptExecutor) d).executeScript("return document.getElementById('py-code').checkVisibility();"),
                "folded sections print open");
    }

    private static void type(WebDriver d, String id, String text) {
        WebElement e = d.findElement(By.id(id));
        e.click();
        e.sendKeys(Keys.chord(Keys.CONTROL, "a"), text);
    }

    private static String text(WebDriver d, String id) {
        if (id.equals("copy-status-text")) {
            return d.findElement(By.cssSelector("#export .copy-status")).getAttribute("textContent").strip();
        }
        return d.findElement(By.id(id)).getAttribute("textContent").strip();
    }
}
