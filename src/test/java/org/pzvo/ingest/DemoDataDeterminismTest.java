// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pzvo.db.Engine;
import org.pzvo.db.Metadata;

/** Same seed, same rows, whatever the number of generator threads; another seed, other rows. */
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
