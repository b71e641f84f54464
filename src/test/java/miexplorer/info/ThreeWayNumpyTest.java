package miexplorer.info;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import miexplorer.testing.Needs;
import miexplorer.testing.Tool;
import org.junit.jupiter.api.Test;

/**
 * Every figure of {@link ThreeWayAnalysis} against src/test/python/three_way.py, an independent
 * NumPy computation from entropies of marginals, on the reference tables and on random tables in
 * every base: the same numbers to 1e-12.
 *
 * <p>Needs Debian's {@code /usr/bin/python3} with NumPy (a pyenv python3 earlier on PATH may lack
 * it; {@code PYTHON} names another). Without it the test is skipped with a loud message, except
 * under {@code CI=true}, where it fails ({@code .ci/run} installs python3-numpy).
 */
class ThreeWayNumpyTest {
    private static final Path PYTHON = Tool.Paths.PYTHON;
    private static final Path SCRIPT = Path.of("src", "test", "python", "three_way.py");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double TOL = 1e-12;

    @Needs(Tool.NUMPY)
    @Test
    void every_figure_is_numpys_to_1e_12() throws Exception {
        List<double[][][]> tables = new ArrayList<>(List.of(ThreeWayAnalysisTest.XOR, ThreeWayAnalysisTest.AND,
                ThreeWayAnalysisTest.commonCause()));
        for (long seed = 1000; seed < 1060; seed++) {
            tables.add(ThreeWayPropertiesTest.randomTable(seed));
        }
        ArrayNode input = JSON.createArrayNode();
        List<ThreeWayAnalysis> ours = new ArrayList<>();
        for (double[][][] w : tables) {
            for (LogBase base : LogBase.values()) {
                input.addObject().put("base", base.key()).set("weights", JSON.valueToTree(w));
                ours.add(ThreeWayAnalysis.of(ThreeWayDistribution.fromWeights(w), base));
            }
        }
        JsonNode theirs = JSON.readTree(python(JSON.writeValueAsString(input)));
        assertEquals(ours.size(), theirs.size());
        for (int n = 0; n < ours.size(); n++) {
            ThreeWayAnalysis a = ours.get(n);
            JsonNode t = theirs.get(n);
            String which = "table " + n / 3 + " in base " + a.base().key() + ": ";
            compare(which, t, "hX", a.entropyX());
            compare(which, t, "hY", a.entropyY());
            compare(which, t, "hZ", a.entropyZ());
            compare(which, t, "hXY", a.entropyXY());
            compare(which, t, "hXZ", a.entropyXZ());
            compare(which, t, "hYZ", a.entropyYZ());
            compare(which, t, "hXYZ", a.entropyXYZ());
            compare(which, t, "iXY", a.miXY());
            compare(which, t, "iXZ", a.miXZ());
            compare(which, t, "iYZ", a.miYZ());
            compare(which, t, "iXYgivenZ", a.miXYGivenZ());
            compare(which, t, "iXYgivenZ", a.miXYGivenZFromSlices());
            compare(which, t, "iXZgivenY", a.miXZGivenY());
            compare(which, t, "iYZgivenX", a.miYZGivenX());
            compare(which, t, "iXwithYZ", a.miXWithYZ());
            compare(which, t, "iXwithYZ", a.chainThroughZ());
            compare(which, t, "iXwithYZ", a.chainThroughY());
            compare(which, t, "coInformation", a.coInformation());
            compare(which, t, "hXgivenYZ", a.conditionalEntropyXGivenYZ());
            compare(which, t, "hYgivenXZ", a.conditionalEntropyYGivenXZ());
            compare(which, t, "hZgivenXY", a.conditionalEntropyZGivenXY());
            InformationDiagram d = a.diagram();
            compare(which, t, "hXgivenYZ", d.hXGivenYZ());
            compare(which, t, "iXYgivenZ", d.iXYGivenZ());
            compare(which, t, "coInformation", d.iXYZ());
            JsonNode slices = t.get("slices");
            assertEquals(a.slices().size(), slices.size(), which + "slices");
            for (ConditionalSlice s : a.slices()) {
                JsonNode v = slices.get(s.z());
                assertEquals(v.isNull(), s.skipped(), which + "slice " + s.z() + " skipped by both or neither");
                if (!s.skipped()) {
                    assertEquals(v.asDouble(), s.analysis().mutualInformation(), TOL, which + "I(X;Y | Z = " + s.z() + ")");
                }
            }
        }
        assertTrue(ours.stream().anyMatch(a -> a.slices().stream().anyMatch(ConditionalSlice::skipped)),
                "some table has a value of Z that never happens");
    }

    private static void compare(String which, JsonNode theirs, String field, double ours) {
        JsonNode v = theirs.get(field);
        assertTrue(v != null && v.isNumber(), which + field + " missing from the script's output");
        assertEquals(v.asDouble(), ours, TOL, which + field);
    }

    /** Runs the script with Debian's Python, warnings as errors, {@code stdin} as its input; its output. */
    private static String python(String stdin) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(PYTHON.toString(), "-W", "error", SCRIPT.toString());
        pb.environment().remove("PYTHONPATH");
        Process p = pb.start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
        try (var in = p.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("the script did not finish in 60 s");
        }
        if (p.exitValue() != 0) {
            fail(SCRIPT + " exited with " + p.exitValue() + ": " + err.join());
        }
        return out.join();
    }

    private static String readAll(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
