// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pzvo.sky.Spherical;

/**
 * Spatial conditions on one table, translated and run on real H2 and PostgreSQL, must return
 * exactly the rows a brute-force evaluation with {@link Spherical} returns: cones and polygons at
 * the poles, across RA 0/360, on HEALPix cell edges, tiny (0.1") and huge (90 deg). Each case
 * runs with four dialects: the standard H2 (series join of constant ranges) and PostgreSQL (OR of
 * ranges), and each engine with the other range form, so both SQL shapes are proven on both.
 */
class SpatialQueryTest {
    private static Engines engines;

    static final List<SqlDialect> DIALECTS = List.of(SqlDialects.H2, SqlDialects.POSTGRESQL,
            new H2Dialect(true), new PostgresDialect(false));

    @BeforeAll
    static void start() throws Exception {
        engines = new Engines();
    }

    @AfterAll
    static void stop() throws Exception {
        engines.close();
    }

    private static Predicate<SkyData.Src> in(double[] shape) {
        return s -> s.ra() != null && s.dec() != null && Spherical.contains(s.ra(), s.dec(), shape);
    }

    private static Predicate<SkyData.Src> out(double[] shape) {
        return s -> s.ra() != null && s.dec() != null && !Spherical.contains(s.ra(), s.dec(), shape);
    }

    private static Predicate<SkyData.Src> within(double ra, double dec, double radius, boolean inclusive) {
        return s -> {
            if (s.ra() == null || s.dec() == null) {
                return false;
            }
            double d = Spherical.distanceDeg(s.ra(), s.dec(), ra, dec);
            return inclusive ? d <= radius : d < radius;
        };
    }

    private static double[] circle(double ra, double dec, double r) {
        return new double[] {ra, dec, r};
    }

    private static Arguments indexed(String condition, Predicate<SkyData.Src> expected) {
        return Arguments.of(condition, expected, true);
    }

    private static Arguments exact(String condition, Predicate<SkyData.Src> expected) {
        return Arguments.of(condition, expected, false);
    }

    static Stream<Arguments> conditions() {
        double tiny = 0.1 / 3600;
        double vertexDec = Math.toDegrees(Math.asin(2.0 / 3));
        return Stream.of(
                indexed("CONTAINS(POINT(ra, dec), CIRCLE(0, 90, 1)) = 1", in(circle(0, 90, 1))),
                indexed("CONTAINS(POINT(ra, dec), CIRCLE(200, 89.5, 1.5)) = 1", in(circle(200, 89.5, 1.5))),
                indexed("CONTAINS(POINT(ra, dec), CIRCLE(0, -90, 0.3)) = 1", in(circle(0, -90, 0.3))),
                indexed("CONTAINS(POINT(ra, dec), CIRCLE(10, -89.7, 0.5)) = 1", in(circle(10, -89.7, 0.5))),
                indexed("CONTAINS(POINT(ra, dec), CIRCLE(0.05, 10, 0.2)) = 1", in(circle(0.05, 10, 0.2))),
                indexed("CONTAINS(POINT(ra, dec), CIRCLE(359.9, -30, 0.5)) = 1", in(circle(359.9, -30, 0.5))),
                indexed("CONTAINS(POINT(ra, dec), CIRCLE(0, 0, 0.001)) = 1", in(circle(0, 0, 0.001))),
                indexed("CONTAINS(POINT(ra, dec), CIRCLE(45, 30, 0.1/3600)) = 1", in(circle(45, 30, tiny))),
                indexed("CONTAINS(POINT(ra, dec), CIRCLE(0.05, 10, 0.1/3600)) = 1", in(circle(0.05, 10, tiny))),
                indexed("CONTAINS(POINT(ra, dec), CIRCLE(45, " + vertexDec + ", 0.3)) = 1",
                        in(circle(45, vertexDec, 0.3))),
                indexed("CONTAINS(POINT(ra, dec), CIRCLE(135, -41.81, 2)) = 1", in(circle(135, -41.81, 2))),
                indexed("CONTAINS(POINT(ra, dec), CIRCLE(45, 30, 90)) = 1", in(circle(45, 30, 90))),
                indexed("CONTAINS(POINT(ra, dec), CIRCLE(300, -20, 60)) = 1", in(circle(300, -20, 60))),
                indexed("CONTAINS(POINT(ra, dec), CIRCLE(180, 0, 1/3600)) = 1", in(circle(180, 0, 0))),
                indexed("1 = CONTAINS(POINT(ra, dec), CIRCLE('ICRS', 90, 66.4, 0.7))", in(circle(90, 66.4, 0.7))),
                indexed("INTERSECTS(CIRCLE(45, 30, 1), POINT(ra, dec)) = 1", in(circle(45, 30, 1))),
                indexed("CONTAINS(POINT(ra, dec), REGION('CIRCLE ICRS 359.9 -30 0.5')) = 1", in(circle(359.9, -30, 0.5))),
                indexed("CONTAINS(POINT(ra, dec), REGION('POLYGON 359 -1 1 -1 1 1 359 1')) = 1",
                        in(new double[] {359, -1, 1, -1, 1, 1, 359, 1})),
                indexed("INTERSECTS(POINT(ra, dec), CIRCLE(0, 90, 2)) = 1", in(circle(0, 90, 2))),
                exact("CONTAINS(POINT(ra, dec), CIRCLE(45, 30, 1)) = 0", out(circle(45, 30, 1))),
                indexed("DISTANCE(POINT(ra, dec), POINT(45, 30)) < 1.5", within(45, 30, 1.5, false)),
                indexed("0.5 >= DISTANCE(POINT(0.05, 10), POINT(ra, dec))", within(0.05, 10, 0.5, true)),
                indexed("DISTANCE(ra, dec, 0, -90) <= 2", within(0, -90, 2, true)),
                indexed("CONTAINS(POINT(ra, dec), POLYGON(0, 80, 120, 80, 240, 80)) = 1",
                        in(new double[] {0, 80, 120, 80, 240, 80})),
                indexed("CONTAINS(POINT(ra, dec), POLYGON(359, -1, 1, -1, 1, 1, 359, 1)) = 1",
                        in(new double[] {359, -1, 1, -1, 1, 1, 359, 1})),
                indexed("CONTAINS(POINT(ra, dec), POLYGON(44, 29, 46.5, 29.5, 45, 31.2)) = 1",
                        in(new double[] {44, 29, 46.5, 29.5, 45, 31.2})),
                indexed("CONTAINS(POINT(ra, dec), BOX(0, 0, 2, 2)) = 1", in(Spherical.boxPolygon(0, 0, 2, 2))),
                indexed("CONTAINS(POINT(ra, dec), BOX(45, 30, 1, 3)) = 1", in(Spherical.boxPolygon(45, 30, 1, 3))),
                indexed("CONTAINS(POINT(ra, dec), BOX(359.9, -30, 0.4, 0.2)) = 1",
                        in(Spherical.boxPolygon(359.9, -30, 0.4, 0.2))),
                indexed("CONTAINS(POINT(ra, dec), CIRCLE(45, 30, 2)) = 1 AND id > 3000",
                        in(circle(45, 30, 2)).and(s -> s.id() > 3000)),
                exact("CONTAINS(POINT(ra, dec), CIRCLE(45, 30, 2)) = 1 OR id = 1",
                        in(circle(45, 30, 2)).or(s -> s.id() == 1)));
    }

    @ParameterizedTest
    @MethodSource("conditions")
    void returnsExactlyTheBruteForceRows(String condition, Predicate<SkyData.Src> expected, boolean indexed)
            throws Exception {
        List<String> want = new ArrayList<>();
        for (SkyData.Src s : engines.data.sources) {
            if (expected.test(s)) {
                want.add(Integer.toString(s.id()));
            }
        }
        String adql = "SELECT id FROM sky.src WHERE " + condition + " ORDER BY id";
        for (SqlDialect dialect : DIALECTS) {
            String sql = Engines.translate(adql, dialect);
            assertEquals(indexed, sql.contains("\"hpx29\" >="), () -> "index predicate in " + sql);
            assertEquals(want, engines.rows(dialect, sql), () -> dialect + ": " + sql);
        }
        BoundSql bound = Engines.translateBound(adql);
        assertEquals(want, engines.rows(bound), () -> "H2 with bound literals: " + bound.sql());
        assertFalse(want.isEmpty() && condition.contains("= 1") && want.size() == engines.data.sources.size(),
                "a case selecting everything proves nothing");
        assertTrue(condition.contains("OR") || condition.contains("= 0") || want.size() < engines.data.sources.size() / 2
                || condition.contains("90)"),
                () -> condition + " selects " + want.size());
    }

    @Test
    void constantShapesUseTheIndexOnBothEngines() throws Exception {
        String adql = "SELECT id FROM sky.src WHERE CONTAINS(POINT(ra, dec), CIRCLE(45, 30, 0.5)) = 1";
        String h2 = engines.explain(SqlDialects.H2, Engines.translate(adql, SqlDialects.H2));
        assertTrue(h2.contains("src_hpx29: hpx29 <"), h2);
        String pg = engines.explain(SqlDialects.POSTGRESQL, Engines.translate(adql, SqlDialects.POSTGRESQL));
        assertTrue(pg.contains("BitmapOr") && pg.contains("Bitmap Index Scan on src_hpx29"), pg);
    }
}
