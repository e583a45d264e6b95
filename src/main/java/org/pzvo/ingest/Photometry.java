// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.ingest;

import java.util.SplittableRandom;

/**
 * Simulated ugrizy photometry: intrinsic colours from a simple template model, Galactic
 * extinction, and the LSST photometric error model (Ivezic et al. 2019, as in DOMAIN.md 5.2).
 *
 * <p>Galaxy colours come from a rest-frame template in magnitudes, C(lambda) = -2.5 beta
 * log10(lambda/4000 A) + D s((4000 A - lambda)/150 A) + Lyman-alpha and Lyman-limit drops, with s
 * a logistic step, so the 4000 A break walks from g-r to r-i to i-z with redshift. Stars follow a
 * one-parameter stellar locus. Fluxes are in nJy with AB mag = 31.4 - 2.5 log10(f/nJy).
 */
final class Photometry {
    static final String[] BANDS = {"u", "g", "r", "i", "z", "y"};
    static final int I_BAND = 3;
    /** Effective wavelengths of the LSST filters in Angstrom. */
    private static final double[] LAMBDA_A = {3670, 4830, 6220, 7550, 8690, 9710};
    /** A_band / E(B-V) (DOMAIN.md 1.5, the RAIL lsst_def_a_env values). */
    static final double[] A_EBV = {4.81, 3.64, 2.70, 2.06, 1.58, 1.31};
    /** Median 5-sigma point-source depth of the simulated DP1-like coadds (10-year values minus ~1.6 mag). */
    static final double[] M5_MEDIAN = {24.5, 25.8, 25.9, 25.2, 24.5, 23.4};
    /** Gamma of the random-error model: 0.038 for u, 0.039 for grizy. */
    private static final double[] GAMMA = {0.038, 0.039, 0.039, 0.039, 0.039, 0.039};
    private static final double SIGMA_SYS_MAG = 0.005;
    static final double AB_ZERO_POINT_NJY = 31.4;
    /** 2.5 / ln 10: converts a fractional flux error to a magnitude error. */
    static final double MAG_PER_LN = 2.5 / Math.log(10);

    /** Template parameters per SED class: elliptical, spiral, starburst. */
    private static final double[] BETA = {2.0, 1.0, 0.25};
    private static final double[] BREAK_MAG = {1.2, 0.6, 0.2};

    private Photometry() {
    }

    /** Rest-frame template magnitude (relative) of a galaxy of class {@code sed} at rest wavelength lambda. */
    private static double template(int sed, double lambdaRestA) {
        double mag = -2.5 * BETA[sed] * Math.log10(lambdaRestA / 4000.0);
        mag += BREAK_MAG[sed] * logistic((4000 - lambdaRestA) / 150.0);
        mag += 2.0 * logistic((1216 - lambdaRestA) / 40.0) + 4.0 * logistic((912 - lambdaRestA) / 20.0);
        return mag;
    }

    private static double logistic(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    /**
     * Intrinsic (dust-free) AB magnitudes of a galaxy of class {@code sed} at redshift z whose
     * i-band magnitude is {@code iMag}, with 0.05 mag of intrinsic scatter per band.
     */
    static double[] galaxyMags(int sed, double z, double iMag, SplittableRandom rng) {
        double[] mags = new double[6];
        double ref = template(sed, LAMBDA_A[I_BAND] / (1 + z));
        for (int b = 0; b < 6; b++) {
            double scatter = b == I_BAND ? 0 : 0.05 * Rng.gaussian(rng);
            mags[b] = iMag + template(sed, LAMBDA_A[b] / (1 + z)) - ref + scatter;
        }
        return mags;
    }

    /** Intrinsic AB magnitudes of a main-sequence star, t in [0, 1] running from blue to red. */
    static double[] starMags(double t, double iMag, SplittableRandom rng) {
        double ug = 0.8 + 1.6 * t;
        double gr = 0.25 + 1.2 * t;
        double ri = 0.08 + 0.5 * t + 1.0 * t * t * t;
        double iz = 0.03 + 0.25 * t + 0.4 * t * t * t;
        double zy = 0.02 + 0.15 * t + 0.25 * t * t * t;
        double r = iMag + ri;
        double g = r + gr;
        double[] mags = {g + ug, g, r, iMag, iMag - iz, iMag - iz - zy};
        for (int b = 0; b < 6; b++) {
            if (b != I_BAND) {
                mags[b] += 0.03 * Rng.gaussian(rng);
            }
        }
        return mags;
    }

    /** Flux in nJy of an AB magnitude. */
    static double fluxNJy(double mag) {
        return Math.pow(10, (AB_ZERO_POINT_NJY - mag) / 2.5);
    }

    /**
     * The one-sigma flux error in nJy of a source of true magnitude {@code mag} observed to a
     * 5-sigma depth {@code m5}: sigma_rand^2 = (0.04 - gamma) x + gamma x^2 with
     * x = 10^(0.4 (m - m5)), plus 0.005 mag of systematic error in quadrature.
     */
    static double fluxErrorNJy(int band, double mag, double m5) {
        double x = Math.pow(10, 0.4 * (mag - m5));
        double sigmaMag2 = (0.04 - GAMMA[band]) * x + GAMMA[band] * x * x + SIGMA_SYS_MAG * SIGMA_SYS_MAG;
        return fluxNJy(mag) * Math.sqrt(sigmaMag2) / MAG_PER_LN;
    }

    /** AB magnitude of a positive flux in nJy (NaN for a non-positive flux). */
    static double magOfFlux(double fluxNJy) {
        return fluxNJy > 0 ? AB_ZERO_POINT_NJY - 2.5 * Math.log10(fluxNJy) : Double.NaN;
    }
}
