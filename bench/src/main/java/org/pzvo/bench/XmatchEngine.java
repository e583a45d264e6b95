// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.pzvo.adql.check.PositionIndex;
import org.pzvo.adql.check.TableInfo;
import org.pzvo.db.Metadata;
import org.pzvo.ingest.IngestedSchemas;
import org.pzvo.sql.PairRequest;
import org.pzvo.xmatch.CrossMatchEngine;

/**
 * W1 of {@code ./pzvo bench xmatch}: the cross-match engine alone on two ingested tables of the
 * embedded H2 database (position indexes built before timing, as ingest does), all pairs within
 * a radius, counted. Prints one line per run: {@code run <i> <seconds> <pairs>} (run 0 is cold).
 * <pre>XmatchEngine PZVO_HOME DATA_DIR FIRST_TABLE SECOND_TABLE RADIUS_ARCSEC RUNS</pre>
 */
public final class XmatchEngine {
    private XmatchEngine() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        Path data = Path.of(args[1]);
        Metadata metadata = IngestedSchemas.union(home.resolve("tap-schema"), data);
        CrossMatchEngine engine = new CrossMatchEngine(data.resolve("index"), metadata);
        double radiusDeg = Double.parseDouble(args[4]) / 3600;
        int runs = Integer.parseInt(args[5]);
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + data.resolve("pzvo")
                + ";LAZY_QUERY_EXECUTION=TRUE")) {
            engine.prepare(c);
            PairRequest request = new PairRequest(side(engine, args[2]), side(engine, args[3]), radiusDeg,
                    Optional.empty(), false);
            double[] seconds = new double[runs];
            for (int run = 0; run <= runs; run++) {
                long t0 = System.nanoTime();
                CrossMatchEngine.Found found = engine.find(c, request, () -> false);
                double s = (System.nanoTime() - t0) / 1e9;
                System.out.printf("run %d %.3f %d%n", run, s, found.firstKeys().length);
                if (run > 0) {
                    seconds[run - 1] = s;
                }
            }
            Arrays.sort(seconds);
            System.out.printf("median %.3f%n", seconds[runs / 2]);
        }
    }

    private static PairRequest.Side side(CrossMatchEngine engine, String qualified) {
        String[] p = qualified.split("\\.");
        TableInfo t = new TableInfo(p[0], p[1], "", List.of(), Optional.of(new PositionIndex("ra", "dec", "hpx29")));
        return new PairRequest.Side(t, engine.keyColumn(t).orElseThrow(
                () -> new IllegalArgumentException(qualified + " has no single integer primary key")));
    }
}
