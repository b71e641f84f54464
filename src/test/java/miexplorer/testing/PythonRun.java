package miexplorer.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * What a run of a Python script printed: its exit status and output. Scripts run with Debian's Python
 * ({@link Tool.Paths#PYTHON}), warnings as errors, UTF-8 output; a test that runs one needs
 * {@link Tool#NUMPY} or the like.
 */
public record PythonRun(int exit, String out, String err) {

    /** Runs {@code script} (an exported script, say). */
    public static PythonRun script(String script) throws IOException, InterruptedException {
        Path file = Files.createTempFile("mi-", ".py");
        try {
            Files.writeString(file, script, StandardCharsets.UTF_8);
            return run(List.of(Tool.Paths.PYTHON.toString(), "-W", "error", file.toString()), "");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Runs {@code command} with {@code stdin} as its input; fails the test when it takes more than 60 s. */
    public static PythonRun run(List<String> command, String stdin) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("PYTHONIOENCODING", "utf-8");
        pb.environment().remove("PYTHONPATH");
        Process p = pb.start();
        p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("python did not finish in 60 s: " + command);
        }
        return new PythonRun(p.exitValue(), out.join(), err.join());
    }

    private static String readAll(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
