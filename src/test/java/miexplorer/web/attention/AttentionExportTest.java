package miexplorer.web.attention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.JavalinTest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import miexplorer.testing.Needs;
import miexplorer.testing.PythonRun;
import miexplorer.testing.Tool;
import miexplorer.web.App;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * /attention.py runs under Python 3 with NumPy and prints the numbers the page and the API give,
 * for several states, including hostile tokens (which must print back exactly and run nothing).
 */
class AttentionExportTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @Needs(Tool.NUMPY)
    @ParameterizedTest
    @ValueSource(strings = {
        // the sentence preset, with values
        "ql=sat&q=1,0,1,0&kl=the&k=1,0,1,0&v=1,0&kl=cat&k=0,1,0,1&v=0,1&kl=mat&k=1,1,0,0&v=0.5,0.5&scale=1&temp=1",
        // scaling off, a temperature, more decimals
        "ql=q&q=1,2,3&kl=a&k=1,0,0&kl=b&k=0,1,0&kl=c&k=0,0,1&scale=0&temp=0.5&digits=6",
        // two queries with a prior: I(query; key)
        "ql=left&q=2,0&prior=3&ql=right&q=0,2&prior=1&kl=l&k=2,0&kl=m&k=1,1&kl=r&k=0,2&scale=1&temp=1",
        // hostile tokens
        "ql=%22%27%27%27%5C&q=1,0&kl=%3Cscript%3E&k=1,0&kl=%E2%80%AEevil%0Aline&k=0,1&scale=1&temp=1",
        // additive scores, two queries, keys longer than the queries, a temperature
        "ql=a&q=1,0&ql=b&q=-0.5,2&kl=x&k=1,0,2&kl=y&k=0,1,-1&kl=z&k=3,1,0&score=additive&wq=1,0&wq=0.5,-1&wq=2,1"
                + "&wk=1,-1,0&wk=0.5,0.5,0.5&wk=0,0,1&va=1,-1,0.5&scale=1&temp=0.7"})
    void the_script_prints_what_the_page_and_the_api_give(String query) throws Exception {
        JavalinTest.test(App.create(App.Config.production()), (server, client) -> {
            var res = client.get("/attention.py?" + query);
            assertEquals(200, res.code());
            String script = res.body().string();
            Path file = Files.createTempFile("attention", ".py");
            Files.writeString(file, script);
            var run = PythonRun.run(List.of(Tool.Paths.PYTHON.toString(), "-W", "error", file.toString()), "");
            Files.delete(file);
            assertEquals(0, run.exit(), run.err());

            // The same state through the form's reading, as the API would take it.
            var page = client.get("/attention?" + query);
            assertEquals(200, page.code());
            String html = page.body().string();
            int digits = query.contains("digits=6") ? 6 : 3;
            List<String> lines = List.of(run.out().split("\n"));
            List<String> entropies = new ArrayList<>();
            for (String line : lines) {
                if (line.startsWith("Query ")) {
                    entropies.add(line.substring(line.indexOf(": H = ") + 6, line.indexOf(" bits of")));
                }
            }
            // One line per query: none missing, so the comparison below covers every query.
            assertEquals(query.split("(^|&)q=", -1).length - 1, entropies.size(), run.out());
            // The page's entropy (with scaling on) or the working's, as set; compare with the API as set.
            JsonNode api = JSON.readTree(client.post("/api/attention", apiBody(query)).body().string());
            JsonNode h = api.get("entropyBits");
            for (int r = 0; r < entropies.size(); r++) {
                double expected = h.isArray() ? h.get(r).asDouble() : h.asDouble();
                assertEquals(fixed(expected, digits), entropies.get(r), run.out());
            }
            if (api.has("queryKeyMutualInformationBits")) {
                String mi = fixed(api.get("queryKeyMutualInformationBits").asDouble(), digits);
                assertTrue(run.out().contains("I(query; key) = " + mi + " bits"), run.out());
                assertTrue(html.contains("I(query; key) = " + mi + " bits"), "the page shows the same I");
            }
            if (query.contains("%3Cscript%3E")) {
                assertTrue(run.out().contains("<script>"), "a token prints back as typed");
                assertTrue(run.out().contains("\u202eevil\nline"), run.out());
            }
        });
    }

    /** The API body for a URL state (numbers only; labels do not change numbers). */
    private static String apiBody(String query) throws Exception {
        List<String> q = new ArrayList<>();
        List<String> k = new ArrayList<>();
        List<String> prior = new ArrayList<>();
        List<String> wq = new ArrayList<>();
        List<String> wk = new ArrayList<>();
        String additive = "";
        boolean scale = true;
        String temp = "1";
        for (String part : query.split("&")) {
            String[] kv = part.split("=", 2);
            String v = java.net.URLDecoder.decode(kv[1], java.nio.charset.StandardCharsets.UTF_8);
            switch (kv[0]) {
                case "q" -> q.add("[" + v + "]");
                case "k" -> k.add("[" + v + "]");
                case "prior" -> prior.add(v);
                case "scale" -> scale = v.equals("1");
                case "temp" -> temp = v;
                case "wq" -> wq.add("[" + v + "]");
                case "wk" -> wk.add("[" + v + "]");
                case "va" -> additive = ", \"score\": \"additive\", \"va\": [" + v + "]";
                default -> { }
            }
        }
        String qs = q.size() == 1 ? q.get(0) : "[" + String.join(",", q) + "]";
        return "{\"q\": " + qs + ", \"k\": [" + String.join(",", k) + "], \"scale\": " + scale + ", \"temperature\": " + temp
                + (prior.isEmpty() ? "" : ", \"prior\": [" + String.join(",", prior) + "]")
                + (additive.isEmpty() ? "" : additive + ", \"wq\": [" + String.join(",", wq) + "], \"wk\": [" + String.join(",", wk) + "]")
                + "}";
    }

    private static String fixed(double v, int digits) {
        String s = new BigDecimal(v).setScale(digits, RoundingMode.HALF_EVEN).toPlainString();
        return s.startsWith("-") && new BigDecimal(s).signum() == 0 ? s.substring(1) : s;
    }
}
