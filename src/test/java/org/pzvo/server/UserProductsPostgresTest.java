// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.server;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.Map;

/** User products over HTTP on a real PostgreSQL server (embedded binaries). */
class UserProductsPostgresTest extends UserProductsContract {
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
