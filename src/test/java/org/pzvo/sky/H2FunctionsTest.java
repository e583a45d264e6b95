// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.sky;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pzvo.db.Engine;

/** The H2 aliases and aggregate on a real in-memory H2 database return what the Java methods return. */
class H2FunctionsTest {
    private static Connection connection;

    @BeforeAll
    static void open() throws SQLException {
        connection = DriverManager.getConnection("jdbc:h2:mem:sky_functions");
        SqlFunctions.install(connection, Engine.H2);
        SqlFunctions.install(connection, Engine.H2);
    }

    @AfterAll
    static void close() throws SQLException {
        connection.close();
    }

    @Test
    void healpixIndexAndCenterAreTheJavaValues() throws SQLException {
        try (PreparedStatement p = connection.prepareStatement("SELECT ivo_healpix_index(?, ?, ?), ivo_healpix_center(?, ivo_healpix_index(?, ?, ?))")) {
            for (double[] pos : SkyInputs.positions(31, 500)) {
                for (int order : new int[] {0, 5, 12, 29}) {
                    p.setInt(1, order);
                    p.setDouble(2, pos[0]);
                    p.setDouble(3, pos[1]);
                    p.setInt(4, order);
                    p.setInt(5, order);
                    p.setDouble(6, pos[0]);
                    p.setDouble(7, pos[1]);
                    try (ResultSet rs = p.executeQuery()) {
                        assertTrue(rs.next());
                        long index = SkyIndex.index(order, pos[0], pos[1]);
                        assertEquals(index, rs.getLong(1));
                        Object[] centre = (Object[]) rs.getArray(2).getArray();
                        assertArrayEquals(SqlBatch.boxed(SkyIndex.center(order, index)), centre);
                    }
                }
            }
        }
    }

    @Test
    void geometryFunctionsReturnTheJavaValues() throws SQLException {
        RandomShapes shapes = new RandomShapes(17);
        String sql = "SELECT pzvo_contains(?, ?, ?), pzvo_area(?), pzvo_centroid(?), pzvo_intersects(?, ?),"
                + " pzvo_distance(?, ?, 1, 2), pzvo_cone_cells(?, ?, 0.01)";
        try (PreparedStatement p = connection.prepareStatement(sql)) {
            for (int k = 0; k < 1000; k++) {
                double[] shape = k % 2 == 0 ? shapes.circle() : shapes.polygon();
                double[] other = k % 3 == 0 ? shapes.circle() : shapes.polygon();
                double[] point = shapes.pointNear(shape);
                p.setDouble(1, point[0]);
                p.setDouble(2, point[1]);
                p.setArray(3, connection.createArrayOf("DOUBLE PRECISION", SqlBatch.boxed(shape)));
                p.setArray(4, connection.createArrayOf("DOUBLE PRECISION", SqlBatch.boxed(shape)));
                p.setArray(5, connection.createArrayOf("DOUBLE PRECISION", SqlBatch.boxed(shape)));
                p.setArray(6, connection.createArrayOf("DOUBLE PRECISION", SqlBatch.boxed(shape)));
                p.setArray(7, connection.createArrayOf("DOUBLE PRECISION", SqlBatch.boxed(other)));
                p.setDouble(8, point[0]);
                p.setDouble(9, point[1]);
                p.setDouble(10, point[0]);
                p.setDouble(11, point[1]);
                try (ResultSet rs = p.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals(Spherical.contains(point[0], point[1], shape) ? 1 : 0, rs.getInt(1));
                    assertEquals(Spherical.areaSqDeg(shape), rs.getDouble(2));
                    assertArrayEquals(SqlBatch.boxed(Spherical.centroid(shape)), (Object[]) rs.getArray(3).getArray());
                    assertEquals(Spherical.intersects(shape, other) ? 1 : 0, rs.getInt(4));
                    assertEquals(Spherical.distanceDeg(point[0], point[1], 1, 2), rs.getDouble(5));
                    long[] cells = Coverage.coneCells(point[0], point[1], 0.01);
                    Object[] got = (Object[]) rs.getArray(6).getArray();
                    assertArrayEquals(Arrays.stream(cells).boxed().toArray(), got);
                }
            }
        }
    }

    @Test
    void boxAndTextFunctions() throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT pzvo_box(10, 20, 2, 1), ivo_hasword('Photometric Redshift', 'redshift'),"
                     + " ivo_hasword('redshifts', 'redshift'), ivo_nocasematch('Gaia DR3', 'gaia%'), ivo_nocasematch('a', 'b')")) {
            assertTrue(rs.next());
            assertArrayEquals(SqlBatch.boxed(Spherical.boxPolygon(10, 20, 2, 1)), (Object[]) rs.getArray(1).getArray());
            assertEquals(1, rs.getInt(2));
            assertEquals(0, rs.getInt(3));
            assertEquals(1, rs.getInt(4));
            assertEquals(0, rs.getInt(5));
        }
    }

    @Test
    void histogramAggregateThroughTheIntArrayWrapper() throws SQLException {
        Random random = new Random(19);
        int[] expected = new int[7];
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE hist_values(x DOUBLE PRECISION)");
            StringBuilder insert = new StringBuilder("INSERT INTO hist_values VALUES (NULL)");
            for (int k = 0; k < 500; k++) {
                double x = -1 + 12 * random.nextDouble();
                insert.append(", (").append(x).append(')');
                expected[Histogram.bin(x, 0, 10, 5)]++;
            }
            s.execute(insert.toString());
            try (ResultSet rs = s.executeQuery("SELECT pzvo_int_array(ivo_histogram(x, 0, 10, 5)) FROM hist_values")) {
                assertTrue(rs.next());
                assertEquals("INTEGER ARRAY", rs.getMetaData().getColumnTypeName(1));
                Object[] got = (Object[]) rs.getArray(1).getArray();
                assertArrayEquals(Arrays.stream(expected).boxed().toArray(), got);
            }
            try (ResultSet rs = s.executeQuery("SELECT pzvo_int_array(ivo_histogram(x, 0, 10, 5)) FROM hist_values WHERE x > 100")) {
                assertTrue(rs.next());
                assertNull(rs.getObject(1));
            }
        }
    }

    @Test
    void stringAggregate() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE words(g INT, w VARCHAR)");
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
    void nullInGivesNullOut() throws SQLException {
        List<String> queries = List.of("ivo_healpix_index(NULL, 1, 2)", "ivo_healpix_center(3, NULL)",
                "ivo_hasword(NULL, 'a')", "ivo_nocasematch('a', NULL)", "pzvo_distance(1, NULL, 3, 4)",
                "pzvo_contains(1, 2, NULL)", "pzvo_contains(1, 2, CAST(ARRAY[1, NULL, 3] AS DOUBLE PRECISION ARRAY))",
                "pzvo_intersects(NULL, ARRAY[1.0, 2.0])", "pzvo_area(NULL)", "pzvo_centroid(NULL)",
                "pzvo_box(1, 2, NULL, 1)", "pzvo_cone_cells(NULL, 1, 1)", "pzvo_int_array(NULL)");
        try (Statement s = connection.createStatement()) {
            for (String q : queries) {
                try (ResultSet rs = s.executeQuery("SELECT " + q)) {
                    assertTrue(rs.next());
                    assertNull(rs.getObject(1), q);
                }
            }
        }
    }

    @Test
    void invalidInputGivesTheExpectedActualMessage() {
        SQLException e = assertThrows(SQLException.class, () -> {
            try (Statement s = connection.createStatement()) {
                s.executeQuery("SELECT ivo_healpix_index(5, 10, 91)");
            }
        });
        assertTrue(e.getMessage().contains("Expected a declination in [-90, 90] deg, actual 91.0"), e.getMessage());
    }
}
