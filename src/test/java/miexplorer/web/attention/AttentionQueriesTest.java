package miexplorer.web.attention;

import static miexplorer.testing.AttentionReference.*;
import static miexplorer.testing.PageText.*;
import static miexplorer.testing.PageText.byId;
import static miexplorer.testing.PageText.get;
import static miexplorer.testing.PageText.raw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.testtools.JavalinTest;
import java.util.List;
import miexplorer.testing.Form;
import miexplorer.testing.PageText.Res;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Several queries: the attention matrix as a joint table, and I(query; key). */
class AttentionQueriesTest extends AttentionWebTests {
    // ---- 5. several queries: I(query; key) ------------------------------------------------------

    /** Two queries that prefer different keys (the two-query preset): q = (2,0), (0,2); keys (2,0), (1,1), (0,2). */
    private static final double[][] TWO_Q = {{2, 0}, {0, 2}};
    private static final double[][] TWO_K = {{2, 0}, {1, 1}, {0, 2}};
    private static final String TWO_URL = "/attention?ql=looks+left&q=2,+0&ql=looks+right&q=0,+2"
            + "&kl=left&k=2,+0&kl=middle&k=1,+1&kl=right&k=0,+2&scale=1&temp=1";

    /** TWO_URL with a prior weight after each query. */
    private static String withPrior(String first, String second) {
        return TWO_URL.replace("&q=2,+0&", "&q=2,+0&prior=" + first + "&").replace("&q=0,+2&", "&q=0,+2&prior=" + second + "&");
    }

    @ParameterizedTest(name = "prior = {0}")
    @ValueSource(strings = {"", "3,1"})
    void i_query_key_on_the_page_equals_what_the_api_and_api_mi_give(String priorText) {
        double[] prior = priorText.isEmpty() ? new double[] {0.5, 0.5} : new double[] {0.75, 0.25};
        String url = priorText.isEmpty() ? TWO_URL : withPrior("3", "1");
        JavalinTest.test(app(), (server, client) -> {
            Res page = get(client, url + "&digits=12", false);
            assertEquals(200, page.code());
            double shown = Double.parseDouble(miShown(page.body()));

            String priorJson = priorText.isEmpty() ? "" : ", \"prior\": [3, 1]";
            JsonNode r = JSON.readTree(api(client, "{\"q\": [[2, 0], [0, 2]], \"k\": [[2,0],[1,1],[0,2]]" + priorJson + "}").body());
            // the joint table P(q, k) = prior(q) · α, built here from the API's weights
            JsonNode w = r.get("weights");
            double[][] alpha = {doubles(w.get(0)), doubles(w.get(1))};
            double[][] p = joint(alpha, prior);
            ObjectNode body = JSON.createObjectNode();
            body.set("p", JSON.valueToTree(p));
            body.put("kind", "probabilities");
            Res mi = raw(client, "/api/mi", body.toString(), "application/json", false);
            assertEquals(200, mi.code(), mi.body());
            double fromMi = JSON.readTree(mi.body()).get("mutualInformation").asDouble();

            assertEquals(fromMi, shown, 1e-9, "the page's I(query; key) and /api/mi's");
            assertEquals(fromMi, r.get("queryKeyMutualInformationBits").asDouble(), 1e-9, "the API's and /api/mi's");
            // and from the definitions, with weights computed here
            double[][] expectedAlpha = new double[2][];
            for (int m = 0; m < 2; m++) {
                expectedAlpha[m] = softmax(divide(scores(TWO_Q[m], TWO_K), Math.sqrt(2)));
                assertArrayClose(expectedAlpha[m], alpha[m], 1e-12);
            }
            double expected = mutualInformation(joint(expectedAlpha, prior));
            assertEquals(expected, fromMi, 1e-12);
            assertEquals(expected, shown, 1e-9);
        });
    }

    @Test
    void a_prior_changes_i_query_key_as_the_definition_says() {
        JavalinTest.test(app(), (server, client) -> {
            double[][] alpha = new double[2][];
            for (int m = 0; m < 2; m++) {
                alpha[m] = softmax(divide(scores(TWO_Q[m], TWO_K), Math.sqrt(2)));
            }
            double equal = mutualInformation(joint(alpha, new double[] {0.5, 0.5}));
            double skewed = mutualInformation(joint(alpha, new double[] {0.75, 0.25}));
            // symmetric rows: equal prior gives the larger I here; the two differ in the third decimal
            assertNotEquals(fixed(equal, 3), fixed(skewed, 3));
            Res a = get(client, TWO_URL, false);
            Res b = get(client, withPrior("3", "1"), false);
            assertEquals("I(query; key) = " + fixed(equal, 3) + " bits", byId(a.body(), "att-mi"));
            assertEquals("I(query; key) = " + fixed(skewed, 3) + " bits", byId(b.body(), "att-mi"));
            // a prior of 6 and 2 is the same prior
            Res c = get(client, withPrior("6", "2"), false);
            assertEquals(byId(b.body(), "att-mi"), byId(c.body(), "att-mi"));
            // the entropies per query do not depend on the prior
            assertEquals(infoRows(a.body()), infoRows(b.body()));
            // add-query with a prior gives the new query weight 1
            Form form = new Form().set("ql", "looks left", "looks right").set("q", "2, 0", "0, 2").set("prior", "3", "1")
                    .set("kl", "left", "middle", "right").set("k", "2, 0", "1, 1", "0, 2").set("v", "", "", "")
                    .set("scale", "0", "1").set("temp", "1").set("action", "add-query");
            Res added = post(client, form, true);
            assertEquals(200, added.code());
            assertEquals(List.of("3", "1", "1"), inputs(added.body(), "prior"));
        });
    }

    @Test
    void the_open_in_mi_link_shows_the_same_mutual_information() {
        JavalinTest.test(app(), (server, client) -> {
            for (String url : List.of(TWO_URL, withPrior("3", "1"),
                    SENTENCE.replace("&kl=the", "&ql=q2&q=0,+1,+0,+1&kl=the"))) {
                assertOpensInMiWithTheSameI(client, url);
            }
        });
    }

    @Test
    void the_open_in_mi_link_works_when_key_tokens_repeat() {
        JavalinTest.test(app(), (server, client) -> {
            // "the" twice: the table's column labels must be made distinct
            assertOpensInMiWithTheSameI(client, "/attention?ql=a&q=1,0&ql=b&q=0,1&kl=the&k=1,0&kl=cat&k=0,1&kl=the&k=1,1");
        });
    }

    @Test
    void the_open_in_mi_link_works_when_a_token_looks_like_a_numbered_repeat() {
        JavalinTest.test(app(), (server, client) -> {
            assertOpensInMiWithTheSameI(client, "/attention?ql=x&q=1,0&ql=y&q=0,1&kl=a&k=1,0&kl=a&k=0,1&kl=a+(2)&k=1,1");
        });
    }

    @Test
    void the_open_in_mi_link_works_when_a_long_token_repeats() {
        String token = "x".repeat(60);
        JavalinTest.test(app(), (server, client) -> {
            // a 60-character token is allowed
            assertOpensInMiWithTheSameI(client, "/attention?ql=a&q=1,0&ql=b&q=0,1&kl=" + token + "&k=1,0&kl=" + token + "&k=0,1");
        });
    }
}
