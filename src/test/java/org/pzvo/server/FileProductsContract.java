// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uk.ac.starlink.table.RowSequence;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.StarTableFactory;
import uk.ac.starlink.util.ByteArrayDataSource;

/**
 * The file products of the demo over real HTTP: ivoa.obscore through TAP, DataLink {links}
 * documents for every kind of product, /files downloads with ranges and digests, and the
 * refusal of unregistered and traversal paths. Subclasses choose the engine.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class FileProductsContract {
    static final String AUTH = "ivo://pzvo.example/pzvo?";
    static final String MAP = AUTH + "maps/depth_i_dp1_o10.fits";

    private Path dataDir;
    private Launch.Running running;
    private HttpClient http;
    private String base;
    private int port;

    abstract Map<String, String> engineOverrides() throws Exception;

    void afterServerStopped() throws Exception {
    }

    @BeforeAll
    void startServer() throws Exception {
        dataDir = Files.createTempDirectory("pzvo-files-test");
        Map<String, String> overrides = new LinkedHashMap<>(engineOverrides());
        overrides.put("server.port", "0");
        overrides.put("server.host", "127.0.0.1");
        overrides.put("data.dir", dataDir.toString());
        Path home = Path.of("").toAbsolutePath();
        ServerConfig cfg = ServerConfig.load(home, home.resolve("conf/pzvo.properties"), Map.of(), overrides);
        running = Launch.start(cfg, home, 1500);
        http = HttpClient.newHttpClient();
        port = running.server().port();
        base = "http://127.0.0.1:" + port;
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

    HttpResponse<byte[]> get(String pathAndQuery, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + pathAndQuery)).GET();
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static List<Map<String, Object>> rows(byte[] votable) throws IOException {
        StarTable t = new StarTableFactory(true).makeStarTable(new ByteArrayDataSource("links", votable), "votable");
        List<Map<String, Object>> out = new ArrayList<>();
        try (RowSequence rs = t.getRowSequence()) {
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 0; i < t.getColumnCount(); i++) {
                    row.put(t.getColumnInfo(i).getName(), rs.getCell(i));
                }
                out.add(row);
            }
        }
        return out;
    }

    List<Map<String, Object>> links(String... ids) throws Exception {
        StringBuilder q = new StringBuilder("/datalink/links?");
        for (String id : ids) {
            q.append(q.charAt(q.length() - 1) == '?' ? "" : "&").append("ID=").append(enc(id));
        }
        HttpResponse<byte[]> r = get(q.toString());
        assertEquals(200, r.statusCode());
        assertEquals("application/x-votable+xml;content=datalink", r.headers().firstValue("Content-Type").orElse(""));
        return rows(r.body());
    }

    static List<Object> column(List<Map<String, Object>> rows, String name) {
        return rows.stream().map(r -> r.get(name)).toList();
    }

    @Test
    void obscoreHasOneRowPerPrimaryProductWithDataLinkAccessAndPolygons() throws Exception {
        HttpResponse<byte[]> r = get("/tap/sync?REQUEST=doQuery&LANG=ADQL&QUERY=" + enc("SELECT obs_publisher_did,"
                + " dataproduct_type, dataproduct_subtype, access_url, access_format, access_estsize, em_min, em_max,"
                + " s_region FROM ivoa.obscore ORDER BY obs_publisher_did"));
        assertEquals(200, r.statusCode());
        String doc = new String(r.body(), StandardCharsets.UTF_8);
        // The TAP result announces DataLink for its identifier column (DataLink 1.1 §4).
        assertTrue(doc.contains("<FIELD ID=\"obs_publisher_did\"") || doc.contains("ID=\"obs_publisher_did\""), doc);
        assertTrue(doc.contains("utype=\"adhoc:service\""), doc);
        assertTrue(doc.contains("value=\"http://localhost:" + port + "/datalink/links\""), doc);
        assertTrue(doc.contains("ref=\"obs_publisher_did\""), doc);
        List<Map<String, Object>> rows = rows(r.body());
        // 14 maps and their MOCs, 4 catalog MOCs, the training set (FITS, Parquet), 2 PDF files.
        assertEquals(36, rows.size());
        for (Map<String, Object> row : rows) {
            String did = (String) row.get("obs_publisher_did");
            assertEquals("http://localhost:" + port + "/datalink/links?ID=" + enc(did), row.get("access_url"));
            assertEquals("application/x-votable+xml;content=datalink", row.get("access_format"));
            assertTrue((Long) row.get("access_estsize") > 0, did);
        }
        Map<String, Object> depthI = rows.stream().filter(x -> x.get("obs_publisher_did").equals(MAP)).findFirst()
                .orElseThrow();
        assertEquals("image", depthI.get("dataproduct_type"));
        assertEquals("healpix-map", depthI.get("dataproduct_subtype"));
        assertEquals(691e-9, (Double) depthI.get("em_min"), 1e-15);
        assertEquals(818e-9, (Double) depthI.get("em_max"), 1e-15);
        String region = (String) depthI.get("s_region");
        assertTrue(region.startsWith("POLYGON ICRS "), region);
        String[] numbers = region.substring("POLYGON ICRS ".length()).split(" ");
        assertTrue(numbers.length >= 6 && numbers.length % 2 == 0, region);
    }

    @Test
    void adqlGeometryAppliesToSRegion() throws Exception {
        String count = "SELECT COUNT(*) AS n FROM ivoa.obscore WHERE INTERSECTS(s_region, CIRCLE(%s)) = 1";
        long inEcdfs = (Long) rows(get("/tap/sync?REQUEST=doQuery&LANG=ADQL&QUERY="
                + enc(String.format(count, "53.13, -28.10, 0.5"))).body()).get(0).get("n");
        long north = (Long) rows(get("/tap/sync?REQUEST=doQuery&LANG=ADQL&QUERY="
                + enc(String.format(count, "200, 60, 1"))).body()).get(0).get("n");
        assertTrue(inEcdfs >= 18, "products over ECDFS: " + inEcdfs);
        assertEquals(0, north);
    }

    @Test
    void mapLinksLeadToTheFileItsMocsPreviewDocumentationAndCutout() throws Exception {
        List<Map<String, Object>> rows = links(MAP);
        assertEquals(List.of("#this", "#coverage", "#coverage", "#coverage", "#preview", "#documentation", "#cutout"),
                column(rows, "semantics"));
        Map<String, Object> self = rows.get(0);
        assertEquals(base.replace("127.0.0.1", "127.0.0.1") + "/files/maps/depth_i_dp1_o10.fits", self.get("access_url"));
        HttpResponse<byte[]> file = get(((String) self.get("access_url")).substring(base.length()));
        assertEquals(200, file.statusCode());
        assertEquals(self.get("content_length"), (long) file.body().length);
        assertEquals(List.of("application/fits", "application/json", "text/plain"), rows.subList(1, 4).stream()
                .map(x -> x.get("content_type")).sorted().toList());
        for (Map<String, Object> moc : rows.subList(1, 4)) {
            HttpResponse<byte[]> m = get(((String) moc.get("access_url")).substring(base.length()));
            assertEquals(200, m.statusCode());
            assertEquals(moc.get("content_type"), m.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        }
        assertEquals(base + "/datalink/preview?ID=" + enc(MAP), rows.get(4).get("access_url"));
        HttpResponse<byte[]> doc = get(((String) rows.get(5).get("access_url")).substring(base.length()));
        assertEquals("depth_i_dp1_o10", rows(doc.body()).get(0).get("map_id"));
        String body = new String(get("/datalink/links?ID=" + enc(MAP)).body(), StandardCharsets.UTF_8);
        assertTrue(body.contains("<RESOURCE type=\"meta\" utype=\"adhoc:service\" ID=\"" + rows.get(6).get("service_def")
                + "\""), body);
        assertTrue(body.contains("value=\"" + base + "/datalink/cutout\""), body);
        assertTrue(body.contains("<PARAM name=\"ID\" datatype=\"char\" arraysize=\"*\" ucd=\"meta.id;meta.dataset\""
                + " value=\"" + MAP + "\"/>"), body);
        assertTrue(body.contains("name=\"CIRCLE\"") && body.contains("name=\"POLYGON\""), body);
    }

    @Test
    void everyKindOfProductHasLinks() throws Exception {
        Map<String, List<String>> expected = Map.of(
                AUTH + "maps/depth_i_dp1_o10.moc.fits", List.of("#this", "#coverage", "#coverage", "#preview",
                        "#progenitor", "#documentation", "#cutout"),
                AUTH + "catalogs/lsst.object.moc.fits", List.of("#this", "#coverage", "#coverage", "#preview",
                        "#documentation"),
                AUTH + "training/spec.training_set.fits", List.of("#this", "#coverage", "#coverage", "#coverage",
                        "#preview", "#documentation"),
                AUTH + "pdfs/1.pdf.fits", List.of("#this", "#coverage", "#coverage", "#coverage", "#preview",
                        "#documentation", "#auxiliary"));
        for (var e : expected.entrySet()) {
            List<Map<String, Object>> rows = links(e.getKey());
            assertEquals(e.getValue(), column(rows, "semantics"), e.getKey());
            for (Map<String, Object> row : rows) {
                assertEquals(e.getKey(), row.get("ID"));
                assertEquals(null, row.get("error_message"));
            }
        }
        List<Map<String, Object>> pdf = links(AUTH + "pdfs/1.pdf.fits");
        HttpResponse<byte[]> run = get(((String) pdf.get(6).get("access_url")).substring(base.length()));
        assertEquals("1", String.valueOf(rows(run.body()).get(0).get("run_id")));
    }

    @Test
    void severalIdsWithUnknownAndMalformedOnesGiveErrorRowsInOrder() throws Exception {
        List<Map<String, Object>> rows = links(AUTH + "maps/nothing.fits", "not an identifier", MAP,
                AUTH + "../../etc/passwd", "ivo://other.example/pzvo?maps/depth_i_dp1_o10.fits");
        assertEquals(AUTH + "maps/nothing.fits", rows.get(0).get("ID"));
        assertTrue(((String) rows.get(0).get("error_message")).startsWith("NotFoundFault: "));
        assertTrue(((String) rows.get(1).get("error_message")).startsWith("UsageFault: "));
        assertEquals("#this", rows.get(2).get("semantics"));
        assertEquals(MAP, rows.get(2).get("ID"));
        List<Map<String, Object>> tail = rows.subList(rows.size() - 2, rows.size());
        for (Map<String, Object> row : tail) {
            assertTrue(((String) row.get("error_message")).startsWith("NotFoundFault: "), row.toString());
            assertEquals(null, row.get("access_url"));
        }
    }

    @Test
    void missingIdOrUnsupportedFormatIsADaliError() throws Exception {
        for (String q : List.of("/datalink/links", "/datalink/links?ID=" + enc(MAP) + "&RESPONSEFORMAT=text/csv")) {
            HttpResponse<byte[]> r = get(q);
            assertEquals(400, r.statusCode(), q);
            String body = new String(r.body(), StandardCharsets.UTF_8);
            assertTrue(body.contains("<INFO name=\"QUERY_STATUS\" value=\"ERROR\">UsageFault: "), body);
        }
        assertEquals(200, get("/datalink/capabilities").statusCode());
        String availability = new String(get("/datalink/availability").body(), StandardCharsets.UTF_8);
        assertTrue(availability.contains("<vosi:available>true</vosi:available>"), availability);
    }

    @Test
    void filesAreServedWholeWithTypeLengthDigestAndEtag() throws Exception {
        HttpResponse<byte[]> r = get("/files/maps/depth_i_dp1_o10.fits");
        assertEquals(200, r.statusCode());
        byte[] body = r.body();
        byte[] sha = MessageDigest.getInstance("SHA-256").digest(body);
        assertEquals("application/fits", r.headers().firstValue("Content-Type").orElse(""));
        assertEquals(Long.toString(body.length), r.headers().firstValue("Content-Length").orElse(""));
        assertEquals("\"" + HexFormat.of().formatHex(sha) + "\"", r.headers().firstValue("ETag").orElse(""));
        assertEquals("sha-256=" + Base64.getEncoder().encodeToString(sha), r.headers().firstValue("Digest")
                .orElse(""));
        assertEquals("bytes", r.headers().firstValue("Accept-Ranges").orElse(""));
        assertEquals("SIMPLE  =", new String(body, 0, 9, StandardCharsets.US_ASCII));
        HttpResponse<byte[]> head = http.send(HttpRequest.newBuilder(URI.create(base + "/files/maps/depth_i_dp1_o10.fits"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, head.statusCode());
        assertEquals(0, head.body().length);
        assertEquals(Long.toString(body.length), head.headers().firstValue("Content-Length").orElse(""));
        String etag = r.headers().firstValue("ETag").orElseThrow();
        assertEquals(304, get("/files/maps/depth_i_dp1_o10.fits", "If-None-Match", etag).statusCode());
    }

    @Test
    void singleRangesGive206AndOutOfRangeGives416() throws Exception {
        byte[] whole = get("/files/catalogs/lsst.object.moc.txt").body();
        int n = whole.length;
        HttpResponse<byte[]> first = get("/files/catalogs/lsst.object.moc.txt", "Range", "bytes=0-9");
        assertEquals(206, first.statusCode());
        assertEquals("bytes 0-9/" + n, first.headers().firstValue("Content-Range").orElse(""));
        assertArrayEquals(Arrays.copyOfRange(whole, 0, 10), first.body());
        HttpResponse<byte[]> suffix = get("/files/catalogs/lsst.object.moc.txt", "Range", "bytes=-5");
        assertEquals(206, suffix.statusCode());
        assertArrayEquals(Arrays.copyOfRange(whole, n - 5, n), suffix.body());
        HttpResponse<byte[]> open = get("/files/catalogs/lsst.object.moc.txt", "Range", "bytes=7-");
        assertArrayEquals(Arrays.copyOfRange(whole, 7, n), open.body());
        HttpResponse<byte[]> beyond = get("/files/catalogs/lsst.object.moc.txt", "Range", "bytes=" + n + "-");
        assertEquals(416, beyond.statusCode());
        assertEquals("bytes */" + n, beyond.headers().firstValue("Content-Range").orElse(""));
        HttpResponse<byte[]> several = get("/files/catalogs/lsst.object.moc.txt", "Range", "bytes=0-1,5-6");
        assertEquals(200, several.statusCode());
        assertArrayEquals(whole, several.body());
        HttpResponse<byte[]> staleIfRange = get("/files/catalogs/lsst.object.moc.txt", "Range", "bytes=0-1",
                "If-Range", "\"0000\"");
        assertEquals(200, staleIfRange.statusCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/files/..%2f..%2fetc%2fpasswd", "/files/%2e%2e/%2e%2e/etc/passwd",
        "/files/maps/%2e%2e/%2e%2e/pzvo.mv.db", "/files/%252e%252e/%252e%252e/etc/passwd", "/files/maps%5c..%5c..%5cx",
        "/files/maps\\..\\..\\x", "/files//etc/passwd", "/files/%2fetc%2fpasswd", "/files/maps/x%00.fits",
        "/files/maps/../../../etc/passwd", "/files/.%2e/pzvo.mv.db", "/files/maps/.depth_i_dp1_o10.fits.tmp",
        "/files/maps/nothing.fits", "/files/", "/files/C:%5cWindows", "/files/%c0%ae%c0%ae/x", "/files/maps/%zz"})
    void traversalAndUnregisteredPathsAreRefusedWithoutServerErrors(String rawPath) throws Exception {
        String response = raw("GET " + rawPath + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        int status = Integer.parseInt(response.substring(9, 12));
        assertTrue(status == 400 || status == 404, rawPath + " -> " + response);
        assertFalse(response.contains(dataDir.toString()), response);
        assertFalse(response.contains("Exception"), response);
        assertFalse(response.contains("root:"), response);
    }

    @Test
    void anUnregisteredFileInsideProductsIsNotServed() throws Exception {
        Files.writeString(dataDir.resolve("products/maps/stray.fits"), "not registered");
        assertEquals(404, get("/files/maps/stray.fits").statusCode());
    }

    private String raw(String request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            in.transferTo(buf);
            return buf.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
