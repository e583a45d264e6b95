// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.sky;

/**
 * Unit-vector arithmetic on the sphere, written as plain scalar expressions so that the
 * PostgreSQL port in {@code postgresql-functions.sql} can perform the very same operations in
 * the very same order (and so agree with Java to the last few ulps).
 */
final class Vec3 {
    /** Degrees to radians; the same literal is used by the PostgreSQL functions. */
    static final double DEG_TO_RAD = 0.017453292519943295;
    /** Radians to degrees; the same literal is used by the PostgreSQL functions. */
    static final double RAD_TO_DEG = 57.29577951308232;

    private Vec3() {
    }

    /** Writes the unit vector of (raDeg, decDeg) into {@code out[offset..offset+2]}. */
    static void unit(double raDeg, double decDeg, double[] out, int offset) {
        double ra = raDeg * DEG_TO_RAD;
        double dec = decDeg * DEG_TO_RAD;
        double cosDec = Math.cos(dec);
        out[offset] = cosDec * Math.cos(ra);
        out[offset + 1] = cosDec * Math.sin(ra);
        out[offset + 2] = Math.sin(dec);
    }

    /** {raDeg in [0, 360), decDeg} of a (not necessarily unit) non-zero vector. */
    static double[] toRaDec(double x, double y, double z) {
        double raDeg = Math.atan2(y, x) * RAD_TO_DEG;
        if (raDeg < 0) {
            raDeg += 360;
        }
        if (raDeg >= 360) {
            raDeg = 0;
        }
        double decDeg = Math.atan2(z, Math.sqrt(x * x + y * y)) * RAD_TO_DEG;
        return new double[] {raDeg, decDeg};
    }

    /** Angle in radians between two unit vectors, atan2(|a x b|, a . b): accurate at all scales. */
    static double angle(double ax, double ay, double az, double bx, double by, double bz) {
        double cx = ay * bz - az * by;
        double cy = az * bx - ax * bz;
        double cz = ax * by - ay * bx;
        return Math.atan2(Math.sqrt(cx * cx + cy * cy + cz * cz), ax * bx + ay * by + az * bz);
    }
}
