// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Locale;

/**
 * The raw JDBC fetch rate of one SQL query (every column of every row read with getObject, in a
 * read-only transaction so that PostgreSQL uses a cursor), cold then {@code runs} warm times: the
 * ceiling pzvo's end-to-end streaming rate is compared against. Usage:
 * {@code JdbcFetch workload=W system=S jdbc=URL [user= password=] query=SQL [runs=3] out=CSV}.
 */
public final class JdbcFetch {
    private JdbcFetch() {
    }

    public static void main(String[] argv) throws Exception {
        Args args = Args.parse(argv);
        int runs = args.getInt("runs", 3);
        double cold = Double.NaN;
        double[] walls = new double[runs];
        long rows = 0;
        try (Connection c = DriverManager.getConnection(args.get("jdbc"), args.get("user", ""), args.get("password", ""))) {
            c.setAutoCommit(false);
            for (int run = 0; run <= runs; run++) {
                long t0 = System.nanoTime();
                long n = 0;
                try (PreparedStatement st = c.prepareStatement(args.get("query"))) {
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
                c.rollback();
                double wall = (System.nanoTime() - t0) / 1e9;
                System.err.printf(Locale.ROOT, "  %s %s run %d: %.2f s, %,d rows%n", args.get("workload"),
                        args.get("system"), run, wall, n);
                if (run == 0) {
                    cold = wall;
                } else {
                    walls[run - 1] = wall;
                }
                rows = n;
            }
        }
        double wall = Measurement.median(walls);
        new Measurement(args.get("workload"), args.get("system"), runs, wall, cold, rows / wall, "rows/s", Double.NaN,
                Double.NaN, Double.NaN, rows).appendTo(Path.of(args.get("out")));
    }
}
