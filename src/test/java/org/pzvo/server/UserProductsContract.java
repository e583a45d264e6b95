// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.pzvo.auth.Tokens;

/**
 * User products over HTTP (issue 11), as a new user would try them: upload a spec-z CSV with a
 * token, annotate it, publish it, query it, cross-match it with lsst.object in an async job, save
 * the result as a training set, find both in ObsCore and fetch their files through DataLink,
 * while another user sees none of it until it is shared; then the refusals and the delete.
 * Subclasses choose the database engine.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class UserProductsContract {
    private static final ObjectMapper JSON = new ObjectMapper();
    private TestServer server;
    private String alice;
    private String pzteam;
    private String carol;
    private String coord;

    /** Database overrides (none for H2). */
    abstract Map<String, String> engineOverrides() throws Exception;

    /** Called after the server stopped, to stop what {@link #engineOverrides()} started. */
    void afterServerStopped() throws Exception {
    }

    @BeforeAll
    void start() throws Exception {
        Path dir = Files.createTempDirectory("pzvo-products-");
        SecureRandom random = new SecureRandom();
        Tokens.Issued c = Tokens.issue("carol", Set.of(), null, random);
        Tokens.Issued k = Tokens.issue("coord", Set.of("pz-coordination"), null, random);
        Files.writeString(dir.resolve("tokens"), c.line() + "\n" + k.line() + "\n", StandardCharsets.UTF_8);
        carol = c.token();
        coord = k.token();
        Map<String, String> overrides = new LinkedHashMap<>(engineOverrides());
        overrides.put("products.quota.max-rows", "1000");
        overrides.put("products.max-file-bytes", "150000");
        server = TestServer.start(dir, overrides, 2000);
        alice = server.tokens.get("alice");
        pzteam = server.tokens.get("pzteam");
    }

    @AfterAll
    void stop() throws Exception {
        try {
            server.close();
        } finally {
            afterServerStopped();
        }
    }

    @Test
    void aNewUserPublishesSharesCrossMatchesAndDeletesASpeczCatalog() throws Exception {
        // A spec-z catalog at the positions of 40 demo objects (0.2 arcsec off), as CSV.
        List<String> objects = TestServer.text(server.sync("SELECT TOP 40 objectId, coord_ra, coord_dec FROM lsst.object"
                + " ORDER BY objectId", alice)).lines().skip(1).toList();
        StringBuilder csv = new StringBuilder("spec_id,ra,dec,zspec,zspec_err,survey\n");
        for (int i = 0; i < objects.size(); i++) {
            String[] f = objects.get(i).split("\t");
            csv.append("S").append(i).append(',').append(Double.parseDouble(f[1]) + 0.2 / 3600).append(',')
                    .append(f[2]).append(',').append(0.1 + i * 0.01).append(",0.001,DESI\n");
        }
        JsonNode draft = upload(alice, "specz.csv", csv.toString().getBytes(StandardCharsets.UTF_8), "specz_dp1",
                "spec-z catalog", 201);
        assertEquals("draft", draft.get("status").asText());
        assertEquals(40, draft.get("rows").asLong());
        assertEquals(6, draft.get("columns").size());
        assertEquals(10, draft.get("preview").size());
        assertEquals("S0", draft.get("preview").get(0).get(0).asText());
        String id = "user_alice.specz_dp1";
        assertEquals(id, draft.get("id").asText());

        // Publishing a spec-z catalog needs its z column annotated.
        JsonNode early = json(server.send(server.request("/products/" + id + "/publish", alice)
                .POST(HttpRequest.BodyPublishers.noBody()).build()), 400);
        assertTrue(early.get("error").asText().contains("annotate its z column"), early.toString());

        JsonNode annotated = json(patch(id, alice, """
                {"description": "DESI spec-z in the DP1 field", "release": "DP1",
                 "columns": {"spec_id": {"alias": "id"}, "zspec": {"alias": "z", "description": "Spectroscopic redshift"},
                             "zspec_err": {"alias": "z_err"}, "survey": {"alias": "survey"}}}"""), 200);
        assertEquals("src.redshift", column(annotated, "zspec").get("ucd").asText());
        assertEquals("pos.eq.ra;meta.main", column(annotated, "ra").get("ucd").asText(),
                "ra found by name and annotated by alias? " + annotated);

        JsonNode published = json(server.send(server.request("/products/" + id + "/publish", alice)
                .POST(HttpRequest.BodyPublishers.noBody()).build()), 200);
        assertEquals("published", published.get("status").asText());
        assertEquals(List.of("40"), TestServer.firstColumn(server.sync("SELECT COUNT(*) FROM " + id, alice)));
        assertEquals(List.of("src.redshift"), TestServer.firstColumn(server.sync("SELECT ucd FROM TAP_SCHEMA.columns"
                + " WHERE table_name = '" + id + "' AND column_name = 'zspec'", alice)));
        assertEquals(List.of("40"), TestServer.firstColumn(server.sync("SELECT COUNT(*) FROM " + id + " WHERE"
                + " CONTAINS(POINT('ICRS', ra, dec), CIRCLE('ICRS', 0, 0, 180)) = 1", alice)), "HEALPix-indexed cone");

        // Cross-match with lsst.object in an async job, and save the result as a training set.
        String job = asyncJob(alice, "SELECT s.spec_id, s.zspec, o.objectId, o.r_cModelMag FROM " + id + " AS s"
                + " JOIN lsst.object AS o ON CONTAINS(POINT('ICRS', o.coord_ra, o.coord_dec),"
                + " CIRCLE('ICRS', s.ra, s.dec, 0.5/3600)) = 1");
        JsonNode training = json(server.send(server.request("/products/from-job/" + job, alice)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"name\": \"training_dp1\", \"type\": \"training set\", \"description\": \"spec-z x objects\"}"))
                .build()), 201);
        String trainingId = "user_alice.training_dp1";
        assertEquals("published", training.get("status").asText());
        assertEquals(40, training.get("rows").asLong());
        assertEquals(List.of("input"), TestServer.firstColumn(server.sync("SELECT role FROM pz.product_used WHERE"
                + " product_id = '" + trainingId + "' AND entity_id = '" + id + "'", alice)), "provenance: used");

        // Both in ObsCore, with their files through DataLink.
        List<String> dids = TestServer.firstColumn(server.sync("SELECT obs_publisher_did FROM ivoa.obscore WHERE"
                + " obs_collection = 'pzvo user products' ORDER BY obs_publisher_did", alice));
        assertEquals(2, dids.size(), dids.toString());
        for (String did : dids) {
            String links = TestServer.text(server.get("/datalink/links?ID=" + enc(did), alice));
            Matcher m = Pattern.compile("<TD>(http[^<]*/files/[^<]*)</TD>").matcher(links);
            assertTrue(m.find(), links);
            HttpResponse<byte[]> file = server.get(m.group(1).substring(server.base.length()), alice);
            assertEquals(200, file.statusCode());
            assertTrue(file.body().length > 100);
        }
        String specFile = "/files/user/user_alice/specz_dp1/specz.csv";
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(csv.toString()
                .getBytes(StandardCharsets.UTF_8))), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(server.get(specFile, alice).body())));

        // Another user sees none of it: tables, TAP_SCHEMA, registry, ObsCore, DataLink, /files, /products.
        for (String other : new String[] {pzteam, carol, null}) {
            assertNothingVisible(other, id, dids, specFile);
        }

        // Shared with pz-team: pzteam sees the spec-z catalog; carol still does not.
        JsonNode shared = json(server.send(server.request("/products/" + id + "/share", alice)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"groups\": [\"pz-team\"]}")).build()), 200);
        assertEquals("pz-team", shared.get("shared_with").get(0).asText());
        assertEquals(List.of("40"), TestServer.firstColumn(server.sync("SELECT COUNT(*) FROM " + id, pzteam)));
        assertEquals(List.of(id), TestServer.firstColumn(server.sync("SELECT product_id FROM pz.products", pzteam)));
        assertEquals(1, TestServer.firstColumn(server.sync("SELECT obs_id FROM ivoa.obscore WHERE obs_collection ="
                + " 'pzvo user products'", pzteam)).size());
        assertEquals(200, server.get(specFile, pzteam).statusCode());
        assertEquals(403, server.send(server.request("/products/" + id, pzteam).DELETE().build()).statusCode());
        assertNothingVisible(carol, id, dids, specFile);
        json(server.send(server.request("/products/" + trainingId + "/share", alice)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"all_authenticated\": true}")).build()), 200);
        assertEquals(List.of("40"), TestServer.firstColumn(server.sync("SELECT COUNT(*) FROM " + trainingId, carol)));
        assertEquals(400, server.sync("SELECT COUNT(*) FROM " + trainingId, null).statusCode(), "not anonymous");

        // Delete removes the tables, TAP_SCHEMA, ObsCore and registry rows and the files.
        for (String p : List.of(id, trainingId)) {
            assertEquals(204, server.send(server.request("/products/" + p, alice).DELETE().build()).statusCode());
            assertEquals(400, server.sync("SELECT COUNT(*) FROM " + p, alice).statusCode());
            assertEquals(List.of("0"), TestServer.firstColumn(server.sync("SELECT COUNT(*) FROM TAP_SCHEMA.columns"
                    + " WHERE table_name = '" + p + "'", alice)));
        }
        assertEquals(List.of("0"), TestServer.firstColumn(server.sync("SELECT COUNT(*) FROM ivoa.obscore WHERE"
                + " obs_collection = 'pzvo user products'", alice)));
        assertEquals(List.of("0"), TestServer.firstColumn(server.sync("SELECT COUNT(*) FROM pz.products", alice)));
        assertEquals(List.of("0"), TestServer.firstColumn(server.sync("SELECT COUNT(*) FROM TAP_SCHEMA.schemas WHERE"
                + " schema_name = 'user_alice'", alice)));
        assertEquals(404, server.get(specFile, alice).statusCode());
        assertFalse(Files.exists(server.dataDir.resolve("products/user/user_alice/specz_dp1")));
        assertFalse(Files.exists(server.dataDir.resolve("tap-schema/user_alice.yaml")));
    }

    @Test
    void badNamesTypesAndFilesAreRefusedWithPreciseMessagesAndLeaveNothing() throws Exception {
        byte[] ok = "id,z\n1,0.5\n".getBytes(StandardCharsets.UTF_8);
        assertError(upload(carol, "a.csv", ok, "Bad-Name", "other", 400), "Bad product name 'Bad-Name'");
        assertError(upload(carol, "a.csv", ok, "select", "other", 400), "ADQL reserved word");
        assertError(upload(carol, "a.csv", ok, "fine", "mystery", 400), "Unknown product type 'mystery'");
        assertError(upload(carol, "a.txt", ok, "fine", "other", 400), "unknown table format");
        assertError(upload(carol, "cut.fits", "SIMPLE  =                    T\n".getBytes(StandardCharsets.UTF_8),
                "cut", "other", 400), "cut.fits: truncated file");
        assertError(upload(carol, "two.zip", zip(Map.of("a.csv", ok, "b.csv", ok)), "two", "other", 400),
                "exactly one table file");
        JsonNode zipped = upload(carol, "one.zip", zip(Map.of("dir/inner.csv", ok)), "zipped", "other", 201);
        assertEquals("inner.csv", zipped.get("files").get(0).get("name").asText());
        assertError(upload(null, "a.csv", ok, "anon", "other", 401), "authenticated users");

        // A bad value is found at publish time, naming file, row and column; nothing is left behind.
        byte[] badDec = "id,ra,dec\n1,10.0,20.0\n2,10.5,95.0\n".getBytes(StandardCharsets.UTF_8);
        upload(carol, "baddec.csv", badDec, "baddec", "object catalog", 201);
        json(patch("user_carol.baddec", carol, "{\"columns\": {\"ra\": {\"alias\": \"ra\"}, \"dec\": {\"alias\":"
                + " \"dec\"}}}"), 200);
        assertError(json(server.send(server.request("/products/user_carol.baddec/publish", carol)
                .POST(HttpRequest.BodyPublishers.noBody()).build()), 400),
                "baddec.csv: row 2, column dec: expected a declination in [-90, 90] deg, actual 95.0");
        assertEquals(400, server.sync("SELECT COUNT(*) FROM user_carol.baddec", carol).statusCode());
        byte[] textRa = "id,ra,dec\n1,10.0,20.0\n2,ten,20.5\n".getBytes(StandardCharsets.UTF_8);
        upload(carol, "textra.csv", textRa, "textra", "object catalog", 201);
        json(patch("user_carol.textra", carol, "{\"columns\": {\"ra\": {\"alias\": \"ra\"}, \"dec\": {\"alias\":"
                + " \"dec\"}}}"), 200);
        assertError(json(server.send(server.request("/products/user_carol.textra/publish", carol)
                .POST(HttpRequest.BodyPublishers.noBody()).build()), 400),
                "textra.csv: row 2, column ra: expected a position in degrees, actual 'ten'");
        assertEquals(204, server.send(server.request("/products/user_carol.textra", carol).DELETE().build())
                .statusCode());
        assertEquals(List.of("0"), TestServer.firstColumn(server.sync("SELECT COUNT(*) FROM TAP_SCHEMA.tables WHERE"
                + " table_name = 'user_carol.baddec'", carol)));

        // Quota: rows over all of a user's products, and the size of one file.
        StringBuilder big = new StringBuilder("id,z\n");
        for (int i = 0; i < 1200; i++) {
            big.append(i).append(",0.5\n");
        }
        assertError(upload(carol, "big.csv", big.toString().getBytes(StandardCharsets.UTF_8), "big", "other", 413),
                "Quota exceeded: file big.csv has more than");
        assertError(upload(carol, "huge.csv", new byte[160_000], "huge", "other", 413),
                "at most 150000 (products.max-file-bytes)");
        assertEquals(List.of("baddec", "zipped"), names(carol));
        assertFalse(Files.exists(server.dataDir.resolve("products/user/user_carol/big")));

        // Official only for the admin group; someone else's product cannot be changed.
        assertError(json(patch("user_carol.zipped", carol, "{\"official\": true}"), 403), "pz-coordination");
        upload(coord, "off.csv", ok, "official_set", "validation results", 201);
        assertEquals(true, json(patch("user_coord.official_set", coord, "{\"official\": true}"), 200)
                .get("official").asBoolean());
        assertEquals(404, patch("user_coord.official_set", carol, "{\"description\": \"mine\"}").statusCode());
        assertError(json(patch("user_carol.zipped", carol, "{\"columns\": {\"nope\": {\"ucd\": \"src.redshift\"}}}"),
                400), "has no column 'nope'");
        assertError(json(patch("user_carol.zipped", carol, "{\"columns\": {\"z\": {\"ucd\": \"not a ucd!\"}}}"),
                400), "bad UCD");
        assertEquals(400, patch("user_carol.zipped", carol, "{not json").statusCode());
        for (String p : List.of("user_carol.baddec", "user_carol.zipped", "user_coord.official_set")) {
            String owner = p.startsWith("user_carol") ? carol : coord;
            assertEquals(204, server.send(server.request("/products/" + p, owner).DELETE().build()).statusCode());
        }
    }

    private void assertNothingVisible(String token, String id, List<String> dids, String file) throws Exception {
        HttpResponse<byte[]> q = server.sync("SELECT COUNT(*) FROM " + id, token);
        assertEquals(400, q.statusCode());
        assertTrue(TestServer.text(q).contains("unknown schema"), TestServer.text(q));
        assertEquals(List.of("0"), TestServer.firstColumn(server.sync("SELECT COUNT(*) FROM TAP_SCHEMA.tables WHERE"
                + " table_name LIKE 'user_alice%'", token)));
        assertEquals(List.of("0"), TestServer.firstColumn(server.sync("SELECT COUNT(*) FROM TAP_SCHEMA.schemas WHERE"
                + " schema_name = 'user_alice'", token)));
        assertEquals(List.of("0"), TestServer.firstColumn(server.sync("SELECT COUNT(*) FROM ivoa.obscore WHERE"
                + " obs_collection = 'pzvo user products'", token)));
        for (String t : List.of("products", "product_files", "product_columns", "product_activity", "product_used")) {
            assertEquals(List.of("0"), TestServer.firstColumn(server.sync("SELECT COUNT(*) FROM pz." + t
                    + " WHERE product_id LIKE 'user_alice.%'", token)), t);
        }
        assertFalse(TestServer.text(server.get("/tap/tables", token)).contains("user_alice"));
        for (String did : dids) {
            assertTrue(TestServer.text(server.get("/datalink/links?ID=" + enc(did), token)).contains("NotFoundFault"));
        }
        assertEquals(404, server.get(file, token).statusCode());
        if (token != null) {
            assertEquals(0, json(server.get("/products", token), 200).get("products").size());
            assertEquals(404, server.get("/products/" + id, token).statusCode());
        }
    }

    private List<String> names(String token) throws Exception {
        JsonNode list = json(server.get("/products", token), 200).get("products");
        return java.util.stream.StreamSupport.stream(list.spliterator(), false).map(n -> n.get("name").asText())
                .sorted().toList();
    }

    private String asyncJob(String token, String adql) throws Exception {
        HttpResponse<byte[]> created = server.post("/tap/async", Map.of("LANG", "ADQL", "QUERY", adql, "PHASE", "RUN"),
                token);
        assertEquals(303, created.statusCode(), TestServer.text(created));
        String job = created.headers().firstValue("Location").orElseThrow().replaceAll(".*/", "");
        for (int i = 0; i < 300; i++) {
            String phase = TestServer.text(server.get("/tap/async/" + job + "/phase", token)).strip();
            if (phase.equals("COMPLETED")) {
                return job;
            }
            assertFalse(phase.equals("ERROR") || phase.equals("ABORTED"), TestServer.text(server.get("/tap/async/"
                    + job + "/error", token)));
            Thread.sleep(200);
        }
        throw new AssertionError("job " + job + " did not complete");
    }

    private JsonNode upload(String token, String fileName, byte[] content, String name, String type, int status)
            throws Exception {
        String boundary = "pzvo-test-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (var field : Map.of("name", name, "type", type).entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                    + "\"\r\n\r\n" + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return json(server.send(server.request("/products", token).header("Content-Type",
                "multipart/form-data; boundary=" + boundary).POST(HttpRequest.BodyPublishers.ofByteArray(
                body.toByteArray())).build()), status);
    }

    private HttpResponse<byte[]> patch(String id, String token, String json) throws Exception {
        return server.send(server.request("/products/" + id, token).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private static JsonNode json(HttpResponse<byte[]> r, int status) throws Exception {
        assertEquals(status, r.statusCode(), TestServer.text(r));
        return JSON.readTree(r.body());
    }

    private static JsonNode column(JsonNode product, String name) {
        for (JsonNode c : product.get("columns")) {
            if (c.get("name").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no column " + name + " in " + product);
    }

    private static void assertError(JsonNode error, String expected) {
        assertTrue(error.get("error").asText().contains(expected), error.toString());
    }

    private static byte[] zip(Map<String, byte[]> entries) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (var e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
