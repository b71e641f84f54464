package miexplorer.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The attention explorer in a real browser, with and without JavaScript. */
class AttentionBrowserTest extends BrowserTest {
    /*
     * Key "cat" changed to (1, 0, 1, 0): scores (2, 2, 1), scaled (1, 1, 0.5);
     * α = (e, e, √e) / (2e + √e) = (0.38366, 0.38366, 0.23269);
     * H = 2 · 0.38366 · log2(1 / 0.38366) + 0.23269 · log2(1 / 0.23269) = 1.06053 + 0.48946 = 1.550 bits.
     */
    @Test
    void editing_a_key_updates_the_weights_in_place_and_the_url_follows() {
        WebDriver d = browser.open(true);
        d.get(base + "/attention");
        WebDriverWait wait = new WebDriverWait(d, Duration.ofSeconds(10));
        assertEquals("1.472 bits", text(d, "att-entropy"));
        ((JavascriptExecutor) d).executeScript("window.__samePage = true;");
        String first = d.getCurrentUrl();

        type(d, "k-1", "1, 0, 1, 0");
        d.findElement(By.id("k-1")).sendKeys(Keys.TAB);
        wait.until(ExpectedConditions.textToBe(By.id("att-entropy"), "1.550 bits"));
        assertEquals(Boolean.TRUE, ((JavascriptExecutor) d).executeScript("return window.__samePage === true;"));
        assertTrue(d.getCurrentUrl().contains("k=1,+0,+1,+0&v=0,+1"), d.getCurrentUrl());

        d.navigate().refresh();
        assertEquals("1.550 bits", text(d, "att-entropy"));
        d.navigate().back();
        wait.until(ExpectedConditions.urlToBe(first));
        wait.until(ExpectedConditions.textToBe(By.id("att-entropy"), "1.472 bits"));
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void a_key_of_the_wrong_length_is_named_beside_it_and_kept() {
        WebDriver d = browser.open(true);
        d.get(base + "/attention");
        type(d, "k-2", "1, 1, 0");
        d.findElement(By.id("k-2")).sendKeys(Keys.TAB);
        new WebDriverWait(d, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("att-err-k-2")));
        assertTrue(text(d, "att-err-k-2").contains("Key 3 (“mat”) has 3 numbers, but the query has 4"), text(d, "att-err-k-2"));
        assertEquals("1, 1, 0", d.findElement(By.id("k-2")).getDomProperty("value"));
        assertTrue(text(d, "announce").contains("Key 3"));
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void adding_a_query_by_keyboard_shows_the_attention_matrix_and_its_mutual_information() {
        WebDriver d = browser.open(true);
        d.get(base + "/attention");
        d.findElement(By.id("att-add-query")).sendKeys(Keys.ENTER);
        WebDriverWait wait = new WebDriverWait(d, Duration.ofSeconds(10));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("q-1")));
        assertEquals("att-add-query", d.switchTo().activeElement().getAttribute("id"));
        // The new query is all zeros: uniform weights. Two different rows give I(query; key) > 0.
        type(d, "q-1", "0, 1, 0, 1");
        d.findElement(By.id("q-1")).sendKeys(Keys.TAB);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("att-mi")));
        assertTrue(text(d, "att-mi").startsWith("I(query; key) = 0."), text(d, "att-mi"));
        assertTrue(d.findElements(By.id("att-matrix-title")).size() == 1);
    }

    @Test
    void without_javascript_the_form_posts_and_redirects() {
        WebDriver d = browser.open(false);
        d.get(base + "/attention");
        d.findElement(By.id("att-scale")).click(); // scaling off
        d.findElement(By.id("att-update")).click();
        new WebDriverWait(d, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("scale=0"));
        // The working follows the setting: unscaled weights (0.665, 0.090, 0.245).
        assertEquals("0.665", d.findElement(By.cssSelector("#softmax-0 td.weight")).getText());
        assertEquals(false, d.findElement(By.id("att-scale")).isSelected());
    }

    @Test
    void the_scaling_experiment_runs_from_its_form() {
        WebDriver d = browser.open(true);
        d.get(base + "/attention/scaling");
        type(d, "sc-n", "8");
        d.findElement(By.cssSelector("form button[type=submit]")).click();
        new WebDriverWait(d, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("n=8"));
        assertEquals(11, d.findElements(By.cssSelector("#scaling-table tbody tr")).size());
    }

    private static void type(WebDriver d, String id, String text) {
        WebElement e = d.findElement(By.id(id));
        e.click();
        e.sendKeys(Keys.chord(Keys.CONTROL, "a"), text);
    }

    private static String text(WebDriver d, String id) {
        return d.findElement(By.id(id)).getAttribute("textContent").strip();
    }
}
