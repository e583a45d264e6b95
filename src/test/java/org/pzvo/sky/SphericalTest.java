// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.sky;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SphericalTest {
    private static final double FULL_SKY_SQ_DEG = 4 * Math.PI * Math.pow(180 / Math.PI, 2);

    @Test
    void distanceIsAccurateFromPicoDegreesToAntipodes() {
        assertEquals(90, Spherical.distanceDeg(0, 0, 90, 0), 1e-13);
        assertEquals(180, Spherical.distanceDeg(10, 20, 190, -20), 1e-12);
        assertEquals(0, Spherical.distanceDeg(123.4, -56.7, 123.4, -56.7));
        // Degrees-to-radians rounding limits any formula to ~1e-15 deg absolute away from 0.
        assertEquals((20 + 1e-10) - 20, Spherical.distanceDeg(10, 20, 10, 20 + 1e-10), 1e-14);
        assertEquals(1e-10, Spherical.distanceDeg(0, 0, 1e-10, 0), 1e-24);
        assertEquals(1e-10, Spherical.distanceDeg(0, 1e-10, 0, 0), 1e-24);
        // 359.9999 itself is only known to ~3e-14 deg as a double.
        assertEquals(2e-4, Spherical.distanceDeg(359.9999, 0, 0.0001, 0), 1e-13);
        assertEquals(0, Spherical.distanceDeg(0, 90, 180, 90), 1e-14);
        assertEquals(179.9999999, Spherical.distanceDeg(0, 0, 180, 1e-7), 1e-12);
    }

    @Test
    void polygonOrientationDoesNotMatter() {
        double[] ccw = {10, 10, 20, 10, 20, 20, 10, 20};
        double[] cw = {10, 20, 20, 20, 20, 10, 10, 10};
        Random random = new Random(1);
        for (int k = 0; k < 10_000; k++) {
            double[] p = SkyTesting.randomPosition(random);
            if (k % 2 == 0) {
                p = new double[] {5 + 20 * random.nextDouble(), 5 + 20 * random.nextDouble()};
            }
            assertEquals(Spherical.contains(p[0], p[1], ccw), Spherical.contains(p[0], p[1], cw));
        }
        assertTrue(Spherical.contains(15, 15, cw));
        assertFalse(Spherical.contains(195, -15, cw), "the antipode of the centre is outside");
        assertEquals(Spherical.areaSqDeg(ccw), Spherical.areaSqDeg(cw), 1e-12);
    }

    @Test
    void polygonsAroundPolesAndAcrossRaZero() {
        double[] northCap = {0, 80, 120, 80, 240, 80};
        assertTrue(Spherical.contains(0, 90, northCap));
        assertTrue(Spherical.contains(77, 85, northCap));
        assertFalse(Spherical.contains(77, 70, northCap));
        double[] southCapClockwise = {0, -80, 240, -80, 120, -80};
        assertTrue(Spherical.contains(10, -90, southCapClockwise));
        assertFalse(Spherical.contains(10, 90, southCapClockwise));
        double[] acrossZero = {359, -1, 1, -1, 1, 1, 359, 1};
        assertTrue(Spherical.contains(0, 0, acrossZero));
        assertTrue(Spherical.contains(359.5, 0.5, acrossZero));
        assertTrue(Spherical.contains(-0.5, 0.5, acrossZero));
        assertTrue(Spherical.contains(360.5, -0.5, acrossZero));
        assertFalse(Spherical.contains(180, 0, acrossZero));
        assertFalse(Spherical.contains(2, 0, acrossZero));
    }

    @Test
    void concavePolygon() {
        double[] chevron = {0, 0, 10, 5, 20, 0, 10, 10};
        assertTrue(Spherical.contains(10, 8, chevron));
        assertFalse(Spherical.contains(10, 2, chevron), "the notch is outside");
        assertTrue(Spherical.contains(3, 2, chevron));
    }

    @Test
    void areasOfKnownShapes() {
        assertEquals(FULL_SKY_SQ_DEG, Spherical.areaSqDeg(new double[] {1, 2, 180}), 1e-9);
        assertEquals(FULL_SKY_SQ_DEG / 2, Spherical.areaSqDeg(new double[] {1, 2, 90}), 1e-9);
        double r = 1e-6;
        assertEquals(Math.PI * r * r, Spherical.areaSqDeg(new double[] {1, 2, r}), Math.PI * r * r * 1e-9);
        assertEquals(FULL_SKY_SQ_DEG / 8, Spherical.areaSqDeg(new double[] {0, 0, 90, 0, 0, 90}), 1e-9);
        assertEquals(FULL_SKY_SQ_DEG / 8, Spherical.areaSqDeg(new double[] {0, 90, 90, 0, 0, 0}), 1e-9);
        double side = 1e-5;
        assertEquals(side * side / 2, Spherical.areaSqDeg(new double[] {0, 0, side, 0, 0, side}), side * side * 1e-9);
        assertEquals(0, Spherical.areaSqDeg(new double[] {1, 2}));
    }

    @Test
    void centroidOfKnownShapes() {
        double[] octant = Spherical.centroid(new double[] {0, 0, 90, 0, 0, 90});
        assertEquals(45, octant[0], 1e-12);
        assertEquals(Math.toDegrees(Math.atan(1 / Math.sqrt(2))), octant[1], 1e-12);
        double[] cap = Spherical.centroid(new double[] {0, 80, 120, 80, 240, 80});
        assertEquals(90, cap[1], 1e-12);
        double[] tiny = Spherical.centroid(new double[] {359.99999, -0.00001, 0.00002, -0.00001, 0.00002, 0.00002, 359.99999, 0.00002});
        assertEquals(0.000005, tiny[0] > 180 ? tiny[0] - 360 : tiny[0], 1e-12);
        assertEquals(0.000005, tiny[1], 1e-12);
        double[] circle = Spherical.centroid(new double[] {12, 34, 5});
        assertEquals(12, circle[0]);
        assertEquals(34, circle[1]);
    }

    @Test
    void boxFollowsAdqlSemantics() {
        double[] box = Spherical.boxPolygon(0, 0, 2, 2);
        assertEquals(8, box.length);
        assertTrue(Spherical.contains(0, 0, box));
        // The arm ends lie on the sides: just inside and just outside along the arms.
        for (double[] c : new double[][] {{30, 60}, {0, 0}, {359.5, -45}, {180, 88}}) {
            double[] b = Spherical.boxPolygon(c[0], c[1], 4, 2);
            double[] east = SkyTesting.offset(c[0], c[1], 2 - 1e-7, Math.PI / 2);
            double[] eastOut = SkyTesting.offset(c[0], c[1], 2 + 1e-7, Math.PI / 2);
            double[] north = SkyTesting.offset(c[0], c[1], 1 - 1e-7, 0);
            double[] northOut = SkyTesting.offset(c[0], c[1], 1 + 1e-7, 0);
            assertTrue(Spherical.contains(east[0], east[1], b));
            assertFalse(Spherical.contains(eastOut[0], eastOut[1], b));
            assertTrue(Spherical.contains(north[0], north[1], b));
            assertFalse(Spherical.contains(northOut[0], northOut[1], b));
        }
        double[] small = Spherical.boxPolygon(10, 20, 0.01, 0.02);
        assertEquals(0.0002, Spherical.areaSqDeg(small), 1e-10);
        assertEquals("Expected a box width and height in (0, 180) deg, actual 0.0 x 1.0",
                assertThrows(IllegalArgumentException.class, () -> Spherical.boxPolygon(0, 0, 0, 1)).getMessage());
    }

    @Test
    void intersectsAllCombinations() {
        double[] point = {10, 10};
        double[] circle = {10, 11, 1.5};
        double[] farCircle = {50, 50, 1};
        double[] square = {9, 9, 11, 9, 11, 11, 9, 11};
        double[] bigSquare = {0, 0, 30, 0, 30, 30, 0, 30};
        double[] shifted = {10, 10, 12, 10, 12, 12, 10, 12};
        double[] cross1 = {0, 9.5, 20, 9.5, 20, 10.5, 0, 10.5};
        double[] cross2 = {9.5, 0, 10.5, 0, 10.5, 20, 9.5, 20};
        assertTrue(Spherical.intersects(point, circle));
        assertTrue(Spherical.intersects(circle, point));
        assertTrue(Spherical.intersects(point, new double[] {10, 10}));
        assertFalse(Spherical.intersects(point, farCircle));
        assertTrue(Spherical.intersects(circle, square));
        assertTrue(Spherical.intersects(square, bigSquare), "one inside the other");
        assertTrue(Spherical.intersects(bigSquare, square));
        assertTrue(Spherical.intersects(square, shifted));
        assertTrue(Spherical.intersects(cross1, cross2), "edges cross, no vertex inside");
        assertFalse(Spherical.intersects(square, new double[] {100, 0, 101, 0, 101, 1}));
        assertTrue(Spherical.intersects(new double[] {10, 10, 100}, farCircle));
        // The edge at RA 11 lies asin(sin 9 deg cos 10 deg) from (20, 10).
        double edge = Math.toDegrees(Math.asin(Math.sin(Math.toRadians(9)) * Math.cos(Math.toRadians(10))));
        assertTrue(Spherical.intersects(new double[] {20, 10, edge + 1e-9}, square), "circle reaches an edge");
        assertFalse(Spherical.intersects(new double[] {20, 10, edge - 1e-9}, square));
        assertTrue(Spherical.intersects(new double[] {10, 10, 40}, square), "circle contains the polygon");
    }

    @Test
    void invalidShapesAreRefused() {
        assertEquals("Expected a shape of 2 (point), 3 (circle) or an even number >= 6 (polygon) of coordinates, actual 5",
                assertThrows(IllegalArgumentException.class, () -> Spherical.areaSqDeg(new double[5])).getMessage());
        assertEquals("Expected a circle radius in [0, 180] deg, actual -1.0",
                assertThrows(IllegalArgumentException.class, () -> Spherical.contains(0, 0, new double[] {0, 0, -1})).getMessage());
        assertEquals("Expected a declination in [-90, 90] deg, actual 90.5",
                assertThrows(IllegalArgumentException.class, () -> Spherical.contains(0, 90.5, new double[] {0, 0, 1})).getMessage());
        assertEquals("Expected a polygon without degenerate edges (consecutive vertices identical or antipodal),"
                + " actual vertices 2 (10.0, 10.0) and 3 (190.0, -10.0)",
                assertThrows(IllegalArgumentException.class,
                        () -> Spherical.areaSqDeg(new double[] {0, 0, 10, 10, 190, -10})).getMessage());
        assertEquals("Expected a finite right ascension in deg, actual NaN",
                assertThrows(IllegalArgumentException.class,
                        () -> Spherical.contains(Double.NaN, 0, new double[] {0, 0, 1})).getMessage());
    }
}
