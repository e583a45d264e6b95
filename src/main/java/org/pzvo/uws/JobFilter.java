// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.uws;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * The job-list filters of UWS 1.1 §2.2.2.1, combined with a logical AND.
 *
 * @param phases jobs in any of these phases; empty means every phase except ARCHIVED
 * @param after only jobs created strictly after this instant, or null
 * @param last at most this many of the most recently created jobs, or null for all
 */
public record JobFilter(Set<Phase> phases, Instant after, Integer last) {

    /** No filter: every job of the owner except ARCHIVED ones. */
    public static final JobFilter ALL = new JobFilter(Set.of(), null, null);

    public JobFilter {
        phases = Set.copyOf(Objects.requireNonNull(phases, "phases"));
        if (last != null && last < 0) {
            throw new IllegalArgumentException("Expected LAST >= 0, actual " + last);
        }
    }
}
