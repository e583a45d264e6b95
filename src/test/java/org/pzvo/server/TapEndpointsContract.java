// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pzvo.tap.Examples;
import uk.ac.starlink.table.ColumnInfo;
import uk.ac.starlink.table.RowSequence;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.StarTableFactory;
import uk.ac.starlink.util.ByteArrayDataSource;

/**
 * The TAP endpoints over real HTTP on loopback, against a real database filled with the demo
 * data. Subclasses choose the engine, so the same assertions run on H2 and PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TapEndpointsContract {
    static final String TYPED_QUERY = "SELECT TOP 15 p.object_id, p.run_id, p.ra, p.z_mode, p.pdf, r.algorithm, "
            + "r.created FROM pz.photoz AS p JOIN pz.run AS r ON r.run_id = p.run_id ORDER BY p.object_id, p.run_id";

    private Path dataDir;
    private Launch.Running running;
    private HttpClient http;
    private String base;

    /** Configuration overrides that select the engine (empty for the default H2). */
    abstract Map<String, String> engineOverrides() throws Exception;

    @BeforeAll
    void startServer() throws Exception {
        dataDir = Files.createTempDirectory("pzvo-tap-test");
        Map<String, String> overrides = new LinkedHashMap<>(engineOverrides());
        overrides.put("server.port", "0");
        overrides.put("server.host", "127.0.0.1");
        overrides.put("data.dir", dataDir.toString());
        overrides.put("tap.maxrec.default", "1000");
        // Anonymous requests are one owner: let it queue the 200 jobs of the queue test.
        overrides.put("uws.max-queued-per-owner", "300");
        Path home = Path.of("").toAbsolutePath();
        ServerConfig cfg = ServerConfig.load(home, home.resolve("conf/pzvo.properties"), Map.of(), overrides);
        running = Launch.start(cfg, home, 2000);
        http = HttpClient.newHttpClient();
        base = "http://127.0.0.1:" + running.server().port();
    }

    /** Called after the server stopped, to stop what {@link #engineOverrides()} started. */
    void afterServerStopped() throws Exception {
    }

    @AfterAll
    void stopServer() throws Exception {
        try {
            running.close();
        } finally {
            afterServerStopped();
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    HttpResponse<byte[]> get(String pathAndQuery) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<byte[]> sync(Map<String, String> params) throws IOException, InterruptedException {
        return get("/tap/sync?" + form(params));
    }

    HttpResponse<byte[]> postSync(Map<String, String> params) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + "/tap/sync"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(params))).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static String form(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    static StarTable read(byte[] body, String stilFormat) throws IOException {
        StarTableFactory factory = new StarTableFactory(true);
        return factory.makeStarTable(new ByteArrayDataSource("result", body), stilFormat);
    }

    static long countRows(StarTable t) throws IOException {
        long n = 0;
        try (RowSequence rows = t.getRowSequence()) {
            while (rows.next()) {
                n++;
            }
        }
        return n;
    }

    static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    @Test
    void syncQueryReturnsVotableWithMetadataFromTapSchema() throws Exception {
        HttpResponse<byte[]> r = sync(Map.of("lang", "ADQL", "query", TYPED_QUERY));
        assertEquals(200, r.statusCode(), text(r));
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/x-votable+xml"));
        StarTable t = read(r.body(), "votable");
        assertEquals(15, countRows(t));
        ColumnInfo ra = t.getColumnInfo(2);
        assertEquals("ra", ra.getName());
        assertEquals("deg", ra.getUnitString());
        assertEquals("pos.eq.ra;meta.main", ra.getUCD());
        assertEquals(Long.class, t.getColumnInfo(0).getContentClass());
        assertEquals(float[].class, t.getColumnInfo(4).getContentClass());
        assertEquals("timestamp", t.getColumnInfo(6).getXtype());
    }

    static Stream<Arguments> formats() {
        return Stream.of(
                Arguments.of("votable", "application/x-votable+xml", "votable"),
                Arguments.of("votable/b2", "application/x-votable+xml", "votable"),
                Arguments.of("votable/b", "application/x-votable+xml", "votable"),
                Arguments.of("votable/td", "application/x-votable+xml", "votable"),
                Arguments.of("application/x-votable+xml;serialization=BINARY2", "application/x-votable+xml", "votable"),
                Arguments.of("fits", "application/fits", "fits"),
                Arguments.of("application/fits", "application/fits", "fits"),
                Arguments.of("csv", "text/csv", "csv"),
                Arguments.of("text/csv", "text/csv", "csv"));
    }

    @ParameterizedTest
    @MethodSource("formats")
    void everyFormatReadsBackWithTheSameRows(String format, String mime, String stilFormat) throws Exception {
        HttpResponse<byte[]> r = sync(Map.of("LANG", "ADQL", "QUERY", TYPED_QUERY, "RESPONSEFORMAT", format));
        assertEquals(200, r.statusCode(), text(r));
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(mime),
                r.headers().firstValue("Content-Type").orElse(""));
        StarTable t = read(r.body(), stilFormat);
        assertEquals(15, countRows(t));
        assertEquals(7, t.getColumnCount());
        assertEquals("z_mode", t.getColumnInfo(3).getName());
    }

    @Test
    void postFormQueryWorks() throws Exception {
        HttpResponse<byte[]> r = postSync(Map.of("REQUEST", "doQuery", "LANG", "ADQL-2.1",
                "QUERY", "SELECT COUNT(*) AS n FROM lsst.object"));
        assertEquals(200, r.statusCode(), text(r));
        StarTable t = read(r.body(), "votable");
        try (RowSequence rows = t.getRowSequence()) {
            assertTrue(rows.next());
            assertEquals(2000L, ((Number) rows.getCell(0)).longValue());
        }
    }

    @Test
    void multipartPostQueryWorks() throws Exception {
        String boundary = "pzvo-test-boundary";
        StringBuilder body = new StringBuilder();
        for (Map.Entry<String, String> e : Map.of("LANG", "ADQL", "QUERY",
                "SELECT TOP 3 objectId FROM lsst.object ORDER BY objectId", "RESPONSEFORMAT", "csv").entrySet()) {
            body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"")
                    .append(e.getKey()).append("\"\r\n\r\n").append(e.getValue()).append("\r\n");
        }
        body.append("--").append(boundary).append("--\r\n");
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(base + "/tap/sync"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode(), text(r));
        assertEquals(4, text(r).strip().split("\n").length, text(r));
    }

    @Test
    void asyncJobRunsAndServesItsResult() throws Exception {
        HttpClient noRedirects = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> created = noRedirects.send(HttpRequest.newBuilder(URI.create(base + "/tap/async"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("LANG", "ADQL", "PHASE", "RUN",
                        "QUERY", "SELECT TOP 40 object_id, z_mode, pdf FROM pz.photoz ORDER BY object_id"))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(303, created.statusCode(), created.body());
        String job = created.headers().firstValue("Location").orElseThrow();
        String path = URI.create(job).getPath();
        String phase = "";
        for (int i = 0; i < 120 && !phase.equals("COMPLETED") && !phase.equals("ERROR"); i++) {
            phase = text(get(path + "/phase?WAIT=1")).strip();
            if (!phase.equals("COMPLETED")) {
                phase = text(get(path + "/phase")).strip();
                Thread.sleep(250);
            }
        }
        assertEquals("COMPLETED", phase, text(get(path)));
        HttpResponse<byte[]> result = get(path + "/results/result");
        assertEquals(200, result.statusCode());
        assertEquals(40, countRows(read(result.body(), "votable")));
    }

    @Test
    void syncQueriesAnswerWhileTwoHundredJobsFillTheAsyncQueue() throws Exception {
        HttpClient noRedirects = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        List<String> jobs = new ArrayList<>();
        try {
            for (int i = 0; i < 200; i++) {
                // A cross join that keeps a job busy for a while; the literal varies so nothing is cached.
                String slow = "SELECT COUNT(*) AS n FROM lsst.object AS a, lsst.object AS b WHERE a.coord_ra + b.coord_dec > "
                        + (i - 1000);
                HttpResponse<String> created = noRedirects.send(HttpRequest.newBuilder(URI.create(base + "/tap/async"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("LANG", "ADQL", "PHASE", "RUN",
                                "QUERY", slow)))).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(303, created.statusCode(), created.body());
                jobs.add(URI.create(created.headers().firstValue("Location").orElseThrow()).getPath());
            }
            assertTrue(text(get("/tap/async?PHASE=QUEUED")).contains("QUEUED"), "jobs are waiting in the queue");
            long t0 = System.nanoTime();
            HttpResponse<byte[]> r = sync(Map.of("LANG", "ADQL", "QUERY", "SELECT TOP 5 objectId FROM lsst.object"));
            double seconds = (System.nanoTime() - t0) / 1e9;
            assertEquals(200, r.statusCode(), text(r));
            assertEquals(5, countRows(read(r.body(), "votable")));
            assertTrue(seconds < 10, "sync query took " + seconds + " s behind a full async queue");
        } finally {
            for (String job : jobs) {
                http.send(HttpRequest.newBuilder(URI.create(base + job)).DELETE().build(),
                        HttpResponse.BodyHandlers.discarding());
            }
        }
    }

    @Test
    void asyncJobWithBrokenAdqlEndsInErrorWithPosition() throws Exception {
        HttpClient noRedirects = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> created = noRedirects.send(HttpRequest.newBuilder(URI.create(base + "/tap/async"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("LANG", "ADQL", "PHASE", "RUN",
                        "QUERY", "SELECT nosuch FROM pz.photoz")))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(303, created.statusCode(), created.body());
        String path = URI.create(created.headers().firstValue("Location").orElseThrow()).getPath();
        String phase = "";
        for (int i = 0; i < 120 && !phase.equals("ERROR"); i++) {
            phase = text(get(path + "/phase")).strip();
            Thread.sleep(100);
        }
        assertEquals("ERROR", phase);
        String error = text(get(path + "/error"));
        assertTrue(error.contains("QUERY_STATUS\" value=\"ERROR\"") && error.contains("line 1, column 8"), error);
    }

    @Test
    void maxrecOverflowIsFlaggedAfterTheTable() throws Exception {
        HttpResponse<byte[]> r = sync(Map.of("LANG", "ADQL", "QUERY", "SELECT objectId FROM lsst.object", "MAXREC", "5"));
        assertEquals(200, r.statusCode());
        String body = text(r);
        assertEquals(5, countRows(read(r.body(), "votable")));
        assertTrue(body.indexOf("value=\"OVERFLOW\"") > body.indexOf("</TABLE>"), body);
    }

    @Test
    void maxrecZeroGivesMetadataOnly() throws Exception {
        HttpResponse<byte[]> r = sync(Map.of("LANG", "ADQL", "QUERY", "SELECT objectId FROM lsst.object", "MAXREC", "0"));
        assertEquals(200, r.statusCode());
        StarTable t = read(r.body(), "votable");
        assertEquals(0, countRows(t));
        assertEquals("objectId", t.getColumnInfo(0).getName());
    }

    static Stream<Arguments> badRequests() {
        return Stream.of(
                Arguments.of(Map.of("LANG", "PQL", "QUERY", "SELECT 1"), "Unsupported LANG=PQL"),
                Arguments.of(Map.of("QUERY", "SELECT TOP 1 objectId FROM lsst.object"), "Missing parameter LANG"),
                Arguments.of(Map.of("LANG", "ADQL"), "Missing parameter QUERY"),
                Arguments.of(Map.of("LANG", "ADQL", "QUERY", "SELECT TOP 1 objectId FROM lsst.object", "MAXREC", "many"),
                        "Bad value of MAXREC: 'many'"),
                Arguments.of(Map.of("LANG", "ADQL", "QUERY", "SELECT TOP 1 objectId FROM lsst.object",
                        "RESPONSEFORMAT", "image/gif"), "Unsupported RESPONSEFORMAT=image/gif"),
                Arguments.of(Map.of("LANG", "ADQL", "QUERY", "SELECT objectId\nFROM lsst.nosuchtable"),
                        "line 2, column 6"),
                Arguments.of(Map.of("LANG", "ADQL", "QUERY", "SELECT FROM lsst.object"), "line 1, column 8"),
                Arguments.of(Map.of("LANG", "ADQL", "QUERY",
                        "SELECT TOP 1 ivo_healpix_index(10, coord_ra, coord_dec + 200) FROM lsst.object"),
                        "Expected a declination in [-90, 90] deg"),
                Arguments.of(Map.of("LANG", "ADQL", "QUERY", "SELECT TOP 1 objectId FROM lsst.object",
                        "REQUEST", "getCapabilities"), "Unsupported REQUEST=getCapabilities"));
    }

    @ParameterizedTest
    @MethodSource("badRequests")
    void badRequestsGiveDaliErrors(Map<String, String> params, String expected) throws Exception {
        HttpResponse<byte[]> r = sync(params);
        assertEquals(400, r.statusCode(), text(r));
        String body = text(r);
        assertTrue(body.contains("<INFO name=\"QUERY_STATUS\" value=\"ERROR\">"), body);
        assertTrue(body.contains(expected), body);
    }

    @Test
    void everyExampleRuns() throws Exception {
        // As a member of pz-team, who also sees the example about the restricted spec.specz_private.
        String token = Files.readAllLines(dataDir.resolve(org.pzvo.auth.DemoTokens.FILE_NAME)).stream()
                .filter(l -> l.startsWith("pzteam ")).findFirst().orElseThrow().split(" ")[1];
        for (Examples.Example e : Examples.load().all()) {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(base + "/tap/sync?"
                    + form(Map.of("LANG", "ADQL", "QUERY", e.query())))).header("Authorization", "Bearer " + token)
                    .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, r.statusCode(), e.id() + ": " + text(r));
            assertTrue(text(r).contains("value=\"OK\""), e.id());
        }
    }

    @Test
    void malformedParameterEncodingIsABadRequest() throws Exception {
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(base + "/tap/sync"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("LANG=ADQL&QUERY=%ZZ")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(400, r.statusCode(), text(r));
        assertTrue(text(r).contains("Cannot read the request parameters"), text(r));
    }

    @Test
    void tapBaseUrlLeadsToTheWebInterface() throws Exception {
        HttpResponse<byte[]> r = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
                .send(HttpRequest.newBuilder(URI.create(base + "/tap")).GET().build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(303, r.statusCode());
        assertEquals("/", r.headers().firstValue("Location").orElse(""));
    }

    @Test
    void vosiDocumentsAreServed() throws Exception {
        HttpResponse<byte[]> caps = get("/tap/capabilities");
        assertEquals(200, caps.statusCode());
        assertTrue(text(caps).contains("<languageFeatures type=\"ivo://ivoa.net/std/TAPRegExt#features-adqlgeo\">"),
                text(caps));
        HttpResponse<byte[]> tables = get("/tap/tables");
        assertEquals(200, tables.statusCode());
        for (String name : new String[] {"lsst.object", "pz.photoz", "pz.run", "spec.specz", "maps.map_pixel",
                "TAP_SCHEMA.columns"}) {
            assertTrue(text(tables).contains("<name>" + name + "</name>"), name);
        }
        assertEquals(200, get("/tap/tables/pz.photoz").statusCode());
        assertEquals(404, get("/tap/tables/pz.nothing").statusCode());
        assertTrue(text(get("/tap/availability")).contains("<avail:available>true</avail:available>"));
        assertTrue(text(get("/tap/examples")).contains("property=\"query\""));
    }
}
