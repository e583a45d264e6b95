// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pzvo.sky.Spherical;

/**
 * Positional joins (cross-matches), translated into HEALPix cell joins and run on real H2 and
 * PostgreSQL, return exactly the pairs a brute-force double loop with {@link Spherical} returns,
 * with constant and per-row radii, centres at the poles and across RA 0/360, and the plans use
 * the order-29 index of the inner table.
 */
class PositionalJoinTest {
    private static Engines engines;

    @BeforeAll
    static void start() throws Exception {
        engines = new Engines();
    }

    @AfterAll
    static void stop() throws Exception {
        engines.close();
    }

    /** Which (ref, src) pairs a join should return. */
    @FunctionalInterface
    interface PairTest {
        boolean matches(SkyData.Ref r, SkyData.Src s);
    }

    private static boolean positioned(SkyData.Src s) {
        return s.ra() != null && s.dec() != null;
    }

    private static double distance(SkyData.Ref r, SkyData.Src s) {
        return Spherical.distanceDeg(s.ra(), s.dec(), r.ra(), r.dec());
    }

    static Stream<Arguments> joins() {
        String select = "SELECT r.id, s.id FROM ";
        String order = " ORDER BY 1, 2";
        PairTest constant = (r, s) -> positioned(s) && Spherical.contains(s.ra(), s.dec(), new double[] {r.ra(), r.dec(), 0.05});
        PairTest perRow = (r, s) -> positioned(s) && r.radiusDeg() != null
                && Spherical.contains(s.ra(), s.dec(), new double[] {r.ra(), r.dec(), r.radiusDeg()});
        PairTest closer = (r, s) -> positioned(s) && r.radiusDeg() != null && distance(r, s) < r.radiusDeg();
        return Stream.of(
                Arguments.of(select + "sky.ref AS r JOIN sky.src AS s"
                        + " ON CONTAINS(POINT(s.ra, s.dec), CIRCLE(r.ra, r.dec, 0.05)) = 1" + order, constant),
                Arguments.of(select + "sky.ref AS r JOIN sky.src AS s"
                        + " ON CONTAINS(POINT(s.ra, s.dec), CIRCLE(r.ra, r.dec, r.r_deg)) = 1" + order, perRow),
                Arguments.of(select + "sky.src AS s, sky.ref AS r"
                        + " WHERE DISTANCE(POINT(s.ra, s.dec), POINT(r.ra, r.dec)) < r.r_deg" + order, closer),
                Arguments.of(select + "sky.ref AS r INNER JOIN sky.src AS s"
                        + " ON r.r_deg > DISTANCE(POINT(r.ra, r.dec), POINT(s.ra, s.dec)) AND s.mag < 30" + order, closer),
                Arguments.of(select + "TAP_UPLOAD.mine AS r JOIN sky.src AS s"
                        + " ON DISTANCE(POINT(r.ra, r.dec), POINT(s.ra, s.dec)) <= 0.01" + order,
                        (PairTest) (r, s) -> positioned(s) && distance(r, s) <= 0.01),
                Arguments.of(select + "sky.ref AS r JOIN sky.src AS s"
                        + " ON CONTAINS(POINT(s.ra, s.dec), CIRCLE(r.ra, r.dec, r.r_deg)) = 1"
                        + " WHERE CONTAINS(POINT(r.ra, r.dec), CIRCLE(45, 30, 20)) = 1" + order,
                        (PairTest) (r, s) -> perRow.matches(r, s)
                                && Spherical.contains(r.ra(), r.dec(), new double[] {45, 30, 20})),
                Arguments.of("SELECT r.id, r.id FROM sky.ref AS r WHERE EXISTS (SELECT s.id FROM sky.src AS s"
                        + " WHERE CONTAINS(POINT(s.ra, s.dec), CIRCLE(r.ra, r.dec, r.r_deg)) = 1)" + order, null));
    }

    @ParameterizedTest
    @MethodSource("joins")
    void returnsExactlyTheBruteForcePairs(String adql, PairTest expected) throws Exception {
        List<String> want = new ArrayList<>();
        for (SkyData.Ref r : engines.data.refs) {
            boolean any = false;
            for (SkyData.Src s : engines.data.sources) {
                boolean match = expected == null ? positioned(s) && r.radiusDeg() != null
                        && Spherical.contains(s.ra(), s.dec(), new double[] {r.ra(), r.dec(), r.radiusDeg()})
                        : expected.matches(r, s);
                if (match && expected != null) {
                    want.add(r.id() + " " + s.id());
                }
                any |= match;
            }
            if (expected == null && any) {
                want.add(r.id() + " " + r.id());
            }
        }
        want.sort(PositionalJoinTest::byIds);
        assertTrue(want.size() > 20, () -> "too few pairs to prove anything: " + want.size());
        for (SqlDialect dialect : SpatialQueryTest.DIALECTS) {
            String sql = Engines.translate(adql, dialect);
            assertTrue(sql.contains("pzvo_cone_cells") || sql.contains("\"hpx29\" >="), () -> "cell join in " + sql);
            assertEquals(want, engines.rows(dialect, sql), () -> dialect + ": " + sql);
        }
        BoundSql bound = Engines.translateBound(adql);
        assertEquals(want, engines.rows(bound), () -> "H2 with bound literals: " + bound.sql());
    }

    private static int byIds(String a, String b) {
        String[] x = a.split(" ");
        String[] y = b.split(" ");
        int c = Integer.compare(Integer.parseInt(x[0]), Integer.parseInt(y[0]));
        return c != 0 ? c : Integer.compare(Integer.parseInt(x[1]), Integer.parseInt(y[1]));
    }

    @Test
    void outerJoinKeepsUnmatchedRowsAndTheExactTest() throws Exception {
        String adql = "SELECT r.id, s.id FROM sky.ref AS r LEFT OUTER JOIN sky.src AS s"
                + " ON CONTAINS(POINT(s.ra, s.dec), CIRCLE(r.ra, r.dec, 0.05)) = 1 WHERE r.id <= 30 ORDER BY 1, 2";
        List<String> want = new ArrayList<>();
        for (SkyData.Ref r : engines.data.refs.subList(0, 30)) {
            int before = want.size();
            for (SkyData.Src s : engines.data.sources) {
                if (positioned(s) && Spherical.contains(s.ra(), s.dec(), new double[] {r.ra(), r.dec(), 0.05})) {
                    want.add(r.id() + " " + s.id());
                }
            }
            if (want.size() == before) {
                want.add(r.id() + " null");
            }
        }
        for (SqlDialect dialect : List.of(SqlDialects.H2, SqlDialects.POSTGRESQL)) {
            List<String> got = engines.rows(dialect, Engines.translate(adql, dialect));
            got.sort((a, b) -> a.endsWith("null") || b.endsWith("null") ? a.compareTo(b) : byIds(a, b));
            List<String> expected = new ArrayList<>(want);
            expected.sort((a, b) -> a.endsWith("null") || b.endsWith("null") ? a.compareTo(b) : byIds(a, b));
            assertEquals(expected, got, dialect::toString);
        }
    }

    @Test
    void plansScanTheInnerIndexPerOuterRow() throws Exception {
        String adql = "SELECT r.id, s.id FROM sky.ref AS r JOIN sky.src AS s"
                + " ON CONTAINS(POINT(s.ra, s.dec), CIRCLE(r.ra, r.dec, r.r_deg)) = 1";
        String h2 = engines.explain(SqlDialects.H2, Engines.translate(adql, SqlDialects.H2));
        assertTrue(h2.contains("\"sky\".\"src_hpx29\": \"hpx29\" <") || h2.contains("src_hpx29"), h2);
        String pg = engines.explain(SqlDialects.POSTGRESQL, Engines.translate(adql, SqlDialects.POSTGRESQL));
        assertTrue(pg.contains("Index Scan using src_hpx29") || pg.contains("Index Scan on src_hpx29"), pg);
    }
}
