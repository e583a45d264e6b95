// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.sky;

import java.util.Arrays;
import java.util.Random;

/** Helpers shared by the sky tests: random positions and range look-ups. */
final class SkyTesting {
    private SkyTesting() {
    }

    /** Whether an order-29 index lies in flattened half-open ranges. */
    static boolean inRanges(long[] ranges, long index) {
        int n = ranges.length / 2;
        int lo = 0;
        int hi = n - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (index < ranges[2 * mid]) {
                hi = mid - 1;
            } else if (index >= ranges[2 * mid + 1]) {
                lo = mid + 1;
            } else {
                return true;
            }
        }
        return false;
    }

    /** Checks that ranges are sorted, non-empty, non-touching and within the sky. */
    static String checkWellFormed(long[] ranges) {
        if (ranges.length % 2 != 0 || ranges.length == 0) {
            return "odd or empty: " + Arrays.toString(ranges);
        }
        for (int k = 0; k < ranges.length; k += 2) {
            if (ranges[k] >= ranges[k + 1] || ranges[k] < 0 || ranges[k + 1] > Ranges.END
                    || (k > 0 && ranges[k] <= ranges[k - 1])) {
                return "not sorted/merged at " + k + ": " + Arrays.toString(ranges);
            }
        }
        return null;
    }

    /** The position at angular distance distDeg and bearing bearingRad from (raDeg, decDeg). */
    static double[] offset(double raDeg, double decDeg, double distDeg, double bearingRad) {
        double ra = Math.toRadians(raDeg);
        double dec = Math.toRadians(decDeg);
        double[] c = {Math.cos(dec) * Math.cos(ra), Math.cos(dec) * Math.sin(ra), Math.sin(dec)};
        double[] e = {-Math.sin(ra), Math.cos(ra), 0};
        double[] n = {-Math.sin(dec) * Math.cos(ra), -Math.sin(dec) * Math.sin(ra), Math.cos(dec)};
        double d = Math.toRadians(distDeg);
        double cd = Math.cos(d);
        double sd = Math.sin(d);
        double cb = Math.cos(bearingRad);
        double sb = Math.sin(bearingRad);
        double x = cd * c[0] + sd * (cb * n[0] + sb * e[0]);
        double y = cd * c[1] + sd * (cb * n[1] + sb * e[1]);
        double z = cd * c[2] + sd * (cb * n[2] + sb * e[2]);
        return Vec3.toRaDec(x, y, z);
    }

    /** A uniformly random position on the sphere. */
    static double[] randomPosition(Random random) {
        double ra = random.nextDouble() * 360;
        double dec = Math.toDegrees(Math.asin(2 * random.nextDouble() - 1));
        return new double[] {ra, dec};
    }
}
