// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pzvo.db.Engine;
import org.pzvo.db.Metadata;
import org.pzvo.db.TapSchemaChecks;

/** The demo data set generated into a real H2 file database, checked with SQL. */
class DemoDataH2Test {
    static final long ROWS = 20_000;
    static Path dir;
    static Connection connection;
    static Metadata metadata;
    static DemoSummary summary;
    static final List<long[]> progress = new ArrayList<>();

    @BeforeAll
    static void generate() throws Exception {
        dir = Files.createTempDirectory("pzvo-demo-h2");
        metadata = Metadata.load(Path.of("tap-schema"));
        connection = DriverManager.getConnection("jdbc:h2:" + dir.resolve("demo").toAbsolutePath());
        summary = DemoData.generate(connection, Engine.H2, metadata, new DemoSpec(ROWS, 1),
                (stage, done, total) -> {
                    if (stage.equals("lsst.object")) {
                        progress.add(new long[] {done, total});
                    }
                });
    }

    @AfterAll
    static void close() throws Exception {
        connection.close();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void rowCounts() throws Exception {
        assertEquals(ROWS, summary.objects());
        DemoDataChecks.rowCounts(connection, summary, ROWS);
    }

    @Test
    void tapSchemaMatchesTheYaml() throws Exception {
        TapSchemaChecks.assertConsistent(connection, metadata);
    }

    @Test
    void magnitudesMatchFluxes() throws Exception {
        DemoDataChecks.magnitudesMatchFluxes(connection);
    }

    @Test
    void positionsAndHealpix() throws Exception {
        DemoDataChecks.positionsAndHealpix(connection);
    }

    @Test
    void estimatesFollowPdfs() throws Exception {
        DemoDataChecks.estimatesFollowPdfs(connection, 5000);
    }

    @Test
    void validationMetricsAreRealistic() throws Exception {
        DemoDataChecks.validationMetricsAreRealistic(connection);
        for (PhotoZQuality q : summary.quality()) {
            assertTrue(q.n() > 0, q.toString());
            assertTrue(q.summaryLine().startsWith(q.algorithm() + " " + q.sample() + " i<"), q.summaryLine());
        }
    }

    @Test
    void spectroscopicSample() throws Exception {
        DemoDataChecks.spectroscopicSample(connection);
    }

    @Test
    void maps() throws Exception {
        DemoDataChecks.maps(connection);
        DemoDataChecks.visibility(connection);
    }

    @Test
    void depthMatchesPhotometricErrors() throws Exception {
        DemoDataChecks.depthMatchesPhotometricErrors(connection);
    }

    @Test
    void nz() throws Exception {
        DemoDataChecks.nz(connection, ROWS);
    }

    @Test
    void progressReportsEveryBatchUpToTheTotal() {
        assertEquals(ROWS / 2000, progress.size());
        assertEquals(ROWS, progress.get(progress.size() - 1)[0]);
        assertEquals(ROWS, progress.get(0)[1]);
    }
}
