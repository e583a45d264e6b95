// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.ingest;

import java.util.SplittableRandom;

/**
 * Sky geometry of the demo: the seven Rubin DP1 field centres with the 2.5 deg radius that the
 * LIneA Combine Redshift Catalogs pipeline uses for {@code is_in_DP1_fields} (DOMAIN.md 1.5),
 * uniform sampling inside a field, Gaussian offsets, Galactic reddening, and the redshift
 * distribution and angular scale of galaxies.
 */
final class DemoSky {
    static final double FIELD_RADIUS_DEG = 2.5;
    static final String[] FIELD_NAMES = {"47 Tuc", "Rubin SV 38 7", "Fornax dSph", "ECDFS", "EDFS",
        "Rubin SV 95 -25", "Seagull"};
    static final double[] FIELD_RA_DEG = {6.02, 37.86, 40.00, 53.13, 59.10, 95.00, 106.23};
    static final double[] FIELD_DEC_DEG = {-72.08, 6.98, -34.45, -28.10, -48.73, -25.00, -10.51};
    /** Typical SFD E(B-V) of each field (inferred: Seagull lies in the Galactic plane). */
    private static final double[] FIELD_EBV = {0.035, 0.09, 0.02, 0.009, 0.011, 0.06, 0.45};

    /** LSST SRD Y10 source sample, Smail form with beta = 2 (DOMAIN.md 5.2, CCLX parameters). */
    private static final double SMAIL_Z0 = 0.11;
    private static final double SMAIL_ALPHA = 0.68;
    private static final double Z_MIN = 0.01;
    private static final double Z_MAX = 3.0;
    private static final double[] Z_CDF;
    private static final double Z_STEP = 0.001;
    /** Angular-diameter distance in Mpc on the same grid, flat LCDM with H0 = 70, Omega_m = 0.3. */
    private static final double[] DA_MPC;

    static {
        int n = (int) Math.round((Z_MAX - Z_MIN) / Z_STEP) + 1;
        Z_CDF = new double[n];
        DA_MPC = new double[n];
        double sum = 0;
        double comoving = integrateComoving(Z_MIN);
        for (int k = 0; k < n; k++) {
            double z = Z_MIN + k * Z_STEP;
            sum += z * z * Math.exp(-Math.pow(z / SMAIL_Z0, SMAIL_ALPHA));
            Z_CDF[k] = sum;
            if (k > 0) {
                comoving += Z_STEP * 0.5 * (invE(z - Z_STEP) + invE(z));
            }
            DA_MPC[k] = 299792.458 / 70.0 * comoving / (1 + z);
        }
        for (int k = 0; k < n; k++) {
            Z_CDF[k] /= sum;
        }
    }

    private DemoSky() {
    }

    private static double invE(double z) {
        return 1 / Math.sqrt(0.3 * Math.pow(1 + z, 3) + 0.7);
    }

    private static double integrateComoving(double z) {
        return z * 0.5 * (invE(0) + invE(z));
    }

    /** A true redshift drawn from the Smail n(z) by inverse CDF on a 0.001 grid over [0.01, 3]. */
    static double sampleRedshift(SplittableRandom rng) {
        double u = rng.nextDouble();
        int lo = 0;
        int hi = Z_CDF.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (Z_CDF[mid] < u) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return Z_MIN + lo * Z_STEP + (rng.nextDouble() - 0.5) * Z_STEP;
    }

    /** The angle in degrees subtended by {@code mpc} (proper) at redshift z. */
    static double angleDeg(double mpc, double z) {
        int k = (int) Math.round((Math.min(Math.max(z, Z_MIN), Z_MAX) - Z_MIN) / Z_STEP);
        return Math.toDegrees(mpc / DA_MPC[k]);
    }

    /** A position uniform on the sphere inside field f's cap, as {raDeg, decDeg}. */
    static double[] uniformInField(int f, SplittableRandom rng) {
        double cosMax = Math.cos(Math.toRadians(FIELD_RADIUS_DEG));
        double cosTheta = 1 - rng.nextDouble() * (1 - cosMax);
        double theta = Math.acos(cosTheta);
        double phi = 2 * Math.PI * rng.nextDouble();
        return destination(FIELD_RA_DEG[f], FIELD_DEC_DEG[f], Math.toDegrees(theta), Math.toDegrees(phi));
    }

    /** The point at angular distance {@code distDeg} and position angle {@code paDeg} from (ra, dec). */
    static double[] destination(double raDeg, double decDeg, double distDeg, double paDeg) {
        double ra = Math.toRadians(raDeg);
        double dec = Math.toRadians(decDeg);
        double d = Math.toRadians(distDeg);
        double pa = Math.toRadians(paDeg);
        double sinDec = Math.sin(dec) * Math.cos(d) + Math.cos(dec) * Math.sin(d) * Math.cos(pa);
        double dec2 = Math.asin(Math.max(-1, Math.min(1, sinDec)));
        double ra2 = ra + Math.atan2(Math.sin(pa) * Math.sin(d) * Math.cos(dec),
                Math.cos(d) - Math.sin(dec) * sinDec);
        double raDeg2 = Math.toDegrees(ra2) % 360;
        return new double[] {raDeg2 < 0 ? raDeg2 + 360 : raDeg2, Math.toDegrees(dec2)};
    }

    /** Offset by independent Gaussian deviates of sigma {@code sigmaDeg} along two axes. */
    static double[] gaussianOffset(double raDeg, double decDeg, double sigmaDeg, SplittableRandom rng) {
        double dx = Rng.gaussian(rng) * sigmaDeg;
        double dy = Rng.gaussian(rng) * sigmaDeg;
        return destination(raDeg, decDeg, Math.hypot(dx, dy), Math.toDegrees(Math.atan2(dx, dy)));
    }

    /** Great-circle distance in degrees (haversine, accurate at small separations). */
    static double distanceDeg(double ra1, double dec1, double ra2, double dec2) {
        double d1 = Math.toRadians(dec1);
        double d2 = Math.toRadians(dec2);
        double sDec = Math.sin((d2 - d1) / 2);
        double sRa = Math.sin(Math.toRadians(ra2 - ra1) / 2);
        double h = sDec * sDec + Math.cos(d1) * Math.cos(d2) * sRa * sRa;
        return Math.toDegrees(2 * Math.asin(Math.min(1, Math.sqrt(h))));
    }

    /** The field whose cap contains the position, or -1. */
    static int fieldOf(double raDeg, double decDeg) {
        for (int f = 0; f < FIELD_RA_DEG.length; f++) {
            if (distanceDeg(raDeg, decDeg, FIELD_RA_DEG[f], FIELD_DEC_DEG[f]) <= FIELD_RADIUS_DEG) {
                return f;
            }
        }
        return -1;
    }

    /** The field whose centre is nearest. */
    static int nearestField(double raDeg, double decDeg) {
        int best = 0;
        double bestDist = Double.MAX_VALUE;
        for (int f = 0; f < FIELD_RA_DEG.length; f++) {
            double d = distanceDeg(raDeg, decDeg, FIELD_RA_DEG[f], FIELD_DEC_DEG[f]);
            if (d < bestDist) {
                bestDist = d;
                best = f;
            }
        }
        return best;
    }

    /** An RA difference folded into [-180, 180) deg. */
    static double wrap180(double dRaDeg) {
        double d = (dRaDeg + 180) % 360;
        return (d < 0 ? d + 360 : d) - 180;
    }

    /** E(B-V) in mag: the field's typical value with a smooth gradient of up to +/-30% across it. */
    static double ebv(double raDeg, double decDeg) {
        int f = nearestField(raDeg, decDeg);
        double dRa = wrap180(raDeg - FIELD_RA_DEG[f]) * Math.cos(Math.toRadians(decDeg));
        double dDec = decDeg - FIELD_DEC_DEG[f];
        return FIELD_EBV[f] * (1 + 0.3 * Math.sin(dRa / 1.3 + 0.5 * f) * Math.cos(dDec / 1.7));
    }
}
