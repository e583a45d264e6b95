// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pzvo.db.Engine;
import org.pzvo.db.Metadata;
import org.pzvo.db.SchemaInstaller;
import org.pzvo.db.TapSchemaChecks;

/** The demo data set on a real (embedded) PostgreSQL server, and identical to the H2 one. */
class DemoDataPostgresTest {
    static final long ROWS = 10_000;
    static final DemoSpec SPEC = new DemoSpec(ROWS, 3, 8_000);
    static EmbeddedPostgres postgres;
    static Connection connection;
    static Metadata metadata;
    static DemoSummary summary;

    @BeforeAll
    static void generate() throws Exception {
        metadata = Metadata.load(Path.of("tap-schema"));
        postgres = EmbeddedPostgres.start();
        connection = postgres.getPostgresDatabase().getConnection();
        summary = DemoData.generate(connection, Engine.POSTGRESQL, metadata, SPEC, ProgressListener.NONE);
    }

    @AfterAll
    static void close() throws Exception {
        if (connection != null) {
            connection.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void rowCountsAndTapSchema() throws Exception {
        DemoDataChecks.rowCounts(connection, summary, ROWS);
        TapSchemaChecks.assertConsistent(connection, metadata);
    }

    @Test
    void installingAgainIsHarmless() throws Exception {
        SchemaInstaller.install(connection, Engine.POSTGRESQL, metadata);
        TapSchemaChecks.assertConsistent(connection, metadata);
        assertEquals(ROWS, DemoDataChecks.count(connection, "\"lsst\".\"object\""));
    }

    @Test
    void physicalSanity() throws Exception {
        DemoDataChecks.magnitudesMatchFluxes(connection);
        DemoDataChecks.estimatesFollowPdfs(connection, 2000);
        DemoDataChecks.validationMetricsAreRealistic(connection);
        DemoDataChecks.spectroscopicSample(connection);
        DemoDataChecks.maps(connection);
        DemoDataChecks.visibility(connection);
        DemoDataChecks.nz(connection, ROWS);
    }

    @Test
    void pdfsAreStoredForPdfRowsObjectsSpreadOverTheSky() throws Exception {
        assertEquals(2 * (ROWS - SPEC.pdfRows()), DemoDataChecks.count(connection, "\"pz\".\"photoz\" WHERE \"pdf\" IS NULL"));
        // Both runs of an object have a PDF or neither has.
        assertEquals(SPEC.pdfRows(), DemoDataChecks.count(connection, "(SELECT \"object_id\" FROM \"pz\".\"photoz\""
                + " WHERE \"pdf\" IS NOT NULL GROUP BY \"object_id\" HAVING COUNT(*) = 2) AS t"));
        // Objects with PDFs are not one patch of sky: they are found in the first and the last tenth of the ids.
        long tenth = ROWS / 10;
        assertTrue(DemoDataChecks.count(connection, "\"pz\".\"photoz\" WHERE \"pdf\" IS NOT NULL AND \"object_id\" < "
                + (ObjectModel.OBJECT_ID_BASE + tenth)) > 0);
        assertTrue(DemoDataChecks.count(connection, "\"pz\".\"photoz\" WHERE \"pdf\" IS NOT NULL AND \"object_id\" >= "
                + (ObjectModel.OBJECT_ID_BASE + ROWS - tenth)) > 0);
    }

    @Test
    void indexesExistOnPostgres() throws Exception {
        List<String> defs = TapSchemaChecks.strings(connection,
                "SELECT indexdef FROM pg_indexes WHERE schemaname = 'lsst' AND tablename = 'object'");
        assertEquals(2, defs.size(), defs.toString());
        assertEquals(1, defs.stream().filter(d -> d.contains("(hpx29)")).count(), defs.toString());
    }

    @Test
    void sameRowsAndSameTrainingFileAsOnH2(@TempDir Path dir) throws Exception {
        Map<String, String> pg = TableChecksum.ofDemoTables(connection, metadata);
        Path pgFile = dir.resolve("pg.parquet");
        TableFiles.writeTrainingSet(connection, metadata, TableFiles.Format.PARQUET, pgFile);
        try (Connection h2 = DriverManager.getConnection("jdbc:h2:mem:pgtwin")) {
            DemoData.generate(h2, Engine.H2, metadata, SPEC, ProgressListener.NONE);
            assertEquals(TableChecksum.ofDemoTables(h2, metadata), pg);
            Path h2File = dir.resolve("h2.parquet");
            TableFiles.writeTrainingSet(h2, metadata, TableFiles.Format.PARQUET, h2File);
            assertArrayEquals(Files.readAllBytes(h2File), Files.readAllBytes(pgFile));
        }
    }
}
