// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.pzvo.db.Engine;
import org.pzvo.db.Metadata;

/**
 * What {@link IngestCommand} needs from the server: a database connection, its engine, the data
 * directory and the project's metadata. The server implements it (from its configuration); tests
 * implement it over a temporary H2 database. Chosen in code, never by reflection (STYLE.md 12).
 */
public interface IngestEnvironment {
    /**
     * Opens the resources of one ingest run.
     *
     * @param configFile the {@code --config} option, or null for the default configuration
     * @param dataDir    the {@code --data} option, or null for the configured data directory
     * @throws IOException  if the configuration or metadata cannot be read
     * @throws SQLException if the database cannot be reached
     */
    Session open(Path configFile, Path dataDir) throws IOException, SQLException;

    /** The resources of one run; closing it closes the connection. */
    interface Session extends AutoCloseable {
        /** An open connection; ingest switches auto-commit off while it loads and restores it. */
        Connection connection();

        Engine engine();

        /** The data directory; ingested schemas are kept in its {@code tap-schema/}. */
        Path dataDir();

        /**
         * The project's own metadata ({@code tap-schema/}), without the ingested schemas, already
         * installed in the database (TAP_SCHEMA tables and maps.* exist).
         */
        Metadata projectMetadata();

        /**
         * Where ingested maps' files go and how they are named; by default the data directory
         * with the default authority ({@link ProductSite#local}).
         */
        default ProductSite productSite() {
            return ProductSite.local(dataDir());
        }

        @Override
        void close() throws SQLException;
    }
}
