// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.dali;

/**
 * A request that cannot be answered, with the user-facing message and the HTTP status that
 * goes with it. The HTTP edge turns it into a DALI error VOTable (DALI 1.1 §4.2); the message
 * must say what to fix and never carries a stack trace.
 */
public class DaliException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int httpStatus;

    public DaliException(int httpStatus, String message) {
        super(message);
        this.httpStatus = httpStatus;
    }

    public DaliException(int httpStatus, String message, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
    }

    /** 400: a parameter is missing, malformed or out of range. */
    public static DaliException badRequest(String message) {
        return new DaliException(400, message);
    }

    public int httpStatus() {
        return httpStatus;
    }
}
