// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.server;

/** The server cannot start for a reason the operator can fix; the message says how. */
public final class StartupException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
