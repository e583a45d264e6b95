// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.sky;

import cds.healpix.Healpix;
import cds.healpix.HealpixNestedFast;

/**
 * NESTED HEALPix indexes of sky positions, through the CDS HEALPix library.
 *
 * <p>Thread-safe: {@link HealpixNestedFast} is documented as safe to share, unlike the
 * shared-instance {@code HealpixNested.hash()}. Positions are ICRS degrees.
 */
public final class SkyIndex {
    /** The order of the index stored with every positional row (DESIGN.md "HEALPix everywhere"). */
    public static final int MAX_ORDER = 29;

    private static final HealpixNestedFast[] BY_ORDER = new HealpixNestedFast[MAX_ORDER + 1];

    static {
        // Filled eagerly: 30 small objects, and no lazy double-checked locking.
        for (int order = 0; order <= MAX_ORDER; order++) {
            BY_ORDER[order] = Healpix.getNestedFast(order);
        }
    }

    private SkyIndex() {
    }

    /** The order-29 NESTED index of a position. */
    public static long hpx29(double raDeg, double decDeg) {
        return index(MAX_ORDER, raDeg, decDeg);
    }

    /** The NESTED index at {@code order} (0..29) of a position given in degrees. */
    public static long index(int order, double raDeg, double decDeg) {
        checkOrder(order);
        if (!(decDeg >= -90 && decDeg <= 90)) {
            throw new IllegalArgumentException("Expected a declination in [-90, 90] deg, actual " + decDeg);
        }
        if (!Double.isFinite(raDeg)) {
            throw new IllegalArgumentException("Expected a finite right ascension, actual " + raDeg);
        }
        if (order == 0) {
            // CDS 0.30.2 at depth 0 scales by adding -1 to the IEEE exponent, which turns an
            // exact 0 (RA on a multiple of 90 deg in a polar cap) into -Infinity and trips its
            // assertions; the parent of the depth-1 cell is the same pixel by construction.
            return BY_ORDER[1].hash(Math.toRadians(raDeg), Math.toRadians(decDeg)) >> 2;
        }
        return BY_ORDER[order].hash(Math.toRadians(raDeg), Math.toRadians(decDeg));
    }

    /** The centre of a cell, as {raDeg, decDeg} with raDeg in [0, 360). */
    public static double[] center(int order, long ipix) {
        checkOrder(order);
        long nCells = 12L << (2 * order);
        if (ipix < 0 || ipix >= nCells) {
            throw new IllegalArgumentException(
                    "Expected a pixel index in [0, " + nCells + ") at order " + order + ", actual " + ipix);
        }
        double[] lonLatRad = BY_ORDER[order].center(ipix);
        double raDeg = Math.toDegrees(lonLatRad[0]);
        return new double[] {raDeg >= 360 ? raDeg - 360 : raDeg, Math.toDegrees(lonLatRad[1])};
    }

    private static void checkOrder(int order) {
        if (order < 0 || order > MAX_ORDER) {
            throw new IllegalArgumentException("Expected a HEALPix order in [0, 29], actual " + order);
        }
    }
}
