// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.ingest;

import cds.healpix.FlatHashIterator;
import cds.healpix.Healpix;
import cds.healpix.HealpixNestedBMOC;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.pzvo.sky.SkyIndex;

/**
 * The demo's HEALPix maps at order {@value #ORDER} (NESTED) over the seven fields: covered
 * fraction, bit mask, 5-sigma depth per band and visibility per tomographic bin (DOMAIN.md 5.2
 * "Maps"). The depth of a pixel is
 * also the m5 used for the photometric errors of the objects in it, so depth cuts select
 * measurably different photometry.
 *
 * <p>Bits of the mask: {@value #BIT_BRIGHT_STAR} bright-star halo, {@value #BIT_EDGE} field edge
 * (covered fraction below 1), {@value #BIT_BAD_COLUMN} bad detector column, {@value
 * #BIT_SATELLITE} satellite trail ({@link #BIT_DEFINITIONS}).
 */
final class DemoMaps {
    static final int ORDER = 10;
    static final double PIXEL_AREA_DEG2 = 4 * Math.PI * Math.pow(180 / Math.PI, 2) / (12L << (2 * ORDER));
    static final int BIT_BRIGHT_STAR = 0;
    static final int BIT_EDGE = 1;
    static final int BIT_BAD_COLUMN = 2;
    static final int BIT_SATELLITE = 3;
    static final String BIT_DEFINITIONS = "{\"0\": \"bright-star halo: within the scattered-light radius of a star"
            + " brighter than V = 9\", \"1\": \"field edge: the pixel is only partly covered\", \"2\": \"bad column:"
            + " a defective detector column crosses the pixel\", \"3\": \"satellite trail: a masked satellite streak"
            + " crosses the pixel\"}";
    private static final int SUB_ORDER = ORDER + 3;
    private static final int STARS_PER_FIELD = 25;

    final long[] pixels;
    final float[] fracdet;
    final int[] mask;
    /** m5 by band then pixel. */
    final float[][] depth;

    private DemoMaps(long[] pixels, float[] fracdet, int[] mask, float[][] depth) {
        this.pixels = pixels;
        this.fracdet = fracdet;
        this.mask = mask;
        this.depth = depth;
    }

    /** Builds the maps of a seed. */
    static DemoMaps build(long seed) {
        long[] candidates = candidatePixels();
        int n = 0;
        long[] pixels = new long[candidates.length];
        float[] frac = new float[candidates.length];
        for (long pix : candidates) {
            double f = coveredFraction(pix);
            if (f > 0) {
                pixels[n] = pix;
                frac[n++] = (float) f;
            }
        }
        pixels = Arrays.copyOf(pixels, n);
        frac = Arrays.copyOf(frac, n);
        Defects defects = Defects.of(seed);
        int[] mask = new int[n];
        float[][] depth = new float[6][n];
        double[][] fieldOffset = new double[DemoSky.FIELD_RA_DEG.length][6];
        for (int f = 0; f < fieldOffset.length; f++) {
            SplittableRandom rng = Rng.of(seed, Rng.FIELD, 100 + f);
            for (int b = 0; b < 6; b++) {
                fieldOffset[f][b] = 0.12 * Rng.gaussian(rng);
            }
        }
        for (int k = 0; k < n; k++) {
            double[] c = SkyIndex.center(ORDER, pixels[k]);
            int f = DemoSky.nearestField(c[0], c[1]);
            mask[k] = defects.bits(f, c[0], c[1]) | (frac[k] < 1 ? 1 << BIT_EDGE : 0);
            double dx = DemoSky.wrap180(c[0] - DemoSky.FIELD_RA_DEG[f]) * Math.cos(Math.toRadians(c[1]));
            double dy = c[1] - DemoSky.FIELD_DEC_DEG[f];
            SplittableRandom noise = Rng.of(seed, Rng.DEPTH_PIXEL, pixels[k]);
            for (int b = 0; b < 6; b++) {
                double m5 = Photometry.M5_MEDIAN[b] + fieldOffset[f][b]
                        + 0.12 * Math.sin(dx / 0.9 + b) * Math.cos(dy / 1.1 - 0.5 * b)
                        + 0.02 * Rng.gaussian(noise) - 0.4 * (1 - frac[k]);
                depth[b][k] = (float) m5;
            }
        }
        return new DemoMaps(pixels, frac, mask, depth);
    }

    /** The order-10 pixels overlapping any field, sorted and unique (CDS HEALPix cone cover). */
    private static long[] candidatePixels() {
        long[] all = new long[0];
        for (int f = 0; f < DemoSky.FIELD_RA_DEG.length; f++) {
            HealpixNestedBMOC bmoc = Healpix.getNested(ORDER)
                    .newConeComputerApprox(Math.toRadians(DemoSky.FIELD_RADIUS_DEG))
                    .overlappingCells(Math.toRadians(DemoSky.FIELD_RA_DEG[f]), Math.toRadians(DemoSky.FIELD_DEC_DEG[f]));
            long[] cells = new long[(int) bmoc.computeDeepSize()];
            FlatHashIterator it = bmoc.flatHashIterator();
            int i = 0;
            while (it.hasNext()) {
                cells[i++] = it.next();
            }
            long[] merged = Arrays.copyOf(all, all.length + i);
            System.arraycopy(cells, 0, merged, all.length, i);
            all = merged;
        }
        return Arrays.stream(all).sorted().distinct().toArray();
    }

    /** Fraction of the pixel inside a field: 1 well inside, else the share of its 64 order-13 sub-pixel centres. */
    private static double coveredFraction(long pixel) {
        double[] c = SkyIndex.center(ORDER, pixel);
        int f = DemoSky.nearestField(c[0], c[1]);
        double d = DemoSky.distanceDeg(c[0], c[1], DemoSky.FIELD_RA_DEG[f], DemoSky.FIELD_DEC_DEG[f]);
        if (d < DemoSky.FIELD_RADIUS_DEG - 0.1) {
            return 1;
        }
        int subCells = 1 << (2 * (SUB_ORDER - ORDER));
        int inside = 0;
        for (int s = 0; s < subCells; s++) {
            double[] sc = SkyIndex.center(SUB_ORDER, pixel * subCells + s);
            if (DemoSky.fieldOf(sc[0], sc[1]) >= 0) {
                inside++;
            }
        }
        return inside / (double) subCells;
    }

    /** Index of a pixel in {@link #pixels}, or -1. */
    int indexOf(long pixel) {
        int k = Arrays.binarySearch(pixels, pixel);
        return k >= 0 ? k : -1;
    }

    /** m5 of a band at an order-29 index (edge value when the pixel is not in the map). */
    double m5(int band, long hpx29) {
        int k = indexOf(hpx29 >>> (2 * (SkyIndex.MAX_ORDER - ORDER)));
        return k >= 0 ? depth[band][k] : Photometry.M5_MEDIAN[band] - 0.4;
    }

    /** Coverage value of pixel k: the covered fraction, or 0 where a bit other than the edge is set. */
    float coverage(int k) {
        return (mask[k] & ~(1 << BIT_EDGE)) == 0 ? fracdet[k] : 0f;
    }

    /**
     * Visibility of galaxies of tomographic bin {@code bin} (1 to 5, the pz.nz bins {@link
     * DemoTables#TOMO_EDGES}) in pixel k: the probability that such a galaxy, in the usable part of
     * the pixel, is brighter than the pixel's i-band 5-sigma depth, times the usable fraction:
     * {@code coverage(k) * Phi((m5_i(k) - m_typ(z_mid)) / 0.8)}, with m_typ the centre of the
     * generator's galaxy magnitudes at the bin's middle redshift and 0.8 mag their scatter
     * (DOMAIN.md 5.2: p_obs = Phi((m5 - m_typical(z)) / sigma)). Zero where a masking bit is set.
     */
    float visibility(int bin, int k) {
        double zMid = 0.5 * (DemoTables.TOMO_EDGES[bin - 1] + DemoTables.TOMO_EDGES[bin]);
        double t = (depth[Photometry.I_BAND][k] - ObjectModel.typicalGalaxyIMag(zMid)) / ObjectModel.I_SCATTER;
        return (float) (coverage(k) * normalCdf(t));
    }

    /** Standard normal CDF through erf (Abramowitz and Stegun 7.1.26, absolute error below 1.5e-7). */
    static double normalCdf(double t) {
        double x = Math.abs(t) / Math.sqrt(2);
        double u = 1 / (1 + 0.3275911 * x);
        double poly = u * (0.254829592 + u * (-0.284496736 + u * (1.421413741 + u * (-1.453152027
                + u * 1.061405429))));
        double erf = 1 - poly * StrictMath.exp(-x * x);
        return t >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
    }

    /** Sum over pixels of covered fraction times pixel area, in deg^2. */
    double footprintAreaDeg2() {
        double sum = 0;
        for (float f : fracdet) {
            sum += f;
        }
        return sum * PIXEL_AREA_DEG2;
    }

    /** The pixels as an ASCII MOC 2.0 (IVOA MOC 2.0 §4.3.2), complete sibling quartets merged upwards. */
    String mocAscii() {
        return Moc.ascii(pixels, ORDER);
    }

    /** Deterministic masked features of each field: bright stars, a bad column and a satellite trail. */
    private record Defects(double[][] starRa, double[][] starDec, double[][] starRadius, double[] columnOffset,
                           double[][] trailPole) {
        static Defects of(long seed) {
            int nf = DemoSky.FIELD_RA_DEG.length;
            double[][] ra = new double[nf][STARS_PER_FIELD];
            double[][] dec = new double[nf][STARS_PER_FIELD];
            double[][] radius = new double[nf][STARS_PER_FIELD];
            double[] column = new double[nf];
            double[][] pole = new double[nf][];
            for (int f = 0; f < nf; f++) {
                SplittableRandom rng = Rng.of(seed, Rng.FIELD, f);
                for (int s = 0; s < STARS_PER_FIELD; s++) {
                    double[] p = DemoSky.uniformInField(f, rng);
                    ra[f][s] = p[0];
                    dec[f][s] = p[1];
                    double vMag = 4 + 5 * rng.nextDouble();
                    radius[f][s] = 0.25 * Math.pow(10, (4 - vMag) / 5);
                }
                column[f] = -2 + 4 * rng.nextDouble();
                double[] a = DemoSky.destination(DemoSky.FIELD_RA_DEG[f], DemoSky.FIELD_DEC_DEG[f], 0.5,
                        360 * rng.nextDouble());
                double[] b = DemoSky.destination(a[0], a[1], 1.0, 360 * rng.nextDouble());
                pole[f] = normalise(cross(unit(a[0], a[1]), unit(b[0], b[1])));
            }
            return new Defects(ra, dec, radius, column, pole);
        }

        int bits(int f, double raDeg, double decDeg) {
            int bits = 0;
            for (int s = 0; s < STARS_PER_FIELD; s++) {
                if (DemoSky.distanceDeg(raDeg, decDeg, starRa[f][s], starDec[f][s]) < starRadius[f][s]) {
                    bits |= 1 << BIT_BRIGHT_STAR;
                    break;
                }
            }
            double x = DemoSky.wrap180(raDeg - DemoSky.FIELD_RA_DEG[f]) * Math.cos(Math.toRadians(decDeg));
            if (Math.abs(x - columnOffset[f]) < 0.03) {
                bits |= 1 << BIT_BAD_COLUMN;
            }
            double[] p = unit(raDeg, decDeg);
            double sinDist = p[0] * trailPole[f][0] + p[1] * trailPole[f][1] + p[2] * trailPole[f][2];
            if (Math.abs(Math.toDegrees(Math.asin(sinDist))) < 0.02) {
                bits |= 1 << BIT_SATELLITE;
            }
            return bits;
        }

        private static double[] unit(double raDeg, double decDeg) {
            double ra = Math.toRadians(raDeg);
            double dec = Math.toRadians(decDeg);
            return new double[] {Math.cos(dec) * Math.cos(ra), Math.cos(dec) * Math.sin(ra), Math.sin(dec)};
        }

        private static double[] cross(double[] a, double[] b) {
            return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
        }

        private static double[] normalise(double[] v) {
            double n = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
            return new double[] {v[0] / n, v[1] / n, v[2] / n};
        }
    }
}
