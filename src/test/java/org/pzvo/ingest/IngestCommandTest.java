// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pzvo.db.Engine;
import org.pzvo.db.Metadata;
import org.pzvo.db.SchemaInstaller;
import picocli.CommandLine;

class IngestCommandTest {
    @TempDir
    Path dir;

    /** The test's environment: an H2 file database in the data directory, the project's metadata installed. */
    static final class H2Environment implements IngestEnvironment {
        Path lastConfig;

        @Override
        public Session open(Path configFile, Path dataDir) throws IOException, SQLException {
            lastConfig = configFile;
            Connection c = DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("pzvo").toAbsolutePath());
            Metadata project = TestDb.project();
            SchemaInstaller.install(c, Engine.H2, project);
            return new Session() {
                @Override
                public Connection connection() {
                    return c;
                }

                @Override
                public Engine engine() {
                    return Engine.H2;
                }

                @Override
                public Path dataDir() {
                    return dataDir;
                }

                @Override
                public Metadata projectMetadata() {
                    return project;
                }

                @Override
                public void close() throws SQLException {
                    c.close();
                }
            };
        }
    }

    record Run(int exit, String out, String err) {
    }

    Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new IngestCommand(new H2Environment()));
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void catalogThenMapThenMocSucceedWithThroughput() throws Exception {
        Path data = dir.resolve("data");
        Path cat = dir.resolve("cat.vot");
        new uk.ac.starlink.table.StarTableOutput().writeStarTable(CatalogIngestTest.sample(), cat.toString(), "votable");
        Run r = run("catalog", cat.toString(), "--table", "user.cat", "--data", data.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().matches("loaded user\\.cat: 5 rows in [0-9.]+ s \\([0-9]+ rows/s\\)\\R"), r.out());

        Path map = MapFixtures.explicit(dir.resolve("m.fits"), new long[] {1, 2}, new float[] {1f, 0.5f},
                MapFixtures.healpix("NESTED", 1, "EXPLICIT"));
        r = run("--data", data.toString(), "map", map.toString(), "--map-id", "fp", "--kind", "footprint",
                "--band", "i");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("registered map fp: order 0, 2 pixels, "), r.out());

        Path moc = dir.resolve("c.fits");
        try (var o = java.nio.file.Files.newOutputStream(moc)) {
            MocFits.write(MocRanges.ofRanges(new long[] {0, 1L << 58}, 0), "c", o);
        }
        r = run("moc", moc.toString(), "--map-id", "cov", "--data", data.toString());
        assertEquals(0, r.exit(), r.err());
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + data.resolve("pzvo").toAbsolutePath())) {
            assertEquals(List.of("5"), TestDb.rows(c, "SELECT COUNT(*) FROM \"user\".\"cat\""));
            assertEquals(List.of("cov|coverage", "fp|footprint"), TestDb.rows(c,
                    "SELECT \"map_id\", \"product_type\" FROM \"maps\".\"map\" ORDER BY 1"));
        }
    }

    @Test
    void badInputExitsWithOneAndOneLine() throws Exception {
        Path data = dir.resolve("data");
        Path map = MapFixtures.explicit(dir.resolve("m.fits"), new long[] {1}, new float[] {1f},
                MapFixtures.healpix("NESTED", 3, "EXPLICIT"));
        Run r = run("map", map.toString(), "--map-id", "x", "--kind", "depth", "--data", data.toString());
        assertEquals(1, r.exit());
        assertEquals("pzvo ingest: m.fits: header keyword NSIDE: 3 is not a power of two in [1, 2^29]" + System.lineSeparator(), r.err());
        assertEquals("", r.out());
    }

    @Test
    void unknownKindAndMissingFileAreBadInput() throws Exception {
        Path data = dir.resolve("data");
        Run r = run("map", dir.resolve("none.fits").toString(), "--map-id", "x", "--kind", "mask", "--data",
                data.toString());
        assertEquals(1, r.exit());
        assertEquals("pzvo ingest: --kind mask: expected one of footprint, coverage, bitmask, depth, visibility,"
                + " property" + System.lineSeparator(), r.err());
        r = run("catalog", dir.resolve("none.csv").toString(), "--table", "u.t", "--data", data.toString());
        assertEquals(1, r.exit());
        assertEquals("pzvo ingest: none.csv: no such file" + System.lineSeparator(), r.err());
    }
}
