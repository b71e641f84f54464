package miexplorer.web.server;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * What heavy work may hold at once: bytes of heap and cores. A request reserves its estimate before
 * it starts and gives it back when it ends, whatever the ending ({@link Permit#close}). Requests that
 * do not fit wait in one queue, first come first served (a large request at the head is not overtaken
 * by smaller ones behind it, so it cannot starve), for at most {@code maxWait}; then they are told the
 * server is busy ({@link Busy}, with a time to try again). A request larger than the whole budget is
 * refused at once ({@link TooLarge}): waiting would not help.
 *
 * <p>Nothing blocks a thread while it waits: {@link #reserve} answers with a future.
 */
public final class Budget {
    private final long memory;
    private final int cores;
    private final Duration maxWait;
    private final ScheduledExecutorService timer;
    private final ArrayDeque<Waiter> queue = new ArrayDeque<>();
    private long memoryFree;
    private int coresFree;
    /** Seconds a held byte has taken, on average over recent permits: how long the queue may take to move. */
    private double secondsPerByte = 5e-8;

    /**
     * @param memory bytes of heap heavy work may hold at once
     * @param cores threads heavy work may run at once
     * @param maxWait how long a request waits for room before it is told the server is busy
     * @param timer runs the waits' ends
     */
    public Budget(long memory, int cores, Duration maxWait, ScheduledExecutorService timer) {
        if (memory <= 0 || cores <= 0) {
            throw new IllegalArgumentException("a budget needs some memory and at least one core: " + memory + " bytes, " + cores + " cores");
        }
        this.memory = memory;
        this.cores = cores;
        this.maxWait = maxWait;
        this.timer = timer;
        this.memoryFree = memory;
        this.coresFree = cores;
    }

    public long memory() {
        return memory;
    }

    /** The thread that ends the waits. */
    ScheduledExecutorService timer() {
        return timer;
    }

    public int cores() {
        return cores;
    }

    /** Bytes free now, for tests and the health of a busy server. */
    public synchronized long memoryFree() {
        return memoryFree;
    }

    /** Requests waiting now. */
    public synchronized int waiting() {
        return queue.size();
    }

    /**
     * Reserves {@code bytes} of heap and {@code threads} cores (at most all of them): a future that
     * completes with the permit when they are free (a permit may take more cores later, when they are
     * free and nobody waits: {@link Permit#widen}), or fails with {@link Busy} after {@code maxWait};
     * fails at once with {@link TooLarge} when the bytes are more than the whole budget.
     */
    public CompletableFuture<Permit> reserve(long bytes, int threads) {
        if (bytes > memory) {
            return CompletableFuture.failedFuture(new TooLarge(bytes, memory));
        }
        Waiter w = new Waiter(Math.max(0, bytes), Math.max(1, Math.min(threads, cores)));
        synchronized (this) {
            if (queue.isEmpty() && fits(w)) {
                return CompletableFuture.completedFuture(admit(w));
            }
            queue.add(w);
            w.timeout = timer.schedule(() -> expire(w), maxWait.toMillis(), TimeUnit.MILLISECONDS);
        }
        return w.future;
    }

    private boolean fits(Waiter w) {
        return w.bytes <= memoryFree && w.threads <= coresFree;
    }

    private Permit admit(Waiter w) {
        memoryFree -= w.bytes;
        coresFree -= w.threads;
        return new Permit(w.bytes, w.threads);
    }

    private void expire(Waiter w) {
        long retry;
        synchronized (this) {
            if (!queue.remove(w)) {
                return; // admitted meanwhile
            }
            retry = retryAfterSeconds();
            admitWaiting(); // the head may have been the one that did not fit
        }
        w.future.completeExceptionally(new Busy(retry));
    }

    /** Admits waiting requests from the head of the queue while they fit. Holds the lock. */
    private void admitWaiting() {
        for (Iterator<Waiter> it = queue.iterator(); it.hasNext(); ) {
            Waiter w = it.next();
            if (!fits(w)) {
                return;
            }
            it.remove();
            w.timeout.cancel(false);
            Permit p = admit(w);
            // Completed outside this thread's lock-holding call stack: the work starts on its own executor.
            timer.execute(() -> {
                if (!w.future.complete(p)) {
                    p.close(); // the request went away meanwhile
                }
            });
        }
    }

    /** Seconds until the work held and queued now is likely done: the Retry-After of a busy answer. Holds the lock. */
    private long retryAfterSeconds() {
        long ahead = memory - memoryFree;
        for (Waiter w : queue) {
            ahead += w.bytes;
        }
        return Math.max(1, Math.min(120, (long) Math.ceil(ahead * secondsPerByte / Math.max(1, cores))));
    }

    private synchronized void release(Permit p, long nanos) {
        memoryFree += p.bytes;
        coresFree += p.threads;
        if (p.bytes > 1024 * 1024) {
            secondsPerByte = 0.5 * secondsPerByte + 0.5 * (nanos / 1e9 / p.bytes);
        }
        admitWaiting();
    }

    private static final class Waiter {
        final long bytes;
        final int threads;
        final CompletableFuture<Permit> future = new CompletableFuture<>();
        ScheduledFuture<?> timeout;

        Waiter(long bytes, int threads) {
            this.bytes = bytes;
            this.threads = threads;
        }
    }

    /** Room held in the budget; closing it gives the room back (once, however often it is closed). */
    public final class Permit implements AutoCloseable {
        private long bytes;
        private int threads;
        private final long start = System.nanoTime();
        private boolean closed;

        private Permit(long bytes, int threads) {
            this.bytes = bytes;
            this.threads = threads;
        }

        public long bytes() {
            return bytes;
        }

        public int threads() {
            synchronized (Budget.this) {
                return threads;
            }
        }

        /**
         * Takes more cores, up to {@code most} in all, from those free now, and only when nobody is
         * waiting for room (they would otherwise wait behind it); never waits. For the part of a request
         * that can use several cores (a nearest-neighbour estimate), after the part that cannot (reading
         * its data), so that a slow upload holds one core, not all.
         *
         * @return the cores this permit holds now
         */
        public int widen(int most) {
            synchronized (Budget.this) {
                if (!closed && queue.isEmpty()) {
                    int more = Math.max(0, Math.min(most - threads, coresFree));
                    coresFree -= more;
                    threads += more;
                }
                return threads;
            }
        }

        /**
         * Holds {@code more} bytes besides, when they are free now; else throws {@link Busy}. Never
         * waits: a request that holds room and waits for more could wait for one that does the same.
         */
        public void grow(long more) {
            synchronized (Budget.this) {
                if (closed || more > memoryFree) {
                    throw new Busy(retryAfterSeconds());
                }
                memoryFree -= more;
                bytes += more;
            }
        }

        @Override
        public void close() {
            synchronized (Budget.this) {
                if (closed) {
                    return;
                }
                closed = true;
                release(this, System.nanoTime() - start);
            }
        }
    }

    /** The budget had no room in time. */
    public static final class Busy extends RuntimeException {
        private final long retryAfterSeconds;

        Busy(long retryAfterSeconds) {
            super("the server is busy with other people's data; try again in " + retryAfterSeconds + " s", null, false, false);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    /** More than the whole budget: it would never fit. */
    public static final class TooLarge extends RuntimeException {
        private final long bytes;
        private final long memory;

        TooLarge(long bytes, long memory) {
            super(bytes + " bytes asked of a budget of " + memory, null, false, false);
            this.bytes = bytes;
            this.memory = memory;
        }

        public long bytes() {
            return bytes;
        }

        public long memory() {
            return memory;
        }
    }
}
