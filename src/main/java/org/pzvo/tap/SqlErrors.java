// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.tap;

import java.sql.SQLException;
import org.pzvo.dali.DaliException;
import org.pzvo.dali.JdbcValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a database error into a user-facing DALI error, classified by SQLSTATE (SQL:2011 classes):
 * cancellation (57014) is the execution-time limit or an abort, class 22 is a data error the user
 * can fix, class 08 (and PostgreSQL's 57P0x, server shut down or starting) a lost connection,
 * answered 503 so that clients retry; anything else is logged with its cause and reported
 * without internals.
 */
final class SqlErrors {
    private static final Logger LOG = LoggerFactory.getLogger(SqlErrors.class);

    private SqlErrors() {
    }

    static DaliException toDali(SQLException e, int timeoutSeconds) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.equals("57014") || state.startsWith("HYT")) {
            return new DaliException(400, "The query was stopped after the execution time limit of "
                    + timeoutSeconds + " s. Make it more selective (a smaller region, TOP or MAXREC) "
                    + "or run it asynchronously at /tap/async, where the limit is longer.", e);
        }
        if (state.startsWith("22") || state.equals("90105") && JdbcValues.refusedArgument(e).isPresent()) {
            // A value the user can fix (class 22), or, on H2, one of our SQL functions refusing an
            // argument (e.g. a declination beyond 90): the same wording as after the first row.
            return new DaliException(400, JdbcValues.describe(e), e);
        }
        boolean closed = state.isEmpty() && "Connection is closed".equals(e.getMessage());
        if (state.startsWith("08") || state.startsWith("57P") || closed) {
            // 08: connection exception; 57P01-57P03: PostgreSQL shutting down or starting up.
            // HikariCP drops the broken connection (and then reports it as closed, without a
            // SQLSTATE), so the next request gets a fresh one.
            LOG.warn("Database connection lost: {}", e.toString());
            return new DaliException(503, "The database connection was lost; please retry in a moment", e);
        }
        LOG.error("Query failed in the database (SQLSTATE {})", state, e);
        return new DaliException(500, "The database could not run the query (SQLSTATE " + state
                + "). This is a fault of the service, not of your query; please report it.", e);
    }

}
