package miexplorer.web.attention;

import static miexplorer.testing.AttentionReference.*;
import static miexplorer.testing.PageText.*;
import static miexplorer.testing.PageText.byId;
import static miexplorer.testing.PageText.get;
import static miexplorer.testing.PageText.raw;
import static miexplorer.testing.PageText.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import miexplorer.testing.Form;
import miexplorer.testing.PageText.Res;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input to the attention explorer, hostile labels, and never a stack trace. */
class AttentionBadInputTest extends AttentionWebTests {
    // ---- 7. bad input --------------------------------------------------------------------------

    record Bad(String name, Form form, String errorId, String message, String typedField, List<String> typed) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static List<String> repeat(String s, int n) {
        return Collections.nCopies(n, s);
    }

    static Stream<Bad> badForms() {
        Form f = sentenceForm();
        String long1025 = String.join(", ", repeat("1", 1025));
        Form manyKeys = f.set("kl", numbered("t", 257).toArray(String[]::new)).set("k", repeat("1, 0, 1, 0", 257).toArray(String[]::new))
                .set("v", repeat("", 257).toArray(String[]::new));
        Form manyQueries = f.set("ql", numbered("q", 65).toArray(String[]::new)).set("q", repeat("1, 0, 1, 0", 65).toArray(String[]::new))
                .set("prior", repeat("", 65).toArray(String[]::new));
        Form twoQueries = f.set("ql", "a", "b").set("q", "1, 0, 1, 0", "0, 1, 0, 1");
        Form overflow = f.set("ql", "big").set("q", "1e200").set("kl", "a").set("k", "1e100").set("v", "").set("temp", "1e-10");
        return Stream.of(
                new Bad("a key of the wrong length", f.set("k", "1, 0, 1, 0", "0, 1, 0", "1, 1, 0, 0"), "att-err-k-1",
                        "Key 2 (“cat”) has 3 numbers, but the query has 4", "k", List.of("1, 0, 1, 0", "0, 1, 0", "1, 1, 0, 0")),
                new Bad("a second query of the wrong length", twoQueries.set("q", "1, 0, 1, 0", "1, 0"), "att-err-q-1",
                        "This query has 2 numbers, but the first has 4", "q", List.of("1, 0, 1, 0", "1, 0")),
                new Bad("a non-number in the query", f.set("q", "1, zero, 1, 0"), "att-err-q-0",
                        "Number 2 of query 1 (“sat”): “zero” is not a number", "q", List.of("1, zero, 1, 0")),
                new Bad("a semicolon in a value", f.set("v", "1, 0", "0, 1", "0.5; 0.5"), "att-err-v-2",
                        "Number 1 of value 3", "v", List.of("1, 0", "0, 1", "0.5; 0.5")),
                new Bad("NaN in a key", f.set("k", "1, NaN, 1, 0", "0, 1, 0, 1", "1, 1, 0, 0"), "att-err-k-0",
                        "NaN (not a number) is not allowed", "k", List.of("1, NaN, 1, 0", "0, 1, 0, 1", "1, 1, 0, 0")),
                new Bad("Infinity in the query", f.set("q", "1, 0, Infinity, 0"), "att-err-q-0",
                        "Infinity is not allowed", "q", List.of("1, 0, Infinity, 0")),
                new Bad("-Infinity in a value", f.set("v", "-Infinity, 0", "0, 1", "0.5, 0.5"), "att-err-v-0",
                        "is not allowed", "v", List.of("-Infinity, 0", "0, 1", "0.5, 0.5")),
                new Bad("1e400 in a key", f.set("k", "1, 0, 1, 0", "0, 1, 0, 1", "1e400, 1, 0, 0"), "att-err-k-2",
                        "too large", "k", List.of("1, 0, 1, 0", "0, 1, 0, 1", "1e400, 1, 0, 0")),
                new Bad("an empty query", f.set("q", ""), "att-err-q-0", "Empty", "q", List.of("")),
                new Bad("an empty key vector", f.set("k", "1, 0, 1, 0", "", "1, 1, 0, 0"), "att-err-k-1", "Empty", "k",
                        List.of("1, 0, 1, 0", "", "1, 1, 0, 0")),
                new Bad("temperature 0", f.set("temp", "0"), "att-err-temp", "must be above 0", "temp", List.of("0")),
                new Bad("temperature -1", f.set("temp", "-1"), "att-err-temp", "must be above 0", "temp", List.of("-1")),
                new Bad("temperature abc", f.set("temp", "abc"), "att-err-temp", "“abc” is not a number", "temp", List.of("abc")),
                new Bad("temperature empty", f.set("temp", ""), "att-err-temp", "Empty", "temp", List.of("")),
                new Bad("temperature NaN", f.set("temp", "NaN"), "att-err-temp", "NaN", "temp", List.of("NaN")),
                new Bad("values of different lengths", f.set("v", "1, 0", "0, 1, 1", "0.5, 0.5"), "att-err-v-1",
                        "every value needs d_v = 2", "v", List.of("1, 0", "0, 1, 1", "0.5, 0.5")),
                new Bad("only some values", f.set("v", "1, 0", "", "0.5, 0.5"), "att-err-v-1",
                        "Give a value vector for every key, or leave them all empty", "v", List.of("1, 0", "", "0.5, 0.5")),
                new Bad("257 keys", manyKeys, "att-err-keys", "257 keys: the explorer takes at most 256", "k",
                        repeat("1, 0, 1, 0", 257)),
                new Bad("65 queries", manyQueries, "att-err-queries", "65 queries: the explorer takes at most 64", "q",
                        repeat("1, 0, 1, 0", 65)),
                new Bad("a vector of 1025 numbers", f.set("q", long1025), "att-err-q-0",
                        "This vector has 1025 numbers; the explorer takes at most 1024", "q", List.of(long1025)),
                new Bad("an empty token label", f.set("kl", "the", "", "mat"), "att-err-kl-1", "Empty label", "kl", List.of("the", "", "mat")),
                new Bad("an empty query label", f.set("ql", ""), "att-err-ql-0", "Empty label", "ql", List.of("")),
                new Bad("a repeated query label", twoQueries.set("ql", "a", "a"), "att-err-ql-1", "“a” already names another query",
                        "ql", List.of("a", "a")),
                new Bad("a label over 60 characters", f.set("kl", "the", "c".repeat(61), "mat"), "att-err-kl-1", "at most 60 characters",
                        "kl", List.of("the", "c".repeat(61), "mat")),
                new Bad("a negative prior", twoQueries.set("prior", "1", "-1"), "att-err-prior-1", "negative", "prior", List.of("1", "-1")),
                new Bad("only some priors", twoQueries.set("prior", "1", ""), "att-err-prior-1", "Give every query a prior weight",
                        "prior", List.of("1", "")),
                new Bad("all priors zero", twoQueries.set("prior", "0", "0"), "att-err-prior-0", "Every prior weight is 0",
                        "prior", List.of("0", "0")),
                new Bad("set-dk to 0", f.set("dk", "0").set("action", "set-dk"), "att-err-dk", "dₖ must be a whole number from 1 to 1024",
                        "q", List.of("1, 0, 1, 0")),
                new Bad("set-dk to 5000", f.set("dk", "5000").set("action", "set-dk"), "att-err-dk", "from 1 to 1024",
                        "k", List.of("1, 0, 1, 0", "0, 1, 0, 1", "1, 1, 0, 0")),
                new Bad("set-dk to x", f.set("dk", "x").set("action", "set-dk"), "att-err-dk", "from 1 to 1024", "q", List.of("1, 0, 1, 0")),
                new Bad("an unknown action", f.set("action", "explode"), "att-err-action", "is not something this form can do", "q",
                        List.of("1, 0, 1, 0")),
                new Bad("remove a key that is not there", f.set("action", "remove-key-7"), "att-err-keys", "no such key", "kl",
                        List.of("the", "cat", "mat")),
                new Bad("a bad scale setting", f.set("scale", "0", "maybe"), "att-err-scale", "“maybe” is not a setting for scaling", "q",
                        List.of("1, 0, 1, 0")),
                new Bad("bad digits", f.set("digits", "99"), "att-err-digits", "from 1 to 15", "q", List.of("1, 0, 1, 0")),
                new Bad("scores that overflow at a tiny temperature", overflow, "att-err-temp", "too large", "temp", List.of("1e-10")),
                new Bad("a score that overflows by itself", overflow.set("q", "1e300").set("k", "1e300").set("temp", "1"), "att-err-temp",
                        "too large", "q", List.of("1e300")));
    }

    static Stream<Arguments> badFormsBothWays() {
        return badForms().flatMap(b -> Stream.of(Arguments.of(b, true), Arguments.of(b, false)));
    }

    @ParameterizedTest(name = "{0}, htmx = {1}")
    @MethodSource("badFormsBothWays")
    void bad_input_gets_its_message_beside_the_field_422_and_the_typed_values_back(Bad bad, boolean htmx) {
        JavalinTest.test(app(), (server, client) -> {
            Res res = post(client, bad.form, htmx);
            assertEquals(422, res.code(), bad.name);
            String message = errorText(res.body(), bad.errorId);
            assertNotNull(message, bad.errorId + " is on the page for " + bad.name + "; messages: " + allErrors(res.body()));
            assertTrue(message.contains(bad.message), "message for " + bad.name + ": " + message);
            assertEquals(bad.typed, inputs(res.body(), bad.typedField), "typed values kept in " + bad.typedField);
            assertNull(res.header("HX-Push-Url"), "no URL pushed for a state with errors");
            assertNull(res.header("Location"));
            assertNull(byId(res.body(), "att-entropy"), "no results for a state with errors");
            assertTrue(res.body().contains("id=\"att-problems\""), "the problem list");
            if (htmx) {
                assertTrue(res.body().strip().startsWith("<div id=\"att-explorer\""), "the fragment");
                assertTrue(res.body().contains("hx-swap-oob"), "the announcement");
                assertTrue(announcement(res.body()).contains("problem"), announcement(res.body()));
            } else {
                assertTrue(res.body().contains("<html"), "the whole page");
            }
            if (!List.of("att-err-keys", "att-err-queries", "att-err-action").contains(bad.errorId)) {
                String field = bad.errorId.equals("att-err-temp") ? "att-temp" : bad.errorId.equals("att-err-dk") ? "att-dk"
                        : bad.errorId.substring("att-err-".length());
                assertTrue(res.body().contains("aria-describedby=\"" + bad.errorId + "\""),
                        "the field " + field + " points at its message");
            }
        });
    }

    @Test
    void set_dk_with_a_bad_value_keeps_the_typed_value() {
        JavalinTest.test(app(), (server, client) -> {
            for (String dk : List.of("5000", "0", "x")) {
                Res res = post(client, sentenceForm().set("dk", dk).set("action", "set-dk"), true);
                assertEquals(422, res.code());
                assertNotNull(errorText(res.body(), "att-err-dk"));
                assertEquals(List.of(dk), inputs(res.body(), "dk"), "the typed d_k is kept");
            }
        });
    }

    @Test
    void bad_input_in_a_get_answers_400_with_the_same_messages() {
        JavalinTest.test(app(), (server, client) -> {
            Res wrong = get(client, "/attention?ql=sat&q=1,0,1,0&kl=the&k=1,0,1,0&kl=cat&k=0,1,0&scale=1&temp=1", false);
            assertEquals(400, wrong.code());
            assertTrue(errorText(wrong.body(), "att-err-k-1").contains("Key 2 (“cat”) has 3 numbers"), allErrors(wrong.body()));
            assertEquals(List.of("1,0,1,0", "0,1,0"), inputs(wrong.body(), "k"));
            Res temp = get(client, SENTENCE.replace("temp=1", "temp=0"), true);
            assertEquals(400, temp.code());
            assertTrue(errorText(temp.body(), "att-err-temp").contains("above 0"));
            assertEquals(List.of("0"), inputs(temp.body(), "temp"));
            assertNull(temp.header("HX-Push-Url"));
            // only a temperature: the sentence with that temperature, still checked
            Res onlyTemp = get(client, "/attention?temp=-1", false);
            assertEquals(400, onlyTemp.code());
            assertTrue(errorText(onlyTemp.body(), "att-err-temp").contains("above 0"));
        });
    }

    @Test
    void hostile_labels_in_error_messages_are_escaped() {
        JavalinTest.test(app(), (server, client) -> {
            Res res = post(client, sentenceForm().set("kl", "the", HOSTILE, "mat").set("k", "1, 0, 1, 0", "1", "1, 1, 0, 0"), true);
            assertEquals(422, res.code());
            assertNoRawHostileText(res.body());
            assertTrue(errorText(res.body(), "att-err-k-1").contains("(“" + HOSTILE + "”)"), "the message names the token (escaped)");
        });
    }

    static Stream<Arguments> badApiBodies() {
        String many = "[" + String.join(",", repeat("[1, 0]", 257)) + "]";
        String long1025 = "[" + String.join(",", repeat("1", 1025)) + "]";
        return Stream.of(
                Arguments.of("a key of the wrong length", "{\"q\": [1,0,1,0], \"k\": [[1,0,1,0],[0,1,0]]}", "k[1]", "Key 2"),
                Arguments.of("a non-number", "{\"q\": [1, \"abc\", 1, 0], \"k\": [[1,0,1,0]]}", "q", "is not a number"),
                Arguments.of("a boolean in a vector", "{\"q\": [1, true], \"k\": [[1,0]]}", "q", "must be a number"),
                Arguments.of("NaN", "{\"q\": [1, 0], \"k\": [[1, \"NaN\"]]}", "k[0]", "NaN"),
                Arguments.of("Infinity", "{\"q\": [\"Infinity\", 0], \"k\": [[1, 0]]}", "q", "not allowed"),
                Arguments.of("a number beyond a double", "{\"q\": [1e400, 0], \"k\": [[1, 0]]}", "q", ""),
                Arguments.of("an empty query", "{\"q\": [], \"k\": [[1, 0]]}", "q", "non-empty"),
                Arguments.of("an empty query row", "{\"q\": [[]], \"k\": [[1, 0]]}", "q[0]", "non-empty"),
                Arguments.of("an empty key vector", "{\"q\": [1, 0], \"k\": [[1, 0], []]}", "k[1]", "non-empty"),
                Arguments.of("k not a matrix", "{\"q\": [1, 0], \"k\": [1, 0]}", "k[0]", "non-empty array"),
                Arguments.of("temperature 0", SENTENCE_JSON + ", \"temperature\": 0}", "temperature", "above 0"),
                Arguments.of("temperature -1", SENTENCE_JSON + ", \"temperature\": -1}", "temperature", "above 0"),
                Arguments.of("temperature abc", SENTENCE_JSON + ", \"temperature\": \"abc\"}", "temperature", "is not a number"),
                Arguments.of("temperature a boolean", SENTENCE_JSON + ", \"temperature\": true}", "temperature", "above 0"),
                Arguments.of("values of different lengths", "{\"q\": [1, 0], \"k\": [[1,0],[0,1]], \"v\": [[1, 0], [0, 1, 1]]}", "v[1]", "d_v = 2"),
                Arguments.of("fewer values than keys", SENTENCE_JSON + ", \"v\": [[1, 0], [0, 1]]}", "v", "3 keys but 2 values"),
                Arguments.of("an empty value", SENTENCE_JSON + ", \"v\": [[1, 0], [], [0, 1]]}", "v[1]", "non-empty"),
                Arguments.of("257 keys", "{\"q\": [1, 0], \"k\": " + many + "}", "k", "at most 256"),
                Arguments.of("a vector of 1025 numbers", "{\"q\": " + long1025 + ", \"k\": [[1]]}", "q", "at most 1024"),
                Arguments.of("scores that overflow", "{\"q\": [1e200], \"k\": [[1e100]], \"temperature\": 1e-10}", "temperature", "too large"),
                Arguments.of("invalid JSON", SENTENCE_JSON, "body", "not valid JSON"),
                Arguments.of("not an object", "[1, 2]", "body", "JSON object"),
                Arguments.of("an empty body", "", "body", ""),
                Arguments.of("missing k", "{\"q\": [1, 0]}", "k", "non-empty array"),
                Arguments.of("missing q", "{\"k\": [[1, 0]]}", "q", "non-empty array"),
                Arguments.of("q not an array", "{\"q\": 5, \"k\": [[1, 0]]}", "q", "non-empty array"),
                Arguments.of("q a string", "{\"q\": \"1, 0\", \"k\": [[1, 0]]}", "q", "non-empty array"),
                Arguments.of("scale not a boolean", SENTENCE_JSON + ", \"scale\": \"yes\"}", "scale", "true or false"),
                Arguments.of("scale as 1", SENTENCE_JSON + ", \"scale\": 1}", "scale", "true or false"),
                Arguments.of("a prior with a single query", SENTENCE_JSON + ", \"prior\": [1]}", "prior", "for a matrix q"),
                Arguments.of("a prior of the wrong length", "{\"q\": [[1, 0], [0, 1]], \"k\": [[1,0],[0,1]], \"prior\": [1, 2, 3]}",
                        "prior", "2 queries but 3 prior weights"),
                Arguments.of("a prior not an array", "{\"q\": [[1, 0], [0, 1]], \"k\": [[1,0],[0,1]], \"prior\": 3}", "prior", "array"),
                Arguments.of("a negative prior", "{\"q\": [[1, 0], [0, 1]], \"k\": [[1,0],[0,1]], \"prior\": [1, -1]}", "prior[1]", "negative"),
                Arguments.of("an all-zero prior", "{\"q\": [[1, 0], [0, 1]], \"k\": [[1,0],[0,1]], \"prior\": [0, 0]}", "prior[0]", "Every prior weight is 0"),
                Arguments.of("queries of different lengths", "{\"q\": [[1, 0], [1]], \"k\": [[1,0]]}", "q[1]", "every query needs dₖ = 2"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badApiBodies")
    void the_api_answers_bad_input_with_400_and_the_field_at_fault(String name, String body, String field, String message) {
        JavalinTest.test(app(), (server, client) -> {
            Res res = api(client, body);
            assertEquals(400, res.code(), res.body());
            assertTrue(res.header("Content-Type").startsWith("application/json"), res.header("Content-Type"));
            JsonNode root = JSON.readTree(res.body());
            assertEquals(List.of("errors"), fieldNames(root));
            JsonNode errors = root.get("errors");
            assertTrue(errors.isArray() && errors.size() >= 1, res.body());
            boolean found = false;
            for (JsonNode e : errors) {
                assertEquals(List.of("field", "message"), fieldNames(e), res.body());
                if (e.get("field").asText().equals(field) && e.get("message").asText().contains(message)) {
                    found = true;
                }
            }
            assertTrue(found, "an error for " + field + " containing “" + message + "”: " + res.body());
        });
    }

    @Test
    void the_api_names_q_when_there_are_too_many_queries() {
        JavalinTest.test(app(), (server, client) -> {
            String q = "[" + String.join(",", repeat("[1, 0]", 65)) + "]";
            Res res = api(client, "{\"q\": " + q + ", \"k\": [[1, 0]]}");
            assertEquals(400, res.code());
            JsonNode e = JSON.readTree(res.body()).get("errors").get(0);
            assertTrue(e.get("message").asText().contains("at most 64"), res.body());
            assertEquals("q", e.get("field").asText(), res.body());
        });
    }

    // ---- 8. hostile labels ---------------------------------------------------------------------

    private static final String HOSTILE = "<script>alert(1)</script>";
    private static final String HOSTILE_ATTR = "\"><img src=x onerror=alert(1)>";

    @Test
    void hostile_labels_are_escaped_in_the_page_the_fragment_and_the_pushed_url() {
        JavalinTest.test(app(), (server, client) -> {
            Form form = sentenceForm().set("ql", HOSTILE, HOSTILE_ATTR).set("q", "1, 0, 1, 0", "0, 1, 0, 1").set("prior", "", "")
                    .set("kl", HOSTILE_ATTR, HOSTILE, "mat");
            Res fragment = post(client, form, true);
            assertEquals(200, fragment.code());
            assertNoRawHostileText(fragment.body());
            assertTrue(fragment.body().contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the label is shown, escaped");
            assertEquals(List.of(HOSTILE, HOSTILE_ATTR), inputs(fragment.body(), "ql"), "and comes back as typed");
            assertEquals(List.of(HOSTILE_ATTR, HOSTILE, "mat"), inputs(fragment.body(), "kl"));
            assertNoRawHostileText(announcement(fragment.body()));

            String url = fragment.header("HX-Push-Url");
            assertNotNull(url);
            for (String c : List.of("<", ">", "\"", " ")) {
                assertFalse(url.contains(c), "raw " + c + " in the pushed URL " + url);
            }
            assertTrue(url.contains("ql=%3Cscript%3Ealert%281%29%3C%2Fscript%3E"), url);
            Res page = get(client, url, false);
            assertEquals(200, page.code());
            assertNoRawHostileText(page.body());
            assertEquals(List.of(HOSTILE, HOSTILE_ATTR), inputs(page.body(), "ql"));
            assertEquals(List.of(HOSTILE_ATTR, HOSTILE, "mat"), inputs(page.body(), "kl"));
            assertEquals(explorer(fragment.body()), explorer(page.body()));

            Res redirect = post(client, form, false);
            assertEquals(303, redirect.code());
            assertEquals(url, redirect.header("Location"));

            // the /mi link carries them too, encoded; /mi shows them escaped
            String link = jointLink(page.body());
            assertNotNull(link);
            assertFalse(link.contains("<") || link.contains("\""), link);
            Res mi = get(client, link, false);
            assertEquals(200, mi.code());
            assertNoRawHostileText(mi.body());
        });
    }

    // ---- 10. never a stack trace ---------------------------------------------------------------

    @Test
    void odd_requests_get_plain_answers() {
        JavalinTest.test(app(), (server, client) -> {
            Res empty = raw(client, "/attention", "", "application/x-www-form-urlencoded", false);
            assertTrue(empty.code() == 303 || empty.code() == 200, "an empty post is the default state: " + empty.code());
            Res badEncoding = raw(client, "/attention", "ql=%ZZ&q=1&k=1", "application/x-www-form-urlencoded", true);
            assertTrue(badEncoding.code() == 200 || badEncoding.code() >= 400, "status " + badEncoding.code());
            Res notJson = raw(client, "/api/attention", "q=1&k=1", "application/x-www-form-urlencoded", false);
            assertEquals(400, notJson.code());
            Res labelsOnly = get(client, "/attention?ql=a&kl=b&kl=c", false);
            assertTrue(labelsOnly.code() == 200 || labelsOnly.code() == 400, "status " + labelsOnly.code());
            Res keysOnly = get(client, "/attention?k=1,0&k=0,1", false);
            assertEquals(400, keysOnly.code(), "keys without a query");
            assertNotNull(errorText(keysOnly.body(), "att-err-q-0"), "the message stands beside an empty query row");
            Res queryOnly = get(client, "/attention?q=1,0", false);
            assertEquals(400, queryOnly.code(), "a query without keys");
            assertNotNull(errorText(queryOnly.body(), "att-err-k-0"), "the message stands beside an empty key row");
            Res history = read(client.get(SENTENCE, req -> req.header("HX-Request", "true").header("HX-History-Restore-Request", "true")),
                    "history restore");
            assertTrue(history.body().contains("<html"), "a history restore gets the whole page");
            Res bigGet = get(client, "/attention?q=" + "1,".repeat(2000) + "1&k=1", false);
            assertTrue(bigGet.code() == 400 || bigGet.code() == 431 || bigGet.code() == 414, "status " + bigGet.code());
        });
    }
}
