// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.uws;

/**
 * The application's work for a job, plugged into the engine (TAP supplies one that runs ADQL).
 *
 * <p>Contract of {@link #run}: it is called on a worker thread once the job is EXECUTING and
 * should stream its output into files opened with {@link JobContext#openResult}. Returning
 * normally completes the job (COMPLETED, with every result opened); throwing fails it:
 * <ul>
 * <li>{@link JobFailedException}: ERROR with its user message;</li>
 * <li>{@link java.sql.SQLException} with SQLState class 08: ERROR, "database connection lost"
 *     (transient); SQLState 57014 after an abort: ABORTED;</li>
 * <li>anything else: ERROR with a generic message naming the job id; the cause is logged.</li>
 * </ul>
 * After an abort, when the execution duration runs out or when the job is destroyed,
 * {@link JobContext#isAborted()} turns true and registered cancel hooks run (e.g.
 * {@code Statement.cancel()}). The thread is never interrupted (an interrupt inside H2 file I/O
 * closes the database for everyone), so a runner either registers a hook or polls
 * {@link JobContext#isAborted()}. The runner should then stop soon; whatever it does afterwards cannot change the job, which is
 * already ABORTED. Runners should also bound their own statements by
 * {@link JobContext#deadline()} (e.g. {@code Statement.setQueryTimeout}).
 *
 * <p>Implementations must be thread-safe: several jobs run at once.
 */
@FunctionalInterface
public interface JobRunner {

    /** Runs the job. See the class comment for how the outcome is classified. */
    void run(JobContext context) throws Exception;

    /**
     * Checks parameters when a job is created or its parameters are changed, before anything is
     * stored. Throw {@link UwsException#invalid(String)} with a message naming the parameter to
     * reject them. The default accepts everything.
     */
    default void validate(Parameters parameters) {
    }
}
