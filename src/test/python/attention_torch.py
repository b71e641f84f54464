"""The single-query attention classifier of miexplorer.attention.learned, written again in PyTorch
(float64) so that autograd, not a hand derivation, gives the gradients (LearnedAttentionTorchTest
compares the two).

argv[1]: a JSON file {"cases": [...], "training": {...}}. Each case has "params" (tokenEmbedding
V x d, positionEmbedding n x d, query d, keyWeights d x d, valueWeights d x d, outputWeights V x d,
outputBias V), "tokens" (B x n) and "targets" (B). "training" has the same three plus "learningRate"
and "steps": full-batch Adam (torch.optim.Adam, betas 0.9 and 0.999, eps 1e-8) from those weights.
stdout: JSON {"cases": [{"loss": ..., "grads": {name: ...}}], "training": {"losses": [...],
"params": {name: ...}}}.
"""
import json
import math
import sys

import torch

NAMES = ["tokenEmbedding", "positionEmbedding", "query", "keyWeights", "valueWeights", "outputWeights", "outputBias"]


def tensors(params):
    return {k: torch.tensor(params[k], dtype=torch.float64, requires_grad=True) for k in NAMES}


def mean_loss(p, tokens, targets):
    x = p["tokenEmbedding"][tokens] + p["positionEmbedding"]  # B x n x d
    d = x.shape[-1]
    keys = x @ p["keyWeights"].T  # k_i = W_K x_i
    scores = keys @ p["query"] / math.sqrt(d)  # B x n
    alpha = torch.softmax(scores, dim=1)
    values = x @ p["valueWeights"].T  # W_V x_i
    context = (alpha.unsqueeze(-1) * values).sum(dim=1)  # B x d
    logits = context @ p["outputWeights"].T + p["outputBias"]
    return torch.nn.functional.cross_entropy(logits, targets)


def data(case):
    return torch.tensor(case["tokens"], dtype=torch.long), torch.tensor(case["targets"], dtype=torch.long)


def gradients(case):
    p = tensors(case["params"])
    loss = mean_loss(p, *data(case))
    loss.backward()
    return {"loss": loss.item(), "grads": {k: p[k].grad.tolist() for k in NAMES}}


def train(spec):
    p = tensors(spec["params"])
    tokens, targets = data(spec)
    opt = torch.optim.Adam([p[k] for k in NAMES], lr=spec["learningRate"], betas=(0.9, 0.999), eps=1e-8)
    losses = []
    for _ in range(spec["steps"]):
        opt.zero_grad()
        loss = mean_loss(p, tokens, targets)
        loss.backward()
        losses.append(loss.item())
        opt.step()
    return {"losses": losses, "params": {k: p[k].detach().tolist() for k in NAMES}}


with open(sys.argv[1], encoding="utf-8") as f:
    job = json.load(f)
json.dump({"cases": [gradients(c) for c in job["cases"]], "training": train(job["training"])}, sys.stdout)
