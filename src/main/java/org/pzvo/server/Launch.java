// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.server;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.pzvo.auth.DemoTokens;
import org.pzvo.db.ConnectionPools;
import org.pzvo.db.Engine;
import org.pzvo.db.Metadata;
import org.pzvo.db.SchemaInstaller;
import org.pzvo.ingest.DemoData;
import org.pzvo.ingest.DemoProducts;
import org.pzvo.ingest.ProductSite;
import org.pzvo.obscore.ObsCore;
import org.pzvo.obscore.Product;
import org.pzvo.obscore.Products;
import org.pzvo.ingest.IngestedSchemas;
import org.pzvo.ingest.DemoSpec;
import org.pzvo.ingest.DemoSummary;
import org.pzvo.ingest.PhotoZQuality;
import org.pzvo.ingest.ProgressListener;
import org.pzvo.sky.SqlFunctions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Start-up sequence shared by {@code demo} and {@code serve}: database, metadata, HTTP. */
final class Launch {
    private static final Logger LOG = LoggerFactory.getLogger(Launch.class);
    /** Seed of the demo data set: the same bytes on every machine. */
    private static final long DEMO_SEED = 20261123L;

    private Launch() {
    }

    /**
     * @param demoRows rows of demo objects to generate when the database has none yet, or -1 to
     *                 serve the database as it is
     */
    static int serve(ServerConfig cfg, Path home, long demoRows) throws Exception {
        try (Running running = start(cfg, home, demoRows)) {
            System.out.println("pzvo ready: http://localhost:" + running.server().port() + "/");
            System.out.flush();
            running.server().join();
        }
        return 0;
    }

    /** A started server and the pools it uses; closing stops both. */
    record Running(PzvoServer server, ConnectionPools pools) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            try {
                server.close();
            } finally {
                pools.close();
            }
        }
    }

    /** Prepares the database (and the demo data when asked), then starts the HTTP server. */
    static Running start(ServerConfig cfg, Path home, long demoRows) throws Exception {
        Files.createDirectories(cfg.storage().dataDir());
        // The project's schemas plus those ingested into this data directory.
        Metadata metadata = IngestedSchemas.union(cfg.storage().metadataDir(), cfg.storage().dataDir());
        ConnectionPools pools = open(cfg);
        try {
            prepareDatabase(cfg, pools, metadata, demoRows);
            if (demoRows > 0) {
                Path demoTokens = DemoTokens.ensure(cfg.storage().dataDir(), cfg.auth().tokensFile());
                System.err.println("pzvo: demo bearer tokens (user token) are in " + demoTokens);
            }
            PzvoServer server = PzvoServer.start(cfg, metadata, pools, home.resolve("webapp"));
            try (Connection c = pools.async().getConnection()) {
                // ObsCore access_url follows the base URL actually served (it may come from the bound port).
                ObsCore.rebase(c, publicBaseUrl(cfg, server.port()));
            }
            return new Running(server, pools);
        } catch (Exception | Error e) {
            pools.close();
            throw e;
        }
    }

    /** Whether the demo data are already there: objects and the runs that go with them. */
    private static boolean demoPresent(Connection c) {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM \"pz\".\"run\"")) {
            return rs.next() && rs.getLong(1) > 0;
        } catch (SQLException e) {
            // No such table yet: a fresh database.
            return false;
        }
    }

    private static void report(DemoSummary s) {
        System.err.printf("pzvo: demo data: %,d objects, %,d photo-z rows, %,d spec-z, %,d training-set rows,"
                + " %,d map pixels in %.1f s%n", s.objects(), s.photozRows(), s.speczRows(), s.trainingSetRows(),
                s.mapPixelRows(), s.elapsedMillis() / 1000.0);
        for (PhotoZQuality q : s.quality()) {
            System.err.println("pzvo: photo-z quality of run " + q.runId() + ": " + q.summaryLine());
        }
    }

    private static ConnectionPools open(ServerConfig cfg) {
        try {
            return new ConnectionPools(cfg.db().url(), cfg.db().user(), cfg.db().password(), cfg.db().syncPoolSize(),
                    cfg.db().asyncPoolSize());
        } catch (RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            throw new StartupException("Cannot connect to the database " + cfg.db().url() + ": " + root.getMessage()
                    + ". Check db.url, db.user and db.password in conf/pzvo.properties (or PZVO_DB_URL...).", e);
        }
    }

    /** The base URL clients reach this server at: configured, else on localhost at the bound port. */
    static String publicBaseUrl(ServerConfig cfg, int port) {
        return cfg.http().baseUrl().isEmpty() ? "http://localhost:" + port : cfg.http().baseUrl();
    }

    /** Where file products go, named with the configured authority. */
    static ProductSite productSite(ServerConfig cfg) {
        return new ProductSite(cfg.storage().dataDir(), cfg.service().authority(),
                publicBaseUrl(cfg, cfg.http().port()));
    }

    private static void prepareDatabase(ServerConfig cfg, ConnectionPools pools, Metadata metadata, long demoRows)
            throws SQLException, IOException {
        Engine engine = pools.engine();
        try (Connection c = pools.async().getConnection()) {
            SqlFunctions.install(c, engine);
            if (demoRows > 0 && !demoPresent(c)) {
                LOG.info("Generating the demo data set ({} objects) on {}", demoRows, engine);
                DemoSummary summary = DemoData.generate(c, engine, metadata, new DemoSpec(demoRows, DEMO_SEED),
                        ProgressListener.printingTo(new PrintWriter(System.err, true)));
                report(summary);
                writeDemoProducts(cfg, c, metadata);
            } else {
                SchemaInstaller.install(c, engine, metadata);
                Products.createTable(c);
                if (demoRows > 0 && !Products.any(c)) {
                    // A demo data directory made before file products existed: add them once.
                    writeDemoProducts(cfg, c, metadata);
                }
            }
        }
    }

    private static void writeDemoProducts(ServerConfig cfg, Connection c, Metadata metadata)
            throws SQLException, IOException {
        long start = System.nanoTime();
        List<Product> products = DemoProducts.write(c, metadata, productSite(cfg));
        System.err.printf("pzvo: demo files: %d products under %s in %.1f s%n", products.size(),
                cfg.storage().dataDir().resolve(Products.DIRECTORY), (System.nanoTime() - start) / 1e9);
    }
}
