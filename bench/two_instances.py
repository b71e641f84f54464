#!/usr/bin/python3
"""Issue 23: two instances behind HAProxy (deploy/haproxy.cfg) answer as one. Standard library only.

  two_instances.py BALANCER APP1_URL APP1_PID

Checks that an htmx edit and its pushed URL, a permutation test's steps and worksheet keys give the same answer whichever instance serves them (the balancer alternates, and says
which served in X-Served-By), and that stopping one instance (SIGTERM) in the middle of a load loses
no request. Exits 1 when a check fails.
"""
import html.parser
import http.client
import json
import os
import signal
import sys
import threading
import time
import urllib.parse

BALANCER, APP1, APP1_PID = sys.argv[1], sys.argv[2], int(sys.argv[3])
failed = []


def send(base, method, path, body=None, headers=None):
    u = urllib.parse.urlparse(base)
    c = http.client.HTTPConnection(u.hostname, u.port, timeout=60)
    try:
        c.request(method, path, body=body, headers=headers or {})
        r = c.getresponse()
        return r.status, dict((k.lower(), v) for k, v in r.getheaders()), r.read().decode("utf-8")
    finally:
        c.close()


def check(ok, what):
    print(("ok      " if ok else "FAILED  ") + what)
    if not ok:
        failed.append(what)


FORM = {"Content-Type": "application/x-www-form-urlencoded", "HX-Request": "true"}
EDIT = "x=Weather&y=Forecast&xl=Rain&xl=Sun&yl=Forecast+rain&yl=Forecast+sun&c=0.30&c=0.10&c=0.12&c=0.48&kind=probabilities&base=2"

# 1. An htmx edit and its pushed URL, from each instance.
answers = [send(BALANCER, "POST", "/mi", EDIT, FORM) for _ in range(4)]
servers = [a[1].get("x-served-by") for a in answers]
check(set(servers) == {"app1", "app2"}, "the balancer alternates between the instances: %s" % servers)
check(all(a[0] == 200 for a in answers), "every edit answered 200")
check(len({a[2] for a in answers}) == 1, "the same fragment from both instances (%d bytes)" % len(answers[0][2]))
check(len({a[1].get("hx-push-url") for a in answers}) == 1 and answers[0][1].get("hx-push-url", "").startswith("/mi?"),
      "the same pushed URL: %s" % answers[0][1].get("hx-push-url"))


# 2. A permutation test in steps, each step to whichever instance is next.
class StepForm(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.fields, self.inside, self.found, self.p = [], False, False, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and "perm-steps" in (a.get("class") or "") and not self.found:
            self.inside, self.found = True, True
        elif tag == "input" and self.inside and a.get("name") and a.get("type") != "submit":
            self.fields.append((a["name"], a.get("value", "")))

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False


# 1960 rows and 10^5 shuffles: about ten steps of the page's size, and still within what the API does in one go.
text = "x,y\n" + ("a,u\n" * 5 + "a,v\n" * 5 + "b,u\n" * 5 + "b,v\n" * 5) * 97 + "a,u\nb,v\n" * 10
start = urllib.parse.urlencode({"text": text, "permutations": "100000", "seed": "7"})
status, headers, body = send(BALANCER, "POST", "/data", start, FORM)
steps, served = 0, set()
while True:
    form = StepForm()
    form.feed(body)
    if not form.found:
        break
    status, headers, body = send(BALANCER, "POST", "/data/permutations", urllib.parse.urlencode(form.fields), FORM)
    served.add(headers.get("x-served-by"))
    steps += 1
    if status != 200 or steps > 500:
        break
import re
m = re.search(r"(\d+) of (\d+)\s+shuffles gave at least", body)
status, _, api = send(APP1, "POST", "/api/samples?permutations=100000&seed=7", text, {"Content-Type": "text/csv"})
p_api = json.loads(api).get("permutationPValue")
check(steps > 1 and served == {"app1", "app2"}, "the test ran in %d steps on both instances: %s" % (steps, sorted(map(str, served))))
at_least = round(p_api * 100001 - 1) if p_api is not None else None
check(m is not None and int(m.group(1)) == at_least, "its count is the one instance's API gives in one go: %s of 100000 in steps, %s in one go (p = %s)" % (
    m.group(1) if m else None, at_least, p_api))

# 3. A student's worksheet key, and the keys of a class as CSV, the same from both instances.
SHEET = "/practice/sheet?kinds=mutual-information,softmax-weights&n=2&level=easy&seed=2026"
keys = [send(BALANCER, "GET", SHEET + "&student=ada%40example.edu&key=1") for _ in range(2)]
check(all(k[0] == 200 for k in keys) and keys[0][2] == keys[1][2] and {k[1].get("x-served-by") for k in keys} == {"app1", "app2"},
      "a student's worksheet key is the same from both instances (%s, %d bytes)" % ([k[0] for k in keys], len(keys[0][2])))
csvs = [send(BALANCER, "POST", SHEET.replace("/sheet?", "/sheet/keys?"), "ada@example.edu\nbob@example.edu\n",
             {"Content-Type": "text/plain"}) for _ in range(2)]
check(all(c[0] == 200 for c in csvs) and csvs[0][2] == csvs[1][2] and csvs[0][2].count("\n") == 9
      and {c[1].get("x-served-by") for c in csvs} == {"app1", "app2"},
      "the class's keys as CSV are the same from both instances (%d lines)" % csvs[0][2].count("\n"))

# 4. One instance stopped (SIGTERM) in the middle of a load: no request is lost.
results, lock, stop = {"ok": 0, "bad": []}, threading.Lock(), threading.Event()
REQUESTS = [("GET", "/mi", None, {}), ("POST", "/mi", EDIT, FORM),
            ("POST", "/api/mi", json.dumps({"p": [[0.36, 0.04], [0.12, 0.48]]}), {"Content-Type": "application/json"}),
            ("GET", "/attention", None, {})]


def client(k):
    i = k
    while not stop.is_set():
        method, path, body, headers = REQUESTS[i % len(REQUESTS)]
        i += 1
        try:
            status, _, _ = send(BALANCER, method, path, body, headers)
            with lock:
                if status == 200:
                    results["ok"] += 1
                else:
                    results["bad"].append("%s %s -> %d" % (method, path, status))
        except (OSError, http.client.HTTPException) as e:
            with lock:
                results["bad"].append("%s %s -> %r" % (method, path, e))


threads = [threading.Thread(target=client, args=(k,)) for k in range(8)]
for t in threads:
    t.start()
time.sleep(2)
os.kill(APP1_PID, signal.SIGTERM)
stopped_at = time.time()
while time.time() - stopped_at < 30:
    try:
        os.kill(APP1_PID, 0)
        time.sleep(0.1)
    except OSError:
        break
gone = time.time() - stopped_at
time.sleep(2)
stop.set()
for t in threads:
    t.join()
check(not results["bad"], "stopping app1 mid-load (it exited after %.1f s): %d requests answered 200, %d not: %s" % (
    gone, results["ok"], len(results["bad"]), results["bad"][:5]))
sys.exit(1 if failed else 0)
