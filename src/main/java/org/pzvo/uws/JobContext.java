// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.uws;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * What a {@link JobRunner} sees of the job it runs. One instance per execution; methods may be
 * called from the worker thread only, except {@link #isAborted()} which any thread may call.
 */
public interface JobContext {

    /** The job id. */
    String jobId();

    /** The owner, or null for an anonymous job. */
    String ownerId();

    /** The job parameters as they were when the job started. */
    Parameters parameters();

    /** When the execution duration runs out and the job will be aborted. */
    Instant deadline();

    /**
     * Opens a result file {@code <dataDir>/uws/<jobId>/<name>} to stream into. The stream is owned
     * by the caller, who should close it; the engine closes any left open when the runner
     * returns. The result is published only if the job COMPLETES; after an error or an abort the
     * file is deleted, so a partial result is never served.
     *
     * @param name result id (UWS {@code results/<name>}); TAP's primary result is "result"
     * @param mimeType Content-Type to serve it with
     * @throws IllegalArgumentException for an invalid or already used name
     */
    OutputStream openResult(String name, String mimeType) throws IOException;

    /**
     * A file sent inline with the job creation request (a multipart part with a file name, e.g. a
     * TAP upload referenced as {@code param:name}), or empty if there is none by that name.
     */
    Optional<Path> upload(String name);

    /**
     * A private scratch directory for this execution (created on first call, deleted when the
     * job ends), e.g. for uploaded tables.
     */
    Path scratchDirectory() throws IOException;

    /**
     * Reports progress shown as {@code jobInfo} in the job document, e.g. "12000 rows written".
     * Cheap to call often: the store is updated at most once a second, and once at the end.
     */
    void progress(String jobInfoText);

    /** Whether the job was aborted (by its owner, its execution duration, or destruction). */
    boolean isAborted();

    /**
     * Registers a hook run once when the job is aborted, e.g. {@code statement::cancel}. If the
     * job is already aborted the hook runs at once on the calling thread. Hooks run on the
     * aborting thread and must not block. Exceptions they throw are logged and ignored.
     */
    void onCancel(CancelHook hook);

    /** A cancel action that may throw (e.g. {@code Statement.cancel()}). */
    @FunctionalInterface
    interface CancelHook {
        /** Cancels the work in progress. */
        void cancel() throws Exception;
    }
}
