// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pzvo.adql.AdqlException;
import org.pzvo.db.Engine;

/**
 * The H2 SQL with numeric literals as parameters ({@link BoundSql}) returns exactly what the SQL
 * with inline literals returns, with the same column types, and its text is the same for queries
 * that differ only in their literals (what lets H2's per-connection statement cache reuse it).
 */
class BoundSqlTest {
    private static Connection h2;

    @BeforeAll
    static void start() throws Exception {
        h2 = DriverManager.getConnection("jdbc:h2:mem:bound;DB_CLOSE_DELAY=-1");
        new SkyData().load(h2, Engine.H2);
    }

    @AfterAll
    static void stop() throws Exception {
        h2.close();
    }

    private static TranslatedQuery translate(String adql) throws AdqlException {
        return Translator.of(SkyCatalog.INSTANCE, SqlDialects.H2).translate(adql, 1001);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT id, ra, dec FROM sky.src WHERE 1 = CONTAINS(POINT(ra, dec), CIRCLE(45, 30, 0.5)) ORDER BY id",
        "SELECT id FROM sky.src WHERE 1 = CONTAINS(POINT('ICRS', ra, dec), CIRCLE('ICRS', 359.9, -0.0, 1/60 + 0.2)) ORDER BY id",
        "SELECT id FROM sky.src WHERE CONTAINS(POINT(ra, dec), POLYGON(44, 29, 46, 29, 45, 31.5)) = 1 ORDER BY 1",
        "SELECT id FROM sky.src WHERE DISTANCE(POINT(ra, dec), POINT(-0, +30)) < 2 ORDER BY id DESC",
        "SELECT ivo_healpix_index(2, ra, dec) AS h, COUNT(*) AS n FROM sky.src WHERE flux > 0.5 GROUP BY ivo_healpix_index(2, ra, dec) ORDER BY 1",
        "SELECT id / 7, 1/60, MOD(id, 3), 2.5e0 * 2, 0x1F + id, 9223372036854775807, 99999999999999999999 FROM sky.src WHERE id BETWEEN 3 AND 40 ORDER BY id",
        "SELECT TOP 5 id, CASE WHEN mag > 20.5 THEN 1 ELSE 0 END AS bright FROM sky.src WHERE id IN (1, 2, 3, 5, 8, 13) ORDER BY id",
        "SELECT id FROM sky.src WHERE name = 'O''Brien' OR id = -1 OR ra > 1e-400 AND id < 3 ORDER BY id",
        "SELECT DISTINCT ROUND(ra, 1) AS r FROM sky.src WHERE ra < 10.25 ORDER BY ROUND(ra, 1)",
        "SELECT s.id, r.id FROM sky.ref AS r JOIN sky.src AS s ON 1 = CONTAINS(POINT(s.ra, s.dec), CIRCLE(r.ra, r.dec, 0.1)) ORDER BY 1, 2",
    })
    void boundSqlReturnsWhatInlineSqlReturns(String adql) throws Exception {
        TranslatedQuery t = translate(adql);
        BoundSql bound = t.bound().orElseThrow();
        assertFalse(bound.values().isEmpty(), bound.sql());
        List<String> inline;
        List<String> withParameters;
        try (Statement s = h2.createStatement(); ResultSet rs = s.executeQuery(t.sql())) {
            inline = rows(rs);
        }
        try (PreparedStatement st = h2.prepareStatement(bound.sql())) {
            bound.bind(st);
            try (ResultSet rs = st.executeQuery()) {
                withParameters = rows(rs);
            }
        }
        assertFalse(inline.size() <= 1, "too few rows to compare: " + inline);
        assertEquals(inline, withParameters, bound.sql());
    }

    /** Rows as text, after a first line of the column types. */
    private static List<String> rows(ResultSet rs) throws SQLException {
        List<String> out = new ArrayList<>();
        ResultSetMetaData meta = rs.getMetaData();
        StringBuilder types = new StringBuilder();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            types.append(meta.getColumnTypeName(i)).append(' ');
        }
        out.add(types.toString());
        while (rs.next()) {
            StringBuilder row = new StringBuilder();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                row.append(rs.getString(i)).append(' ');
            }
            out.add(row.toString());
        }
        return out;
    }

    @Test
    void queriesDifferingInTheirLiteralsShareOneText() throws Exception {
        String query = "SELECT TOP %s id, mag FROM sky.src WHERE id = %s OR flux > %s AND mag < 20";
        BoundSql a = translate(String.format(query, "1", "17", "0.25")).bound().orElseThrow();
        BoundSql b = translate(String.format(query, "1", "123456", "1e3")).bound().orElseThrow();
        assertEquals(a.sql(), b.sql());
        assertEquals(List.of(17, 0.25, 20), a.values());
        assertEquals(List.of(123456, 1000.0, 20), b.values());
        assertFalse(a.sql().matches("(?s).*\\b(17|0\\.25|20)\\b.*"), a.sql());
    }

    /** H2 folds a constant array once but casts an array parameter on every row: shapes and ranges stay inline. */
    @Test
    void geometryValuesAndHealpixRangesStayInline() throws Exception {
        String cone = "SELECT id FROM sky.src WHERE 1 = CONTAINS(POINT(ra, dec), CIRCLE(45.1, 30.2, 0.0166))";
        TranslatedQuery t = translate(cone);
        BoundSql b = t.bound().orElseThrow();
        assertEquals(t.sql().replace("(1 = pzvo_contains", "(CAST(?1 AS INTEGER) = pzvo_contains"), b.sql());
        assertEquals(List.of(1), b.values());
    }

    @Test
    void bareLiteralsInOrderByStayPositions() throws Exception {
        BoundSql b = translate("SELECT mag, COUNT(*) FROM sky.src GROUP BY mag ORDER BY 2 DESC, 1").bound().orElseThrow();
        assertTrue(b.sql().contains("ORDER BY 2 DESC") && b.sql().contains(", 1 ASC"), b.sql());
    }

    @Test
    void stringsStayEscapedInline() throws Exception {
        String hostile = "x'; DROP TABLE \"sky\".\"src\"; --";
        BoundSql b = translate("SELECT id FROM sky.src WHERE name = '" + hostile.replace("'", "''") + "' OR id < 4")
                .bound().orElseThrow();
        assertTrue(b.sql().contains("'x''; DROP TABLE"), b.sql());
        assertEquals(List.of(4), b.values());
    }

    /** H2 drops cached statements when the schema changes: the same text then reads the new table. */
    @Test
    void theEngineCacheFollowsSchemaChanges() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:bound-schema;DB_CLOSE_DELAY=-1");
             Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA \"sky\"");
            s.execute("CREATE TABLE \"sky\".\"src\" (\"id\" INTEGER, \"mag\" REAL)");
            s.execute("INSERT INTO \"sky\".\"src\" VALUES (17, 20.5)");
            BoundSql b = translate("SELECT TOP 1 id, mag FROM sky.src WHERE id = 17").bound().orElseThrow();
            assertEquals(List.of("INTEGER REAL ", "17 20.5 "), run(c, b));
            s.execute("DROP TABLE \"sky\".\"src\"");
            s.execute("CREATE TABLE \"sky\".\"src\" (\"mag\" DOUBLE PRECISION, \"id\" BIGINT)");
            s.execute("INSERT INTO \"sky\".\"src\" VALUES (21.25, 17)");
            assertEquals(List.of("BIGINT DOUBLE PRECISION ", "17 21.25 "), run(c, b));
        }
    }

    private static List<String> run(Connection c, BoundSql b) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(b.sql())) {
            b.bind(st);
            try (ResultSet rs = st.executeQuery()) {
                return rows(rs);
            }
        }
    }
}
