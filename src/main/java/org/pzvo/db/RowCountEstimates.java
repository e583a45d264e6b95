// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * Cheap row-count estimates from the engine's statistics (H2's ROW_COUNT_ESTIMATE, PostgreSQL's
 * pg_class.reltuples), keyed by {@code schema.table}: good enough for VODataService nrows and the
 * landing page, and free even on 10^8-row tables.
 */
public final class RowCountEstimates {
    private RowCountEstimates() {
    }

    public static Map<String, Long> estimate(Connection c, Engine engine) throws SQLException {
        String sql = engine == Engine.H2
                ? "SELECT TABLE_SCHEMA, TABLE_NAME, ROW_COUNT_ESTIMATE FROM INFORMATION_SCHEMA.TABLES"
                        + " WHERE TABLE_TYPE = 'BASE TABLE'"
                : "SELECT n.nspname, c.relname, c.reltuples::bigint FROM pg_class c"
                        + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p')"
                        + " AND n.nspname NOT IN ('pg_catalog', 'information_schema')";
        Map<String, Long> counts = new HashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                long n = rs.getLong(3);
                if (n >= 0) {
                    counts.put(rs.getString(1) + "." + rs.getString(2), n);
                }
            }
        }
        return counts;
    }
}
