// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * A {@link Load} of SQL queries through JDBC, one connection per client, every column of every
 * row read: the raw-SQL peers (q3c, pgSphere) of the HTTP workloads. Usage:
 * {@code JdbcLoad workload=W system=S jdbc=URL user= password= query=SQL [n= clients= runs=] out=CSV}.
 */
public final class JdbcLoad {
    private JdbcLoad() {
    }

    public static void main(String[] argv) throws Exception {
        Args args = Args.parse(argv);
        new Load(args).run(() -> new Load.Client() {
            private final Connection connection = DriverManager.getConnection(args.get("jdbc"), args.get("user", ""),
                    args.get("password", ""));

            @Override
            public long execute(String query) throws Exception {
                long rows = 0;
                try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(query)) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int i = 1; i <= columns; i++) {
                            rs.getObject(i);
                        }
                        rows++;
                    }
                }
                return rows;
            }

            @Override
            public void close() throws Exception {
                connection.close();
            }
        });
    }
}
