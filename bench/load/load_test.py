#!/usr/bin/python3
"""Load test (issue 9): N concurrent clients against a started pzvo server for D seconds, each
looping over a mix of synchronous queries (70 %) and asynchronous jobs (30 %: submit with
PHASE=RUN, poll with WAIT until the job ends, fetch the result), every client with its own bearer
token (so per-owner limits apply per client, as in production).

Pass criteria: zero 5xx answers, zero transport errors and zero lost jobs (every submitted job is
found again by its owner, COMPLETED, with its result). Prints throughput and p50/p99 latency.

Usage: load_test.py PZVO_HOME WORK_DIR [--clients 100] [--seconds 60] [--port 0] [--rows 20000]
The server is started on WORK_DIR/data (demo data), with tokens for the clients written first.
"""
import argparse
import base64
import hashlib
import os
import random
import re
import secrets
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET

UWS = "{http://www.ivoa.net/xml/UWS/v1.0}"
SYNC_QUERIES = [
    "SELECT TOP 20 object_id, run_id, z_mode, z_err FROM pz.photoz WHERE z_mode BETWEEN 0.5 AND 0.6",
    "SELECT COUNT(*) AS n FROM lsst.object",
    "SELECT TOP 50 objectId, coord_ra, coord_dec, i_cModelMag FROM lsst.object"
    " WHERE CONTAINS(POINT(coord_ra, coord_dec), CIRCLE(53.13, -28.10, 0.3)) = 1",
    "SELECT run_id, algorithm FROM pz.run",
    "SELECT TOP 10 table_name FROM TAP_SCHEMA.tables",
    "SELECT TOP 100 crd_id, z, survey FROM spec.specz ORDER BY z DESC",
]
ASYNC_QUERIES = [
    "SELECT TOP 2000 object_id, run_id, z_mode, z_lo68, z_hi68 FROM pz.photoz ORDER BY object_id, run_id",
    "SELECT survey, COUNT(*) AS n, AVG(z) AS mean_z FROM spec.specz GROUP BY survey",
    "SELECT TOP 500 t.crd_id, t.z, p.z_mode FROM spec.training_set AS t"
    " JOIN pz.photoz AS p ON p.object_id = t.object_id",
]


def b64(data):
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def issue_tokens(n, tokens_file):
    """Writes n tokens (PBKDF2 hashes, the server's format) and returns them in clear."""
    clear = []
    with open(tokens_file, "a") as f:
        for i in range(n):
            tid = "load" + str(i)
            secret = b64(secrets.token_bytes(32))
            salt = secrets.token_bytes(16)
            digest = hashlib.pbkdf2_hmac("sha256", secret.encode(), salt, 20000, 32)
            f.write(f"{tid} loaduser{i} - - pbkdf2-sha256:20000:{b64(salt)}:{b64(digest)}\n")
            clear.append(f"{tid}.{secret}")
    return clear


def start_server(home, work, port, rows):
    os.makedirs(os.path.join(work, "data"), exist_ok=True)
    out = open(os.path.join(work, "server.out"), "w")
    err = open(os.path.join(work, "server.log"), "w")
    proc = subprocess.Popen(["java", "-Xmx1g", f"-Dpzvo.home={home}", "-jar", f"{home}/target/pzvo.jar", "demo",
                             "--port", str(port), "--data", os.path.join(work, "data"), "--rows", str(rows)],
                            stdout=out, stderr=err, start_new_session=True)
    for _ in range(1200):
        m = re.search(r"^pzvo ready: (http\S+)/$", open(os.path.join(work, "server.out")).read(), re.M)
        if m:
            return proc, m.group(1)
        if proc.poll() is not None:
            raise SystemExit("server stopped during start-up; see " + work)
        time.sleep(0.5)
    raise SystemExit("server did not become ready")


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.latency = {}
        self.status = {}
        self.errors = []
        self.jobs = []

    def record(self, kind, seconds, status):
        with self.lock:
            self.latency.setdefault(kind, []).append(seconds)
            self.status[status] = self.status.get(status, 0) + 1


def call(stats, kind, url, token, data=None):
    req = urllib.request.Request(url, data=data, headers={"Authorization": "Bearer " + token})
    start = time.monotonic()
    try:
        with urllib.request.urlopen(req, timeout=120) as r:
            body = r.read()
            stats.record(kind, time.monotonic() - start, r.status)
            return r.status, r.url, body
    except urllib.error.HTTPError as e:
        body = e.read()
        stats.record(kind, time.monotonic() - start, e.code)
        if e.code >= 500:
            with stats.lock:
                stats.errors.append(f"{kind} {e.code}: {body[:300]!r}")
        return e.code, url, body
    except Exception as e:  # transport failure: counted, reported
        stats.record(kind, time.monotonic() - start, "transport")
        with stats.lock:
            stats.errors.append(f"{kind} transport error: {e}")
        return None, url, b""


def client(base, token, deadline, stats, seed):
    rnd = random.Random(seed)
    while time.monotonic() < deadline:
        if rnd.random() < 0.7:
            q = urllib.parse.urlencode({"LANG": "ADQL", "QUERY": rnd.choice(SYNC_QUERIES), "RESPONSEFORMAT": "csv"})
            call(stats, "sync", f"{base}/tap/sync?{q}", token)
            continue
        data = urllib.parse.urlencode({"LANG": "ADQL", "QUERY": rnd.choice(ASYNC_QUERIES), "PHASE": "RUN"}).encode()
        status, url, _ = call(stats, "async-submit", f"{base}/tap/async", token, data)
        if status != 200:  # urllib follows the 303 to the job document
            continue
        with stats.lock:
            stats.jobs.append((token, url))
        while time.monotonic() < deadline + 60:
            status, _, body = call(stats, "async-poll", url + "?WAIT=5", token)
            if status != 200:
                break
            phase = ET.fromstring(body).find(UWS + "phase").text
            if phase not in ("QUEUED", "EXECUTING", "PENDING"):
                if phase == "COMPLETED":
                    call(stats, "async-result", url + "/results/result", token)
                break


def percentile(values, p):
    s = sorted(values)
    return s[min(len(s) - 1, int(round(p / 100 * (len(s) - 1))))] if s else float("nan")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("home")
    ap.add_argument("work")
    ap.add_argument("--clients", type=int, default=100)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--port", type=int, default=0)
    ap.add_argument("--rows", type=int, default=20000)
    a = ap.parse_args()
    os.makedirs(os.path.join(a.work, "data"), exist_ok=True)
    tokens = issue_tokens(a.clients, os.path.join(a.work, "data", "tokens"))
    proc, base = start_server(a.home, a.work, a.port, a.rows)
    stats = Stats()
    try:
        start = time.monotonic()
        deadline = start + a.seconds
        threads = [threading.Thread(target=client, args=(base, tokens[i], deadline, stats, i)) for i in range(a.clients)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        elapsed = time.monotonic() - start
        lost = []
        for token, url in stats.jobs:
            status, _, body = call(Stats(), "check", url + "?WAIT=30", token)
            phase = ET.fromstring(body).find(UWS + "phase").text if status == 200 else f"HTTP {status}"
            if phase != "COMPLETED":
                lost.append(f"{url}: {phase}")
            elif call(Stats(), "check", url + "/results/result", token)[0] != 200:
                lost.append(f"{url}: result missing")
    finally:
        os.killpg(proc.pid, 15)
        proc.wait()
    total = sum(len(v) for v in stats.latency.values())
    fives = sum(n for s, n in stats.status.items() if isinstance(s, int) and s >= 500)
    print(f"load: {a.clients} clients, {elapsed:.1f} s, {total} requests, {total / elapsed:.1f} requests/s")
    for kind, values in sorted(stats.latency.items()):
        print(f"  {kind:13} n={len(values):6d}  {len(values) / elapsed:7.1f}/s  p50 {1000 * percentile(values, 50):8.1f} ms"
              f"  p99 {1000 * percentile(values, 99):8.1f} ms")
    print(f"  statuses: {dict(sorted(stats.status.items(), key=str))}")
    print(f"  async jobs submitted: {len(stats.jobs)}, lost or not completed: {len(lost)}")
    for e in stats.errors[:20] + lost[:20]:
        print("  " + e)
    ok = fives == 0 and not stats.errors and not lost and stats.jobs
    print("load: " + ("PASS" if ok else "FAIL") + f" ({fives} 5xx, {len(stats.errors)} errors, {len(lost)} lost jobs)")
    sys.exit(0 if ok else 1)


main()
