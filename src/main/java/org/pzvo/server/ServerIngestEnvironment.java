// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.pzvo.db.Engine;
import org.pzvo.db.Metadata;
import org.pzvo.db.SchemaInstaller;
import org.pzvo.ingest.IngestEnvironment;
import org.pzvo.ingest.ProductSite;
import org.pzvo.sky.SqlFunctions;

/**
 * {@code ./pzvo ingest} against the configured database: one plain JDBC connection (no pool for
 * a one-shot command), with the project's schemas and SQL functions installed first.
 */
final class ServerIngestEnvironment implements IngestEnvironment {
    @Override
    public Session open(Path configFile, Path dataDir) throws IOException, SQLException {
        Map<String, String> overrides = new HashMap<>();
        if (dataDir != null) {
            overrides.put("data.dir", dataDir.toAbsolutePath().toString());
        }
        ServerConfig cfg = Main.config(configFile, overrides);
        Files.createDirectories(cfg.storage().dataDir());
        Metadata project = Metadata.load(cfg.storage().metadataDir());
        Engine engine = cfg.engine();
        Connection c = cfg.db().user().isEmpty()
                ? DriverManager.getConnection(cfg.db().url())
                : DriverManager.getConnection(cfg.db().url(), cfg.db().user(), cfg.db().password());
        try {
            SqlFunctions.install(c, engine);
            SchemaInstaller.install(c, engine, project);
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
        Path dir = cfg.storage().dataDir();
        return new Session() {
            @Override
            public Connection connection() {
                return c;
            }

            @Override
            public Engine engine() {
                return engine;
            }

            @Override
            public Path dataDir() {
                return dir;
            }

            @Override
            public Metadata projectMetadata() {
                return project;
            }

            @Override
            public ProductSite productSite() {
                return Launch.productSite(cfg);
            }

            @Override
            public void close() throws SQLException {
                c.close();
            }
        };
    }
}
