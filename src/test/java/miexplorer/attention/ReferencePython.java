package miexplorer.attention;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a reference script of src/test/python under Debian's {@code /usr/bin/python3} (a pyenv
 * python3 earlier on PATH may lack the packages; {@code PYTHON} names another), for the tests that
 * compare the attention maths with NumPy and PyTorch.
 */
public final class ReferencePython {
    public static final Path PYTHON = Path.of(System.getenv().getOrDefault("PYTHON", "/usr/bin/python3"));

    private ReferencePython() {
    }

    /**
     * Skips the calling test with a loud message when Python cannot find {@code modules} (fails it
     * under {@code CI=true}, where .ci/run has installed them). The modules are looked up, not
     * imported: importing torch alone takes about 2 s, which the comparison itself pays once.
     *
     * @param modules what the script imports, e.g. {@code "numpy"} or {@code "torch, numpy"}
     * @param packages the Debian packages that provide them, for the message
     */
    public static void need(String test, String modules, String packages) throws Exception {
        boolean present = Files.isExecutable(PYTHON)
                && new ProcessBuilder(PYTHON.toString(), "-c", "import importlib.util, sys; sys.exit(0 if all("
                        + "importlib.util.find_spec(m.strip()) for m in '" + modules + "'.split(',')) else 1)").redirectErrorStream(true).start().waitFor() == 0;
        if (!present) {
            String message = test + " NEEDS " + PYTHON + " WITH " + modules.toUpperCase()
                    + " (Debian " + packages + "; .ci/run installs it)";
            if ("true".equals(System.getenv("CI"))) {
                fail(message);
            }
            System.err.println("\n*** SKIPPING: " + message + " ***\n");
            assumeTrue(false, message);
        }
    }

    /**
     * Writes {@code input} to a temporary file, runs {@code src/test/python/<script> <file>} with
     * warnings as errors, and returns what it printed; fails the test when it does not exit 0.
     */
    public static String run(String script, String input) throws Exception {
        Path file = Files.createTempFile("attention-", ".json");
        Path path = Path.of("src", "test", "python", script);
        try {
            Files.writeString(file, input, StandardCharsets.UTF_8);
            ProcessBuilder pb = new ProcessBuilder(PYTHON.toString(), "-W", "error", path.toString(), file.toString());
            pb.environment().remove("PYTHONPATH");
            Process p = pb.start();
            p.getOutputStream().close();
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail(path + " did not finish in 120 s");
            }
            if (p.exitValue() != 0) {
                fail(path + " exited with " + p.exitValue() + ": " + err.join());
            }
            return out.join();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static String readAll(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
