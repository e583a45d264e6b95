// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.bench;

import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.pzvo.adql.AdqlException;
import org.pzvo.adql.feature.Features;
import org.pzvo.db.Engine;
import org.pzvo.db.Metadata;
import org.pzvo.sql.SqlDialects;
import org.pzvo.sql.Translator;
import org.pzvo.tap.MetadataCatalog;

/**
 * Parse + check + translate time of typical queries (issue 2 target: well under 1 ms median),
 * against the demo metadata, for both dialects. Reported as sample time (percentiles).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AdqlTranslateBench {
    @Param({"cone", "join", "histogram", "crossmatch"})
    public String query;

    @Param({"H2", "POSTGRESQL"})
    public String engine;

    private Translator translator;
    private String adql;

    @Setup
    public void setUp() throws Exception {
        Metadata metadata = Metadata.load(Path.of(System.getProperty("pzvo.home", ".."), "tap-schema"));
        translator = Translator.of(MetadataCatalog.forGroups(metadata, Set.of(), Features.udfs()),
                SqlDialects.of(Engine.valueOf(engine)));
        switch (query) {
            case "cone":
                adql = "SELECT objectId, coord_ra, coord_dec, r_cModelMag FROM lsst.object "
                        + "WHERE CONTAINS(POINT('ICRS', coord_ra, coord_dec), CIRCLE('ICRS', 53.13, -28.10, 0.2)) = 1";
                break;
            case "join":
                adql = "SELECT TOP 1000 o.objectId, o.i_cModelMag, p.z_mode, p.z_lo68, p.z_hi68, r.algorithm "
                        + "FROM lsst.object AS o JOIN pz.photoz AS p ON p.object_id = o.objectId "
                        + "JOIN pz.run AS r ON r.run_id = p.run_id WHERE o.i_cModelMag < 23 ORDER BY o.i_cModelMag";
                break;
            case "histogram":
                adql = "SELECT run_id, FLOOR(z_mode / 0.1) * 0.1 AS z_bin, COUNT(*) AS n FROM pz.photoz "
                        + "GROUP BY run_id, FLOOR(z_mode / 0.1) * 0.1 ORDER BY run_id, z_bin";
                break;
            default:
                adql = "SELECT s.crd_id, s.z, o.objectId FROM spec.specz AS s JOIN lsst.object AS o ON "
                        + "CONTAINS(POINT('ICRS', o.coord_ra, o.coord_dec), CIRCLE('ICRS', s.ra, s.dec, 1.0/3600)) = 1";
        }
    }

    @Benchmark
    public String parseCheckTranslate() throws AdqlException {
        return translator.translate(adql, 100_001).sql();
    }
}
