package miexplorer.web.attention;

import static miexplorer.testing.AttentionReference.*;
import static miexplorer.testing.PageText.*;
import static miexplorer.testing.PageText.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.testtools.JavalinTest;
import java.util.List;
import miexplorer.testing.PageText.Res;
import org.junit.jupiter.api.Test;

/** The shape of POST /api/attention's answers. */
class AttentionApiTest extends AttentionWebTests {
    // ---- 6. the API's shape --------------------------------------------------------------------

    @Test
    void the_api_answer_for_one_query_has_exactly_the_documented_fields() {
        JavalinTest.test(app(), (server, client) -> {
            JsonNode r = JSON.readTree(api(client, SENTENCE_JSON + "}").body());
            assertEquals(List.of("scores", "scaledScores", "weights", "entropyBits", "maxEntropyBits", "effectiveKeys"), fieldNames(r));
            assertTrue(r.get("entropyBits").isNumber());
            assertEquals(3, r.get("weights").size());
            JsonNode withV = JSON.readTree(api(client, SENTENCE_JSON + ", \"v\": [[1, 0], [0, 1], [0.5, 0.5]]}").body());
            assertEquals(List.of("scores", "scaledScores", "weights", "entropyBits", "maxEntropyBits", "effectiveKeys", "output"),
                    fieldNames(withV));
            assertEquals(2, withV.get("output").size());
            JsonNode nullV = JSON.readTree(api(client, SENTENCE_JSON + ", \"v\": null}").body());
            assertFalse(nullV.has("output"), "v: null is no values");
        });
    }

    @Test
    void the_api_answer_for_a_matrix_has_a_leading_query_dimension_and_the_mutual_information() {
        JavalinTest.test(app(), (server, client) -> {
            JsonNode r = JSON.readTree(api(client, "{\"q\": [[2, 0], [0, 2], [1, 1]], \"k\": [[2,0],[1,1],[0,2],[0,0]],"
                    + " \"v\": [[1],[2],[3],[4]]}").body());
            assertEquals(List.of("scores", "scaledScores", "weights", "entropyBits", "maxEntropyBits", "effectiveKeys", "output",
                    "queryKeyMutualInformationBits"), fieldNames(r));
            for (String f : List.of("scores", "scaledScores", "weights", "output")) {
                assertEquals(3, r.get(f).size(), f + " has one row per query");
                assertTrue(r.get(f).get(0).isArray(), f);
            }
            assertEquals(4, r.get("weights").get(0).size());
            assertEquals(1, r.get("output").get(2).size());
            for (String f : List.of("entropyBits", "maxEntropyBits", "effectiveKeys")) {
                assertEquals(3, r.get(f).size(), f);
                assertTrue(r.get(f).get(0).isNumber(), f);
            }
            double[][] q = {{2, 0}, {0, 2}, {1, 1}};
            double[][] k = {{2, 0}, {1, 1}, {0, 2}, {0, 0}};
            double[][] alpha = new double[3][];
            for (int m = 0; m < 3; m++) {
                alpha[m] = softmax(divide(scores(q[m], k), Math.sqrt(2)));
                assertArrayClose(alpha[m], doubles(r.get("weights").get(m)), 1e-12);
                assertEquals(entropy(alpha[m]), r.get("entropyBits").get(m).asDouble(), 1e-12);
                assertEquals(2, r.get("maxEntropyBits").get(m).asDouble(), 1e-12);
                assertArrayClose(output(alpha[m], new double[][] {{1}, {2}, {3}, {4}}), doubles(r.get("output").get(m)), 1e-12);
            }
            assertEquals(mutualInformation(joint(alpha, new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3})),
                    r.get("queryKeyMutualInformationBits").asDouble(), 1e-12);
            // a one-row matrix keeps the matrix shape; one query tells nothing about the key: I = 0
            JsonNode one = JSON.readTree(api(client, "{\"q\": [[1, 0, 1, 0]], \"k\": [[1,0,1,0],[0,1,0,1],[1,1,0,0]]}").body());
            assertTrue(one.get("weights").get(0).isArray());
            assertEquals(0, one.get("queryKeyMutualInformationBits").asDouble(), 1e-12);
            assertArrayClose(softmax(new double[] {1, 0, 0.5}), doubles(one.get("weights").get(0)), 1e-12);
        });
    }

    @Test
    void the_api_defaults_to_scaling_on_and_temperature_1() {
        JavalinTest.test(app(), (server, client) -> {
            String bare = api(client, SENTENCE_JSON + "}").body();
            assertEquals(bare, api(client, SENTENCE_JSON + ", \"scale\": true, \"temperature\": 1}").body());
            assertEquals(bare, api(client, SENTENCE_JSON + ", \"scale\": null, \"temperature\": null}").body());
            assertNotEquals(bare, api(client, SENTENCE_JSON + ", \"scale\": false}").body());
            assertNotEquals(bare, api(client, SENTENCE_JSON + ", \"temperature\": 2}").body());
            JsonNode r = JSON.readTree(bare);
            assertArrayClose(new double[] {1, 0, 0.5}, doubles(r.get("scaledScores")), 1e-15);
            // the form's number formats work in the API too: a fraction, a percentage, a string
            JsonNode f = JSON.readTree(api(client, "{\"q\": [\"1\", 0, \"2/2\", \"0%\"], \"k\": [[1,0,1,0],[0,1,0,1],[1,1,0,0]], \"temperature\": \"1\"}").body());
            assertArrayClose(doubles(r.get("weights")), doubles(f.get("weights")), 0);
        });
    }

    @Test
    void the_api_takes_the_stated_limits_256_keys_and_d_1024() {
        JavalinTest.test(app(), (server, client) -> {
            double[] q = new double[1024];
            q[0] = 1;
            double[][] k = new double[256][1024]; // all zero but k[0][0] = 1
            k[0][0] = 1;
            ObjectNode body = JSON.createObjectNode();
            body.set("q", JSON.valueToTree(q));
            body.set("k", JSON.valueToTree(k));
            Res res = api(client, body.toString());
            assertEquals(200, res.code(), res.body().length() > 500 ? res.body().substring(0, 500) : res.body());
            JsonNode r = JSON.readTree(res.body());
            double[] w = doubles(r.get("weights"));
            assertEquals(256, w.length);
            assertFinitePmf(w);
            // scores: key 0 is 1, the rest 0; divided by √1024 = 32
            double[] s = new double[256];
            s[0] = 1.0 / 32;
            assertArrayClose(softmax(s), w, 1e-12);
        });
    }
}
