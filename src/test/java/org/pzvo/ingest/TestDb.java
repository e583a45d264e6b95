// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.ingest;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.pzvo.db.Engine;
import org.pzvo.db.Metadata;
import org.pzvo.db.SchemaInstaller;

/**
 * Fresh databases with the project's schema installed: H2 file databases in a temp directory,
 * and databases of one embedded PostgreSQL server per test class.
 */
final class TestDb implements AutoCloseable {
    static final Path PROJECT_TAP_SCHEMA = Path.of("tap-schema");
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private EmbeddedPostgres pg;

    /** A connection to a new, installed database on {@code engine}. */
    Connection open(Engine engine, Path dir) throws IOException, SQLException {
        Connection c;
        if (engine == Engine.H2) {
            c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("db" + COUNTER.incrementAndGet())
                    .toAbsolutePath());
        } else {
            if (pg == null) {
                pg = EmbeddedPostgres.start();
            }
            String name = "t" + COUNTER.incrementAndGet();
            try (Connection admin = pg.getPostgresDatabase().getConnection(); Statement st = admin.createStatement()) {
                st.execute("CREATE DATABASE " + name);
            }
            c = DriverManager.getConnection(pg.getJdbcUrl("postgres", name) + "&reWriteBatchedInserts=true");
        }
        SchemaInstaller.install(c, engine, project());
        return c;
    }

    static Metadata project() throws IOException {
        return Metadata.load(PROJECT_TAP_SCHEMA);
    }

    /** Every row of a query as strings, for before/after comparisons. */
    static List<String> rows(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder sb = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    sb.append(i == 1 ? "" : "|").append(rs.getString(i));
                }
                out.add(sb.toString());
            }
        }
        return out;
    }

    /** A snapshot of what a failed ingest must leave unchanged: tables, TAP_SCHEMA and maps rows. */
    static List<String> snapshot(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String schema = rs.getString("TABLE_SCHEM");
                if (!schema.equalsIgnoreCase("INFORMATION_SCHEMA") && !schema.equals("pg_catalog")) {
                    out.add("table " + schema + "." + rs.getString("TABLE_NAME"));
                }
            }
        }
        try (ResultSet rs = c.getMetaData().getSchemas()) {
            while (rs.next()) {
                out.add("schema " + rs.getString("TABLE_SCHEM"));
            }
        }
        for (String t : List.of("schemas", "tables", "columns", "keys", "key_columns")) {
            out.addAll(rows(c, "SELECT * FROM \"TAP_SCHEMA\".\"" + t + "\" ORDER BY 1, 2"));
        }
        out.addAll(rows(c, "SELECT * FROM \"maps\".\"map\" ORDER BY 1"));
        out.addAll(rows(c, "SELECT * FROM \"maps\".\"map_pixel\" ORDER BY 1, 2"));
        out.sort(null);
        return out;
    }

    @Override
    public void close() throws IOException {
        if (pg != null) {
            pg.close();
        }
    }
}
