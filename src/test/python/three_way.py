"""Every measure of three discrete variables, computed with NumPy from entropies of marginals,
independently of MI Explorer's Java (ThreeWayNumpyTest compares the two).

stdin: a JSON list of {"base": "2" | "e" | "10", "weights": w} with w[z][x][y] non-negative weights.
stdout: a JSON list, one object of measures per table, in the same order.
"""
import json
import sys

import numpy as np

LOGS = {"2": np.log2, "e": np.log, "10": np.log10}
Z, X, Y = 0, 1, 2  # the axes of w[z][x][y]


def entropy(p, log):
    p = p[p > 0]  # 0 log 0 = 0
    return float(-np.sum(p * log(p)))


def measures(weights, log):
    p = np.asarray(weights, dtype=float)
    p = p / p.sum()

    def h(*keep):  # entropy of the marginal over the kept axes
        return entropy(p.sum(axis=tuple(a for a in (Z, X, Y) if a not in keep)), log)

    hx, hy, hz = h(X), h(Y), h(Z)
    hxy, hxz, hyz, hxyz = h(X, Y), h(X, Z), h(Y, Z), h(X, Y, Z)
    i_xy_z = hxz + hyz - hxyz - hz
    slices = []
    for s in p:  # s = P(X, Y, Z = z) for one z
        pz = float(s.sum())
        if pz == 0:
            slices.append(None)
        else:
            c = s / pz
            slices.append(entropy(c.sum(axis=1), log) + entropy(c.sum(axis=0), log) - entropy(c, log))
    return {
        "hX": hx, "hY": hy, "hZ": hz, "hXY": hxy, "hXZ": hxz, "hYZ": hyz, "hXYZ": hxyz,
        "iXY": hx + hy - hxy, "iXZ": hx + hz - hxz, "iYZ": hy + hz - hyz,
        "iXYgivenZ": i_xy_z,
        "iXZgivenY": hxy + hyz - hxyz - hy,
        "iYZgivenX": hxy + hxz - hxyz - hx,
        "iXwithYZ": hx + hyz - hxyz,
        "coInformation": hx + hy + hz - hxy - hxz - hyz + hxyz,
        "hXgivenYZ": hxyz - hyz, "hYgivenXZ": hxyz - hxz, "hZgivenXY": hxyz - hxy,
        "slices": slices,
    }


print(json.dumps([measures(t["weights"], LOGS[t["base"]]) for t in json.load(sys.stdin)]))
