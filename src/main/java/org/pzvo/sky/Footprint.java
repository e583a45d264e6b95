// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.sky;

import cds.healpix.CompassPoint;
import cds.healpix.Healpix;
import cds.healpix.HealpixNestedFast;
import java.util.Arrays;

/**
 * The footprint of a space MOC as ObsCore needs it (ObsCore 1.1 §4.9–4.11): a centre, a
 * diameter and a DALI 1.1 polygon (§3.3.7) bounding the MOC.
 *
 * <p>The polygon is the spherical convex hull of the vertices of the MOC's cells taken at order
 * {@value #HULL_ORDER} at most (coarser cells contain the finer ones): the vertices are projected
 * gnomonically on the plane tangent at their mean direction, where great circles are straight
 * lines, so the planar hull is the spherical one. Beware: HEALPix cell edges are not great
 * circles, so the polygon may cut a cell edge by a small fraction of a cell (arcseconds at
 * order 9). When the cells do not fit within 80 deg of their mean direction (a hull would not
 * be a small polygon), there is no polygon and the diameter is that of the enclosing cap.
 *
 * @param raDeg      centre right ascension (ICRS), [0, 360)
 * @param decDeg     centre declination
 * @param fovDeg     diameter of the smallest cap around the centre containing every vertex
 * @param polygonDeg {ra1, dec1, ra2, dec2, ...} counter-clockwise seen from outside the sphere
 *                   (as {@link Spherical#boxPolygon}), or null
 */
public record Footprint(double raDeg, double decDeg, double fovDeg, double[] polygonDeg) {
    /** Finest order whose cell vertices are used. */
    public static final int HULL_ORDER = 9;
    private static final double MAX_HULL_RADIUS_DEG = 80;

    public Footprint {
        polygonDeg = polygonDeg == null ? null : polygonDeg.clone();
    }

    @Override
    public double[] polygonDeg() {
        return polygonDeg == null ? null : polygonDeg.clone();
    }

    /**
     * The footprint of a MOC given as sorted half-open order-29 ranges, flattened
     * {@code [lo0, hi0, lo1, hi1, ...]}, with finest order {@code mocOrder}.
     *
     * @throws IllegalArgumentException if the MOC is empty
     */
    public static Footprint ofRanges(long[] ranges29, int mocOrder) {
        if (ranges29.length == 0) {
            throw new IllegalArgumentException("Expected a non-empty MOC, actual no cell");
        }
        int depth = Math.min(mocOrder, HULL_ORDER);
        int shift = 2 * (SkyIndex.MAX_ORDER - depth);
        HealpixNestedFast fast = Healpix.getNestedFast(depth);
        double[] lonLat = new double[2];
        double[] points = new double[64];
        int n = 0;
        long previous = -1;
        for (int i = 0; i < ranges29.length; i += 2) {
            for (long cell = Math.max(ranges29[i] >>> shift, previous + 1); cell <= (ranges29[i + 1] - 1) >>> shift;
                 cell++) {
                for (CompassPoint.Cardinal direction : CompassPoint.Cardinal.values()) {
                    fast.vertex(cell, direction, lonLat);
                    if (n + 3 > points.length) {
                        points = Arrays.copyOf(points, points.length * 2);
                    }
                    double cosLat = Math.cos(lonLat[1]);
                    points[n++] = cosLat * Math.cos(lonLat[0]);
                    points[n++] = cosLat * Math.sin(lonLat[0]);
                    points[n++] = Math.sin(lonLat[1]);
                }
                previous = cell;
            }
        }
        return ofUnitVectors(points, n / 3);
    }

    private static Footprint ofUnitVectors(double[] p, int count) {
        double cx = 0;
        double cy = 0;
        double cz = 0;
        for (int k = 0; k < count; k++) {
            cx += p[3 * k];
            cy += p[3 * k + 1];
            cz += p[3 * k + 2];
        }
        double norm = Math.sqrt(cx * cx + cy * cy + cz * cz);
        if (norm < 1e-9 * count) {
            // Evenly spread over the sphere (all-sky): no meaningful centre.
            return new Footprint(0, 90, 360, null);
        }
        cx /= norm;
        cy /= norm;
        cz /= norm;
        double maxRad = 0;
        for (int k = 0; k < count; k++) {
            maxRad = Math.max(maxRad, Vec3.angle(cx, cy, cz, p[3 * k], p[3 * k + 1], p[3 * k + 2]));
        }
        double[] centre = Vec3.toRaDec(cx, cy, cz);
        double fovDeg = Math.min(360, 2 * maxRad * Vec3.RAD_TO_DEG);
        if (maxRad * Vec3.RAD_TO_DEG > MAX_HULL_RADIUS_DEG) {
            return new Footprint(centre[0], centre[1], fovDeg, null);
        }
        // Tangent-plane basis: e towards increasing RA, n towards the north pole.
        double[] e = east(cx, cy, cz);
        double nx = cy * e[2] - cz * e[1];
        double ny = cz * e[0] - cx * e[2];
        double nz = cx * e[1] - cy * e[0];
        double[][] xy = new double[count][];
        for (int k = 0; k < count; k++) {
            double x = p[3 * k];
            double y = p[3 * k + 1];
            double z = p[3 * k + 2];
            double d = x * cx + y * cy + z * cz;
            xy[k] = new double[] {(x * e[0] + y * e[1] + z * e[2]) / d, (x * nx + y * ny + z * nz) / d};
        }
        double[][] hull = hull(xy);
        double[] polygon = new double[2 * hull.length];
        for (int k = 0; k < hull.length; k++) {
            double x = hull[k][0];
            double y = hull[k][1];
            double[] radec = Vec3.toRaDec(cx + x * e[0] + y * nx, cy + x * e[1] + y * ny, cz + x * e[2] + y * nz);
            polygon[2 * k] = radec[0];
            polygon[2 * k + 1] = radec[1];
        }
        return new Footprint(centre[0], centre[1], fovDeg, polygon);
    }

    private static double[] east(double cx, double cy, double cz) {
        double h = Math.sqrt(cx * cx + cy * cy);
        if (h < 1e-12) {
            // At a pole any direction is east; take the one of RA 90 deg.
            return new double[] {0, 1, 0};
        }
        return new double[] {-cy / h, cx / h, 0};
    }

    /** Andrew's monotone chain: the convex hull, counter-clockwise, without collinear points. */
    private static double[][] hull(double[][] points) {
        double[][] pts = points.clone();
        Arrays.sort(pts, (a, b) -> a[0] != b[0] ? Double.compare(a[0], b[0]) : Double.compare(a[1], b[1]));
        double[][] out = new double[2 * pts.length][];
        int k = 0;
        for (double[] pt : pts) {
            while (k >= 2 && cross(out[k - 2], out[k - 1], pt) <= 0) {
                k--;
            }
            out[k++] = pt;
        }
        for (int i = pts.length - 2, lower = k + 1; i >= 0; i--) {
            while (k >= lower && cross(out[k - 2], out[k - 1], pts[i]) <= 0) {
                k--;
            }
            out[k++] = pts[i];
        }
        return Arrays.copyOf(out, Math.max(1, k - 1));
    }

    private static double cross(double[] o, double[] a, double[] b) {
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Footprint f && f.raDeg == raDeg && f.decDeg == decDeg && f.fovDeg == fovDeg
                && Arrays.equals(f.polygonDeg, polygonDeg);
    }

    @Override
    public int hashCode() {
        return Double.hashCode(raDeg) * 31 + Arrays.hashCode(polygonDeg);
    }

    @Override
    public String toString() {
        return "Footprint[" + raDeg + ", " + decDeg + ", fov " + fovDeg + ", " + Arrays.toString(polygonDeg) + "]";
    }
}
