// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.uws;

import java.util.Objects;

/**
 * Thrown by a {@link JobRunner} to fail a job with a message for the user. The message becomes
 * the job's error summary; the cause, if any, is logged and never shown.
 */
public class JobFailedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final ErrorSummary.Type type;

    /** A fatal failure with this user message. */
    public JobFailedException(String userMessage) {
        this(userMessage, null, ErrorSummary.Type.FATAL);
    }

    /** A fatal failure with this user message and an internal cause (logged only). */
    public JobFailedException(String userMessage, Throwable cause) {
        this(userMessage, cause, ErrorSummary.Type.FATAL);
    }

    /** A failure of the given UWS error type. */
    public JobFailedException(String userMessage, Throwable cause, ErrorSummary.Type type) {
        super(Objects.requireNonNull(userMessage, "userMessage"), cause);
        this.type = Objects.requireNonNull(type, "type");
    }

    /** The message shown to the user. */
    public String userMessage() {
        return getMessage();
    }

    /** FATAL or TRANSIENT. */
    public ErrorSummary.Type type() {
        return type;
    }
}
