package miexplorer.web.attention;

import miexplorer.web.render.Python;
import miexplorer.web.render.PythonSteps;
import miexplorer.web.site.Paths;

/**
 * {@code /attention.py?…}: a runnable Python script (NumPy) that redoes the page's attention
 * computation and prints the page's numbers; {@code /attention.ipynb?…}: the same code as a Jupyter
 * notebook, a cell per worked step with what it computes. Both take the query string of the state's
 * canonical URL (see {@link AttentionExplorer#exports}). Tokens are user text and appear only inside
 * escaped string literals.
 *
 * <p>The steps are the page's worked steps, for every query at once: the scores ({@link #scoreStep},
 * the one step that depends on the score function), their scaling, the softmax, the output, the
 * entropy of the weights, and with several queries I(query; key).
 */
public final class AttentionExport {
    public static final String PY_PATH = Paths.ATTENTION + ".py";
    public static final String NB_PATH = Paths.ATTENTION + ".ipynb";

    private AttentionExport() {
    }

    /** The script for a sound state. */
    public static String python(AttentionView view) {
        AttentionInput in = view.input();
        return steps(view).script("#!/usr/bin/env python3\n# " + (view.additive() ? "Additive" : in.scale() ? "Scaled dot-product" : "Dot-product")
                + " attention, computed as MI Explorer computes it. Run: python3 attention.py\n");
    }

    /** The same computation as a Jupyter notebook. */
    public static String notebook(AttentionView view) {
        return steps(view).notebook("Attention, step by step, for every query at once", view.site().absolute(view.stateUrl()));
    }

    /** The computation in the page's order; {@link #python} and {@link #notebook} read it. */
    static PythonSteps steps(AttentionView view) {
        AttentionInput.Checked c = view.checked();
        AttentionInput in = c.input();
        PythonSteps steps = new PythonSteps();
        steps.add("## The vectors\n\nOne query per row of `Q`, one key per row of `K`"
                + (c.values() != null ? " and its value in the same row of `V`" : " (no values, so no output)")
                + (c.prior() != null ? ", how likely each query is" : "") + ", the temperature and the decimals the page shows.",
                vectors(c));
        steps.add("## Softmax and entropy\n\nThe softmax turns scores into weights that are positive and add up to 1,"
                + " $\\alpha_i = e^{s_i} / \\sum_j e^{s_j}$; the entropy $H(\\alpha) = -\\sum_i \\alpha_i \\log_2 \\alpha_i$ says in bits"
                + " how spread out they are.", """
                def softmax(scores):
                    \"\"\"Stable softmax: subtract the largest score first, so no exponential overflows.\"\"\"
                    e = np.exp(scores - scores.max())
                    return e / e.sum()


                def entropy_bits(p):
                    \"\"\"H = -sum of p log2 p; a weight of exactly 0 adds nothing (0 log 0 = 0).\"\"\"
                    p = p[p > 0]
                    return float(-np.sum(p * np.log2(p)))


                def shown(value):
                    \"\"\"The value to DIGITS decimals, as the page shows it (never -0.000).\"\"\"
                    text = f"{value:.{DIGITS}f}"
                    return text[1:] if text.startswith("-") and float(text) == 0 else text
                """);
        steps.add(scoreStep(view));
        steps.add(scaleStep(view));
        steps.add("## Step 3: softmax, in its stable form\n\nFor each query, subtract the largest scaled score (so no exponential"
                + " can overflow; the weights do not change), exponentiate, and divide by the sum.", """
                weights = np.array([softmax(row) for row in scaled])  # one row of weights per query
                """);
        if (c.values() != null) {
            steps.add("## Step 4: the output, a weighted mix of the values\n\n$o = \\sum_i \\alpha_i v_i$.", """
                    outputs = [alpha @ V for alpha in weights]
                    """);
        }
        steps.add("## Step " + (c.values() != null ? 5 : 4) + ": how spread out the weights are\n\n$H(\\alpha)$ is at most"
                + " $\\log_2 n$ for $n$ keys, reached when all the weights are equal; $2^{H(\\alpha)}$ is the effective number of"
                + " keys attended.", """
                entropies = [entropy_bits(alpha) for alpha in weights]
                """);
        if (in.queryCount() > 1) {
            steps.add("## $I(\\text{query}; \\text{key})$: how much the choice of key depends on the query\n\nEach row of weights"
                    + " is $P(\\text{key} \\mid \\text{query})$; with how likely each query is, the rows make a joint table"
                    + " $P(\\text{query}, \\text{key})$, whose mutual information is computed as for any joint table.", """
                    # Each row of weights as P(key | query), with the prior: a joint table P(query, key).
                    prior = np.full(len(Q), 1.0 / len(Q)) if PRIOR is None else PRIOR / PRIOR.sum()
                    joint = prior[:, None] * weights
                    joint = joint / joint.sum()
                    p_query, p_key = joint.sum(axis=1), joint.sum(axis=0)
                    seen = joint > 0
                    mi = float(np.sum(joint[seen] * np.log2(joint[seen] / np.outer(p_query, p_key)[seen])))
                    """);
        }
        steps.add("## The page's numbers\n\nFor each query its entropy, the effective number of keys, the weights"
                + (c.values() != null ? " and the output" : "") + (in.queryCount() > 1 ? "; then I(query; key)" : "")
                + ", to the page's number of decimals.", """
                for r, label in enumerate(QUERY_LABELS):
                    alpha, h = weights[r], entropies[r]
                    print(f"Query {label}: H = {shown(h)} bits of at most {shown(np.log2(len(alpha)))} bits;"
                          f" {shown(2 ** h)} of {len(alpha)} keys attended")
                    print("  weights:", ", ".join(f"{k} {shown(a)}" for k, a in zip(KEY_LABELS, alpha)))
                    if V is not None:
                        print("  output:", ", ".join(shown(x) for x in outputs[r]))
                """ + (in.queryCount() > 1 ? """
                print(f"I(query; key) = {shown(max(mi, 0.0) if mi > -1e-12 else mi)} bits")
                """ : ""));
        return steps;
    }

    /**
     * Step 1, the scores: the one step that depends on the score function. Scaled dot-product and
     * plain dot-product both start from the dot products q · kᵢ and differ in the scaling
     * ({@link #scaleStep}); additive scores are vᵀ tanh(W_q q + W_k kᵢ).
     */
    static PythonSteps.Step scoreStep(AttentionView view) {
        if (view.additive()) {
            return new PythonSteps.Step("## Step 1: scores, a small network per key\n\nThe additive score passes the query and each"
                    + " key through one hidden layer and reads it out with $v$: $e_i = v^\\top \\tanh(W_q q + W_k k_i)$. The query's"
                    + " part $W_q q$ is the same for every key.", """
                    scores = np.array([np.tanh(WQ @ q + K @ WK.T) @ VA for q in Q])  # scores[r, i] = v . tanh(W_q Q[r] + W_k K[i])
                    """);
        }
        return new PythonSteps.Step("## Step 1: scores, one dot product per key\n\nEach score multiplies the query and the key"
                + " number by number and adds the products: $s_i = q \\cdot k_i = \\sum_d q_d k_{i,d}$.", """
                scores = np.array([K @ q for q in Q])  # scores[r, i] = Q[r] . K[i]
                """);
    }

    /** Step 2: the scores divided by √d_k (when scaling is on) and by the temperature. */
    static PythonSteps.Step scaleStep(AttentionView view) {
        AttentionInput in = view.input();
        if (view.additive()) {
            return new PythonSteps.Step("## Step 2: scale\n\nAdditive scores are not divided by $\\sqrt{d_k}$: each tanh lies between"
                    + " $-1$ and $1$, so no score exceeds $\\sum_j |v_j|$. They are divided by the temperature $T$ only.", """
                    scaled = scores / T
                    """);
        }
        String said = in.scale()
                ? "The scores are divided by $\\sqrt{d_k}$, which keeps their spread about the same whatever $d_k$ is, and by"
                        + " the temperature $T$."
                : "Scaling is off, so the scores are divided only by the temperature $T$.";
        return new PythonSteps.Step("## Step 2: scale\n\n" + said, """
                d_k = Q.shape[1]
                divisor = (np.sqrt(d_k) if SCALE else 1.0) * T
                scaled = scores / divisor
                """);
    }

    /** The state's numbers as Python: labels, vectors, the prior, the settings. */
    private static String vectors(AttentionInput.Checked c) {
        AttentionInput in = c.input();
        StringBuilder s = new StringBuilder(1024);
        s.append("import numpy as np\n\n");
        s.append("QUERY_LABELS = ").append(Python.list(in.queryLabels())).append('\n');
        s.append("KEY_LABELS = ").append(Python.list(in.keyLabels())).append('\n');
        s.append("Q = ").append(matrix(c.queries())).append("  # one query per row\n");
        s.append("K = ").append(matrix(c.keys())).append("  # one key per row\n");
        if (c.values() != null) {
            s.append("V = ").append(matrix(c.values())).append("  # one value per key\n");
        } else {
            s.append("V = None  # no values: no output\n");
        }
        s.append("PRIOR = ").append(c.prior() == null ? "None  # queries equally likely" : "np.array(" + Python.numbers(c.prior()) + ")")
                .append('\n');
        s.append("SCALE = ").append(in.scale() ? "True" : "False").append("  # divide the scores by sqrt(d_k)\n");
        s.append("T = ").append(Python.number(c.temperature())).append("  # the temperature\n");
        AttentionInput.AdditiveWeights w = c.weights();
        if (w != null) {
            s.append("WQ = ").append(matrix(w.wq())).append("  # W_q, h x d_q: the additive score's weights\n");
            s.append("WK = ").append(matrix(w.wk())).append("  # W_k, h x d_k\n");
            s.append("VA = np.array(").append(Python.numbers(w.va())).append(", dtype=float)  # v, h numbers\n");
        }
        s.append("DIGITS = ").append(in.digits()).append("  # decimals shown, as on the page\n");
        return s.toString();
    }

    private static String matrix(double[][] rows) {
        StringBuilder s = new StringBuilder("np.array([\n");
        for (double[] row : rows) {
            s.append("    ").append(Python.numbers(row)).append(",\n");
        }
        return s.append("], dtype=float)").toString();
    }

    /** The script's URL for a state: the canonical URL's query string on /attention.py. */
    public static String url(AttentionInput in) {
        return in.query().on(PY_PATH);
    }

    /** The notebook's URL for a state. */
    public static String notebookUrl(AttentionInput in) {
        return in.query().on(NB_PATH);
    }
}
