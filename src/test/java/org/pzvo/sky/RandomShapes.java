// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.sky;

import java.util.Random;

/** Random circles and star-shaped (often concave) polygons, at poles and across RA = 0 too. */
final class RandomShapes {
    private final Random random;

    RandomShapes(long seed) {
        this.random = new Random(seed);
    }

    Random random() {
        return random;
    }

    double[] centre() {
        int kind = random.nextInt(6);
        double[] c = SkyTesting.randomPosition(random);
        if (kind == 0) {
            c[1] = (random.nextBoolean() ? 1 : -1) * (90 - random.nextDouble() * 1e-3);
        } else if (kind == 1) {
            c[0] = random.nextBoolean() ? random.nextDouble() * 1e-6 : 360 - random.nextDouble() * 1e-6;
        }
        return c;
    }

    /** A size in degrees, log-uniform between 1e-5 (0.036") and 60. */
    double sizeDeg() {
        return Math.pow(10, -5 + 6.78 * random.nextDouble());
    }

    double[] circle() {
        double[] c = centre();
        return new double[] {c[0], c[1], sizeDeg()};
    }

    double[] polygon() {
        double[] c = centre();
        double size = Math.min(sizeDeg(), 40);
        int n = 3 + random.nextInt(6);
        double[] out = new double[2 * n];
        double start = random.nextDouble() * 2 * Math.PI;
        boolean reversed = random.nextBoolean();
        for (int i = 0; i < n; i++) {
            double bearing = start + (reversed ? -1 : 1) * 2 * Math.PI * (i + 0.2 + 0.6 * random.nextDouble()) / n;
            double[] v = SkyTesting.offset(c[0], c[1], size * (0.3 + 0.7 * random.nextDouble()), bearing);
            out[2 * i] = v[0];
            out[2 * i + 1] = v[1];
        }
        return out;
    }

    /** A point near a shape: within 1.5 times its size of its first position. */
    double[] pointNear(double[] shape) {
        double size = shape.length == 3 ? shape[2] : Spherical.distanceDeg(shape[0], shape[1], shape[2], shape[3]) + 1e-6;
        if (shape.length > 3) {
            double[] c = Spherical.centroid(shape);
            double r = 0;
            for (int i = 0; i < shape.length; i += 2) {
                r = Math.max(r, Spherical.distanceDeg(c[0], c[1], shape[i], shape[i + 1]));
            }
            return SkyTesting.offset(c[0], c[1], 1.5 * r * random.nextDouble(), random.nextDouble() * 2 * Math.PI);
        }
        return SkyTesting.offset(shape[0], shape[1], 1.5 * size * random.nextDouble(), random.nextDouble() * 2 * Math.PI);
    }

    /** Distance in degrees from a point to a shape's boundary (for excluding near-boundary cases). */
    static double boundaryDistanceDeg(double raDeg, double decDeg, double[] shape) {
        if (shape.length == 3) {
            return Math.abs(Spherical.distanceDeg(raDeg, decDeg, shape[0], shape[1]) - shape[2]);
        }
        SphericalPolygon polygon = new SphericalPolygon(shape);
        double[] p = new double[3];
        Vec3.unit(raDeg, decDeg, p, 0);
        double min = Double.MAX_VALUE;
        for (int i = 0; i < polygon.n; i++) {
            min = Math.min(min, polygon.edgeDistanceRad(i, p[0], p[1], p[2]));
        }
        return min * Vec3.RAD_TO_DEG;
    }
}
