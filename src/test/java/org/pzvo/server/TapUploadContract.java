// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import uk.ac.starlink.table.ColumnInfo;
import uk.ac.starlink.table.RowListStarTable;
import uk.ac.starlink.table.RowSequence;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.StarTableFactory;
import uk.ac.starlink.util.ByteArrayDataSource;
import uk.ac.starlink.votable.DataFormat;
import uk.ac.starlink.votable.VOTableWriter;

/**
 * TAP_UPLOAD (TAP 1.1 §2.5.2) over real HTTP against a real database with the demo data: inline
 * multipart uploads in sync and async, URL uploads from a loopback server (allowed here by
 * configuration), positional cross-matches with known answers, and refused uploads. After every
 * test the TAP_UPLOAD schema must hold no table.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TapUploadContract {
    static final int MAX_ROWS = 100;

    private Path dataDir;
    private ServerConfig cfg;
    private Launch.Running running;
    private HttpClient http;
    private String base;
    private HttpServer files;
    private final Map<String, byte[]> served = new LinkedHashMap<>();
    /** objectId, coord_ra, coord_dec of 20 demo objects. */
    private final List<Object[]> objects = new ArrayList<>();

    abstract Map<String, String> engineOverrides() throws Exception;

    void afterServerStopped() throws Exception {
    }

    @BeforeAll
    void start() throws Exception {
        dataDir = Files.createTempDirectory("pzvo-upload-test");
        Map<String, String> overrides = new LinkedHashMap<>(engineOverrides());
        overrides.put("server.port", "0");
        overrides.put("server.host", "127.0.0.1");
        overrides.put("data.dir", dataDir.toString());
        overrides.put("upload.max-rows", Integer.toString(MAX_ROWS));
        overrides.put("upload.url.allow-private", "true");
        overrides.put("upload.url.timeout-seconds", "5");
        Path home = Path.of("").toAbsolutePath();
        cfg = ServerConfig.load(home, home.resolve("conf/pzvo.properties"), Map.of(), overrides);
        running = Launch.start(cfg, home, 2000);
        http = HttpClient.newHttpClient();
        base = "http://127.0.0.1:" + running.server().port();
        files = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        files.createContext("/", exchange -> {
            byte[] body = served.get(exchange.getRequestURI().getPath());
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        files.start();
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(base + "/tap/sync?LANG=ADQL&QUERY="
                + java.net.URLEncoder.encode("SELECT TOP 20 objectId, coord_ra, coord_dec FROM lsst.object "
                + "ORDER BY objectId", StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        try (RowSequence rows = read(r.body()).getRowSequence()) {
            while (rows.next()) {
                objects.add(rows.getRow().clone());
            }
        }
        assertEquals(20, objects.size());
    }

    @AfterAll
    void stop() throws Exception {
        try {
            files.stop(0);
            running.close();
        } finally {
            afterServerStopped();
            try (Stream<Path> all = Files.walk(dataDir)) {
                all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @AfterEach
    void nothingLeftInTapUpload() throws Exception {
        try (Connection c = DriverManager.getConnection(cfg.db().url(), cfg.db().user(), cfg.db().password());
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES "
                     + "WHERE TABLE_SCHEMA = 'TAP_UPLOAD'")) {
            rs.next();
            assertEquals(0, rs.getInt(1), "tables left in TAP_UPLOAD");
        }
    }

    /** A spec-z table: for each demo object a source 0.3″ away (id = 1000 + i) and one 5″ away (id = 2000 + i). */
    byte[] speczVotable(DataFormat format) throws IOException {
        ColumnInfo id = new ColumnInfo("spec_id", Long.class, "spectrum id");
        ColumnInfo ra = new ColumnInfo("ra", Double.class, "right ascension");
        ra.setUCD("pos.eq.ra;meta.main");
        ra.setUnitString("deg");
        ColumnInfo dec = new ColumnInfo("dec", Double.class, "declination");
        dec.setUCD("pos.eq.dec;meta.main");
        dec.setUnitString("deg");
        ColumnInfo z = new ColumnInfo("z_spec", Float.class, "spectroscopic redshift");
        RowListStarTable t = new RowListStarTable(new ColumnInfo[] {id, ra, dec, z});
        for (int i = 0; i < objects.size(); i++) {
            double raDeg = ((Number) objects.get(i)[1]).doubleValue();
            double decDeg = ((Number) objects.get(i)[2]).doubleValue();
            t.addRow(new Object[] {1000L + i, raDeg, decDeg + 0.3 / 3600, 0.1f * i});
            t.addRow(new Object[] {2000L + i, raDeg, decDeg - 5.0 / 3600, 0.2f});
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new VOTableWriter(format, true).writeStarTable(t, out);
        return out.toByteArray();
    }

    Set<String> expectedPairs() {
        Set<String> pairs = new TreeSet<>();
        for (int i = 0; i < objects.size(); i++) {
            pairs.add((1000L + i) + "-" + objects.get(i)[0]);
        }
        return pairs;
    }

    static final String XMATCH = "SELECT u.spec_id, o.objectId FROM lsst.object AS o JOIN TAP_UPLOAD.specz AS u "
            + "ON CONTAINS(POINT('ICRS', o.coord_ra, o.coord_dec), CIRCLE('ICRS', u.ra, u.dec, 1.0/3600)) = 1";

    @Test
    void syncVotableUploadCrossMatchesExactlyTheExpectedPairs() throws Exception {
        for (DataFormat format : new DataFormat[] {DataFormat.TABLEDATA, DataFormat.BINARY2}) {
            HttpResponse<byte[]> r = multipart("/tap/sync", Map.of("LANG", "ADQL", "QUERY", XMATCH,
                    "UPLOAD", "specz,param:t1"), Map.of("t1", speczVotable(format)));
            assertEquals(200, r.statusCode(), text(r));
            assertEquals(expectedPairs(), pairs(read(r.body())), format.toString());
        }
    }

    @Test
    void uploadOnTheIndexedSideAndDistanceFormGiveTheSamePairs() throws Exception {
        String reversed = "SELECT u.spec_id, o.objectId FROM TAP_UPLOAD.specz AS u JOIN lsst.object AS o "
                + "ON CONTAINS(POINT('ICRS', u.ra, u.dec), CIRCLE('ICRS', o.coord_ra, o.coord_dec, 1.0/3600)) = 1";
        String distance = "SELECT u.spec_id, o.objectId FROM lsst.object AS o, TAP_UPLOAD.specz AS u "
                + "WHERE DISTANCE(POINT(o.coord_ra, o.coord_dec), POINT(u.ra, u.dec)) < 1.0/3600";
        for (String query : List.of(reversed, distance)) {
            HttpResponse<byte[]> r = multipart("/tap/sync", Map.of("LANG", "ADQL", "QUERY", query,
                    "UPLOAD", "specz,param:t1"), Map.of("t1", speczVotable(DataFormat.BINARY2)));
            assertEquals(200, r.statusCode(), text(r));
            assertEquals(expectedPairs(), pairs(read(r.body())), query);
        }
    }

    @Test
    void syncCsvUploadJoinsWithTheObjectTable() throws Exception {
        StringBuilder csv = new StringBuilder("objectId,z_spec,survey\n");
        for (int i = 0; i < 10; i++) {
            csv.append(objects.get(i)[0]).append(',').append(0.5 + i / 100.0).append(",DESI\n");
        }
        HttpResponse<byte[]> r = multipart("/tap/sync", Map.of("LANG", "ADQL", "QUERY",
                "SELECT o.objectId, u.z_spec, u.survey FROM lsst.object AS o JOIN TAP_UPLOAD.spec AS u "
                        + "ON o.objectId = u.objectId ORDER BY o.objectId", "UPLOAD", "spec,param:csv"),
                Map.of("csv", csv.toString().getBytes(StandardCharsets.UTF_8)));
        assertEquals(200, r.statusCode(), text(r));
        StarTable t = read(r.body());
        List<Object[]> rows = rows(t);
        assertEquals(10, rows.size());
        assertEquals(objects.get(0)[0], rows.get(0)[0]);
        assertEquals(0.5, ((Number) rows.get(0)[1]).doubleValue(), 1e-12);
        assertEquals("DESI", rows.get(9)[2]);
    }

    @Test
    void twoTablesInOneRequestBySemicolonAndRepeatedParameter() throws Exception {
        byte[] a = "id,v\n1,10\n2,20\n3,30\n".getBytes(StandardCharsets.UTF_8);
        byte[] b = "id,w\n2,200\n3,300\n4,400\n".getBytes(StandardCharsets.UTF_8);
        String query = "SELECT x.id, x.v, y.w FROM TAP_UPLOAD.a AS x JOIN TAP_UPLOAD.b AS y ON x.id = y.id ORDER BY x.id";
        HttpResponse<byte[]> r = multipart("/tap/sync", Map.of("LANG", "ADQL", "QUERY", query,
                "UPLOAD", "a,param:pa;b,param:pb"), Map.of("pa", a, "pb", b));
        assertEquals(200, r.statusCode(), text(r));
        assertEquals(2, rows(read(r.body())).size());
        HttpResponse<byte[]> repeated = multipartList("/tap/sync", List.of(new String[] {"LANG", "ADQL"},
                new String[] {"QUERY", query}, new String[] {"UPLOAD", "a,param:pa"},
                new String[] {"UPLOAD", "b,param:pb"}), Map.of("pa", a, "pb", b));
        assertEquals(200, repeated.statusCode(), text(repeated));
        List<Object[]> rows = rows(read(repeated.body()));
        assertEquals(2, rows.size());
        assertEquals(300, ((Number) rows.get(1)[2]).intValue());
    }

    @Test
    void asyncJobWithAnInlineUploadCrossMatches() throws Exception {
        HttpClient noRedirects = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        Multipart body = new Multipart();
        body.field("LANG", "ADQL").field("PHASE", "RUN").field("QUERY", XMATCH).field("UPLOAD", "specz,param:t1")
                .file("t1", speczVotable(DataFormat.BINARY2));
        HttpResponse<String> created = noRedirects.send(HttpRequest.newBuilder(URI.create(base + "/tap/async"))
                .header("Content-Type", body.contentType()).POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes()))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(303, created.statusCode(), created.body());
        String path = URI.create(created.headers().firstValue("Location").orElseThrow()).getPath();
        String phase = "";
        for (int i = 0; i < 120 && !phase.equals("COMPLETED") && !phase.equals("ERROR"); i++) {
            phase = text(get(path + "/phase")).strip();
            Thread.sleep(100);
        }
        assertEquals("COMPLETED", phase, text(get(path)));
        HttpResponse<byte[]> result = get(path + "/results/result");
        assertEquals(200, result.statusCode());
        assertEquals(expectedPairs(), pairs(read(result.body())));
    }

    @Test
    void urlUploadFromALoopbackServerWhenPrivateUrlsAreAllowed() throws Exception {
        served.put("/specz.xml", speczVotable(DataFormat.BINARY));
        String url = "http://127.0.0.1:" + files.getAddress().getPort() + "/specz.xml";
        HttpResponse<byte[]> r = postForm(Map.of("LANG", "ADQL", "QUERY", XMATCH, "UPLOAD", "specz," + url));
        assertEquals(200, r.statusCode(), text(r));
        assertEquals(expectedPairs(), pairs(read(r.body())));
    }

    @Test
    void capabilitiesAdvertiseUploadMethodsAndLimit() throws Exception {
        String caps = text(get("/tap/capabilities"));
        assertTrue(caps.contains("<uploadMethod ivo-id=\"ivo://ivoa.net/std/TAPRegExt#upload-inline\"/>"), caps);
        assertTrue(caps.contains("#upload-https\"/>"), caps);
        assertTrue(caps.contains("<uploadLimit><default unit=\"row\">" + MAX_ROWS + "</default>"), caps);
        assertTrue(caps.indexOf("<uploadMethod") > caps.lastIndexOf("<outputFormat")
                && caps.indexOf("<uploadLimit") > caps.indexOf("<outputLimit"), "TAPRegExt element order");
    }

    @Test
    void columnNamedByAReservedWordIsKeptAndQueriedDelimited() throws Exception {
        HttpResponse<byte[]> r = multipart("/tap/sync", Map.of("LANG", "ADQL", "QUERY",
                "SELECT u.id, u.\"value\" FROM TAP_UPLOAD.t AS u WHERE u.\"value\" > 15", "UPLOAD", "t,param:f"),
                Map.of("f", "id,value\n1,10\n2,20\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(200, r.statusCode(), text(r));
        List<Object[]> rows = rows(read(r.body()));
        assertEquals(1, rows.size());
        assertEquals(20, ((Number) rows.get(0)[1]).intValue());
    }

    static Stream<Arguments> badUploads() {
        StringBuilder tooMany = new StringBuilder("id,ra,dec\n");
        for (int i = 0; i <= MAX_ROWS; i++) {
            tooMany.append(i).append(",10.0,").append(i / 1000.0).append('\n');
        }
        String votable = "<?xml version=\"1.0\"?><VOTABLE version=\"1.4\" xmlns=\"http://www.ivoa.net/xml/VOTable/v1.3\">"
                + "<RESOURCE><TABLE><FIELD name=\"id\" datatype=\"int\"/><DATA><TABLEDATA><TR><TD>1</TD></TR>"
                + "<TR><TD>2</TD>";
        String noData = "<?xml version=\"1.0\"?><VOTABLE version=\"1.4\" xmlns=\"http://www.ivoa.net/xml/VOTable/v1.3\">"
                + "<RESOURCE><TABLE><FIELD name=\"id\" datatype=\"int\"/><DATA><TABLEDATA>"
                + "</TABLEDATA></DATA></TABLE></RESOURCE></VOTABLE>";
        return Stream.of(
                Arguments.of("truncated VOTable", "t,param:f", votable, "table 't' is not a readable VOTable: "),
                Arguments.of("not a table", "t,param:f", "\u0000\u0001junk", "is in no supported format"),
                Arguments.of("VOTable without rows", "t,param:f", noData, "table 't' has no rows"),
                Arguments.of("unknown part", "t,param:nosuch", "id\n1\n", "no file part named 'nosuch'"),
                Arguments.of("bad name", "1t,param:f", "id\n1\n", "'1t' is not a regular ADQL identifier"),
                Arguments.of("reserved name", "select,param:f", "id\n1\n", "reserved word"),
                Arguments.of("duplicate name", "t,param:f;T,param:f", "id\n1\n", "more than once"),
                Arguments.of("too many rows", "t,param:f", tooMany.toString(), "the limit for uploaded tables is " + MAX_ROWS + " rows"),
                Arguments.of("no rows", "t,param:f", "id,ra\n", "has no rows"),
                Arguments.of("bad column name", "t,param:f", "\"my id\",x\n1,2\n", "column 1 of table 't'"),
                Arguments.of("file URL", "t,file:///etc/passwd", "id\n1\n", "URL scheme 'file'"),
                Arguments.of("missing location", "t", "id\n1\n", "is not name,location"),
                Arguments.of("unanswered URL", "t,http://127.0.0.1:1/x.xml", "id\n1\n", "could not be fetched"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badUploads")
    void badUploadsGiveA400DaliErrorWithAPreciseMessage(String what, String upload, String file, String message)
            throws Exception {
        HttpResponse<byte[]> r = multipart("/tap/sync", Map.of("LANG", "ADQL", "QUERY", "SELECT * FROM TAP_UPLOAD.t",
                "UPLOAD", upload), Map.of("f", file.getBytes(StandardCharsets.UTF_8)));
        String body = text(r);
        assertEquals(400, r.statusCode(), body);
        assertTrue(body.contains("QUERY_STATUS") && body.contains("ERROR"), body);
        assertTrue(body.contains(message), "expected '" + message + "' in " + body);
        assertTrue(!body.contains(System.getProperty("java.io.tmpdir")) && !body.contains(dataDir.toString()),
                "no server path in " + body);
    }

    // --- helpers ---

    HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<byte[]> postForm(Map<String, String> params) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + "/tap/sync"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(TapEndpointsContract.form(params))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<byte[]> multipart(String path, Map<String, String> fields, Map<String, byte[]> parts)
            throws IOException, InterruptedException {
        List<String[]> list = new ArrayList<>();
        fields.forEach((k, v) -> list.add(new String[] {k, v}));
        return multipartList(path, list, parts);
    }

    HttpResponse<byte[]> multipartList(String path, List<String[]> fields, Map<String, byte[]> parts)
            throws IOException, InterruptedException {
        Multipart body = new Multipart();
        fields.forEach(f -> body.field(f[0], f[1]));
        parts.forEach(body::file);
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", body.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    static StarTable read(byte[] body) throws IOException {
        return new StarTableFactory(true).makeStarTable(new ByteArrayDataSource("result", body), "votable");
    }

    static List<Object[]> rows(StarTable t) throws IOException {
        List<Object[]> rows = new ArrayList<>();
        try (RowSequence seq = t.getRowSequence()) {
            while (seq.next()) {
                rows.add(seq.getRow().clone());
            }
        }
        return rows;
    }

    static Set<String> pairs(StarTable t) throws IOException {
        Set<String> pairs = new TreeSet<>();
        for (Object[] row : rows(t)) {
            pairs.add(row[0] + "-" + row[1]);
        }
        return pairs;
    }

    static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    /** A multipart/form-data body. */
    static final class Multipart {
        private final String boundary = "pzvo" + UUID.randomUUID();
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Multipart field(String name, String value) {
            write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
            return this;
        }

        Multipart file(String name, byte[] content) {
            write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + name
                    + ".dat\"\r\nContent-Type: application/octet-stream\r\n\r\n");
            out.writeBytes(content);
            write("\r\n");
            return this;
        }

        String contentType() {
            return "multipart/form-data; boundary=" + boundary;
        }

        byte[] bytes() {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            all.writeBytes(out.toByteArray());
            all.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return all.toByteArray();
        }

        private void write(String s) {
            out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
        }
    }
}
