// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The per-request path of /tap/sync (issue 10, W5): the execution time limit holds on every
 * request although it is set on a pooled connection only when it differs, and the buffered body
 * (flushes of the writers ignored) is whole, small results leaving with a Content-Length.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SyncResponsePathTest {
    private static final String SLOW = "SELECT COUNT(*) AS n FROM lsst.object AS a, lsst.object AS b, lsst.object AS c";
    private TestServer server;

    @BeforeAll
    void start() throws Exception {
        // One sync connection: every request reuses the connection whose timeout is already set.
        server = TestServer.start(Map.of("tap.sync.timeout-seconds", "1", "db.pool.sync", "1"), 3000);
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
    }

    @Test
    void theTimeLimitStopsEverySlowQueryOnAReusedConnection() throws Exception {
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            HttpResponse<byte[]> slow = server.sync(SLOW, null);
            double seconds = (System.nanoTime() - t0) / 1e9;
            assertEquals(400, slow.statusCode(), TestServer.text(slow));
            assertTrue(TestServer.text(slow).contains("stopped after the execution time limit of 1 s"), TestServer.text(slow));
            assertTrue(seconds < 20, "stopped after " + seconds + " s");
            HttpResponse<byte[]> quick = server.sync("SELECT TOP 1 objectId FROM lsst.object WHERE objectId > " + i, null);
            assertEquals(200, quick.statusCode(), TestServer.text(quick));
            assertEquals(1, TestServer.firstColumn(quick).size());
        }
    }

    @Test
    void aSmallResultLeavesWholeWithItsLength() throws Exception {
        HttpResponse<byte[]> r = server.get("/tap/sync?" + TestServer.form(Map.of("LANG", "ADQL", "QUERY",
                "SELECT TOP 3 objectId FROM lsst.object ORDER BY objectId")), null);
        assertEquals(200, r.statusCode());
        OptionalLong length = r.headers().firstValueAsLong("Content-Length");
        assertTrue(length.isPresent(), "no Content-Length: " + r.headers().map());
        assertEquals(r.body().length, length.getAsLong());
        String body = TestServer.text(r);
        assertTrue(body.contains("<INFO name=\"QUERY_STATUS\" value=\"OK\"/>") && body.endsWith("</VOTABLE>\n"), body);
    }

    @Test
    void aResultLargerThanTheBufferStreamsWhole() throws Exception {
        HttpResponse<byte[]> r = server.get("/tap/sync?" + TestServer.form(Map.of("LANG", "ADQL", "RESPONSEFORMAT", "csv",
                "QUERY", "SELECT objectId, coord_ra, coord_dec FROM lsst.object")), null);
        assertEquals(200, r.statusCode());
        assertTrue(r.body().length > 64 * 1024, "only " + r.body().length + " bytes");
        assertEquals(3000, TestServer.text(r).lines().skip(1).count());
    }
}
