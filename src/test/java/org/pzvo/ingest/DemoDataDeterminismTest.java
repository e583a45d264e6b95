// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pzvo.db.Engine;
import org.pzvo.db.Metadata;

/**
 * Same seed, same rows and same file bytes (map FITS, MOC FITS, training-set Parquet), whatever
 * the number of generator threads; another seed, other rows.
 */
class DemoDataDeterminismTest {
    static Metadata metadata;

    @BeforeAll
    static void load() throws Exception {
        metadata = Metadata.load(Path.of("tap-schema"));
    }

    static Map<String, String> checksums(String name, DemoSpec spec, int workers) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:" + name)) {
            DemoData.generate(c, Engine.H2, metadata, spec, ProgressListener.NONE, workers);
            return TableChecksum.ofDemoTables(c, metadata);
        }
    }

    /** Generates a demo into a fresh database and writes its files under {@code dataDir}; returns the files. */
    static List<Path> files(String name, DemoSpec spec, int workers, Path dataDir) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:" + name)) {
            DemoData.generate(c, Engine.H2, metadata, spec, ProgressListener.NONE, workers);
            Path maps = Files.createDirectories(dataDir.resolve("products/maps"));
            List<Path> out = new ArrayList<>();
            for (String map : List.of("depth_i_dp1_o10", "bitmask_dp1_o10", "visibility_z3_dp1_o10")) {
                Path fits = maps.resolve(map + ".fits");
                MapFiles.writeMap(c, map, fits);
                Path moc = maps.resolve(map + ".moc.fits");
                MapFiles.writeMoc(c, map, moc);
                out.addAll(List.of(fits, moc));
            }
            Path parquet = Files.createDirectories(dataDir.resolve("products/training"))
                    .resolve("spec.training_set.parquet");
            TableFiles.writeTrainingSet(c, metadata, TableFiles.Format.PARQUET, parquet);
            out.add(parquet);
            return out;
        }
    }

    @Test
    void sameSeedSameFileBytesWhateverTheThreadCount(@TempDir Path dir) throws Exception {
        List<Path> one = files("files1", new DemoSpec(1200, 11), 1, dir.resolve("a"));
        List<Path> two = files("files2", new DemoSpec(1200, 11), 2, dir.resolve("b"));
        assertEquals(one.size(), two.size());
        for (int i = 0; i < one.size(); i++) {
            assertTrue(Files.size(one.get(i)) > 2880, one.get(i) + " is a real file");
            assertArrayEquals(Files.readAllBytes(one.get(i)), Files.readAllBytes(two.get(i)), one.get(i).toString());
        }
        List<Path> other = files("files3", new DemoSpec(1200, 12), 2, dir.resolve("c"));
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(one.get(0)), Files.readAllBytes(other.get(0))),
                "another seed, another depth map");
    }

    @Test
    void sameSeedSameTablesWhateverTheThreadCountAndOtherSeedOtherTables() throws Exception {
        Map<String, String> oneThread = checksums("det1", new DemoSpec(1500, 5), 1);
        Map<String, String> threeThreads = checksums("det2", new DemoSpec(1500, 5), 3);
        assertEquals(oneThread, threeThreads);
        Map<String, String> otherSeed = checksums("det3", new DemoSpec(1500, 6), 2);
        for (String t : new String[] {"lsst.object", "pz.photoz", "spec.specz", "spec.training_set", "maps.map_pixel",
            "pz.validation_metrics"}) {
            assertNotEquals(oneThread.get(t), otherSeed.get(t), t);
        }
    }
}
