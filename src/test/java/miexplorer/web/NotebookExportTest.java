package miexplorer.web;

import static miexplorer.testing.PageText.fetch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import miexplorer.testing.Needs;
import miexplorer.testing.PageText;
import miexplorer.testing.PythonRun;
import miexplorer.testing.Tool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The notebooks, {@code /mi.ipynb}, {@code /cmi.ipynb} and {@code /attention.ipynb} (issue 20): each is
 * valid nbformat 4, runs top to bottom in a Jupyter kernel (nbclient with ipykernel), prints exactly what
 * the state's Python script prints, and those numbers are the API's. Running a notebook starts a kernel
 * (a second or two), so five states are run in all; the cheaper checks (the code is the script's, bad
 * states, the links) run without Python.
 *
 * <p>Without Debian's python3-nbformat, python3-nbclient and python3-ipykernel the runs are skipped with
 * a loud message, except under {@code CI=true}, where that fails ({@code .ci/run} installs them).
 */
class NotebookExportTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Validates the notebook on stdin, runs it, and prints what its cells printed; anything else is an error. */
    private static final String RUN_NOTEBOOK = """
            import sys, nbformat
            from nbclient import NotebookClient
            nb = nbformat.reads(sys.stdin.read(), as_version=nbformat.NO_CONVERT)
            assert nb.nbformat == 4, nb.nbformat
            nbformat.validate(nb)
            NotebookClient(nb, timeout=60, kernel_name="python3").execute()
            bad = False
            for cell in nb.cells:
                for out in cell.get("outputs", []):
                    if out.output_type == "stream" and out.name == "stdout":
                        sys.stdout.write(out.text)
                    else:
                        sys.stderr.write(f"unexpected output: {out}\\n")
                        bad = True
            sys.exit(3 if bad else 0)
            """;

    private static Javalin app() {
        return App.create(App.Config.production());
    }

    // ---- run in a kernel, the API's numbers ----------------------------------------------------

    @Needs(Tool.NOTEBOOK)
    @Test
    void the_joint_table_notebooks_run_and_print_the_apis_numbers() {
        JavalinTest.test(app(), (server, client) -> {
            // the default state: the tutorial's weather table, in bits
            checkMi(client, "", "{\"p\": [[0.36, 0.04], [0.12, 0.48]]}", 3);
            // counts, in nats, more decimals
            checkMi(client, "x=Sky&y=Plan&xl=Clear&xl=Cloudy&xl=Rain&yl=Beach&yl=Hike&yl=Museum&yl=Cinema"
                    + "&p=30,22,5,3;8,15,12,10;1,2,18,24&kind=counts&base=e&digits=6",
                    "{\"p\": [[30, 22, 5, 3], [8, 15, 12, 10], [1, 2, 18, 24]], \"kind\": \"counts\", \"base\": \"e\"}", 6);
        });
    }

    private static void checkMi(io.javalin.testtools.HttpClient client, String query, String apiBody, int digits) throws Exception {
        Map<String, String> printed = printed(run(client, "/mi", query), "^(H\\(X\\)|H\\(Y\\)|H\\(X, Y\\)|H\\(X \\| Y\\)|H\\(Y \\| X\\)|I\\(X; Y\\)) = (\\S+) ");
        JsonNode api = api(client, "/api/mi", apiBody);
        assertEquals(expected(api, digits, "H(X)", "entropyX", "H(Y)", "entropyY", "H(X, Y)", "jointEntropy",
                "H(X | Y)", "conditionalEntropyXGivenY", "H(Y | X)", "conditionalEntropyYGivenX", "I(X; Y)", "mutualInformation"), printed);
    }

    @Needs(Tool.NOTEBOOK)
    @Test
    void the_three_variable_notebook_runs_and_prints_the_apis_numbers() {
        JavalinTest.test(app(), (server, client) -> {
            // the weather split by season, as counts, in nats
            String out = run(client, "/cmi", "x=Weather&y=Forecast&z=Season&xl=Rain&xl=Sun&yl=Forecast+rain&yl=Forecast+sun"
                    + "&zl=Winter&zl=Summer&p=27,2;6,15&p=9,2;6,33&kind=counts&base=e");
            Map<String, String> printed = printed(out, "^(H\\(X\\)|H\\(Z\\)|H\\(X,Y,Z\\)|I\\([XYZ;|,]+\\)) = (\\S+) ");
            JsonNode api = api(client, "/api/cmi", "{\"p\": [[[27, 2], [6, 15]], [[9, 2], [6, 33]]], \"kind\": \"counts\", \"base\": \"e\"}");
            assertEquals(expected(api, 3, "H(X)", "entropyX", "H(Z)", "entropyZ", "H(X,Y,Z)", "jointEntropy",
                    "I(X;Y)", "mutualInformationXY", "I(X;Z)", "mutualInformationXZ", "I(Y;Z)", "mutualInformationYZ",
                    "I(X;Y|Z)", "conditionalMutualInformationXYGivenZ", "I(X;Z|Y)", "conditionalMutualInformationXZGivenY",
                    "I(Y;Z|X)", "conditionalMutualInformationYZGivenX", "I(X;Y;Z)", "coInformation"), printed);
            assertTrue(out.startsWith("P(Z = Winter) = 0.500, I(X;Y | Z = Winter) = "), "the slices print first, as worked:\n" + out);
        });
    }

    @Needs(Tool.NOTEBOOK)
    @Test
    void the_attention_notebooks_run_and_print_the_apis_numbers() {
        JavalinTest.test(app(), (server, client) -> {
            // the sentence preset: one query, with values
            String one = run(client, "/attention", "ql=sat&q=1,0,1,0&kl=the&k=1,0,1,0&v=1,0&kl=cat&k=0,1,0,1&v=0,1"
                    + "&kl=mat&k=1,1,0,0&v=0.5,0.5&scale=1&temp=1");
            JsonNode api = api(client, "/api/attention", "{\"q\": [1, 0, 1, 0], \"k\": [[1, 0, 1, 0], [0, 1, 0, 1], [1, 1, 0, 0]],"
                    + " \"scale\": true, \"temperature\": 1}");
            assertEquals(List.of(fixed(api.get("entropyBits"), 3)), entropies(one), one);
            assertTrue(one.contains("  output: "), one);

            // three queries with a prior, additive scores (keys longer than the queries), a temperature, five decimals:
            // I(query; key). (Scaling off is run as a script in AttentionExportTest; a notebook is its script in cells.)
            String three = run(client, "/attention", "ql=left&q=2,0&prior=3&ql=mid&q=1,1&prior=1&ql=right&q=0,2&prior=1"
                    + "&kl=l&k=2,0,1&kl=m&k=1,1,0&kl=r&k=0,2,-1&score=additive&wq=1,0&wq=0.5,-1&wk=1,-1,0&wk=0.5,0.5,2&va=1,-2"
                    + "&scale=1&temp=0.7&digits=5");
            api = api(client, "/api/attention", "{\"q\": [[2, 0], [1, 1], [0, 2]], \"k\": [[2, 0, 1], [1, 1, 0], [0, 2, -1]],"
                    + " \"score\": \"additive\", \"wq\": [[1, 0], [0.5, -1]], \"wk\": [[1, -1, 0], [0.5, 0.5, 2]], \"va\": [1, -2],"
                    + " \"temperature\": 0.7, \"prior\": [3, 1, 1]}");
            List<String> expected = new ArrayList<>();
            api.get("entropyBits").forEach(h -> expected.add(fixed(h, 5)));
            assertEquals(expected, entropies(three), three);
            assertTrue(three.contains("I(query; key) = " + fixed(api.get("queryKeyMutualInformationBits"), 5) + " bits"), three);
        });
    }

    /**
     * Fetches the state's notebook and script, runs both, and gives what the notebook printed, which must
     * be exactly what the script prints.
     */
    private static String run(io.javalin.testtools.HttpClient client, String page, String query) throws Exception {
        PageText.Res nb = fetch(client, page + ".ipynb?" + query);
        assertEquals(200, nb.code(), nb.body());
        assertEquals("application/x-ipynb+json", nb.header("Content-Type"));
        assertEquals("attachment; filename=\"" + page.substring(1) + ".ipynb\"", nb.header("Content-Disposition"));
        PythonRun ran = PythonRun.run(List.of(Tool.Paths.PYTHON.toString(), "-c", RUN_NOTEBOOK), nb.body());
        assertEquals(0, ran.exit(), ran.out() + ran.err());
        PythonRun script = PythonRun.script(fetch(client, page + ".py?" + query).body());
        assertEquals(0, script.exit(), script.err());
        assertEquals(script.out(), ran.out(), "the notebook prints what the script prints");
        return ran.out();
    }

    // ---- without Python ------------------------------------------------------------------------

    /** Each notebook is the script cut into cells: the same code in the same order, markdown between. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "/mi|x=A&y=B&xl=a&xl=b&yl=c&yl=d&p=3,1;1,3&kind=counts&base=10",
        "/cmi|p=1/4,0;0,1/4&p=0,1/4;1/4,0&base=2",
        "/attention|ql=a&q=1,0&ql=b&q=0,1&kl=x&k=1,0&v=1&kl=y&k=0,1&v=2&scale=1&temp=2",
        "/attention|ql=a&q=1,0&kl=x&k=1,0&kl=y&k=0,1&score=additive&wq=1,0&wk=0,1&va=2&scale=0&temp=1"})
    void a_notebook_holds_the_scripts_code_a_step_a_cell(String page, String query) {
        JavalinTest.test(app(), (server, client) -> {
            JsonNode nb = JSON.readTree(fetch(client, page + ".ipynb?" + query).body());
            assertEquals(4, nb.get("nbformat").asInt());
            assertEquals("python3", nb.at("/metadata/kernelspec/name").asText());
            List<String> code = new ArrayList<>();
            int markdown = 0;
            for (JsonNode cell : nb.get("cells")) {
                StringBuilder source = new StringBuilder();
                cell.get("source").forEach(line -> source.append(line.asText()));
                if (cell.get("cell_type").asText().equals("code")) {
                    code.add(source.toString());
                    assertEquals(0, cell.get("outputs").size(), "not run yet");
                } else {
                    markdown++;
                }
            }
            assertEquals(code.size() + 1, markdown, "a title, then a markdown cell before each code cell");
            String script = fetch(client, page + ".py?" + query).body();
            assertTrue(script.endsWith(String.join("\n\n\n", code) + "\n"), "the script is the cells' code, in order:\n" + script);
        });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/mi|p=0.5,0.2;0.1,0.1", "/cmi|p=1,x", "/attention|q=1,0&k=1"})
    void a_bad_state_answers_400_in_plain_text_as_the_script_does(String pageAndQuery) {
        JavalinTest.test(app(), (server, client) -> {
            String[] pq = pageAndQuery.split("\\|");
            PageText.Res nb = fetch(client, pq[0] + ".ipynb?" + pq[1]);
            PageText.Res py = fetch(client, pq[0] + ".py?" + pq[1]);
            assertEquals(400, nb.code(), nb.body());
            assertTrue(nb.header("Content-Type").startsWith("text/plain"), nb.header("Content-Type"));
            assertTrue(nb.body().contains("cannot be exported until it is fixed:\n- "), nb.body());
            assertEquals(py.body(), nb.body());
        });
    }

    @Test
    void each_explorer_links_its_notebook_beside_its_script() {
        JavalinTest.test(app(), (server, client) -> {
            for (String page : List.of("/mi", "/cmi", "/attention")) {
                String html = fetch(client, page).body();
                Matcher link = Pattern.compile("<a href=\"(" + page + "\\.ipynb\\?[^\"]*)\" download=\"" + page.substring(1)
                        + "\\.ipynb\">Download notebook</a>").matcher(html);
                assertTrue(link.find(), page + " links its notebook");
                String py = html.replaceAll("(?s).*<a href=\"" + page + "\\.py\\?([^\"]*)\".*", "$1");
                assertEquals(page + ".ipynb?" + py, link.group(1), "with the script's query string");
                assertEquals(200, fetch(client, PageText.unescape(link.group(1))).code());
            }
        });
    }

    // ---- helpers -------------------------------------------------------------------------------

    private static JsonNode api(io.javalin.testtools.HttpClient client, String path, String body) throws Exception {
        PageText.Res res = PageText.raw(client, path, body, "application/json", false);
        assertEquals(200, res.code(), res.body());
        return JSON.readTree(res.body());
    }

    /** The lines a pattern picks out, as its first group → its second. */
    private static Map<String, String> printed(String out, String line) {
        Map<String, String> m = new LinkedHashMap<>();
        Matcher matcher = Pattern.compile(line, Pattern.MULTILINE).matcher(out);
        while (matcher.find()) {
            m.put(matcher.group(1), matcher.group(2));
        }
        return m;
    }

    /** What the script prints for each figure: pairs of its printed name and the API's field, to {@code digits} decimals. */
    private static Map<String, String> expected(JsonNode api, int digits, String... nameAndField) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < nameAndField.length; i += 2) {
            m.put(nameAndField[i], fixed(api.get(nameAndField[i + 1]), digits));
        }
        return m;
    }

    /** Each query's printed entropy, in order. */
    private static List<String> entropies(String out) {
        List<String> h = new ArrayList<>();
        Matcher m = Pattern.compile("^Query [^\\n]*: H = (\\S+) bits of", Pattern.MULTILINE).matcher(out);
        while (m.find()) {
            h.add(m.group(1));
        }
        return h;
    }

    /** A number to {@code digits} decimals as Python's format prints it (round half even on the exact double; never -0). */
    private static String fixed(JsonNode v, int digits) {
        String s = new BigDecimal(v.asDouble()).setScale(digits, RoundingMode.HALF_EVEN).toPlainString();
        return s.startsWith("-") && new BigDecimal(s).signum() == 0 ? s.substring(1) : s;
    }
}
