// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * The raw JDBC fetch rate of a SQL query (every column read with getObject), best of three:
 * the ceiling pzvo's end-to-end rate is compared against. Usage: JdbcFetch JDBC_URL SQL
 */
public final class JdbcFetch {
    private JdbcFetch() {
    }

    public static void main(String[] args) throws Exception {
        long bestNs = Long.MAX_VALUE;
        long rows = 0;
        try (Connection c = DriverManager.getConnection(args[0])) {
            c.setAutoCommit(false);
            for (int run = 0; run < 3; run++) {
                long t0 = System.nanoTime();
                long n = 0;
                try (PreparedStatement st = c.prepareStatement(args[1])) {
                    st.setFetchSize(2000);
                    try (ResultSet rs = st.executeQuery()) {
                        int ncol = rs.getMetaData().getColumnCount();
                        while (rs.next()) {
                            for (int i = 1; i <= ncol; i++) {
                                rs.getObject(i);
                            }
                            n++;
                        }
                    }
                }
                bestNs = Math.min(bestNs, System.nanoTime() - t0);
                rows = n;
            }
        }
        System.out.printf("raw JDBC fetch: %,.0f rows/s (%,d rows, best of 3 %.2f s)%n", rows / (bestNs / 1e9), rows,
                bestNs / 1e9);
    }
}
