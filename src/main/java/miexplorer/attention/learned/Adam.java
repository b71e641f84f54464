package miexplorer.attention.learned;

/**
 * Adam (Kingma and Ba), with β₁ = 0.9, β₂ = 0.999, ε = 10⁻⁸. For each parameter θ with gradient g,
 * at step t = 1, 2, …:
 *
 * <pre>
 *   m ← β₁ m + (1 − β₁) g        v ← β₂ v + (1 − β₂) g²
 *   θ ← θ − (lr / (1 − β₁ᵗ)) · m / (√v / √(1 − β₂ᵗ) + ε)
 * </pre>
 *
 * <p>which is θ − lr · m̂ / (√v̂ + ε) with the bias-corrected m̂ = m / (1 − β₁ᵗ), v̂ = v / (1 − β₂ᵗ),
 * arranged as PyTorch's torch.optim.Adam arranges it, so the two agree to rounding.
 */
final class Adam {
    static final double BETA1 = 0.9;
    static final double BETA2 = 0.999;
    static final double EPSILON = 1e-8;

    private final double learningRate;
    private final Parameters m;
    private final Parameters v;
    private int t;

    Adam(Parameters shape, double learningRate) {
        this.learningRate = learningRate;
        this.m = Parameters.zeros(shape.vocabulary(), shape.positions(), shape.embedding());
        this.v = Parameters.zeros(shape.vocabulary(), shape.positions(), shape.embedding());
    }

    /** One step: changes {@code theta} in place by the gradient {@code g}. */
    void step(Parameters theta, Parameters g) {
        t++;
        double stepSize = learningRate / (1 - Math.pow(BETA1, t));
        double root = Math.sqrt(1 - Math.pow(BETA2, t));
        double[][][] ps = theta.tensors();
        double[][][] gs = g.tensors();
        double[][][] ms = m.tensors();
        double[][][] vs = v.tensors();
        for (int k = 0; k < ps.length; k++) {
            for (int r = 0; r < ps[k].length; r++) {
                double[] p = ps[k][r];
                double[] gr = gs[k][r];
                double[] mr = ms[k][r];
                double[] vr = vs[k][r];
                for (int j = 0; j < p.length; j++) {
                    mr[j] = BETA1 * mr[j] + (1 - BETA1) * gr[j];
                    vr[j] = BETA2 * vr[j] + (1 - BETA2) * gr[j] * gr[j];
                    p[j] -= stepSize * mr[j] / (Math.sqrt(vr[j]) / root + EPSILON);
                }
            }
        }
    }
}
