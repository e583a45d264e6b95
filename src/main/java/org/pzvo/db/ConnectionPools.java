// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;

/**
 * Two pooled data sources on the same database: one for synchronous requests, one for
 * asynchronous jobs, so a burst of long jobs cannot take the connections interactive users need
 * (and the other way round). Closing closes both.
 */
public final class ConnectionPools implements AutoCloseable {
    private final Engine engine;
    private final HikariDataSource sync;
    private final HikariDataSource async;

    public ConnectionPools(String jdbcUrl, String user, String password, int syncSize, int asyncSize) {
        this.engine = Engine.ofJdbcUrl(jdbcUrl);
        this.sync = pool("pzvo-sync", jdbcUrl, user, password, syncSize);
        this.async = pool("pzvo-async", jdbcUrl, user, password, asyncSize);
    }

    private static HikariDataSource pool(String name, String url, String user, String password, int size) {
        HikariConfig c = new HikariConfig();
        c.setPoolName(name);
        c.setJdbcUrl(url);
        if (!user.isEmpty()) {
            c.setUsername(user);
        }
        if (!password.isEmpty()) {
            c.setPassword(password);
        }
        if (url.startsWith("jdbc:postgresql:")) {
            // One round trip per batch instead of per row when loading.
            c.addDataSourceProperty("reWriteBatchedInserts", "true");
        }
        c.setMaximumPoolSize(size);
        c.setMinimumIdle(1);
        // A request waits at most this long for a connection before it is told the service is busy.
        c.setConnectionTimeout(10_000);
        return new HikariDataSource(c);
    }

    public Engine engine() {
        return engine;
    }

    public DataSource sync() {
        return sync;
    }

    public DataSource async() {
        return async;
    }

    @Override
    public void close() {
        async.close();
        sync.close();
    }
}
