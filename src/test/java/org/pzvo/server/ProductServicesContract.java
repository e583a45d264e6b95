// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.server;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.pzvo.obscore.Product;
import org.pzvo.obscore.ProductIds;
import org.pzvo.obscore.Products;

/**
 * One server with the demo data for the SCS, SIA and DataLink-service tests, which the engine
 * subclasses run by implementing the test interfaces. The demo registers its products; two
 * more (a map missing from maps.map, a product of no table) are registered here for the errors.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ProductServicesContract implements ServedDemo {
    static final String AUTHORITY = "pzvo.example";

    private Path dataDir;
    private Launch.Running running;
    private HttpClient http;
    private String base;

    abstract Map<String, String> engineOverrides() throws Exception;

    void afterServerStopped() throws Exception {
    }

    @BeforeAll
    void startServer() throws Exception {
        dataDir = Files.createTempDirectory("pzvo-products-test");
        Map<String, String> overrides = new LinkedHashMap<>(engineOverrides());
        overrides.put("server.port", "0");
        overrides.put("server.host", "127.0.0.1");
        overrides.put("data.dir", dataDir.toString());
        overrides.put("tap.maxrec.default", "1000");
        Path home = Path.of("").toAbsolutePath();
        ServerConfig cfg = ServerConfig.load(home, home.resolve("conf/pzvo.properties"), Map.of(), overrides);
        running = Launch.start(cfg, home, 2000);
        http = HttpClient.newHttpClient();
        base = "http://127.0.0.1:" + running.server().port();
        try (Connection c = running.pools().async().getConnection()) {
            // The demo registered the real products; add two that the error cases need.
            register(c, "training/photoz_pdf_run1.parquet", Products.TYPE_PDF, null, null,
                    "application/vnd.apache.parquet");
            register(c, "maps/ghost_o10.fits", Products.TYPE_MAP, "no_such_map", null, "application/fits");
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
    }

    private static void register(Connection c, String path, String type, String mapId, String table, String mime)
            throws Exception {
        Products.register(c, new Product(ProductIds.did(AUTHORITY, path), path, type, mapId, table, mime, 1000,
                "0".repeat(64), null));
    }

    @AfterAll
    void stopServer() throws Exception {
        try {
            running.close();
        } finally {
            afterServerStopped();
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Override
    public String base() {
        return base;
    }

    @Override
    public HttpClient http() {
        return http;
    }

    @Override
    public String did(String relativePath) {
        return ProductIds.did(AUTHORITY, relativePath);
    }

    /** The server's data directory (for the preview cache). */
    Path dataDir() {
        return dataDir;
    }
}
