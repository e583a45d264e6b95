// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.uws;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * A runner for tests, steered by the MODE parameter:
 * <ul>
 * <li>write: writes TEXT (default "hello") as result "result" (text/plain), reports progress;</li>
 * <li>fail: throws a JobFailedException with message "bad input: " + TEXT;</li>
 * <li>crash: throws an IllegalStateException whose message must never reach a client;</li>
 * <li>block: writes a partial result, then (counting down started) waits until its cancel hook runs, or released via {@link #release};</li>
 * <li>big: writes 80 blocks of 64 KiB (5 MiB) as result "result";</li>
 * <li>upload: copies the inline file t1 into result "result";</li>
 * <li>query: runs a very long H2 query on {@code dataSource} with a Statement.cancel() hook;</li>
 * <li>pgsleep: the same with PostgreSQL's {@code pg_sleep(60)}.</li>
 * </ul>
 * Validation refuses a parameter BAD.
 */
public final class TestRunner implements JobRunner {

    public static final String SECRET = "/internal/secret/path";

    private final DataSource dataSource;
    /** Counted down when a job (by id) has started / has ended inside run(). */
    public final Map<String, CountDownLatch> started = new ConcurrentHashMap<>();
    public final Map<String, CountDownLatch> ended = new ConcurrentHashMap<>();
    /** What ended each job's run(): "interrupted", "cancelled", "returned", "released". */
    public final Map<String, String> outcome = new ConcurrentHashMap<>();
    private final CountDownLatch release = new CountDownLatch(1);

    public TestRunner(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public CountDownLatch startedLatch(String jobId) {
        return started.computeIfAbsent(jobId, k -> new CountDownLatch(1));
    }

    public CountDownLatch endedLatch(String jobId) {
        return ended.computeIfAbsent(jobId, k -> new CountDownLatch(1));
    }

    /** Lets every blocked job return normally. */
    public void release() {
        release.countDown();
    }

    @Override
    public void validate(Parameters parameters) {
        if (parameters.has("BAD")) {
            throw UwsException.invalid("Parameter BAD is not allowed");
        }
    }

    @Override
    public void run(JobContext ctx) throws Exception {
        String mode = ctx.parameters().first("MODE").orElse("write");
        if (!mode.equals("block")) {
            startedLatch(ctx.jobId()).countDown();
        }
        try {
            String text = ctx.parameters().first("TEXT").orElse("hello");
            switch (mode) {
                case "write" -> {
                    try (OutputStream out = ctx.openResult("result", "text/plain;charset=UTF-8")) {
                        out.write(text.getBytes(StandardCharsets.UTF_8));
                    }
                    ctx.progress("1 row written");
                    outcome.put(ctx.jobId(), "returned");
                }
                case "fail" -> throw new JobFailedException("bad input: " + text,
                        new IllegalArgumentException(SECRET));
                case "crash" -> throw new IllegalStateException("boom at " + SECRET);
                case "block" -> {
                    CountDownLatch cancelled = new CountDownLatch(1);
                    ctx.onCancel(cancelled::countDown);
                    try (OutputStream out = ctx.openResult("result", "text/plain")) {
                        out.write("partial".getBytes(StandardCharsets.UTF_8));
                        out.flush();
                        startedLatch(ctx.jobId()).countDown();
                        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                        while (cancelled.getCount() > 0 && System.nanoTime() < deadline) {
                            if (release.await(20, TimeUnit.MILLISECONDS)) {
                                outcome.put(ctx.jobId(), "released");
                                break;
                            }
                        }
                        if (cancelled.getCount() == 0) {
                            outcome.put(ctx.jobId(), "cancelled");
                        }
                    }
                }
                case "query" -> runQuery(ctx, "SELECT COUNT(*) FROM SYSTEM_RANGE(1, 100000) a,"
                        + " SYSTEM_RANGE(1, 100000) b, SYSTEM_RANGE(1, 100000) c");
                case "pgsleep" -> runQuery(ctx, "SELECT pg_sleep(60)");
                case "big" -> {
                    byte[] block = new byte[64 * 1024];
                    for (int i = 0; i < block.length; i++) {
                        block[i] = (byte) i;
                    }
                    try (OutputStream out = ctx.openResult("result", "application/octet-stream")) {
                        for (int i = 0; i < 80; i++) {
                            out.write(block);
                            ctx.progress((i + 1) + " blocks written");
                        }
                    }
                }
                case "upload" -> {
                    java.nio.file.Path in = ctx.upload("t1").orElseThrow(
                            () -> new JobFailedException("no inline file t1"));
                    try (OutputStream out = ctx.openResult("result", "application/octet-stream")) {
                        java.nio.file.Files.copy(in, out);
                    }
                }
                default -> throw new JobFailedException("unknown MODE " + mode);
            }
        } finally {
            endedLatch(ctx.jobId()).countDown();
        }
    }

    private void runQuery(JobContext ctx, String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            ctx.onCancel(s::cancel);
            try (ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                outcome.put(ctx.jobId(), "returned");
            } catch (SQLException e) {
                outcome.put(ctx.jobId(), "cancelled:" + e.getSQLState());
                throw e;
            }
        }
    }
}
