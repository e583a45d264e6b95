// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Failures from outside (issue 9), with real parts: a real PostgreSQL server stopped and started
 * again on the same data directory and port under a running pzvo; a client hanging up in the
 * middle of a streamed result; and a full disk (a small tmpfs, mounted when the test runs as
 * root) under an asynchronous job writing its result.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DatabaseFailureTest {
    /** Runs for minutes on the demo data: still running when PostgreSQL goes away. */
    private static final String ENDLESS = "SELECT COUNT(*) AS n FROM pz.photoz AS a, pz.photoz AS b, pz.photoz AS c"
            + " WHERE a.z_mode < b.z_mode AND b.z_mode < c.z_mode";

    private Path pgDir;
    private int pgPort;
    private EmbeddedPostgres pg;
    private Path dataDir;
    private boolean tmpfs;
    private TestServer server;

    @BeforeAll
    void start() throws Exception {
        pgDir = Files.createTempDirectory("auth-pg-");
        try (ServerSocket s = new ServerSocket(0)) {
            pgPort = s.getLocalPort();
        }
        pg = startPostgres();
        dataDir = Files.createTempDirectory("auth-data-");
        tmpfs = mount(dataDir, "48m");
        server = TestServer.start(dataDir, Map.of("db.url", "jdbc:postgresql://localhost:" + pgPort + "/postgres",
                "db.user", "postgres", "db.password", "postgres", "tap.sync.max-concurrent", "1",
                "tap.sync.queue-wait-seconds", "5"), 2000);
    }

    private EmbeddedPostgres startPostgres() throws Exception {
        return EmbeddedPostgres.builder().setDataDirectory(pgDir).setCleanDataDirectory(false).setPort(pgPort).start();
    }

    private static boolean mount(Path dir, String size) {
        try {
            Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", dir.toString())
                    .redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    @AfterAll
    void stop() throws Exception {
        try {
            server.running.close();
        } finally {
            pg.close();
            if (tmpfs) {
                new ProcessBuilder("umount", dataDir.toString()).start().waitFor();
            }
            for (Path dir : new Path[] {dataDir, pgDir}) {
                try (Stream<Path> files = Files.walk(dir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    @Test
    @Order(1)
    void aFullDiskFailsTheJobWithAMessageAndServesNoPartialResult() throws Exception {
        assumeTrue(tmpfs, "needs root to mount a small tmpfs");
        Path ballast = dataDir.resolve("ballast");
        long free = Files.getFileStore(dataDir).getUsableSpace();
        try (var out = Files.newOutputStream(ballast)) {
            byte[] mb = new byte[1 << 20];
            for (long left = free - 512 * 1024; left > 0; left -= mb.length) {
                out.write(mb, 0, (int) Math.min(mb.length, left));
            }
        }
        String job = submit("SELECT * FROM pz.photoz", null);
        assertEquals("ERROR", phase(job));
        String error = TestServer.text(server.get(job + "/error", null));
        assertTrue(error.contains("disk space"), error);
        HttpResponse<byte[]> result = server.get(job + "/results/result", null);
        assertTrue(result.statusCode() >= 400 && result.statusCode() < 500, "no result is served: " + result.statusCode());
        Files.delete(ballast);
        String again = submit("SELECT * FROM pz.photoz", null);
        assertEquals("COMPLETED", phase(again));
        assertEquals(200, server.get(again + "/results/result", null).statusCode());
    }

    @Test
    @Order(2)
    void beyondCapacityIs503AndAClientHangingUpStopsItsQuery() throws Exception {
        String marker = "hangup_marker_" + System.nanoTime();
        String adql = "SELECT a.objectId AS " + marker + ", b.objectId FROM lsst.object AS a, lsst.object AS b";
        URI uri = URI.create(server.base + "/tap/sync?LANG=ADQL&MAXREC=4000000&RESPONSEFORMAT=csv&QUERY="
                + java.net.URLEncoder.encode(adql, java.nio.charset.StandardCharsets.UTF_8));
        HttpResponse<InputStream> r = server.http.send(server.request(uri.getPath() + "?" + uri.getRawQuery(), null)
                .GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, r.statusCode());
        try (InputStream in = r.body()) {
            assertTrue(in.readNBytes(100_000).length == 100_000, "the result streams");
            // Capacity is one synchronous query: one more waits 5 s for the slot, then gets 503.
            HttpResponse<byte[]> busy = server.sync("SELECT COUNT(*) AS n FROM pz.run", null);
            assertEquals(503, busy.statusCode(), TestServer.text(busy));
            assertTrue(busy.headers().firstValue("Retry-After").isPresent());
            assertTrue(TestServer.text(busy).contains("<INFO name=\"QUERY_STATUS\" value=\"ERROR\">"));
        }
        // The only sync slot is free again (else this waits 5 s and gets 503), and PostgreSQL
        // runs nothing of the abandoned query.
        long deadline = System.currentTimeMillis() + 20_000;
        boolean stopped = false;
        while (!stopped && System.currentTimeMillis() < deadline) {
            stopped = backendsRunning(marker) == 0;
            Thread.sleep(200);
        }
        assertTrue(stopped, "the query of the client that hung up still runs in PostgreSQL");
        HttpResponse<byte[]> next = server.sync("SELECT COUNT(*) AS n FROM pz.run", null);
        assertEquals(200, next.statusCode(), TestServer.text(next));
    }

    private int backendsRunning(String marker) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + pgPort + "/postgres",
                "postgres", "postgres"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM pg_stat_activity WHERE pid <> pg_backend_pid()"
                     + " AND state <> 'idle' AND query LIKE '%" + marker + "%'")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    @Order(3)
    void postgresqlRestartFailsInFlightQueriesClearlyAndTheServiceRecoversByItself() throws Exception {
        CompletableFuture<HttpResponse<byte[]>> inFlight = CompletableFuture.supplyAsync(() -> {
            try {
                return server.sync(ENDLESS, null);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        String job = submit(ENDLESS, null);
        waitForPhase(job, "EXECUTING");
        Thread.sleep(1500);
        pg.close();

        HttpResponse<byte[]> failed = inFlight.get();
        assertEquals(503, failed.statusCode(), TestServer.text(failed));
        assertTrue(TestServer.text(failed).contains("connection was lost"), TestServer.text(failed));
        assertFalse(HostileRequestTest.LEAK.matcher(TestServer.text(failed)).find());
        HttpResponse<byte[]> down = server.sync("SELECT COUNT(*) AS n FROM pz.run", null);
        assertEquals(503, down.statusCode(), TestServer.text(down));
        assertTrue(down.headers().firstValue("Retry-After").isPresent());

        pg = startPostgres();
        long deadline = System.currentTimeMillis() + 60_000;
        HttpResponse<byte[]> back;
        do {
            back = server.sync("SELECT COUNT(*) AS n FROM pz.run", null);
        } while (back.statusCode() != 200 && System.currentTimeMillis() < deadline);
        assertEquals(200, back.statusCode(), "the service recovers by itself: " + TestServer.text(back));
        assertEquals("2", TestServer.firstColumn(back).get(0));

        assertEquals("ERROR", phase(job));
        String error = TestServer.text(server.get(job + "/error", null));
        assertTrue(error.contains("connection was lost"), error);
        String after = submit("SELECT COUNT(*) AS n FROM pz.run", null);
        assertEquals("COMPLETED", phase(after));
    }

    private String submit(String adql, String token) throws Exception {
        HttpResponse<byte[]> r = server.post("/tap/async", Map.of("LANG", "ADQL", "QUERY", adql, "PHASE", "RUN",
                "MAXREC", "10000000"), token);
        assertEquals(303, r.statusCode(), TestServer.text(r));
        return URI.create(r.headers().firstValue("Location").orElseThrow()).getPath();
    }

    private String phase(String job) throws Exception {
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            String p = currentPhase(job);
            if (!p.equals("QUEUED") && !p.equals("EXECUTING") && !p.equals("PENDING")) {
                return p;
            }
            server.get(job + "?WAIT=5", null);
        }
        throw new AssertionError("job " + job + " did not finish");
    }

    private void waitForPhase(String job, String wanted) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (!currentPhase(job).equals(wanted)) {
            assertTrue(System.currentTimeMillis() < deadline, "job never reached " + wanted);
            Thread.sleep(100);
        }
    }

    private String currentPhase(String job) throws Exception {
        String xml = TestServer.text(server.get(job, null));
        Matcher m = Pattern.compile("<uws:phase>(\\w+)</uws:phase>").matcher(xml);
        assertTrue(m.find(), xml);
        return m.group(1);
    }
}
