package miexplorer.web.mi;

import static miexplorer.testing.PageText.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import java.util.stream.Stream;
import miexplorer.testing.JointReference;
import miexplorer.testing.PageText.Res;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** POST /api/mi. */
class MiApiTest extends MiWebTests {
    // ---- 8. the JSON API -----------------------------------------------------------------------

    @Test
    void the_api_answers_the_weather_table_at_full_precision() {
        JavalinTest.test(app(), (server, client) -> {
            Res res = api(client, "{\"p\": [[0.36, 0.04], [0.12, 0.48]], \"xLabels\": [\"Rain\", \"Sun\"],"
                    + " \"yLabels\": [\"Forecast rain\", \"Forecast sun\"], \"base\": \"2\", \"kind\": \"probabilities\"}");
            assertEquals(200, res.code());
            JsonNode a = JSON.readTree(res.body());
            JointReference w = JointReference.of(WEATHER);
            assertEquals("bits", a.get("unit").asText());
            assertEquals(w.mi(), a.get("mutualInformation").asDouble(), 1e-12);
            assertEquals(0.378090, a.get("mutualInformation").asDouble(), 5e-7); // worked by hand above
            assertEquals(w.hX(), a.get("entropyX").asDouble(), 1e-12);
            assertEquals(w.hY(), a.get("entropyY").asDouble(), 1e-12);
            assertEquals(w.hXY(), a.get("jointEntropy").asDouble(), 1e-12);
            assertEquals(w.hXgivenY(), a.get("conditionalEntropyXGivenY").asDouble(), 1e-12);
            assertEquals(w.hYgivenX(), a.get("conditionalEntropyYGivenX").asDouble(), 1e-12);
            assertArray(new double[] {0.4, 0.6}, a.get("px"));
            assertArray(new double[] {0.48, 0.52}, a.get("py"));
            assertTable(WEATHER, a.get("p"));
        });
    }

    @Test
    void the_api_accepts_the_strings_the_form_accepts_and_defaults_base_and_kind() {
        JavalinTest.test(app(), (server, client) -> {
            Res res = api(client, "{\"p\": [[\"9/25\", \"4%\"], [\"0.12\", 0.48]]}");
            assertEquals(200, res.code(), res.body());
            JsonNode a = JSON.readTree(res.body());
            assertEquals("bits", a.get("unit").asText());
            assertEquals(JointReference.of(WEATHER).mi(), a.get("mutualInformation").asDouble(), 1e-12);
            assertTable(WEATHER, a.get("p"));
        });
    }

    @Test
    void the_api_normalises_counts() {
        JavalinTest.test(app(), (server, client) -> {
            Res res = api(client, "{\"p\": [[8, 2], [3, 7]], \"kind\": \"counts\", \"base\": \"e\"}");
            assertEquals(200, res.code(), res.body());
            JsonNode a = JSON.readTree(res.body());
            double[][] p = {{0.40, 0.10}, {0.15, 0.35}};
            assertEquals("nats", a.get("unit").asText());
            assertTable(p, a.get("p"));
            assertArray(new double[] {0.5, 0.5}, a.get("px"));
            assertArray(new double[] {0.55, 0.45}, a.get("py"));
            assertEquals(JointReference.of(p).mi() * Math.log(2), a.get("mutualInformation").asDouble(), 1e-12);
        });
    }

    @Test
    void the_api_answers_base_ten_in_hartleys() {
        JavalinTest.test(app(), (server, client) -> {
            JsonNode a = JSON.readTree(api(client, "{\"p\": [[0.36, 0.04], [0.12, 0.48]], \"base\": \"10\"}").body());
            assertEquals("hartleys", a.get("unit").asText());
            assertEquals(JointReference.of(WEATHER).mi() * Math.log10(2), a.get("mutualInformation").asDouble(), 1e-12);
        });
    }

    static Stream<Arguments> badApiBodies() {
        return Stream.of(
                Arguments.of("a negative cell", "{\"p\": [[0.36, 0.04], [-0.12, 0.48]]}", "p[1][0]", "negative"),
                Arguments.of("a non-number", "{\"p\": [[0.36, 0.04], [\"abc\", 0.48]]}", "p[1][0]", "is not a number"),
                Arguments.of("NaN", "{\"p\": [[0.36, 0.04], [\"NaN\", 0.48]]}", "p[1][0]", "NaN"),
                Arguments.of("a ragged table", "{\"p\": [[0.36, 0.04], [0.6]]}", "p[1]", "rectangular"),
                Arguments.of("an empty table", "{\"p\": []}", "p", "non-empty"),
                Arguments.of("invalid JSON", "{\"p\": [[0.36, 0.04], [0.12, 0.48]", "body", "not valid JSON"),
                Arguments.of("a bad base", "{\"p\": [[0.36, 0.04], [0.12, 0.48]], \"base\": \"3\"}", "base", "2, e or 10"),
                Arguments.of("a bad kind", "{\"p\": [[0.36, 0.04], [0.12, 0.48]], \"kind\": \"weights\"}", "kind", "probabilities or counts"),
                Arguments.of("a sum other than 1", "{\"p\": [[0.36, 0.04], [0.12, 0.4]]}", "p", "Normalise"),
                Arguments.of("all-zero counts", "{\"p\": [[0, 0], [0, 0]], \"kind\": \"counts\"}", "p", "Every cell is 0"),
                Arguments.of("repeated labels", "{\"p\": [[0.36, 0.04], [0.12, 0.48]], \"xLabels\": [\"A\", \"A\"]}",
                        "xLabels[1]", "already names"),
                Arguments.of("too many labels", "{\"p\": [[0.36, 0.04], [0.12, 0.48]], \"yLabels\": [\"A\", \"B\", \"C\"]}",
                        "yLabels", "has 3 labels"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badApiBodies")
    void the_api_answers_bad_input_with_400_and_the_field_at_fault(String name, String body, String field, String message) {
        JavalinTest.test(app(), (server, client) -> {
            Res res = api(client, body);
            assertEquals(400, res.code(), res.body());
            assertTrue(res.header("Content-Type").startsWith("application/json"), res.header("Content-Type"));
            JsonNode errors = JSON.readTree(res.body()).get("errors");
            assertTrue(errors.isArray() && errors.size() >= 1, res.body());
            JsonNode first = errors.get(0);
            assertEquals(field, first.get("field").asText(), res.body());
            assertTrue(first.get("message").asText().contains(message), res.body());
        });
    }

    @Test
    void the_api_rejects_33_rows_stating_the_limit() {
        JavalinTest.test(app(), (server, client) -> {
            StringBuilder p = new StringBuilder("{\"p\": [");
            for (int i = 0; i < 33; i++) {
                p.append(i > 0 ? "," : "").append("[1, 1]");
            }
            Res res = api(client, p.append("], \"kind\": \"counts\"}").toString());
            assertEquals(400, res.code());
            JsonNode e = JSON.readTree(res.body()).get("errors").get(0);
            assertEquals("p", e.get("field").asText());
            assertTrue(e.get("message").asText().contains("at most 32 rows"), res.body());
        });
    }
}
