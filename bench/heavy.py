#!/usr/bin/python3
"""Issue 21's load of heavy work: N concurrent uploads of a large file (page and API mixed) while a
light client times pages, fragments and the tables' API. Standard library only.

  heavy.py BASE FILE [UPLOADS] [IDLE_SECONDS]

Prints per upload its route, status, Retry-After and seconds; the light requests' p50/p95/max while
idle and while the uploads run; and exits 1 when an upload got anything but 200 or 503 with
Retry-After, or a light request failed.
"""
import http.client
import json
import sys
import threading
import time
import urllib.parse
import uuid

BASE, FILE = sys.argv[1], sys.argv[2]
UPLOADS = int(sys.argv[3]) if len(sys.argv) > 3 else 6
IDLE = float(sys.argv[4]) if len(sys.argv) > 4 else 10
HOST = urllib.parse.urlparse(BASE)
DATA = open(FILE, "rb").read()

WEATHER = "x=Weather&y=Forecast&xl=Rain&xl=Sun&yl=Forecast+rain&yl=Forecast+sun&c=0.36&c=0.04&c=0.12&c=0.48&kind=probabilities&base=2"
LIGHT = [
    ("GET", "/mi", None, {}),
    ("POST", "/mi", WEATHER, {"HX-Request": "true", "Content-Type": "application/x-www-form-urlencoded"}),
    ("GET", "/attention", None, {}),
    ("POST", "/api/mi", json.dumps({"p": [[0.36, 0.04], [0.12, 0.48]]}), {"Content-Type": "application/json"}),
    ("GET", "/healthz", None, {}),
]


def connection():
    return http.client.HTTPConnection(HOST.hostname, HOST.port, timeout=300)


def light(stop, out, failures):
    c = connection()
    i = 0
    while not stop.is_set():
        method, path, body, headers = LIGHT[i % len(LIGHT)]
        i += 1
        t = time.perf_counter()
        try:
            c.request(method, path, body=body, headers={"Accept-Encoding": "gzip", **headers})
            r = c.getresponse()
            r.read()
            if r.status != 200:
                failures.append("%s %s -> %d" % (method, path, r.status))
        except Exception as e:  # noqa: BLE001 - any failure of a light request is reported
            failures.append("%s %s -> %r" % (method, path, e))
            c = connection()
            continue
        out.append(time.perf_counter() - t)
        time.sleep(0.02)


def upload(k, results):
    c = connection()
    t = time.perf_counter()
    if k % 2 == 0:
        route = "POST /api/samples?estimator=ksg"
        c.request("POST", "/api/samples?estimator=ksg", body=DATA, headers={"Content-Type": "text/csv"})
    else:
        route = "POST /data (multipart, htmx)"
        boundary = uuid.uuid4().hex
        head = "".join("--%s\r\nContent-Disposition: form-data; name=\"%s\"\r\n\r\n%s\r\n" % (boundary, k_, v)
                       for k_, v in [("estimator", "ksg"), ("permutations", "0")]).encode()
        head += ("--%s\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\n"
                 "Content-Type: text/csv\r\n\r\n" % boundary).encode()
        body = head + DATA + ("\r\n--%s--\r\n" % boundary).encode()
        c.request("POST", "/data", body=body, headers={"Content-Type": "multipart/form-data; boundary=" + boundary,
                                                       "HX-Request": "true"})
    try:
        r = c.getresponse()
        text = r.read()
        results.append((k, route, r.status, r.getheader("Retry-After"), time.perf_counter() - t, text[:160]))
    except (OSError, http.client.HTTPException) as e:
        results.append((k, route, 0, None, time.perf_counter() - t, ("no answer: %r" % e).encode()))


def quantiles(xs):
    xs = sorted(xs)
    if not xs:
        return "no requests"
    q = lambda p: xs[min(len(xs) - 1, int(p * len(xs)))] * 1000  # noqa: E731
    return "n = %d, p50 %.1f ms, p95 %.1f ms, max %.1f ms" % (len(xs), q(0.5), q(0.95), xs[-1] * 1000)


def main():
    failures = []
    idle, busy = [], []
    stop = threading.Event()
    t = threading.Thread(target=light, args=(stop, idle, failures))
    t.start()
    time.sleep(IDLE)
    stop.set()
    t.join()
    stop = threading.Event()
    t = threading.Thread(target=light, args=(stop, busy, failures))
    results = []
    uploads = [threading.Thread(target=upload, args=(k, results)) for k in range(UPLOADS)]
    start = time.perf_counter()
    t.start()
    for u in uploads:
        u.start()
    for u in uploads:
        u.join()
    took = time.perf_counter() - start
    stop.set()
    t.join()
    bad = 0
    print("%d concurrent uploads of %s (%.1f MB), all answered in %.1f s:" % (UPLOADS, FILE, len(DATA) / 1048576, took))
    for k, route, status, retry, secs, text in sorted(results):
        ok = status == 200 or (status == 503 and retry)
        bad += not ok
        print("  %-34s %d%s  %.1f s%s" % (route, status, " Retry-After: " + retry if retry else "", secs,
                                          "" if ok else "  UNEXPECTED: " + text.decode("utf-8", "replace")))
    print("answers: %d × 200, %d × 503 with Retry-After, %d × 500, %d other (0: no answer)" % (
        sum(r[2] == 200 for r in results), sum(r[2] == 503 and bool(r[3]) for r in results),
        sum(r[2] == 500 for r in results), bad - sum(r[2] == 500 for r in results)))
    print("light requests idle:         " + quantiles(idle))
    print("light requests under load:   " + quantiles(busy))
    if idle and busy:
        p95 = lambda xs: sorted(xs)[min(len(xs) - 1, int(0.95 * len(xs)))]  # noqa: E731
        print("p95 under load / idle: %.1f×" % (p95(busy) / p95(idle)))
    for f in failures[:10]:
        print("light request failed: " + f)
    sys.exit(1 if bad or failures else 0)


main()
