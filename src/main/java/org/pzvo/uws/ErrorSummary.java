// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.uws;

import java.util.Objects;

/**
 * Why a job failed or was aborted (UWS 1.1 §2.1.10): a message meant for the user, never a
 * stack trace or an internal path.
 *
 * @param message the user-facing text
 * @param type FATAL (resubmitting the same job will fail again) or TRANSIENT
 */
public record ErrorSummary(String message, Type type) {

    /** The UWS error type. */
    public enum Type {
        /** Resubmitting the same job will fail in the same way. */
        FATAL,
        /** The failure may not happen again (restart, lost connection, overload). */
        TRANSIENT;

        /** The value of the {@code type} attribute: "fatal" or "transient". */
        public String xmlValue() {
            return this == FATAL ? "fatal" : "transient";
        }
    }

    public ErrorSummary {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(type, "type");
    }

    /** A fatal error with this message. */
    public static ErrorSummary fatal(String message) {
        return new ErrorSummary(message, Type.FATAL);
    }

    /** A transient error with this message. */
    public static ErrorSummary transientError(String message) {
        return new ErrorSummary(message, Type.TRANSIENT);
    }
}
