package miexplorer.browser;

import io.javalin.Javalin;
import miexplorer.testing.Needs;
import miexplorer.testing.Tool;
import miexplorer.web.App;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What every browser test shares: the app on a free loopback port for the class, and a browser per
 * test (closed after it, with a screenshot under target/screenshots/ when it fails). Browser tests are
 * tagged {@code browser}: {@code mvn -B -ntp verify -DexcludedGroups=browser} runs the others quickly.
 */
@Tag("browser")
@Needs(Tool.BROWSER)
abstract class BrowserTest {
    @RegisterExtension
    final Browser browser = new Browser();

    static Javalin app;
    static String base;

    @BeforeAll
    static void startApp() {
        app = App.create(App.Config.production()).start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + app.port();
    }

    @AfterAll
    static void stopApp() {
        app.stop();
    }
}
