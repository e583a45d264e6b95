// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The hostile-request suite of issue 9: well over a hundred distinct malformed, oversized,
 * injecting, traversing or unauthorised requests against every endpoint. Each must get an
 * answer in the protocol's error format — a 4xx DALI error VOTable; for SCS 1.03 a VOTable with an
 * INFO named Error (HTTP 200 by that standard); for /files a 4xx — never a 5xx, and no response may
 * carry a stack trace, an exception class or a server path.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileRequestTest {
    /** What must never appear in a response body. */
    static final Pattern LEAK = Pattern.compile("(?i)(\\bat (org|java|jdk|sun)\\.[\\w.$]+\\(|exception\\b|"
            + "/tmp/|/work/|/root/|/home/|pzvo-test-|\\.java:\\d|org\\.h2\\.|org\\.postgresql|jetty/\\d)");

    private TestServer server;
    private String jobPath;

    /** One hostile request: a name for messages and either an HTTP request or a raw request text. */
    record Hostile(String name, HttpRequest request, String raw) {}

    @BeforeAll
    void start() throws Exception {
        server = TestServer.start(Map.of("server.max-query-chars", "2000", "server.max-request-bytes", "300000",
                "upload.max-bytes", "100000", "upload.max-rows", "3000000"), 500);
        HttpResponse<byte[]> r = server.post("/tap/async", Map.of("LANG", "ADQL", "QUERY", "SELECT TOP 1 * FROM pz.run"),
                null);
        assertEquals(303, r.statusCode());
        jobPath = URI.create(r.headers().firstValue("Location").orElseThrow()).getPath();
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
    }

    private HttpRequest get(String pathAndQuery) {
        return server.request(pathAndQuery, null).GET().build();
    }

    private HttpRequest form(String path, String body) {
        return server.request(path, null).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private HttpRequest multipart(String path, String query, String partName, byte[] content, String upload) {
        String boundary = "----pzvoHostile";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"LANG\"\r\n\r\nADQL\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"QUERY\"\r\n\r\n" + query + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"UPLOAD\"\r\n\r\n" + upload + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + partName
                + "\"; filename=\"t.xml\"\r\nContent-Type: application/octet-stream\r\n\r\n";
        body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return server.request(path, null).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private String sync(String adql) {
        return "/tap/sync?LANG=ADQL&QUERY=" + enc(adql);
    }

    /** The hostile requests, at least 100 distinct ones. */
    List<Hostile> requests() {
        List<Hostile> list = new ArrayList<>();
        Map<String, String> gets = new LinkedHashMap<>();
        // DALI/TAP parameters
        gets.put("no parameters", "/tap/sync");
        gets.put("no LANG", "/tap/sync?QUERY=" + enc("SELECT 1 AS x"));
        gets.put("no QUERY", "/tap/sync?LANG=ADQL");
        gets.put("empty QUERY", "/tap/sync?LANG=ADQL&QUERY=");
        gets.put("blank QUERY", "/tap/sync?LANG=ADQL&QUERY=%20%20");
        gets.put("LANG=SQL", "/tap/sync?LANG=SQL&QUERY=" + enc("SELECT 1"));
        gets.put("LANG=PQL", "/tap/sync?LANG=PQL&QUERY=x");
        gets.put("two LANGs", "/tap/sync?LANG=ADQL&LANG=SQL&QUERY=" + enc("SELECT 1 AS x"));
        gets.put("two QUERYs", "/tap/sync?LANG=ADQL&QUERY=a&QUERY=b");
        gets.put("REQUEST=getCapabilities", "/tap/sync?REQUEST=getCapabilities&LANG=ADQL&QUERY=x");
        gets.put("VERSION=9", "/tap/sync?VERSION=9&LANG=ADQL&QUERY=" + enc("SELECT 1 AS x"));
        gets.put("RESPONSEFORMAT=exe", sync("SELECT 1 AS x") + "&RESPONSEFORMAT=application/x-msdownload");
        gets.put("RESPONSEFORMAT=../../etc/passwd", sync("SELECT 1 AS x") + "&RESPONSEFORMAT=" + enc("../../etc/passwd"));
        gets.put("MAXREC=-1", sync("SELECT 1 AS x") + "&MAXREC=-1");
        gets.put("MAXREC=abc", sync("SELECT 1 AS x") + "&MAXREC=abc");
        gets.put("MAXREC=1e99", sync("SELECT 1 AS x") + "&MAXREC=1e99");
        gets.put("MAXREC=99999999999999999999999", sync("SELECT 1 AS x") + "&MAXREC=99999999999999999999999");
        gets.put("MAXREC=0x10", sync("SELECT 1 AS x") + "&MAXREC=0x10");
        gets.put("query too long", sync("SELECT 1 AS x FROM pz.run WHERE " + "1 = 1 AND ".repeat(300) + "1 = 1"));
        gets.put("NUL in QUERY", sync("SELECT 'a\u0000b' AS x"));
        // ADQL syntax and semantics
        String[] adql = {
            "SELECT", "SELECT * FROM", "SELECT 1 AS x;", "SELECT 1 AS x; DROP TABLE pz.run", "DROP TABLE pz.run",
            "DELETE FROM pz.run", "INSERT INTO pz.run VALUES (1)", "UPDATE pz.run SET run_id = 0",
            "CREATE TABLE x (a INT)", "SELECT * FROM pz.run /* x */",
            "SELECT * FROM pz.nope", "SELECT nope FROM pz.run", "SELECT * FROM nope.run",
            "SELECT * FROM information_schema.tables", "SELECT * FROM INFORMATION_SCHEMA.USERS",
            "SELECT * FROM pg_catalog.pg_user", "SELECT * FROM pg_shadow", "SELECT pg_sleep(30) AS x",
            "SELECT CSVREAD('/etc/passwd') AS x", "SELECT FILE_READ('/etc/passwd') AS x",
            "SELECT LINK_SCHEMA('a','','jdbc:h2:mem:x','','','PUBLIC') AS x", "SELECT H2VERSION() AS x",
            "SELECT version() AS x", "SELECT current_user AS x", "SELECT * FROM spec.specz_private",
            "SELECT * FROM TAP_UPLOAD.nothing", "SELECT 'unterminated AS x", "SELECT \"unterminated FROM pz.run",
            "SELECT 1 AS x FROM pz.run WHERE " + "(".repeat(400) + "1=1" + ")".repeat(400),
            "SELECT TOP -1 * FROM pz.run", "SELECT TOP 1e9 * FROM pz.run", "SELECT * FROM pz.run ORDER BY 99",
            "SELECT CONTAINS(POINT('GALACTIC', 1, 2), CIRCLE(1, 2, 3)) AS x", "SELECT POINT(1) AS x",
            "SELECT CIRCLE(0, 100, -1) AS x", "SELECT POLYGON(0,0,1,1) AS x", "SELECT 1/0 AS x",
            "SELECT SQRT('a') AS x", "SELECT run_id FROM pz.run GROUP BY nope",
            "SELECT ivo_healpix_index(99, 0, 0) AS x", "SELECT * FROM pz.run AS a JOIN pz.run AS a ON 1=1",
            "SELECT $$x$$ AS x", "SELECT E'\\x41' AS x", "SELECT `x` FROM pz.run", "SELECT [x] FROM pz.run",
            "SELECT * FROM pz.run UNION SELECT * FROM lsst.object",
            "WITH x AS (SELECT * FROM pg_user) SELECT * FROM x",
            "SELECT * FROM (SELECT * FROM information_schema.columns) AS t",
        };
        for (int i = 0; i < adql.length; i++) {
            gets.put("ADQL " + i + ": " + adql[i], sync(adql[i]));
        }
        // Uploads by URL
        String[] urls = {"file:///etc/passwd", "http://127.0.0.1:" + 1 + "/x.xml", "http://localhost/x",
            "http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/x", "http://[::1]/x", "jar:file:/x!/y",
            "ftp://example.org/x", "gopher://x", "http://0x7f000001/x", "param:missing", "http://"};
        for (String u : urls) {
            gets.put("UPLOAD " + u, sync("SELECT * FROM TAP_UPLOAD.t") + "&UPLOAD=" + enc("t," + u));
        }
        gets.put("UPLOAD no comma", sync("SELECT 1 AS x") + "&UPLOAD=t");
        gets.put("UPLOAD bad table name", sync("SELECT 1 AS x") + "&UPLOAD=" + enc("a;b,http://example.org/x"));
        gets.put("UPLOAD empty", sync("SELECT 1 AS x") + "&UPLOAD=");
        // VOSI
        gets.put("tables: unknown table", "/tap/tables/pz.nope");
        gets.put("tables: restricted table", "/tap/tables/spec.specz_private");
        gets.put("tables: traversal", "/tap/tables/..%2F..%2Fetc%2Fpasswd");
        gets.put("tables: detail=all", "/tap/tables?detail=all");
        gets.put("tables: SQL in name", "/tap/tables/" + enc("pz.run' OR '1'='1"));
        // UWS
        gets.put("async: unknown job", "/tap/async/nosuchjob");
        gets.put("async: unknown job result", "/tap/async/nosuchjob/results/result");
        gets.put("async: traversal job id", "/tap/async/..%2F..%2Fetc");
        gets.put("async: unknown sub-resource", jobPath + "/nope");
        gets.put("async: unknown result", jobPath + "/results/nope");
        gets.put("async: result traversal", jobPath + "/results/..%2F..%2Fpzvo.mv.db");
        gets.put("async: bad PHASE filter", "/tap/async?PHASE=DANCING");
        gets.put("async: bad LAST", "/tap/async?LAST=-3");
        gets.put("async: bad AFTER", "/tap/async?AFTER=yesterday");
        gets.put("async: bad WAIT", jobPath + "?WAIT=forever");
        gets.put("async: deep path", jobPath + "/a/b/c/d");
        // Files (issue 7 endpoints)
        gets.put("files: unknown", "/files/maps/nope.fits");
        gets.put("files: traversal", "/files/..%2F..%2Fpzvo.mv.db");
        gets.put("files: double-encoded traversal", "/files/%252e%252e/%252e%252e/etc/passwd");
        gets.put("files: backslash traversal", "/files/..%5C..%5Ctokens");
        gets.put("files: tokens file", "/files/../tokens");
        gets.put("files: absolute", "/files/%2Fetc%2Fpasswd");
        gets.put("files: NUL", "/files/maps/a%00.fits");
        gets.put("files: restricted product", "/files/catalogs/spec.specz_private.moc.fits");
        gets.put("files: bare", "/files/");
        // DataLink
        gets.put("datalink: no ID", "/datalink/links");
        gets.put("datalink: bad RESPONSEFORMAT", "/datalink/links?ID=x&RESPONSEFORMAT=text/html");
        gets.put("preview: no ID", "/datalink/preview");
        gets.put("preview: unknown ID", "/datalink/preview?ID=" + enc("ivo://pzvo.example/pzvo?maps/nope.fits"));
        gets.put("preview: traversal ID", "/datalink/preview?ID=" + enc("ivo://pzvo.example/pzvo?../../etc/passwd"));
        gets.put("preview: restricted ID", "/datalink/preview?ID="
                + enc("ivo://pzvo.example/pzvo?catalogs/spec.specz_private.moc.fits"));
        gets.put("cutout: no shape", "/datalink/cutout?ID=" + enc("ivo://pzvo.example/pzvo?catalogs/spec.specz.moc.fits"));
        gets.put("cutout: bad CIRCLE", "/datalink/cutout?ID=" + enc("ivo://pzvo.example/pzvo?catalogs/spec.specz.moc.fits")
                + "&CIRCLE=" + enc("a b c"));
        gets.put("cutout: CIRCLE and POLYGON", "/datalink/cutout?ID=x&CIRCLE=1+2+3&POLYGON=1+2+3+4+5+6");
        gets.put("cutout: huge radius", "/datalink/cutout?ID=" + enc("ivo://pzvo.example/pzvo?catalogs/spec.specz.moc.fits")
                + "&CIRCLE=" + enc("10 10 1000"));
        // SIA
        gets.put("sia: bad POS", "/sia/query?POS=" + enc("CIRCLE x y z"));
        gets.put("sia: bad shape", "/sia/query?POS=" + enc("TRIANGLE 1 2 3"));
        gets.put("sia: bad BAND", "/sia/query?BAND=" + enc("red blue"));
        gets.put("sia: bad TIME", "/sia/query?TIME=yesterday");
        gets.put("sia: bad MAXREC", "/sia/query?MAXREC=-4");
        gets.put("sia: bad RESPONSEFORMAT", "/sia/query?RESPONSEFORMAT=evil");
        gets.put("sia: unknown resource", "/sia/nope");
        // SCS
        gets.put("scs: unknown table", "/scs/pz.nope?RA=1&DEC=2&SR=0.1");
        gets.put("scs: restricted table", "/scs/spec.specz_private?RA=1&DEC=2&SR=0.1");
        gets.put("scs: no RA", "/scs/lsst.object?DEC=2&SR=0.1");
        gets.put("scs: DEC beyond 90", "/scs/lsst.object?RA=1&DEC=95&SR=0.1");
        gets.put("scs: SR too large", "/scs/lsst.object?RA=1&DEC=2&SR=500");
        gets.put("scs: RA not a number", "/scs/lsst.object?RA=" + enc("1; DROP TABLE x")+ "&DEC=2&SR=0.1");
        gets.put("scs: bad VERB", "/scs/lsst.object?RA=1&DEC=2&SR=0.1&VERB=9");
        gets.put("scs: SQL in table", "/scs/" + enc("lsst.object;DROP") + "?RA=1&DEC=2&SR=0.1");
        gets.put("scs: information_schema", "/scs/information_schema.tables?RA=1&DEC=2&SR=0.1");
        // Other paths
        gets.put("unknown endpoint", "/nope");
        gets.put("unknown TAP resource", "/tap/nope");
        gets.put("traversal to data", "/..%2F..%2Fetc%2Fpasswd");
        gets.put("webapp traversal", "/%2e%2e/%2e%2e/etc/passwd");
        gets.put("dot-dot webapp", "/css/../../conf/pzvo.properties");
        gets.put("WEB-INF", "/WEB-INF/web.xml");
        for (Map.Entry<String, String> e : gets.entrySet()) {
            list.add(new Hostile("GET " + e.getKey(), get(e.getValue()), null));
        }
        // POSTs
        list.add(new Hostile("POST sync without parameters", form("/tap/sync", ""), null));
        list.add(new Hostile("POST sync garbage form", form("/tap/sync", "%%%&&&==="), null));
        list.add(new Hostile("POST sync body over the limit", form("/tap/sync", "LANG=ADQL&QUERY="
                + "x".repeat(400_000)), null));
        list.add(new Hostile("POST sync long query in body", form("/tap/sync", "LANG=ADQL&QUERY=" + enc("SELECT 1 AS x "
                + " ".repeat(3000))), null));
        list.add(new Hostile("POST sync JSON body", server.request("/tap/sync", null)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"QUERY\":1}"))
                .build(), null));
        list.add(new Hostile("POST sync broken multipart", server.request("/tap/sync", null)
                .header("Content-Type", "multipart/form-data; boundary=zz")
                .POST(HttpRequest.BodyPublishers.ofString("--zz\r\nbroken")).build(), null));
        byte[] laughs = billionLaughs().getBytes(StandardCharsets.UTF_8);
        list.add(new Hostile("upload billion laughs", multipart("/tap/sync", "SELECT * FROM TAP_UPLOAD.t", "f", laughs,
                "t,param:f"), null));
        byte[] xxe = ("<?xml version=\"1.0\"?><!DOCTYPE VOTABLE [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<VOTABLE><RESOURCE><TABLE><FIELD name=\"a\" datatype=\"char\" arraysize=\"*\"/><DATA><TABLEDATA>"
                + "<TR><TD>&x;</TD></TR></TABLEDATA></DATA></TABLE></RESOURCE></VOTABLE>").getBytes(StandardCharsets.UTF_8);
        list.add(new Hostile("upload XXE", multipart("/tap/sync", "SELECT * FROM TAP_UPLOAD.t", "f", xxe, "t,param:f"),
                null));
        list.add(new Hostile("upload not a table", multipart("/tap/sync", "SELECT * FROM TAP_UPLOAD.t", "f",
                new byte[] {0, 1, 2, 3, (byte) 0xff}, "t,param:f"), null));
        list.add(new Hostile("upload too large", multipart("/tap/sync", "SELECT * FROM TAP_UPLOAD.t", "f",
                ("a\n" + "1\n".repeat(60_000)).getBytes(StandardCharsets.UTF_8), "t,param:f"), null));
        list.add(new Hostile("upload part missing", multipart("/tap/sync", "SELECT * FROM TAP_UPLOAD.t", "g",
                "a\n1\n".getBytes(StandardCharsets.UTF_8), "t,param:f"), null));
        list.add(new Hostile("upload bad VOTable", multipart("/tap/sync", "SELECT * FROM TAP_UPLOAD.t", "f",
                "<VOTABLE><RESOURCE><TABLE>".getBytes(StandardCharsets.UTF_8), "t,param:f"), null));
        list.add(new Hostile("async: bad PHASE", form(jobPath + "/phase", "PHASE=EXPLODE"), null));
        list.add(new Hostile("async: bad executionduration", form(jobPath + "/executionduration",
                "EXECUTIONDURATION=soon"), null));
        list.add(new Hostile("async: negative executionduration", form(jobPath + "/executionduration",
                "EXECUTIONDURATION=-5"), null));
        list.add(new Hostile("async: bad destruction", form(jobPath + "/destruction", "DESTRUCTION=never"), null));
        list.add(new Hostile("async: bad ACTION", form(jobPath, "ACTION=EXPLODE"), null));
        list.add(new Hostile("async: POST to unknown job", form("/tap/async/nosuchjob/phase", "PHASE=RUN"), null));
        list.add(new Hostile("async: body over the limit", form("/tap/async", "LANG=ADQL&QUERY=" + "x".repeat(400_000)),
                null));
        list.add(new Hostile("async: broken multipart", server.request("/tap/async", null)
                .header("Content-Type", "multipart/form-data; boundary=zz")
                .POST(HttpRequest.BodyPublishers.ofString("--zz\r\nbroken")).build(), null));
        // Methods
        list.add(new Hostile("PUT sync", server.request("/tap/sync", null).PUT(HttpRequest.BodyPublishers.ofString("x"))
                .build(), null));
        list.add(new Hostile("DELETE sync", server.request("/tap/sync", null).DELETE().build(), null));
        list.add(new Hostile("POST capabilities", form("/tap/capabilities", "x=1"), null));
        list.add(new Hostile("PUT async job", server.request(jobPath, null).PUT(HttpRequest.BodyPublishers.ofString("x"))
                .build(), null));
        list.add(new Hostile("DELETE tables", server.request("/tap/tables", null).DELETE().build(), null));
        // Credentials
        for (String auth : new String[] {"Bearer x", "Bearer a.bbbbbbbbbbbbbbbbbbbbbbbb", "Basic YTpi", "Negotiate x",
            "Bearer " + "a".repeat(5000), "Bearer ' OR 1=1 --", "bearer"}) {
            list.add(new Hostile("Authorization " + auth.substring(0, Math.min(20, auth.length())),
                    server.request("/tap/sync?LANG=ADQL&QUERY=" + enc("SELECT 1 AS x"), null)
                            .header("Authorization", auth).GET().build(), null));
        }
        // Raw requests the Java client refuses to send
        list.add(new Hostile("raw: bad percent-encoding in the path", null, "GET /tap/%zz HTTP/1.1\r\nHost: x\r\n\r\n"));
        list.add(new Hostile("raw: bad percent-encoding in a value", null,
                "GET /tap/sync?LANG=ADQL&QUERY=%zz% HTTP/1.1\r\nHost: x\r\n\r\n"));
        list.add(new Hostile("raw: path traversal", null, "GET /../../etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n"));
        list.add(new Hostile("raw: encoded traversal", null, "GET /tap/..%2f..%2fetc/passwd HTTP/1.1\r\nHost: x\r\n\r\n"));
        list.add(new Hostile("raw: unknown method", null, "BREW /tap/sync HTTP/1.1\r\nHost: x\r\n\r\n"));
        list.add(new Hostile("raw: huge header", null, "GET /tap HTTP/1.1\r\nHost: x\r\nX-Big: "
                + "a".repeat(70_000) + "\r\n\r\n"));
        list.add(new Hostile("raw: huge URI", null, "GET /tap/sync?QUERY=" + "a".repeat(70_000)
                + " HTTP/1.1\r\nHost: x\r\n\r\n"));
        list.add(new Hostile("raw: NUL in path", null, "GET /tap/sync%00.xml HTTP/1.1\r\nHost: x\r\n\r\n"));
        list.add(new Hostile("raw: missing Host", null, "GET /tap/sync HTTP/1.1\r\n\r\n"));
        list.add(new Hostile("raw: bad Content-Length", null, "POST /tap/sync HTTP/1.1\r\nHost: x\r\n"
                + "Content-Length: -5\r\n\r\n"));
        list.add(new Hostile("raw: TRACE", null, "TRACE /tap HTTP/1.1\r\nHost: x\r\n\r\n"));
        return list;
    }

    private static String billionLaughs() {
        StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE VOTABLE [<!ENTITY l0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
        }
        return dtd + "]><VOTABLE><RESOURCE><TABLE><FIELD name=\"a\" datatype=\"char\" arraysize=\"*\"/><DATA>"
                + "<TABLEDATA><TR><TD>&l9;</TD></TR></TABLEDATA></DATA></TABLE></RESOURCE></VOTABLE>";
    }

    @Test
    void everyHostileRequestGetsA4xxDaliErrorAndLeaksNothing() throws Exception {
        List<Hostile> requests = requests();
        assertTrue(requests.size() >= 100, "only " + requests.size() + " requests");
        assertEquals(requests.size(), requests.stream().map(Hostile::name).distinct().count(), "names are distinct");
        List<String> failures = new ArrayList<>();
        for (Hostile h : requests) {
            int status;
            String contentType;
            String body;
            if (h.raw() != null) {
                String[] answer = raw(h.raw());
                status = Integer.parseInt(answer[0]);
                contentType = answer[1];
                body = answer[2];
            } else {
                HttpResponse<byte[]> r = server.send(h.request());
                status = r.statusCode();
                contentType = r.headers().firstValue("Content-Type").orElse("");
                body = TestServer.text(r);
            }
            String what = h.name() + " -> " + status + " " + contentType + ": "
                    + body.substring(0, Math.min(300, body.length()));
            String path = h.raw() != null ? "" : h.request().uri().getPath();
            boolean dali = contentType.startsWith("application/x-votable+xml")
                    && body.contains("<INFO name=\"QUERY_STATUS\" value=\"ERROR\">");
            if (path.startsWith("/scs/") && status == 200) {
                // SCS 1.03 §3.3: an error is a VOTable with an INFO named Error, with HTTP 200.
                if (!body.contains("<INFO name=\"Error\"")) {
                    failures.add("not an SCS error: " + what);
                }
            } else if (status < 400 || status >= 500) {
                failures.add("not 4xx: " + what);
            } else if (!dali && !path.startsWith("/files/")) {
                // /files is plain HTTP file serving: its errors are short text/plain messages.
                failures.add("not a DALI error: " + what);
            }
            var leak = LEAK.matcher(body);
            if (leak.find()) {
                failures.add("leak (" + leak.group() + "): " + what);
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " of " + requests.size() + ":\n" + String.join("\n", failures));
        // A quote in an SIA parameter stays a literal: an answer without rows, not an injection.
        HttpResponse<byte[]> sia = server.get("/sia/query?COLLECTION=" + enc("x' OR '1'='1") + "&RESPONSEFORMAT=tsv",
                null);
        assertEquals(200, sia.statusCode(), TestServer.text(sia));
        assertEquals(1, TestServer.text(sia).lines().count(), "header only: " + TestServer.text(sia));
        // And the service still answers.
        HttpResponse<byte[]> r = server.sync("SELECT COUNT(*) AS n FROM pz.run", null);
        assertEquals(200, r.statusCode());
        assertFalse(TestServer.firstColumn(r).isEmpty());
    }

    /** Sends raw bytes; returns status, Content-Type and body (headers and body as text). */
    private String[] raw(String request) throws Exception {
        URI uri = URI.create(server.base);
        try (Socket s = new Socket(uri.getHost(), uri.getPort())) {
            s.setSoTimeout(30_000);
            OutputStream out = s.getOutputStream();
            out.write(request.replace("Connection: close\r\n", "").replaceFirst("\r\n", "\r\nConnection: close\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            String head = end < 0 ? text : text.substring(0, end);
            String body = end < 0 ? "" : text.substring(end + 4);
            String status = head.length() >= 12 ? head.substring(9, 12) : "000";
            String type = head.lines().filter(l -> l.toLowerCase().startsWith("content-type:"))
                    .map(l -> l.substring(13).strip()).findFirst().orElse("");
            return new String[] {status, type, body};
        }
    }
}
