package miexplorer.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.Collectors;
import miexplorer.testing.Tool;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's Chromium, driven by Debian's chromedriver, headless, with nothing downloaded (a test
 * without them is skipped, or under CI fails: {@link BrowserTest} needs {@link Tool#BROWSER}). A
 * failing test leaves a screenshot under {@code target/screenshots/}.
 */
final class Browser implements TestWatcher {
    static final Path CHROMIUM = Tool.Paths.CHROMIUM;
    static final Path CHROMEDRIVER = Tool.Paths.CHROMEDRIVER;

    private WebDriver driver;

    /** A fresh browser; {@code javascript} false gives one with scripts switched off. */
    WebDriver open(boolean javascript) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1000");
        if (!javascript) {
            options.setExperimentalOption("prefs", java.util.Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
        // axe-core takes 5 s on the 32 x 32 table here, and up to 20 s with the machine loaded: the default
        // 30 s for a script is too near.
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(120));
        return driver;
    }

    /**
     * Console errors other than failed loads of 4xx responses: an invalid table is answered with
     * 422 on purpose, and Chromium logs every 4xx as a failed resource load.
     */
    List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .filter(m -> !m.matches("(?s).*the server responded with a status of 4\\d\\d.*"))
                .collect(Collectors.toList());
    }

    void close() {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        if (driver instanceof TakesScreenshot shot) {
            try {
                Path dir = Path.of("target", "screenshots");
                Files.createDirectories(dir);
                Path file = dir.resolve(context.getRequiredTestClass().getSimpleName() + "-"
                        + context.getDisplayName().replaceAll("[^A-Za-z0-9_-]", "_") + ".png");
                Files.write(file, shot.getScreenshotAs(OutputType.BYTES));
                System.err.println("Screenshot of the failure: " + file.toAbsolutePath());
            } catch (Exception e) {
                System.err.println("Could not save a screenshot: " + e);
            }
        }
        close();
    }

    @Override
    public void testSuccessful(ExtensionContext context) {
        close();
    }

    @Override
    public void testAborted(ExtensionContext context, Throwable cause) {
        close();
    }
}
