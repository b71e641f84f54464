#!/usr/bin/python3
"""Paired samples for issue 7's comparison with pandas + scikit-learn.

  samples.py generate ROWS PATH [SEED]   writes a CSV: id,city,brand,amount,note
                                         (city and brand are dependent categories)
  samples.py sklearn PATH [X] [Y]        pandas.read_csv + sklearn.metrics.mutual_info_score
                                         on columns X and Y (default city, brand); prints JSON
                                         with the MI in nats and the seconds taken, imports excluded

Debian's python3-pandas and python3-sklearn; nothing is downloaded.
"""
import json
import random
import sys
import time


def generate(rows, path, seed):
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
            f.write("%d,%s,%s,%.6f,%s %s\n" % (k, cities[c], brands[b], rng.uniform(0, 1000),
                                              rng.choice(words), rng.choice(words)))


def sklearn(path, x, y):
    import pandas
    from sklearn.metrics import mutual_info_score
    start = time.perf_counter()
    df = pandas.read_csv(path)
    mi = mutual_info_score(df[x], df[y])
    seconds = time.perf_counter() - start
    print(json.dumps({"mutualInformationNats": float(mi), "seconds": seconds, "rows": int(len(df)),
                      "pandas": pandas.__version__, "sklearn": __import__("sklearn").__version__}))


if __name__ == "__main__":
    if len(sys.argv) >= 4 and sys.argv[1] == "generate":
        generate(int(sys.argv[2]), sys.argv[3], int(sys.argv[4]) if len(sys.argv) > 4 else 7)
    elif len(sys.argv) >= 3 and sys.argv[1] == "sklearn":
        sklearn(sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else "city", sys.argv[4] if len(sys.argv) > 4 else "brand")
    else:
        sys.exit(__doc__)
