package miexplorer.attention;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import miexplorer.testing.Tool;

/**
 * Runs a reference script of src/test/python under Debian's {@code /usr/bin/python3} (a pyenv
 * python3 earlier on PATH may lack the packages; {@code PYTHON} names another), for the tests that
 * compare the attention maths with NumPy and PyTorch.
 */
public final class ReferencePython {
    public static final Path PYTHON = Tool.Paths.PYTHON;

    private ReferencePython() {
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
