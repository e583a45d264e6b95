// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pzvo.adql.AdqlException;

/**
 * Hostile text — quotes, backslashes, semicolons, comment markers, dollar quotes and look-alike
 * characters in literals, aliases and catalog names, NUL bytes, 100 kB queries and deep nesting —
 * gives a clean {@link AdqlException} or SQL that runs as exactly one statement doing exactly what
 * the query asked, on H2 and on PostgreSQL.
 */
class HostileTextTest {
    private static Engines engines;

    @BeforeAll
    static void start() throws Exception {
        engines = new Engines();
    }

    @AfterAll
    static void stop() throws Exception {
        engines.close();
    }

    /** Runs {@code sql} as one statement and returns its rows; fails if it produced anything else. */
    private static List<String> runAlone(SqlDialect dialect, String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Statement s = engines.connection(dialect).createStatement()) {
            assertTrue(s.execute(sql), sql);
            try (ResultSet rs = s.getResultSet()) {
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
            }
            assertFalse(s.getMoreResults(), () -> "a second result from " + sql);
            assertEquals(-1, s.getUpdateCount(), () -> "an update from " + sql);
        }
        return rows;
    }

    private static String adqlLiteral(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    private static void assertTablesIntact() throws Exception {
        for (SqlDialect dialect : List.of(SqlDialects.H2, SqlDialects.POSTGRESQL)) {
            List<String> count = engines.rows(dialect, "SELECT COUNT(*) FROM \"sky\".\"src\"");
            assertEquals(List.of(Integer.toString(engines.data.sources.size())), count);
        }
    }

    @Test
    void literalsMatchExactlyTheirRow() throws Exception {
        for (String name : SkyData.HOSTILE_NAMES) {
            String adql = "SELECT id FROM sky.src WHERE name = " + adqlLiteral(name);
            String want = engines.data.sources.stream().filter(s -> name.equals(s.name()))
                    .map(s -> Integer.toString(s.id())).findFirst().orElseThrow();
            for (SqlDialect dialect : List.of(SqlDialects.H2, SqlDialects.POSTGRESQL)) {
                assertEquals(List.of(want), runAlone(dialect, Engines.translate(adql, dialect)), () -> dialect + " " + name);
            }
        }
        assertTablesIntact();
    }

    @Test
    void likePatternsAndConcatenationStayLiterals() throws Exception {
        String adql = "SELECT name || '''; --' FROM sky.src WHERE name LIKE '%''; DROP%'";
        for (SqlDialect dialect : List.of(SqlDialects.H2, SqlDialects.POSTGRESQL)) {
            assertEquals(List.of("x'; DROP TABLE \"sky\".\"src\"; --'; --"), runAlone(dialect, Engines.translate(adql, dialect)));
        }
        assertTablesIntact();
    }

    @Test
    void aliasesAreDelimitedIdentifiers() throws Exception {
        String alias = "x\"; DROP TABLE sky.src; -- /* ʼ";
        String adql = "SELECT id AS \"" + alias.replace("\"", "\"\"") + "\" FROM sky.src WHERE id = 1";
        for (SqlDialect dialect : List.of(SqlDialects.H2, SqlDialects.POSTGRESQL)) {
            String sql = Engines.translate(adql, dialect);
            try (Statement s = engines.connection(dialect).createStatement(); ResultSet rs = s.executeQuery(sql)) {
                assertEquals(alias, rs.getMetaData().getColumnLabel(1));
                assertTrue(rs.next());
                assertEquals(1, rs.getInt(1));
            }
        }
        assertTablesIntact();
    }

    @Test
    void catalogNamesWithQuotesSemicolonsAndCommentsAreQuoted() throws Exception {
        String adql = "SELECT \"semi;colon--/*x*/\" FROM sky.\"odd\"\"name\"";
        for (SqlDialect dialect : List.of(SqlDialects.H2, SqlDialects.POSTGRESQL)) {
            assertEquals(List.of("7"), runAlone(dialect, Engines.translate(adql, dialect)));
        }
    }

    @Test
    void nulIsRefusedWithAPosition() {
        AdqlException e = assertThrows(AdqlException.class, () -> Translator.of(SkyCatalog.INSTANCE, SqlDialects.POSTGRESQL)
                .translate("SELECT id FROM sky.src WHERE name = 'a\0b'", -1));
        assertEquals(1, e.line());
    }

    @Test
    void deepNestingIsRefusedCleanly() {
        String adql = "SELECT " + "(".repeat(10_000) + "1" + ")".repeat(10_000) + " FROM sky.src";
        assertThrows(AdqlException.class, () -> Translator.of(SkyCatalog.INSTANCE, SqlDialects.H2).translate(adql, -1));
    }

    @Test
    void hundredKilobyteQueriesRun() throws Exception {
        StringBuilder in = new StringBuilder();
        for (int i = 1; i <= 18_000; i++) {
            in.append(i == 1 ? "" : ", ").append(i);
        }
        String adql = "SELECT COUNT(*) FROM sky.src WHERE id IN (" + in + ")";
        assertTrue(adql.length() > 100_000);
        for (SqlDialect dialect : List.of(SqlDialects.H2, SqlDialects.POSTGRESQL)) {
            String want = Integer.toString(Math.min(18_000, engines.data.sources.size()));
            assertEquals(List.of(want), runAlone(dialect, Engines.translate(adql, dialect)));
        }
    }

    @Test
    void longConditionChainsRun() throws Exception {
        StringBuilder where = new StringBuilder("id = 0");
        for (int i = 1; i <= 2_000; i++) {
            where.append(" OR id = ").append(i);
        }
        String adql = "SELECT COUNT(*) FROM sky.src WHERE " + where;
        for (SqlDialect dialect : List.of(SqlDialects.H2, SqlDialects.POSTGRESQL)) {
            assertEquals(List.of("2000"), runAlone(dialect, Engines.translate(adql, dialect)));
        }
    }
}
