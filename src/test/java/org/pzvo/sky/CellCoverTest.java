// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.sky;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cds.healpix.CompassPoint;
import cds.healpix.Healpix;
import cds.healpix.HealpixNested;
import cds.healpix.VerticesAndPathComputer;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CellCoverTest {
    /** The bounding disk contains the whole cell: sampled edges and random interior points. */
    @Test
    void boundingDiskContainsEdgesAndInterior() {
        Random random = new Random(6);
        double[] lonLat = new double[2];
        double[] centre = new double[3];
        double worst = 0;
        for (int depth = 0; depth <= 14; depth++) {
            VerticesAndPathComputer path = Healpix.getNested(depth).newVerticesAndPathComputer();
            for (int k = 0; k < 150; k++) {
                long cell = k < 12 ? Math.min(k, Healpix.nHash(depth) - 1) : (long) (random.nextDouble() * Healpix.nHash(depth));
                double radius = CellCover.boundingRadiusRad(depth, cell, lonLat, centre);
                double vertexRadius = (radius - 1e-12) / CellCover.CELL_RADIUS_FACTOR;
                for (CompassPoint.Cardinal direction : CompassPoint.Cardinal.values()) {
                    for (double[] point : path.pathAlongCellEdge(cell, direction, true, 20)) {
                        double d = angle(centre, point);
                        worst = Math.max(worst, d / vertexRadius);
                        assertTrue(d <= radius, "edge of cell " + cell + " at depth " + depth);
                    }
                }
                double[] c = Vec3.toRaDec(centre[0], centre[1], centre[2]);
                for (int t = 0; t < 50; t++) {
                    double[] p = SkyTesting.offset(c[0], c[1], Math.toDegrees(radius) * 1.2 * random.nextDouble(),
                            random.nextDouble() * 2 * Math.PI);
                    if (SkyIndex.index(depth, p[0], p[1]) == cell) {
                        assertTrue(Spherical.distanceDeg(c[0], c[1], p[0], p[1]) <= Math.toDegrees(radius));
                    }
                }
            }
        }
        assertTrue(worst < CellCover.CELL_RADIUS_FACTOR, "edges reach " + worst + " of the vertex radius");
    }

    /** HealpixNestedFast centres and vertices (used by CellCover) equal the reference implementation's. */
    @Test
    void fastCentresAndVerticesMatchTheReference() {
        Random random = new Random(7);
        for (int depth = 0; depth <= 29; depth++) {
            HealpixNested nested = Healpix.getNested(depth);
            for (int k = 0; k < 50; k++) {
                long cell = (long) (random.nextDouble() * Healpix.nHash(depth));
                double[] a = Healpix.getNestedFast(depth).center(cell);
                double[] b = nested.center(cell);
                assertEquals(0, lonLatAngle(a, b), 1e-15);
                for (CompassPoint.Cardinal direction : CompassPoint.Cardinal.values()) {
                    assertEquals(0, lonLatAngle(Healpix.getNestedFast(depth).vertex(cell, direction), nested.vertex(cell, direction)), 1e-15);
                }
            }
        }
    }

    /** The memo of shallow cells gives exactly the computed geometry, whether it was filled before or not. */
    @Test
    void memoizedGeometryIsTheComputedGeometry() {
        Random random = new Random(8);
        double[] lonLat = new double[2];
        double[] expected = new double[3];
        double[] actual = new double[3];
        for (int depth = 0; depth <= CellCover.MEMO_DEPTH + 1; depth++) {
            for (int k = 0; k < 200; k++) {
                long cell = (long) (random.nextDouble() * Healpix.nHash(depth));
                double radius = CellCover.boundingRadiusRad(depth, cell, lonLat, expected);
                for (int pass = 0; pass < 2; pass++) {
                    assertEquals(radius, CellCover.geometry(depth, cell, lonLat, actual), 0.0);
                    for (int i = 0; i < 3; i++) {
                        assertEquals(expected[i], actual[i], 0.0, "centre of cell " + cell + " at depth " + depth);
                    }
                }
            }
        }
    }

    private static double angle(double[] centre, double[] lonLat) {
        double[] v = new double[3];
        Vec3.unit(Math.toDegrees(lonLat[0]), Math.toDegrees(lonLat[1]), v, 0);
        return Vec3.angle(centre[0], centre[1], centre[2], v[0], v[1], v[2]);
    }

    private static double lonLatAngle(double[] lonLatA, double[] lonLatB) {
        double[] a = new double[3];
        Vec3.unit(Math.toDegrees(lonLatA[0]), Math.toDegrees(lonLatA[1]), a, 0);
        return angle(a, lonLatB);
    }
}
