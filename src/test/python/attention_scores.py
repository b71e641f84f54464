"""Attention weights from three score functions, computed with NumPy independently of MI Explorer's
Java (AdditiveAttentionTest compares the two).

argv[1]: a JSON file, a list of cases {"function": "scaled-dot" | "dot" | "additive", "q": [...],
"keys": [[...]], "values": [[...]] or null, "temperature": T, and for "additive" also "wq", "wk",
"v"}.
stdout: a JSON list, one object per case, in the same order: the raw scores, the weights, the
entropy of the weights in bits and the output (null without values).
"""
import json
import sys

import numpy as np


def scores(case):
    q = np.asarray(case["q"], dtype=float)
    keys = np.asarray(case["keys"], dtype=float)
    if case["function"] == "additive":
        wq = np.asarray(case["wq"], dtype=float)
        wk = np.asarray(case["wk"], dtype=float)
        v = np.asarray(case["v"], dtype=float)
        hidden = np.tanh(wq @ q + keys @ wk.T)  # one row per key: tanh(W_q q + W_k k_i)
        return hidden @ v, 1.0
    raw = keys @ q
    return raw, np.sqrt(q.size) if case["function"] == "scaled-dot" else 1.0


def attention(case):
    raw, scale = scores(case)
    z = raw / (scale * case["temperature"])
    e = np.exp(z - z.max())
    w = e / e.sum()
    nz = w[w > 0]
    out = None
    if case["values"] is not None:
        out = (w @ np.asarray(case["values"], dtype=float)).tolist()
    return {"scores": raw.tolist(), "weights": w.tolist(), "entropyBits": float(-np.sum(nz * np.log2(nz))),
            "output": out}


with open(sys.argv[1], encoding="utf-8") as f:
    cases = json.load(f)
json.dump([attention(c) for c in cases], sys.stdout)
