package miexplorer;

import java.nio.file.Path;
import miexplorer.web.App;

/**
 * Starts MI Explorer on {@code PORT} (default 7070). With {@code MI_DEV=1} templates are read from
 * {@code templates/} and recompiled when they change.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        String port = System.getenv().getOrDefault("PORT", "7070");
        boolean dev = "1".equals(System.getenv("MI_DEV")) || "true".equalsIgnoreCase(System.getenv("MI_DEV"));
        App.Config config = dev ? new App.Config(Path.of("templates")) : App.Config.production();
        App.create(config).start(Integer.parseInt(port));
    }
}
