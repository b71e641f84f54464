package miexplorer.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import miexplorer.practice.Answer;
import miexplorer.practice.Exercise;
import miexplorer.practice.ExerciseKind;
import miexplorer.practice.Level;
import miexplorer.practice.Mistake;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Practice in a real browser, with and without JavaScript: a wrong answer named as a mistake, a hint,
 * a right answer; and a worksheet printed (print media) with its key.
 */
class PracticeBrowserTest extends BrowserTest {
    private static final String AT = "/practice/mutual-information?level=easy&seed=9";
    private static final Exercise E = ExerciseKind.MUTUAL_INFORMATION.generate(9, Level.EASY);

    private static String exact() {
        return String.valueOf(((Answer.Scalar) E.expected()).value());
    }

    private static Mistake wrongBase() {
        return E.mistakes().stream().filter(m -> m.id().equals("wrong-base")).findFirst().orElseThrow();
    }

    @Test
    void with_javascript_the_feedback_comes_in_place_announced_with_the_focus_kept_in_the_answer() {
        WebDriver d = browser.open(true);
        d.get(base + AT);
        JavascriptExecutor js = (JavascriptExecutor) d;
        js.executeScript("window.__samePage = true;");
        WebDriverWait wait = new WebDriverWait(d, Duration.ofSeconds(10));
        WebElement answer = d.findElement(By.id("answer"));
        answer.sendKeys(String.valueOf(((Answer.Scalar) wrongBase().values().get(0)).value()), Keys.ENTER);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#feedback.wrong")));
        assertTrue(d.findElement(By.id("feedback")).getText().contains("nats or hartleys"), "the mistake is named");
        assertTrue(d.findElement(By.id("announce")).getText().startsWith("Not quite:"), "and announced");
        assertEquals("answer", d.switchTo().activeElement().getAttribute("id"), "the focus stays in the field");
        assertTrue(d.getCurrentUrl().contains("&answer="), d.getCurrentUrl());

        d.findElement(By.cssSelector("button[value=hint]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("hints-h"), "step 1 of 3"));
        assertTrue(d.getPageSource().contains("Step 1: H(X)") && !d.getPageSource().contains("Step 2: H(X | Y)"));
        assertTrue(d.getCurrentUrl().contains("hints=1"), d.getCurrentUrl());

        WebElement field = d.findElement(By.id("answer"));
        field.clear();
        field.sendKeys(exact(), Keys.ENTER);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#feedback.right")));
        assertTrue(d.findElement(By.id("feedback")).getText().contains("Right:"));
        assertEquals(Boolean.TRUE, js.executeScript("return window.__samePage === true;"), "swapped in, not reloaded");
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void without_javascript_each_answer_and_hint_is_a_page_at_its_own_address() {
        WebDriver d = browser.open(false);
        d.get(base + AT);
        d.findElement(By.id("answer")).sendKeys(String.valueOf(((Answer.Scalar) wrongBase().values().get(0)).value()));
        d.findElement(By.cssSelector("button[value=check]")).click();
        WebDriverWait wait = new WebDriverWait(d, Duration.ofSeconds(10));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#feedback.wrong")));
        assertTrue(d.getCurrentUrl().contains(AT + "&answer="), d.getCurrentUrl());
        d.findElement(By.cssSelector("button[value=hint]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("hints-h"), "step 1 of 3"));
        d.findElement(By.cssSelector("button[value=solution]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("hints-h"), "The solution"));
        WebElement field = d.findElement(By.id("answer"));
        field.clear();
        field.sendKeys(exact());
        d.findElement(By.cssSelector("button[value=check]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#feedback.right")));
    }

    @Test
    void a_worksheet_prints_its_exercises_alone_and_its_key_prints_the_answers() {
        WebDriver d = browser.open(true);
        String sheet = "/practice/sheet?kinds=mutual-information,softmax-weights&n=2&level=easy&seed=7";
        d.get(base + sheet);
        ((ChromeDriver) d).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        assertEquals(4, d.findElements(By.cssSelector(".sheet-item")).size());
        for (WebElement item : d.findElements(By.cssSelector(".sheet-item"))) {
            assertTrue(item.isDisplayed());
        }
        assertTrue(d.findElements(By.cssSelector("header.site")).isEmpty(), "no site navigation on a sheet");
        assertFalse(d.findElement(By.cssSelector(".no-print")).isDisplayed(), "nor the links around it");
        assertTrue(d.findElements(By.cssSelector(".answer-shown")).isEmpty(), "no answers on the sheet");
        d.get(base + sheet + "&key=1");
        assertEquals(4, d.findElements(By.cssSelector(".answer-shown")).size());
        assertTrue(d.findElement(By.cssSelector(".answer-shown")).isDisplayed(), "the key's answers print");
        ((ChromeDriver) d).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        assertEquals(List.of(), browser.consoleErrors());
    }
}
