// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.sky;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cds.healpix.Healpix;
import cds.healpix.NeighbourList;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pzvo.db.Engine;

/** The PostgreSQL functions return what the Java methods return, on a real embedded PostgreSQL. */
class PostgresFunctionsTest {
    private static final String[] F8 = {"float8", "float8", "float8", "float8", "float8"};
    private static EmbeddedPostgres postgres;
    private static Connection connection;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.start();
        connection = postgres.getPostgresDatabase().getConnection();
        SqlFunctions.install(connection, Engine.POSTGRESQL);
        SqlFunctions.install(connection, Engine.POSTGRESQL);
    }

    @AfterAll
    static void stop() throws Exception {
        if (connection != null) {
            connection.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void healpixIndexIsBitForBitTheJavaIndex() throws SQLException {
        List<double[]> positions = SkyInputs.positions(21, 3000);
        List<Integer> orders = new ArrayList<>();
        List<Double> ras = new ArrayList<>();
        List<Double> decs = new ArrayList<>();
        for (double[] p : positions) {
            for (int order = 0; order <= 29; order++) {
                if (order == 0 || order == 5 || order == 12 || order == 29 || (p[0] * 7 + order) % 5 < 1) {
                    orders.add(order);
                    ras.add(p[0]);
                    decs.add(p[1]);
                }
            }
        }
        List<Object> actual = SqlBatch.column(connection,
                "SELECT ivo_healpix_index(o, r, d) FROM unnest(?::int[], ?::float8[], ?::float8[]) WITH ORDINALITY"
                        + " AS t(o, r, d, n) ORDER BY n",
                new String[] {"int4", "float8", "float8"},
                orders.toArray(new Integer[0]), ras.toArray(new Double[0]), decs.toArray(new Double[0]));
        assertEquals(orders.size(), actual.size());
        for (int i = 0; i < orders.size(); i++) {
            long expected = SkyIndex.index(orders.get(i), ras.get(i), decs.get(i));
            int k = i;
            assertEquals(expected, actual.get(i), () -> "order " + orders.get(k) + " at (" + ras.get(k) + ", " + decs.get(k) + ")");
        }
        assertTrue(orders.size() > 20_000, "compared " + orders.size());
    }

    /** The PostgreSQL port of CDS FastMath.sinQ (the exact path of the hash) is bit for bit. */
    @Test
    void fastSineIsBitForBitCdsFastMath() throws SQLException {
        Random random = new Random(14);
        List<Double> xa = new ArrayList<>();
        List<Double> xb = new ArrayList<>();
        for (int k = 0; k < 5000; k++) {
            xa.add(k < 20 ? k * (Math.PI / 2) / 19 : random.nextDouble() * Math.PI / 2);
            xb.add(k % 3 == 0 ? 0.0 : (random.nextDouble() - 0.5) * 1e-16);
        }
        List<Object> actual = SqlBatch.column(connection,
                "SELECT pzvo_fast_sin_q(a, b) FROM unnest(?::float8[], ?::float8[]) WITH ORDINALITY AS t(a, b, n) ORDER BY n",
                F8, xa.toArray(new Double[0]), xb.toArray(new Double[0]));
        for (int i = 0; i < xa.size(); i++) {
            double expected = cds.healpix.common.math.FastMath.sinQ(xa.get(i), xb.get(i));
            assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits((Double) actual.get(i)),
                    "sinQ(" + xa.get(i) + ", " + xb.get(i) + ")");
        }
    }

    @Test
    void healpixCenterAgreesToAPicoDegree() throws SQLException {
        Random random = new Random(2);
        List<Integer> orders = new ArrayList<>();
        List<Long> cells = new ArrayList<>();
        for (int k = 0; k < 2000; k++) {
            int order = new int[] {0, 5, 12, 29}[k % 4];
            orders.add(order);
            cells.add(k < 8 ? (k < 4 ? 0 : Healpix.nHash(order) - 1) : (long) (random.nextDouble() * Healpix.nHash(order)));
        }
        List<Object> actual = SqlBatch.column(connection,
                "SELECT ivo_healpix_center(o, c) FROM unnest(?::int[], ?::int8[]) WITH ORDINALITY AS t(o, c, n) ORDER BY n",
                new String[] {"int4", "int8"}, orders.toArray(new Integer[0]), cells.toArray(new Long[0]));
        for (int i = 0; i < cells.size(); i++) {
            double[] expected = SkyIndex.center(orders.get(i), cells.get(i));
            Double[] got = (Double[]) actual.get(i);
            assertTrue(Spherical.distanceDeg(expected[0], expected[1], got[0], got[1]) < 1e-12,
                    "centre of " + cells.get(i) + " at order " + orders.get(i) + ": " + Arrays.toString(got));
            assertTrue(got[0] >= 0 && got[0] < 360);
        }
    }

    @Test
    void neighboursAreTheCdsNeighbours() throws SQLException {
        Random random = new Random(4);
        List<Integer> orders = new ArrayList<>();
        List<Long> cells = new ArrayList<>();
        for (int order = 0; order <= 29; order++) {
            for (int k = 0; k < 60; k++) {
                orders.add(order);
                cells.add(k < 12 ? Math.min(k, Healpix.nHash(order) - 1) << (2 * order)
                        : (long) (random.nextDouble() * Healpix.nHash(order)));
            }
        }
        List<Object> actual = SqlBatch.column(connection,
                "SELECT pzvo_healpix_neighbours(o, c) FROM unnest(?::int[], ?::int8[]) WITH ORDINALITY AS t(o, c, n) ORDER BY n",
                new String[] {"int4", "int8"}, orders.toArray(new Integer[0]), cells.toArray(new Long[0]));
        for (int i = 0; i < cells.size(); i++) {
            NeighbourList list = Healpix.getNested(orders.get(i)).newNeighbourSelector().neighbours(cells.get(i));
            long[] expected = new long[list.size()];
            for (int k = 0; k < list.size(); k++) {
                expected[k] = list.get(k);
            }
            expected = Arrays.stream(expected).distinct().sorted().toArray();
            Long[] got = (Long[]) actual.get(i);
            assertArrayEquals(expected, Arrays.stream(got).mapToLong(Long::longValue).toArray(),
                    "neighbours of " + cells.get(i) + " at order " + orders.get(i));
        }
    }

    @Test
    void coneCellsAreTheJavaConeCells() throws SQLException {
        RandomShapes shapes = new RandomShapes(8);
        List<double[]> cones = new ArrayList<>();
        for (int k = 0; k < 2000; k++) {
            double[] c = shapes.circle();
            c[2] = k % 50 == 0 ? 70 : Math.pow(10, -6 + 7.5 * shapes.random().nextDouble());
            cones.add(c);
        }
        List<Object> actual = SqlBatch.column(connection,
                "SELECT pzvo_cone_cells(r, d, s) FROM unnest(?::float8[], ?::float8[], ?::float8[]) WITH ORDINALITY"
                        + " AS t(r, d, s, n) ORDER BY n", F8,
                cones.stream().map(c -> c[0]).toArray(Double[]::new),
                cones.stream().map(c -> c[1]).toArray(Double[]::new),
                cones.stream().map(c -> c[2]).toArray(Double[]::new));
        for (int i = 0; i < cones.size(); i++) {
            double[] c = cones.get(i);
            long[] expected = Coverage.coneCells(c[0], c[1], c[2]);
            Long[] got = (Long[]) actual.get(i);
            assertArrayEquals(expected, Arrays.stream(got).mapToLong(Long::longValue).toArray(), "cone " + Arrays.toString(c));
        }
    }

    @Test
    void distanceAgreesToAPicoDegreeAtAllScales() throws SQLException {
        Random random = new Random(9);
        List<double[]> pairs = new ArrayList<>();
        for (int k = 0; k < 3000; k++) {
            double[] a = SkyTesting.randomPosition(random);
            double sep = Math.pow(10, -12 + 14.3 * random.nextDouble());
            double[] b = k % 10 == 0 ? new double[] {a[0] + 180, -a[1]} : SkyTesting.offset(a[0], a[1], Math.min(sep, 180),
                    random.nextDouble() * 2 * Math.PI);
            pairs.add(new double[] {a[0], a[1], b[0], b[1]});
        }
        List<Object> actual = SqlBatch.column(connection,
                "SELECT pzvo_distance(a, b, c, d) FROM unnest(?::float8[], ?::float8[], ?::float8[], ?::float8[])"
                        + " WITH ORDINALITY AS t(a, b, c, d, n) ORDER BY n", F8,
                pairs.stream().map(p -> p[0]).toArray(Double[]::new), pairs.stream().map(p -> p[1]).toArray(Double[]::new),
                pairs.stream().map(p -> p[2]).toArray(Double[]::new), pairs.stream().map(p -> p[3]).toArray(Double[]::new));
        for (int i = 0; i < pairs.size(); i++) {
            double[] p = pairs.get(i);
            double expected = Spherical.distanceDeg(p[0], p[1], p[2], p[3]);
            assertEquals(expected, (Double) actual.get(i), 1e-12, () -> Arrays.toString(p));
        }
    }

    @Test
    void containsIsIdenticalAwayFromTheBoundary() throws SQLException {
        RandomShapes shapes = new RandomShapes(10);
        List<double[]> shapeList = new ArrayList<>();
        List<double[]> points = new ArrayList<>();
        for (int k = 0; k < 3000; k++) {
            double[] shape = k % 2 == 0 ? shapes.circle() : shapes.polygon();
            double[] p = shapes.pointNear(shape);
            if (RandomShapes.boundaryDistanceDeg(p[0], p[1], shape) > 1e-9) {
                shapeList.add(shape);
                points.add(p);
            }
        }
        Object[] flat = SqlBatch.flatten(shapeList);
        List<Object> actual = SqlBatch.column(connection,
                "SELECT pzvo_contains(r, d, f.a[o:o + l - 1]) FROM unnest(?::float8[], ?::float8[], ?::int[], ?::int[])"
                        + " WITH ORDINALITY AS t(r, d, o, l, n), (SELECT ?::float8[] AS a) f ORDER BY n",
                new String[] {"float8", "float8", "int4", "int4", "float8"},
                points.stream().map(p -> p[0]).toArray(Double[]::new), points.stream().map(p -> p[1]).toArray(Double[]::new),
                flat[1], flat[2], flat[0]);
        int inside = 0;
        for (int i = 0; i < points.size(); i++) {
            double[] p = points.get(i);
            int expected = Spherical.contains(p[0], p[1], shapeList.get(i)) ? 1 : 0;
            inside += expected;
            int k = i;
            assertEquals(expected, actual.get(i), () -> Arrays.toString(p) + " in " + Arrays.toString(shapeList.get(k)));
        }
        assertTrue(inside > 500 && inside < points.size() - 500, "inside " + inside + " of " + points.size());
    }

    @Test
    void intersectsAreaCentroidAndBoxAgree() throws SQLException {
        RandomShapes shapes = new RandomShapes(12);
        List<double[]> first = new ArrayList<>();
        List<double[]> second = new ArrayList<>();
        for (int k = 0; k < 1500; k++) {
            double[] a = k % 3 == 0 ? shapes.circle() : shapes.polygon();
            double[] near = shapes.pointNear(a);
            double[] b;
            switch (k % 4) {
                case 0: b = near; break;
                case 1: b = new double[] {near[0], near[1], shapes.sizeDeg()}; break;
                default:
                    b = shapes.polygon();
                    double[] c = Spherical.centroid(b);
                    for (int i = 0; i < b.length; i += 2) {
                        double[] moved = SkyTesting.offset(near[0], near[1],
                                Spherical.distanceDeg(c[0], c[1], b[i], b[i + 1]), i);
                        b[i] = moved[0];
                        b[i + 1] = moved[1];
                    }
            }
            first.add(a);
            second.add(b);
        }
        Object[] fa = SqlBatch.flatten(first);
        Object[] fb = SqlBatch.flatten(second);
        List<Object> intersects = SqlBatch.column(connection,
                "SELECT pzvo_intersects(x.a[o1:o1 + l1 - 1], y.a[o2:o2 + l2 - 1]) FROM unnest(?::int[], ?::int[], ?::int[], ?::int[])"
                        + " WITH ORDINALITY AS t(o1, l1, o2, l2, n), (SELECT ?::float8[] AS a) x, (SELECT ?::float8[] AS a) y ORDER BY n",
                new String[] {"int4", "int4", "int4", "int4", "float8", "float8"}, fa[1], fa[2], fb[1], fb[2], fa[0], fb[0]);
        List<Object> areas = SqlBatch.column(connection,
                "SELECT pzvo_area(x.a[o:o + l - 1]) FROM unnest(?::int[], ?::int[]) WITH ORDINALITY AS t(o, l, n),"
                        + " (SELECT ?::float8[] AS a) x ORDER BY n", new String[] {"int4", "int4", "float8"}, fa[1], fa[2], fa[0]);
        List<Object> centroids = SqlBatch.column(connection,
                "SELECT pzvo_centroid(x.a[o:o + l - 1]) FROM unnest(?::int[], ?::int[]) WITH ORDINALITY AS t(o, l, n),"
                        + " (SELECT ?::float8[] AS a) x ORDER BY n", new String[] {"int4", "int4", "float8"}, fa[1], fa[2], fa[0]);
        int hits = 0;
        for (int i = 0; i < first.size(); i++) {
            double[] a = first.get(i);
            double[] b = second.get(i);
            int expected = Spherical.intersects(a, b) ? 1 : 0;
            hits += expected;
            assertEquals(expected, intersects.get(i), Arrays.toString(a) + " x " + Arrays.toString(b));
            double area = Spherical.areaSqDeg(a);
            assertEquals(area, (Double) areas.get(i), Math.max(1e-12, area * 1e-9), Arrays.toString(a));
            double[] c = Spherical.centroid(a);
            Double[] got = (Double[]) centroids.get(i);
            // The polygon centroid sums side normals that nearly cancel: ~1e-16 / size rad of noise
            // (tens of pico-arcseconds), so the engines agree to 1e-9 deg rather than 1e-12.
            assertTrue(Spherical.distanceDeg(c[0], c[1], got[0], got[1]) < 1e-9, Arrays.toString(a));
        }
        assertTrue(hits > 300 && hits < first.size() - 100, "intersecting " + hits);
        List<double[]> boxes = new ArrayList<>();
        for (int k = 0; k < 500; k++) {
            double[] c = shapes.centre();
            boxes.add(new double[] {c[0], c[1], Math.min(shapes.sizeDeg(), 170), Math.min(shapes.sizeDeg(), 170)});
        }
        List<Object> polygons = SqlBatch.column(connection,
                "SELECT pzvo_box(a, b, c, d) FROM unnest(?::float8[], ?::float8[], ?::float8[], ?::float8[])"
                        + " WITH ORDINALITY AS t(a, b, c, d, n) ORDER BY n", F8,
                boxes.stream().map(p -> p[0]).toArray(Double[]::new), boxes.stream().map(p -> p[1]).toArray(Double[]::new),
                boxes.stream().map(p -> p[2]).toArray(Double[]::new), boxes.stream().map(p -> p[3]).toArray(Double[]::new));
        for (int i = 0; i < boxes.size(); i++) {
            double[] b = boxes.get(i);
            double[] expected = Spherical.boxPolygon(b[0], b[1], b[2], b[3]);
            Double[] got = (Double[]) polygons.get(i);
            for (int v = 0; v < 8; v += 2) {
                assertTrue(Spherical.distanceDeg(expected[v], expected[v + 1], got[v], got[v + 1]) < 1e-11, Arrays.toString(b));
            }
        }
    }

    @Test
    void histogramAggregateMatchesTheJavaBins() throws SQLException {
        Random random = new Random(13);
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TEMP TABLE h(g integer, x float8)");
            StringBuilder insert = new StringBuilder("INSERT INTO h VALUES (1, NULL), (1, 'NaN')");
            int[][] expected = {null, new int[12], new int[12]};
            for (int k = 0; k < 2000; k++) {
                int g = 1 + k % 2;
                double x = -0.5 + 2 * random.nextDouble();
                if (k % 97 == 0) {
                    x = 1.0;
                }
                insert.append(", (").append(g).append(", ").append(x).append(')');
                expected[g][Histogram.bin(x, 0, 1, 10)]++;
            }
            s.execute(insert.toString());
            try (ResultSet rs = s.executeQuery("SELECT g, pzvo_int_array(ivo_histogram(x, 0, 1, 10)) FROM h GROUP BY g ORDER BY g")) {
                for (int g = 1; g <= 2; g++) {
                    assertTrue(rs.next());
                    Integer[] got = (Integer[]) rs.getArray(2).getArray();
                    assertArrayEquals(expected[g], Arrays.stream(got).mapToInt(Integer::intValue).toArray());
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT ivo_histogram(x, 0, 1, 10) FROM h WHERE x > 5")) {
                assertTrue(rs.next());
                assertNull(rs.getObject(1));
            }
        }
    }

    @Test
    void stringAggregate() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TEMP TABLE words(g integer, w text)");
            s.execute("INSERT INTO words VALUES (1, 'a'), (1, NULL), (1, 'b'), (2, NULL)");
            try (ResultSet rs = s.executeQuery("SELECT g, ivo_string_agg(w, ', ') FROM words GROUP BY g ORDER BY g")) {
                assertTrue(rs.next());
                String joined = rs.getString(2);
                assertTrue(joined.equals("a, b") || joined.equals("b, a"), joined);
                assertTrue(rs.next());
                assertNull(rs.getString(2));
            }
        }
    }

    @Test
    void textFunctionsMatchJava() throws SQLException {
        String[][] cases = {
            {"Photometric redshift catalogue", "redshift"}, {"Photometric redshift", "REDSHIFT"},
            {"photo-z estimates", "photo"}, {"photo-z estimates", "photo-z"}, {"redshifts", "redshift"},
            {"x-ray; (sources)", "sources"}, {"a.b c", "a.b"}, {"snake_case word", "snake"}, {"", "x"},
            {"anything", ""}, {"100% sure", "100%"}, {"Gaia DR3", "gaia dr3"}, {"ab", "a_"}, {"ABC", "a%"},
            {"a%c", "a\\%c"}, {"abc", "a\\%c"}, {"line\nbreak", "line%"}, {"Zz", "zZ"},
            {"Café crème", "caf"}, {"Café crème", "CAFÉ"}, {"Ωmega", "ωMEGA"},
        };
        for (String[] c : cases) {
            try (java.sql.PreparedStatement p = connection.prepareStatement("SELECT ivo_hasword(?, ?), ivo_nocasematch(?, ?)")) {
                p.setString(1, c[0]);
                p.setString(2, c[1]);
                p.setString(3, c[0]);
                p.setString(4, c[1]);
                try (ResultSet rs = p.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals(SqlFunctions.hasWord(c[0], c[1]), rs.getObject(1), "hasword " + Arrays.toString(c));
                    assertEquals(SqlFunctions.noCaseMatch(c[0], c[1]), rs.getObject(2), "nocasematch " + Arrays.toString(c));
                }
            }
        }
    }

    @Test
    void nullInGivesNullOut() throws SQLException {
        String[] queries = {
            "ivo_healpix_index(NULL, 1, 2)", "ivo_healpix_index(5, NULL, 2)", "ivo_healpix_center(5, NULL)",
            "ivo_hasword(NULL, 'a')", "ivo_nocasematch('a', NULL)", "pzvo_distance(1, 2, NULL, 4)",
            "pzvo_contains(1, 2, NULL)", "pzvo_contains(1, 2, ARRAY[1, NULL, 3]::float8[])",
            "pzvo_intersects(NULL, ARRAY[1, 2]::float8[])", "pzvo_area(NULL)", "pzvo_centroid(NULL)",
            "pzvo_box(1, 2, NULL, 1)", "pzvo_cone_cells(1, NULL, 1)", "pzvo_int_array(NULL)",
        };
        try (Statement s = connection.createStatement()) {
            for (String q : queries) {
                try (ResultSet rs = s.executeQuery("SELECT " + q)) {
                    assertTrue(rs.next());
                    assertNull(rs.getObject(1), q);
                }
            }
        }
    }

    /** pzvo_distance is one SQL expression: the planner inlines it (no function call in the plan). */
    @Test
    void distanceIsInlinedIntoQueries() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TEMP TABLE IF NOT EXISTS positions(a float8, b float8, c float8, d float8)");
            StringBuilder plan = new StringBuilder();
            try (ResultSet rs = s.executeQuery("EXPLAIN (VERBOSE) SELECT pzvo_distance(a, b, c, d) FROM positions")) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            assertTrue(plan.indexOf("atan2") >= 0 && plan.indexOf("pzvo_distance") < 0, plan.toString());
        }
    }

    /** With a constant shape, pzvo_contains is inlined and the polygon is prepared at plan time. */
    @Test
    void containsWithAConstantShapeIsInlinedAndPrepared() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TEMP TABLE IF NOT EXISTS positions(a float8, b float8, c float8, d float8)");
            String polygonPlan = plan(s, "SELECT pzvo_contains(a, b, ARRAY[10, 10, 20, 10, 20, 20]::float8[]) FROM positions");
            assertTrue(polygonPlan.contains("pzvo_polygon_contains_deg") && !polygonPlan.contains("pzvo_polygon(")
                    && !polygonPlan.contains("pzvo_contains"), polygonPlan);
            String circlePlan = plan(s, "SELECT pzvo_contains(a, b, ARRAY[10, 10, 1]::float8[]) FROM positions");
            assertTrue(circlePlan.contains("atan2") && !circlePlan.contains("pzvo_distance") && !circlePlan.contains("pzvo_contains"), circlePlan);
        }
    }

    private static String plan(Statement s, String sql) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (ResultSet rs = s.executeQuery("EXPLAIN (VERBOSE) " + sql)) {
            while (rs.next()) {
                plan.append(rs.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }

    @Test
    void invalidInputRaisesTheJavaMessage() throws SQLException {
        try (Statement s = connection.createStatement()) {
            SQLException e = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
                    () -> s.executeQuery("SELECT ivo_healpix_index(5, 10, 91)"));
            assertTrue(e.getMessage().contains("Expected a declination in [-90, 90] deg, actual 91"), e.getMessage());
            assertEquals("22023", e.getSQLState());
            SQLException f = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
                    () -> s.executeQuery("SELECT pzvo_contains(10, x, ARRAY[1, 2, 3]::float8[]) FROM (VALUES (95.0::float8)) AS t(x)"));
            assertTrue(f.getMessage().contains("Expected a declination in [-90, 90] deg, actual 95"), f.getMessage());
        }
    }
}
