// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SchemaInstallerTest {
    static Metadata metadata;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() throws Exception {
        metadata = Metadata.load(MetadataTest.TAP_SCHEMA_DIR);
    }

    private Connection h2File() throws SQLException {
        return DriverManager.getConnection("jdbc:h2:" + dir.resolve("db").toAbsolutePath());
    }

    @Test
    void installsEveryTableWithQuotedNamesAndConsistentTapSchema() throws SQLException {
        try (Connection c = h2File()) {
            SchemaInstaller.install(c, Engine.H2, metadata);
            for (TableMeta t : metadata.tables()) {
                try (Statement st = c.createStatement()) {
                    st.executeQuery("SELECT " + SqlNames.quote(t.columns().get(0).name()) + " FROM "
                            + SqlNames.table(t) + " WHERE 1 = 0").close();
                }
            }
            TapSchemaChecks.assertConsistent(c, metadata);
            assertEquals(List.of("301"), TapSchemaChecks.strings(c, "SELECT \"arraysize\" FROM"
                    + " \"TAP_SCHEMA\".\"columns\" WHERE \"table_name\" = 'pz.photoz' AND \"column_name\" = 'pdf'"));
            assertEquals(List.of("\"size\""), TapSchemaChecks.strings(c, "SELECT \"column_name\" FROM"
                    + " \"TAP_SCHEMA\".\"columns\" WHERE \"table_name\" = 'TAP_SCHEMA.columns' AND \"column_index\" = 6"));
        }
    }

    @Test
    void secondInstallKeepsDataAndRewritesTapSchema() throws SQLException {
        try (Connection c = h2File()) {
            SchemaInstaller.install(c, Engine.H2, metadata);
            try (Statement st = c.createStatement()) {
                st.execute("INSERT INTO \"pz\".\"run\" (\"run_id\", \"algorithm\", \"pdf_representation\", \"zgrid_min\","
                        + " \"zgrid_max\", \"zgrid_n\", \"zgrid\") VALUES (7, 'bpz', 'interp', 0, 3, 2, ARRAY[0.0, 3.0])");
                st.execute("DELETE FROM \"TAP_SCHEMA\".\"columns\" WHERE \"table_name\" = 'lsst.object'");
            }
            SchemaInstaller.install(c, Engine.H2, metadata);
            assertEquals(List.of("1"), TapSchemaChecks.strings(c, "SELECT COUNT(*) FROM \"pz\".\"run\""));
            TapSchemaChecks.assertConsistent(c, metadata);
        }
    }

    @Test
    void otherSchemasRowsInTapSchemaSurviveAnInstall() throws SQLException {
        try (Connection c = h2File()) {
            SchemaInstaller.install(c, Engine.H2, metadata);
            try (Statement st = c.createStatement()) {
                st.execute("INSERT INTO \"TAP_SCHEMA\".\"schemas\" (\"schema_name\", \"description\") VALUES ('user1', 'x')");
            }
            SchemaInstaller.install(c, Engine.H2, metadata);
            assertEquals(List.of("1"), TapSchemaChecks.strings(c,
                    "SELECT COUNT(*) FROM \"TAP_SCHEMA\".\"schemas\" WHERE \"schema_name\" = 'user1'"));
        }
    }

    private static final String OLD_NZ = "CREATE TABLE \"pz\".\"nz\" (\"run_id\" INTEGER, \"tomo_bin\" INTEGER,"
            + " \"z_lo\" REAL, \"z_hi\" REAL, \"n_objects\" BIGINT, \"z_mean\" REAL)";

    @Test
    void columnsDeclaredAfterTheExistingOnesAreAdded() throws SQLException {
        try (Connection c = h2File()) {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE SCHEMA \"pz\"");
                st.execute(OLD_NZ);
            }
            SchemaInstaller.install(c, Engine.H2, metadata);
            assertEquals(List.of("run_id", "tomo_bin", "z_lo", "z_hi", "n_objects", "z_mean", "nz"), TapSchemaChecks.strings(c,
                    "SELECT COLUMN_NAME FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = 'pz' AND TABLE_NAME = 'nz'"
                    + " ORDER BY ORDINAL_POSITION"));
            TapSchemaChecks.assertConsistent(c, metadata);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        other columns | CREATE TABLE "pz"."nz" ("run_id" INTEGER, "bin" INTEGER) | Table pz.nz exists with columns [run_id, bin] but the metadata declares [run_id, tomo_bin, z_lo, z_hi, n_objects, z_mean, nz]; only columns declared after the existing ones are added automatically: rename, drop or reorder the others by hand (or drop the table and load it again)
        key column    | CREATE TABLE "pz"."nz" ("run_id" INTEGER)                | Table pz.nz exists without the column tomo_bin of its declared primary key; changing a primary key needs a migration by hand (or drop the table and load it again)
        rows          | INSERT INTO "pz"."nz" VALUES (1, 0, 0, 1, 10, 0.5)       | Table pz.nz has rows, so the new column nz cannot be NOT NULL; declare it nullable: true, or add it with values by hand
        """)
    void otherDifferencesAreReportedAndNothingIsChanged(String what, String sql, String message) throws SQLException {
        try (Connection c = h2File()) {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE SCHEMA \"pz\"");
                st.execute(sql.startsWith("INSERT") ? OLD_NZ : sql);
                if (sql.startsWith("INSERT")) {
                    st.execute(sql);
                }
            }
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> SchemaInstaller.install(c, Engine.H2, metadata));
            assertEquals(message, e.getMessage());
            assertFalse(TapSchemaChecks.strings(c, "SELECT COLUMN_NAME FROM INFORMATION_SCHEMA.COLUMNS"
                    + " WHERE TABLE_SCHEMA = 'pz' AND TABLE_NAME = 'nz'").contains("nz"), what);
        }
    }

    @Test
    void healpixAndIndexedColumnsGetIndexes() throws SQLException {
        try (Connection c = h2File()) {
            SchemaInstaller.install(c, Engine.H2, metadata);
            List<String> indexed = TapSchemaChecks.strings(c, "SELECT DISTINCT i.TABLE_NAME || '.' || c.COLUMN_NAME"
                    + " FROM INFORMATION_SCHEMA.INDEXES i JOIN INFORMATION_SCHEMA.INDEX_COLUMNS c"
                    + " ON c.INDEX_SCHEMA = i.INDEX_SCHEMA AND c.INDEX_NAME = i.INDEX_NAME"
                    + " WHERE i.TABLE_SCHEMA IN ('lsst', 'pz', 'spec', 'maps') AND c.ORDINAL_POSITION = 1");
            assertTrue(indexed.containsAll(List.of("object.hpx29", "object.objectId", "photoz.hpx29",
                    "photoz.object_id", "specz.hpx29", "training_set.object_id", "map_pixel.pix_lo29")), indexed.toString());
        }
    }

    @Test
    void onH2TheHealpixIndexCarriesTheScalarNumericColumnsSoConesReadOnlyIt() throws SQLException {
        try (Connection c = h2File()) {
            SchemaInstaller.install(c, Engine.H2, metadata);
            List<String> columns = TapSchemaChecks.strings(c, "SELECT COLUMN_NAME FROM INFORMATION_SCHEMA.INDEX_COLUMNS"
                    + " WHERE TABLE_SCHEMA = 'pz' AND INDEX_NAME = 'photoz_hpx29_idx' ORDER BY ORDINAL_POSITION");
            assertEquals("hpx29", columns.get(0));
            assertTrue(columns.containsAll(List.of("object_id", "ra", "dec", "z_mode")), columns.toString());
            assertFalse(columns.contains("pdf"), "arrays stay in the table: " + columns);
            List<String> specz = TapSchemaChecks.strings(c, "SELECT COLUMN_NAME FROM INFORMATION_SCHEMA.INDEX_COLUMNS"
                    + " WHERE TABLE_SCHEMA = 'spec' AND INDEX_NAME = 'specz_hpx29_idx'");
            assertFalse(specz.contains("crd_id"), "strings stay in the table: " + specz);
        }
    }

    @Test
    void secondaryIndexesCanBeDroppedForABulkLoadAndRebuilt() throws SQLException {
        String sql = "SELECT COUNT(*) FROM INFORMATION_SCHEMA.INDEXES WHERE TABLE_SCHEMA = 'lsst'"
                + " AND TABLE_NAME = 'object' AND INDEX_NAME = 'object_hpx29_idx'";
        try (Connection c = h2File()) {
            SchemaInstaller.install(c, Engine.H2, metadata);
            TableMeta object = metadata.requireTable("lsst.object");
            assertEquals(List.of("CREATE INDEX IF NOT EXISTS \"object_hpx29_idx\" ON \"lsst\".\"object\" (\"hpx29\")"),
                    SchemaInstaller.indexDdl(Engine.POSTGRESQL, object));
            assertEquals(List.of("1"), TapSchemaChecks.strings(c, sql));
            SchemaInstaller.dropIndexes(c, object);
            assertEquals(List.of("0"), TapSchemaChecks.strings(c, sql));
            SchemaInstaller.createIndexes(c, Engine.H2, object);
            assertEquals(List.of("1"), TapSchemaChecks.strings(c, sql));
        }
    }

    @Test
    void sqlTypesPerEngine() {
        TableMeta photoz = metadata.requireTable("pz.photoz");
        ColumnMeta pdf = photoz.column("pdf").orElseThrow();
        assertEquals("REAL ARRAY[301]", SqlTypes.of(Engine.H2, pdf));
        assertEquals("REAL[]", SqlTypes.of(Engine.POSTGRESQL, pdf));
        ColumnMeta created = metadata.requireTable("pz.run").column("created").orElseThrow();
        assertEquals("TIMESTAMP", SqlTypes.of(Engine.H2, created));
        ColumnMeta zgrid = metadata.requireTable("pz.run").column("zgrid").orElseThrow();
        assertEquals("REAL ARRAY", SqlTypes.of(Engine.H2, zgrid));
        ColumnMeta crd = metadata.requireTable("spec.specz").column("crd_id").orElseThrow();
        assertEquals("VARCHAR", SqlTypes.of(Engine.H2, crd));
        assertEquals("TEXT", SqlTypes.of(Engine.POSTGRESQL, crd));
        ColumnMeta instrument = metadata.requireTable("spec.specz").column("instrument_type_homogenized").orElseThrow();
        assertEquals("CHAR(1)", SqlTypes.of(Engine.POSTGRESQL, instrument));
        ColumnMeta flag = metadata.requireTable("spec.training_set").column("is_training_set").orElseThrow();
        assertEquals("BOOLEAN", SqlTypes.of(Engine.H2, flag));
        assertEquals("DOUBLE PRECISION", SqlTypes.of(Engine.POSTGRESQL,
                metadata.requireTable("lsst.object").column("coord_ra").orElseThrow()));
    }
}
