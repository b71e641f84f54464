package miexplorer.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class ParallelTest {
    @Test
    void every_task_runs_once_on_any_number_of_threads() {
        for (int threads : new int[] {1, 2, 3, 8, 50}) {
            AtomicIntegerArray runs = new AtomicIntegerArray(1000);
            Parallel.on(TestPool.EIGHT, threads).forEach(1000, runs::incrementAndGet);
            for (int t = 0; t < 1000; t++) {
                assertEquals(1, runs.get(t), "task " + t + " on " + threads + " threads");
            }
        }
    }

    @Test
    void chunks_cover_the_rows_once_in_fixed_pieces() {
        int n = 3 * Parallel.CHUNK + 5;
        for (int threads : new int[] {1, 2, 8}) {
            AtomicIntegerArray covered = new AtomicIntegerArray(n);
            Parallel.on(TestPool.EIGHT, threads).forEachChunk(n, (from, to) -> {
                assertEquals(0, from % Parallel.CHUNK, "a chunk starts at a multiple of " + Parallel.CHUNK);
                assertEquals(Math.min(n, from + Parallel.CHUNK), to);
                for (int i = from; i < to; i++) {
                    covered.incrementAndGet(i);
                }
            });
            for (int i = 0; i < n; i++) {
                assertEquals(1, covered.get(i), "row " + i);
            }
        }
    }

    /* Sequentially, task 30 would fail first; so it does on threads, whichever thread fails first. */
    @Test
    void the_failure_of_the_lowest_task_is_the_one_thrown() {
        for (int threads : new int[] {1, 2, 3, 8}) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> Parallel.on(TestPool.EIGHT, threads).forEach(100, t -> {
                if (t == 30 || t >= 70) {
                    throw new IllegalStateException("task " + t);
                }
            }));
            assertEquals("task 30", e.getMessage(), threads + " threads");
        }
    }

    /* The caller takes tasks too: with no helper ever run, or refused, it does them all and does not wait for ever. */
    @Test
    void an_executor_that_never_runs_or_refuses_the_helpers_leaves_the_work_to_the_caller() {
        AtomicIntegerArray runs = new AtomicIntegerArray(100);
        Parallel.on(task -> { }, 4).forEach(100, runs::incrementAndGet);
        Parallel.on(task -> {
            throw new RejectedExecutionException("shut down");
        }, 4).forEach(100, runs::incrementAndGet);
        for (int t = 0; t < 100; t++) {
            assertEquals(2, runs.get(t), "task " + t);
        }
    }

    @Test
    void no_executor_or_one_thread_is_the_callers_thread_alone() {
        assertSame(Parallel.SERIAL, Parallel.on(null, 4));
        assertSame(Parallel.SERIAL, Parallel.on(TestPool.EIGHT, 1));
        assertEquals(1, Parallel.SERIAL.threads());
        assertEquals(3, Parallel.on(TestPool.EIGHT, 3).threads());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Parallel.on(TestPool.EIGHT, 0));
        assertEquals("threads is 0; it must be at least 1", e.getMessage());
    }
}
