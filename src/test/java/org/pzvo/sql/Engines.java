// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.sql;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.pzvo.adql.AdqlException;
import org.pzvo.db.Engine;

/**
 * A real in-memory H2 database and a real embedded PostgreSQL server, both loaded with
 * {@link SkyData}. A test class starts one in {@code @BeforeAll} and closes it in {@code @AfterAll}.
 */
final class Engines implements AutoCloseable {
    private static final AtomicInteger H2_NAMES = new AtomicInteger();

    final SkyData data = new SkyData();
    final Connection h2;
    final EmbeddedPostgres postgres;
    final Connection pg;

    Engines() throws IOException, SQLException {
        h2 = DriverManager.getConnection("jdbc:h2:mem:sky" + H2_NAMES.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
        data.load(h2, Engine.H2);
        postgres = EmbeddedPostgres.start();
        pg = postgres.getPostgresDatabase().getConnection();
        data.load(pg, Engine.POSTGRESQL);
    }

    /** The connection for a dialect's engine. */
    Connection connection(SqlDialect dialect) {
        return dialect.engine() == Engine.H2 ? h2 : pg;
    }

    /** Translates {@code adql} for {@code dialect}. */
    static String translate(String adql, SqlDialect dialect) {
        try {
            return Translator.of(SkyCatalog.INSTANCE, dialect).translate(adql, -1).sql();
        } catch (AdqlException e) {
            throw new AssertionError("Expected a translation of " + adql + ", actual " + e.getMessage(), e);
        }
    }

    /** Translates {@code adql} for H2, with its literals as parameters. */
    static BoundSql translateBound(String adql) {
        try {
            return Translator.of(SkyCatalog.INSTANCE, SqlDialects.H2).translate(adql, -1).bound().orElseThrow();
        } catch (AdqlException e) {
            throw new AssertionError("Expected a translation of " + adql + ", actual " + e.getMessage(), e);
        }
    }

    /** The rows of {@code sql}, each row's columns joined with a space. */
    List<String> rows(SqlDialect dialect, String sql) throws SQLException {
        try (Statement s = connection(dialect).createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rows(rs);
        }
    }

    /** The rows of {@code sql} on H2, its parameters bound. */
    List<String> rows(BoundSql sql) throws SQLException {
        try (PreparedStatement st = h2.prepareStatement(sql.sql())) {
            sql.bind(st);
            try (ResultSet rs = st.executeQuery()) {
                return rows(rs);
            }
        }
    }

    private static List<String> rows(ResultSet rs) throws SQLException {
        List<String> out = new ArrayList<>();
        int n = rs.getMetaData().getColumnCount();
        while (rs.next()) {
            StringBuilder row = new StringBuilder();
            for (int i = 1; i <= n; i++) {
                row.append(i > 1 ? " " : "").append(rs.getString(i));
            }
            out.add(row.toString());
        }
        return out;
    }

    /** The plan of {@code sql}. */
    String explain(SqlDialect dialect, String sql) throws SQLException {
        return String.join("\n", rows(dialect, "EXPLAIN " + sql));
    }

    @Override
    public void close() throws IOException, SQLException {
        h2.close();
        pg.close();
        postgres.close();
    }
}
