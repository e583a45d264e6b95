// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.xmatch;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.h2.tools.SimpleResultSet;
import org.h2.tools.SimpleRowSource;

/**
 * The engine's pairs as an H2 table function, {@code pzvo_pairs(token)} with columns {@code k1},
 * {@code k2}: H2 arrays hold at most 65,536 elements, too few to pass the pairs as parameters as
 * on PostgreSQL. The pairs of a running query are registered under a random token for as long as
 * the query runs; the function streams them row by row (H2 calls it with a
 * {@code jdbc:columnlist:connection} connection first, for the column list only).
 */
public final class H2Pairs {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Map<String, CrossMatchEngine.Found> RUNNING = new ConcurrentHashMap<>();

    private H2Pairs() {
    }

    /** Creates the function alias (idempotent). */
    static void install(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE ALIAS IF NOT EXISTS pzvo_pairs FOR '" + H2Pairs.class.getName() + ".pairs'");
        }
    }

    /** Registers pairs until the returned handle is closed. */
    static Registration register(CrossMatchEngine.Found found) {
        byte[] random = new byte[12];
        RANDOM.nextBytes(random);
        String token = HexFormat.of().formatHex(random);
        RUNNING.put(token, found);
        return new Registration(token);
    }

    /** A registered pair set. */
    record Registration(String token) implements AutoCloseable {
        @Override
        public void close() {
            RUNNING.remove(token);
        }
    }

    /** The H2 function: the pairs registered under {@code token} (none when unknown). */
    public static ResultSet pairs(Connection conn, String token) throws SQLException {
        if (conn.getMetaData().getURL().equals("jdbc:columnlist:connection")) {
            return columns(new SimpleResultSet());
        }
        CrossMatchEngine.Found found = RUNNING.get(token);
        long[] first = found == null ? new long[0] : found.firstKeys();
        long[] second = found == null ? new long[0] : found.secondKeys();
        return columns(new SimpleResultSet(new SimpleRowSource() {
            private int next;

            @Override
            public Object[] readRow() {
                if (next >= first.length) {
                    return null;
                }
                Object[] row = {first[next], second[next]};
                next++;
                return row;
            }

            @Override
            public void close() {
            }

            @Override
            public void reset() {
                next = 0;
            }
        }));
    }

    private static SimpleResultSet columns(SimpleResultSet rs) {
        rs.addColumn("k1", Types.BIGINT, 19, 0);
        rs.addColumn("k2", Types.BIGINT, 19, 0);
        return rs;
    }
}
