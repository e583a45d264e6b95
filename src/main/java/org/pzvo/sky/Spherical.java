// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.sky;

/**
 * Exact spherical geometry on ICRS positions in degrees, for the ADQL geometric functions
 * (ADQL 2.1 §4.2) and the SQL functions of {@link SqlFunctions}.
 *
 * <p>A "shape" is a double array in DALI 1.1 §3.3 order: a point {@code [ra, dec]} (length 2),
 * a circle {@code [ra, dec, radius]} (length 3) or a polygon {@code [ra1, dec1, ..., raN, decN]}
 * (even length &gt;= 6). Polygon edges are great-circle arcs; a polygon stands for the smaller
 * of the two regions its boundary separates, so clockwise and counter-clockwise vertex orders
 * mean the same region. Boundary points may be reported inside or outside (floating point).
 *
 * <p>The PostgreSQL functions in {@code postgresql-functions.sql} perform the same operations
 * in the same order. Stateless and thread-safe. Invalid input raises
 * {@link IllegalArgumentException} with an "Expected ..., actual ..." message.
 */
public final class Spherical {
    private static final double SR_TO_SQ_DEG = Vec3.RAD_TO_DEG * Vec3.RAD_TO_DEG;

    private Spherical() {
    }

    /**
     * Great-circle distance in degrees (Vincenty's atan2 form of the haversine: accurate for
     * coincident, tiny and antipodal separations alike).
     */
    public static double distanceDeg(double ra1Deg, double dec1Deg, double ra2Deg, double dec2Deg) {
        double dec1 = dec1Deg * Vec3.DEG_TO_RAD;
        double dec2 = dec2Deg * Vec3.DEG_TO_RAD;
        double dRa = (ra2Deg - ra1Deg) * Vec3.DEG_TO_RAD;
        double sin1 = Math.sin(dec1);
        double cos1 = Math.cos(dec1);
        double sin2 = Math.sin(dec2);
        double cos2 = Math.cos(dec2);
        double cosDra = Math.cos(dRa);
        double a = cos2 * Math.sin(dRa);
        double b = cos1 * sin2 - sin1 * cos2 * cosDra;
        return Math.atan2(Math.sqrt(a * a + b * b), sin1 * sin2 + cos1 * cos2 * cosDra) * Vec3.RAD_TO_DEG;
    }

    /** Whether the point lies inside (or on) a circle or polygon shape; a point shape must be equal. */
    public static boolean contains(double raDeg, double decDeg, double[] shape) {
        checkPosition(raDeg, decDeg);
        switch (kind(shape)) {
            case 2:
                return distanceDeg(raDeg, decDeg, shape[0], shape[1]) == 0;
            case 3:
                return distanceDeg(raDeg, decDeg, shape[0], shape[1]) <= shape[2];
            default:
                double[] p = new double[3];
                Vec3.unit(raDeg, decDeg, p, 0);
                return new SphericalPolygon(shape).contains(p[0], p[1], p[2]);
        }
    }

    /** Whether two shapes (points, circles, polygons, in any combination) share at least one point. */
    public static boolean intersects(double[] shape1, double[] shape2) {
        int kind1 = kind(shape1);
        int kind2 = kind(shape2);
        if (kind1 > kind2) {
            return intersects(shape2, shape1);
        }
        if (kind1 == 2) {
            return contains(shape1[0], shape1[1], shape2);
        }
        if (kind1 == 3 && kind2 == 3) {
            return distanceDeg(shape1[0], shape1[1], shape2[0], shape2[1]) <= shape1[2] + shape2[2];
        }
        if (kind1 == 3) {
            return circleIntersectsPolygon(shape1, new SphericalPolygon(shape2));
        }
        return polygonsIntersect(new SphericalPolygon(shape1), new SphericalPolygon(shape2));
    }

    private static boolean circleIntersectsPolygon(double[] circle, SphericalPolygon polygon) {
        double[] c = new double[3];
        Vec3.unit(circle[0], circle[1], c, 0);
        if (polygon.contains(c[0], c[1], c[2])) {
            return true;
        }
        double radiusRad = circle[2] * Vec3.DEG_TO_RAD;
        for (int i = 0; i < polygon.n; i++) {
            if (polygon.edgeDistanceRad(i, c[0], c[1], c[2]) <= radiusRad) {
                return true;
            }
        }
        return false;
    }

    private static boolean polygonsIntersect(SphericalPolygon a, SphericalPolygon b) {
        if (a.contains(b.x[0], b.y[0], b.z[0]) || b.contains(a.x[0], a.y[0], a.z[0])) {
            return true;
        }
        for (int i = 0; i < a.n; i++) {
            for (int k = 0; k < b.n; k++) {
                if (a.edgesCross(i, b, k)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Area in square degrees: 0 for a point, the cap for a circle, the smaller region for a polygon. */
    public static double areaSqDeg(double[] shape) {
        switch (kind(shape)) {
            case 2:
                return 0;
            case 3:
                // 2 pi (1 - cos r) written as 4 pi sin^2(r/2): no cancellation for tiny radii.
                double s = Math.sin(Math.min(shape[2], 180) * Vec3.DEG_TO_RAD / 2);
                return 4 * Math.PI * s * s * SR_TO_SQ_DEG;
            default:
                return new SphericalPolygon(shape).areaSr * SR_TO_SQ_DEG;
        }
    }

    /**
     * Centroid {raDeg in [0, 360), decDeg}: the point itself, the circle's centre, or the
     * direction of the integral of the position vector over the polygon's region.
     */
    public static double[] centroid(double[] shape) {
        if (kind(shape) <= 3) {
            return new double[] {shape[0], shape[1]};
        }
        double[] v = new SphericalPolygon(shape).centroidVector();
        return Vec3.toRaDec(v[0], v[1], v[2]);
    }

    /**
     * The polygon of an ADQL BOX (ADQL 2.1 §4.2.4, STC 1.33 Box): a cross centred on the position
     * with arms along the local coordinate axes of half the width (along RA) and half the height
     * (along Dec); each side is the great circle through an arm's end perpendicular to that arm.
     * Vertices are returned counter-clockwise (seen from outside): NE, NW, SW, SE.
     */
    public static double[] boxPolygon(double raDeg, double decDeg, double widthDeg, double heightDeg) {
        checkPosition(raDeg, decDeg);
        if (!(widthDeg > 0 && widthDeg < 180) || !(heightDeg > 0 && heightDeg < 180)) {
            throw new IllegalArgumentException("Expected a box width and height in (0, 180) deg, actual "
                    + widthDeg + " x " + heightDeg);
        }
        double ra = raDeg * Vec3.DEG_TO_RAD;
        double dec = decDeg * Vec3.DEG_TO_RAD;
        double[] c = new double[3];
        Vec3.unit(raDeg, decDeg, c, 0);
        double ex = -Math.sin(ra);
        double ey = Math.cos(ra);
        double nx = -Math.sin(dec) * Math.cos(ra);
        double ny = -Math.sin(dec) * Math.sin(ra);
        double nz = Math.cos(dec);
        double cw = Math.cos(widthDeg * Vec3.DEG_TO_RAD / 2);
        double sw = Math.sin(widthDeg * Vec3.DEG_TO_RAD / 2);
        double ch = Math.cos(heightDeg * Vec3.DEG_TO_RAD / 2);
        double sh = Math.sin(heightDeg * Vec3.DEG_TO_RAD / 2);
        double[] result = new double[8];
        int[][] signs = {{1, 1}, {-1, 1}, {-1, -1}, {1, -1}};
        for (int k = 0; k < 4; k++) {
            double se = signs[k][0];
            double sn = signs[k][1];
            // Side along RA: great circle through the Dec-arm end (c ch + sn n sh) and the pole e.
            double tx = c[0] * ch + sn * nx * sh;
            double ty = c[1] * ch + sn * ny * sh;
            double tz = c[2] * ch + sn * nz * sh;
            double px = ty * 0 - tz * ey;
            double py = tz * ex - tx * 0;
            double pz = tx * ey - ty * ex;
            // Side along Dec: great circle through the RA-arm end (c cw + se e sw) and the pole n.
            double ux = c[0] * cw + se * ex * sw;
            double uy = c[1] * cw + se * ey * sw;
            double uz = c[2] * cw;
            double qx = uy * nz - uz * ny;
            double qy = uz * nx - ux * nz;
            double qz = ux * ny - uy * nx;
            double vx = py * qz - pz * qy;
            double vy = pz * qx - px * qz;
            double vz = px * qy - py * qx;
            if (vx * c[0] + vy * c[1] + vz * c[2] < 0) {
                vx = -vx;
                vy = -vy;
                vz = -vz;
            }
            double[] raDec = Vec3.toRaDec(vx, vy, vz);
            result[2 * k] = raDec[0];
            result[2 * k + 1] = raDec[1];
        }
        return result;
    }

    /** Validates a shape and returns its length class: 2 point, 3 circle, 4 polygon. */
    static int kind(double[] shape) {
        if (shape == null) {
            throw new IllegalArgumentException("Expected a shape array, actual null");
        }
        int length = shape.length;
        if (length == 2 || length == 3) {
            checkPosition(shape[0], shape[1]);
            if (length == 3 && !(shape[2] >= 0 && shape[2] <= 180)) {
                throw new IllegalArgumentException("Expected a circle radius in [0, 180] deg, actual " + shape[2]);
            }
            return length;
        }
        if (length >= 6 && length % 2 == 0) {
            return 4;
        }
        throw new IllegalArgumentException("Expected a shape of 2 (point), 3 (circle) or an even number >= 6"
                + " (polygon) of coordinates, actual " + length);
    }

    /** Validates a position in degrees. */
    static void checkPosition(double raDeg, double decDeg) {
        if (!Double.isFinite(raDeg)) {
            throw new IllegalArgumentException("Expected a finite right ascension in deg, actual " + raDeg);
        }
        if (!(decDeg >= -90 && decDeg <= 90)) {
            throw new IllegalArgumentException("Expected a declination in [-90, 90] deg, actual " + decDeg);
        }
    }
}
