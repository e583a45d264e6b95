// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.pzvo.db.Engine;
import uk.ac.starlink.table.RowListStarTable;
import uk.ac.starlink.table.StarTableOutput;

/**
 * Every refused catalog: the exact message (file, row, column) and nothing left behind (no
 * table, no schema, TAP_SCHEMA and maps unchanged, no YAML in the data directory), on H2 and
 * PostgreSQL.
 */
class CatalogBadInputTest {
    private static final TestDb DB = new TestDb();

    @TempDir
    Path dir;

    @AfterAll
    static void stop() throws IOException {
        DB.close();
    }

    private void assertRefused(Engine engine, CatalogIngest.Request request, String message) throws Exception {
        try (Connection c = DB.open(engine, dir)) {
            List<String> before = TestDb.snapshot(c);
            CatalogIngest ingest = new CatalogIngest(c, engine, TestDb.project(), dir.resolve("data"));
            IngestException e = assertThrows(IngestException.class, () -> ingest.load(request, ProgressListener.NONE));
            assertEquals(message, e.getMessage());
            assertEquals(before, TestDb.snapshot(c));
            CatalogIngestTest.assertNoYaml(dir.resolve("data"));
        }
    }

    private Path fits(RowListStarTable t) throws IOException {
        Path f = dir.resolve("cat.fits");
        new StarTableOutput().writeStarTable(t, f.toString(), "fits");
        return f;
    }

    private Path csv(String text) throws IOException {
        Path f = dir.resolve("cat.csv");
        Files.writeString(f, text);
        return f;
    }

    private static CatalogIngest.Request request(Path f) {
        return new CatalogIngest.Request(f, "user.cat", null, null, null, false);
    }

    private static CatalogIngest.Request named(Path f) {
        return new CatalogIngest.Request(f, "user.cat", "ra", "dec", null, false);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void truncatedFits(Engine engine) throws Exception {
        RowListStarTable t = CatalogIngestTest.sample();
        for (int i = 0; i < 200; i++) {
            t.addRow(t.getRow(i % 5));
        }
        Path f = fits(t);
        byte[] all = Files.readAllBytes(f);
        Files.write(f, java.util.Arrays.copyOf(all, all.length - 2880));
        assertRefused(engine, request(f), "cat.fits: row 161: truncated file: HDU 1 declares 205 rows of 36 bytes but the file ends inside row 161");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void nanPosition(Engine engine) throws Exception {
        RowListStarTable t = CatalogIngestTest.sample();
        t.setCell(2, 1, Double.NaN);
        assertRefused(engine, request(fits(t)), "cat.fits: row 3, column ra: missing position (NaN)");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void missingPosition(Engine engine) throws Exception {
        Path f = csv("id,ra,dec\n1,10.0,20.0\n2,11.0,\n");
        assertRefused(engine, named(f), "cat.csv: row 2, column dec: missing position");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void declinationOutOfRange(Engine engine) throws Exception {
        RowListStarTable t = CatalogIngestTest.sample();
        t.setCell(3, 2, 95.0);
        assertRefused(engine, request(fits(t)),
                "cat.fits: row 4, column dec: expected a declination in [-90, 90] deg, actual 95.0");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void infiniteRightAscension(Engine engine) throws Exception {
        RowListStarTable t = CatalogIngestTest.sample();
        t.setCell(0, 1, Double.POSITIVE_INFINITY);
        assertRefused(engine, request(fits(t)),
                "cat.fits: row 1, column ra: expected a finite right ascension, actual Infinity");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void textInANumericColumn(Engine engine) throws Exception {
        Path f = csv("id,ra,dec,mag_r,name,nobs\n1,10,20,21.5,a,1\n2,11,21,22.5,b,2\n3,12,22,bright,c,3\n");
        Path yaml = dir.resolve("meta.yaml");
        Files.writeString(yaml, CatalogIngestTest.YAML_WITH_KEY);
        assertRefused(engine, new CatalogIngest.Request(f, "user.cat", null, null, yaml, false),
                "cat.csv: row 3, column mag_r: expected a double, actual 'bright'");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void textPositionColumn(Engine engine) throws Exception {
        Path f = csv("id,ra,dec\n1,north,20.0\n2,11.0,21.0\n");
        assertRefused(engine, named(f), "cat.csv: column ra: expected a numeric position column, actual String");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void scalarColumnDeclaredAsArray(Engine engine) throws Exception {
        Path yaml = dir.resolve("meta.yaml");
        Files.writeString(yaml, CatalogIngestTest.YAML_WITH_KEY.replace(
                "{name: nobs, datatype: int,", "{name: nobs, datatype: int, arraysize: \"3\","));
        assertRefused(engine, new CatalogIngest.Request(fits(CatalogIngestTest.sample()), "user.cat", null, null,
                yaml, false), "cat.fits: column nobs: expected an array column for datatype int[3], actual Integer");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void duplicatePrimaryKey(Engine engine) throws Exception {
        RowListStarTable t = CatalogIngestTest.sample();
        t.setCell(3, 0, 101L);
        Path yaml = dir.resolve("meta.yaml");
        Files.writeString(yaml, CatalogIngestTest.YAML_WITH_KEY);
        assertRefused(engine, new CatalogIngest.Request(fits(t), "user.cat", null, null, yaml, false),
                "cat.fits: row 4, column id: duplicate value 101 of the primary key (first in row 2)");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void nullInANotNullableColumn(Engine engine) throws Exception {
        RowListStarTable t = CatalogIngestTest.sample();
        t.setCell(1, 0, null);
        Path yaml = dir.resolve("meta.yaml");
        Files.writeString(yaml, CatalogIngestTest.YAML_WITH_KEY);
        assertRefused(engine, new CatalogIngest.Request(fits(t), "user.cat", null, null, yaml, false),
                "cat.fits: row 2, column id: missing value in a column declared not nullable");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void failedReplaceKeepsTheOldTable(Engine engine) throws Exception {
        Path good = fits(CatalogIngestTest.sample());
        try (Connection c = DB.open(engine, dir)) {
            CatalogIngest ingest = new CatalogIngest(c, engine, TestDb.project(), dir.resolve("data"));
            ingest.load(request(good), ProgressListener.NONE);
            List<String> before = TestDb.snapshot(c);
            List<String> rows = TestDb.rows(c, "SELECT * FROM \"user\".\"cat\" ORDER BY \"id\"");
            String yaml = Files.readString(dir.resolve("data/tap-schema/user.yaml"));
            RowListStarTable bad = CatalogIngestTest.sample();
            bad.setCell(4, 2, -91.0);
            Path badFile = dir.resolve("bad.fits");
            new StarTableOutput().writeStarTable(bad, badFile.toString(), "fits");
            IngestException e = assertThrows(IngestException.class, () -> ingest.load(
                    new CatalogIngest.Request(badFile, "user.cat", null, null, null, true), ProgressListener.NONE));
            assertEquals("bad.fits: row 5, column dec: expected a declination in [-90, 90] deg, actual -91.0",
                    e.getMessage());
            assertEquals(before, TestDb.snapshot(c));
            assertEquals(rows, TestDb.rows(c, "SELECT * FROM \"user\".\"cat\" ORDER BY \"id\""));
            assertEquals(yaml, Files.readString(dir.resolve("data/tap-schema/user.yaml")));
        }
    }
}
