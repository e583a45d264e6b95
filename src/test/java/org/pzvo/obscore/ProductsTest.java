// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.obscore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.pzvo.db.Engine;

/** The product registry on H2 and PostgreSQL, and the identifier and path rules. */
class ProductsTest {
    private static EmbeddedPostgres postgres;
    private static int databases;

    @TempDir
    Path data;

    static Connection open(Engine engine) throws Exception {
        Connection c;
        if (engine == Engine.H2) {
            c = DriverManager.getConnection("jdbc:h2:mem:products" + (++databases));
        } else {
            if (postgres == null) {
                postgres = EmbeddedPostgres.start();
            }
            c = postgres.getPostgresDatabase().getConnection();
            try (var st = c.createStatement()) {
                st.execute("DROP SCHEMA IF EXISTS \"files\" CASCADE");
            }
        }
        Products.createTable(c);
        Products.createTable(c);
        return c;
    }

    @AfterAll
    static void stop() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void registeredFileIsFoundByIdPathMapAndTableWithItsSizeAndDigest(Engine engine) throws Exception {
        Path file = data.resolve("products/maps/depth_i_dp1_o10.fits");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "abc", StandardCharsets.US_ASCII);
        try (Connection c = open(engine)) {
            Product p = Products.registerFile(c, data, "pzvo.example", "maps/depth_i_dp1_o10.fits",
                    Products.TYPE_MAP, "depth_i_dp1_o10", null, "application/fits");
            assertEquals("ivo://pzvo.example/pzvo?maps/depth_i_dp1_o10.fits", p.publisherDid());
            assertEquals(3, p.sizeBytes());
            // SHA-256("abc"), FIPS 180-2 appendix B.1.
            assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", p.sha256());
            assertEquals(p, Products.find(c, p.publisherDid()).orElseThrow());
            assertEquals(p, Products.findByPath(c, "maps/depth_i_dp1_o10.fits").orElseThrow());
            assertEquals(List.of(p), Products.ofMap(c, "depth_i_dp1_o10"));
            assertEquals(List.of(), Products.ofTable(c, "lsst.object"));
            assertEquals(file.toAbsolutePath().normalize(), Products.file(data, p));
            assertTrue(Products.find(c, "ivo://pzvo.example/pzvo?maps/other.fits").isEmpty());

            Files.writeString(file, "abcd", StandardCharsets.US_ASCII);
            Product again = Products.registerFile(c, data, "pzvo.example", "maps/depth_i_dp1_o10.fits",
                    Products.TYPE_MAP, "depth_i_dp1_o10", null, "application/fits");
            assertEquals(4, again.sizeBytes());
            assertEquals(List.of(again), Products.ofMap(c, "depth_i_dp1_o10"));
            assertTrue(Products.delete(c, p.publisherDid()));
            assertFalse(Products.delete(c, p.publisherDid()));
            assertTrue(Products.find(c, p.publisherDid()).isEmpty());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "../x.fits", "maps/../../etc/passwd", "/etc/passwd", "maps//x.fits", "maps/",
        "maps\\x.fits", "maps/.x.fits.tmp", "maps/./x.fits", "a%2e%2e/x", "x\u0000.fits", "C:/x.fits", "maps/x y.fits"})
    void unsafePathsAreRefused(String path) {
        assertNotNull(ProductIds.checkPath(path), path);
        assertTrue(ProductIds.pathOf("pzvo.example", "ivo://pzvo.example/pzvo?" + path).isEmpty());
        Product p = new Product("ivo://x", path, Products.TYPE_MAP, null, null, "application/fits", 0, "0".repeat(64),
                null);
        assertThrows(IllegalArgumentException.class, () -> Products.file(data, p));
    }

    @Test
    void identifiersOfOtherAuthoritiesOrServicesAreNotProducts() {
        assertEquals("maps/a.fits", ProductIds.pathOf("pzvo.example", "ivo://pzvo.example/pzvo?maps/a.fits")
                .orElseThrow());
        assertTrue(ProductIds.pathOf("pzvo.example", "ivo://other.example/pzvo?maps/a.fits").isEmpty());
        assertTrue(ProductIds.pathOf("pzvo.example", "ivo://pzvo.example/tap?maps/a.fits").isEmpty());
        assertTrue(ProductIds.pathOf("pzvo.example", null).isEmpty());
        assertNull(ProductIds.checkPath("catalogs/lsst.object.moc.fits"));
        assertThrows(IllegalArgumentException.class, () -> ProductIds.did("pzvo.example", "../a"));
    }
}
