// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pzvo.db.Engine;
import org.pzvo.db.Metadata;
import org.pzvo.obscore.Product;
import org.pzvo.obscore.Products;

/**
 * The demo's file products: the same seed gives byte-identical files, registry rows and ObsCore
 * rows whatever the number of generator threads; another seed gives other files.
 */
class DemoProductsTest {
    static Metadata metadata;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() throws Exception {
        metadata = Metadata.load(Path.of("tap-schema"));
    }

    /** sha256 of every file below products/, the registry and the ObsCore table, by name. */
    Map<String, String> generate(String name, DemoSpec spec, int workers) throws Exception {
        Path data = dir.resolve(name);
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:" + name)) {
            DemoData.generate(c, Engine.H2, metadata, spec, ProgressListener.NONE, workers);
            List<Product> products = DemoProducts.write(c, metadata, ProductSite.local(data));
            Map<String, String> out = new TreeMap<>();
            try (Stream<Path> files = Files.walk(data.resolve(Products.DIRECTORY))) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    out.put(data.relativize(f).toString(), Products.sha256(f));
                }
            }
            out.put("files.product", String.join("\n", TestDb.rows(c,
                    "SELECT * FROM \"files\".\"product\" ORDER BY \"publisher_did\"")));
            out.put("ivoa.obscore", String.join("\n", TestDb.rows(c,
                    "SELECT * FROM \"ivoa\".\"obscore\" ORDER BY \"obs_publisher_did\"")));
            out.put("#products", Integer.toString(products.size()));
            return out;
        }
    }

    @Test
    void sameSeedSameBytesWhateverTheThreadCountAndOtherSeedOtherFiles() throws Exception {
        Map<String, String> one = generate("p1", new DemoSpec(1500, 5), 1);
        Map<String, String> three = generate("p2", new DemoSpec(1500, 5), 3);
        assertEquals(one.keySet(), three.keySet());
        assertEquals(List.of(), one.keySet().stream().filter(k -> !one.get(k).equals(three.get(k))).toList());
        // 9 maps x (map + 3 MOC forms) + 4 catalogs x 3 MOC forms + training set + 2 PDF files.
        assertEquals("51", one.get("#products"));
        assertEquals(51, one.keySet().stream().filter(k -> k.startsWith(Products.DIRECTORY)).count());
        Map<String, String> other = generate("p3", new DemoSpec(1500, 6), 2);
        for (String file : List.of("products/training/spec.training_set.fits", "products/pdfs/1.pdf.fits",
                "products/catalogs/lsst.object.moc.fits")) {
            assertTrue(one.containsKey(file), file);
            assertNotEquals(one.get(file), other.get(file), file);
        }
    }
}
