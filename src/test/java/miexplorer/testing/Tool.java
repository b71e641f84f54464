package miexplorer.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/** Something a test may need from the machine ({@link Needs}): what it is, where it comes from, and whether it is here. */
public enum Tool {
    /** Debian's Chromium, driven by Debian's chromedriver (the browser tests). */
    BROWSER("Debian's chromium and chromedriver at " + Paths.CHROMIUM + " and " + Paths.CHROMEDRIVER
            + " (packages chromium and chromium-driver)"),
    /** axe-core, from the npm registry at the version package-lock.json pins (the accessibility test). */
    AXE("axe-core at " + Paths.AXE + " (npm ci)"),
    NUMPY("Debian's Python at " + Paths.PYTHON + " with numpy (package python3-numpy)", "numpy"),
    /** pandas and scikit-learn, for the comparison of /api/samples with sklearn's mutual_info_score. */
    PANDAS_SKLEARN("Debian's Python at " + Paths.PYTHON + " with pandas and sklearn (packages python3-pandas and python3-sklearn)",
            "pandas", "sklearn"),
    /** scikit-learn with NumPy and SciPy, for the comparison of the nearest-neighbour estimators. */
    SKLEARN("Debian's Python at " + Paths.PYTHON + " with numpy, scipy and sklearn (package python3-sklearn)", "numpy", "scipy",
            "sklearn"),
    /** nbformat, nbclient and ipykernel, to validate the exported notebooks and run them in a Jupyter kernel. */
    NOTEBOOK("Debian's Python at " + Paths.PYTHON + " with numpy, nbformat, nbclient and ipykernel (packages python3-numpy,"
            + " python3-nbformat, python3-nbclient and python3-ipykernel)", "numpy", "nbformat", "nbclient", "ipykernel"),
    /** PyTorch, for the comparison of the attention classifier's gradients. */
    TORCH("Debian's Python at " + Paths.PYTHON + " with torch (package python3-torch)", "torch");

    /** Where the tools are: each may be moved with an environment variable of the same name. */
    public static final class Paths {
        public static final Path PYTHON = Path.of(System.getenv().getOrDefault("PYTHON", "/usr/bin/python3"));
        public static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
        public static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver"));
        public static final Path AXE = Path.of("node_modules", "axe-core", "axe.min.js");

        private Paths() {
        }
    }

    private static final Map<Tool, Boolean> PRESENT = new EnumMap<>(Tool.class);

    private final String what;
    private final String[] modules;

    Tool(String what, String... modules) {
        this.what = what;
        this.modules = modules;
    }

    /** What it is and where it comes from, for the message when it is missing. */
    public String what() {
        return what;
    }

    /** Whether the machine has it; asked once per run. Python's modules are looked up, not imported (torch takes seconds). */
    public synchronized boolean present() {
        return PRESENT.computeIfAbsent(this, t -> t.look());
    }

    private boolean look() {
        switch (this) {
            case BROWSER:
                return Files.isExecutable(Paths.CHROMIUM) && Files.isExecutable(Paths.CHROMEDRIVER);
            case AXE:
                return Files.exists(Paths.AXE);
            default:
                if (!Files.isExecutable(Paths.PYTHON)) {
                    return false;
                }
                try {
                    return new ProcessBuilder(Paths.PYTHON.toString(), "-c", "import importlib.util, sys; sys.exit(0 if all("
                            + "importlib.util.find_spec(m) for m in " + modulesList() + ") else 1)")
                            .redirectErrorStream(true).start().waitFor() == 0;
                } catch (IOException e) {
                    return false;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
        }
    }

    private String modulesList() {
        StringBuilder b = new StringBuilder("[");
        for (String m : modules) {
            b.append(b.length() > 1 ? ", " : "").append('\'').append(m).append('\'');
        }
        return b.append(']').toString();
    }
}
