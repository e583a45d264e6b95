// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cds.healpix.Healpix;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.pzvo.db.Engine;
import org.pzvo.sky.SkyIndex;

class MapIngestTest {
    private static final TestDb DB = new TestDb();
    private static final double PIXEL_DEG2_ORDER4 = MapSummary.SKY_DEG2 / 3072;

    @TempDir
    Path dir;

    @AfterAll
    static void stop() throws IOException {
        DB.close();
    }

    /** Pixel rows; the REAL value printed as a Java float (engines print 24 or 24.0). */
    static List<String> pixels(Connection c, String mapId) throws Exception {
        return TestDb.rows(c, "SELECT \"pixel\", \"pixel_value\", \"mask\", \"pix_lo29\", \"pix_hi29\" FROM \"maps\".\"map_pixel\""
                + " WHERE \"map_id\" = '" + mapId + "' ORDER BY \"pixel\"").stream().map(r -> {
                    String[] p = r.split("\\|");
                    p[1] = p[1].equals("null") ? p[1] : Float.toString(Float.parseFloat(p[1]));
                    return String.join("|", p);
                }).toList();
    }

    static String pixelRow(long p, int order, String value, String mask) {
        int shift = 2 * (29 - order);
        return p + "|" + value + "|" + mask + "|" + (p << shift) + "|" + ((p + 1) << shift);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void partialExplicitNestedMap(Engine engine) throws Exception {
        Path f = MapFixtures.explicit(dir.resolve("depth.fits"), new long[] {0, 1, 2, 3, 100, 3071},
                new float[] {24.5f, 24.25f, 24f, 23.75f, 25f, 22.5f}, MapFixtures.healpix("NESTED", 16, "EXPLICIT"));
        try (Connection c = DB.open(engine, dir)) {
            MapIngest.Report r = new MapIngest(c).loadMap(new MapIngest.Request(f, "depth_i", "depth", "i",
                    "phot.mag;stat.max", "mag", "DP1", "dp1", null), ProgressListener.NONE);
            assertEquals(new MapIngest.Report("depth_i", 4, 6, 6 * PIXEL_DEG2_ORDER4, "3/0 4/100 3071", r.millis()), r);
            assertEquals(List.of(pixelRow(0, 4, "24.5", null), pixelRow(1, 4, "24.25", null),
                    pixelRow(2, 4, "24.0", null), pixelRow(3, 4, "23.75", null), pixelRow(100, 4, "25.0", null),
                    pixelRow(3071, 4, "22.5", null)), pixels(c, "depth_i"));
            assertEquals(List.of("depth_i|depth|DP1|dp1|i|phot.mag;stat.max|mag|4|16|NESTED|C|6|3/0 4/100 3071"),
                    TestDb.rows(c, "SELECT \"map_id\", \"product_type\", \"survey\", \"release\", \"band\", \"quantity\","
                            + " \"value_unit\", \"hpx_order\", \"nside\", \"ordering\", \"coord_sys\", \"n_pixels\","
                            + " \"moc\" FROM \"maps\".\"map\""));
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void fullSkyImplicitRingMapIsConvertedToNested(Engine engine) throws Exception {
        float[] values = new float[48];
        for (int i = 0; i < 48; i++) {
            values[i] = i;
        }
        values[47] = (float) HealpixFitsReader.UNSEEN;
        values[46] = Float.NaN;
        Path f = MapFixtures.implicit(dir.resolve("ring.fits"), values, 8, MapFixtures.healpix("RING", 2, "IMPLICIT"));
        try (Connection c = DB.open(engine, dir)) {
            MapIngest.Report r = new MapIngest(c).loadMap(MapIngest.Request.of(f, "ring", "property"),
                    ProgressListener.NONE);
            assertEquals(46, r.pixels());
            Map<Long, Integer> ringOfNested = new HashMap<>();
            for (String row : pixels(c, "ring")) {
                String[] p = row.split("\\|");
                ringOfNested.put(Long.parseLong(p[0]), (int) Float.parseFloat(p[1]));
            }
            // Independent check of RING -> NESTED: the four north-most RING pixels of NSIDE 2 have
            // centres at z = 1 - 1/(3 NSIDE^2) and phi = (j - 1/2) pi/2 (Gorski 2005 Eq. 4).
            double decDeg = Math.toDegrees(Math.asin(1 - 1.0 / 12));
            for (int j = 1; j <= 4; j++) {
                long nested = SkyIndex.index(1, (j - 0.5) * 90, decDeg);
                assertEquals(j - 1, ringOfNested.get(nested), "ring pixel " + (j - 1));
            }
            for (Map.Entry<Long, Integer> e : ringOfNested.entrySet()) {
                assertEquals(e.getValue().longValue(), Healpix.getNested(1).toRing(e.getKey()));
            }
        }
    }

    @Test
    void fullSkyImplicitNestedVectorColumnSkipsUnseen() throws Exception {
        float[] values = new float[3072];
        Arrays.fill(values, 0.5f);
        Arrays.fill(values, 1024, 3072, (float) HealpixFitsReader.UNSEEN);
        Path f = MapFixtures.implicit(dir.resolve("fp.fits"), values, 64, MapFixtures.healpix("NESTED", 16, "IMPLICIT"));
        try (Connection c = DB.open(Engine.H2, dir)) {
            MapIngest.Report r = new MapIngest(c).loadMap(MapIngest.Request.of(f, "fp", "footprint"),
                    ProgressListener.NONE);
            assertEquals(1024, r.pixels());
            assertEquals("0/0-3 4/", r.moc());
            assertEquals(1024 * 0.5 * PIXEL_DEG2_ORDER4, r.areaDeg2(), 1e-9);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void bitmaskMapStoresMasks(Engine engine) throws Exception {
        Path f = MapFixtures.explicitMask(dir.resolve("bits.fits"), new long[] {5, 6, 9}, new int[] {0, 3, 1 << 20},
                MapFixtures.healpix("NESTED", 4, "EXPLICIT"));
        try (Connection c = DB.open(engine, dir)) {
            new MapIngest(c).loadMap(MapIngest.Request.of(f, "bits", "bitmask"), ProgressListener.NONE);
            assertEquals(List.of(pixelRow(5, 2, null, "0"), pixelRow(6, 2, null, "3"), pixelRow(9, 2, null, "1048576")),
                    pixels(c, "bits"));
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void nuniqMocIsRegisteredAsCoverage(Engine engine) throws Exception {
        MocRanges moc = MocRanges.ofRanges(new long[] {0, 1L << 58, 5L << 56, 6L << 56}, 5);
        Path f = dir.resolve("cov.fits");
        try (var out = Files.newOutputStream(f)) {
            MocFits.write(moc, "cov", out);
        }
        try (Connection c = DB.open(engine, dir)) {
            MapIngest.Report r = new MapIngest(c).loadMoc(f, "cov", ProgressListener.NONE);
            assertEquals("0/0 1/5 5/", r.moc());
            assertEquals(5 * 256, r.pixels());
            assertEquals(List.of("cov|coverage|5|1280"), TestDb.rows(c, "SELECT \"map_id\", \"product_type\","
                    + " \"hpx_order\", \"n_pixels\" FROM \"maps\".\"map\""));
        }
    }

    @Test
    void rangeMocIsRead() throws Exception {
        long cell8 = 1L << (2 * (29 - 8));
        Path f = MapFixtures.rangeMoc(dir.resolve("range.fits"), new long[] {10 * cell8, 14 * cell8, 20 * cell8,
            21 * cell8}, 8);
        MocRanges moc = MocFits.read(f);
        assertArrayEquals(new long[] {10 * cell8, 14 * cell8, 20 * cell8, 21 * cell8}, moc.ranges());
        assertEquals("8/10-13 20", moc.ascii());
    }

    @Test
    void asciiMocOfTheStandardExample() {
        // MOC 2.0 §4.3.2 example "1/1 2 4 2/12-14 21 23 25 8/"; NUNIQ = 4·4^order + ipix (§4.3.1).
        long[][] cells = {{1, 1}, {1, 2}, {1, 4}, {2, 12}, {2, 13}, {2, 14}, {2, 21}, {2, 23}, {2, 25}};
        long[] flat = new long[2 * cells.length];
        long[] uniq = new long[cells.length];
        for (int i = 0; i < cells.length; i++) {
            int o = (int) cells[i][0];
            long p = cells[i][1];
            flat[2 * i] = p << (2 * (29 - o));
            flat[2 * i + 1] = (p + 1) << (2 * (29 - o));
            uniq[i] = (4L << (2 * o)) + p;
        }
        MocRanges moc = MocRanges.ofRanges(flat, 8);
        // "1-2" is the same set as "1 2" in the same grammar.
        assertEquals("1/1-2 4 2/12-14 21 23 25 8/", moc.ascii());
        assertArrayEquals(uniq, moc.uniq());
    }
}
