package miexplorer.attention.learned;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import miexplorer.attention.ReferencePython;
import miexplorer.testing.Needs;
import miexplorer.testing.Tool;
import org.junit.jupiter.api.Test;

/**
 * The hand-written gradient of {@link AttentionClassifier}: against central finite differences, and
 * (with the loss and a short run of Adam) against PyTorch's autograd and torch.optim.Adam in float64,
 * src/test/python/attention_torch.py, all in one Python run.
 */
class GradientTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Weights and a batch: V tokens, n positions, d, B sequences of the max rule, weights scaled by {@code sharpness}. */
    static Case randomCase(int vocabulary, int positions, int embedding, int batch, double sharpness, long seed) {
        ExperimentSpec spec = new ExperimentSpec(Rule.MAX, positions, vocabulary, null, 0, 1, ExperimentSpec.MIN_SAMPLES,
                ExperimentSpec.MIN_SAMPLES, embedding, 1, 0.01, seed);
        SplittableRandom random = new SplittableRandom(seed);
        Samples samples = SyntheticTask.draw(spec, batch, random);
        Parameters p = Parameters.initial(vocabulary, positions, embedding, random);
        for (double[][] tensor : p.tensors()) {
            for (double[] row : tensor) {
                for (int j = 0; j < row.length; j++) {
                    row[j] *= sharpness;
                }
            }
        }
        // b starts at 0; give it values so that its gradient is tested away from there too.
        for (int k = 0; k < p.outputBias().length; k++) {
            p.outputBias()[k] = random.nextDouble() - 0.5;
        }
        return new Case(p, samples);
    }

    record Case(Parameters params, Samples batch) {
    }

    /**
     * Every entry of every tensor: (L(θ + h) − L(θ − h)) / 2h with h = 10⁻⁵, whose error is about
     * h²·L''' plus rounding ε·L/h ≈ 10⁻¹¹; the tensor's gradients agree to 10⁻⁷ of their largest.
     */
    @Test
    void the_gradient_is_central_finite_differences_for_every_tensor() {
        for (Case c : List.of(randomCase(3, 4, 3, 7, 1, 11), randomCase(5, 2, 1, 9, 1, 12), randomCase(4, 5, 4, 6, 2.5, 13))) {
            Parameters p = c.params();
            Parameters g = AttentionClassifier.lossAndGradient(p, c.batch()).gradient();
            assertEquals(AttentionClassifier.loss(p, c.batch()), AttentionClassifier.lossAndGradient(p, c.batch()).loss(), 0);
            double h = 1e-5;
            double[][][] ps = p.tensors();
            double[][][] gs = g.tensors();
            for (int k = 0; k < ps.length; k++) {
                double largest = 0;
                double worst = 0;
                for (int r = 0; r < ps[k].length; r++) {
                    for (int j = 0; j < ps[k][r].length; j++) {
                        double keep = ps[k][r][j];
                        ps[k][r][j] = keep + h;
                        double up = AttentionClassifier.loss(p, c.batch());
                        ps[k][r][j] = keep - h;
                        double down = AttentionClassifier.loss(p, c.batch());
                        ps[k][r][j] = keep;
                        double fd = (up - down) / (2 * h);
                        largest = Math.max(largest, Math.abs(gs[k][r][j]));
                        worst = Math.max(worst, Math.abs(fd - gs[k][r][j]));
                    }
                }
                assertTrue(largest > 1e-4, Parameters.NAMES.get(k) + " has a gradient to test: " + largest);
                assertTrue(worst <= 1e-7 * largest, Parameters.NAMES.get(k) + ": finite differences differ by " + worst
                        + ", the largest entry is " + largest);
            }
        }
    }

    @Test
    void a_sequence_that_does_not_fit_the_model_is_refused() {
        Parameters p = randomCase(3, 4, 2, 1, 1, 5).params();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> AttentionClassifier.forward(p, new int[] {0, 1, 3, 2}))
                .getMessage().contains("the token at position 2 is 3; tokens must be from 0 to 2"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> AttentionClassifier.forward(p, new int[] {0, 1}))
                .getMessage().contains("a sequence has 2 tokens, but the model has 4 positions"));
        AttentionClassifier.Forward f = AttentionClassifier.forward(p, new int[] {0, 1, 2, 2});
        assertEquals(1, Arrays.stream(f.weights()).sum(), 1e-15);
        assertEquals(3, f.logits().length);
    }

    /**
     * The loss and every gradient equal autograd's to 1e-9 on five weight sets and batches (from
     * tiny to the largest sizes, one with sharp softmaxes), and 40 steps of full-batch Adam give
     * torch.optim.Adam's losses and final weights to 1e-9. One Python run does it all.
     */
    @Needs(Tool.TORCH)
    @Test
    void loss_gradients_and_adam_are_pytorchs_to_1e_9() throws Exception {
        List<Case> cases = new ArrayList<>(List.of(randomCase(3, 4, 3, 7, 1, 21), randomCase(2, 2, 1, 5, 1, 22),
                randomCase(8, 6, 8, 40, 1, 23), randomCase(6, 5, 4, 30, 3, 24), randomCase(16, 12, 16, 25, 1, 25)));
        ObjectNode job = JSON.createObjectNode();
        ArrayNode jobCases = job.putArray("cases");
        for (Case c : cases) {
            jobCases.add(json(c));
        }
        Case training = randomCase(5, 4, 4, 60, 1, 26);
        Parameters start = training.params().copy();
        int steps = 40;
        double learningRate = 0.05;
        job.set("training", json(training).put("learningRate", learningRate).put("steps", steps));

        JsonNode theirs = JSON.readTree(ReferencePython.run("attention_torch.py", JSON.writeValueAsString(job)));
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            AttentionClassifier.LossAndGradient ours = AttentionClassifier.lossAndGradient(c.params(), c.batch());
            JsonNode t = theirs.get("cases").get(i);
            assertEquals(t.get("loss").asDouble(), ours.loss(), 1e-9, "case " + i + ": loss");
            compare("case " + i + ": gradient of ", t.get("grads"), ours.gradient());
        }
        double[] losses = AttentionClassifier.train(training.params(), training.batch(), steps, learningRate);
        JsonNode t = theirs.get("training");
        for (int s = 0; s < steps; s++) {
            assertEquals(t.get("losses").get(s).asDouble(), losses[s], 1e-9, "loss at step " + s);
        }
        assertTrue(losses[steps - 1] < losses[0] - 0.1, "training lowered the loss: " + losses[0] + " → " + losses[steps - 1]);
        compare("after " + steps + " Adam steps, ", t.get("params"), training.params());
        assertTrue(start.tokenEmbedding()[0][0] != training.params().tokenEmbedding()[0][0]);
    }

    /** Each tensor of {@code ours} against the same-named nested list, entry by entry, to 1e-9. */
    private static void compare(String what, JsonNode theirs, Parameters ours) {
        double[][][] tensors = ours.tensors();
        for (int k = 0; k < tensors.length; k++) {
            String name = Parameters.NAMES.get(k);
            JsonNode tensor = theirs.get(name);
            boolean vector = tensors[k].length == 1 && !tensor.get(0).isArray();
            for (int r = 0; r < tensors[k].length; r++) {
                JsonNode row = vector ? tensor : tensor.get(r);
                assertEquals(row.size(), tensors[k][r].length, what + name);
                for (int j = 0; j < tensors[k][r].length; j++) {
                    assertEquals(row.get(j).asDouble(), tensors[k][r][j], 1e-9, what + name + "[" + r + "][" + j + "]");
                }
            }
        }
    }

    private static ObjectNode json(Case c) {
        ObjectNode o = JSON.createObjectNode();
        ObjectNode params = o.putObject("params");
        double[][][] tensors = c.params().tensors();
        for (int k = 0; k < tensors.length; k++) {
            String name = Parameters.NAMES.get(k);
            boolean vector = name.equals("query") || name.equals("outputBias");
            params.set(name, JSON.valueToTree(vector ? tensors[k][0] : tensors[k]));
        }
        o.set("tokens", JSON.valueToTree(c.batch().tokens()));
        o.set("targets", JSON.valueToTree(c.batch().targets()));
        return o;
    }
}
