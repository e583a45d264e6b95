// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.uws;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The execution phase of a UWS job (UWS 1.1 §2.1.3) with the table of allowed transitions.
 *
 * <p>The table is the only place that says which phase may follow which; the job store applies
 * a transition as a compare-and-set on the stored phase and reports the actual phase when the
 * expected one was no longer current.
 */
public enum Phase {
    /** Created, parameters may still change; runs only after PHASE=RUN. */
    PENDING,
    /** Accepted for execution, waiting for a worker. */
    QUEUED,
    /** Running. */
    EXECUTING,
    /** Finished successfully; results are available. */
    COMPLETED,
    /** Finished with an error; the error summary says why. */
    ERROR,
    /** Aborted by its owner or by the service (execution duration, destruction). */
    ABORTED,
    /** The service does not know the state of the job. */
    UNKNOWN,
    /** Held by the service; will not run until released. */
    HELD,
    /** Suspended by the service during execution. */
    SUSPENDED,
    /** Destroyed results, metadata kept (UWS 1.1 §2.1.3). */
    ARCHIVED;

    private static final Map<Phase, Set<Phase>> NEXT = new EnumMap<>(Phase.class);

    static {
        allow(PENDING, QUEUED, HELD, ABORTED, ERROR, ARCHIVED);
        allow(HELD, QUEUED, ABORTED, ERROR, ARCHIVED);
        allow(QUEUED, EXECUTING, HELD, ABORTED, ERROR);
        allow(EXECUTING, COMPLETED, ERROR, ABORTED, SUSPENDED);
        allow(SUSPENDED, EXECUTING, ABORTED, ERROR);
        allow(COMPLETED, ARCHIVED);
        allow(ERROR, ARCHIVED);
        allow(ABORTED, ARCHIVED);
        allow(UNKNOWN, ERROR, ABORTED, ARCHIVED);
        NEXT.put(ARCHIVED, Collections.unmodifiableSet(EnumSet.noneOf(Phase.class)));
    }

    private static void allow(Phase from, Phase first, Phase... rest) {
        NEXT.put(from, Collections.unmodifiableSet(EnumSet.of(first, rest)));
    }

    /** The phases that may directly follow this one. */
    public Set<Phase> next() {
        return NEXT.get(this);
    }

    /** Whether the transition {@code this → target} is in the table. */
    public boolean canMoveTo(Phase target) {
        return NEXT.get(this).contains(target);
    }

    /**
     * Whether a WAIT request blocks on this phase: PENDING, QUEUED or EXECUTING
     * (UWS 1.1 §2.2.1.1).
     */
    public boolean isActive() {
        return this == PENDING || this == QUEUED || this == EXECUTING;
    }

    /** Whether the job has finished: COMPLETED, ERROR, ABORTED or ARCHIVED. */
    public boolean isFinal() {
        return this == COMPLETED || this == ERROR || this == ABORTED || this == ARCHIVED;
    }

    /** The phase named by {@code text}, ignoring case and surrounding blanks; empty if none. */
    public static Optional<Phase> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String upper = text.trim().toUpperCase(Locale.ROOT);
        for (Phase p : values()) {
            if (p.name().equals(upper)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
