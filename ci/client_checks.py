#!/usr/bin/python3
"""Client-level checks of a running pzvo server, with the clients astronomers use.

Usage: ci/client_checks.py BASE_URL REPORT_DIR

- every RESPONSEFORMAT: right Content-Type, read back by STILTS (or json/csv) with the same rows
  and column metadata;
- stilts votlint on each VOTable serialization;
- stilts tapquery (TOPCAT's TAP client) and pyvo sync queries, MAXREC overflow;
- bad requests answered with a DALI error VOTable and a 4xx status, never a 500;
- pyvo DataLink (DatalinkResults) on ivoa.obscore results.
Prints 'client checks: N passed, M failed' and exits non-zero on any failure.
"""
import csv
import io
import json
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET

BASE, REPORT = sys.argv[1].rstrip("/"), sys.argv[2]
TAP = BASE + "/tap"
results = []

# A query touching the awkward types: 64-bit ids, floats, doubles, float arrays (PDFs),
# booleans, timestamps and strings.
TYPED_QUERY = (
    "SELECT TOP 20 p.object_id, p.run_id, p.ra, p.dec, p.z_mode, p.pdf, r.algorithm, r.created "
    "FROM pz.photoz AS p JOIN pz.run AS r ON r.run_id = p.run_id ORDER BY p.object_id, p.run_id")
SIMPLE_QUERY = "SELECT TOP 100 objectId, coord_ra, coord_dec, r_cModelMag FROM lsst.object ORDER BY objectId"


def check(name, fn):
    try:
        fn()
        results.append((name, None))
        print(f"ok   {name}")
    except Exception as e:  # report every failure, keep going
        results.append((name, e))
        print(f"FAIL {name}: {e}")


def sync(params, method="GET"):
    data = urllib.parse.urlencode(params).encode()
    if method == "GET":
        req = urllib.request.Request(TAP + "/sync?" + data.decode())
    else:
        req = urllib.request.Request(TAP + "/sync", data=data)
    try:
        with urllib.request.urlopen(req, timeout=120) as r:
            return r.status, r.headers.get("Content-Type", ""), r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers.get("Content-Type", ""), e.read()


def stilts(*args):
    p = subprocess.run(["stilts", *args], capture_output=True, text=True, timeout=300)
    if p.returncode != 0:
        raise AssertionError(f"stilts {' '.join(args[:2])} failed: {p.stderr.strip()[-500:]}")
    return p.stdout


def save(name, body):
    path = f"{REPORT}/{name}"
    with open(path, "wb") as f:
        f.write(body)
    return path


def votable_status(body):
    root = ET.fromstring(body)
    for info in root.iter("{http://www.ivoa.net/xml/VOTable/v1.3}INFO"):
        if info.get("name") == "QUERY_STATUS":
            return info.get("value"), (info.text or "").strip()
    return None, None


FORMATS = [
    ("votable", "application/x-votable+xml", "votable"),
    ("votable/b2", "application/x-votable+xml", "votable"),
    ("votable/b", "application/x-votable+xml", "votable"),
    ("votable/td", "application/x-votable+xml", "votable"),
    ("application/x-votable+xml;serialization=tabledata", "application/x-votable+xml", "votable"),
    ("fits", "application/fits", "fits"),
    ("csv", "text/csv", "csv"),
    ("text/csv", "text/csv", "csv"),
    ("tsv", "text/tab-separated-values", None),
    ("json", "application/json", None),
    ("html", "text/html", None),
]


def format_check(fmt, mime, stil_fmt):
    def run():
        status, ctype, body = sync({"LANG": "ADQL", "QUERY": TYPED_QUERY, "RESPONSEFORMAT": fmt})
        assert status == 200, f"status {status}: {body[:300]!r}"
        assert ctype.startswith(mime), f"Content-Type {ctype}, expected {mime}"
        path = save("format-" + fmt.replace("/", "_").replace(";", "_") + ".out", body)
        if stil_fmt:
            out = stilts("tpipe", f"in={path}", f"ifmt={stil_fmt}", "omode=meta")
            assert "pdf" in out and "object_id" in out, "columns missing in " + out[:400]
            count = stilts("tpipe", f"in={path}", f"ifmt={stil_fmt}", "omode=count")
            assert "rows: 20" in count, count
            if stil_fmt == "votable":
                assert "deg" in out, "units missing"
                lint = subprocess.run(["stilts", "votlint", f"votable={path}"], capture_output=True, text=True)
                assert "ERROR" not in lint.stdout + lint.stderr, (lint.stdout + lint.stderr)[:800]
        elif fmt == "tsv":
            rows = list(csv.reader(io.StringIO(body.decode()), delimiter="\t"))
            assert len(rows) == 21 and rows[0][0] == "object_id", rows[:2]
        elif fmt == "json":
            doc = json.loads(body)
            assert len(doc["data"]) == 20 and doc["metadata"][0]["name"] == "object_id", str(doc)[:300]
        else:
            assert body.count(b"<tr") >= 21 or body.count(b"<TR") >= 21, "HTML rows missing"
    return run


def overflow():
    status, _, body = sync({"LANG": "ADQL", "QUERY": SIMPLE_QUERY, "MAXREC": "7"})
    assert status == 200
    path = save("overflow.vot", body)
    assert "rows: 7" in stilts("tpipe", f"in={path}", "omode=count")
    root = ET.fromstring(body)
    infos = [i.get("value") for i in root.iter("{http://www.ivoa.net/xml/VOTable/v1.3}INFO")
             if i.get("name") == "QUERY_STATUS"]
    assert infos == ["OK", "OVERFLOW"], infos


def post_query():
    status, _, body = sync({"LANG": "ADQL", "QUERY": SIMPLE_QUERY, "FORMAT": "votable"}, method="POST")
    assert status == 200 and votable_status(body)[0] == "OK"


def tapquery():
    out = stilts("tapquery", f"tapurl={TAP}", f"adql={SIMPLE_QUERY}", "sync=true", "omode=count")
    assert "rows: 100" in out, out


def pyvo_sync():
    import pyvo
    service = pyvo.dal.TAPService(TAP)
    result = service.search(SIMPLE_QUERY)
    assert len(result) == 100
    table = result.to_table()
    assert str(table["coord_ra"].unit) == "deg"
    tables = [t.name for t in service.tables]
    assert "lsst.object" in tables and "pz.photoz" in tables, tables


def tapquery_async():
    out = stilts("tapquery", f"tapurl={TAP}", f"adql={SIMPLE_QUERY}", "sync=false", "omode=count")
    assert "rows: 100" in out, out


def pyvo_async():
    import pyvo
    service = pyvo.dal.TAPService(TAP)
    result = service.run_async(SIMPLE_QUERY)
    assert len(result) == 100
    assert str(result.to_table()["coord_ra"].unit) == "deg"


def pyvo_error():
    import pyvo
    service = pyvo.dal.TAPService(TAP)
    try:
        service.search("SELECT nosuchcolumn FROM lsst.object")
    except pyvo.dal.DALQueryError as e:
        assert "nosuchcolumn" in str(e) and "line 1" in str(e), str(e)
        return
    raise AssertionError("no error for an unknown column")


def pyvo_datalink():
    """ObsCore rows found through TAP, their DataLink documents through the service descriptor of
    the TAP result (pyvo iter_datalinks) and through access_url, the #this file downloaded."""
    import pyvo
    service = pyvo.dal.TAPService(TAP)
    result = service.search("SELECT obs_publisher_did, access_url, dataproduct_subtype FROM ivoa.obscore "
                            "WHERE dataproduct_subtype = 'healpix-map' ORDER BY obs_publisher_did")
    assert len(result) == 9, len(result)
    links = list(result.iter_datalinks())
    assert len(links) == 9, len(links)
    for did, dl in zip(result["obs_publisher_did"], links):
        rows = list(dl)
        semantics = [r.semantics for r in rows]
        assert semantics.count("#this") == 1 and semantics.count("#coverage") == 3, semantics
        assert "#preview" in semantics and "#cutout" in semantics, semantics
        assert all(r["ID"] == did for r in rows), [r["ID"] for r in rows]
    this = [r for r in links[0] if r.semantics == "#this"][0]
    with urllib.request.urlopen(this.access_url, timeout=60) as f:
        body = f.read()
    assert body[:9] == b"SIMPLE  =" and len(body) == this.content_length, (body[:9], this.content_length)
    direct = pyvo.dal.adhoc.DatalinkResults.from_result_url(result["access_url"][0])
    assert len(direct) == len(links[0])
    cutout = direct.get_adhocservice_by_id([r for r in direct if r.semantics == "#cutout"][0].service_def)
    params = {p.name: p.value for p in cutout.params}
    assert str(params["accessURL"]).endswith("/datalink/cutout"), params
    bad = pyvo.dal.adhoc.DatalinkResults.from_result_url(
        BASE + "/datalink/links?ID=" + urllib.parse.quote("ivo://pzvo.example/pzvo?maps/nothing.fits"))
    assert bad[0].error_message.startswith("NotFoundFault:"), bad[0].error_message


BAD = [
    ({"LANG": "SQL", "QUERY": "SELECT 1"}, "LANG"),
    ({"LANG": "ADQL", "QUERY": "SELECT TOP 1 * FROM lsst.object", "MAXREC": "-3"}, "MAXREC"),
    ({"LANG": "ADQL", "QUERY": "SELECT TOP 1 * FROM lsst.object", "RESPONSEFORMAT": "image/gif"}, "RESPONSEFORMAT"),
    ({"LANG": "ADQL"}, "QUERY"),
    ({"LANG": "ADQL", "QUERY": "SELECT FROM lsst.object"}, "line 1"),
    ({"LANG": "ADQL", "QUERY": "SELECT * FROM lsst.nosuchtable"}, "nosuchtable"),
]


def bad_request(params, needle):
    def run():
        status, ctype, body = sync(params)
        assert 400 <= status < 500, f"status {status}"
        assert ctype.startswith("application/x-votable+xml"), ctype
        value, message = votable_status(body)
        assert value == "ERROR" and needle in message, f"{value}: {message}"
    return run


for fmt, mime, stil_fmt in FORMATS:
    check(f"RESPONSEFORMAT={fmt}", format_check(fmt, mime, stil_fmt))
check("MAXREC overflow flagged", overflow)
check("POST query", post_query)
check("stilts tapquery", tapquery)
check("stilts tapquery sync=false", tapquery_async)
check("pyvo sync query and tables", pyvo_sync)
check("pyvo run_async", pyvo_async)
check("pyvo error message with position", pyvo_error)
check("pyvo DataLink on ObsCore results", pyvo_datalink)
for params, needle in BAD:
    check(f"bad request {params}", bad_request(params, needle))

failed = [n for n, e in results if e is not None]
print(f"client checks: {len(results) - len(failed)} passed, {len(failed)} failed")
sys.exit(1 if failed else 0)
