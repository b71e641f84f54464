package miexplorer.web.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import miexplorer.testing.Needs;
import miexplorer.testing.Tool;
import miexplorer.web.App;
import org.junit.jupiter.api.Test;

/**
 * POST /api/samples against pandas.read_csv + sklearn.metrics.mutual_info_score (Debian's
 * python3-pandas and python3-sklearn, run by bench/samples.py) on the same generated file: the
 * same mutual information to 1e-9 nats; and its nearest-neighbour estimate ({@code estimator=ksg})
 * against mutual_info_regression and mutual_info_classif on generated numbers, to 1e-6 relative (the
 * estimators themselves are compared in depth by KnnSklearnComparisonTest; this checks the way from a
 * CSV body to the answer). Without them the test is skipped with a loud message, except under
 * {@code CI=true}, where it fails (.ci/run installs them).
 */
class SklearnComparisonTest {
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final Path SCRIPT = Path.of("bench", "samples.py");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Needs(Tool.PANDAS_SKLEARN)
    @Test
    void our_mutual_information_is_sklearns_to_1e_9() throws Exception {
        Path file = Files.createTempFile("samples", ".csv");
        Javalin app = App.create(App.Config.production()).start("127.0.0.1", 0);
        try {
            run(List.of(PYTHON.toString(), SCRIPT.toString(), "generate", "20000", file.toString(), "11"));
            for (List<String> pair : List.of(List.of("city", "brand"), List.of("city", "note"), List.of("brand", "note"))) {
                HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + app.port() + "/api/samples?base=e&x=" + pair.get(0) + "&y=" + pair.get(1)))
                        .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofFile(file)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, r.statusCode(), r.body());
                JsonNode ours = JSON.readTree(r.body());
                JsonNode theirs = JSON.readTree(run(List.of(PYTHON.toString(), SCRIPT.toString(), "sklearn", file.toString(),
                        pair.get(0), pair.get(1))));
                assertEquals(20000, ours.get("n").asLong());
                assertEquals(theirs.get("mutualInformationNats").asDouble(), ours.get("mutualInformation").asDouble(), 1e-9,
                        "I(" + pair.get(0) + "; " + pair.get(1) + ") in nats");
            }
        } finally {
            app.stop();
            Files.deleteIfExists(file);
        }
    }

    /*
     * Two tie-free files (normal pairs with ρ = 0.9, a uniform u and s = sin 2πu plus noise, and a label g
     * that follows y), 300 and 2000 rows, written so that pandas reads the very doubles the app reads.
     * The same seed is random_state there and seed here, so the tie-breaking noise is the same too.
     */
    @Needs(Tool.PANDAS_SKLEARN)
    @Test
    void our_ksg_and_ross_estimates_through_the_api_are_sklearns_to_1e_6() throws Exception {
        Javalin app = App.create(App.Config.production()).start("127.0.0.1", 0);
        List<Path> files = new java.util.ArrayList<>();
        try {
            for (int[] c : new int[][] {{300, 3, 3, 7}, {2000, 4, 5, 0}}) { // rows, file seed, k, noise seed
                Path file = Files.createTempFile("numbers", ".csv");
                files.add(file);
                run(List.of(PYTHON.toString(), SCRIPT.toString(), "generate-numeric", String.valueOf(c[0]), file.toString(),
                        String.valueOf(c[1]), "0.9", "mixed"));
                JsonNode theirs = JSON.readTree(run(List.of(PYTHON.toString(), SCRIPT.toString(), "sklearn-ksg", file.toString(),
                        String.valueOf(c[2]), String.valueOf(c[3]), "x:y", "u:s", "x:g"))).get("nats");
                for (String pair : List.of("x:y", "u:s", "x:g", "g:x")) {
                    String[] xy = pair.split(":");
                    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                            + app.port() + "/api/samples?estimator=ksg&base=e&k=" + c[2] + "&seed=" + c[3] + "&x=" + xy[0] + "&y=" + xy[1]))
                            .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofFile(file)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    assertEquals(200, r.statusCode(), r.body());
                    JsonNode ours = JSON.readTree(r.body());
                    assertEquals(pair.contains("g") ? "ross" : "ksg", ours.get("estimatorKsg").asText(), pair);
                    // g:x is Ross's estimate with x as the numeric column, as sklearn's mutual_info_classif(x, g)
                    double expected = theirs.get(pair.equals("g:x") ? "x:g" : pair).asDouble();
                    assertEquals(expected, ours.get("mutualInformationKsg").asDouble(), 1e-6 * expected,
                            c[0] + " rows, I(" + xy[0] + "; " + xy[1] + ") in nats, k = " + c[2]);
                }
            }
        } finally {
            app.stop();
            for (Path f : files) {
                Files.deleteIfExists(f);
            }
        }
    }

    private static String run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            fail(command + " failed: " + out);
        }
        return out;
    }
}
