#!/usr/bin/python3
"""Paired samples for the comparisons with pandas + scikit-learn (issue 7: counts; issue 15: KSG).

  samples.py generate ROWS PATH [SEED] [WORDS]
                                         writes a CSV: id,city,brand,amount,note
                                         (city and brand are dependent categories; the note
                                         has WORDS words, default 2: 3 makes 10^6 rows 50 MB)
  samples.py sklearn PATH [X] [Y]        pandas.read_csv + sklearn.metrics.mutual_info_score
                                         on columns X and Y (default city, brand); prints JSON
                                         with the MI in nats and the seconds taken, imports excluded
  samples.py ksg-time N RHO [SEED] [K]   sklearn's mutual_info_regression (KSG, K neighbours, default 3)
                                         on N normal pairs with correlation RHO drawn with numpy's
                                         default_rng(SEED) (default 1); prints JSON with the MI in nats,
                                         the closed form -1/2 ln(1 - RHO^2) and the seconds taken by
                                         mutual_info_regression alone
  samples.py generate-numeric ROWS PATH [SEED] [RHO] [KIND]
                                         writes a CSV of numbers, tie-free, each written so that it reads
                                         back as the very double: KIND pairs (default): x,y, normal with
                                         correlation RHO (default 0.5), 40 bytes a row (10^6 rows: 40 MB);
                                         KIND mixed: x,y,u,s,g, with u uniform on [0, 1), s = sin(2 pi u)
                                         plus normal noise of sd 0.1, and g a label, a, b or c, that
                                         follows y
  samples.py sklearn-ksg PATH K SEED X:Y [X:Y ...]
                                         pandas.read_csv (float_precision="round_trip", so the doubles
                                         are the file's) + mutual_info_regression (mutual_info_classif
                                         when Y is not numeric) with n_neighbors=K, random_state=SEED, for
                                         each pair; prints JSON with the MI in nats per pair, the seconds
                                         of the read and of the estimates (imports excluded)

Debian's python3-pandas and python3-sklearn; nothing is downloaded.
"""
import json
import random
import sys
import time


def generate(rows, path, seed, note_words=2):
    rng = random.Random(seed)
    cities = ["city%02d" % i for i in range(12)]
    brands = ["brand%d" % j for j in range(8)]
    words = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel"]
    with open(path, "w", newline="") as f:
        f.write("id,city,brand,amount,note\n")
        for k in range(rows):
            c = rng.randrange(len(cities))
            # the brand follows the city 40% of the time, else it is drawn at random
            b = c % len(brands) if rng.random() < 0.4 else rng.randrange(len(brands))
            f.write("%d,%s,%s,%.6f,%s\n" % (k, cities[c], brands[b], rng.uniform(0, 1000),
                                           " ".join(rng.choice(words) for _ in range(note_words))))


def sklearn(path, x, y):
    import pandas
    from sklearn.metrics import mutual_info_score
    start = time.perf_counter()
    df = pandas.read_csv(path)
    mi = mutual_info_score(df[x], df[y])
    seconds = time.perf_counter() - start
    print(json.dumps({"mutualInformationNats": float(mi), "seconds": seconds, "rows": int(len(df)),
                      "pandas": pandas.__version__, "sklearn": __import__("sklearn").__version__}))


def ksg_time(n, rho, seed, k):
    import numpy
    import sklearn
    from sklearn.feature_selection import mutual_info_regression
    rng = numpy.random.default_rng(seed)
    x = rng.standard_normal(n)
    y = rho * x + numpy.sqrt(1 - rho * rho) * rng.standard_normal(n)
    start = time.perf_counter()
    mi = mutual_info_regression(x.reshape(-1, 1), y, n_neighbors=k, random_state=seed)[0]
    seconds = time.perf_counter() - start
    closed = -0.5 * numpy.log(1 - rho * rho)
    print(json.dumps({"nats": float(mi), "closedFormNats": float(closed), "seconds": seconds, "rows": n,
                      "rho": rho, "k": k, "sklearn": sklearn.__version__}))


def generate_numeric(rows, path, seed, rho, kind):
    import numpy
    rng = numpy.random.default_rng(seed)
    x = rng.standard_normal(rows)
    y = rho * x + numpy.sqrt(1 - rho * rho) * rng.standard_normal(rows)
    with open(path, "w", newline="") as f:
        if kind == "pairs":
            f.write("x,y\n")
            f.writelines("%r,%r\n" % (float(a), float(b)) for a, b in zip(x, y))
        elif kind == "mixed":
            u = rng.random(rows)
            s = numpy.sin(2 * numpy.pi * u) + 0.1 * rng.standard_normal(rows)
            g = numpy.where(y < -0.5, "a", numpy.where(y < 0.5, "b", "c"))
            f.write("x,y,u,s,g\n")
            f.writelines("%r,%r,%r,%r,%s\n" % (float(a), float(b), float(c), float(d), e) for a, b, c, d, e in zip(x, y, u, s, g))
        else:
            sys.exit("KIND is pairs or mixed")


def sklearn_ksg(path, k, seed, pairs):
    import numpy
    import pandas
    import sklearn
    from sklearn.feature_selection import mutual_info_classif, mutual_info_regression
    start = time.perf_counter()
    df = pandas.read_csv(path, float_precision="round_trip")
    read = time.perf_counter() - start
    out = {}
    start = time.perf_counter()
    for pair in pairs:
        a, b = pair.split(":")
        if not numpy.issubdtype(df[a].dtype, numpy.number):
            a, b = b, a  # categorical against numeric: Ross with the numeric column as the continuous one
        if numpy.issubdtype(df[b].dtype, numpy.number):
            mi = mutual_info_regression(df[[a]].to_numpy(), df[b].to_numpy(), n_neighbors=k, random_state=seed)[0]
        else:
            mi = mutual_info_classif(df[[a]].to_numpy(), df[b].to_numpy(), n_neighbors=k, random_state=seed)[0]
        out[pair] = float(mi)
    estimate = time.perf_counter() - start
    print(json.dumps({"nats": out, "readSeconds": read, "estimateSeconds": estimate, "seconds": read + estimate,
                      "rows": int(len(df)), "k": k, "seed": seed, "pandas": pandas.__version__,
                      "sklearn": sklearn.__version__}))


if __name__ == "__main__":
    if len(sys.argv) >= 4 and sys.argv[1] == "generate":
        generate(int(sys.argv[2]), sys.argv[3], int(sys.argv[4]) if len(sys.argv) > 4 else 7,
                 int(sys.argv[5]) if len(sys.argv) > 5 else 2)
    elif len(sys.argv) >= 3 and sys.argv[1] == "sklearn":
        sklearn(sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else "city", sys.argv[4] if len(sys.argv) > 4 else "brand")
    elif len(sys.argv) >= 4 and sys.argv[1] == "ksg-time":
        ksg_time(int(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]) if len(sys.argv) > 4 else 1,
                 int(sys.argv[5]) if len(sys.argv) > 5 else 3)
    elif len(sys.argv) >= 4 and sys.argv[1] == "generate-numeric":
        generate_numeric(int(sys.argv[2]), sys.argv[3], int(sys.argv[4]) if len(sys.argv) > 4 else 1,
                         float(sys.argv[5]) if len(sys.argv) > 5 else 0.5, sys.argv[6] if len(sys.argv) > 6 else "pairs")
    elif len(sys.argv) >= 6 and sys.argv[1] == "sklearn-ksg":
        sklearn_ksg(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5:])
    else:
        sys.exit(__doc__)
