package miexplorer.web.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import miexplorer.web.render.Format;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The nearest-neighbour estimate (estimator=ksg) on the page and in the API. */
class DataKsgTest extends DataWebTests {
    // ---- the nearest-neighbour estimate (estimator=ksg) ------------------------------------------

    /** n pairs "v,w" of correlated normal numbers, written as Java writes doubles, so they read back exactly. */
    private static double[][] normalPairs(int n, long seed, double rho) {
        Random random = new Random(seed);
        double[][] d = new double[2][n];
        for (int i = 0; i < n; i++) {
            d[0][i] = random.nextGaussian();
            d[1][i] = rho * d[0][i] + Math.sqrt(1 - rho * rho) * random.nextGaussian();
        }
        return d;
    }

    /** The pairs as CSV "v,w,g", g a label: "lo" where w &lt; 0, else "hi". */
    private static String csv(double[][] d) {
        StringBuilder sb = new StringBuilder("v,w,g\n");
        for (int i = 0; i < d[0].length; i++) {
            sb.append(d[0][i]).append(',').append(d[1][i]).append(',').append(d[1][i] < 0 ? "lo" : "hi").append('\n');
        }
        return sb.toString();
    }

    @Test
    void estimator_ksg_adds_the_ksg_estimate_for_numbers_ross_for_numbers_against_categories_and_says_which() throws Exception {
        double[][] d = normalPairs(400, 8, 0.7);
        String csv = csv(d);
        JsonNode j = JSON.readTree(api("estimator=ksg&k=4&seed=9&x=v&y=w", csv).body());
        assertEquals("ksg", j.get("estimatorKsg").asText());
        assertEquals(4, j.get("k").asInt());
        assertEquals(9, j.get("seed").asLong());
        assertEquals("numeric", j.get("xKind").asText());
        assertEquals(miexplorer.data.Ksg.estimate(d[0], d[1], "v", "w", 4, 9).in(miexplorer.info.LogBase.TWO),
                j.get("mutualInformationKsg").asDouble(), 0, "bits, the same doubles as Ksg's own");
        assertNull(j.get("notes"), "no ties, no note");
        assertEquals(100, j.get("counts").size() * j.get("counts").get(0).size(), "the table bins each numeric column in 10");

        int[] labels = new int[d[1].length];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = d[1][i] < 0 ? (d[1][0] < 0 ? 0 : 1) : (d[1][0] < 0 ? 1 : 0); // codes by first appearance
        }
        double ross = miexplorer.data.RossEstimator.estimate(d[0], labels, "v", "g", 3, 1).nats();
        JsonNode vg = JSON.readTree(api("estimator=ksg&base=e&x=v&y=g", csv).body());
        JsonNode gv = JSON.readTree(api("estimator=ksg&base=e&x=g&y=v", csv).body());
        assertEquals("ross", vg.get("estimatorKsg").asText());
        assertEquals("categorical", vg.get("yKind").asText());
        assertEquals(ross, vg.get("mutualInformationKsg").asDouble(), 0);
        assertEquals(ross, gv.get("mutualInformationKsg").asDouble(), 0, "the numeric column is the continuous one either way");

        JsonNode categories = JSON.readTree(api("estimator=ksg", TWENTY).body());
        assertEquals("plugin", categories.get("estimatorKsg").asText(), "two categorical columns keep the plug-in estimate");
        assertEquals(categories.get("mutualInformation").asDouble(), categories.get("mutualInformationKsg").asDouble(), 0);
        assertNull(JSON.readTree(api("", csv).body()).get("mutualInformationKsg"), "only when asked");

        StringBuilder rounded = new StringBuilder("a,b\n");
        for (int i = 0; i < 200; i++) {
            rounded.append(Math.round(d[0][i] * 2)).append(',').append(d[1][i]).append('\n');
        }
        JsonNode tied = JSON.readTree(api("estimator=ksg&seed=5", rounded.toString()).body());
        assertTrue(tied.get("notes").get(0).asText().matches("Ties: \\d+ rows of a repeat another row's value \\(of 200 pairs\\)\\..*"),
                tied.get("notes").toString());
        assertTrue(tied.get("notes").get(0).asText().contains("drawn with the seed 5"), tied.get("notes").toString());
    }

    @Test
    void every_bad_ksg_input_gets_a_message_beside_its_field_and_text_in_a_numeric_column_is_left_out_by_line() throws Exception {
        String csv = csv(normalPairs(50, 1, 0.5));
        assertProblem(api("estimator=knn", csv), 400, "estimator", "“knn” is not an estimator offered here: use plugin or ksg.");
        assertProblem(api("estimator=ksg&k=0", csv), 400, "k", "“0” neighbours: give a whole number from 1 to 50");
        assertProblem(api("estimator=ksg&k=51", csv), 400, "k", "from 1 to 50");
        assertProblem(api("estimator=ksg&seed=-1", csv), 400, "seed", "give a whole number from 0 to 4294967295.");
        assertProblem(api("estimator=ksg&k=5", "v,w\n1,2\n2,1\n3,4\n"), 400, "k",
                "There are 3 pairs to use; with k = 5 neighbours the estimator needs at least 6 (k + 1).");
        assertProblem(api("estimator=ksg", "v,w\n1,2\n1,3\n1,4\n1,5\n"), 400, "x", "Column “v” is constant: every one of its 4 numbers");
        assertProblem(api("estimator=ksg", "v,g\n1,a\n2,b\n3,c\n4,d\n5,e\n"), 400, "y", "Every category of “g” occurs once");
        JsonNode j = JSON.readTree(api("estimator=ksg", "v,w\n1,2\n2,abc\n3,1\n4,5\n5,3\n").body());
        assertEquals(4, j.get("n").asLong(), "the row with text in a numeric column is left out");
        assertEquals(3, j.get("skipped").get(0).get("line").asLong());
        assertEquals("“abc” in column “w” is not a number", j.get("skipped").get(0).get("reason").asText());
    }

    @Test
    void too_many_shuffles_of_the_ksg_estimate_for_one_request_are_refused_with_the_most_that_fit() throws Exception {
        String csv = csv(normalPairs(20_000, 2, 0.3));
        JsonNode plain = JSON.readTree(api("estimator=ksg&x=v&y=w", csv).body());
        long cells = (long) plain.get("counts").size() * plain.get("counts").get(0).size();
        long most = miexplorer.web.data.DataRoutes.SYNC_WORK / (20_000 + cells + miexplorer.data.NeighbourEstimate.shuffleWork(20_000, 3));
        assertProblem(api("estimator=ksg&x=v&y=w&permutations=1000", csv), 422, "permutations",
                "1000 permutations of the plug-in and KSG estimates of 20000 observations in a 10 × 10 table is more work than one"
                        + " request does; ask for at most " + most + ".");
    }

    @ParameterizedTest(name = "htmx = {0}")
    @ValueSource(booleans = {false, true})
    void the_ksg_estimate_on_the_page_is_the_apis_with_a_scatter_plot_and_the_binned_estimate_for_2_to_50_bins(boolean htmx)
            throws Exception {
        String csv = csv(normalPairs(300, 4, 0.6));
        Res r = multipart(Map.of("text", csv, "x", "v", "y", "w", "estimator", "ksg", "k", "4", "permutations", "0"), null, null, htmx);
        assertEquals(200, r.code(), r.body());
        JsonNode j = JSON.readTree(api("estimator=ksg&k=4&x=v&y=w", csv).body());
        String ksg = Format.fixed(j.get("mutualInformationKsg").asDouble(), 3);
        assertEquals(ksg, byId(r.body(), "est-ksg"), "three decimals: the estimate's spread makes more meaningless");
        assertTrue(byId(r.body(), "ksg-why").startsWith("Both columns are numeric, so this is the Kraskov–Stögbauer–Grassberger"));
        assertEquals(fixed(j.get("mutualInformation").asDouble()), byId(r.body(), "est-mi"), "and the plug-in estimate, from 10 bins");
        assertTrue(byId(r.body(), "plugin-which").contains("v is cut into 10 bins and w into 10"), byId(r.body(), "plugin-which"));
        assertTrue(r.body().contains("<svg role=\"img\" aria-labelledby=\"scatter-title scatter-desc\""), "the scatter plot");
        assertTrue(r.body().contains("<figcaption id=\"scatter-caption\">All 300 pairs are drawn.</figcaption>"));
        assertTrue(r.body().contains("<svg role=\"img\" aria-labelledby=\"bins-title bins-desc\""), "the chart");
        assertTrue(r.body().contains("The KSG estimate, " + ksg + " bits, is a horizontal line."), "its text alternative");
        String table = r.body().substring(r.body().indexOf("id=\"bins-table\""), r.body().indexOf("</table>", r.body().indexOf("id=\"bins-table\"")));
        assertEquals(49, table.split("<tr><td>", -1).length - 1, "a row for each of 2 … 50 bins");
        assertTrue(table.contains("<tr><td>10</td><td>" + Format.fixed(j.get("mutualInformation").asDouble(), 3) + "</td>"),
                "10 equal-width bins: the table's own estimate");
        if (htmx) {
            // Small pasted data gets a GET URL with the estimator's settings.
            Res small = multipart(Map.of("text", csv(normalPairs(40, 4, 0.6)), "estimator", "ksg", "k", "4", "permutations", "0"),
                    null, null, true);
            String pushed = small.header("HX-Push-Url");
            assertTrue(pushed.endsWith("&base=2&estimator=ksg&k=4&seed=1"), pushed);
            assertEquals(byId(small.body(), "est-ksg"), byId(get(pushed, false).body(), "est-ksg"), "the pushed URL shows the same state");
        } else {
            StringBuilder big = new StringBuilder("v,w\n");
            double[][] d = normalPairs(5000, 6, 0.2);
            for (int i = 0; i < 5000; i++) {
                big.append(d[0][i]).append(',').append(d[1][i]).append('\n');
            }
            Res file = multipart(Map.of("estimator", "ksg", "permutations", "0"), "big.csv", big.toString().getBytes(StandardCharsets.UTF_8), false);
            assertTrue(file.body().contains("<figcaption id=\"scatter-caption\">2000 of the 5000 pairs are drawn, taken evenly through"
                    + " the data (about one in 3), so that the picture stays quick; every pair is in the estimates.</figcaption>"));
            assertEquals(2000, file.body().split("h0", -1).length - 1, "2000 dots");
        }
    }

    @ParameterizedTest(name = "htmx = {0}")
    @ValueSource(booleans = {false, true})
    void a_bad_k_or_a_constant_column_is_named_beside_its_field_with_what_was_typed_kept(boolean htmx) throws Exception {
        String three = "v,w\n1,2\n2,1\n3,4\n";
        Res k = multipart(Map.of("text", three, "estimator", "ksg", "k", "3", "permutations", "0", "seed", "12"), null, null, htmx);
        assertEquals(422, k.code(), k.body());
        assertEquals("There are 3 pairs to use; with k = 3 neighbours the estimator needs at least 4 (k + 1). Choose a smaller k,"
                + " or give more data.", byId(k.body(), "err-k"));
        assertTrue(k.body().contains("aria-describedby=\"k-help err-k\""), "the field points at it");
        assertTrue(k.body().contains(">\n" + three + "</textarea>"), "the text is kept");
        assertTrue(k.body().contains("id=\"data-k\" name=\"k\" value=\"3\""), "and k");
        assertTrue(k.body().contains("name=\"estimator\" value=\"ksg\" checked"), "and the estimator");
        assertTrue(k.body().contains("id=\"data-seed\" name=\"seed\" value=\"12\""), "and the seed");
        Res zero = multipart(Map.of("text", three, "estimator", "ksg", "k", "zero"), null, null, htmx);
        assertEquals(422, zero.code());
        assertTrue(byId(zero.body(), "err-k").startsWith("“zero” neighbours"), byId(zero.body(), "err-k"));
        assertTrue(zero.body().contains("id=\"data-k\" name=\"k\" value=\"zero\""));
        Res constant = multipart(Map.of("text", "v,w\n5,1\n5,2\n5,3\n5,4\n5,6\n", "estimator", "ksg"), null, null, htmx);
        assertEquals(422, constant.code());
        assertTrue(byId(constant.body(), "err-x").startsWith("Column “v” is constant"), byId(constant.body(), "err-x"));
    }

    @Test
    void a_ksg_permutation_test_runs_in_steps_that_carry_the_pasted_text_and_give_exactly_the_apis_p_value() throws Exception {
        String csv = csv(normalPairs(300, 11, 0.08));
        Res first = multipart(Map.of("text", csv, "x", "v", "y", "w", "estimator", "ksg", "permutations", "3000", "seed", "3"),
                null, null, true);
        assertEquals(200, first.code(), first.body());
        Map<String, String> state = ksgState(first.body());
        assertEquals("text", state.get("source"));
        assertEquals(csv, state.get("text"), "the text travels with the step");
        assertTrue(Long.parseLong(state.get("done")) < 3000, "the first step does part of the test: " + state);
        assertTrue(announced(first.body()).contains(" KSG permutation test running: 3000 shuffles."), announced(first.body()));
        Res step = first;
        int steps = 0;
        while (step.body().contains("id=\"ksg-perm-progress\"")) {
            step = multipart("/data/permutations", ksgState(step.body()), null, null, true);
            assertEquals(200, step.code(), step.body());
            steps++;
        }
        assertTrue(steps >= 1, "steps: " + steps);
        JsonNode j = JSON.readTree(api("estimator=ksg&x=v&y=w&permutations=3000&seed=3", csv).body());
        assertEquals(miexplorer.web.data.DataView.pValue(j.get("permutationPValueKsg").asDouble()), byId(step.body(), "ksg-perm-p"));
        assertTrue(announced(step.body()).startsWith("KSG permutation test: p = "), announced(step.body()));

        Map<String, String> changed = new LinkedHashMap<>(state);
        changed.put("text", csv.replaceFirst("\n[^\n]*\n", "\n1,2,hi\n"));
        Res other = multipart("/data/permutations", changed, null, null, true);
        assertTrue(byId(other.body(), "ksg-perm-result").startsWith("The data sent with this step is not the data the test began with"),
                byId(other.body(), "ksg-perm-result"));
        Map<String, String> file = new LinkedHashMap<>(state);
        file.remove("text");
        file.put("source", "file");
        Res noFile = multipart("/data/permutations", file, null, null, false);
        assertTrue(byId(noFile.body(), "ksg-perm-result").startsWith("The file this test shuffles was not sent with this step"),
                byId(noFile.body(), "ksg-perm-result"));
        file.put("done", "9999");
        assertEquals(400, multipart("/data/permutations", file, null, null, true).code(), "a tampered state");
    }

    /** The KSG test's step form: its hidden fields and the text it carries. */
    private static Map<String, String> ksgState(String html) {
        String form = html.substring(html.indexOf("id=\"ksg-permutation\""));
        form = form.substring(0, form.indexOf("</form>"));
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = Pattern.compile("<input type=\"hidden\" name=\"([a-z]+)\" value=\"([^\"]*)\">").matcher(form);
        while (m.find()) {
            out.put(m.group(1), m.group(2).replace("&amp;", "&"));
        }
        Matcher t = Pattern.compile("<textarea name=\"text\" hidden>\n(.*?)</textarea>", Pattern.DOTALL).matcher(form);
        if (t.find()) {
            out.put("text", t.group(1));
        }
        return out;
    }
}
