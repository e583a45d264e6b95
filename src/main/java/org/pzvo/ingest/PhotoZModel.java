// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.ingest;

import java.util.SplittableRandom;

/**
 * Simulated photo-z runs (DOMAIN.md 5.2 "Photo-z and PDFs"): the PDF is a Gaussian around
 * z_true + sigma N(0, 1), sigma = sigma0 (1 + z) (1 + 10^(0.4 (i - 25))), with a secondary peak
 * in a quarter of the objects; a magnitude-dependent fraction of outliers puts the main peak at
 * the Lyman/Balmer-confused redshift (z +/- 1.0..1.6) or anywhere in [0, 3], keeping a weaker
 * peak at the truth. Point estimates are then derived from the PDF ({@link PdfModel}).
 */
final class PhotoZModel {
    /** The simulated runs (pz.run rows). */
    static final Run[] RUNS = {
        new Run(1, "bpz", "1.3.0", 0.035, 0.035, "2025-06-30T12:00:00"),
        new Run(2, "fzboost", "0.9.2", 0.028, 0.025, "2025-07-01T12:00:00"),
    };

    private PhotoZModel() {
    }

    /**
     * A simulated photo-z algorithm: scatter sigma0 and outlier fraction at i = 25 scale.
     *
     * @param createdUtc ISO-8601 UTC timestamp of pz.run.created (fixed, so output is reproducible)
     */
    record Run(int runId, String algorithm, String version, double sigma0, double outlierFraction,
               String createdUtc) {
    }

    static SimObject.PhotoZ estimate(long seed, Run run, long index, double zTrue, double iMag, boolean star) {
        SplittableRandom r = Rng.of(seed, Rng.PHOTOZ * 16 + run.runId(), index);
        double faint = Math.pow(10, 0.4 * (iMag - 25));
        double sigma = run.sigma0() * (1 + zTrue) * (1 + faint);
        double[] means;
        double[] sigmas;
        double[] weights;
        if (star) {
            double centre = Math.abs(0.03 * Rng.gaussian(r));
            means = new double[] {centre};
            sigmas = new double[] {0.04};
            weights = new double[] {1};
        } else if (r.nextDouble() < run.outlierFraction() * (1 + 3 * faint)) {
            double wrong;
            if (r.nextDouble() < 0.6) {
                double delta = 1.0 + 0.6 * r.nextDouble();
                wrong = zTrue < 1.4 ? zTrue + delta : zTrue - delta;
            } else {
                wrong = 3 * r.nextDouble();
            }
            means = new double[] {wrong, zTrue};
            sigmas = new double[] {sigma * 1.3, sigma};
            weights = new double[] {1, 0.2 + 0.4 * r.nextDouble()};
        } else {
            double centre = zTrue + sigma * Rng.gaussian(r);
            double width = sigma * (0.85 + 0.35 * r.nextDouble());
            if (r.nextDouble() < 0.25) {
                double delta = (0.8 + 0.7 * r.nextDouble()) * (r.nextBoolean() ? 1 : -1);
                double alt = centre + delta;
                if (alt < 0 || alt > 3) {
                    alt = centre - delta;
                }
                means = new double[] {centre, alt};
                sigmas = new double[] {width, 1.5 * width};
                weights = new double[] {1, 0.05 + 0.3 * r.nextDouble()};
            } else {
                means = new double[] {centre};
                sigmas = new double[] {width};
                weights = new double[] {1};
            }
        }
        float[] pdf = PdfModel.mixture(means, sigmas, weights);
        return new SimObject.PhotoZ(pdf, PdfModel.summarise(pdf, r.nextDouble()));
    }
}
