// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.uws;

import java.time.Instant;
import java.util.Objects;

/**
 * A line of the job list (UWS 1.1 {@code uws:jobref}, ShortJobDescription).
 *
 * @param jobId the job id
 * @param runId the client's RUNID, or null
 * @param ownerId the owner, or null for anonymous
 * @param phase the phase when listed
 * @param creationTime when the job was created
 */
public record JobRef(String jobId, String runId, String ownerId, Phase phase, Instant creationTime) {
    public JobRef {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(creationTime, "creationTime");
    }
}
