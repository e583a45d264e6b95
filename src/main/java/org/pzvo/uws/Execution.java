// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.uws;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One execution of a job: the {@link JobContext} handed to the runner, its open result files,
 * cancel hooks and throttled progress. Abort may come from any thread; everything else is
 * called from the worker thread.
 */
final class Execution implements JobContext {

    private static final Logger LOG = LoggerFactory.getLogger(Execution.class);
    private static final long PROGRESS_INTERVAL_NANOS = 1_000_000_000L;

    private record Pending(String name, String mimeType, OutputStream out) {
    }

    private final String jobId;
    private final String ownerId;
    private final Parameters parameters;
    private final Instant deadline;
    private final JobFiles files;
    private final JobStore store;
    private final AtomicBoolean aborted = new AtomicBoolean();
    private final List<CancelHook> hooks = new ArrayList<>();
    private final Map<String, Pending> results = new LinkedHashMap<>();
    private volatile Thread worker;
    private String lastProgress;
    private boolean progressUnsaved;
    private long lastProgressSaveNanos;

    Execution(String jobId, String ownerId, Parameters parameters, Instant deadline, JobFiles files,
            JobStore store) {
        this.jobId = jobId;
        this.ownerId = ownerId;
        this.parameters = parameters;
        this.deadline = deadline;
        this.files = files;
        this.store = store;
    }

    void bindWorker(Thread thread) {
        this.worker = thread;
    }

    @Override
    public String jobId() {
        return jobId;
    }

    @Override
    public String ownerId() {
        return ownerId;
    }

    @Override
    public Parameters parameters() {
        return parameters;
    }

    @Override
    public Instant deadline() {
        return deadline;
    }

    @Override
    public OutputStream openResult(String name, String mimeType) throws IOException {
        Result.checkName(name);
        if (mimeType == null || mimeType.isBlank()) {
            throw new IllegalArgumentException("Expected a MIME type for result " + name);
        }
        if (results.containsKey(name)) {
            throw new IllegalArgumentException("Result " + name + " is already open in job " + jobId);
        }
        Path part = files.partial(jobId, name);
        Files.createDirectories(part.getParent());
        OutputStream out = new BufferedOutputStream(Files.newOutputStream(part), 1 << 16);
        OutputStream guarded = new FilterOutputStream(out) {
            private boolean closed;

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                if (!closed) {
                    closed = true;
                    super.close();
                }
            }
        };
        results.put(name, new Pending(name, mimeType, guarded));
        return guarded;
    }

    @Override
    public Optional<Path> upload(String name) {
        if (!Result.isValidName(name)) {
            return Optional.empty();
        }
        Path p = files.upload(jobId, name);
        return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }

    @Override
    public Path scratchDirectory() throws IOException {
        return Files.createDirectories(files.scratch(jobId));
    }

    @Override
    public void progress(String jobInfoText) {
        lastProgress = jobInfoText;
        progressUnsaved = true;
        long now = System.nanoTime();
        if (lastProgressSaveNanos == 0 || now - lastProgressSaveNanos >= PROGRESS_INTERVAL_NANOS) {
            lastProgressSaveNanos = now;
            progressUnsaved = false;
            try {
                store.setJobInfo(jobId, jobInfoText);
            } catch (UwsStoreException e) {
                // Progress is informative: a database hiccup must not fail the job.
                progressUnsaved = true;
                LOG.warn("Could not store the progress of job {}", jobId, e);
            }
        }
    }

    /** The latest progress text not yet stored, or null. */
    String unsavedProgress() {
        return progressUnsaved ? lastProgress : null;
    }

    @Override
    public boolean isAborted() {
        return aborted.get();
    }

    @Override
    public void onCancel(CancelHook hook) {
        boolean runNow;
        synchronized (hooks) {
            runNow = aborted.get();
            if (!runNow) {
                hooks.add(hook);
            }
        }
        if (runNow) {
            runHook(hook);
        }
    }

    /**
     * Marks the execution aborted and runs the cancel hooks. The worker thread is never
     * interrupted: an interrupt inside JDBC or file I/O closes NIO channels, which closes an
     * embedded H2 database for everyone (seen in the TAP tests). Cancellation is cooperative:
     * runners register hooks or poll {@link JobContext#isAborted()}.
     */
    void abort() {
        List<CancelHook> toRun;
        synchronized (hooks) {
            if (!aborted.compareAndSet(false, true)) {
                return;
            }
            toRun = new ArrayList<>(hooks);
            hooks.clear();
        }
        toRun.forEach(this::runHook);
    }

    private void runHook(CancelHook hook) {
        try {
            hook.cancel();
        } catch (Exception e) {
            LOG.warn("Cancel hook of job {} failed", jobId, e);
        }
    }

    /**
     * Closes every result stream and publishes the files under their final names.
     *
     * @return the published results
     */
    List<Result> publishResults() throws IOException {
        List<Result> published = new ArrayList<>();
        for (Pending p : results.values()) {
            p.out().close();
            Path part = files.partial(jobId, p.name());
            Path target = files.result(jobId, p.name());
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            published.add(new Result(p.name(), p.mimeType(), Files.size(target)));
        }
        return published;
    }

    /** Closes streams quietly and deletes everything written (after an error or abort). */
    void discardResults() {
        for (Pending p : results.values()) {
            try {
                p.out().close();
            } catch (IOException e) {
                LOG.debug("Closing result {} of job {} failed", p.name(), jobId, e);
            }
        }
        try {
            files.deleteAllBut(jobId, List.of());
        } catch (RuntimeException e) {
            LOG.warn("Could not delete the files of job {}", jobId, e);
        }
    }

    /** Deletes the scratch and upload directories (after completion). */
    void deleteScratch() {
        try {
            JobFiles.deleteTree(files.scratch(jobId));
            JobFiles.deleteTree(files.upload(jobId, "x").getParent());
        } catch (RuntimeException e) {
            LOG.warn("Could not delete the scratch directory of job {}", jobId, e);
        }
    }
}
