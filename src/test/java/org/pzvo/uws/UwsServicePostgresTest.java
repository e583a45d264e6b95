// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.uws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pzvo.db.Engine;

/** The engine contract on a real PostgreSQL server (one per class, a new database per test). */
class UwsServicePostgresTest extends UwsServiceContract {

    private static EmbeddedPostgres postgres;
    private static final AtomicInteger DATABASES = new AtomicInteger();

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = EmbeddedPostgres.start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    @Override
    DataSource newServiceDatabase() throws Exception {
        String name = "uws" + DATABASES.incrementAndGet();
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return postgres.getDatabase("postgres", name);
    }

    @Override
    Engine engine() {
        return Engine.POSTGRESQL;
    }

    static int pgExecuting(String text) throws Exception {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                java.sql.PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM pg_stat_activity"
                        + " WHERE state = 'active' AND query LIKE ? AND pid <> pg_backend_pid()")) {
            ps.setString(1, "%" + text + "%");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    @Test
    void abortAndExecutionDurationStopAPostgresQueryWithinTwoSeconds() throws Exception {
        service.close();
        TestRunner pgRunner = new TestRunner(postgres.getPostgresDatabase());
        runner = pgRunner;
        service = startService(config(2, 2, Duration.ofSeconds(3)));
        Job job = service.create("pat", Parameters.of("MODE", "pgsleep"));
        service.run(job.jobId(), "pat");
        assertTrue(pgRunner.startedLatch(job.jobId()).await(10, TimeUnit.SECONDS));
        waitUntil(() -> uncheckedPgExecuting() == 1);
        long t0 = System.nanoTime();
        service.abort(job.jobId(), "pat");
        assertTrue(pgRunner.endedLatch(job.jobId()).await(2, TimeUnit.SECONDS));
        assertEquals(0, pgExecuting("pg_sleep(60)"), "PostgreSQL is still executing the query");
        assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(2));
        assertEquals("cancelled:57014", pgRunner.outcome.get(job.jobId()));

        Job limited = service.create("pat", Parameters.of("MODE", "pgsleep"));
        service.run(limited.jobId(), "pat");
        assertTrue(pgRunner.endedLatch(limited.jobId()).await(6, TimeUnit.SECONDS));
        assertEquals(0, pgExecuting("pg_sleep(60)"));
        Job done = awaitFinal(service, limited.jobId(), "pat");
        assertEquals(Phase.ABORTED, done.phase());
        assertTrue(done.error().message().contains("execution duration of 3 s"), done.error().message());
    }

    private static int uncheckedPgExecuting() {
        try {
            return pgExecuting("pg_sleep(60)");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
