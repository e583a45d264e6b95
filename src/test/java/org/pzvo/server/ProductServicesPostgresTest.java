// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.server;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.Map;

/** SCS, SIA and the DataLink services on a real PostgreSQL server (embedded binaries). */
class ProductServicesPostgresTest extends ProductServicesContract implements ConeSearchTests, SiaTests, DataLinkServiceTests {
    private EmbeddedPostgres pg;

    @Override
    Map<String, String> engineOverrides() throws Exception {
        pg = EmbeddedPostgres.start();
        return Map.of("db.url", "jdbc:postgresql://localhost:" + pg.getPort() + "/postgres",
                "db.user", "postgres", "db.password", "postgres");
    }

    @Override
    void afterServerStopped() throws Exception {
        pg.close();
    }
}
