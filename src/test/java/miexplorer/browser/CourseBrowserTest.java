package miexplorer.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.time.Duration;
import java.util.List;
import miexplorer.web.App;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The embed mode and the export controls in a real browser. */
class CourseBrowserTest {
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
    void the_copy_button_appears_with_javascript_and_copies_or_selects_the_code() {
        WebDriver d = browser.open(true);
        d.get(base + "/mi");
        d.findElement(By.cssSelector("#export summary")).click();
        WebElement copy = d.findElement(By.cssSelector("button[data-copy='py-code']"));
        assertTrue(copy.isDisplayed());
        copy.click();
        new WebDriverWait(d, Duration.ofSeconds(5)).until(x -> !text(x, "copy-status-text").isEmpty());
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
