package miexplorer.web.server;

import io.javalin.http.Context;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Heavy work (an upload read, a nearest-neighbour estimate, a permutation step, a long experiment)
 * admitted by one {@link Budget} and run on its own threads, so that Jetty's threads stay free for
 * light requests (pages, fragments, the tables' and attention's APIs, static files, /healthz), which
 * never wait behind it.
 *
 * <p>The budget is sized from this JVM: the heap less {@link #LIGHT_RESERVE} for everything else, and its cores.
 */
public final class HeavyWork implements AutoCloseable {
    /** Heap kept for light requests and the app itself (it serves its pages in a heap of 17 MB: bench/heap.sh). */
    public static final long LIGHT_RESERVE = 20L * 1024 * 1024;
    /** How long a request waits for room before it is told the server is busy. */
    public static final Duration MAX_WAIT = Duration.ofSeconds(10);

    private final Budget budget;
    private final ExecutorService executor;
    private final Health health;
    /** The budget's timer when this made it, to stop with it; else null. */
    private final ScheduledExecutorService ownTimer;

    /** Heavy work admitted by {@code budget}, whose timer the caller stops. */
    public HeavyWork(Budget budget, Health health) {
        this(budget, health, null);
    }

    private HeavyWork(Budget budget, Health health, ScheduledExecutorService ownTimer) {
        this.budget = budget;
        this.health = health;
        this.ownTimer = ownTimer;
        AtomicInteger count = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(budget.cores(), r -> {
            Thread t = new Thread(r, "heavy-work-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** The budget of this JVM: its heap less {@link #LIGHT_RESERVE}, and its cores. */
    public static HeavyWork forThisJvm(Health health) {
        long heap = Runtime.getRuntime().maxMemory();
        Budget budget = budgetOfThisJvm(Math.max(heap - LIGHT_RESERVE, heap / 4));
        return new HeavyWork(budget, health, budget.timer());
    }

    /** A budget of {@code memory} bytes and this JVM's cores, with its own timer (stopped with the heavy work). */
    public static Budget budgetOfThisJvm(long memory) {
        return new Budget(memory, Runtime.getRuntime().availableProcessors(), MAX_WAIT, timer());
    }

    /** Stops the heavy work's threads (work in progress is interrupted), when the server stops. */
    @Override
    public void close() {
        executor.shutdownNow();
        if (ownTimer != null) {
            ownTimer.shutdownNow();
        }
    }

    /** A single daemon thread for the budget's waits. */
    public static ScheduledExecutorService timer() {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "heavy-work-queue");
            t.setDaemon(true);
            return t;
        });
    }

    public Budget budget() {
        return budget;
    }

    /** The heavy work's own threads, for a task that splits its work (the page's curve beside its estimate). */
    public ExecutorService executor() {
        return executor;
    }

    /**
     * Answers {@code ctx} asynchronously: once the budget admits {@code bytes} and {@code threads},
     * runs {@code work} on the heavy work's threads (it writes the answer into {@code ctx}, and may
     * grow its permit); when the
     * budget has no room in time, runs {@code busy} instead; {@code always} runs last in every case,
     * also when {@code work} throws (its exception then goes to the app's error handling). The room is
     * given back as soon as {@code work} ends, whatever the ending, a client gone away included.
     *
     * @throws Budget.TooLarge at once, when {@code bytes} are more than the whole budget
     */
    public void run(Context ctx, long bytes, int threads, Consumer<Budget.Permit> work, Consumer<Budget.Busy> busy, Runnable always) {
        if (bytes > budget.memory()) {
            always.run();
            throw new Budget.TooLarge(bytes, budget.memory());
        }
        ctx.future(() -> budget.reserve(bytes, threads).handleAsync((permit, failure) -> {
            try {
                if (failure != null) {
                    Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
                    if (cause instanceof Budget.Busy b) {
                        busy.accept(b);
                        return null;
                    }
                    throw new CompletionException(cause);
                }
                try (permit) {
                    work.accept(permit);
                } catch (Throwable t) {
                    health.failIfFatal(t);
                    throw t;
                }
                return null;
            } finally {
                always.run();
            }
        }, executor));
    }
}
