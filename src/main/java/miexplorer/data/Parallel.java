package miexplorer.data;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Where the nearest-neighbour estimators may split their work, and into how many threads at most: an
 * executor (a server's pool for heavy work, say) and a thread count. The calling thread always takes
 * part, so {@code threads} − 1 helpers are asked of the executor; {@link #SERIAL} (or a null executor,
 * or 1 thread) runs everything in the caller's thread.
 *
 * <p><b>Determinism.</b> Work is split into tasks that do not depend on the thread count (rows in fixed
 * chunks of {@value #CHUNK}, one column each, one subtree each), each task writes only its own entries
 * of its results, and whatever is summed is summed afterwards in row order by one thread. So the
 * estimators give the same numbers to the last bit for any number of threads, and whichever thread runs
 * which task.
 *
 * <p><b>No deadlock on a busy executor.</b> Helpers take tasks from a shared counter; the caller does
 * the same, so it does all the work itself when no helper gets a thread (a pool that is full, a queue
 * behind other work, an executor that refuses), and waits only for tasks a running helper has already
 * taken. A helper that starts after the work is done finds nothing left and ends at once.
 */
public final class Parallel {
    /** Everything in the caller's thread. */
    public static final Parallel SERIAL = new Parallel(null, 1);

    /** Rows per task: fixed, so the split does not depend on the thread count. */
    static final int CHUNK = 16_384;

    private final Executor executor;
    private final int threads;

    private Parallel(Executor executor, int threads) {
        this.executor = executor;
        this.threads = threads;
    }

    /**
     * Up to {@code threads} threads: the caller's and {@code threads} − 1 of {@code executor}'s.
     *
     * @param executor where helpers run; null for none (then the caller's thread does it all)
     * @throws IllegalArgumentException when threads is below 1
     */
    public static Parallel on(Executor executor, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads is " + threads + "; it must be at least 1");
        }
        return executor == null || threads == 1 ? SERIAL : new Parallel(executor, threads);
    }

    /** The most threads that work at once, the caller's included. */
    public int threads() {
        return threads;
    }

    /** Where the helpers run; null for {@link #SERIAL}. */
    public Executor executor() {
        return executor;
    }

    /** The same executor with {@code n} threads fewer (at least the caller's), for work that runs beside. */
    public Parallel fewer(int n) {
        return on(executor, Math.max(1, threads - n));
    }

    /** Work on rows [from, to). */
    @FunctionalInterface
    interface Rows {
        void run(int from, int to);
    }

    /** Runs {@code work} on rows [0, n) in chunks of {@value #CHUNK}, on up to {@link #threads()} threads. */
    void forEachChunk(int n, Rows work) {
        int chunks = (int) ((n + (long) CHUNK - 1) / CHUNK);
        forEach(chunks, c -> work.run(c * CHUNK, (int) Math.min(n, (long) (c + 1) * CHUNK)));
    }

    /** Runs tasks 0 … {@code tasks} − 1, each once, on up to {@link #threads()} threads; returns when all have ended. */
    void forEach(int tasks, IntConsumer task) {
        int helpers = Math.min(threads, tasks) - 1;
        if (helpers <= 0) {
            for (int t = 0; t < tasks; t++) {
                task.accept(t);
            }
            return;
        }
        Batch batch = new Batch(tasks, task);
        for (int h = 0; h < helpers; h++) {
            try {
                executor.execute(batch::work);
            } catch (RejectedExecutionException e) {
                break; // the caller does the rest
            }
        }
        batch.work();
        batch.await();
    }

    /** Tasks taken one at a time by whichever thread asks next. */
    private static final class Batch {
        private final int tasks;
        private final IntConsumer task;
        private final AtomicInteger next = new AtomicInteger();
        private final CountDownLatch ended;
        /** The lowest task that failed so far (tasks after it are skipped), and its failure. */
        private int failedAt = Integer.MAX_VALUE;
        private Throwable failure;

        Batch(int tasks, IntConsumer task) {
            this.tasks = tasks;
            this.task = task;
            this.ended = new CountDownLatch(tasks);
        }

        void work() {
            for (int t = next.getAndIncrement(); t < tasks; t = next.getAndIncrement()) {
                try {
                    if (t < failedAt()) {
                        task.accept(t);
                    }
                } catch (Throwable e) {
                    failed(t, e);
                } finally {
                    ended.countDown();
                }
            }
        }

        private synchronized int failedAt() {
            return failedAt;
        }

        /**
         * Keeps the failure of the lowest task: every task below it still runs, so that is the failure
         * a run in one thread, task after task, would have met first, whatever the threads.
         */
        private synchronized void failed(int t, Throwable e) {
            if (t < failedAt) {
                failedAt = t;
                failure = e;
            }
        }

        /** Waits for the tasks helpers have taken (the caller has done all the others), then rethrows a failure. */
        void await() {
            boolean interrupted = false;
            while (true) {
                try {
                    ended.await();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true; // the tasks taken are running and end soon; the caller is told afterwards
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            Throwable e;
            synchronized (this) {
                e = failure;
            }
            if (e instanceof RuntimeException r) {
                throw r;
            }
            if (e instanceof Error r) {
                throw r;
            }
            if (e != null) {
                throw new IllegalStateException(e);
            }
        }
    }
}
