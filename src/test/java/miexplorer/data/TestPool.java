package miexplorer.data;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Eight threads the tests lend to {@link Parallel}: daemons, so they end with the test JVM and need no shutdown. */
final class TestPool {
    static final ExecutorService EIGHT = Executors.newFixedThreadPool(8, r -> {
        Thread t = new Thread(r, "test-pool");
        t.setDaemon(true);
        return t;
    });

    private TestPool() {
    }
}
