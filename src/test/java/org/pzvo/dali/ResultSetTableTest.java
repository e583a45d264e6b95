// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.dali;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.ac.starlink.table.RowSequence;

/**
 * The one-pass result table past its first rows, where a second thread reads the cursor ahead
 * of the writer: every row in order, MAXREC overflow, a database error in the middle, and an
 * early stop, each as on one thread.
 */
class ResultSetTableTest {
    private static final List<FieldMeta> FIELDS = List.of(
            new FieldMeta("x", "long", null, null, null, null, null, null),
            new FieldMeta("y", "double", null, null, null, null, null, null));
    private Connection conn;
    private Statement st;

    @BeforeEach
    void open() throws Exception {
        conn = DriverManager.getConnection("jdbc:h2:mem:;LAZY_QUERY_EXECUTION=TRUE");
        st = conn.createStatement();
    }

    @AfterEach
    void close() throws Exception {
        conn.close();
    }

    private ResultSetTable table(String sql, long maxRows) throws Exception {
        ResultSet rs = st.executeQuery(sql);
        return new ResultSetTable(rs, FIELDS, maxRows, n -> { });
    }

    /** Reads the whole sequence, checking that row i holds (i, i / 2); returns the rows read. */
    private static long readAll(ResultSetTable t) throws IOException {
        long n = 0;
        try (RowSequence rows = t.getRowSequence()) {
            while (rows.next()) {
                n++;
                assertEquals(n, rows.getCell(0));
                assertEquals(n / 2.0, rows.getCell(1));
            }
        }
        return n;
    }

    @Test
    void largeResultArrivesWholeAndInOrder() throws Exception {
        ResultSetTable t = table("SELECT X, X / 2.0 FROM SYSTEM_RANGE(1, 123457)", Long.MAX_VALUE);
        assertEquals(123_457, readAll(t));
        assertEquals(123_457, t.rowsRead());
        assertFalse(t.overflowed());
        assertTrue(t.failure().isEmpty());
    }

    @Test
    void maxrecStopsTheReaderAndReportsOverflow() throws Exception {
        ResultSetTable t = table("SELECT X, X / 2.0 FROM SYSTEM_RANGE(1, 60000)", 25_001);
        assertEquals(25_001, readAll(t));
        assertTrue(t.overflowed());
        ResultSetTable exact = table("SELECT X, X / 2.0 FROM SYSTEM_RANGE(1, 60000)", 60_000);
        assertEquals(60_000, readAll(exact));
        assertFalse(exact.overflowed());
    }

    @Test
    void errorAfterTheFirstRowsEndsTheSequenceOrThrows() throws Exception {
        String failing = "SELECT X, X / 2.0 + 1 / (X - 30000) * 0 FROM SYSTEM_RANGE(1, 50000)";
        ResultSetTable kept = table(failing, Long.MAX_VALUE);
        kept.stopAtError();
        assertEquals(29_999, readAll(kept));
        assertTrue(kept.failure().isPresent(), "the division by zero is kept");
        assertEquals(29_999, kept.rowsRead());

        ResultSetTable thrown = table(failing, Long.MAX_VALUE);
        IOException e = assertThrows(IOException.class, () -> readAll(thrown));
        assertTrue(e.getMessage().toLowerCase().contains("division"), e.getMessage());
    }

    @Test
    void closingEarlyStopsTheReaderAndFreesTheCursor() throws Exception {
        ResultSetTable t = table("SELECT X, X / 2.0 FROM SYSTEM_RANGE(1, 1000000)", Long.MAX_VALUE);
        RowSequence rows = t.getRowSequence();
        for (int i = 0; i < 15_000; i++) {
            assertTrue(rows.next());
        }
        rows.close();
        assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(th -> th.getName().equals("pzvo-fetch")
                && th.isAlive()), "the reading thread has ended");
        // The cursor is the caller's again: this thread reads on from where the reader stopped.
        ResultSet rs = st.getResultSet();
        assertTrue(rs.next());
        assertTrue(rs.getLong(1) > 15_000);
    }
}
