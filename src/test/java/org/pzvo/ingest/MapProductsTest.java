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
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.pzvo.db.Engine;
import org.pzvo.obscore.Product;
import org.pzvo.obscore.Products;

/** Maps loaded by {@code pzvo ingest} get their files, registry rows and ObsCore rows, atomically. */
class MapProductsTest {
    private static final TestDb DB = new TestDb();

    @TempDir
    Path dir;

    @AfterAll
    static void stop() throws IOException {
        DB.close();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void anIngestedMapIsWrittenRegisteredAndDescribedInObsCore(Engine engine) throws Exception {
        Path in = MapFixtures.explicit(dir.resolve("in.fits"), new long[] {0, 1, 2, 3, 100}, new float[] {24, 24.5f,
            25, 23, 22}, MapFixtures.healpix("NESTED", 16, "EXPLICIT"));
        Path data = dir.resolve("data");
        try (Connection c = DB.open(engine, dir)) {
            new MapIngest(c, ProductSite.local(data)).loadMap(new MapIngest.Request(in, "depth_r_user", "depth", "r",
                    "phot.mag;stat.max", "mag", "LSST", "dr0", null), ProgressListener.NONE);
            List<Product> products = Products.ofMap(c, "depth_r_user");
            assertEquals(List.of("maps/depth_r_user.fits", "maps/depth_r_user.moc.fits", "maps/depth_r_user.moc.json",
                    "maps/depth_r_user.moc.txt"), products.stream().map(Product::relativePath).toList());
            for (Product p : products) {
                Path file = Products.file(data, p);
                assertEquals(Files.size(file), p.sizeBytes());
                assertEquals(Products.sha256(file), p.sha256());
            }
            assertEquals("3/0 4/100\n", Files.readString(data.resolve("products/maps/depth_r_user.moc.txt")));
            assertEquals("{\"3\":[0],\"4\":[100]}\n", Files.readString(data.resolve(
                    "products/maps/depth_r_user.moc.json")));
            assertEquals(List.of("image|healpix-map|LSST/dr0|552|691|1", "image|moc|LSST/dr0|552|691|1"),
                    TestDb.rows(c, "SELECT \"dataproduct_type\", \"dataproduct_subtype\", \"obs_collection\","
                    + " CAST(ROUND(\"em_min\" * 1e9) AS INTEGER), CAST(ROUND(\"em_max\" * 1e9) AS INTEGER),"
                    + " \"em_xel\" FROM"
                    + " \"ivoa\".\"obscore\" ORDER BY \"obs_publisher_did\""));
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aMapIdThatCannotNameAFileIsRefusedBeforeAnythingIsLoaded(Engine engine) throws Exception {
        Path in = MapFixtures.explicit(dir.resolve("in.fits"), new long[] {1}, new float[] {1},
                MapFixtures.healpix("NESTED", 16, "EXPLICIT"));
        try (Connection c = DB.open(engine, dir)) {
            List<String> before = TestDb.snapshot(c);
            IngestException e = assertThrows(IngestException.class, () -> new MapIngest(c,
                    ProductSite.local(dir.resolve("data"))).loadMap(MapIngest.Request.of(in, "../escape", "depth"),
                    ProgressListener.NONE));
            assertTrue(e.getMessage().contains("--map-id ../escape"), e.getMessage());
            assertEquals(before, TestDb.snapshot(c));
            assertFalse(Files.exists(dir.resolve("escape.fits")));
        }
    }
}
