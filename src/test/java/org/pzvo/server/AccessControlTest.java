// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pzvo.auth.Tokens;

/**
 * Issue 9 access control over real HTTP: without a token, with a token of a user outside the
 * group {@code pz-team} (alice) and with one inside (pzteam), over every endpoint that can reveal
 * the restricted table spec.specz_private or a job; and refused credentials.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessControlTest {
    private static final String PRIVATE = "spec.specz_private";
    private TestServer server;
    private String pzteam;
    private String alice;
    private String expired;

    @BeforeAll
    void start() throws Exception {
        Path dir = Files.createTempDirectory("pzvo-access-");
        Tokens.Issued old = Tokens.issue("bob", Set.of("pz-team"), Instant.parse("2020-01-01T00:00:00Z"),
                new SecureRandom());
        Files.writeString(dir.resolve("tokens"), old.line() + "\n", StandardCharsets.UTF_8);
        expired = old.token();
        server = TestServer.start(dir, Map.of(), 2000);
        pzteam = server.tokens.get("pzteam");
        alice = server.tokens.get("alice");
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
    }

    @Test
    void tablesListTheRestrictedTableOnlyToItsGroup() throws Exception {
        assertFalse(TestServer.text(server.get("/tap/tables", null)).contains("specz_private"));
        assertFalse(TestServer.text(server.get("/tap/tables", alice)).contains("specz_private"));
        assertTrue(TestServer.text(server.get("/tap/tables", pzteam)).contains("<name>spec.specz_private</name>"));
        assertEquals(404, server.get("/tap/tables/" + PRIVATE, null).statusCode());
        assertEquals(404, server.get("/tap/tables/" + PRIVATE, alice).statusCode());
        assertEquals(200, server.get("/tap/tables/" + PRIVATE, pzteam).statusCode());
    }

    @Test
    void queriesOnTheRestrictedTableAreUnknownTablesOutsideTheGroup() throws Exception {
        String adql = "SELECT COUNT(*) AS n FROM " + PRIVATE;
        for (String token : new String[] {null, alice}) {
            HttpResponse<byte[]> r = server.sync(adql, token);
            assertEquals(400, r.statusCode());
            assertTrue(TestServer.text(r).contains("unknown table"), TestServer.text(r));
            assertFalse(TestServer.text(r).contains("specz_private'?"), "no hint naming the hidden table");
        }
        HttpResponse<byte[]> r = server.sync(adql, pzteam);
        assertEquals(200, r.statusCode(), TestServer.text(r));
        assertTrue(Long.parseLong(TestServer.firstColumn(r).get(0)) > 0, "the demo fills the private table");
    }

    @Test
    void tapSchemaRowsOfTheRestrictedTableAreInvisibleOutsideTheGroup() throws Exception {
        String[] queries = {
            "SELECT table_name FROM TAP_SCHEMA.tables WHERE table_name LIKE '%private%'",
            "SELECT table_name FROM TAP_SCHEMA.columns WHERE table_name = '" + PRIVATE + "'",
            "SELECT t.table_name FROM TAP_SCHEMA.tables AS t JOIN TAP_SCHEMA.columns AS c"
                    + " ON c.table_name = t.table_name WHERE c.column_name = 'crd_id'",
            "SELECT table_name FROM (SELECT * FROM TAP_SCHEMA.tables) AS sub WHERE sub.description LIKE '%roprietary%'",
        };
        for (String q : queries) {
            for (String token : new String[] {null, alice}) {
                HttpResponse<byte[]> r = server.sync(q, token);
                assertEquals(200, r.statusCode(), TestServer.text(r));
                assertFalse(TestServer.text(r).contains("specz_private"), q);
            }
            HttpResponse<byte[]> r = server.sync(q, pzteam);
            assertEquals(200, r.statusCode(), TestServer.text(r));
            assertTrue(TestServer.text(r).contains(PRIVATE), q);
        }
        HttpResponse<byte[]> all = server.sync("SELECT COUNT(*) FROM TAP_SCHEMA.tables", null);
        HttpResponse<byte[]> allTeam = server.sync("SELECT COUNT(*) FROM TAP_SCHEMA.tables", pzteam);
        assertEquals(Long.parseLong(TestServer.firstColumn(all).get(0)) + 1,
                Long.parseLong(TestServer.firstColumn(allTeam).get(0)));
    }

    @Test
    void examplesAboutTheRestrictedTableAreShownOnlyToItsGroup() throws Exception {
        assertFalse(TestServer.text(server.get("/tap/examples", null)).contains("specz_private"));
        assertFalse(TestServer.text(server.get("/tap/examples", alice)).contains("specz_private"));
        String team = TestServer.text(server.get("/tap/examples", pzteam));
        assertTrue(team.contains("spec.specz_private"));
        assertTrue(team.contains("id=\"private-specz\""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer nonsense", "Bearer abc.defghijklmnopqrstuvwxyz0123", "Basic YWxpY2U6c2VjcmV0",
        "Bearer ", "Bearer EXPIRED", "Bearer PZTEAM-TAMPERED"})
    void refusedCredentialsAre401WithABearerChallengeAndADaliError(String header) throws Exception {
        String value = header.replace("EXPIRED", expired).replace("PZTEAM-TAMPERED", pzteam + "x");
        for (String path : new String[] {"/tap/sync?LANG=ADQL&QUERY=SELECT+1+AS+x", "/tap/tables", "/tap/async",
            "/tap/capabilities"}) {
            HttpResponse<byte[]> r = server.send(server.request(path, null).header("Authorization", value).GET()
                    .build());
            assertEquals(401, r.statusCode(), path + " " + value);
            assertTrue(r.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
            String body = TestServer.text(r);
            assertTrue(body.contains("<INFO name=\"QUERY_STATUS\" value=\"ERROR\">"), body);
            assertFalse(body.contains(pzteam) || body.contains(expired), "the error never echoes a token");
        }
        if (header.contains("EXPIRED")) {
            assertTrue(TestServer.text(server.send(server.request("/tap/tables", null)
                    .header("Authorization", value).GET().build())).contains("expired"));
        }
    }

    /** The demo's product derived from the restricted table: its MOC. */
    private static final String MOC_PATH = "catalogs/spec.specz_private.moc.fits";
    private static final String MOC_DID = "ivo://pzvo.example/pzvo?" + MOC_PATH;

    @Test
    void productsOfTheRestrictedTableAreUnknownOutsideTheGroup() throws Exception {
        String did = java.net.URLEncoder.encode(MOC_DID, StandardCharsets.UTF_8);
        for (String token : new String[] {null, alice}) {
            assertEquals(404, server.get("/files/" + MOC_PATH, token).statusCode());
            assertEquals(404, server.get("/datalink/preview?ID=" + did, token).statusCode());
            assertEquals(404, server.get("/datalink/cutout?ID=" + did + "&CIRCLE=53+-28+1", token).statusCode());
            String links = TestServer.text(server.get("/datalink/links?ID=" + did, token));
            assertTrue(links.contains("NotFoundFault"), links);
            assertFalse(links.contains("/files/" + MOC_PATH));
            HttpResponse<byte[]> obscore = server.sync("SELECT obs_publisher_did FROM ivoa.obscore", token);
            assertEquals(200, obscore.statusCode(), TestServer.text(obscore));
            assertFalse(TestServer.text(obscore).contains("specz_private"));
            assertTrue(TestServer.firstColumn(obscore).size() > 5, "public products stay visible");
            assertFalse(TestServer.text(server.get("/sia/query?MAXREC=10000", token)).contains("specz_private"));
            assertEquals(404, server.get("/scs/" + PRIVATE + "?RA=53&DEC=-28&SR=1", token).statusCode());
            assertFalse(TestServer.text(server.get("/scs/nothing?RA=53&DEC=-28&SR=1", token)).contains("specz_private"));
        }
        assertEquals(200, server.get("/files/" + MOC_PATH, pzteam).statusCode());
        assertEquals(200, server.get("/datalink/preview?ID=" + did, pzteam).statusCode());
        assertEquals(200, server.get("/datalink/cutout?ID=" + did + "&CIRCLE=53+-28+1", pzteam).statusCode());
        assertTrue(TestServer.text(server.get("/datalink/links?ID=" + did, pzteam)).contains("/files/" + MOC_PATH));
        HttpResponse<byte[]> obscore = server.sync("SELECT obs_publisher_did, data_rights FROM ivoa.obscore"
                + " WHERE obs_publisher_did LIKE '%specz_private%'", pzteam);
        assertTrue(TestServer.text(obscore).contains(MOC_DID + "\tsecure"), TestServer.text(obscore));
        assertTrue(TestServer.text(server.get("/sia/query?MAXREC=10000", pzteam)).contains("specz_private"));
        assertEquals(200, server.get("/scs/" + PRIVATE + "?RA=53&DEC=-28&SR=1", pzteam).statusCode());
        HttpResponse<byte[]> pub = server.get("/files/catalogs/spec.specz.moc.fits", null);
        assertEquals(200, pub.statusCode(), "the public table's MOC is public");
    }

    @Test
    void capabilitiesAdvertiseAnonymousAndTokenInterfaces() throws Exception {
        String caps = TestServer.text(server.get("/tap/capabilities", null));
        int interfaces = count(caps, "<interface ");
        int tokenInterfaces = count(caps, "<securityMethod standardID=\"ivo://ivoa.net/sso#token\"/>");
        assertEquals(interfaces, 2 * tokenInterfaces, caps);
        assertTrue(tokenInterfaces >= 5);
    }

    @Test
    void jobsArePrivateToTheirOwner() throws Exception {
        String job = submit("SELECT COUNT(*) AS n FROM " + PRIVATE, pzteam);
        assertEquals("COMPLETED", phase(job, pzteam));
        for (String other : new String[] {null, alice}) {
            assertEquals(404, server.get(job, other).statusCode());
            assertEquals(404, server.get(job + "/results/result", other).statusCode());
            assertEquals(404, server.get(job + "/phase", other).statusCode());
            assertEquals(404, server.post(job + "/phase", Map.of("PHASE", "ABORT"), other).statusCode());
            assertEquals(404, server.post(job, Map.of("ACTION", "DELETE"), other).statusCode());
            assertFalse(TestServer.text(server.get("/tap/async", other)).contains(jobId(job)));
        }
        assertTrue(TestServer.text(server.get("/tap/async", pzteam)).contains(jobId(job)));
        assertEquals("pzteam", TestServer.text(server.get(job + "/owner", pzteam)).strip());
        assertEquals(200, server.get(job + "/results/result", pzteam).statusCode());
    }

    @Test
    void anAsyncJobReadsOnlyWhatItsOwnerMaySee() throws Exception {
        String job = submit("SELECT TOP 5 crd_id FROM " + PRIVATE, alice);
        assertEquals("ERROR", phase(job, alice));
        assertTrue(TestServer.text(server.get(job + "/error", alice)).contains("unknown table"));
        String anonymous = submit("SELECT TOP 5 crd_id FROM " + PRIVATE, null);
        assertEquals("ERROR", phase(anonymous, null));
    }

    private String submit(String adql, String token) throws Exception {
        HttpResponse<byte[]> r = server.post("/tap/async", Map.of("LANG", "ADQL", "QUERY", adql, "PHASE", "RUN"),
                token);
        assertEquals(303, r.statusCode(), TestServer.text(r));
        return java.net.URI.create(r.headers().firstValue("Location").orElseThrow()).getPath();
    }

    private String phase(String job, String token) throws Exception {
        for (int i = 0; i < 20; i++) {
            String xml = TestServer.text(server.get(job + "?WAIT=10", token));
            Matcher m = Pattern.compile("<uws:phase>(\\w+)</uws:phase>").matcher(xml);
            assertTrue(m.find(), xml);
            String phase = m.group(1);
            if (!phase.equals("QUEUED") && !phase.equals("EXECUTING") && !phase.equals("PENDING")) {
                return phase;
            }
        }
        throw new AssertionError("job " + job + " did not finish");
    }

    private static String jobId(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
