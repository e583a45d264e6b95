// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.uws;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one admitted job on a worker thread: QUEUED → EXECUTING, the runner, then COMPLETED with
 * its results, ERROR with a classified message, or nothing when the job was aborted or destroyed
 * meanwhile (the abort already set the phase). Enforces the execution duration with a timer.
 */
final class Worker {

    private static final Logger LOG = LoggerFactory.getLogger(Worker.class);

    private final UwsService service;
    private final JobStore store;
    private final JobFiles files;
    private final JobRunner runner;
    private final PhaseMonitor monitor;
    private final ScheduledExecutorService timer;
    private final Map<String, Execution> running;
    private final long maxExecutionSec;

    Worker(UwsService service, JobStore store, JobFiles files, JobRunner runner, PhaseMonitor monitor,
            ScheduledExecutorService timer, Map<String, Execution> running, long maxExecutionSec) {
        this.service = service;
        this.store = store;
        this.files = files;
        this.runner = runner;
        this.monitor = monitor;
        this.timer = timer;
        this.running = running;
        this.maxExecutionSec = maxExecutionSec;
    }

    /** Executes the job; never throws. The caller releases the scheduler slot afterwards. */
    void execute(String jobId) {
        try {
            Optional<Job> found = store.find(jobId);
            if (found.isEmpty() || found.get().phase() != Phase.QUEUED) {
                return;
            }
            Job job = found.get();
            Instant start = now();
            long limitSec = job.executionDurationSec() > 0 ? job.executionDurationSec() : maxExecutionSec;
            Execution exec = new Execution(jobId, job.ownerId(), job.parameters(),
                    start.plusSeconds(limitSec), files, store);
            exec.bindWorker(Thread.currentThread());
            running.put(jobId, exec);
            try {
                if (!store.casPhase(jobId, Phase.QUEUED, Phase.EXECUTING, start, null)) {
                    return;
                }
                monitor.changed(jobId);
                ScheduledFuture<?> limit = timer.schedule(
                        () -> service.abortBySystem(jobId, durationExceeded(limitSec)),
                        limitSec, TimeUnit.SECONDS);
                try {
                    runAndRecord(exec);
                } finally {
                    limit.cancel(false);
                }
            } finally {
                running.remove(jobId);
                // A late interrupt must not leak into the next job run by this pool thread.
                Thread.interrupted();
            }
        } catch (RuntimeException e) {
            LOG.error("Job {} could not be run", jobId, e);
        }
    }

    private ErrorSummary durationExceeded(long limitSec) {
        return ErrorSummary.fatal("The job was aborted because it exceeded its execution duration of "
                + limitSec + " s. Ask for a longer EXECUTIONDURATION (at most " + maxExecutionSec
                + " s) or make the job smaller.");
    }

    private void runAndRecord(Execution exec) {
        String jobId = exec.jobId();
        Throwable failure = null;
        try {
            runner.run(exec);
        } catch (Throwable t) {
            // The plug-in boundary: whatever the runner throws fails this job, not the worker.
            failure = t;
        }
        if (service.isClosed()) {
            // Shutting down: leave the stored state as a crash would; the next start repairs it.
            exec.discardResults();
            return;
        }
        if (exec.isAborted()) {
            finishAborted(exec);
            return;
        }
        if (failure == null) {
            try {
                List<Result> results = exec.publishResults();
                Instant end = now();
                if (retrying(jobId, () -> store.complete(jobId, end, results, exec.unsavedProgress()))) {
                    monitor.changed(jobId);
                    exec.deleteScratch();
                } else {
                    finishAborted(exec);
                }
                return;
            } catch (IOException e) {
                failure = e;
            }
        }
        ErrorSummary error = classify(jobId, failure);
        exec.discardResults();
        String progress = exec.unsavedProgress();
        if (progress != null) {
            try {
                store.setJobInfo(jobId, progress);
            } catch (UwsStoreException e) {
                LOG.warn("Could not store the last progress of job {}", jobId, e);
            }
        }
        Instant end = now();
        if (retrying(jobId, () -> store.casPhase(jobId, Phase.EXECUTING, Phase.ERROR, end, error))) {
            monitor.changed(jobId);
        } else {
            finishAborted(exec);
        }
    }

    /**
     * Records a job's final phase, retrying for about half a minute while the job database is
     * unavailable (a restarting PostgreSQL); afterwards the reaper repairs the job.
     */
    private static boolean retrying(String jobId, java.util.function.BooleanSupplier write) {
        long delayMs = 250;
        for (int attempt = 1;; attempt++) {
            try {
                return write.getAsBoolean();
            } catch (UwsStoreException e) {
                if (attempt == 8) {
                    throw e;
                }
                LOG.warn("Recording the outcome of job {} failed (attempt {}); retrying", jobId, attempt);
                try {
                    Thread.sleep(delayMs);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                delayMs = Math.min(delayMs * 2, 8000);
            }
        }
    }

    /** The job was aborted or destroyed while running: drop what it wrote. */
    private void finishAborted(Execution exec) {
        exec.discardResults();
        if (!store.exists(exec.jobId())) {
            files.deleteJob(exec.jobId());
        }
    }

    /** Turns a runner failure into the message the user sees; logs what the user does not. */
    static ErrorSummary classify(String jobId, Throwable failure) {
        if (failure instanceof JobFailedException f) {
            if (f.getCause() != null) {
                LOG.info("Job {} failed: {}", jobId, f.userMessage(), f.getCause());
            }
            return new ErrorSummary(f.userMessage(), f.type());
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.startsWith("57P")) {
                    // 57P01-57P03: PostgreSQL shut down (or not yet up) under the job.
                    LOG.warn("Job {} lost its database connection", jobId, failure);
                    return ErrorSummary.transientError("The database connection was lost while the job"
                            + " was running. Please submit the job again.");
                }
                if (state.equals("57014")) {
                    LOG.info("Job {}: statement cancelled by the database", jobId, failure);
                    return ErrorSummary.fatal("The database cancelled the query before it finished"
                            + " (statement timeout). Ask for a longer EXECUTIONDURATION or make the"
                            + " query smaller.");
                }
            }
            if (t instanceof IOException && t.getMessage() != null
                    && t.getMessage().contains("No space left")) {
                LOG.error("Job {}: disk full while writing results", jobId, failure);
                return ErrorSummary.transientError("The service ran out of disk space while writing"
                        + " the result. Please try again later or ask for a smaller result.");
            }
        }
        if (failure instanceof OutOfMemoryError) {
            LOG.error("Job {} ran out of memory", jobId, failure);
            return ErrorSummary.transientError("The service ran out of memory while running the job."
                    + " Please try again later or make the job smaller.");
        }
        LOG.error("Job {} failed with an internal error", jobId, failure);
        return ErrorSummary.fatal("Internal error while running job " + jobId
                + "; the service log has the details.");
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
