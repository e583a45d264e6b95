// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.sky;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** ObsCore footprints of MOCs: centre, diameter and a bounding convex polygon. */
class FootprintTest {
    /** Order-29 ranges of the order-{@code order} cells whose centres lie within {@code radiusDeg}. */
    static long[] disc(double raDeg, double decDeg, double radiusDeg, int order) {
        long n = 12L << (2 * order);
        int shift = 2 * (SkyIndex.MAX_ORDER - order);
        long[] buf = new long[64];
        int size = 0;
        for (long p = 0; p < n; p++) {
            double[] c = SkyIndex.center(order, p);
            if (Spherical.distanceDeg(c[0], c[1], raDeg, decDeg) <= radiusDeg) {
                if (size + 2 > buf.length) {
                    buf = java.util.Arrays.copyOf(buf, buf.length * 2);
                }
                buf[size++] = p << shift;
                buf[size++] = (p + 1) << shift;
            }
        }
        return java.util.Arrays.copyOf(buf, size);
    }

    @Test
    void aDiscGivesItsCentreADiameterAndAPolygonContainingEveryCell() {
        for (double[] centre : new double[][] {{53.13, -28.10}, {0.2, 1.0}, {359.9, -45}, {120, 89.0}}) {
            long[] ranges = disc(centre[0], centre[1], 2.0, 8);
            Footprint f = Footprint.ofRanges(ranges, 8);
            assertTrue(Spherical.distanceDeg(f.raDeg(), f.decDeg(), centre[0], centre[1]) < 0.1, f.toString());
            assertEquals(4.0, f.fovDeg(), 0.6, f.toString());
            double[] polygon = f.polygonDeg();
            assertNotNull(polygon);
            int shift = 2 * (SkyIndex.MAX_ORDER - 8);
            for (int i = 0; i < ranges.length; i += 2) {
                double[] c = SkyIndex.center(8, ranges[i] >>> shift);
                assertTrue(Spherical.contains(c[0], c[1], polygon), "cell centre " + c[0] + " " + c[1]);
            }
            assertTrue(Spherical.areaSqDeg(polygon) < 1.3 * Math.PI * 2.2 * 2.2, f.toString());
        }
    }

    @Test
    void theWholeSkyHasNoPolygon() {
        Footprint f = Footprint.ofRanges(new long[] {0, 12L << 58}, 0);
        assertNull(f.polygonDeg());
        assertEquals(360, f.fovDeg(), 1e-9);
    }

    @Test
    void twoOppositeFieldsHaveNoPolygonButADiameter() {
        long[] a = disc(10, 0, 1, 6);
        long[] b = disc(190, 0, 1, 6);
        long[] both = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        java.util.Arrays.sort(both);
        Footprint f = Footprint.ofRanges(both, 6);
        assertNull(f.polygonDeg());
        assertTrue(f.fovDeg() > 170, f.toString());
    }

    @Test
    void anEmptyMocIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Footprint.ofRanges(new long[0], 5));
    }
}
