// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.datalink;

/** The sky projections and small spherical helpers of the previews (angles as named). */
final class Projection {
    private Projection() {
    }

    /**
     * Mollweide forward projection (Snyder 1987, "Map Projections: A Working Manual", eq. 31-4 to
     * 31-6, unit sphere): {x, y} with x in [-2√2, 2√2] positive towards {@code lonRad} > 0.
     */
    static double[] mollweide(double latRad, double lonRad) {
        double theta = latRad;
        double target = Math.PI * Math.sin(latRad);
        if (Math.abs(latRad) < Math.PI / 2 - 1e-9) {
            for (int i = 0; i < 50; i++) {
                double f = 2 * theta + Math.sin(2 * theta) - target;
                double step = f / (2 + 2 * Math.cos(2 * theta));
                theta -= step;
                if (Math.abs(step) < 1e-12) {
                    break;
                }
            }
        }
        return new double[] {2 * Math.sqrt(2) / Math.PI * lonRad * Math.cos(theta), Math.sqrt(2) * Math.sin(theta)};
    }

    /**
     * Inverse gnomonic projection (Snyder 1987 eq. 22-14 to 22-16) about (ra0Rad, dec0Rad) of the
     * standard coordinates {@code xi} (towards increasing RA) and {@code eta} (north): {raDeg, decDeg}.
     */
    static double[] inverseGnomonic(double xi, double eta, double ra0Rad, double dec0Rad) {
        double rho = Math.hypot(xi, eta);
        if (rho == 0) {
            return new double[] {wrapDeg(Math.toDegrees(ra0Rad)), Math.toDegrees(dec0Rad)};
        }
        double c = Math.atan(rho);
        double sinC = Math.sin(c);
        double cosC = Math.cos(c);
        double dec = Math.asin(Math.max(-1, Math.min(1, cosC * Math.sin(dec0Rad) + eta * sinC * Math.cos(dec0Rad) / rho)));
        double ra = ra0Rad + Math.atan2(xi * sinC, rho * Math.cos(dec0Rad) * cosC - eta * Math.sin(dec0Rad) * sinC);
        return new double[] {wrapDeg(Math.toDegrees(ra)), Math.toDegrees(dec)};
    }

    static double[] unit(double raDeg, double decDeg) {
        double ra = Math.toRadians(raDeg);
        double dec = Math.toRadians(decDeg);
        return new double[] {Math.cos(dec) * Math.cos(ra), Math.cos(dec) * Math.sin(ra), Math.sin(dec)};
    }

    static double distanceDeg(double ra1Deg, double dec1Deg, double ra2Deg, double dec2Deg) {
        return org.pzvo.sky.Spherical.distanceDeg(ra1Deg, dec1Deg, ra2Deg, dec2Deg);
    }

    static double wrapDeg(double raDeg) {
        double r = raDeg % 360;
        return r < 0 ? r + 360 : r;
    }
}
