package miexplorer.web.server;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.CodeSource;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices when the jar this server runs from is changed on disk while it runs.
 *
 * <p>A JVM reads classes from its jar when they are first needed, from the file it opened at start. A
 * build that rewrites that file in place (same file, new bytes) leaves every class not yet loaded
 * unreadable: the server can only fail from then on, so it is marked unhealthy at once, not at the
 * first request that needs a missing class. This holds its own handle on the file it started with and
 * compares its length and its last bytes (a jar's central directory) with what they were at start.
 *
 * <p>A build that puts a new file at the jar's path (a rename, as this project's build does) is not a
 * problem: the server keeps reading the file it opened. That is only logged, once, so an operator knows
 * the new build is not live until a restart.
 */
public final class CodeWatch implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CodeWatch.class);
    /** A jar's end: its central directory, or the last part of it; any rewrite changes it. */
    private static final int TAIL = 64 * 1024;

    private final Path path;
    private final FileChannel file;
    private final Object key;
    private final long length;
    private final byte[] tail;
    private final Health health;
    private boolean replacedSaid;

    private CodeWatch(Path path, FileChannel file, Object key, long length, byte[] tail, Health health) {
        this.path = path;
        this.file = file;
        this.key = key;
        this.length = length;
        this.tail = tail;
        this.health = health;
    }

    /** Watches the jar {@code code} came from; null when it was not loaded from a jar (tests, dev mode). */
    public static CodeWatch ofCodeSource(CodeSource code, Health health) {
        try {
            Path p = code == null || code.getLocation() == null ? null : Path.of(code.getLocation().toURI());
            return p != null && Files.isRegularFile(p) ? of(p, health) : null;
        } catch (URISyntaxException | IllegalArgumentException | IOException e) {
            LOG.warn("Cannot watch the code this server runs from ({}); a rebuild in place would go unnoticed until it fails", e.toString());
            return null;
        }
    }

    /** Watches {@code jar} as it is now. */
    public static CodeWatch of(Path jar, Health health) throws IOException {
        FileChannel channel = FileChannel.open(jar, StandardOpenOption.READ);
        try {
            long length = channel.size();
            return new CodeWatch(jar, channel, fileKey(jar), length, tail(channel, length), health);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * Compares the file with what it was at start; when it has changed, marks the server unhealthy.
     *
     * @return whether the code is still as it was
     */
    public synchronized boolean check() {
        if (!health.ok()) {
            return false;
        }
        try {
            long now = file.size();
            if (now != length || !Arrays.equals(tail(file, now), tail)) {
                health.fail("the jar this server runs from, " + path + ", was changed on disk while it ran (" + length + " bytes at"
                        + " start, " + now + " now): a build rewrote it in place, and the classes not loaded yet can no longer be"
                        + " read. Restart the server.", null);
                return false;
            }
            Object key = fileKey(path);
            if (!replacedSaid && key != null && !key.equals(this.key)) {
                replacedSaid = true;
                LOG.info("A new build is at {}; this server goes on running the one it started with until it is restarted.", path);
            }
            return true;
        } catch (IOException e) {
            health.fail("the jar this server runs from, " + path + ", can no longer be read (" + e + "). Restart the server.", e);
            return false;
        }
    }

    @Override
    public void close() throws IOException {
        file.close();
    }

    private static byte[] tail(FileChannel channel, long length) throws IOException {
        int n = (int) Math.min(TAIL, length);
        ByteBuffer buffer = ByteBuffer.allocate(n);
        long at = length - n;
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, at + buffer.position());
            if (read < 0) {
                break; // shortened while read: the next check sees the new length
            }
        }
        return buffer.array();
    }

    /** The file's identity (device and inode on Unix), or null where the file system has none. */
    private static Object fileKey(Path p) {
        try {
            return Files.readAttributes(p, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
        } catch (IOException e) {
            return null; // not there at the moment (a build between delete and rename): not a change of this server's code
        }
    }
}
