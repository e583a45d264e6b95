// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.uws;

import java.sql.SQLException;

/**
 * The job database failed. Not the user's fault: the HTTP edge answers 503 with a generic
 * message and logs this exception with its cause.
 */
public final class UwsStoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UwsStoreException(String what, SQLException cause) {
        super("Job database failure while " + what + " (SQLState " + cause.getSQLState() + ")", cause);
    }
}
