#!/usr/bin/python3
"""Reference values for KnnSklearnComparisonTest: scikit-learn's nearest-neighbour MI estimators.

  knn_reference.py OUT      writes OUT, a JSON list of cases:
                            {"name", "kind" ("ksg" or "ross"), "k", "x", "y",
                             "sklearn":  mutual_info_regression / mutual_info_classif (random_state=1,
                                         the default seed of Ksg and RossEstimator),
                             "kdTree":   the same with every neighbour search on a k-d tree (exact
                                         distances; see below),
                             "noNoise":  sklearn's _compute_mi_cc / _compute_mi_cd on the scaled columns,
                                         without the noise, neighbour searches on a k-d tree}

The data are drawn here with numpy's default_rng, so Java reads the very doubles sklearn saw. Debian's
python3-sklearn (1.2.1 when written), scipy and numpy; nothing is downloaded.

Why "kdTree": for a label with at most 2k + 1 rows sklearn's NearestNeighbors() picks brute force,
whose Euclidean distances come from |a|^2 - 2ab + |b|^2 and are off in the last bits; the radius
nextafter(d, 0) then sometimes still includes the k-th neighbour itself in m_i. On a k-d tree the
distances are exact and sklearn computes Ross's formula as written. (The KSG search uses the Chebyshev
metric, exact either way.)
"""
import functools
import json
import sys

import numpy as np
import sklearn.feature_selection._mutual_info as mi
from sklearn.feature_selection import mutual_info_classif, mutual_info_regression
from sklearn.neighbors import NearestNeighbors
from sklearn.preprocessing import scale

SEED = 1


def ksg_case(name, x, y, k=3):
    sk = mutual_info_regression(x.reshape(-1, 1), y, n_neighbors=k, random_state=SEED)[0]
    exact = mi._compute_mi_cc(scale(x, with_mean=False), scale(y, with_mean=False), k)
    return {"name": name, "kind": "ksg", "k": k, "x": x.tolist(), "y": y.tolist(),
            "sklearn": float(sk), "kdTree": float(sk), "noNoise": float(exact)}


def ross_case(name, x, labels, k=3):
    sk = mutual_info_classif(x.reshape(-1, 1), labels, n_neighbors=k, discrete_features=False, random_state=SEED)[0]
    default = mi.NearestNeighbors
    mi.NearestNeighbors = functools.partial(NearestNeighbors, algorithm="kd_tree")
    try:
        kd = mutual_info_classif(x.reshape(-1, 1), labels, n_neighbors=k, discrete_features=False, random_state=SEED)[0]
        exact = mi._compute_mi_cd(scale(x, with_mean=False), labels, k)
    finally:
        mi.NearestNeighbors = default
    return {"name": name, "kind": "ross", "k": k, "x": x.tolist(), "y": [int(v) for v in labels],
            "sklearn": float(sk), "kdTree": float(kd), "noNoise": float(exact)}


def main(out):
    rng = np.random.default_rng(20240601)
    cases = []
    for n in (50, 1000, 10000):
        for rho in (0.0, 0.5, 0.9):
            x = rng.standard_normal(n)
            y = rho * x + np.sqrt(1 - rho * rho) * rng.standard_normal(n)
            cases.append(ksg_case("normal pairs, rho %g, N %d" % (rho, n), x, y))
        u = rng.uniform(size=n)
        cases.append(ksg_case("uniform x, y = x + uniform noise, N %d" % n, u, u + 0.5 * rng.uniform(size=n)))
        x = rng.uniform(-np.pi, np.pi, size=n)
        cases.append(ksg_case("y = sin(x), x uniform, N %d" % n, x, np.sin(x)))
    cases.append(ksg_case("independent uniforms, N 1000", rng.uniform(size=1000), rng.uniform(size=1000)))
    x = rng.standard_normal(1000)
    y = 0.6 * x + 0.8 * rng.standard_normal(1000)
    for k in (1, 10, 50):
        cases.append(ksg_case("normal pairs, rho 0.6, N 1000, k %d" % k, x, y, k))
    x = rng.standard_normal(7)
    cases.append(ksg_case("seven rows, k 3", x, x + 0.3 * rng.standard_normal(7)))
    # ties, which the noise breaks: the same noise breaks them the same way
    x = rng.integers(0, 10, 1000).astype(float)
    cases.append(ksg_case("whole numbers 0..9, y = x + 0..4, N 1000", x, x + rng.integers(0, 5, 1000)))
    x = rng.permutation(1000).astype(float)
    cases.append(ksg_case("distinct whole numbers, y = x + -50..49, N 1000", x, x + rng.integers(-50, 50, 1000)))

    labels = rng.integers(0, 3, 1000)
    cases.append(ross_case("3 labels, x shifted by label, N 1000", rng.standard_normal(1000) + 0.8 * labels, labels))
    labels = rng.integers(0, 5, 1000)
    cases.append(ross_case("5 labels, x independent, N 1000", rng.standard_normal(1000), labels))
    labels = rng.integers(0, 2, 10000)
    cases.append(ross_case("2 labels, x scaled by label, N 10000", rng.standard_normal(10000) * (1 + labels), labels, 5))
    labels = np.concatenate([rng.integers(0, 4, 500), [10, 11, 12]])
    cases.append(ross_case("4 labels and 3 that occur once, N 503", rng.standard_normal(503) + (labels % 2), labels, 1))
    labels = rng.integers(0, 3, 1000)
    cases.append(ross_case("3 labels, x whole numbers 0..20, N 1000", rng.integers(0, 21, 1000) + 3.0 * labels, labels))
    labels = rng.integers(0, 40, 300)
    cases.append(ross_case("40 labels, N 300 (labels of at most 2k + 1 rows)", rng.standard_normal(300) + 0.05 * labels,
                           labels))
    with open(out, "w") as f:
        json.dump(cases, f)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
