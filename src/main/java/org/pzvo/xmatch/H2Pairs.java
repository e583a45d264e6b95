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
    private static final Map<String, SuppliedRows> RUNNING_ROWS = new ConcurrentHashMap<>();

    private H2Pairs() {
    }

    /** Creates the function alias (idempotent). */
    static void install(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE ALIAS IF NOT EXISTS pzvo_pairs FOR '" + H2Pairs.class.getName() + ".pairs'");
            st.execute("CREATE ALIAS IF NOT EXISTS pzvo_pair_rows FOR '" + H2Pairs.class.getName() + ".pairRows'");
        }
    }

    /** Registers pairs until the returned handle is closed. */
    static Registration register(CrossMatchEngine.Found found) {
        String token = token();
        RUNNING.put(token, found);
        return new Registration(token);
    }

    /** Registers pairs with rows until the returned handle is closed. */
    static Registration register(SuppliedRows rows) {
        String token = token();
        RUNNING_ROWS.put(token, rows);
        return new Registration(token);
    }

    private static String token() {
        byte[] random = new byte[12];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    /** A registered pair set. */
    record Registration(String token) implements AutoCloseable {
        @Override
        public void close() {
            RUNNING.remove(token);
            RUNNING_ROWS.remove(token);
        }
    }

    /**
     * The H2 function {@code pzvo_pair_rows(token, spec)}: for each pair registered under
     * {@code token}, the other table's key and the supplied row, as the columns {@code spec}
     * lists ({@code "TYPE name;..."}, see {@code PairRowColumns}); none when the token is unknown.
     */
    public static ResultSet pairRows(Connection conn, String token, String spec) {
        // Asked for its column list, H2 passes no token.
        SuppliedRows rows = token == null ? null : RUNNING_ROWS.get(token);
        SimpleResultSet rs = columnList(conn) ? new SimpleResultSet() : new SimpleResultSet(new SimpleRowSource() {
            private int next;

            @Override
            public Object[] readRow() {
                if (rows == null || next >= rows.pairs()) {
                    return null;
                }
                return rows.row(next++);
            }

            @Override
            public void close() {
            }

            @Override
            public void reset() {
                next = 0;
            }
        });
        for (String column : spec.split(";")) {
            int space = column.indexOf(' ');
            String type = column.substring(0, space);
            rs.addColumn(column.substring(space + 1), jdbcType(type), type.equals("VARCHAR") ? 1_000_000_000 : 0, 0);
        }
        return rs;
    }

    /** Whether H2 calls a table function only for its column list. */
    private static boolean columnList(Connection conn) {
        try {
            return conn.getMetaData().getURL().equals("jdbc:columnlist:connection");
        } catch (SQLException e) {
            throw new IllegalStateException("H2 gave a table function a connection without metadata", e);
        }
    }

    private static int jdbcType(String sqlType) {
        return switch (sqlType) {
            case "BIGINT" -> Types.BIGINT;
            case "INTEGER" -> Types.INTEGER;
            case "SMALLINT" -> Types.SMALLINT;
            case "REAL" -> Types.REAL;
            case "DOUBLE" -> Types.DOUBLE;
            case "BOOLEAN" -> Types.BOOLEAN;
            case "VARCHAR" -> Types.VARCHAR;
            default -> throw new IllegalArgumentException("Expected a type the engine can supply, actual " + sqlType);
        };
    }

    /** The H2 function: the pairs registered under {@code token} (none when unknown). */
    public static ResultSet pairs(Connection conn, String token) {
        if (columnList(conn)) {
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
