// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.ingest;

/**
 * Photo-z PDFs on the run grid (301 points, z = 0.00 .. 3.00 in steps of 0.01, the grid of every
 * LIneA pz-compute configuration, DOMAIN.md 1.5) and the point estimates derived from them.
 *
 * <p>A PDF is a Gaussian mixture evaluated on the grid, truncated to [0, 3], rounded to float
 * (as stored) and normalised to unit trapezoidal integral. Every summary is computed from the
 * stored float values, so a client recomputing it from {@code pz.photoz.pdf} finds the same
 * number: the CDF is the running trapezoidal integral, and quantiles interpolate it linearly.
 */
final class PdfModel {
    static final int N = 301;
    static final double DZ = 0.01;
    static final double Z_MAX = 3.0;
    /** BPZ odds half-width factor K in z_mode +/- K (1 + z_mode). */
    static final double ODDS_K = 0.06;

    static final int FLAG_MULTIMODAL = 1;
    static final int FLAG_NEAR_ZERO = 2;
    static final int FLAG_EDGE = 4;
    static final int FLAG_BROAD = 8;

    private PdfModel() {
    }

    /** The redshift of grid point k. */
    static double z(int k) {
        return k * DZ;
    }

    /** The grid as floats, for pz.run.zgrid. */
    static float[] grid() {
        float[] g = new float[N];
        for (int k = 0; k < N; k++) {
            g[k] = (float) z(k);
        }
        return g;
    }

    /** A normalised mixture of Gaussians (means, sigmas, weights) on the grid, as stored (float). */
    static float[] mixture(double[] means, double[] sigmas, double[] weights) {
        double[] p = new double[N];
        for (int j = 0; j < means.length; j++) {
            double s = Math.max(sigmas[j], 1.2 * DZ);
            double norm = weights[j] / s;
            int lo = Math.max(0, (int) Math.floor((means[j] - 8 * s) / DZ));
            int hi = Math.min(N - 1, (int) Math.ceil((means[j] + 8 * s) / DZ));
            for (int k = lo; k <= hi; k++) {
                double t = (z(k) - means[j]) / s;
                p[k] += norm * Math.exp(-0.5 * t * t);
            }
        }
        double integral = trapezoid(p);
        float[] out = new float[N];
        if (!(integral > 0)) {
            out[0] = (float) (2 / DZ);
            return out;
        }
        for (int k = 0; k < N; k++) {
            out[k] = (float) (p[k] / integral);
        }
        return out;
    }

    private static double trapezoid(double[] p) {
        double sum = 0;
        for (int k = 1; k < p.length; k++) {
            sum += 0.5 * (p[k - 1] + p[k]) * DZ;
        }
        return sum;
    }

    /** The running trapezoidal integral of the stored PDF, normalised to end at exactly 1. */
    static double[] cdf(float[] pdf) {
        double[] c = new double[N];
        for (int k = 1; k < N; k++) {
            c[k] = c[k - 1] + 0.5 * ((double) pdf[k - 1] + pdf[k]) * DZ;
        }
        double total = c[N - 1];
        for (int k = 0; k < N; k++) {
            c[k] /= total;
        }
        return c;
    }

    /** The redshift where the CDF reaches q, by linear interpolation between grid points. */
    static double quantile(double[] cdf, double q) {
        if (q <= 0) {
            return 0;
        }
        int lo = 0;
        int hi = N - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cdf[mid] < q) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        if (lo == 0) {
            return 0;
        }
        double span = cdf[lo] - cdf[lo - 1];
        double frac = span > 0 ? (q - cdf[lo - 1]) / span : 0;
        return z(lo - 1) + frac * DZ;
    }

    /** The CDF at redshift z, by linear interpolation (0 below the grid, 1 above it). */
    static double cdfAt(double[] cdf, double z) {
        if (z <= 0) {
            return 0;
        }
        if (z >= Z_MAX) {
            return 1;
        }
        int k = (int) Math.floor(z / DZ);
        double frac = z / DZ - k;
        return cdf[k] + frac * (cdf[k + 1] - cdf[k]);
    }

    /** Point estimates and flags of a stored PDF; {@code u} in [0, 1) is the draw for z_mc. */
    static Summary summarise(float[] pdf, double u) {
        double[] c = cdf(pdf);
        int modeIndex = 0;
        double total = 0;
        double sumZ = 0;
        double sumZ2 = 0;
        for (int k = 0; k < N; k++) {
            if (pdf[k] > pdf[modeIndex]) {
                modeIndex = k;
            }
            double w = (k == 0 || k == N - 1 ? 0.5 : 1.0) * pdf[k] * DZ;
            total += w;
            sumZ += w * z(k);
            sumZ2 += w * z(k) * z(k);
        }
        double mean = sumZ / total;
        double std = Math.sqrt(Math.max(0, sumZ2 / total - mean * mean));
        double mode = z(modeIndex);
        double halfWidth = ODDS_K * (1 + mode);
        double odds = cdfAt(c, mode + halfWidth) - cdfAt(c, mode - halfWidth);
        int flags = 0;
        if (isMultimodal(pdf, modeIndex)) {
            flags |= FLAG_MULTIMODAL;
        }
        if (mode < 0.05) {
            flags |= FLAG_NEAR_ZERO;
        }
        if (1 - cdfAt(c, 2.9) > 0.01) {
            flags |= FLAG_EDGE;
        }
        if (std > 0.3) {
            flags |= FLAG_BROAD;
        }
        return new Summary(mode, mean, quantile(c, 0.5), std, quantile(c, 0.16), quantile(c, 0.84),
                quantile(c, 0.05), quantile(c, 0.25), quantile(c, 0.75), quantile(c, 0.95), odds,
                quantile(c, u), flags);
    }

    /**
     * Whether the PDF has a second peak: a local maximum above 20% of the main peak, separated
     * from it by a dip below half of its own height.
     */
    static boolean isMultimodal(float[] pdf, int modeIndex) {
        float threshold = 0.2f * pdf[modeIndex];
        for (int k = 1; k < N - 1; k++) {
            if (k == modeIndex || pdf[k] < threshold || pdf[k] <= pdf[k - 1] || pdf[k] < pdf[k + 1]) {
                continue;
            }
            float dip = pdf[k];
            int step = k < modeIndex ? 1 : -1;
            for (int j = k; j != modeIndex; j += step) {
                dip = Math.min(dip, pdf[j]);
            }
            if (dip < 0.5f * pdf[k]) {
                return true;
            }
        }
        return false;
    }

    /** The point estimates of one PDF (columns of pz.photoz). */
    record Summary(double mode, double mean, double median, double std, double lo68, double hi68, double q05,
                   double q25, double q75, double q95, double odds, double mc, int flags) {
    }
}
