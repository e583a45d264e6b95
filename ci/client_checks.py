#!/usr/bin/python3
"""Client-level checks of a running pzvo server, with the clients astronomers use.

Usage: ci/client_checks.py BASE_URL REPORT_DIR [DEMO_TOKENS_FILE]

- every RESPONSEFORMAT: right Content-Type, read back by STILTS (or json/csv) with the same rows
  and column metadata;
- stilts votlint on each VOTable serialization;
- stilts tapquery (TOPCAT's TAP client) and pyvo sync queries, MAXREC overflow;
- bad requests answered with a DALI error VOTable and a 4xx status, never a 500;
- pyvo DataLink (DatalinkResults) on ivoa.obscore results;
- with the demo tokens: a user product (issue 11) uploaded, annotated and published through
  /products, queried with pyvo as its owner (bearer token), unknown to anonymous pyvo, and
  stilts taplint metadata stages (TMV TME TMS TMC) run as its owner through a loopback proxy that
  adds the token (taplint has no token option); the product is deleted at the end.
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
TOKENS = sys.argv[3] if len(sys.argv) > 3 else None
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
    maps = len(service.search("SELECT map_id FROM maps.map"))
    assert maps >= 9 and len(result) == maps, (len(result), maps)
    links = list(result.iter_datalinks())
    assert len(links) == maps, (len(links), maps)
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


def demo_token(user):
    with open(TOKENS) as f:
        return dict(line.split() for line in f if line.strip())[user]


def products_api(method, path, token, body=None, content_type=None):
    req = urllib.request.Request(BASE + path, data=body, method=method)
    req.add_header("Authorization", "Bearer " + token)
    if content_type:
        req.add_header("Content-Type", content_type)
    try:
        with urllib.request.urlopen(req, timeout=120) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


PRODUCT = "user_alice.ci_specz"


def user_product_publish():
    """Upload a spec-z CSV as alice, annotate z, publish: a queryable table user_alice.ci_specz."""
    token = demo_token("alice")
    rows = "\n".join(f"{i},{53.0 + i * 0.01:.5f},{-28.1 + i * 0.005:.5f},{0.1 + i * 0.02:.3f}" for i in range(50))
    csv_bytes = ("spec_id,ra,dec,zspec\n" + rows + "\n").encode()
    boundary = "pzvo-ci"
    body = b"".join([
        f"--{boundary}\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nci_specz\r\n".encode(),
        f"--{boundary}\r\nContent-Disposition: form-data; name=\"type\"\r\n\r\nspec-z catalog\r\n".encode(),
        f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"ci_specz.csv\"\r\n"
        "Content-Type: text/csv\r\n\r\n".encode(), csv_bytes, f"\r\n--{boundary}--\r\n".encode()])
    status, out = products_api("POST", "/products", token, body, "multipart/form-data; boundary=" + boundary)
    assert status == 201, (status, out[:300])
    patch = json.dumps({"columns": {"zspec": {"alias": "z", "description": "Spectroscopic redshift"}}}).encode()
    status, out = products_api("PATCH", "/products/" + PRODUCT, token, patch, "application/json")
    assert status == 200, (status, out[:300])
    status, out = products_api("POST", "/products/" + PRODUCT + "/publish", token)
    assert status == 200 and json.loads(out)["status"] == "published", (status, out[:300])


def user_product_pyvo():
    """pyvo with the owner's bearer token reads the product; anonymous pyvo does not know it."""
    import pyvo
    import requests
    session = requests.Session()
    session.headers["Authorization"] = "Bearer " + demo_token("alice")
    owner = pyvo.dal.TAPService(TAP, session=session)
    result = owner.search(f"SELECT COUNT(*) AS n, MAX(zspec) AS zmax FROM {PRODUCT} "
                          "WHERE CONTAINS(POINT('ICRS', ra, dec), CIRCLE('ICRS', 53.25, -27.975, 1)) = 1")
    assert int(result["n"][0]) == 50, result["n"][0]
    assert [c for c in owner.tables[PRODUCT].columns if c.name == "zspec"][0].ucd == "src.redshift"
    try:
        pyvo.dal.TAPService(TAP).search(f"SELECT COUNT(*) FROM {PRODUCT}")
    except pyvo.dal.DALQueryError as e:
        assert "unknown schema" in str(e), str(e)
        return
    raise AssertionError("anonymous pyvo could read a private user product")


def user_product_taplint():
    """taplint metadata stages as the product's owner, through a proxy adding the bearer token."""
    import http.server
    import threading
    token = demo_token("alice")

    class Proxy(http.server.BaseHTTPRequestHandler):
        def forward(self):
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else None
            req = urllib.request.Request(BASE + self.path, data=body, method=self.command)
            for k, v in self.headers.items():
                if k.lower() not in ("host", "authorization", "connection", "content-length"):
                    req.add_header(k, v)
            req.add_header("Authorization", "Bearer " + token)
            try:
                r = urllib.request.urlopen(req, timeout=120)
            except urllib.error.HTTPError as e:
                r = e
            data = r.read()
            self.send_response(r.status if hasattr(r, "status") else r.code)
            for k, v in r.headers.items():
                if k.lower() not in ("transfer-encoding", "connection", "content-length"):
                    self.send_header(k, v)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        do_GET = do_POST = forward

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Proxy)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        proxy = f"http://127.0.0.1:{server.server_address[1]}/tap"
        out = stilts("taplint", f"tapurl={proxy}", f"syncurl={proxy}/sync", f"tablesurl={proxy}/tables",
                     "stages=TMV TME TMS TMC", "report=EWF", "maxrepeat=20")
        save("taplint-user-products.txt", out.encode())
        assert "Totals" in out, out[-500:]
        errors = [l for l in out.splitlines() if l.startswith("E-")]
        assert not errors, errors[:10]
        # What taplint read through the proxy holds the product (TMV/TMC read this document).
        with urllib.request.urlopen(proxy + "/tables", timeout=60) as r:
            assert f"<name>{PRODUCT}</name>" in r.read().decode(), "the product is missing from /tap/tables"
    finally:
        server.shutdown()


def user_product_delete():
    status, out = products_api("DELETE", "/products/" + PRODUCT, demo_token("alice"))
    assert status == 204, (status, out[:300])


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
if TOKENS:
    check("user product published through /products", user_product_publish)
    check("pyvo on a user product (owner token, anonymous refused)", user_product_pyvo)
    check("taplint metadata stages with a user product (owner)", user_product_taplint)
    check("user product deleted", user_product_delete)
for params, needle in BAD:
    check(f"bad request {params}", bad_request(params, needle))

failed = [n for n, e in results if e is not None]
print(f"client checks: {len(results) - len(failed)} passed, {len(failed)} failed")
sys.exit(1 if failed else 0)
