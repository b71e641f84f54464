#!/usr/bin/python3
"""Issue 21's soak test: many clients for a while, as a class would use the app and then some:
pages and htmx edits, uploads, bad input and hostile URLs, and clients that go away at random points
(mid-request, mid-upload, mid-response) or read very slowly. Then, with every client stopped, it
checks that no server thread is still busy, that every page still answers, and that the server's log
explains every 5xx answer. Standard library only.

  soak.py BASE PID LOG SECONDS [CLIENTS]

PID is the server's process (its threads' CPU is read from /proc), LOG its output. Exits 1 on a failed check.
"""
import http.client
import json
import os
import random
import re
import socket
import sys
import threading
import time
import urllib.parse
import uuid

BASE, PID, LOG, SECONDS = sys.argv[1], int(sys.argv[2]), sys.argv[3], float(sys.argv[4])
CLIENTS = int(sys.argv[5]) if len(sys.argv) > 5 else 16
HOST = urllib.parse.urlparse(BASE)

PAGES = ["/", "/mi", "/cmi", "/attention", "/data", "/examples", "/examples/weather-forecast", "/healthz",
         "/mi?p=0.5,0;0,0.5", "/mi.py?p=0.36,0.04;0.12,0.48", "/mi.csv?p=0.1,0.2;0.3,0.4&kind=counts",
         "/attention/scaling?n=8&trials=20&seed=3", "/cmi?p=0.1,0.1;0.1,0.2|0.2,0.1;0.1,0.1", "/static/app.css"]
HOSTILE = ["/no-such-page", "/api/mi", "/mi?p=" + "9" * 3000, "/mi?p=%ZZ", "/mi?p=1/0,0;0,1", "/mi?x=%3Cscript%3E",
           "/examples/..%2F..%2Fetc%2Fpasswd", "/mi?p=0.5,0.5;0,0.1", "/mi?kind=counts&p=-1,2;3,4", "/data?text=%00%01",
           "/attention?q=1,2&k=1", "/mi?" + "&".join("xl=%d" % i for i in range(300)), "/%C0%AE%C0%AE/", "/mi?base=7",
           "/attention/scaling?n=999999&trials=abc", "/cmi?p=;;;", "/mi?digits=99"]
BAD_BODIES = [("/api/mi", "nonsense"), ("/api/mi", "{bad"), ("/api/mi", '{"p": [[0.5, "x"], [1e309, -1]]}'),
              ("/api/cmi", '{"p": 12}'), ("/api/attention", '{"q": [1, 2], "k": [[1]]}'), ("/api/attention", "[]"),
              ("/api/samples", "x,y\n1,2\n3\n"), ("/data/permutations", "t=garbage&seed=1&total=5&done=9&atleast=1")]

stats = {"requests": 0, "aborted": 0, "status": {}, "fivexx": []}
lock = threading.Lock()


def csv(rows, rng):
    out = ["x,y,g"]
    for _ in range(rows):
        x = rng.gauss(0, 1)
        out.append("%r,%r,%s" % (x, x + rng.gauss(0, 1), rng.choice("abc")))
    return ("\n".join(out) + "\n").encode()


def count(status, what, headers):
    with lock:
        stats["requests"] += 1
        stats["status"][status] = stats["status"].get(status, 0) + 1
        if status >= 500:
            stats["fivexx"].append((status, what, headers.get("Retry-After")))


def request(method, path, body=None, headers=None, timeout=120):
    c = http.client.HTTPConnection(HOST.hostname, HOST.port, timeout=timeout)
    try:
        c.request(method, path, body=body, headers=headers or {})
        r = c.getresponse()
        r.read()
        count(r.status, method + " " + path[:80], dict(r.getheaders()))
    finally:
        c.close()


def raw(data, then, rng):
    """Sends bytes on a raw socket, then goes away as `then` says: close at once, or read slowly and close."""
    s = socket.create_connection((HOST.hostname, HOST.port), timeout=30)
    try:
        s.sendall(data)
        if then == "slow-reader":
            for _ in range(rng.randint(1, 20)):
                if not s.recv(rng.choice([1, 16, 512])):
                    break
                time.sleep(0.05)
        elif then == "read-some":
            s.recv(rng.randint(1, 4096))
    except OSError:
        pass
    finally:
        if rng.random() < 0.5:  # half the time a reset rather than a close
            s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
        s.close()
    with lock:
        stats["aborted"] += 1


def multipart(fields, file):
    b = uuid.uuid4().hex
    out = b"".join(("--%s\r\nContent-Disposition: form-data; name=\"%s\"\r\n\r\n%s\r\n" % (b, k, v)).encode()
                   for k, v in fields.items())
    out += ("--%s\r\nContent-Disposition: form-data; name=\"file\"; filename=\"d.csv\"\r\nContent-Type: text/csv\r\n\r\n" % b).encode()
    return out + file + ("\r\n--%s--\r\n" % b).encode(), "multipart/form-data; boundary=" + b


def one(rng, data, big):
    kind = rng.random()
    if kind < 0.30:
        request("GET", rng.choice(PAGES), headers={"Accept-Encoding": "gzip"})
    elif kind < 0.45:
        cells = "&".join("c=%s" % rng.choice(["0.1", "0.2", "0.3", "0.4", "1/4", "25%", "-1", "x", "", "0.5"]) for _ in range(4))
        request("POST", "/mi", body="xl=a&xl=b&yl=c&yl=d&" + cells, headers={
            "Content-Type": "application/x-www-form-urlencoded", **({"HX-Request": "true"} if rng.random() < 0.7 else {})})
    elif kind < 0.55:
        request("GET", rng.choice(HOSTILE))
    elif kind < 0.63:
        path, body = rng.choice(BAD_BODIES)
        request("POST", path, body=body, headers={"Content-Type": "text/csv" if "samples" in path else
                                                  "application/x-www-form-urlencoded" if "permutations" in path else "application/json"})
    elif kind < 0.71:
        est = rng.choice(["plugin", "ksg"])
        data = big if rng.random() < 0.2 else data  # now and then a larger one, which fills the heavy-work budget
        if rng.random() < 0.5:
            request("POST", "/api/samples?estimator=%s&permutations=%d" % (est, rng.choice([0, 0, 20])), body=data,
                    headers={"Content-Type": "text/csv"})
        else:
            body, ctype = multipart({"estimator": est, "permutations": "0", "x": "x", "y": rng.choice(["y", "g"])}, data)
            request("POST", "/data", body=body, headers={"Content-Type": ctype, "HX-Request": "true"})
    else:
        # A client that goes away: mid-request, mid-upload, mid-response, or a slow reader.
        how = rng.choice(["mid-headers", "mid-upload", "mid-upload-page", "mid-response", "slow-reader", "read-some"])
        if how == "mid-headers" and rng.random() < 0.2:
            raw("GET /été?p=«» HTTP/1.1\r\nHost: x\r\n\r\n".encode("utf-8"), "read-some", rng)  # raw UTF-8 in the request line
        elif how == "mid-headers":
            raw(b"GET /mi?p=0.5,0.5;0,0 HTTP/1.1\r\nHost: x\r\nX-Long: " + b"a" * rng.randint(0, 5000), "close", rng)
        elif how in ("mid-upload", "mid-upload-page"):
            if how == "mid-upload":
                head = ("POST /api/samples?estimator=ksg HTTP/1.1\r\nHost: x\r\nContent-Type: text/csv\r\nContent-Length: %d\r\n\r\n"
                        % len(data)).encode()
                body = data
            else:
                body, ctype = multipart({"estimator": "ksg"}, data)
                head = ("POST /data HTTP/1.1\r\nHost: x\r\nHX-Request: true\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n"
                        % (ctype, len(body))).encode()
            raw(head + body[:rng.randint(0, len(body) - 1)], "close", rng)
        else:
            path = rng.choice(PAGES + ["/api/samples?estimator=ksg"])
            if path.startswith("/api/samples"):
                req = ("POST %s HTTP/1.1\r\nHost: x\r\nContent-Type: text/csv\r\nContent-Length: %d\r\n\r\n" % (path, len(data))).encode() + data
            else:
                req = ("GET %s HTTP/1.1\r\nHost: x\r\nAccept-Encoding: gzip\r\n\r\n" % path).encode()
            raw(req, {"mid-response": "close", "slow-reader": "slow-reader", "read-some": "read-some"}[how], rng)


def client(k, stop, data, big):
    rng = random.Random(k)
    while not stop.is_set():
        try:
            one(rng, data, big)
        except Exception as e:  # noqa: BLE001 - a client never stops; what it met is counted
            with lock:
                stats["status"]["error: " + type(e).__name__] = stats["status"].get("error: " + type(e).__name__, 0) + 1


def thread_cpu():
    """Each thread's name and CPU time in clock ticks, from /proc."""
    out = {}
    for tid in os.listdir("/proc/%d/task" % PID):
        try:
            name = open("/proc/%d/task/%s/comm" % (PID, tid)).read().strip()
            fields = open("/proc/%d/task/%s/stat" % (PID, tid)).read().rsplit(")", 1)[1].split()
            out[tid] = (name, int(fields[11]) + int(fields[12]))
        except OSError:
            pass
    return out


def main():
    failed = []
    data = csv(20000, random.Random(0))
    big = csv(300000, random.Random(1))
    stop = threading.Event()
    threads = [threading.Thread(target=client, args=(k, stop, data, big)) for k in range(CLIENTS)]
    start = time.time()
    for t in threads:
        t.start()
    time.sleep(SECONDS)
    stop.set()
    for t in threads:
        t.join(timeout=180)
    took = time.time() - start
    print("%d clients for %.0f s: %d requests answered, %d connections dropped on purpose" % (
        CLIENTS, took, stats["requests"], stats["aborted"]))
    print("statuses: " + ", ".join("%s × %s" % (v, k) for k, v in sorted(stats["status"].items(), key=lambda kv: str(kv[0]))))

    # Every client has stopped: within a few seconds no thread may be using CPU (a spinning thread uses all of a core).
    time.sleep(3)
    tick = os.sysconf("SC_CLK_TCK")
    before = thread_cpu()
    time.sleep(2)
    after = thread_cpu()
    busy = [(after[t][0], (after[t][1] - before[t][1]) / tick / 2) for t in after if t in before and after[t][1] - before[t][1] > tick * 0.2]
    print("threads busy after the clients stopped (over 10 %% of a core): %s" % (busy or "none"))
    if busy:
        failed.append("busy threads: %s" % busy)

    # Every later request answers.
    unanswered = []
    for path in PAGES + HOSTILE[:6]:
        try:
            c = http.client.HTTPConnection(HOST.hostname, HOST.port, timeout=15)
            c.request("GET", path)
            r = c.getresponse()
            r.read()
            if r.status >= 500:
                unanswered.append("%s %d" % (path, r.status))
        except (OSError, http.client.HTTPException) as e:
            unanswered.append("%s %r" % (path, e))
    print("pages asked for afterwards: %d, unanswered or 5xx: %s" % (len(PAGES) + 6, unanswered or "none"))
    if unanswered:
        failed.append("unanswered afterwards: %s" % unanswered)

    # The log explains every 5xx: a 503 says it is busy (Retry-After), a 500 has an ERROR line.
    log = open(LOG, encoding="utf-8", errors="replace").read()
    errors = len(re.findall(r"\bERROR\b", log))
    unexplained = [f for f in stats["fivexx"] if not (f[0] == 503 and f[2]) and errors == 0]
    five = [f for f in stats["fivexx"] if f[0] != 503 or not f[2]]
    print("5xx answers: %d × 503 with Retry-After (busy), %d others; ERROR lines in the log: %d; OutOfMemoryError: %d" % (
        len(stats["fivexx"]) - len(five), len(five), errors, log.count("OutOfMemoryError")))
    for f in five[:10]:
        print("  %d %s" % (f[0], f[1]))
    if unexplained or len(five) > errors:
        failed.append("5xx answers the log does not explain: %s" % five[:10])
    if "OutOfMemoryError" in log:
        failed.append("OutOfMemoryError in the log")
    for f in failed:
        print("FAILED: " + f)
    sys.exit(1 if failed else 0)


main()
