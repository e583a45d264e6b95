// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.uws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The UWS 1.1 job engine: creates, lists, runs, aborts and destroys jobs for an application
 * {@link JobRunner}. Every method that takes an owner only sees that owner's jobs (null is
 * anonymous and sees anonymous jobs); another owner's job is reported as not found. Refusals are
 * {@link UwsException}s; database failures are {@link UwsStoreException}s. Thread-safe.
 *
 * <p>Restart safety (on {@link #start()}): COMPLETED jobs and their result files are untouched;
 * QUEUED jobs are queued again in their original order and run; jobs that were EXECUTING (or
 * SUSPENDED/UNKNOWN) are set to ERROR with {@link #RESTART_MESSAGE} and their partial files are
 * deleted. They are not re-run, because a runner may have had side effects and a re-run would
 * silently double the cost of a long job the user might no longer want; resubmitting is one
 * request. {@link #close()} leaves the store as a crash would, so both paths are the same.
 *
 * <p>One engine per job database: the engine assumes that a job EXECUTING in the store and not
 * in its own worker pool was orphaned, and the reaper sets it to ERROR.
 */
public final class UwsService implements AutoCloseable {

    /** Error summary of a job that was executing when the service stopped. */
    public static final String RESTART_MESSAGE = "interrupted by a service restart; resubmit the job";

    private static final Logger LOG = LoggerFactory.getLogger(UwsService.class);

    private final UwsConfig config;
    private final JobStore store;
    private final JobRunner runner;
    private final JobFiles files;
    private final PhaseMonitor monitor = new PhaseMonitor();
    private final Map<String, Execution> running = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final ExecutorService workers;
    private final ScheduledExecutorService timer;
    private final ExecutorService waiters;
    private final Scheduler scheduler;
    private final Worker worker;
    private final Housekeeper housekeeper;
    private volatile boolean closed;

    /** A stopped engine; call {@link #start()} before use. */
    public UwsService(UwsConfig config, JobStore store, JobRunner runner) {
        this.config = Objects.requireNonNull(config, "config");
        this.store = Objects.requireNonNull(store, "store");
        this.runner = Objects.requireNonNull(runner, "runner");
        this.files = new JobFiles(config.jobsDirectory());
        ThreadPoolExecutor w = new ThreadPoolExecutor(config.maxConcurrent(), config.maxConcurrent(), 0,
                TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), threads("uws-worker-", false));
        w.prestartAllCoreThreads();
        this.workers = w;
        ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(2, threads("uws-timer-", true));
        t.setRemoveOnCancelPolicy(true);
        this.timer = t;
        this.waiters = Executors.newFixedThreadPool(2, threads("uws-wait-", true));
        this.scheduler = new Scheduler(config.maxConcurrent(), config.maxConcurrentPerOwner(),
                config.maxQueued(), config.maxQueuedPerOwner(), this::launch);
        this.housekeeper = new Housekeeper(this, store, files, monitor, running);
        this.worker = new Worker(this, store, files, runner, monitor, timer, running,
                config.maxExecutionDuration().toSeconds());
    }

    /** Creates the schema if needed, repairs the state left by a stop or crash, starts the reaper. */
    public void start() {
        store.createSchema();
        try {
            Files.createDirectories(files.root());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the job directory " + files.root(), e);
        }
        for (JobRef r : housekeeper.repairAfterRestart()) {
            scheduler.enqueue(r.jobId(), r.ownerId());
        }
        long periodMs = Math.max(1, config.reaperPeriod().toMillis());
        timer.scheduleWithFixedDelay(this::reap, 0, periodMs, TimeUnit.MILLISECONDS);
    }

    /** The settings this engine runs with. */
    public UwsConfig config() {
        return config;
    }

    /**
     * Creates a PENDING job. RUNID, if present, becomes the run id and stays a parameter.
     *
     * @throws UwsException INVALID_ARGUMENT if the runner's {@link JobRunner#validate} refuses
     */
    public Job create(String ownerId, Parameters parameters) {
        return create(ownerId, parameters, Map.of());
    }

    /**
     * Creates a PENDING job with files sent inline (see {@link JobContext#upload}). Each file is
     * moved into the job directory; the caller's paths are gone afterwards.
     *
     * @param uploads part name → temporary file; names follow the result-name rule
     * @throws UwsException INVALID_ARGUMENT for a refused parameter or a bad upload name
     */
    public Job create(String ownerId, Parameters parameters, Map<String, Path> uploads) {
        for (String name : uploads.keySet()) {
            if (!Result.isValidName(name)) {
                throw UwsException.invalid("Inline file name '" + UwsException.shorten(name)
                        + "' must be 1 to 64 letters, digits, '_', '-' or '.'");
            }
        }
        JobSchema.checkStorable(parameters);
        runner.validate(parameters);
        Instant now = Worker.now();
        byte[] id = new byte[10];
        random.nextBytes(id);
        Job job = new Job(HexFormat.of().formatHex(id), parameters.first("RUNID").orElse(null),
                ownerId, Phase.PENDING, null, now, null, null,
                config.defaultExecutionDuration().toSeconds(), now.plus(config.defaultDestruction()),
                parameters, List.of(), null, null);
        files.storeUploads(job.jobId(), uploads);
        store.insert(job);
        return job;
    }

    /** The owner's job. @throws UwsException NOT_FOUND */
    public Job get(String jobId, String ownerId) {
        if (jobId == null || !JobFiles.JOB_ID.matcher(jobId).matches()) {
            throw UwsException.notFound(jobId);
        }
        return store.find(jobId).filter(j -> j.isOwnedBy(ownerId))
                .orElseThrow(() -> UwsException.notFound(jobId));
    }

    /** The owner's jobs matching the filter, most recently created first. */
    public List<JobRef> list(String ownerId, JobFilter filter) {
        return store.list(ownerId, filter);
    }

    /**
     * PHASE=RUN: queues a PENDING or HELD job. A job already queued, running or finished is left
     * as it is (UWS 1.1 leaves this to the service; ignoring it is what clients cope with best).
     *
     * @throws UwsException NOT_FOUND, or OVERLOADED when the queue is full
     */
    public Job run(String jobId, String ownerId) {
        Job job = get(jobId, ownerId);
        if (job.phase() == Phase.PENDING || job.phase() == Phase.HELD) {
            if (!scheduler.hasRoom()) {
                throw new UwsException(UwsException.Kind.OVERLOADED, "The job queue is full ("
                        + config.maxQueued() + " jobs); please try again later.");
            }
            if (!scheduler.hasRoomFor(job.ownerId())) {
                throw new UwsException(UwsException.Kind.OVERLOADED, "You already have "
                        + config.maxQueuedPerOwner() + " jobs waiting in the queue, the limit per user;"
                        + " try again when some have started, or abort some.");
            }
            if (store.casPhase(jobId, job.phase(), Phase.QUEUED, Worker.now(), null)) {
                monitor.changed(jobId);
                scheduler.enqueue(jobId, job.ownerId());
            }
        }
        return get(jobId, ownerId);
    }

    /** PHASE=ABORT: aborts an unfinished job; a finished one is left as it is. */
    public Job abort(String jobId, String ownerId) {
        get(jobId, ownerId);
        abortBySystem(jobId, null);
        return get(jobId, ownerId);
    }

    /** Aborts an unfinished job with an optional error summary; returns whether it was aborted. */
    boolean abortBySystem(String jobId, ErrorSummary why) {
        for (int attempt = 0; attempt < 5; attempt++) {
            Phase phase = store.find(jobId).map(Job::phase).orElse(null);
            if (phase == null || !phase.canMoveTo(Phase.ABORTED)) {
                return false;
            }
            if (store.casPhase(jobId, phase, Phase.ABORTED, Worker.now(), why)) {
                scheduler.remove(jobId);
                Execution exec = running.get(jobId);
                if (exec != null) {
                    exec.abort();
                }
                monitor.changed(jobId);
                return true;
            }
        }
        return false;
    }

    /** Destroys the owner's job: aborts it if running, deletes its rows and files. */
    public void delete(String jobId, String ownerId) {
        get(jobId, ownerId);
        destroy(jobId);
    }

    void destroy(String jobId) {
        abortBySystem(jobId, ErrorSummary.fatal("The job was destroyed."));
        store.delete(jobId);
        files.deleteJob(jobId);
        monitor.forget(jobId);
    }

    /**
     * Sets the execution duration of a PENDING job. 0 (unlimited) and values above the maximum
     * get the maximum.
     *
     * @throws UwsException INVALID_ARGUMENT for a negative value, WRONG_PHASE if not PENDING
     */
    public Job setExecutionDuration(String jobId, String ownerId, long seconds) {
        if (seconds < 0) {
            throw UwsException.invalid("EXECUTIONDURATION must be a non-negative number of seconds,"
                    + " not " + seconds);
        }
        long max = config.maxExecutionDuration().toSeconds();
        long actual = seconds == 0 || seconds > max ? max : seconds;
        Job job = get(jobId, ownerId);
        if (job.phase() != Phase.PENDING || !store.setExecutionDuration(jobId, actual)) {
            throw UwsException.wrongPhase("EXECUTIONDURATION can only be changed while the job is"
                    + " PENDING; job " + jobId + " is " + get(jobId, ownerId).phase());
        }
        return get(jobId, ownerId);
    }

    /**
     * Moves the destruction time; times further than the maximum from now are clamped.
     *
     * @throws UwsException INVALID_ARGUMENT for a time not in the future
     */
    public Job setDestruction(String jobId, String ownerId, Instant destruction) {
        Instant now = Worker.now();
        if (!destruction.isAfter(now)) {
            throw UwsException.invalid("DESTRUCTION must be in the future; " + destruction
                    + " is not after " + now);
        }
        Instant latest = now.plus(config.maxDestruction());
        get(jobId, ownerId);
        store.setDestruction(jobId, destruction.isAfter(latest) ? latest : destruction);
        return get(jobId, ownerId);
    }

    /**
     * Replaces the values of the given parameters of a PENDING job (UWS 1.1 §2.2.3.5).
     *
     * @throws UwsException WRONG_PHASE if not PENDING, INVALID_ARGUMENT if the runner refuses
     */
    public Job updateParameters(String jobId, String ownerId, Parameters updates) {
        Job job = get(jobId, ownerId);
        if (job.phase() != Phase.PENDING) {
            throw UwsException.wrongPhase("Parameters can only be changed while the job is PENDING;"
                    + " job " + jobId + " is " + job.phase());
        }
        Parameters merged = job.parameters().with(updates);
        JobSchema.checkStorable(merged);
        runner.validate(merged);
        if (!store.replaceParameters(jobId, merged, merged.first("RUNID").orElse(null))) {
            throw UwsException.wrongPhase("Parameters can only be changed while the job is PENDING;"
                    + " job " + jobId + " is " + get(jobId, ownerId).phase());
        }
        return get(jobId, ownerId);
    }

    /**
     * WAIT (UWS 1.1 §2.2.1.1): blocks while the job stays in an active phase (PENDING, QUEUED,
     * EXECUTING), and when {@code onlyIn} is given only while it is in that phase, for at most
     * {@code wait} capped by the configured maximum; returns the job as it then is.
     */
    public Job await(String jobId, String ownerId, Phase onlyIn, Duration wait) {
        Duration capped = wait.compareTo(config.maxWait()) > 0 ? config.maxWait() : wait;
        long seen = monitor.version(jobId);
        Job job = get(jobId, ownerId);
        boolean block = job.phase().isActive() && (onlyIn == null || onlyIn == job.phase());
        if (block && !capped.isZero() && !capped.isNegative()) {
            try {
                monitor.awaitChange(jobId, seen, capped.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return get(jobId, ownerId);
        }
        return job;
    }

    /**
     * WAIT without holding a thread: the returned future completes with the job re-read after it
     * leaves its phase or the (capped) wait ends, or at once when {@link #await} would not block.
     * It completes exceptionally with a {@link UwsException} (NOT_FOUND) if the job is destroyed
     * meanwhile. Completion runs on an engine thread; callers should hand off further work.
     *
     * @throws UwsException NOT_FOUND at once for an unknown job
     */
    public CompletableFuture<Job> awaitAsync(String jobId, String ownerId, Phase onlyIn, Duration wait) {
        Duration capped = wait.compareTo(config.maxWait()) > 0 ? config.maxWait() : wait;
        long seen = monitor.version(jobId);
        Job job = get(jobId, ownerId);
        boolean block = job.phase().isActive() && (onlyIn == null || onlyIn == job.phase());
        if (!block || capped.isZero() || capped.isNegative()) {
            return CompletableFuture.completedFuture(job);
        }
        CompletableFuture<Void> change = monitor.listen(jobId, seen);
        change.completeOnTimeout(null, capped.toMillis(), TimeUnit.MILLISECONDS);
        change.whenComplete((v, e) -> monitor.unlisten(jobId, change));
        return change.thenApplyAsync(v -> get(jobId, ownerId), waiters);
    }

    /** WAIT futures registered and not yet completed (for leak checks). */
    int pendingWaits() {
        return monitor.listenerCount();
    }

    /**
     * The named result of the owner's job and its file.
     *
     * @throws UwsException NOT_FOUND for an unknown job or result, or a result file gone missing
     */
    public StoredResult result(String jobId, String ownerId, String name) {
        Job job = get(jobId, ownerId);
        Result r = job.result(name).orElseThrow(() -> new UwsException(UwsException.Kind.NOT_FOUND,
                "Job " + jobId + " has no result '" + UwsException.shorten(name) + "'"));
        Path path = files.result(jobId, r.name());
        if (!Files.isRegularFile(path)) {
            LOG.error("Result file {} of job {} is missing", path, jobId);
            throw new UwsException(UwsException.Kind.NOT_FOUND, "The result file of job " + jobId
                    + " is no longer available");
        }
        return new StoredResult(r, path);
    }

    /** Destroys expired jobs and repairs orphaned ones; run periodically by the timer. */
    void reap() {
        housekeeper.reap();
    }

    /** Jobs waiting in the queue now. */
    public int queuedJobs() {
        return scheduler.queuedCount();
    }

    /** Jobs executing now. */
    public int executingJobs() {
        return scheduler.runningCount();
    }

    boolean isClosed() {
        return closed;
    }

    private void launch(String jobId, String ownerId) {
        try {
            workers.execute(() -> {
                try {
                    worker.execute(jobId);
                } finally {
                    scheduler.finished(ownerId);
                }
            });
        } catch (RejectedExecutionException e) {
            scheduler.finished(ownerId);
        }
    }

    /**
     * Stops the reaper and the workers: cancels running jobs through their cancel hooks (or an
     * interrupt for runners without one) and waits up to 10 s for them. Stored phases are left as
     * they are (see the class comment).
     */
    @Override
    public void close() {
        closed = true;
        scheduler.stop();
        timer.shutdownNow();
        waiters.shutdownNow();
        running.values().forEach(Execution::abort);
        // Interrupt only stragglers: an interrupt inside H2 file I/O can close the database.
        workers.shutdown();
        try {
            if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("UWS workers did not stop within 10 s; interrupting them");
                workers.shutdownNow();
            }
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static java.util.concurrent.ThreadFactory threads(String prefix, boolean daemon) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(daemon);
            return t;
        };
    }
}
