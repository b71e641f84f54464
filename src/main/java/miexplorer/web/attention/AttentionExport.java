package miexplorer.web.attention;

import miexplorer.web.render.Python;
import miexplorer.web.site.Paths;

/**
 * {@code /attention.py?…}: a runnable Python script (NumPy) that redoes the page's attention
 * computation and prints the page's numbers. It takes the query string of the state's canonical
 * URL (see {@link AttentionExplorer#exports}). Tokens are user text and appear only inside escaped
 * string literals.
 */
public final class AttentionExport {
    public static final String PY_PATH = Paths.ATTENTION + ".py";

    private AttentionExport() {
    }

    /** The script for a checked, sound state. */
    public static String python(AttentionInput.Checked c) {
        AttentionInput in = c.input();
        StringBuilder s = new StringBuilder(2048);
        s.append("#!/usr/bin/env python3\n");
        s.append("# ").append(c.weights() != null ? "Additive" : in.scale() ? "Scaled dot-product" : "Dot-product")
                .append(" attention, computed as MI Explorer computes it. Run: python3 attention.py\n");
        s.append("import numpy as np\n\n");
        s.append("QUERY_LABELS = ").append(Python.list(in.queryLabels())).append('\n');
        s.append("KEY_LABELS = ").append(Python.list(in.keyLabels())).append('\n');
        s.append("Q = np.array([\n");
        for (double[] q : c.queries()) {
            s.append("    ").append(Python.numbers(q)).append(",\n");
        }
        s.append("], dtype=float)  # one query per row\n");
        s.append("K = np.array([\n");
        for (double[] k : c.keys()) {
            s.append("    ").append(Python.numbers(k)).append(",\n");
        }
        s.append("], dtype=float)  # one key per row\n");
        if (c.values() != null) {
            s.append("V = np.array([\n");
            for (double[] v : c.values()) {
                s.append("    ").append(Python.numbers(v)).append(",\n");
            }
            s.append("], dtype=float)  # one value per key\n");
        } else {
            s.append("V = None  # no values: no output\n");
        }
        s.append("PRIOR = ").append(c.prior() == null ? "None  # queries equally likely" : "np.array(" + Python.numbers(c.prior()) + ")")
                .append('\n');
        s.append("SCALE = ").append(in.scale() ? "True" : "False").append("  # divide the scores by sqrt(d_k)\n");
        s.append("T = ").append(Python.number(c.temperature())).append("  # the temperature\n");
        AttentionInput.AdditiveWeights w = c.weights();
        s.append("ADDITIVE = ").append(w != null ? "True  # e_i = v . tanh(W_q q + W_k k_i), never divided by sqrt(d_k)" : "False")
                .append('\n');
        if (w != null) {
            s.append("WQ = np.array(").append(Python.matrix(w.wq())).append(", dtype=float)  # h x d_q\n");
            s.append("WK = np.array(").append(Python.matrix(w.wk())).append(", dtype=float)  # h x d_k\n");
            s.append("VA = np.array(").append(Python.numbers(w.va())).append(", dtype=float)  # h\n");
        }
        s.append("DIGITS = ").append(in.digits()).append("  # decimals shown, as on the page\n");
        s.append("""


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


                d_k = Q.shape[1]
                divisor = (np.sqrt(d_k) if SCALE and not ADDITIVE else 1.0) * T
                weights = []
                for label, q in zip(QUERY_LABELS, Q):
                    # additive: e_i = v . tanh(W_q q + W_k k_i); else s_i = q . k_i
                    scores = np.tanh(WQ @ q + K @ WK.T) @ VA if ADDITIVE else K @ q
                    alpha = softmax(scores / divisor)   # the attention weights
                    weights.append(alpha)
                    h = entropy_bits(alpha)
                    print(f"Query {label}: H = {shown(h)} bits of at most {shown(np.log2(len(alpha)))} bits;"
                          f" {shown(2 ** h)} of {len(alpha)} keys attended")
                    print("  weights:", ", ".join(f"{k} {shown(a)}" for k, a in zip(KEY_LABELS, alpha)))
                    if V is not None:
                        print("  output:", ", ".join(shown(x) for x in alpha @ V))

                if len(Q) > 1:
                    # Each row of weights as P(key | query), with the prior: a joint table P(query, key).
                    prior = np.full(len(Q), 1.0 / len(Q)) if PRIOR is None else PRIOR / PRIOR.sum()
                    joint = prior[:, None] * np.array(weights)
                    joint = joint / joint.sum()
                    p_query, p_key = joint.sum(axis=1), joint.sum(axis=0)
                    seen = joint > 0
                    mi = float(np.sum(joint[seen] * np.log2(joint[seen] / np.outer(p_query, p_key)[seen])))
                    print(f"I(query; key) = {shown(max(mi, 0.0) if mi > -1e-12 else mi)} bits")
                """);
        return s.toString();
    }

    /** The script's URL for a state: the canonical URL's query string on /attention.py. */
    public static String url(AttentionInput in) {
        return in.query().on(PY_PATH);
    }
}
