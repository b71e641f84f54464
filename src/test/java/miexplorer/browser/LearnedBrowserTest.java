package miexplorer.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The learned-attention experiment with JavaScript: trained in place behind its progress bar, the URL pushed. */
class LearnedBrowserTest extends BrowserTest {
    private static final String SMALL = "/attention/learned?rule=copy&positions=3&vocabulary=4&relevance=0,0.3,0.6"
            + "&samples=200&heldOut=200&embedding=4&steps=40&learningRate=0.05&seed=3";

    @Test
    void train_swaps_the_results_in_shows_the_bar_while_it_waits_and_pushes_the_url() {
        WebDriver d = browser.open(true);
        d.get(base + SMALL);
        JavascriptExecutor js = (JavascriptExecutor) d;
        // A page load would forget this; the bar's display is read as htmx sends the request.
        js.executeScript("window.samePage = true; window.barWhileSent = null;"
                + "document.addEventListener('htmx:beforeSend', function () {"
                + "  window.barWhileSent = getComputedStyle(document.getElementById('learned-progress')).display; });");
        assertEquals("none", js.executeScript("return getComputedStyle(document.getElementById('learned-progress')).display"));
        WebElement seed = d.findElement(By.id("ln-seed"));
        seed.click();
        seed.sendKeys(Keys.chord(Keys.CONTROL, "a"), "4");
        d.findElement(By.cssSelector("#learned button[type=submit]")).click();
        new WebDriverWait(d, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("seed=4"));
        new WebDriverWait(d, Duration.ofSeconds(20)).until(x -> "none".equals(
                js.executeScript("return getComputedStyle(document.getElementById('learned-progress')).display")));
        assertEquals(true, js.executeScript("return window.samePage === true"), "swapped in, not loaded");
        assertEquals("block", js.executeScript("return window.barWhileSent"), "the bar shows while the model trains");
        assertEquals(base + SMALL.replace("seed=3", "seed=4"), d.getCurrentUrl());
        assertEquals(3, d.findElements(By.cssSelector("#ln-table tbody tr")).size());
        assertEquals("4", d.findElement(By.id("ln-seed")).getAttribute("value"));
    }
}
