// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.uws;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.pzvo.db.Engine;

/** The engine contract on an H2 file database, pooled by HikariCP as in production. */
class UwsServiceH2Test extends UwsServiceContract {

    private HikariDataSource pool;

    @Override
    DataSource newServiceDatabase() {
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl("jdbc:h2:file:" + dataDir.resolve("service").toAbsolutePath());
        hc.setMaximumPoolSize(8);
        pool = new HikariDataSource(hc);
        return pool;
    }

    @Override
    Engine engine() {
        return Engine.H2;
    }

    @Override
    void closeServiceDatabase() {
        pool.close();
    }
}
