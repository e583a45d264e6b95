// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.uws;

import java.util.Objects;

/**
 * A request the engine refuses, with a message meant for the user. The kind says what went
 * wrong in domain terms; only the HTTP edge turns it into a status code.
 */
public final class UwsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What kind of refusal this is. */
    public enum Kind {
        /** No such job for this owner (another owner's job is reported the same way). */
        NOT_FOUND,
        /** A parameter value is malformed or out of range. */
        INVALID_ARGUMENT,
        /** The job is in a phase that does not allow the request. */
        WRONG_PHASE,
        /** The service is at capacity; the client may retry later. */
        OVERLOADED
    }

    private final Kind kind;

    public UwsException(Kind kind, String message) {
        super(Objects.requireNonNull(message, "message"));
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    /** What kind of refusal this is. */
    public Kind kind() {
        return kind;
    }

    /** No job with this id visible to the requester. */
    public static UwsException notFound(String jobId) {
        return new UwsException(Kind.NOT_FOUND, "No job with id '" + shorten(jobId) + "'");
    }

    /** A malformed or out-of-range value. */
    public static UwsException invalid(String message) {
        return new UwsException(Kind.INVALID_ARGUMENT, message);
    }

    /** The request is not allowed in the job's current phase. */
    public static UwsException wrongPhase(String message) {
        return new UwsException(Kind.WRONG_PHASE, message);
    }

    /** Echo at most 64 characters of user input in a message. */
    static String shorten(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= 64 ? text : text.substring(0, 61) + "...";
    }
}
