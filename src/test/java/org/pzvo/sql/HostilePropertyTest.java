// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pzvo.adql.AdqlException;

/**
 * Property-based input safety (issue 9): thousands of seeded random hostile strings — quotes,
 * backslashes, semicolons, comment markers, dollar quotes, escapes, look-alike and non-BMP
 * characters — used as string literals and as delimited identifiers, on H2 and PostgreSQL. The
 * property: the SQL runs as exactly one statement and gives back exactly the text the user wrote
 * (a literal's value, an alias's label), so no user text ever reached the SQL as code. And the
 * database's own catalogs and functions are unknown names to ADQL, refused before any SQL exists.
 */
class HostilePropertyTest {
    private static final long SEED = 20261123L;
    private static final int CASES = 1500;
    /** Fragments that mean something to some SQL lexer. */
    private static final String[] FRAGMENTS = {"'", "''", "\"", "\"\"", ";", "--", "/*", "*/", "\\", "\\'", "$$",
        "$x$", "E'", "N'", "U&'", "`", "%", "_", "\n", "\r", "\t", " ", "?", ":x", "@", "#", "||", "ʼ", "＇", "＂",
        "\u2028", "😀", "DROP TABLE sky.src", "OR 1=1", ")", "(", ",", "\u00a0", "x", "é", "0", "\u001b"};
    private static Engines engines;

    @BeforeAll
    static void start() throws Exception {
        engines = new Engines();
    }

    @AfterAll
    static void stop() throws Exception {
        engines.close();
    }

    private static String hostile(SplittableRandom random) {
        StringBuilder sb = new StringBuilder();
        int parts = 1 + random.nextInt(8);
        for (int i = 0; i < parts; i++) {
            sb.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
        }
        return sb.toString();
    }

    @Test
    void hostileLiteralsComeBackUnchangedOnBothEngines() throws Exception {
        SplittableRandom random = new SplittableRandom(SEED);
        for (int i = 0; i < CASES; i++) {
            String value = hostile(random);
            String adql = "SELECT TOP 1 '" + value.replace("'", "''") + "' AS v FROM sky.src";
            for (SqlDialect dialect : List.of(SqlDialects.H2, SqlDialects.POSTGRESQL)) {
                String sql = Engines.translate(adql, dialect);
                try (Statement s = engines.connection(dialect).createStatement()) {
                    assertTrue(s.execute(sql), sql);
                    try (ResultSet rs = s.getResultSet()) {
                        assertTrue(rs.next(), sql);
                        assertEquals(value, rs.getString(1), () -> "case " + value + " on " + dialect + ": " + sql);
                    }
                    assertFalse(s.getMoreResults(), sql);
                }
            }
        }
        assertEquals(List.of(Integer.toString(engines.data.sources.size())),
                engines.rows(SqlDialects.H2, "SELECT COUNT(*) FROM \"sky\".\"src\""));
    }

    @Test
    void hostileDelimitedIdentifiersAreLabelsOrUnknownNames() throws Exception {
        SplittableRandom random = new SplittableRandom(SEED + 1);
        for (int i = 0; i < CASES; i++) {
            String name = hostile(random);
            String quoted = "\"" + name.replace("\"", "\"\"") + "\"";
            String asAlias = "SELECT TOP 1 id AS " + quoted + " FROM sky.src";
            String asTable = "SELECT * FROM " + quoted;
            String asColumn = "SELECT " + quoted + " FROM sky.src";
            for (SqlDialect dialect : List.of(SqlDialects.H2, SqlDialects.POSTGRESQL)) {
                String sql;
                try {
                    sql = Translator.of(SkyCatalog.INSTANCE, dialect).translate(asAlias, -1).sql();
                } catch (AdqlException e) {
                    // An identifier ADQL refuses (e.g. empty after a control character): refused, not run.
                    continue;
                }
                try (Statement s = engines.connection(dialect).createStatement(); ResultSet rs = s.executeQuery(sql)) {
                    assertEquals(name, rs.getMetaData().getColumnLabel(1), () -> dialect + ": " + sql);
                }
                assertThrows(AdqlException.class, () -> Translator.of(SkyCatalog.INSTANCE, dialect)
                        .translate(asTable, -1), asTable);
                assertThrows(AdqlException.class, () -> Translator.of(SkyCatalog.INSTANCE, dialect)
                        .translate(asColumn, -1), asColumn);
            }
        }
    }

    /** Database catalogs and system tables: not in the catalog, so unknown schemas or tables. */
    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT * FROM information_schema.tables",
        "SELECT * FROM INFORMATION_SCHEMA.USERS",
        "SELECT * FROM \"INFORMATION_SCHEMA\".\"SETTINGS\"",
        "SELECT * FROM pg_catalog.pg_user",
        "SELECT * FROM pg_catalog.pg_shadow",
        "SELECT * FROM pg_user",
        "SELECT * FROM pg_stat_activity",
        "SELECT * FROM pg_settings",
        "SELECT * FROM public.pzvo_job",
        "SELECT * FROM uws_job",
        "SELECT * FROM sky.src, pg_roles",
        "SELECT id FROM sky.src WHERE id IN (SELECT oid FROM pg_class)",
        "SELECT * FROM sys.tables",
        "SELECT * FROM \"pg_catalog\".\"pg_proc\"",
    })
    void catalogsOfTheDatabaseAreUnknownTables(String adql) {
        for (SqlDialect dialect : List.of(SqlDialects.H2, SqlDialects.POSTGRESQL)) {
            AdqlException e = assertThrows(AdqlException.class,
                    () -> Translator.of(SkyCatalog.INSTANCE, dialect).translate(adql, -1));
            assertTrue(e.getMessage().matches(".*(unknown (schema|table)|reserved word).*"), e.getMessage());
        }
    }

    /** Functions of the database outside ADQL and our ivo_* whitelist: unknown functions. */
    @ParameterizedTest
    @ValueSource(strings = {
        "pg_sleep(10)", "pg_read_file('/etc/passwd')", "pg_ls_dir('.')", "lo_import('/etc/passwd')",
        "current_setting('data_directory')", "set_config('a', 'b', false)", "version()", "current_user()",
        "dblink('x', 'y')", "pg_terminate_backend(1)", "txid_current()", "inet_server_addr()",
        "CSVREAD('/etc/passwd')", "FILE_READ('/etc/passwd')", "FILE_WRITE('x', '/tmp/x')", "LINK_SCHEMA('a', '', 'jdbc:h2:mem:x', '', '', 'PUBLIC')",
        "H2VERSION()", "DATABASE_PATH()", "SESSION_ID()", "MEMORY_USED()", "DISK_SPACE_USED('sky.src')",
        "SLEEP(10)", "RANDOM_UUID()", "LOAD_FILE('/etc/passwd')", "SYSTEM_RANGE(1, 10)", "exec('ls')",
    })
    void functionsOfTheDatabaseAreUnknownFunctions(String call) {
        String adql = "SELECT " + call + " FROM sky.src";
        for (SqlDialect dialect : List.of(SqlDialects.H2, SqlDialects.POSTGRESQL)) {
            AdqlException e = assertThrows(AdqlException.class,
                    () -> Translator.of(SkyCatalog.INSTANCE, dialect).translate(adql, -1), adql);
            assertFalse(e.getMessage().isBlank());
        }
    }
}
