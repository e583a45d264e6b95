// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.pzvo.db.Engine;

/** Every refused map: the exact message and maps.map / maps.map_pixel / TAP_SCHEMA unchanged. */
class MapBadInputTest {
    private static final TestDb DB = new TestDb();

    @TempDir
    Path dir;

    @AfterAll
    static void stop() throws IOException {
        DB.close();
    }

    interface Load {
        void run(MapIngest ingest) throws Exception;
    }

    private void assertRefused(Engine engine, Load load, String message) throws Exception {
        try (Connection c = DB.open(engine, dir)) {
            MapIngest ok = new MapIngest(c);
            ok.loadMap(MapIngest.Request.of(MapFixtures.explicit(dir.resolve("other.fits"), new long[] {7},
                    new float[] {1f}, MapFixtures.healpix("NESTED", 2, "EXPLICIT")), "other", "depth"),
                    ProgressListener.NONE);
            List<String> before = TestDb.snapshot(c);
            IngestException e = assertThrows(IngestException.class, () -> load.run(new MapIngest(c)));
            assertEquals(message, e.getMessage());
            assertEquals(before, TestDb.snapshot(c));
        }
    }

    private Path explicit(long[] pixels, Map<String, Object> cards) throws Exception {
        float[] values = new float[pixels.length];
        Arrays.fill(values, 23f);
        return MapFixtures.explicit(dir.resolve("map.fits"), pixels, values, cards);
    }

    private static Map<String, Object> cards(String key, Object value) {
        Map<String, Object> m = new HashMap<>(MapFixtures.healpix("NESTED", 16, "EXPLICIT"));
        m.put(key, value);
        return m;
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void unknownOrdering(Engine engine) throws Exception {
        Path f = explicit(new long[] {1, 2}, cards("ORDERING", "GALACTIC"));
        assertRefused(engine, m -> m.loadMap(MapIngest.Request.of(f, "m", "depth"), ProgressListener.NONE),
                "map.fits: header keyword ORDERING: unknown value 'GALACTIC'; expected NESTED or RING");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void nsideNotAPowerOfTwo(Engine engine) throws Exception {
        Path f = explicit(new long[] {1, 2}, cards("NSIDE", 12));
        assertRefused(engine, m -> m.loadMap(MapIngest.Request.of(f, "m", "depth"), ProgressListener.NONE),
                "map.fits: header keyword NSIDE: 12 is not a power of two in [1, 2^29]");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void pixelOutOfRange(Engine engine) throws Exception {
        Path f = explicit(new long[] {1, 2, 3072}, cards("NSIDE", 16));
        assertRefused(engine, m -> m.loadMap(MapIngest.Request.of(f, "m", "depth"), ProgressListener.NONE),
                "map.fits: row 3, column PIXEL: pixel 3072 out of range [0, 3072) for NSIDE 16");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void duplicatePixel(Engine engine) throws Exception {
        long[] pixels = new long[12000];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = i;
        }
        pixels[11000] = 17;
        Path f = explicit(pixels, cards("NSIDE", 64));
        assertRefused(engine, m -> m.loadMap(MapIngest.Request.of(f, "m", "depth"), ProgressListener.NONE),
                "map.fits: row 11001, column PIXEL: duplicate pixel");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void truncatedMap(Engine engine) throws Exception {
        long[] pixels = new long[1000];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = i;
        }
        Path f = explicit(pixels, cards("NSIDE", 16));
        byte[] all = Files.readAllBytes(f);
        Files.write(f, Arrays.copyOf(all, all.length - 2880 - 100));
        assertRefused(engine, m -> m.loadMap(MapIngest.Request.of(f, "m", "depth"), ProgressListener.NONE),
                "map.fits: row 952: truncated file: HDU 1 declares 1000 rows of 12 bytes but the file ends inside row 952");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void implicitMapOfTheWrongLength(Engine engine) throws Exception {
        Path f = MapFixtures.implicit(dir.resolve("map.fits"), new float[64], 8,
                MapFixtures.healpix("NESTED", 2, "IMPLICIT"));
        assertRefused(engine, m -> m.loadMap(MapIngest.Request.of(f, "m", "depth"), ProgressListener.NONE),
                "map.fits: row 7, column SIGNAL: more values than the 48 pixels of NSIDE 2");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void existingMapId(Engine engine) throws Exception {
        Path f = explicit(new long[] {1, 2}, cards("NSIDE", 16));
        assertRefused(engine, m -> m.loadMap(MapIngest.Request.of(f, "other", "depth"), ProgressListener.NONE),
                "map other already exists in maps.map");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void mocCellDeeperThanItsOrder(Engine engine) throws Exception {
        Path f = MapFixtures.rangeMoc(dir.resolve("moc.fits"), new long[] {0, 1L << 20}, 8);
        assertRefused(engine, m -> m.loadMoc(f, "moc", ProgressListener.NONE),
                "moc.fits: row 2, column RANGE: value 1048576 is not an order-29 cell boundary at MOCORD_S 8");
    }
}
