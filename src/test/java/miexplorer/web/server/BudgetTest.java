package miexplorer.web.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The heavy-work budget with small limits: admitted, queued in order, busy after the wait, too large, given back. */
class BudgetTest {
    private final ScheduledExecutorService timer = HeavyWork.timer();

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    private Budget budget(long memory, int cores, Duration wait) {
        return new Budget(memory, cores, wait, timer);
    }

    private static Budget.Permit admitted(CompletableFuture<Budget.Permit> f) throws Exception {
        return f.get(10, TimeUnit.SECONDS); // a guard against a hang, not a measure of speed
    }

    @Test
    void what_fits_is_admitted_at_once_and_given_back_on_close() throws Exception {
        Budget b = budget(100, 2, Duration.ofSeconds(10));
        CompletableFuture<Budget.Permit> first = b.reserve(60, 1);
        assertTrue(first.isDone());
        Budget.Permit p = first.get();
        assertEquals(40, b.memoryFree());
        p.close();
        p.close(); // closing twice gives back once
        assertEquals(100, b.memoryFree());
    }

    @Test
    void what_does_not_fit_waits_in_order_and_is_admitted_when_room_is_given_back() throws Exception {
        Budget b = budget(100, 2, Duration.ofSeconds(30));
        Budget.Permit big = admitted(b.reserve(80, 1));
        CompletableFuture<Budget.Permit> second = b.reserve(50, 1);
        CompletableFuture<Budget.Permit> third = b.reserve(10, 1); // fits now, but the queue is first come, first served
        assertFalse(second.isDone());
        assertFalse(third.isDone());
        assertEquals(2, b.waiting());
        big.close();
        Budget.Permit s = admitted(second);
        Budget.Permit t = admitted(third);
        assertEquals(40, b.memoryFree());
        s.close();
        t.close();
        assertEquals(100, b.memoryFree());
        assertEquals(0, b.waiting());
    }

    @Test
    void cores_are_held_like_memory_and_a_permit_widens_to_free_cores_only_when_nobody_waits() throws Exception {
        Budget b = budget(100, 3, Duration.ofSeconds(30));
        Budget.Permit one = admitted(b.reserve(1, 1));
        Budget.Permit reading = admitted(b.reserve(1, 1));
        assertEquals(2, reading.widen(5), "its own and the one free, never more than are free");
        CompletableFuture<Budget.Permit> waiting = b.reserve(1, 1);
        assertFalse(waiting.isDone(), "no core is free");
        one.close();
        Budget.Permit third = admitted(waiting);
        assertEquals(1, third.threads());
        reading.close();
        CompletableFuture<Budget.Permit> two = b.reserve(1, 2);
        Budget.Permit both = admitted(two);
        assertEquals(2, both.threads());
        CompletableFuture<Budget.Permit> queued = b.reserve(1, 1);
        assertFalse(queued.isDone());
        assertEquals(1, third.widen(3), "a core given back goes to the one waiting, not to a permit that widens");
        both.close();
        admitted(queued).close();
        third.close();
        assertEquals(3, admitted(b.reserve(1, 3)).threads(), "every core came back");
    }

    @Test
    void a_request_that_waits_too_long_is_told_the_server_is_busy_and_when_to_come_back() throws Exception {
        Budget b = budget(100, 1, Duration.ofMillis(50));
        Budget.Permit held = admitted(b.reserve(100, 1));
        CompletableFuture<Budget.Permit> late = b.reserve(10, 1);
        ExecutionException e = assertThrows(ExecutionException.class, () -> late.get(10, TimeUnit.SECONDS));
        Budget.Busy busy = assertInstanceOf(Budget.Busy.class, e.getCause());
        assertTrue(busy.retryAfterSeconds() >= 1 && busy.retryAfterSeconds() <= 120, String.valueOf(busy.retryAfterSeconds()));
        assertEquals(0, b.waiting(), "it left the queue");
        held.close();
        assertEquals(100, b.memoryFree());
    }

    @Test
    void more_than_the_whole_budget_is_refused_at_once() {
        Budget b = budget(100, 1, Duration.ofSeconds(10));
        CompletableFuture<Budget.Permit> f = b.reserve(101, 1);
        ExecutionException e = assertThrows(ExecutionException.class, f::get);
        Budget.TooLarge t = assertInstanceOf(Budget.TooLarge.class, e.getCause());
        assertEquals(101, t.bytes());
        assertEquals(100, t.memory());
    }

    @Test
    void a_permit_grows_only_into_room_that_is_free_now() throws Exception {
        Budget b = budget(100, 1, Duration.ofSeconds(10));
        Budget.Permit p = admitted(b.reserve(50, 1));
        p.grow(30);
        assertEquals(80, p.bytes());
        assertThrows(Budget.Busy.class, () -> p.grow(30), "it never waits for room it does not have");
        p.close();
        assertEquals(100, b.memoryFree());
    }
}
