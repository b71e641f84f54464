package miexplorer.web.server;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A jar rewritten in place under the server is noticed; a new jar renamed into its place is not a problem. */
class CodeWatchTest {
    @TempDir
    Path dir;

    @Test
    void a_jar_rewritten_in_place_makes_the_server_unhealthy() throws Exception {
        Path jar = dir.resolve("app.jar");
        Files.write(jar, bytes(100_000, 1));
        Health health = new Health();
        try (CodeWatch watch = CodeWatch.of(jar, health)) {
            assertTrue(watch.check());
            Files.write(jar, bytes(100_000, 2)); // same length, same file, other bytes: as the jar plugin writes
            assertFalse(watch.check());
            assertFalse(health.ok());
            assertTrue(health.problem().contains("changed on disk while it ran"), health.problem());
        }
    }

    @Test
    void a_new_jar_renamed_over_the_old_one_leaves_the_running_server_as_it_was() throws Exception {
        Path jar = dir.resolve("app.jar");
        Files.write(jar, bytes(5_000, 1));
        Health health = new Health();
        try (CodeWatch watch = CodeWatch.of(jar, health)) {
            Path next = dir.resolve("next.jar");
            Files.write(next, bytes(7_000, 3));
            Files.move(next, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            assertTrue(watch.check(), "the server still reads the file it opened, unchanged");
            assertTrue(health.ok());
        }
    }

    @Test
    void code_not_from_a_jar_is_not_watched() {
        assertNull(CodeWatch.ofCodeSource(CodeWatchTest.class.getProtectionDomain().getCodeSource(), new Health()),
                "the tests run from target/classes, a folder");
    }

    private static byte[] bytes(int n, int seed) {
        byte[] b = new byte[n];
        new java.util.Random(seed).nextBytes(b);
        return b;
    }
}
