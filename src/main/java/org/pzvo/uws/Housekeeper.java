// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.uws;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the store consistent with reality: the repair at start-up (see {@link UwsService} for the
 * restart rules) and the periodic reaper that destroys jobs at their destruction time.
 */
final class Housekeeper {

    private static final Logger LOG = LoggerFactory.getLogger(Housekeeper.class);

    private final UwsService service;
    private final JobStore store;
    private final JobFiles files;
    private final PhaseMonitor monitor;
    private final Map<String, Execution> running;

    Housekeeper(UwsService service, JobStore store, JobFiles files, PhaseMonitor monitor,
            Map<String, Execution> running) {
        this.service = service;
        this.store = store;
        this.files = files;
        this.monitor = monitor;
        this.running = running;
    }

    /**
     * Sets jobs left EXECUTING, SUSPENDED or UNKNOWN to ERROR and deletes their partial files,
     * deletes job directories without a job, and returns the QUEUED jobs in queue order.
     */
    List<JobRef> repairAfterRestart() {
        Instant now = Worker.now();
        for (JobRef r : store.inPhases(List.of(Phase.EXECUTING, Phase.SUSPENDED, Phase.UNKNOWN))) {
            if (store.casPhase(r.jobId(), r.phase(), Phase.ERROR, now,
                    ErrorSummary.transientError(UwsService.RESTART_MESSAGE))) {
                files.deleteAllBut(r.jobId(), List.of());
                LOG.info("Job {} was {} when the service stopped; now ERROR", r.jobId(), r.phase());
            }
        }
        for (String dir : files.jobDirectoryNames()) {
            if (!store.exists(dir)) {
                files.deleteJob(dir);
            }
        }
        return store.inPhases(List.of(Phase.QUEUED));
    }

    /**
     * Destroys every job whose destruction time has passed, and sets to ERROR any job EXECUTING
     * in the store but not in this engine (its final write was lost while the database was down;
     * this engine is the only one using the store, so nobody else will finish it). Never throws.
     */
    void reap() {
        try {
            for (String jobId : store.expired(Worker.now())) {
                LOG.info("Destroying job {} (destruction time reached)", jobId);
                service.destroy(jobId);
            }
            for (JobRef r : store.inPhases(List.of(Phase.EXECUTING))) {
                if (!running.containsKey(r.jobId()) && !service.isClosed() && store.casPhase(r.jobId(),
                        Phase.EXECUTING, Phase.ERROR, Worker.now(), ErrorSummary.transientError(
                                "The outcome of the job could not be recorded; please submit it again."))) {
                    files.deleteAllBut(r.jobId(), List.of());
                    monitor.changed(r.jobId());
                }
            }
        } catch (RuntimeException e) {
            LOG.error("The UWS reaper failed; it will try again", e);
        }
    }
}
