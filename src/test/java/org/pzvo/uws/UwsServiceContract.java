// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.uws;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pzvo.db.Engine;

/**
 * The engine's behaviour against a real service database; subclasses supply H2 or PostgreSQL.
 * The runner's long query always runs on a separate in-memory H2 "data" database.
 */
abstract class UwsServiceContract {

    @TempDir
    Path dataDir;

    JobStore store;
    JdbcDataSource data;
    TestRunner runner;
    UwsService service;

    /** A fresh, empty service database for one test. */
    abstract DataSource newServiceDatabase() throws Exception;

    abstract Engine engine();

    /** Releases the database made by {@link #newServiceDatabase()}. */
    void closeServiceDatabase() throws Exception {
    }

    @BeforeEach
    void setUp() throws Exception {
        store = new JobStore(newServiceDatabase(), engine());
        data = new JdbcDataSource();
        data.setURL("jdbc:h2:mem:data" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        runner = new TestRunner(data);
        service = startService(config(2, 1, Duration.ofSeconds(30)));
    }

    @AfterEach
    void tearDown() throws Exception {
        runner.release();
        service.close();
        closeServiceDatabase();
    }

    UwsConfig config(int maxConcurrent, int perOwner, Duration maxExecution) {
        return new UwsConfig(maxExecution, maxExecution, Duration.ofHours(1), Duration.ofDays(2),
                maxConcurrent, perOwner, 100, 100, Duration.ofSeconds(10), dataDir, Duration.ofMillis(200));
    }

    UwsService startService(UwsConfig config) {
        UwsService s = new UwsService(config, store, runner);
        s.start();
        return s;
    }

    Job awaitFinal(UwsService s, String jobId, String owner) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        Job job = s.get(jobId, owner);
        while (!job.phase().isFinal() && System.nanoTime() < deadline) {
            job = s.await(jobId, owner, null, Duration.ofSeconds(5));
            if (job.phase() == Phase.HELD) {
                break;
            }
        }
        return job;
    }

    static String read(StoredResult r) throws Exception {
        return Files.readString(r.path(), StandardCharsets.UTF_8);
    }

    @Test
    void lifecycleCompletesWithResultAndProgress() throws Exception {
        Job job = service.create("alice", Parameters.of("MODE", "write", "TEXT", "42 rows", "RUNID", "r1"));
        assertEquals(Phase.PENDING, job.phase());
        assertEquals("r1", job.runId());
        assertEquals(30, job.executionDurationSec());
        service.run(job.jobId(), "alice");
        Job done = awaitFinal(service, job.jobId(), "alice");
        assertEquals(Phase.COMPLETED, done.phase());
        assertNotNull(done.startTime());
        assertNotNull(done.endTime());
        assertFalse(done.endTime().isBefore(done.startTime()));
        assertEquals("1 row written", done.jobInfo());
        assertEquals(List.of(new Result("result", "text/plain;charset=UTF-8", 7)), done.results());
        StoredResult r = service.result(job.jobId(), "alice", "result");
        assertEquals("42 rows", read(r));
        assertEquals(dataDir.resolve("uws").resolve(job.jobId()).resolve("result"), r.path());
        assertNull(done.error());
    }

    @Test
    void failureMessageShownCauseHidden() {
        Job failed = runToEnd(Parameters.of("MODE", "fail", "TEXT", "x"));
        assertEquals(Phase.ERROR, failed.phase());
        assertEquals("bad input: x", failed.error().message());
        assertEquals(ErrorSummary.Type.FATAL, failed.error().type());
        assertTrue(failed.results().isEmpty());

        Job crashed = runToEnd(Parameters.of("MODE", "crash"));
        assertEquals(Phase.ERROR, crashed.phase());
        assertFalse(crashed.error().message().contains(TestRunner.SECRET), crashed.error().message());
        assertTrue(crashed.error().message().contains(crashed.jobId()));
    }

    private Job runToEnd(Parameters params) {
        Job job = service.create(null, params);
        service.run(job.jobId(), null);
        return awaitFinal(service, job.jobId(), null);
    }

    @Test
    void abortCancelsABlockedRunnerAndDropsPartialResult() throws Exception {
        Job job = service.create("bob", Parameters.of("MODE", "block"));
        service.run(job.jobId(), "bob");
        assertTrue(runner.startedLatch(job.jobId()).await(10, TimeUnit.SECONDS));
        assertTrue(Files.exists(dataDir.resolve("uws/" + job.jobId() + "/result.part")));
        Job aborted = service.abort(job.jobId(), "bob");
        assertEquals(Phase.ABORTED, aborted.phase());
        assertTrue(runner.endedLatch(job.jobId()).await(2, TimeUnit.SECONDS));
        assertEquals("cancelled", runner.outcome.get(job.jobId()));
        assertEquals(Phase.ABORTED, service.get(job.jobId(), "bob").phase());
        assertTrue(service.get(job.jobId(), "bob").results().isEmpty());
        waitUntil(() -> !Files.exists(dataDir.resolve("uws/" + job.jobId() + "/result.part")));
    }

    @Test
    void abortCancelsARunningDatabaseQuery() throws Exception {
        Job job = service.create("bob", Parameters.of("MODE", "query"));
        service.run(job.jobId(), "bob");
        assertTrue(runner.startedLatch(job.jobId()).await(10, TimeUnit.SECONDS));
        waitUntil(() -> h2Executing("SYSTEM_RANGE") == 1);
        long t0 = System.nanoTime();
        service.abort(job.jobId(), "bob");
        assertTrue(runner.endedLatch(job.jobId()).await(2, TimeUnit.SECONDS),
                "the query was still running 2 s after ABORT");
        assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(2));
        assertTrue(runner.outcome.get(job.jobId()).startsWith("cancelled:"), runner.outcome.toString());
        assertEquals(Phase.ABORTED, service.get(job.jobId(), "bob").phase());
        assertEquals(0, h2Executing("SYSTEM_RANGE"), "the database is still executing the query");
    }

    /** How many other sessions of the H2 data database are executing a statement containing text. */
    int h2Executing(String text) {
        try (java.sql.Connection c = data.getConnection();
                java.sql.PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM"
                        + " INFORMATION_SCHEMA.SESSIONS WHERE EXECUTING_STATEMENT LIKE ?"
                        + " AND SESSION_ID <> SESSION_ID()")) {
            ps.setString(1, "%" + text + "%");
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void executionDurationLimitAbortsWithMessage() throws Exception {
        service.close();
        service = startService(config(2, 1, Duration.ofSeconds(1)));
        Job job = service.create("carol", Parameters.of("MODE", "query"));
        service.run(job.jobId(), "carol");
        assertTrue(runner.endedLatch(job.jobId()).await(5, TimeUnit.SECONDS));
        Job done = awaitFinal(service, job.jobId(), "carol");
        assertEquals(Phase.ABORTED, done.phase());
        assertTrue(done.error().message().contains("execution duration of 1 s"), done.error().message());
    }

    @Test
    void ownersSeeOnlyTheirOwnJobs() {
        Job a = service.create("alice", Parameters.of("MODE", "write"));
        Job anon = service.create(null, Parameters.of("MODE", "write"));
        assertEquals(UwsException.Kind.NOT_FOUND,
                assertThrows(UwsException.class, () -> service.get(a.jobId(), "mallory")).kind());
        assertThrows(UwsException.class, () -> service.get(a.jobId(), null));
        assertThrows(UwsException.class, () -> service.get(anon.jobId(), "alice"));
        assertThrows(UwsException.class, () -> service.abort(a.jobId(), "mallory"));
        assertThrows(UwsException.class, () -> service.delete(a.jobId(), "mallory"));
        assertEquals(anon.jobId(), service.get(anon.jobId(), null).jobId());
        assertEquals(List.of(a.jobId()), ids(service.list("alice", JobFilter.ALL)));
        assertEquals(List.of(anon.jobId()), ids(service.list(null, JobFilter.ALL)));
        assertTrue(service.list("mallory", JobFilter.ALL).isEmpty());
        assertThrows(UwsException.class, () -> service.get("../../etc/passwd", null));
    }

    static List<String> ids(List<JobRef> refs) {
        return refs.stream().map(JobRef::jobId).toList();
    }

    @Test
    void listFiltersByPhaseAfterAndLast() throws Exception {
        Job j1 = service.create("dan", Parameters.of("MODE", "write"));
        Thread.sleep(5);
        Job j2 = service.create("dan", Parameters.of("MODE", "write"));
        Thread.sleep(5);
        Job j3 = service.create("dan", Parameters.of("MODE", "write"));
        service.run(j2.jobId(), "dan");
        awaitFinal(service, j2.jobId(), "dan");
        service.abort(j3.jobId(), "dan");
        assertEquals(List.of(j3.jobId(), j2.jobId(), j1.jobId()), ids(service.list("dan", JobFilter.ALL)));
        assertEquals(List.of(j1.jobId()),
                ids(service.list("dan", new JobFilter(Set.of(Phase.PENDING), null, null))));
        assertEquals(List.of(j3.jobId(), j2.jobId()), ids(service.list("dan",
                new JobFilter(Set.of(Phase.COMPLETED, Phase.ABORTED), null, null))));
        assertEquals(List.of(j3.jobId(), j2.jobId()),
                ids(service.list("dan", new JobFilter(Set.of(), j1.creationTime(), null))));
        assertEquals(List.of(j3.jobId()), ids(service.list("dan", new JobFilter(Set.of(), null, 1))));
        assertEquals(List.of(j2.jobId()), ids(service.list("dan",
                new JobFilter(Set.of(Phase.COMPLETED, Phase.PENDING), j1.creationTime(), 1))));
        assertTrue(service.list("dan", new JobFilter(Set.of(Phase.ARCHIVED), null, null)).isEmpty());
    }

    @Test
    void waitBlocksUntilThePhaseChanges() throws Exception {
        Job job = service.create("erin", Parameters.of("MODE", "block"));
        long t0 = System.nanoTime();
        Job same = service.await(job.jobId(), "erin", Phase.EXECUTING, Duration.ofSeconds(5));
        assertEquals(Phase.PENDING, same.phase());
        assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(1), "PHASE mismatch must not block");
        t0 = System.nanoTime();
        Job stillPending = service.await(job.jobId(), "erin", null, Duration.ofMillis(300));
        assertEquals(Phase.PENDING, stillPending.phase());
        assertTrue(System.nanoTime() - t0 >= TimeUnit.MILLISECONDS.toNanos(250));
        Thread aborter = new Thread(() -> {
            try {
                Thread.sleep(300);
                service.abort(job.jobId(), "erin");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        aborter.start();
        t0 = System.nanoTime();
        Job changed = service.await(job.jobId(), "erin", Phase.PENDING, Duration.ofSeconds(8));
        assertEquals(Phase.ABORTED, changed.phase());
        assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(5));
        aborter.join();
        t0 = System.nanoTime();
        assertEquals(Phase.ABORTED, service.await(job.jobId(), "erin", null, Duration.ofSeconds(5)).phase());
        assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(1), "a final phase must not block");
    }

    @Test
    void asyncWaitCompletesOnChangeOrTimeoutAndLeavesNothingRegistered() throws Exception {
        Job job = service.create("hal", Parameters.of("MODE", "block"));
        java.util.concurrent.CompletableFuture<Job> timedOut =
                service.awaitAsync(job.jobId(), "hal", null, Duration.ofMillis(200));
        assertEquals(Phase.PENDING, timedOut.get(5, TimeUnit.SECONDS).phase());
        java.util.concurrent.CompletableFuture<Job> change =
                service.awaitAsync(job.jobId(), "hal", null, Duration.ofSeconds(8));
        assertFalse(change.isDone());
        service.run(job.jobId(), "hal");
        assertTrue(change.get(5, TimeUnit.SECONDS).phase().isActive());
        assertTrue(service.awaitAsync(job.jobId(), "hal", Phase.PENDING, Duration.ofSeconds(8)).isDone(),
                "not in the PHASE waited on: answer at once");
        assertTrue(runner.startedLatch(job.jobId()).await(10, TimeUnit.SECONDS));
        java.util.concurrent.CompletableFuture<Job> gone =
                service.awaitAsync(job.jobId(), "hal", null, Duration.ofSeconds(8));
        assertFalse(gone.isDone());
        service.delete(job.jobId(), "hal");
        // Deleting first aborts, so a waiter sees ABORTED or, if it reads later, the job gone.
        try {
            assertEquals(Phase.ABORTED, gone.get(5, TimeUnit.SECONDS).phase());
        } catch (java.util.concurrent.ExecutionException e) {
            assertEquals(UwsException.Kind.NOT_FOUND, ((UwsException) e.getCause()).kind());
        }
        waitUntil(() -> service.pendingWaits() == 0);
    }

    @Test
    void parametersChangeOnlyWhilePending() {
        Job job = service.create("fay", Parameters.of("MODE", "block", "query", "a", "RUNID", "one"));
        Job updated = service.updateParameters(job.jobId(), "fay", Parameters.of("QUERY", "b", "runId", "two"));
        assertEquals(List.of("b"), updated.parameters().all("query"));
        assertEquals("two", updated.runId());
        assertEquals(UwsException.Kind.INVALID_ARGUMENT, assertThrows(UwsException.class,
                () -> service.updateParameters(job.jobId(), "fay", Parameters.of("BAD", "1"))).kind());
        assertEquals(UwsException.Kind.INVALID_ARGUMENT, assertThrows(UwsException.class,
                () -> service.create("fay", Parameters.of("BAD", "1"))).kind());
        service.abort(job.jobId(), "fay");
        assertEquals(UwsException.Kind.WRONG_PHASE, assertThrows(UwsException.class,
                () -> service.updateParameters(job.jobId(), "fay", Parameters.of("QUERY", "c"))).kind());
        assertEquals(UwsException.Kind.WRONG_PHASE, assertThrows(UwsException.class,
                () -> service.setExecutionDuration(job.jobId(), "fay", 10)).kind());
    }

    @Test
    void unstorableParametersAreRefusedNotFailedInTheDatabase() {
        for (Parameters bad : List.of(Parameters.of("QUERY", "a\0b"), Parameters.of("x".repeat(300), "v"),
                Parameters.of("RUNID", "r".repeat(2000)))) {
            UwsException e = assertThrows(UwsException.class, () -> service.create("ian", bad));
            assertEquals(UwsException.Kind.INVALID_ARGUMENT, e.kind(), e.getMessage());
        }
        Job ok = service.create("ian", Parameters.of("QUERY", "SELECT 'é' -- \u2603 \uD83C\uDF1F",
                "RUNID", "r".repeat(1024)));
        assertEquals(ok.parameters(), service.get(ok.jobId(), "ian").parameters());
        assertThrows(UwsException.class, () -> service.updateParameters(ok.jobId(), "ian",
                Parameters.of("LANG", "\0")));
    }

    @Test
    void executionDurationAndDestructionAreValidatedAndClamped() {
        Job job = service.create("gus", Parameters.of("MODE", "write"));
        assertEquals(10, service.setExecutionDuration(job.jobId(), "gus", 10).executionDurationSec());
        assertEquals(30, service.setExecutionDuration(job.jobId(), "gus", 0).executionDurationSec());
        assertEquals(30, service.setExecutionDuration(job.jobId(), "gus", Long.MAX_VALUE)
                .executionDurationSec());
        assertEquals(UwsException.Kind.INVALID_ARGUMENT, assertThrows(UwsException.class,
                () -> service.setExecutionDuration(job.jobId(), "gus", -1)).kind());
        assertEquals(UwsException.Kind.INVALID_ARGUMENT, assertThrows(UwsException.class,
                () -> service.setDestruction(job.jobId(), "gus", Instant.parse("2001-01-01T00:00:00Z"))).kind());
        Instant soon = Instant.now().plusSeconds(600).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        assertEquals(soon, service.setDestruction(job.jobId(), "gus", soon).destruction());
        Instant far = service.setDestruction(job.jobId(), "gus", Instant.parse("9999-01-01T00:00:00Z"))
                .destruction();
        assertTrue(far.isBefore(Instant.now().plus(Duration.ofDays(2)).plusSeconds(5)), far.toString());
    }

    @Test
    void reaperDestroysExpiredJobsWithTheirFiles() throws Exception {
        Job done = runToEnd(Parameters.of("MODE", "write"));
        Job running = service.create(null, Parameters.of("MODE", "block"));
        service.run(running.jobId(), null);
        assertTrue(runner.startedLatch(running.jobId()).await(10, TimeUnit.SECONDS));
        Path doneDir = dataDir.resolve("uws").resolve(done.jobId());
        assertTrue(Files.isDirectory(doneDir));
        Instant soon = Instant.now().plusMillis(700);
        service.setDestruction(done.jobId(), null, soon);
        service.setDestruction(running.jobId(), null, soon);
        waitUntil(() -> service.list(null, JobFilter.ALL).isEmpty());
        assertFalse(Files.exists(doneDir));
        assertTrue(runner.endedLatch(running.jobId()).await(5, TimeUnit.SECONDS));
        waitUntil(() -> !Files.exists(dataDir.resolve("uws").resolve(running.jobId())));
        assertThrows(UwsException.class, () -> service.get(done.jobId(), null));
    }

    @Test
    void deleteRemovesRowsAndFiles() {
        Job done = runToEnd(Parameters.of("MODE", "write"));
        service.delete(done.jobId(), null);
        assertThrows(UwsException.class, () -> service.get(done.jobId(), null));
        assertFalse(Files.exists(dataDir.resolve("uws").resolve(done.jobId())));
    }

    @Test
    void restartKeepsCompletedRequeuesQueuedAndFailsExecuting() throws Exception {
        service.close();
        service = startService(config(1, 1, Duration.ofSeconds(30)));
        Job completed = runToEnd(Parameters.of("MODE", "write", "TEXT", "kept bytes"));
        byte[] before = Files.readAllBytes(service.result(completed.jobId(), null, "result").path());
        Job executing = service.create(null, Parameters.of("MODE", "block"));
        service.run(executing.jobId(), null);
        assertTrue(runner.startedLatch(executing.jobId()).await(10, TimeUnit.SECONDS));
        Job queued = service.create(null, Parameters.of("MODE", "write", "TEXT", "ran after restart"));
        service.run(queued.jobId(), null);
        assertEquals(Phase.QUEUED, service.get(queued.jobId(), null).phase());

        service.close();
        assertEquals(Phase.EXECUTING, store.find(executing.jobId()).orElseThrow().phase());
        assertEquals(Phase.QUEUED, store.find(queued.jobId()).orElseThrow().phase());

        service = startService(config(1, 1, Duration.ofSeconds(30)));
        Job c = service.get(completed.jobId(), null);
        assertEquals(Phase.COMPLETED, c.phase());
        assertArrayEquals(before, Files.readAllBytes(service.result(c.jobId(), null, "result").path()));
        Job e = service.get(executing.jobId(), null);
        assertEquals(Phase.ERROR, e.phase());
        assertEquals(UwsService.RESTART_MESSAGE, e.error().message());
        assertFalse(Files.exists(dataDir.resolve("uws/" + e.jobId() + "/result.part")));
        Job q = awaitFinal(service, queued.jobId(), null);
        assertEquals(Phase.COMPLETED, q.phase());
        assertEquals("ran after restart", read(service.result(q.jobId(), null, "result")));
    }

    @Test
    void perOwnerLimitLetsOtherOwnersRun() throws Exception {
        service.close();
        service = startService(config(2, 1, Duration.ofSeconds(30)));
        Job a1 = service.create("alice", Parameters.of("MODE", "block"));
        Job a2 = service.create("alice", Parameters.of("MODE", "write"));
        Job b1 = service.create("bob", Parameters.of("MODE", "write"));
        service.run(a1.jobId(), "alice");
        assertTrue(runner.startedLatch(a1.jobId()).await(10, TimeUnit.SECONDS));
        service.run(a2.jobId(), "alice");
        service.run(b1.jobId(), "bob");
        assertEquals(Phase.COMPLETED, awaitFinal(service, b1.jobId(), "bob").phase());
        assertEquals(Phase.QUEUED, service.get(a2.jobId(), "alice").phase());
        runner.release();
        assertEquals(Phase.COMPLETED, awaitFinal(service, a2.jobId(), "alice").phase());
    }

    static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.sleep(50);
        }
    }
}
