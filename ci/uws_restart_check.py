#!/usr/bin/python3
"""Restart safety of async jobs (UWS issue): kill -9 the server with jobs completed, executing and
queued, start it again on the same data directory, and check that

- the completed job and its result are intact (byte-identical result),
- the executing job is ERROR with a message saying it was interrupted,
- the queued job is still queued and then runs to COMPLETED.

Usage: ci/uws_restart_check.py PZVO_HOME WORK_DIR
"""
import hashlib
import os
import re
import signal
import subprocess
import sys
import time
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET

HOME, WORK = sys.argv[1], sys.argv[2]
UWS = "{http://www.ivoa.net/xml/UWS/v1.0}"
ENV = dict(os.environ, PZVO_UWS_MAX_CONCURRENT="1", PZVO_UWS_MAX_CONCURRENT_PER_OWNER="1")
QUICK = "SELECT TOP 500 object_id, run_id, z_mode, pdf FROM pz.photoz ORDER BY object_id, run_id"
# Hours of work on purpose: it must still be running when the server is killed.
ENDLESS = ("SELECT COUNT(*) AS n FROM lsst.object AS a, lsst.object AS b, pz.photoz AS c "
           "WHERE a.coord_ra + b.coord_dec + c.z_mode > 1000")


def start():
    out = open(os.path.join(WORK, "server.out"), "w")
    err = open(os.path.join(WORK, "server.log"), "a")
    proc = subprocess.Popen(["java", "-Xmx512m", f"-Dpzvo.home={HOME}", "-jar", f"{HOME}/target/pzvo.jar", "demo",
                             "--port", "0", "--data", os.path.join(WORK, "data"), "--rows", "2000"],
                            stdout=out, stderr=err, env=ENV)
    for _ in range(600):
        text = open(os.path.join(WORK, "server.out")).read()
        m = re.search(r"^pzvo ready: (http\S+)/$", text, re.M)
        if m:
            return proc, m.group(1) + "/tap/async"
        if proc.poll() is not None:
            raise SystemExit("server stopped during start-up; see " + WORK)
        time.sleep(0.5)
    raise SystemExit("server did not become ready")


def submit(base, query):
    data = urllib.parse.urlencode({"LANG": "ADQL", "QUERY": query, "PHASE": "RUN"}).encode()
    with urllib.request.urlopen(urllib.request.Request(base, data=data)) as r:
        return r.url.rsplit("/", 1)[1]


def job(base, jid):
    with urllib.request.urlopen(f"{base}/{jid}") as r:
        return ET.fromstring(r.read())


def phase(base, jid):
    return job(base, jid).find(UWS + "phase").text


def wait_for(base, jid, wanted, seconds=120):
    deadline = time.time() + seconds
    while time.time() < deadline:
        p = phase(base, jid)
        if p in wanted:
            return p
        time.sleep(0.2)
    raise AssertionError(f"job {jid} still {phase(base, jid)} after {seconds} s")


def result_sha(base, jid):
    with urllib.request.urlopen(f"{base}/{jid}/results/result") as r:
        return hashlib.sha256(r.read()).hexdigest()


failures = []


def check(name, cond, detail=""):
    print(("ok   " if cond else "FAIL ") + name + ("" if cond else f": {detail}"))
    if not cond:
        failures.append(name)


proc, base = start()
done = submit(base, QUICK)
wait_for(base, done, {"COMPLETED"})
sha_before = result_sha(base, done)
running = submit(base, ENDLESS)
wait_for(base, running, {"EXECUTING"})
queued = submit(base, QUICK)
check("second job queued behind the running one", phase(base, queued) == "QUEUED", phase(base, queued))
proc.send_signal(signal.SIGKILL)
proc.wait()

proc, base = start()
try:
    check("completed job still COMPLETED", phase(base, done) == "COMPLETED", phase(base, done))
    check("its result is byte-identical", result_sha(base, done) == sha_before)
    doc = job(base, running)
    message = doc.find(f"{UWS}errorSummary/{UWS}message")
    check("executing job is ERROR", doc.find(UWS + "phase").text == "ERROR", doc.find(UWS + "phase").text)
    check("with a message saying it was interrupted",
          message is not None and "interrupted" in message.text, None if message is None else message.text)
    check("queued job runs after the restart", wait_for(base, queued, {"COMPLETED", "ERROR"}) == "COMPLETED")
finally:
    proc.terminate()
    proc.wait()
print(f"uws restart checks: {5 + 1 - len(failures)} passed, {len(failures)} failed")
sys.exit(1 if failures else 0)
