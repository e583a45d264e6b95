// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import nom.tam.fits.BinaryTable;
import nom.tam.fits.BinaryTableHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.pzvo.db.Engine;

class MapFilesTest {
    private static final TestDb DB = new TestDb();

    @TempDir
    Path dir;

    @AfterAll
    static void stop() throws IOException {
        DB.close();
    }

    private static final long[] PIXELS = {3, 0, 1, 2, 100, 3071, 640};
    private static final float[] VALUES = {23.75f, 24.5f, 24.25f, 24f, 25f, 22.5f, Float.NaN};

    @ParameterizedTest
    @EnumSource(Engine.class)
    void partialMapFileIsStandardAndReingestsToTheSamePixels(Engine engine) throws Exception {
        Path in = MapFixtures.explicit(dir.resolve("in.fits"), PIXELS, VALUES,
                MapFixtures.healpix("NESTED", 16, "EXPLICIT"));
        Path out = dir.resolve("out.fits");
        try (Connection c = DB.open(engine, dir)) {
            new MapIngest(c).loadMap(new MapIngest.Request(in, "d", "depth", "r", "phot.mag;stat.max", "mag", null,
                    null, null), ProgressListener.NONE);
            MapFiles.writeMap(c, "d", out);
            try (Fits fits = new Fits(out.toFile())) {
                BinaryTableHDU hdu = (BinaryTableHDU) fits.getHDU(1);
                Header h = hdu.getHeader();
                assertEquals("HEALPIX", h.getStringValue("PIXTYPE"));
                assertEquals("NESTED", h.getStringValue("ORDERING"));
                assertEquals(16, h.getLongValue("NSIDE"));
                assertEquals("EXPLICIT", h.getStringValue("INDXSCHM"));
                assertEquals("PARTIAL", h.getStringValue("OBJECT"));
                assertEquals(6, h.getLongValue("OBS_NPIX"));
                assertEquals("C", h.getStringValue("COORDSYS"));
                assertEquals("mag", h.getStringValue("TUNIT2"));
                BinaryTable t = hdu.getData();
                assertEquals(List.of("PIXEL", "VALUE"), List.of(hdu.getColumnName(0), hdu.getColumnName(1)));
                long[] pixels = new long[t.getNRows()];
                float[] values = new float[t.getNRows()];
                for (int i = 0; i < pixels.length; i++) {
                    pixels[i] = ((long[]) t.getElement(i, 0))[0];
                    values[i] = ((float[]) t.getElement(i, 1))[0];
                }
                assertArrayEquals(new long[] {0, 1, 2, 3, 100, 3071}, pixels);
                assertArrayEquals(new float[] {24.5f, 24.25f, 24f, 23.75f, 25f, 22.5f}, values);
            }
            new MapIngest(c).loadMap(MapIngest.Request.of(out, "d2", "depth"), ProgressListener.NONE);
            assertEquals(MapIngestTest.pixels(c, "d"), MapIngestTest.pixels(c, "d2"));
            assertEquals("mag", TestDb.rows(c, "SELECT \"value_unit\" FROM \"maps\".\"map\" WHERE \"map_id\" = 'd2'")
                    .get(0));
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void filesAreByteIdenticalAcrossWritesAndMocReadsBack(Engine engine) throws Exception {
        Path in = MapFixtures.explicitMask(dir.resolve("bits.fits"), new long[] {5, 6, 7, 4, 40}, new int[] {1, 2, 3, 4, 5},
                MapFixtures.healpix("NESTED", 4, "EXPLICIT"));
        try (Connection c = DB.open(engine, dir)) {
            MapIngest.Report r = new MapIngest(c).loadMap(MapIngest.Request.of(in, "b", "bitmask"),
                    ProgressListener.NONE);
            MapFiles.writeMap(c, "b", dir.resolve("a.fits"));
            MapFiles.writeMap(c, "b", dir.resolve("b.fits"));
            assertArrayEquals(Files.readAllBytes(dir.resolve("a.fits")), Files.readAllBytes(dir.resolve("b.fits")));
            assertEquals(0, Files.size(dir.resolve("a.fits")) % 2880);
            MapFiles.writeMoc(c, "b", dir.resolve("a.moc.fits"));
            MapFiles.writeMoc(c, "b", dir.resolve("b.moc.fits"));
            assertArrayEquals(Files.readAllBytes(dir.resolve("a.moc.fits")),
                    Files.readAllBytes(dir.resolve("b.moc.fits")));
            MocRanges moc = MocFits.read(dir.resolve("a.moc.fits"));
            assertEquals(r.moc(), moc.ascii());
            assertEquals("1/1 2/40", moc.ascii());
            try (Fits fits = new Fits(dir.resolve("a.moc.fits").toFile())) {
                Header h = fits.getHDU(1).getHeader();
                assertEquals("2.0", h.getStringValue("MOCVERS"));
                assertEquals("SPACE", h.getStringValue("MOCDIM"));
                assertEquals("NUNIQ", h.getStringValue("ORDERING"));
                assertEquals(2, h.getIntValue("MOCORD_S"));
                assertEquals("1J", h.getStringValue("TFORM1"));
            }
            new MapIngest(c).loadMap(MapIngest.Request.of(dir.resolve("a.fits"), "b2", "bitmask"),
                    ProgressListener.NONE);
            assertEquals(MapIngestTest.pixels(c, "b"), MapIngestTest.pixels(c, "b2"));
        }
    }
}
