package miexplorer.web.experiments;

import static miexplorer.testing.AttentionReference.*;
import static miexplorer.testing.PageText.*;
import static miexplorer.testing.PageText.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import miexplorer.testing.PageText.Res;
import miexplorer.web.App;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The √d_k experiment's page. */
class ScalingPageTest {
    private static Javalin app() {
        return App.create(App.Config.production());
    }

    // ---- 9. the √d_k experiment ----------------------------------------------------------------

    @Test
    void the_scaling_page_answers_with_eleven_rows_from_1_to_1024() {
        JavalinTest.test(app(), (server, client) -> {
            Res res = get(client, "/attention/scaling", false);
            assertEquals(200, res.code());
            List<String[]> rows = scalingRows(res.body());
            assertEquals(List.of("1", "2", "4", "8", "16", "32", "64", "128", "256", "512", "1024"), column(rows, 0));
            for (String[] r : rows) {
                for (int c = 1; c <= 2; c++) {
                    double h = Double.parseDouble(r[c]);
                    assertTrue(h >= 0 && h <= 4 + 1e-9, "0 ≤ H ≤ log2 16 = 4: " + h);
                }
            }
            assertEquals(rows.stream().map(r -> r[1]).toList(), scalingRows(get(client, "/attention/scaling?n=16&trials=200&seed=1", false).body())
                    .stream().map(r -> r[1]).toList(), "the defaults are n = 16, 200 trials, seed 1");
        });
    }

    @Test
    void the_same_seed_gives_the_same_numbers_and_another_seed_others() {
        JavalinTest.test(app(), (server, client) -> {
            String a = scalingTable(get(client, "/attention/scaling?n=8&trials=50&seed=7", false).body());
            String b = scalingTable(get(client, "/attention/scaling?n=8&trials=50&seed=7", false).body());
            String c = scalingTable(get(client, "/attention/scaling?n=8&trials=50&seed=8", false).body());
            assertNotNull(a);
            assertEquals(a, b, "same seed, same numbers");
            assertNotEquals(a, c, "another seed, other numbers");
            // d_k = 1 gives identical scaled and unscaled entropies (√1 = 1)
            String[] first = scalingRows(get(client, "/attention/scaling?n=8&trials=50&seed=7", false).body()).get(0);
            assertEquals("1", first[0]);
            assertEquals(first[1], first[2]);
        });
    }

    @Test
    void scaling_keeps_the_entropy_and_without_it_the_softmax_collapses() {
        JavalinTest.test(app(), (server, client) -> {
            List<String[]> rows = scalingRows(get(client, "/attention/scaling?n=16&trials=200&seed=1", false).body());
            double scaled1 = Double.parseDouble(rows.get(0)[1]);
            double scaled1024 = Double.parseDouble(rows.get(10)[1]);
            double unscaled1024 = Double.parseDouble(rows.get(10)[2]);
            assertTrue(Math.abs(scaled1024 - scaled1) < 0.3, "with scaling the entropy stays put: " + scaled1 + " → " + scaled1024);
            assertTrue(unscaled1024 < 1, "without scaling the entropy falls below 1 bit: " + unscaled1024);
            for (int i = 1; i < rows.size(); i++) {
                assertTrue(Double.parseDouble(rows.get(i)[2]) < Double.parseDouble(rows.get(i - 1)[2]),
                        "unscaled entropy falls with d_k at row " + i);
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"n=1", "n=300", "n=x", "n=", "trials=0", "trials=2001", "trials=x", "seed=abc", "seed=1.5",
            "n=256&trials=100"})
    void the_scaling_page_refuses_bad_parameters_with_400_and_a_message(String query) {
        JavalinTest.test(app(), (server, client) -> {
            Res res = get(client, "/attention/scaling?" + query, false);
            assertEquals(400, res.code(), query);
            String field = query.startsWith("n=256") ? "trials" : query.substring(0, query.indexOf('='));
            String message = errorText(res.body(), "err-" + field);
            assertNotNull(message, "a message beside " + field + ": " + allErrors(res.body()));
            if (query.equals("n=256&trials=100")) {
                assertTrue(message.contains("256 keys × 100 trials is more than the 20000"), message);
            } else if (field.equals("seed")) {
                assertTrue(message.contains("whole number"), message);
            } else {
                assertTrue(message.contains("must be a whole number from"), message);
            }
            String typed = URLDecoder.decode(query.substring(query.lastIndexOf('=') + 1), StandardCharsets.UTF_8);
            assertTrue(res.body().contains("name=\"" + field + "\" value=\"" + typed + "\""), "the typed " + field + " is kept");
            assertNull(scalingTable(res.body()), "no table for bad parameters");
        });
    }

    @Test
    void no_query_or_no_key_row_gets_an_empty_row_with_the_message_beside_it() {
        JavalinTest.test(app(), (server, client) -> {
            Res keysOnly = get(client, "/attention?k=1,0&k=0,1", false);
            assertEquals(400, keysOnly.code());
            assertNotNull(errorText(keysOnly.body(), "att-err-q-0"), allErrors(keysOnly.body()));
            assertEquals(List.of(""), inputs(keysOnly.body(), "q"), "an empty query field to type into");
            Res queryOnly = get(client, "/attention?q=1,0", false);
            assertEquals(400, queryOnly.code());
            assertNotNull(errorText(queryOnly.body(), "att-err-k-0"), allErrors(queryOnly.body()));
            assertEquals(List.of(""), inputs(queryOnly.body(), "k"), "an empty key field to type into");
        });
    }

    static List<String[]> scalingRows(String html) {
        return rows(table(html, "scaling-table"), "<tr><td>([^<]*)</td><td>([^<]*)</td><td>([^<]*)</td>", 3);
    }

    static String scalingTable(String html) {
        String t = table(html, "scaling-table");
        return t.isEmpty() ? null : t;
    }
}
