// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.sky;

import cds.healpix.CompassPoint;
import cds.healpix.Healpix;
import cds.healpix.HealpixNested;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Hard test positions: poles, the RA = 0/360 meridian, cell vertices and edges, plus random ones. */
final class SkyInputs {
    private SkyInputs() {
    }

    /** {raDeg, decDeg} pairs; deterministic for a seed. */
    static List<double[]> positions(long seed, int randomCount) {
        Random random = new Random(seed);
        List<double[]> out = new ArrayList<>();
        double[] decs = {90, -90, 89.99999999999999, -89.99999999999999, 0, -0.0, 1e-14, -1e-14,
            41.810314895778596, -41.810314895778596, Math.toDegrees(Healpix.TRANSITION_LATITUDE),
            -Math.toDegrees(Healpix.TRANSITION_LATITUDE), 45, -45, 60, -60};
        double[] ras = {0, -0.0, 1e-14, -1e-14, 360 - 1e-14, 360, 360 + 1e-14, 45, 90, 135, 180, 225, 270, 315,
            44.99999999999999, 45.00000000000001, 1e-300, -1e-300, 720, -45};
        for (double dec : decs) {
            for (double ra : ras) {
                out.add(new double[] {ra, dec});
            }
        }
        // Cell vertices and points along edges at several depths, nudged by +-1e-14 deg.
        for (int depth : new int[] {0, 1, 3, 5, 12, 20, 29}) {
            HealpixNested nested = Healpix.getNested(depth);
            for (int k = 0; k < 30; k++) {
                long cell = (long) (random.nextDouble() * Healpix.nHash(depth));
                for (CompassPoint.Cardinal c : CompassPoint.Cardinal.values()) {
                    double[] lonLat = nested.vertex(cell, c);
                    double ra = Math.toDegrees(lonLat[0]);
                    double dec = Math.toDegrees(lonLat[1]);
                    out.add(new double[] {ra, dec});
                    out.add(new double[] {ra + 1e-14, dec});
                    out.add(new double[] {ra - 1e-14, Math.max(-90, dec - 1e-14)});
                }
                double[][] path = nested.pathAlongCellEdge(cell, CompassPoint.Cardinal.N, true, 4);
                for (double[] lonLat : path) {
                    out.add(new double[] {Math.toDegrees(lonLat[0]), Math.toDegrees(lonLat[1])});
                }
            }
        }
        // Just off order-29 (and order-12) vertices, at the scale where cheaper trigonometry could
        // round across a cell edge: 1e-13 .. 1e-9 deg.
        for (int depth : new int[] {12, 29}) {
            HealpixNested nested = Healpix.getNested(depth);
            for (int k = 0; k < 200; k++) {
                long cell = (long) (random.nextDouble() * Healpix.nHash(depth));
                double[] lonLat = nested.vertex(cell, CompassPoint.Cardinal.values()[k % 4]);
                double nudge = Math.pow(10, -13 + 4 * random.nextDouble());
                double bearing = random.nextDouble() * 2 * Math.PI;
                out.add(SkyTesting.offset(Math.toDegrees(lonLat[0]), Math.toDegrees(lonLat[1]), nudge, bearing));
            }
        }
        for (int k = 0; k < randomCount; k++) {
            out.add(SkyTesting.randomPosition(random));
        }
        return out;
    }
}
