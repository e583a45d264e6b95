// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.tap.upload;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pzvo.adql.check.PositionIndex;
import org.pzvo.adql.check.TableInfo;
import org.pzvo.dali.DaliException;
import org.pzvo.sky.SkyIndex;
import uk.ac.starlink.ecsv.EcsvTableWriter;
import uk.ac.starlink.fits.FitsTableWriter;
import uk.ac.starlink.table.ColumnInfo;
import uk.ac.starlink.table.RowListStarTable;
import uk.ac.starlink.table.StarTableWriter;

/** Loading uploads into a real H2 database: formats, types, positions, limits and clean-up. */
class UploadSessionTest {
    private static final UploadLimits LIMITS = new UploadLimits(1000, 1 << 20, false, 2);

    @TempDir
    Path dir;
    private JdbcDataSource ds;
    private Connection keepAlive;

    @BeforeEach
    void open() throws Exception {
        ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:upload" + System.nanoTime());
        keepAlive = ds.getConnection();
    }

    @AfterEach
    void close() throws Exception {
        keepAlive.close();
    }

    private int uploadTables() throws Exception {
        try (Statement st = keepAlive.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'TAP_UPLOAD'")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static RowListStarTable positions() {
        ColumnInfo ra = new ColumnInfo("RAJ2000", Double.class, null);
        ColumnInfo dec = new ColumnInfo("DEJ2000", Double.class, null);
        ColumnInfo mags = new ColumnInfo("mags", float[].class, null);
        ColumnInfo flag = new ColumnInfo("good", Boolean.class, null);
        ColumnInfo n = new ColumnInfo("n", Short.class, null);
        RowListStarTable t = new RowListStarTable(new ColumnInfo[] {ra, dec, mags, flag, n});
        t.addRow(new Object[] {359.9999, -89.5, new float[] {20.5f, 21.0f}, true, (short) 3});
        t.addRow(new Object[] {0.0001, 45.0, new float[] {19.0f}, false, null});
        return t;
    }

    private Path write(StarTableWriter writer, RowListStarTable t, String fileName) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.writeStarTable(t, out);
        Path file = dir.resolve(fileName);
        Files.write(file, out.toByteArray());
        return file;
    }

    private UploadSession load(String spec, Map<String, Path> parts) throws Exception {
        return UploadSession.load(UploadParser.parse(List.of(spec)), name -> Optional.ofNullable(parts.get(name)), ds,
                LIMITS, dir.resolve("scratch"));
    }

    @Test
    void fitsUploadFindsPositionByNameAndStoresTypesAndHealpix() throws Exception {
        Path fits = write(new FitsTableWriter(), positions(), "t.fits");
        try (UploadSession s = load("cat,param:f", Map.of("f", fits))) {
            TableInfo t = s.table("cat").orElseThrow();
            assertEquals("TAP_UPLOAD", t.schema());
            assertTrue(t.sqlName().startsWith("cat_") && !t.sqlName().equals("cat"), t.sqlName());
            assertEquals(Optional.of(new PositionIndex("RAJ2000", "DEJ2000", "hpx29")), t.position());
            assertEquals(List.of("double", "double", "float", "boolean", "short", "long"),
                    t.columns().stream().map(org.pzvo.adql.check.ColumnInfo::datatype).toList());
            assertEquals("*", t.columns().get(2).arraysize());
            assertEquals(0, uploadTables(), "held, not stored, until SQL reads it");
            store(s, t);
            try (Statement st = keepAlive.createStatement(); ResultSet rs = st.executeQuery("SELECT \"hpx29\", "
                    + "\"mags\", \"n\" FROM \"TAP_UPLOAD\".\"" + t.sqlName() + "\" ORDER BY \"DEJ2000\"")) {
                rs.next();
                assertEquals(SkyIndex.hpx29(359.9999, -89.5), rs.getLong(1));
                Array mags = rs.getArray(2);
                Object[] values = (Object[]) mags.getArray();
                assertArrayEquals(new Object[] {20.5f, 21.0f}, values);
                assertEquals(3, rs.getShort(3));
                rs.next();
                assertEquals(SkyIndex.hpx29(0.0001, 45.0), rs.getLong(1));
                rs.getShort(3);
                assertTrue(rs.wasNull());
            }
            assertEquals(1, uploadTables());
        }
        assertEquals(0, uploadTables(), "close() drops the table");
    }

    /** Stores {@code t} as a query naming it would. */
    private static void store(UploadSession s, TableInfo t) throws Exception {
        s.storeTablesReadBy("SELECT * FROM \"TAP_UPLOAD\".\"" + t.sqlName() + "\"");
    }

    @Test
    void tableIsStoredOnlyForSqlThatNamesItAndOnce() throws Exception {
        Path fits = write(new FitsTableWriter(), positions(), "t.fits");
        try (UploadSession s = load("cat,param:f", Map.of("f", fits))) {
            TableInfo t = s.table("cat").orElseThrow();
            s.storeTablesReadBy("SELECT \"c\".\"id\" FROM pzvo_pair_rows(?, 'BIGINT k') AS \"u\" JOIN \"lsst\".\"object\""
                    + " AS \"c\" ON \"c\".\"id\" = \"u\".\"k\"");
            assertEquals(0, uploadTables(), "SQL that reads the pairs' rows stores nothing");
            store(s, t);
            store(s, t);
            assertEquals(1, uploadTables());
        }
        assertEquals(0, uploadTables(), "close() drops what was stored");
    }

    private int healpixIndexes(TableInfo t) throws Exception {
        try (Statement st = keepAlive.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT COUNT(*) FROM INFORMATION_SCHEMA.INDEXES WHERE TABLE_SCHEMA = 'TAP_UPLOAD' AND TABLE_NAME = '"
                        + t.sqlName() + "' AND INDEX_NAME = '" + t.sqlName() + "_hpx'")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void healpixIndexIsBuiltOnlyForSqlThatReadsTheColumn() throws Exception {
        Path fits = write(new FitsTableWriter(), positions(), "t.fits");
        try (UploadSession s = load("cat,param:f", Map.of("f", fits))) {
            TableInfo t = s.table("cat").orElseThrow();
            store(s, t);
            assertEquals(0, healpixIndexes(t), "no index right after storing");
            s.storeTablesReadBy("SELECT \"u\".\"n\" FROM pzvo_pairs(?) AS \"p\", \"TAP_UPLOAD\".\"" + t.sqlName()
                    + "\" AS \"u\" WHERE \"u\".\"_pzvo_row\" = \"p\".\"k1\"");
            assertEquals(0, healpixIndexes(t), "SQL not naming hpx29 builds no index");
            s.storeTablesReadBy("SELECT \"u\".\"n\" FROM \"TAP_UPLOAD\".\"" + t.sqlName() + "\" AS \"u\" WHERE"
                    + " \"u\".\"hpx29\" BETWEEN 0 AND 10");
            assertEquals(1, healpixIndexes(t), "SQL reading hpx29 gets its index");
            s.storeTablesReadBy("SELECT \"u\".\"hpx29\" FROM \"TAP_UPLOAD\".\"" + t.sqlName() + "\" AS \"u\"");
            assertEquals(1, healpixIndexes(t), "built once");
        }
        assertEquals(0, uploadTables());
    }

    @Test
    void ecsvUploadIsDetectedFromItsContent() throws Exception {
        Path ecsv = write(new EcsvTableWriter(), positions(), "t.txt");
        try (UploadSession s = load("e,param:f", Map.of("f", ecsv))) {
            assertTrue(s.table("e").orElseThrow().position().isPresent());
        }
    }

    @Test
    void parquetUploadIsDetectedFromItsContentAndKeepsValues() throws Exception {
        Path parquet = write(new uk.ac.starlink.parquet.ParquetTableWriter(), positions(), "t.bin");
        try (UploadSession s = load("p,param:f", Map.of("f", parquet))) {
            TableInfo t = s.table("p").orElseThrow();
            assertEquals(Optional.of(new PositionIndex("RAJ2000", "DEJ2000", "hpx29")), t.position());
            store(s, t);
            try (Statement st = keepAlive.createStatement(); ResultSet rs = st.executeQuery("SELECT \"hpx29\", "
                    + "\"mags\", \"good\" FROM \"TAP_UPLOAD\".\"" + t.sqlName() + "\" ORDER BY \"DEJ2000\"")) {
                rs.next();
                assertEquals(SkyIndex.hpx29(359.9999, -89.5), rs.getLong(1));
                assertArrayEquals(new Object[] {20.5f, 21.0f}, (Object[]) rs.getArray(2).getArray());
                assertTrue(rs.getBoolean(3));
            }
        }
    }

    @Test
    void ucdWithMetaMainWinsOverOtherPositions() throws Exception {
        String votable = "<VOTABLE version=\"1.4\" xmlns=\"http://www.ivoa.net/xml/VOTable/v1.3\"><RESOURCE><TABLE>"
                + "<FIELD name=\"ra\" datatype=\"double\" ucd=\"pos.eq.ra\"/>"
                + "<FIELD name=\"dec\" datatype=\"double\" ucd=\"pos.eq.dec\"/>"
                + "<FIELD name=\"ra_main\" datatype=\"double\" ucd=\"pos.eq.ra;meta.main\"/>"
                + "<FIELD name=\"dec_main\" datatype=\"double\" ucd=\"pos.eq.dec;meta.main\"/>"
                + "<FIELD name=\"hpx29\" datatype=\"long\"/>"
                + "<DATA><TABLEDATA><TR><TD>1</TD><TD>2</TD><TD>3</TD><TD>4</TD><TD>5</TD></TR></TABLEDATA></DATA>"
                + "</TABLE></RESOURCE></VOTABLE>";
        Path file = dir.resolve("v.xml");
        Files.writeString(file, votable);
        try (UploadSession s = load("v,param:f", Map.of("f", file))) {
            assertEquals(Optional.of(new PositionIndex("ra_main", "dec_main", "pzvo_hpx29")),
                    s.table("v").orElseThrow().position());
        }
    }

    @Test
    void timestampXtypeOfAStringColumnIsKept() throws Exception {
        String votable = "<VOTABLE version=\"1.4\" xmlns=\"http://www.ivoa.net/xml/VOTable/v1.3\"><RESOURCE><TABLE>"
                + "<FIELD name=\"obs_time\" datatype=\"char\" arraysize=\"*\" xtype=\"timestamp\"/>"
                + "<DATA><TABLEDATA><TR><TD>2024-01-02T03:04:05</TD></TR></TABLEDATA></DATA>"
                + "</TABLE></RESOURCE></VOTABLE>";
        Path file = dir.resolve("ts.xml");
        Files.writeString(file, votable);
        try (UploadSession s = load("ts,param:f", Map.of("f", file))) {
            org.pzvo.adql.check.ColumnInfo c = s.table("ts").orElseThrow().columns().get(0);
            assertEquals("timestamp", c.xtype());
            assertEquals("char", c.datatype());
        }
    }

    @Test
    void brokenParquetIsRefusedByName() throws Exception {
        Path file = dir.resolve("p.parquet");
        Files.write(file, "PAR1 not really".getBytes(StandardCharsets.US_ASCII));
        DaliException e = assertThrows(DaliException.class, () -> load("p,param:f", Map.of("f", file)));
        assertTrue(e.getMessage().startsWith("UPLOAD: table 'p' is not a readable Parquet file"), e.getMessage());
        assertFalse(e.getMessage().contains(dir.toString()), e.getMessage());
    }

    @Test
    void declinationOutsideTheSkyIsRefusedAndNothingIsLeft() throws Exception {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, "ra,dec\n10,20\n10,95\n");
        DaliException e = assertThrows(DaliException.class, () -> load("b,param:f", Map.of("f", file)));
        assertTrue(e.getMessage().contains("row 2 of table 'b'"), e.getMessage());
        assertEquals(0, uploadTables());
    }

    @Test
    void oversizedFileIsRefused() throws Exception {
        Path file = dir.resolve("big.csv");
        Files.write(file, new byte[(1 << 20) + 1]);
        DaliException e = assertThrows(DaliException.class, () -> load("b,param:f", Map.of("f", file)));
        assertTrue(e.getMessage().contains("the limit is 1048576 bytes"), e.getMessage());
    }

    @Test
    void loopbackUrlIsRefusedWithoutBeingFetched() throws Exception {
        AtomicInteger hits = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            hits.incrementAndGet();
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://localhost:" + server.getAddress().getPort() + "/t.csv";
            DaliException e = assertThrows(DaliException.class, () -> load("u," + url, Map.of()));
            assertTrue(e.getMessage().contains("loopback, link-local or private address"), e.getMessage());
            assertEquals(0, hits.get());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void urlOverTheByteLimitIsCutOff() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            byte[] chunk = "1,2\n".repeat(10_000).getBytes(StandardCharsets.US_ASCII);
            try (var out = exchange.getResponseBody()) {
                for (int i = 0; i < 100; i++) {
                    out.write(chunk);
                }
            } catch (java.io.IOException ignored) {
                // The client hung up at the limit.
            }
            exchange.close();
        });
        server.start();
        try {
            UploadLimits allowed = new UploadLimits(1000, 1 << 20, true, 5);
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/t.csv";
            DaliException e = assertThrows(DaliException.class, () -> UploadSession.load(
                    UploadParser.parse(List.of("u," + url)), PartSource.NONE, ds, allowed, dir.resolve("s")));
            assertTrue(e.getMessage().contains("larger than the limit of 1048576 bytes"), e.getMessage());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void urlThatNeverAnswersTimesOut() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            try {
                Thread.sleep(8000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        server.start();
        try {
            UploadLimits allowed = new UploadLimits(1000, 1 << 20, true, 1);
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/slow.csv";
            long start = System.nanoTime();
            DaliException e = assertThrows(DaliException.class, () -> UploadSession.load(
                    UploadParser.parse(List.of("u," + url)), PartSource.NONE, ds, allowed, dir.resolve("s")));
            assertTrue(e.getMessage().contains("did not answer within 1 s"), e.getMessage());
            assertTrue(System.nanoTime() - start < 5_000_000_000L, "gave up in time");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void uploadTablesLeftByACrashAreDroppedAtStartUp() throws Exception {
        try (Statement st = keepAlive.createStatement()) {
            st.execute("CREATE SCHEMA \"TAP_UPLOAD\"");
            st.execute("CREATE TABLE \"TAP_UPLOAD\".\"specz_0a1b2c3d4e5f\" (\"_pzvo_row\" BIGINT PRIMARY KEY)");
            st.execute("CREATE TABLE \"TAP_UPLOAD\".\"t_ffeeddccbbaa\" (x INT)");
        }
        assertEquals(2, uploadTables());
        assertEquals(2, UploadSession.dropLeftovers(keepAlive));
        assertEquals(0, uploadTables());
        assertEquals(0, UploadSession.dropLeftovers(keepAlive));
    }
}
