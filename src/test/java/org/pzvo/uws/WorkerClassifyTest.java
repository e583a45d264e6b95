// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.uws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** How runner failures become user messages: SQLState decides, internals never show. */
class WorkerClassifyTest {

    static ErrorSummary classify(Throwable t) {
        return Worker.classify("0123456789abcdef0123", t);
    }

    @Test
    void jobFailedExceptionKeepsItsMessageAndType() {
        assertEquals(ErrorSummary.fatal("Unknown column 'foo' at line 1, column 8"),
                classify(new JobFailedException("Unknown column 'foo' at line 1, column 8")));
        assertEquals(ErrorSummary.transientError("busy"), classify(new JobFailedException("busy",
                new SQLException("internal"), ErrorSummary.Type.TRANSIENT)));
    }

    @Test
    void connectionClassIsTransient() {
        ErrorSummary e = classify(new RuntimeException(new SQLException("I/O error at 10.0.0.3:5432", "08006")));
        assertEquals(ErrorSummary.Type.TRANSIENT, e.type());
        assertTrue(e.message().contains("database connection was lost"));
        assertFalse(e.message().contains("10.0.0.3"));
    }

    @Test
    void queryCancelledByTheDatabaseSaysSo() {
        ErrorSummary e = classify(new SQLException("canceling statement due to statement timeout", "57014"));
        assertTrue(e.message().contains("statement timeout"), e.message());
    }

    @Test
    void diskFullIsTransient() {
        ErrorSummary e = classify(new UncheckedIOException(new IOException("No space left on device")));
        assertEquals(ErrorSummary.Type.TRANSIENT, e.type());
        assertTrue(e.message().contains("disk space"));
    }

    @Test
    void anythingElseIsGenericAndNamesTheJob() {
        ErrorSummary e = classify(new SQLException("syntax error near SELEKT in /srv/pzvo/x.sql", "42601"));
        assertEquals("Internal error while running job 0123456789abcdef0123; the service log has the details.",
                e.message());
        assertEquals(ErrorSummary.Type.FATAL, classify(new NullPointerException()).type());
        assertEquals(ErrorSummary.Type.TRANSIENT, classify(new OutOfMemoryError()).type());
    }
}
