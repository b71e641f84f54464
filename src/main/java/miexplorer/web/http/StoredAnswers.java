package miexplorer.web.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.ByteArrayInputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The payload floor of bench/load.sh, served only when the app is started with {@code MI_BENCH=1}:
 * an answer stored once and sent back from memory, with the headers and compression an htmx
 * fragment gets ({@link Htmx#respond}). A fragment's throughput over this route's, in the same run,
 * is what rendering costs on top of sending the same bytes.
 *
 * <ul>
 *   <li>{@code PUT /bench/stored/{name}} stores the body, and the {@code HX-Push-Url} header to send back with it;</li>
 *   <li>{@code POST /bench/stored/{name}} sends it (the request's body, the form the fragment was made from, is read and ignored).</li>
 * </ul>
 */
public final class StoredAnswers {
    static final String PATH = "/bench/stored/{name}";

    private record Stored(byte[] body, String pushUrl) {
    }

    private final Map<String, Stored> stored = new ConcurrentHashMap<>();

    private StoredAnswers() {
    }

    public static void register(RoutesConfig routes) {
        StoredAnswers s = new StoredAnswers();
        routes.put(PATH, s::store);
        routes.post(PATH, s::send);
    }

    private void store(Context ctx) {
        stored.put(ctx.pathParam("name"), new Stored(ctx.bodyAsBytes(), ctx.header(Htmx.PUSH_URL)));
        ctx.status(204);
    }

    private void send(Context ctx) {
        Stored s = stored.get(ctx.pathParam("name"));
        if (s == null) {
            ctx.status(404).result("nothing stored under " + ctx.pathParam("name"));
            return;
        }
        ctx.bodyAsBytes(); // read, as the fragment's route reads its form
        ctx.status(200);
        ctx.header("Vary", Htmx.REQUEST);
        if (s.pushUrl() != null) {
            ctx.header(Htmx.PUSH_URL, s.pushUrl());
        }
        Htmx.send(ctx, s.body().length, new ByteArrayInputStream(s.body()));
    }
}
