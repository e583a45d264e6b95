// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.uws;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable snapshot of a job as stored (UWS 1.1 §2.1, the elements of {@code uws:job}).
 * A later read may show a different phase; nothing here changes.
 *
 * @param jobId unique, unguessable id
 * @param runId the client's RUNID parameter, or null
 * @param ownerId the owner, or null for anonymous
 * @param phase the phase at the time of reading
 * @param quote when the job is expected to finish, or null ("don't know")
 * @param creationTime when it was created
 * @param startTime when it started executing, or null
 * @param endTime when it finished, or null
 * @param executionDurationSec the execution limit in seconds (0 would mean unlimited; this
 *     service always sets a limit)
 * @param destruction when the job and its results will be destroyed
 * @param parameters its parameters
 * @param results its results (only a COMPLETED job has any)
 * @param error why it failed or was aborted, or null
 * @param jobInfo the last progress text reported by the runner, or null
 */
public record Job(String jobId, String runId, String ownerId, Phase phase, Instant quote,
        Instant creationTime, Instant startTime, Instant endTime, long executionDurationSec,
        Instant destruction, Parameters parameters, List<Result> results, ErrorSummary error,
        String jobInfo) {

    public Job {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(creationTime, "creationTime");
        Objects.requireNonNull(destruction, "destruction");
        Objects.requireNonNull(parameters, "parameters");
        results = List.copyOf(results);
    }

    /** The named result, if the job has it. */
    public Optional<Result> result(String name) {
        return results.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /** Whether the job belongs to {@code owner} (null = anonymous, which owns anonymous jobs). */
    public boolean isOwnedBy(String owner) {
        return Objects.equals(ownerId, owner);
    }
}
