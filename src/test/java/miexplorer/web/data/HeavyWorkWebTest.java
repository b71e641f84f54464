package miexplorer.web.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import miexplorer.web.App;
import miexplorer.web.server.Budget;
import miexplorer.web.server.HeavyWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The data page and API under a small heavy-work budget (8 MB, one core, a wait of half a second):
 * admitted, queued, busy (503 with Retry-After, every field kept), too large for this server (413 at
 * once), and the room given back after an error and after a client that went away.
 */
class HeavyWorkWebTest {
    private static final long MEMORY = 8L * 1024 * 1024;
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build();
    private final ScheduledExecutorService timer = HeavyWork.timer();
    private Budget budget;
    private Javalin app;
    private String base;

    /** Pairs of numbers, {@code rows} of them: what the nearest-neighbour estimate reads. */
    private static String numbers(int rows) {
        StringBuilder sb = new StringBuilder("x,y\n");
        java.util.Random random = new java.util.Random(rows);
        for (int i = 0; i < rows; i++) {
            double x = random.nextGaussian();
            sb.append(x).append(',').append(x + random.nextGaussian()).append('\n');
        }
        return sb.toString();
    }

    @BeforeEach
    void start() {
        budget = new Budget(MEMORY, 1, Duration.ofMillis(500), timer);
        app = App.create(App.Config.production().withBudget(budget)).start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + app.port();
    }

    @AfterEach
    void stop() {
        app.stop();
        timer.shutdownNow();
    }

    @Test
    void data_that_fits_is_estimated_and_its_room_given_back() throws Exception {
        HttpResponse<String> r = api("estimator=ksg", numbers(2_000));
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("\"mutualInformationKsg\""), r.body());
        waitUntil(() -> budget.memoryFree() == MEMORY, "the room is given back");
    }

    @Test
    void a_request_waits_for_room_and_is_answered_once_it_is_free() throws Exception {
        Budget.Permit held = budget.reserve(MEMORY, 1).get(10, TimeUnit.SECONDS);
        CompletableFuture<HttpResponse<String>> answer = CLIENT.sendAsync(apiRequest("estimator=ksg", numbers(500)),
                HttpResponse.BodyHandlers.ofString());
        waitUntil(() -> budget.waiting() == 1, "the request waits in the queue");
        held.close();
        HttpResponse<String> r = answer.get(20, TimeUnit.SECONDS);
        assertEquals(200, r.statusCode(), r.body());
    }

    @Test
    void when_the_budget_stays_full_the_api_answers_503_with_retry_after_and_a_message() throws Exception {
        try (Budget.Permit held = budget.reserve(MEMORY, 1).get(10, TimeUnit.SECONDS)) {
            HttpResponse<String> r = api("estimator=ksg", numbers(500));
            assertEquals(503, r.statusCode(), r.body());
            assertTrue(r.headers().firstValue("Retry-After").orElse("").matches("\\d+"), r.headers().toString());
            assertTrue(r.body().startsWith("{\"errors\":[{\"field\":\"request\",\"message\":\"The server is busy with other people's data"),
                    r.body());
        }
        assertEquals(200, api("estimator=ksg", numbers(500)).statusCode(), "and once room is free, the same request is answered");
    }

    @ParameterizedTest(name = "htmx = {0}")
    @ValueSource(booleans = {false, true})
    void when_the_budget_stays_full_the_page_says_so_beside_the_upload_and_keeps_every_field(boolean htmx) throws Exception {
        try (Budget.Permit held = budget.reserve(MEMORY, 1).get(10, TimeUnit.SECONDS)) {
            HttpResponse<String> r = page(Map.of("x", "x", "y", "y", "estimator", "ksg", "k", "5", "seed", "77"), numbers(300), htmx);
            assertEquals(503, r.statusCode(), r.body());
            assertTrue(r.headers().firstValue("Retry-After").isPresent());
            assertTrue(r.body().contains("id=\"err-data\""), "the message is beside the upload");
            assertTrue(r.body().contains("busy with other people&#39;s data") || r.body().contains("busy with other people's data"), r.body());
            assertTrue(r.body().contains("value=\"77\""), "the seed typed is kept");
            assertTrue(r.body().matches("(?s).*name=\"k\"[^>]*value=\"5\".*|.*value=\"5\"[^>]*name=\"k\".*"), "k is kept");
        }
    }

    @Test
    void data_larger_than_the_whole_budget_is_refused_at_once_with_the_limit_in_rows() throws Exception {
        String csv = numbers(100_000); // about 4 MB of text; at 72 bytes a row the estimate needs more than 7 MB
        HttpResponse<String> r = api("estimator=ksg", csv);
        assertEquals(413, r.statusCode(), r.body());
        long most = (MEMORY - DataDemand.BASE) / DataDemand.NEIGHBOUR_ROW;
        assertTrue(r.body().contains("at most about " + most + " rows at a time for the nearest-neighbour estimate"), r.body());
        HttpResponse<String> p = page(Map.of("estimator", "ksg", "seed", "12"), csv, true);
        assertEquals(413, p.statusCode());
        assertTrue(p.body().contains("id=\"err-data\"") && p.body().contains("value=\"12\""), "beside the upload, the seed kept");
        assertEquals(MEMORY, budget.memoryFree(), "nothing was held");
    }

    @Test
    void the_room_is_given_back_after_bad_data() throws Exception {
        HttpResponse<String> r = api("estimator=ksg", "x,y\n1,2\n3\n");
        assertEquals(400, r.statusCode(), r.body());
        waitUntil(() -> budget.memoryFree() == MEMORY, "the room is given back after the error");
    }

    @Test
    void the_room_is_given_back_when_the_client_goes_away_mid_upload() throws Exception {
        byte[] body = numbers(20_000).getBytes(StandardCharsets.US_ASCII);
        try (Socket socket = new Socket("127.0.0.1", app.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/samples?estimator=ksg HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/csv\r\nContent-Length: "
                    + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, body.length / 2);
            out.flush();
            waitUntil(() -> budget.memoryFree() < MEMORY, "the upload is admitted and being read");
        } // closed half-way
        waitUntil(() -> budget.memoryFree() == MEMORY, "the room is given back once the reading fails");
    }

    private HttpRequest apiRequest(String query, String csv) {
        return HttpRequest.newBuilder(URI.create(base + "/api/samples?" + query)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(csv)).build();
    }

    private HttpResponse<String> api(String query, String csv) throws Exception {
        return CLIENT.send(apiRequest(query, csv), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> page(Map<String, String> fields, String file, boolean htmx) throws Exception {
        String boundary = "----budget" + System.nanoTime();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Map.Entry<String, String> f : fields.entrySet()) {
            out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n" + f.getValue()
                    + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"pairs.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + file + "\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/data")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()));
        if (htmx) {
            b.header("HX-Request", "true");
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void waitUntil(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(10);
        }
    }
}
