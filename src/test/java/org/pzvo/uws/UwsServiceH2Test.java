// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.uws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
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

    static long openFiles() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }

    @Test
    void manyJobsLeaveNoThreadsConnectionsOrFilesBehind() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")));
        service.close();
        UwsConfig c = config(4, 2, Duration.ofSeconds(30));
        service = startService(new UwsConfig(c.defaultExecutionDuration(), c.maxExecutionDuration(),
                c.defaultDestruction(), c.maxDestruction(), 4, 2, 1000, 1000, c.maxWait(), c.dataDir(),
                c.reaperPeriod()));
        runBatch(20, "warm");
        Set<String> before = threadNames();
        long files = openFiles();
        runBatch(1000, "load");
        assertEquals(0, pool.getHikariPoolMXBean().getActiveConnections());
        assertEquals(before, threadNames(), "engine threads");
        assertTrue(openFiles() <= files + 3, files + " -> " + openFiles());
        assertEquals(0, service.pendingWaits());
    }

    static Set<String> threadNames() {
        Set<String> names = new java.util.TreeSet<>();
        Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(n -> n.startsWith("uws-")).forEach(names::add);
        return names;
    }

    private void runBatch(int n, String owner) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = service.create(owner + (i % 5), org.pzvo.uws.Parameters.of("MODE", "write")).jobId();
            service.run(id, owner + (i % 5));
            ids.add(id);
        }
        for (int i = 0; i < n; i++) {
            assertEquals(org.pzvo.uws.Phase.COMPLETED, awaitFinal(service, ids.get(i), owner + (i % 5)).phase());
            service.delete(ids.get(i), owner + (i % 5));
        }
    }

    @Test
    void queuedJobsOfSeveralOwnersStartRoundRobin() throws Exception {
        service.close();
        service = startService(config(1, 1, Duration.ofSeconds(30)));
        String blocker = service.create("z", org.pzvo.uws.Parameters.of("MODE", "block")).jobId();
        service.run(blocker, "z");
        runner.startedLatch(blocker).await(10, java.util.concurrent.TimeUnit.SECONDS);
        List<String> ids = new ArrayList<>();
        for (String owner : List.of("a", "a", "a", "a", "a", "a", "b", "b", "c")) {
            String id = service.create(owner, org.pzvo.uws.Parameters.of("MODE", "write")).jobId();
            service.run(id, owner);
            ids.add(id);
        }
        runner.release();
        List<org.pzvo.uws.Job> done = new ArrayList<>();
        List<String> owners = List.of("a", "a", "a", "a", "a", "a", "b", "b", "c");
        for (int i = 0; i < ids.size(); i++) {
            done.add(awaitFinal(service, ids.get(i), owners.get(i)));
        }
        done.sort(java.util.Comparator.comparing(org.pzvo.uws.Job::startTime)
                .thenComparing(org.pzvo.uws.Job::endTime));
        Set<String> firstThree = new HashSet<>();
        done.subList(0, 3).forEach(j -> firstThree.add(j.ownerId()));
        assertEquals(Set.of("a", "b", "c"), firstThree, "every owner starts before a's second job");
    }
}
