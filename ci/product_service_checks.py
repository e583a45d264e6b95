#!/usr/bin/python3
"""Client-level checks of the cone search, SIA 2.0 and DataLink services of a running pzvo server.

Usage: ci/product_service_checks.py BASE_URL REPORT_DIR

- Simple Cone Search 1.03: stilts cone (TOPCAT's cone client) and pyvo SCSService on
  /scs/lsst.object, the SCS error document, SR=0, capabilities (cs:ConeSearch, testQuery);
- SIA 2.0: pyvo's SIA 2 client (pyvo.dal.sia2.SIAService(base + "/sia")).search(pos=...), band/time/collection constraints,
  pyvo seeing a DALI error;
- stilts votlint on SCS, SIA, error and cutout VOTables;
- /datalink/preview (a PNG) and /datalink/cutout (a partial HEALPix FITS map astropy reads,
  catalog rows inside the circle), and their errors.
STILTS has no cone-search validator, so the SCS 1.03 rules are checked here.
Prints 'product service checks: N passed, M failed' and exits non-zero on any failure.
"""
import io
import math
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET

BASE, REPORT = sys.argv[1].rstrip("/"), sys.argv[2]
SCS = BASE + "/scs/lsst.object"
RA, DEC = 53.13, -28.10  # a demo field (ECDFS)
VOT = "{http://www.ivoa.net/xml/VOTable/v1.3}"
results = []


def check(name, fn):
    try:
        fn()
        results.append((name, None))
        print(f"ok   {name}")
    except Exception as e:  # report every failure, keep going
        results.append((name, e))
        print(f"FAIL {name}: {e}")


def get(url, params=None):
    if params:
        url += "?" + urllib.parse.urlencode(params)
    try:
        with urllib.request.urlopen(url, timeout=120) as r:
            return r.status, r.headers.get("Content-Type", ""), r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers.get("Content-Type", ""), e.read()


def save(name, body):
    path = f"{REPORT}/{name}"
    with open(path, "wb") as f:
        f.write(body)
    return path


def votlint(name, body):
    path = save(name, body)
    p = subprocess.run(["stilts", "votlint", f"votable={path}"], capture_output=True, text=True, timeout=120)
    out = (p.stdout + p.stderr).strip()
    assert p.returncode == 0 and "ERROR" not in out and "WARNING" not in out, f"votlint {name}: {out[:800]}"


def stilts(*args):
    p = subprocess.run(["stilts", *args], capture_output=True, text=True, timeout=300)
    if p.returncode != 0:
        raise AssertionError(f"stilts {' '.join(args[:2])} failed: {p.stderr.strip()[-500:]}")
    return p.stdout


def distance(ra1, dec1, ra2, dec2):
    r = math.radians
    c = (math.sin(r(dec1)) * math.sin(r(dec2))
         + math.cos(r(dec1)) * math.cos(r(dec2)) * math.cos(r(ra1 - ra2)))
    return math.degrees(math.acos(max(-1.0, min(1.0, c))))


def stilts_cone():
    out = stilts("cone", f"serviceurl={SCS}", f"lon={RA}", f"lat={DEC}", "radius=0.2", "verb=3", "ofmt=csv")
    lines = out.strip().splitlines()
    assert len(lines) > 5, f"stilts cone found {len(lines) - 1} rows"
    header = lines[0].split(",")
    ira, idec = header.index("coord_ra"), header.index("coord_dec")
    for line in lines[1:]:
        cells = line.split(",")
        assert distance(RA, DEC, float(cells[ira]), float(cells[idec])) <= 0.2, line[:100]


def scs_votable():
    status, ctype, body = get(SCS, {"RA": RA, "DEC": DEC, "SR": 0.1})
    assert status == 200 and ctype.startswith("application/x-votable+xml"), (status, ctype)
    votlint("scs.vot", body)
    ucds = [f.get("ucd") for f in ET.fromstring(body).iter(VOT + "FIELD")]
    for ucd in ("ID_MAIN", "POS_EQ_RA_MAIN", "POS_EQ_DEC_MAIN"):
        assert ucds.count(ucd) == 1, f"{ucd} appears {ucds.count(ucd)} times in {ucds}"
    status, _, empty = get(SCS, {"RA": RA, "DEC": DEC, "SR": 0})
    votlint("scs-sr0.vot", empty)
    root = ET.fromstring(empty)
    assert len(list(root.iter(VOT + "FIELD"))) > 3 and not list(root.iter(VOT + "TR")), "SR=0 is not metadata only"


def scs_error():
    status, _, body = get(SCS, {"RA": RA, "DEC": 123, "SR": 0.1})
    assert status == 200, f"status {status} (SCS 1.03 errors are normal responses)"
    votlint("scs-error.vot", body)
    errors = [i for i in ET.fromstring(body).findall(VOT + "INFO") if i.get("name") == "Error"]
    assert len(errors) == 1 and "DEC" in errors[0].get("value"), body[:400]


def pyvo_scs():
    import pyvo
    service = pyvo.dal.SCSService(SCS)
    rows = service.search(pos=(RA, DEC), radius=0.1)
    assert len(rows) > 0, "no rows"
    assert rows.fieldname_with_ucd("ID_MAIN") == "objectId"
    for row in rows:
        assert distance(RA, DEC, row.pos.ra.deg, row.pos.dec.deg) <= 0.1, row.pos
    try:
        service.search(pos=(RA, DEC), radius=45)
        raise AssertionError("a radius above maxSR was accepted")
    except pyvo.dal.DALQueryError as e:
        assert "maxSR" in str(e), str(e)


def scs_capabilities():
    status, _, body = get(SCS + "/capabilities")
    assert status == 200
    root = ET.fromstring(body)
    caps = [c for c in root.iter("capability") if c.get("standardID") == "ivo://ivoa.net/std/ConeSearch"]
    assert len(caps) == 1, body[:300]
    ra, dec, sr = (float(caps[0].find(f"testQuery/{k}").text) for k in ("ra", "dec", "sr"))
    assert float(caps[0].find("maxSR").text) > 0 and caps[0].find("verbosity").text == "true"
    _, _, test = get(SCS, {"RA": ra, "DEC": dec, "SR": sr})
    assert list(ET.fromstring(test).iter(VOT + "TR")), "the testQuery returns no row"
    status, _, avail = get(SCS + "/availability")
    assert status == 200 and b"<avail:available>true</avail:available>" in avail


def pyvo_sia():
    import pyvo
    from pyvo.dal.sia2 import SIAService  # the SIA 2.0 client (pyvo.dal.SIAService speaks SIA 1)
    service = SIAService(BASE + "/sia")
    rows = service.search(pos=(RA, DEC, 0.5))
    assert len(rows) > 10, f"{len(rows)} rows"
    types = {r["dataproduct_subtype"] for r in rows}
    assert "healpix-map" in types, types
    ib = service.search(pos=(RA, DEC, 0.5), band=(7.5e-7, 7.6e-7), calib_level=3, data_type="image")
    assert 0 < len(ib) < len(rows), (len(ib), len(rows))
    for r in ib:
        assert r["em_min"] <= 7.6e-7 and r["em_max"] >= 7.5e-7, (r["em_min"], r["em_max"])
    assert len(service.search(pos=(200.0, 60.0, 0.2))) == 0
    try:
        # pyvo checks its own keywords; a raw parameter reaches the service's DALI error.
        service.search(pos=(RA, DEC, 0.5), CALIB="x")
        raise AssertionError("CALIB=x was accepted")
    except pyvo.dal.DALQueryError as e:
        assert "CALIB=x" in str(e), str(e)


def sia_votable():
    status, ctype, body = get(BASE + "/sia/query", {"POS": f"CIRCLE {RA} {DEC} 0.5", "MAXREC": 5})
    assert status == 200 and ctype.startswith("application/x-votable+xml"), (status, ctype)
    votlint("sia.vot", body)
    status, ctype, err = get(BASE + "/sia/query", {"BAND": "2 1"})
    assert status == 400 and ctype.startswith("application/x-votable+xml"), (status, ctype)
    votlint("sia-error.vot", err)


def product(subtype):
    _, _, body = get(BASE + "/sia/query", {"POS": f"CIRCLE {RA} {DEC} 0.5", "MAXREC": 1000,
                                           "RESPONSEFORMAT": "votable/td"})
    from astropy.io.votable import parse_single_table
    table = parse_single_table(io.BytesIO(body)).to_table()
    for row in table:
        if row["dataproduct_subtype"] == subtype and str(row["obs_publisher_did"]).endswith(".fits"):
            return str(row["obs_publisher_did"])
    raise AssertionError(f"no {subtype} product near the field")


def preview():
    for subtype in ("healpix-map", "catalog-moc"):
        status, ctype, body = get(BASE + "/datalink/preview", {"ID": product(subtype)})
        assert status == 200 and ctype == "image/png", (status, ctype, body[:200])
        assert body[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
        save(f"preview-{subtype}.png", body)
    status, ctype, body = get(BASE + "/datalink/preview", {"ID": "ivo://nowhere/none"})
    assert status == 404 and ctype.startswith("application/x-votable+xml"), (status, ctype)


def cutout():
    from astropy.io import fits
    status, ctype, body = get(BASE + "/datalink/cutout", {"ID": product("healpix-map"),
                                                          "CIRCLE": f"{RA} {DEC} 0.3"})
    assert status == 200 and ctype == "application/fits", (status, ctype, body[:200])
    with fits.open(io.BytesIO(body)) as hdus:
        h = hdus[1].header
        assert h["PIXTYPE"] == "HEALPIX" and h["ORDERING"] == "NESTED" and h["INDXSCHM"] == "EXPLICIT", repr(h)
        assert 50 < len(hdus[1].data) < 1000, len(hdus[1].data)
    status, ctype, rows = get(BASE + "/datalink/cutout", {"ID": product("catalog-moc"), "CIRCLE": f"{RA} {DEC} 0.1"})
    assert status == 200 and ctype.startswith("application/x-votable+xml"), (status, ctype, rows[:200])
    votlint("cutout.vot", rows)
    status, _, err = get(BASE + "/datalink/cutout", {"ID": product("healpix-map")})
    assert status == 400, status
    votlint("cutout-error.vot", err)


check("stilts cone on /scs/lsst.object", stilts_cone)
check("SCS VOTable: votlint, SCS 1.03 UCDs, SR=0", scs_votable)
check("SCS error document (INFO name=Error)", scs_error)
check("pyvo SCSService", pyvo_scs)
check("SCS capabilities testQuery and availability", scs_capabilities)
check("pyvo SIA 2 service search", pyvo_sia)
check("SIA VOTable and DALI error: votlint", sia_votable)
check("DataLink preview PNGs", preview)
check("DataLink cutouts (map FITS, catalog VOTable)", cutout)

failed = [n for n, e in results if e is not None]
print(f"product service checks: {len(results) - len(failed)} passed, {len(failed)} failed")
sys.exit(1 if failed else 0)
