package miexplorer.web.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Error handling that fails every time it runs still ends, with an answer. */
class BoundedErrorsTest {
    @Test
    void an_error_path_that_throws_every_time_ends_in_a_500_and_leaves_the_server_healthy() {
        Health health = new Health();
        AtomicInteger attempts = new AtomicInteger();
        Javalin app = Javalin.create(cfg -> {
            BoundedErrors.install(cfg.unsafe, health);
            // Javalin hands an Error to this handler; here it fails each time, as any step of an error path can.
            cfg.router.javaLangErrorHandler((res, error) -> {
                attempts.incrementAndGet();
                throw new IllegalStateException("the error handler fails too");
            });
            cfg.routes.get("/fails", ctx -> {
                throw new StackOverflowError("deep recursion");
            });
        });
        JavalinTest.test(app, (server, client) -> {
            var response = client.get("/fails");
            assertEquals(500, response.code());
            assertTrue(response.body().string().contains("went wrong on our side"));
        });
        assertEquals(1, attempts.get(), "the failing handler ran once, not in a loop");
        assertTrue(health.ok(), "a failed error page is one request's problem, not the server's");
    }

    @Test
    void an_out_of_memory_error_or_a_class_that_cannot_load_marks_the_server_unhealthy() {
        assertEquals(null, Health.fatalReason(new IllegalStateException("a bug")));
        assertTrue(Health.fatalReason(new RuntimeException(new NoClassDefFoundError("x/Y"))).contains("changed on disk"));
        assertTrue(Health.fatalReason(new OutOfMemoryError("Java heap space")).contains("ran out of memory"));
        Health health = new Health();
        assertFalse(health.failIfFatal(new IllegalArgumentException()));
        assertTrue(health.ok());
        assertTrue(health.failIfFatal(new ClassNotFoundException("gg.jte.generated.X")));
        health.fail("a second reason is not kept", null);
        assertTrue(health.problem().contains("gg.jte.generated.X"), health.problem());
    }
}
