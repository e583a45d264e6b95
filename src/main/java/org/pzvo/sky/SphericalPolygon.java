// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.sky;

/**
 * A validated spherical polygon with great-circle edges, prepared for repeated tests.
 *
 * <p>Whatever the order of its vertices (ADQL 2.1 §4.2.15 does not fix one), the polygon stands
 * for the SMALLER of the two regions its boundary separates. The orientation is found from the
 * signed area of a triangle fan (Van Oosterom &amp; Strackee 1983, tan(E/2) formula, accurate for
 * tiny triangles); containment is the winding number of the boundary around the point (sum of
 * the angles the edges subtend at the point). Immutable and thread-safe.
 */
final class SphericalPolygon {
    private static final double TWO_PI = 2 * Math.PI;
    private static final double FOUR_PI = 4 * Math.PI;
    /** Below this |a x b| an edge is degenerate (identical or antipodal vertices). */
    private static final double MIN_EDGE_SIN = 1e-15;
    /** Fan triangles smaller than this (rad) use the planar centroid, exact to O(size^3). */
    private static final double SMALL_TRIANGLE_RAD = 1e-3;

    final int n;
    final double[] x;
    final double[] y;
    final double[] z;
    /** +1 if the smaller region lies to the left of the boundary as given, -1 otherwise. */
    final int orientation;
    /** Area of the smaller region, steradians. */
    final double areaSr;
    private final double cx;
    private final double cy;
    private final double cz;

    SphericalPolygon(double[] raDecDeg) {
        if (raDecDeg.length < 6 || raDecDeg.length % 2 != 0) {
            throw new IllegalArgumentException("Expected a polygon of at least 3 vertices as an even number"
                    + " (>= 6) of coordinates, actual " + raDecDeg.length + " coordinates");
        }
        n = raDecDeg.length / 2;
        x = new double[n];
        y = new double[n];
        z = new double[n];
        double[] v = new double[3];
        double sx = 0;
        double sy = 0;
        double sz = 0;
        for (int i = 0; i < n; i++) {
            Spherical.checkPosition(raDecDeg[2 * i], raDecDeg[2 * i + 1]);
            Vec3.unit(raDecDeg[2 * i], raDecDeg[2 * i + 1], v, 0);
            x[i] = v[0];
            y[i] = v[1];
            z[i] = v[2];
            sx += v[0];
            sy += v[1];
            sz += v[2];
        }
        for (int i = 0; i < n; i++) {
            int j = (i + 1) % n;
            double ex = y[i] * z[j] - z[i] * y[j];
            double ey = z[i] * x[j] - x[i] * z[j];
            double ez = x[i] * y[j] - y[i] * x[j];
            if (Math.sqrt(ex * ex + ey * ey + ez * ez) < MIN_EDGE_SIN) {
                throw new IllegalArgumentException("Expected a polygon without degenerate edges (consecutive"
                        + " vertices identical or antipodal), actual vertices " + (i + 1) + " ("
                        + raDecDeg[2 * i] + ", " + raDecDeg[2 * i + 1] + ") and " + (j + 1) + " ("
                        + raDecDeg[2 * j] + ", " + raDecDeg[2 * j + 1] + ")");
            }
        }
        double norm = Math.sqrt(sx * sx + sy * sy + sz * sz);
        if (norm < 1e-9) {
            sx = x[0];
            sy = y[0];
            sz = z[0];
            norm = 1;
        }
        cx = sx / norm;
        cy = sy / norm;
        cz = sz / norm;
        double signedSr = 0;
        for (int i = 0; i < n; i++) {
            signedSr += fanExcess(i, (i + 1) % n);
        }
        // The fan gives the left region's area modulo 4 pi; bring it into (-2 pi, 2 pi].
        while (signedSr > TWO_PI) {
            signedSr -= FOUR_PI;
        }
        while (signedSr <= -TWO_PI) {
            signedSr += FOUR_PI;
        }
        orientation = signedSr >= 0 ? 1 : -1;
        areaSr = Math.abs(signedSr);
    }

    /** Signed excess of the fan triangle (c, v_i, v_j): positive when counter-clockwise. */
    private double fanExcess(int i, int j) {
        double tx = y[i] * z[j] - z[i] * y[j];
        double ty = z[i] * x[j] - x[i] * z[j];
        double tz = x[i] * y[j] - y[i] * x[j];
        double triple = cx * tx + cy * ty + cz * tz;
        double denominator = 1 + (cx * x[i] + cy * y[i] + cz * z[i])
                + (x[i] * x[j] + y[i] * y[j] + z[i] * z[j])
                + (x[j] * cx + y[j] * cy + z[j] * cz);
        return 2 * Math.atan2(triple, denominator);
    }

    /** Whether the unit vector p lies in the smaller region (boundary points may go either way). */
    boolean contains(double px, double py, double pz) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            int j = (i + 1) % n;
            double ax = x[i];
            double ay = y[i];
            double az = z[i];
            double bx = x[j];
            double by = y[j];
            double bz = z[j];
            double tx = ay * bz - az * by;
            double ty = az * bx - ax * bz;
            double tz = ax * by - ay * bx;
            double pa = px * ax + py * ay + pz * az;
            double pb = px * bx + py * by + pz * bz;
            double ab = ax * bx + ay * by + az * bz;
            sum += Math.atan2(px * tx + py * ty + pz * tz, ab - pa * pb);
        }
        return orientation * sum > Math.PI;
    }

    /** Angular distance (rad) from the unit vector p to the edge from vertex i to vertex i+1. */
    double edgeDistanceRad(int i, double px, double py, double pz) {
        int j = (i + 1) % n;
        double nx = y[i] * z[j] - z[i] * y[j];
        double ny = z[i] * x[j] - x[i] * z[j];
        double nz = x[i] * y[j] - y[i] * x[j];
        double norm = Math.sqrt(nx * nx + ny * ny + nz * nz);
        nx /= norm;
        ny /= norm;
        nz /= norm;
        // (a x p) . n >= 0 and (p x b) . n >= 0: the foot of p on the great circle is on the arc.
        double apn = (y[i] * pz - z[i] * py) * nx + (z[i] * px - x[i] * pz) * ny + (x[i] * py - y[i] * px) * nz;
        double pbn = (py * z[j] - pz * y[j]) * nx + (pz * x[j] - px * z[j]) * ny + (px * y[j] - py * x[j]) * nz;
        if (apn >= 0 && pbn >= 0) {
            double s = Math.abs(px * nx + py * ny + pz * nz);
            return Math.atan2(s, Math.sqrt(Math.max(0, 1 - s * s)));
        }
        return Math.min(Vec3.angle(px, py, pz, x[i], y[i], z[i]), Vec3.angle(px, py, pz, x[j], y[j], z[j]));
    }

    /** Whether edge i of this polygon and edge k of {@code other} share a point. */
    boolean edgesCross(int i, SphericalPolygon other, int k) {
        int j = (i + 1) % n;
        int l = (k + 1) % other.n;
        double ax = y[i] * z[j] - z[i] * y[j];
        double ay = z[i] * x[j] - x[i] * z[j];
        double az = x[i] * y[j] - y[i] * x[j];
        double bx = other.y[k] * other.z[l] - other.z[k] * other.y[l];
        double by = other.z[k] * other.x[l] - other.x[k] * other.z[l];
        double bz = other.x[k] * other.y[l] - other.y[k] * other.x[l];
        double qx = ay * bz - az * by;
        double qy = az * bx - ax * bz;
        double qz = ax * by - ay * bx;
        for (int sign = 1; sign >= -1; sign -= 2) {
            double sx = sign * qx;
            double sy = sign * qy;
            double sz = sign * qz;
            if (onArc(x[i], y[i], z[i], x[j], y[j], z[j], ax, ay, az, sx, sy, sz)
                    && onArc(other.x[k], other.y[k], other.z[k], other.x[l], other.y[l], other.z[l],
                            bx, by, bz, sx, sy, sz)) {
                return true;
            }
        }
        return false;
    }

    private static boolean onArc(double ax, double ay, double az, double bx, double by, double bz,
                                 double nx, double ny, double nz, double qx, double qy, double qz) {
        double aqn = (ay * qz - az * qy) * nx + (az * qx - ax * qz) * ny + (ax * qy - ay * qx) * nz;
        double qbn = (qy * bz - qz * by) * nx + (qz * bx - qx * bz) * ny + (qx * by - qy * bx) * nz;
        return aqn >= 0 && qbn >= 0;
    }

    /** Centroid direction {x, y, z} (not normalised) of the smaller region: the integral of r dA. */
    double[] centroidVector() {
        double vx = 0;
        double vy = 0;
        double vz = 0;
        for (int i = 0; i < n; i++) {
            int j = (i + 1) % n;
            double excess = fanExcess(i, j);
            double size = Math.max(Vec3.angle(cx, cy, cz, x[i], y[i], z[i]),
                    Math.max(Vec3.angle(x[i], y[i], z[i], x[j], y[j], z[j]), Vec3.angle(cx, cy, cz, x[j], y[j], z[j])));
            if (size < SMALL_TRIANGLE_RAD) {
                double mx = cx + x[i] + x[j];
                double my = cy + y[i] + y[j];
                double mz = cz + z[i] + z[j];
                double norm = Math.sqrt(mx * mx + my * my + mz * mz);
                vx += excess * mx / norm;
                vy += excess * my / norm;
                vz += excess * mz / norm;
            } else {
                // Integral of r over a spherical triangle: half the sum over its sides of the side
                // length times the unit normal of the side's great circle.
                double[] t = new double[3];
                addSide(cx, cy, cz, x[i], y[i], z[i], t);
                addSide(x[i], y[i], z[i], x[j], y[j], z[j], t);
                addSide(x[j], y[j], z[j], cx, cy, cz, t);
                vx += t[0] / 2;
                vy += t[1] / 2;
                vz += t[2] / 2;
            }
        }
        return new double[] {orientation * vx, orientation * vy, orientation * vz};
    }

    private static void addSide(double ax, double ay, double az, double bx, double by, double bz, double[] t) {
        double nx = ay * bz - az * by;
        double ny = az * bx - ax * bz;
        double nz = ax * by - ay * bx;
        double norm = Math.sqrt(nx * nx + ny * ny + nz * nz);
        if (norm == 0) {
            return;
        }
        double angle = Math.atan2(norm, ax * bx + ay * by + az * bz);
        t[0] += angle * nx / norm;
        t[1] += angle * ny / norm;
        t[2] += angle * nz / norm;
    }
}
