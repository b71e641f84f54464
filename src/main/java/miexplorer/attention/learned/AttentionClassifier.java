package miexplorer.attention.learned;

/**
 * A classifier that reads a sequence through one attention step with one learned query. For tokens
 * t_0 … t_{n−1}:
 *
 * <ul>
 *   <li>x_i = E[t_i] + P[i] (token embedding plus position embedding, d numbers)</li>
 *   <li>s_i = q · (W_K x_i) / √d; α = softmax(s) (stable: the largest s is subtracted first)</li>
 *   <li>c = Σ_i α_i W_V x_i, which is W_V x̄ with x̄ = Σ_i α_i x_i</li>
 *   <li>logits z = W_O c + b (one per token: the classes are the V tokens)</li>
 *   <li>loss = −log softmax(z)_y = logsumexp(z) − z_y, with logsumexp(z) = m + log Σ_k exp(z_k − m),
 *       m = max_k z_k; averaged over the batch</li>
 * </ul>
 *
 * <p>Since q · (W_K x_i) = (W_Kᵀ q) · x_i, the scores use u = W_Kᵀ q / √d, computed once per batch,
 * rather than a key per position; the values likewise use x̄. The gradient, written out by hand
 * (ℓ the loss of one sequence, B the batch size, each term divided by B):
 *
 * <ul>
 *   <li>∂ℓ/∂z = softmax(z) − onehot(y); ∂/∂W_O = (∂ℓ/∂z) cᵀ; ∂/∂b = ∂ℓ/∂z</li>
 *   <li>∂ℓ/∂c = W_Oᵀ ∂ℓ/∂z; ∂/∂W_V = (∂ℓ/∂c) x̄ᵀ; ∂ℓ/∂x̄ = W_Vᵀ ∂ℓ/∂c</li>
 *   <li>∂ℓ/∂α_i = (∂ℓ/∂x̄) · x_i; ∂ℓ/∂s_i = α_i (∂ℓ/∂α_i − Σ_j α_j ∂ℓ/∂α_j) (the softmax's Jacobian)</li>
 *   <li>∂ℓ/∂u = Σ_i (∂ℓ/∂s_i) x_i; then ∂/∂q = W_K (∂ℓ/∂u) / √d and ∂/∂W_K = q (∂ℓ/∂u)ᵀ / √d</li>
 *   <li>∂ℓ/∂x_i = α_i ∂ℓ/∂x̄ + (∂ℓ/∂s_i) u, added to row t_i of ∂/∂E and row i of ∂/∂P</li>
 * </ul>
 */
public final class AttentionClassifier {
    private AttentionClassifier() {
    }

    /**
     * What the model computes for one sequence.
     *
     * @param weights α, one per position
     * @param logits z, one per token
     */
    public record Forward(double[] weights, double[] logits) {
        /** The predicted token: the first largest logit. */
        public int prediction() {
            int best = 0;
            for (int k = 1; k < logits.length; k++) {
                if (logits[k] > logits[best]) {
                    best = k;
                }
            }
            return best;
        }
    }

    /** The mean loss over a batch and its gradient with respect to every parameter. */
    public record LossAndGradient(double loss, Parameters gradient) {
    }

    /**
     * α and the logits for one sequence of n tokens.
     *
     * @throws IllegalArgumentException when the sequence is not n long or a token is not 0 … V − 1
     */
    public static Forward forward(Parameters p, int[] tokens) {
        Work w = new Work(p);
        w.forward(p, tokens);
        return new Forward(w.alpha.clone(), w.z.clone());
    }

    /** The mean cross-entropy over the batch, in nats. */
    public static double loss(Parameters p, Samples batch) {
        return run(p, batch, null);
    }

    /** The mean cross-entropy over the batch and its gradient. */
    public static LossAndGradient lossAndGradient(Parameters p, Samples batch) {
        Parameters g = Parameters.zeros(p.vocabulary(), p.positions(), p.embedding());
        double loss = run(p, batch, g);
        return new LossAndGradient(loss, g);
    }

    /**
     * Full-batch training: {@code steps} times, the mean loss over all of {@code training} and its
     * gradient, then one {@link Adam} step (β₁ 0.9, β₂ 0.999, ε 10⁻⁸). Changes {@code theta} in place.
     *
     * @return the loss at each step, before that step's update
     */
    public static double[] train(Parameters theta, Samples training, int steps, double learningRate) {
        Adam adam = new Adam(theta, learningRate);
        double[] losses = new double[steps];
        for (int t = 0; t < steps; t++) {
            LossAndGradient lg = lossAndGradient(theta, training);
            losses[t] = lg.loss();
            adam.step(theta, lg.gradient());
        }
        return losses;
    }

    /** The mean loss; when {@code g} is not null, adds the gradient of the mean loss into it. */
    private static double run(Parameters p, Samples batch, Parameters g) {
        int b = batch.size();
        if (b == 0) {
            throw new IllegalArgumentException("the batch is empty");
        }
        Work w = new Work(p);
        double[] gu = g == null ? null : new double[w.d];
        double total = 0;
        for (int k = 0; k < b; k++) {
            int[] tokens = batch.tokens()[k];
            w.forward(p, tokens);
            int y = batch.targets()[k];
            double lse = logSumExp(w.z);
            total += lse - w.z[y];
            if (g != null) {
                w.backward(p, tokens, y, lse, 1.0 / b, g, gu);
            }
        }
        if (g != null) {
            // u = W_Kᵀ q / √d, so ∂/∂q_a = Σ_c W_K[a][c] ∂u_c / √d and ∂/∂W_K[a][c] = q_a ∂u_c / √d.
            double root = Math.sqrt(w.d);
            for (int a = 0; a < w.d; a++) {
                double dq = 0;
                for (int c = 0; c < w.d; c++) {
                    dq += p.keyWeights()[a][c] * gu[c];
                    g.keyWeights()[a][c] += p.query()[a] * gu[c] / root;
                }
                g.query()[a] += dq / root;
            }
        }
        return total / b;
    }

    /** log Σ_k exp(z_k), computed as m + log Σ_k exp(z_k − m) with m = max_k z_k, so nothing overflows. */
    static double logSumExp(double[] z) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            m = Math.max(m, v);
        }
        double sum = 0;
        for (double v : z) {
            sum += Math.exp(v - m);
        }
        return m + Math.log(sum);
    }

    /** The buffers of one sequence's forward and backward pass, reused across a batch. */
    private static final class Work {
        final int n;
        final int d;
        final int classes;
        final double[] u;
        final double[][] x;
        final double[] s;
        final double[] alpha;
        final double[] xbar;
        final double[] c;
        final double[] z;
        final double[] gz;
        final double[] gc;
        final double[] gxbar;
        final double[] gs;

        Work(Parameters p) {
            n = p.positions();
            d = p.embedding();
            classes = p.vocabulary();
            u = new double[d];
            double root = Math.sqrt(d);
            for (int a = 0; a < d; a++) {
                double q = p.query()[a] / root;
                for (int col = 0; col < d; col++) {
                    u[col] += p.keyWeights()[a][col] * q;
                }
            }
            x = new double[n][d];
            s = new double[n];
            alpha = new double[n];
            xbar = new double[d];
            c = new double[d];
            z = new double[classes];
            gz = new double[classes];
            gc = new double[d];
            gxbar = new double[d];
            gs = new double[n];
        }

        void forward(Parameters p, int[] tokens) {
            if (tokens.length != n) {
                throw new IllegalArgumentException("a sequence has " + tokens.length + " tokens, but the model has " + n + " positions");
            }
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                if (tokens[i] < 0 || tokens[i] >= classes) {
                    throw new IllegalArgumentException("the token at position " + i + " is " + tokens[i]
                            + "; tokens must be from 0 to " + (classes - 1));
                }
                double[] e = p.tokenEmbedding()[tokens[i]];
                double[] pos = p.positionEmbedding()[i];
                double si = 0;
                for (int j = 0; j < d; j++) {
                    x[i][j] = e[j] + pos[j];
                    si += u[j] * x[i][j];
                }
                s[i] = si;
                max = Math.max(max, si);
            }
            double sum = 0;
            for (int i = 0; i < n; i++) {
                alpha[i] = Math.exp(s[i] - max);
                sum += alpha[i];
            }
            java.util.Arrays.fill(xbar, 0);
            for (int i = 0; i < n; i++) {
                alpha[i] /= sum;
                for (int j = 0; j < d; j++) {
                    xbar[j] += alpha[i] * x[i][j];
                }
            }
            for (int a = 0; a < d; a++) {
                double ca = 0;
                for (int j = 0; j < d; j++) {
                    ca += p.valueWeights()[a][j] * xbar[j];
                }
                c[a] = ca;
            }
            for (int k = 0; k < classes; k++) {
                double zk = p.outputBias()[k];
                for (int a = 0; a < d; a++) {
                    zk += p.outputWeights()[k][a] * c[a];
                }
                z[k] = zk;
            }
        }

        /** Adds scale × this sequence's gradient into g (and ∂/∂u into gu); forward must have run. */
        void backward(Parameters p, int[] tokens, int y, double lse, double scale, Parameters g, double[] gu) {
            for (int k = 0; k < classes; k++) {
                gz[k] = (Math.exp(z[k] - lse) - (k == y ? 1 : 0)) * scale;
                g.outputBias()[k] += gz[k];
            }
            java.util.Arrays.fill(gc, 0);
            for (int k = 0; k < classes; k++) {
                double[] wo = p.outputWeights()[k];
                double[] gwo = g.outputWeights()[k];
                for (int a = 0; a < d; a++) {
                    gwo[a] += gz[k] * c[a];
                    gc[a] += wo[a] * gz[k];
                }
            }
            java.util.Arrays.fill(gxbar, 0);
            for (int a = 0; a < d; a++) {
                double[] wv = p.valueWeights()[a];
                double[] gwv = g.valueWeights()[a];
                for (int j = 0; j < d; j++) {
                    gwv[j] += gc[a] * xbar[j];
                    gxbar[j] += wv[j] * gc[a];
                }
            }
            double mean = 0;
            for (int i = 0; i < n; i++) {
                double ga = 0;
                for (int j = 0; j < d; j++) {
                    ga += gxbar[j] * x[i][j];
                }
                gs[i] = ga;
                mean += alpha[i] * ga;
            }
            for (int i = 0; i < n; i++) {
                gs[i] = alpha[i] * (gs[i] - mean);
                double[] ge = g.tokenEmbedding()[tokens[i]];
                double[] gp = g.positionEmbedding()[i];
                for (int j = 0; j < d; j++) {
                    gu[j] += gs[i] * x[i][j];
                    double gx = alpha[i] * gxbar[j] + gs[i] * u[j];
                    ge[j] += gx;
                    gp[j] += gx;
                }
            }
        }
    }
}
