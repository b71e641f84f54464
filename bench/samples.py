#!/usr/bin/python3
"""Paired samples for issue 7's comparison with pandas + scikit-learn.

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


if __name__ == "__main__":
    if len(sys.argv) >= 4 and sys.argv[1] == "generate":
        generate(int(sys.argv[2]), sys.argv[3], int(sys.argv[4]) if len(sys.argv) > 4 else 7,
                 int(sys.argv[5]) if len(sys.argv) > 5 else 2)
    elif len(sys.argv) >= 3 and sys.argv[1] == "sklearn":
        sklearn(sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else "city", sys.argv[4] if len(sys.argv) > 4 else "brand")
    elif len(sys.argv) >= 4 and sys.argv[1] == "ksg-time":
        ksg_time(int(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]) if len(sys.argv) > 4 else 1,
                 int(sys.argv[5]) if len(sys.argv) > 5 else 3)
    else:
        sys.exit(__doc__)
