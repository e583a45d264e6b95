// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.pzvo.db.Engine;
import org.pzvo.db.Metadata;
import org.pzvo.db.TableMeta;
import org.pzvo.sky.SkyIndex;
import uk.ac.starlink.table.ColumnInfo;
import uk.ac.starlink.table.RowListStarTable;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.StarTableOutput;

class CatalogIngestTest {
    private static final TestDb DB = new TestDb();

    @TempDir
    Path dir;

    @AfterAll
    static void stop() throws IOException {
        DB.close();
    }

    static ColumnInfo column(String name, Class<?> type, String unit, String ucd, String description) {
        ColumnInfo c = new ColumnInfo(name, type, description);
        c.setUnitString(unit);
        c.setUCD(ucd);
        return c;
    }

    /** Five sources; row i (0-based) has id 100+i. */
    static RowListStarTable sample() {
        RowListStarTable t = new RowListStarTable(new ColumnInfo[] {
            column("id", Long.class, null, "meta.id;meta.main", "Source identifier"),
            column("ra", Double.class, "deg", "pos.eq.ra;meta.main", "Right ascension (ICRS)"),
            column("dec", Double.class, "deg", "pos.eq.dec;meta.main", "Declination (ICRS)"),
            column("mag_r", Float.class, "mag", "phot.mag;em.opt.R", "AB magnitude in r"),
            column("name", String.class, null, "meta.id", "Source name"),
            column("nobs", Integer.class, null, "meta.number", "Number of observations"),
        });
        double[][] pos = {{10.5, -5.25}, {359.999, 89.9}, {0, -90}, {150.1, 2.2}, {210.75, 45.125}};
        for (int i = 0; i < pos.length; i++) {
            t.addRow(new Object[] {100L + i, pos[i][0], pos[i][1], 20.5f + i, "src" + i, i == 2 ? null : 3 * i});
        }
        return t;
    }

    Path write(StarTable t, String fileName, String format) throws IOException {
        Path f = dir.resolve(fileName);
        new StarTableOutput().writeStarTable(t, f.toString(), format);
        return f;
    }

    CatalogIngest ingest(Connection c, Engine engine) throws IOException {
        return new CatalogIngest(c, engine, TestDb.project(), dir.resolve("data"));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void fitsRoundTripPublishesValuesUnitsAndUcds(Engine engine) throws Exception {
        roundTrip(engine, "cat.fits", "fits", true);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void votableRoundTrip(Engine engine) throws Exception {
        roundTrip(engine, "cat.vot", "votable", true);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void ecsvRoundTrip(Engine engine) throws Exception {
        roundTrip(engine, "cat.ecsv", "ecsv", true);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void parquetRoundTrip(Engine engine) throws Exception {
        roundTrip(engine, "cat.parquet", "parquet", true);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void csvRoundTripWithNamedPosition(Engine engine) throws Exception {
        roundTrip(engine, "cat.csv", "csv", false);
    }

    private void roundTrip(Engine engine, String fileName, String format, boolean richMetadata) throws Exception {
        Path f = write(sample(), fileName, format);
        try (Connection c = DB.open(engine, dir)) {
            CatalogIngest.Report r = ingest(c, engine).load(new CatalogIngest.Request(f, "user.cat",
                    richMetadata ? null : "ra", richMetadata ? null : "dec", null, false), ProgressListener.NONE);
            assertEquals(5, r.rows());
            assertTrue(r.rowsPerSecond() > 0);
            if (engine == Engine.POSTGRESQL) {
                // Analysed with the load: every column has planner statistics before autovacuum runs.
                assertEquals(List.of("7"), TestDb.rows(c, "SELECT COUNT(*) FROM pg_stats"
                        + " WHERE schemaname = 'user' AND tablename = 'cat'"));
            }
            List<String> rows = TestDb.rows(c, "SELECT \"id\", \"ra\", \"dec\", \"mag_r\", \"name\", \"nobs\", \"hpx29\""
                    + " FROM \"user\".\"cat\" ORDER BY \"id\"");
            RowListStarTable expected = sample();
            List<String> want = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                Object[] v = expected.getRow(i);
                double ra = (Double) v[1];
                double dec = (Double) v[2];
                want.add(v[0] + "|" + ra + "|" + dec + "|" + ((Float) v[3]).doubleValue() + "|" + v[4] + "|" + v[5]
                        + "|" + SkyIndex.hpx29(ra, dec));
            }
            assertEquals(want, rows.stream().map(CatalogIngestTest::normaliseNumbers).toList());
            List<String> columns = TestDb.rows(c, "SELECT \"column_name\", \"datatype\", \"unit\", \"ucd\", \"indexed\""
                    + " FROM \"TAP_SCHEMA\".\"columns\" WHERE \"table_name\" = 'user.cat' ORDER BY \"column_index\"");
            if (richMetadata) {
                assertEquals(List.of("id|long|null|meta.id;meta.main|0", "ra|double|deg|pos.eq.ra;meta.main|0",
                        "dec|double|deg|pos.eq.dec;meta.main|0", "mag_r|float|mag|phot.mag;em.opt.R|0",
                        "name|char|null|meta.id|0", "nobs|int|null|meta.number|0", "hpx29|long|null|pos.healpix|1"),
                        columns);
            } else {
                assertEquals("hpx29|long|null|pos.healpix|1", columns.get(columns.size() - 1));
                assertEquals(7, columns.size());
            }
            Metadata union = IngestedSchemas.union(TestDb.PROJECT_TAP_SCHEMA, dir.resolve("data"));
            TableMeta published = union.requireTable("user.cat");
            assertEquals(r.table(), new TableMeta(published.schema(), published.name(), published.type(),
                    published.description(), published.utype(), published.columns(), published.primaryKey(),
                    published.position(), published.groups(), published.foreignKeys()));
        }
    }

    /** 21.5 read back from REAL as 21.5; ints as is. */
    private static String normaliseNumbers(String row) {
        String[] p = row.split("\\|");
        p[1] = Double.toString(Double.parseDouble(p[1]));
        p[2] = Double.toString(Double.parseDouble(p[2]));
        p[3] = Double.toString(Float.parseFloat(p[3]));
        return String.join("|", p);
    }

    @Test
    void metadataFromYamlDeclaresPrimaryKeyAndDescriptions() throws Exception {
        Path f = write(sample(), "cat.fits", "fits");
        Path yaml = dir.resolve("my-meta.yaml");
        Files.writeString(yaml, YAML_WITH_KEY);
        try (Connection c = DB.open(Engine.H2, dir)) {
            ingest(c, Engine.H2).load(new CatalogIngest.Request(f, "user.cat", null, null, yaml, false),
                    ProgressListener.NONE);
            assertEquals(List.of("user.cat|The test catalog."), TestDb.rows(c, "SELECT \"table_name\", \"description\""
                    + " FROM \"TAP_SCHEMA\".\"tables\" WHERE \"schema_name\" = 'user'"));
            assertEquals(List.of("id|1|1", "hpx29|1|0"), TestDb.rows(c, "SELECT \"column_name\", \"indexed\","
                    + " \"principal\" FROM \"TAP_SCHEMA\".\"columns\" WHERE \"table_name\" = 'user.cat'"
                    + " AND \"column_name\" IN ('id', 'hpx29') ORDER BY \"column_index\""));
            // The one-column integer key is H2's row key: rows stored in key order, one search per lookup.
            assertEquals(List.of("5|5"), TestDb.rows(c, "SELECT COUNT(*), SUM(CASE WHEN _ROWID_ = \"id\" THEN 1 END)"
                    + " FROM \"user\".\"cat\""));
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void partitionedTableKeepsEveryRowAndItsDeclaredKey(Engine engine) throws Exception {
        Path f = write(sample(), "cat.fits", "fits");
        Path yaml = dir.resolve("partitioned.yaml");
        Files.writeString(yaml, YAML_WITH_KEY.replace("healpix: hpx29}", "healpix: hpx29, partitions: 4}"));
        try (Connection c = DB.open(engine, dir)) {
            ingest(c, engine).load(new CatalogIngest.Request(f, "user.cat", null, null, yaml, false),
                    ProgressListener.NONE);
            assertEquals(List.of("5"), TestDb.rows(c, "SELECT COUNT(*) FROM \"user\".\"cat\""));
            if (engine == Engine.POSTGRESQL) {
                // Four ranges of three base cells each: (210.75, 45.125) is in base cell 2; (359.999, 89.9) and
                // (10.5, -5.25) in 3 and 4; (150.1, 2.2) and the south pole (RA 0) in 6 and 8; none in 9 to 11.
                assertEquals(List.of("cat_p0000|1", "cat_p0001|2", "cat_p0002|2"), TestDb.rows(c,
                        "SELECT c.relname, COUNT(*) FROM \"user\".\"cat\" t JOIN pg_class c ON c.oid = t.tableoid"
                        + " GROUP BY 1 ORDER BY 1"));
                assertEquals(List.of("4"), TestDb.rows(c, "SELECT COUNT(*) FROM pg_inherits"
                        + " WHERE inhparent = '\"user\".\"cat\"'::regclass"));
                // A range of the index reads one partition only.
                String plan = String.join("\n", TestDb.rows(c, "EXPLAIN SELECT * FROM \"user\".\"cat\""
                        + " WHERE \"hpx29\" BETWEEN 0 AND 1000"));
                assertTrue(plan.contains("cat_p0000") && !plan.contains("cat_p0001"), plan);
            }
            RowListStarTable twice = sample();
            twice.setCell(4, 0, 100L);
            Path g = write(twice, "dup.fits", "fits");
            IngestException e = assertThrows(IngestException.class, () -> ingest(c, engine).load(
                    new CatalogIngest.Request(g, "user.cat", null, null, yaml, true), ProgressListener.NONE));
            assertTrue(e.getMessage().contains("duplicate"), e.getMessage());
            assertEquals(List.of("5"), TestDb.rows(c, "SELECT COUNT(DISTINCT \"id\") FROM \"user\".\"cat\""));
        }
    }

    static final String YAML_WITH_KEY = """
        schema: user
        description: User tables.
        tables:
          - name: cat
            description: The test catalog.
            primary_key: [id]
            position: {ra: ra, dec: dec, healpix: hpx29}
            columns:
              - {name: id, datatype: long, ucd: meta.id;meta.main, description: Identifier., principal: true, nullable: false}
              - {name: ra, datatype: double, unit: deg, ucd: pos.eq.ra;meta.main, description: RA., nullable: false}
              - {name: dec, datatype: double, unit: deg, ucd: pos.eq.dec;meta.main, description: Dec., nullable: false}
              - {name: mag_r, datatype: double, unit: mag, ucd: phot.mag;em.opt.R, description: r mag.}
              - {name: name, datatype: char, arraysize: "*", ucd: meta.id, description: Name.}
              - {name: nobs, datatype: int, ucd: meta.number, description: Observations.}
              - {name: hpx29, datatype: long, ucd: pos.healpix, description: HEALPix index., nullable: false}
        """;

    @ParameterizedTest
    @EnumSource(Engine.class)
    void existingTableIsRefusedUnlessReplace(Engine engine) throws Exception {
        Path f = write(sample(), "cat.fits", "fits");
        try (Connection c = DB.open(engine, dir)) {
            CatalogIngest.Request once = new CatalogIngest.Request(f, "user.cat", null, null, null, false);
            ingest(c, engine).load(once, ProgressListener.NONE);
            List<String> before = TestDb.snapshot(c);
            IngestException e = assertThrows(IngestException.class,
                    () -> ingest(c, engine).load(once, ProgressListener.NONE));
            assertEquals("table user.cat already exists; use --replace to replace it", e.getMessage());
            assertEquals(before, TestDb.snapshot(c));
            RowListStarTable three = sample();
            three.removeRow(4);
            three.removeRow(3);
            Path g = write(three, "cat3.fits", "fits");
            ingest(c, engine).load(new CatalogIngest.Request(g, "user.cat", null, null, null, true),
                    ProgressListener.NONE);
            assertEquals(List.of("3"), TestDb.rows(c, "SELECT COUNT(*) FROM \"user\".\"cat\""));
        }
    }

    @Test
    void projectTableCannotBeIngested() throws Exception {
        Path f = write(sample(), "cat.fits", "fits");
        try (Connection c = DB.open(Engine.H2, dir)) {
            IngestException e = assertThrows(IngestException.class, () -> ingest(c, Engine.H2).load(
                    new CatalogIngest.Request(f, "lsst.object", null, null, null, true), ProgressListener.NONE));
            assertEquals("table lsst.object is defined by the project's tap-schema and cannot be loaded by an ingest",
                    e.getMessage());
        }
    }

    @Test
    void progressIsReportedWithTheTotal() throws Exception {
        Path f = write(sample(), "cat.fits", "fits");
        List<String> calls = new ArrayList<>();
        try (Connection c = DB.open(Engine.H2, dir)) {
            ingest(c, Engine.H2).load(new CatalogIngest.Request(f, "user.cat", null, null, null, false),
                    (stage, done, total) -> calls.add(stage + " " + done + "/" + total));
        }
        assertEquals(List.of("user.cat 5/5"), calls);
    }

    @Test
    void truncatedParquetIsRefusedNamingTheFileAndNothingIsLeft() throws Exception {
        Path whole = write(sample(), "whole.parquet", "parquet");
        byte[] bytes = Files.readAllBytes(whole);
        Path f = dir.resolve("cat.parquet");
        Files.write(f, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        try (Connection c = DB.open(Engine.H2, dir)) {
            IngestException e = assertThrows(IngestException.class, () -> ingest(c, Engine.H2).load(
                    new CatalogIngest.Request(f, "user.cat", null, null, null, false), ProgressListener.NONE));
            assertTrue(e.getMessage().startsWith("cat.parquet: "), e.getMessage());
            assertTrue(e.getMessage().contains("PARQUET"), e.getMessage());
            assertEquals(List.of(), TestDb.rows(c, "SELECT \"table_name\" FROM \"TAP_SCHEMA\".\"tables\""
                    + " WHERE \"table_name\" = 'user.cat'"));
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void awkwardTextArraysAndBooleansRoundTrip(Engine engine) throws Exception {
        RowListStarTable t = new RowListStarTable(new ColumnInfo[] {
            column("id", Short.class, null, "meta.id", "Identifier"),
            column("note", String.class, null, "meta.note", "Free text"),
            column("pdf", double[].class, null, "stat.probability", "A small PDF"),
            column("good", Boolean.class, null, "meta.code", "Good flag"),
        });
        t.addRow(new Object[] {(short) 1, "tab\there, newline\nthere, back\\slash, 'quote' \"dq\" é", new double[] {0.25,
            Double.NaN, 1e-300}, true});
        t.addRow(new Object[] {(short) 2, null, new double[] {}, false});
        t.addRow(new Object[] {(short) 3, "\\N", null, null});
        Path f = write(t, "odd.vot", "votable");
        try (Connection c = DB.open(engine, dir)) {
            ingest(c, engine).load(new CatalogIngest.Request(f, "user.odd", null, null, null, false),
                    ProgressListener.NONE);
            List<String> notes = new ArrayList<>();
            List<String> pdfs = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT \"note\", \"pdf\", \"good\" FROM \"user\".\"odd\" ORDER BY \"id\"")) {
                while (rs.next()) {
                    notes.add(rs.getString(1) + "|" + rs.getObject(3));
                    java.sql.Array a = rs.getArray(2);
                    pdfs.add(a == null ? "null" : java.util.Arrays.toString((Object[]) a.getArray()));
                }
            }
            assertEquals(List.of("tab\there, newline\nthere, back\\slash, 'quote' \"dq\" é|true", "null|false",
                    "\\N|null"), notes);
            // An empty variable-length array reads back from VOTable as null (STIL), on both engines.
            assertEquals(List.of("[0.25, NaN, 1.0E-300]", "null", "null"), pdfs);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void stcsRegionColumnIsStoredAsItsShapeAndBadRegionsAreRefused(Engine engine) throws Exception {
        ColumnInfo region = column("footprint", String.class, null, "pos.outline", "Field outline");
        region.setXtype("adql:REGION");
        RowListStarTable t = new RowListStarTable(new ColumnInfo[] {
            column("id", Short.class, null, "meta.id", "Identifier"), region});
        t.addRow(new Object[] {(short) 1, "POLYGON ICRS 10 -5 11 -5 11 -4 10 -4"});
        t.addRow(new Object[] {(short) 2, "Circle ICRS GEOCENTER 150.5 2.25 0.5"});
        t.addRow(new Object[] {(short) 3, null});
        Path f = write(t, "regions.vot", "votable");
        try (Connection c = DB.open(engine, dir)) {
            ingest(c, engine).load(new CatalogIngest.Request(f, "user.regions", null, null, null, false),
                    ProgressListener.NONE);
            List<String> shapes = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT \"footprint\" FROM \"user\".\"regions\" ORDER BY \"id\"")) {
                while (rs.next()) {
                    java.sql.Array a = rs.getArray(1);
                    shapes.add(a == null ? "null" : java.util.Arrays.toString((Object[]) a.getArray()));
                }
            }
            assertEquals(List.of("[10.0, -5.0, 11.0, -5.0, 11.0, -4.0, 10.0, -4.0]", "[150.5, 2.25, 0.5]", "null"),
                    shapes);
        }
        t.setCell(0, 1, "POLYGON FK5 10 -5 11 -5 11 -4");
        Path bad = write(t, "bad-regions.vot", "votable");
        try (Connection c = DB.open(engine, dir)) {
            IngestException e = assertThrows(IngestException.class, () -> ingest(c, engine).load(
                    new CatalogIngest.Request(bad, "user.bad_regions", null, null, null, false), ProgressListener.NONE));
            assertTrue(e.getMessage().contains("expected an STC-S region") && e.getMessage().contains("FK5"),
                    e.getMessage());
        }
    }

    static long count(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static void assertNoYaml(Path dataDir) throws IOException {
        Path d = dataDir.resolve("tap-schema");
        assertFalse(Files.isDirectory(d) && Files.list(d).findAny().isPresent(), "left files in " + d);
    }
}
