// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Starts a real PostgreSQL server (embedded binaries from Maven) for the conformance scripts,
 * writes its JDBC URL to the file named by the first argument, and runs until killed.
 */
public final class EmbeddedPostgresMain {
    private EmbeddedPostgresMain() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                pg.close();
            } catch (Exception e) {
                System.err.println("Could not stop PostgreSQL cleanly: " + e);
            }
        }));
        String url = "jdbc:postgresql://localhost:" + pg.getPort() + "/postgres";
        Path tmp = Path.of(args[0] + ".tmp");
        Files.writeString(tmp, url + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, Path.of(args[0]));
        Thread.currentThread().join();
    }
}
