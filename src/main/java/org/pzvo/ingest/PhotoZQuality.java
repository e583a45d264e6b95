// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.ingest;

/**
 * Photo-z quality of one run against spectroscopic redshifts: one pz.validation_metrics row.
 * With dz = (z_phot - z_spec) / (1 + z_spec): bias is median(dz); sigma68 half the 16-84
 * percentile range; sigmaNmad 1.4826 median(|dz - median(dz)|); outlierFraction the share with
 * |dz| > 0.15; pitKs the Kolmogorov-Smirnov distance of the PIT values from uniform. Metrics of
 * an empty sample are NaN.
 */
public record PhotoZQuality(int runId, String algorithm, String sample, double magCut, long n, double bias,
                            double sigma68, double sigmaNmad, double outlierFraction, double pitKs) {
    static final double OUTLIER_LIMIT = 0.15;

    /**
     * One line for a console, e.g. {@code bpz validation i<25.3: n=752 bias=+0.0014 sigma_68=0.0386
     * sigma_NMAD=0.0388 outliers=2.9% PIT-KS=0.057}.
     */
    public String summaryLine() {
        return String.format(java.util.Locale.ROOT, "%s %s i<%.1f: n=%d bias=%+.4f sigma_68=%.4f sigma_NMAD=%.4f"
                + " outliers=%.1f%% PIT-KS=%.3f", algorithm, sample, magCut, n, bias, sigma68, sigmaNmad,
                100 * outlierFraction, pitKs);
    }

    /** Computes the metrics of paired z_phot, z_spec and PIT values. */
    static PhotoZQuality of(int runId, String algorithm, String sample, double magCut, double[] zPhot,
                            double[] zSpec, double[] pit) {
        int n = zPhot.length;
        if (n == 0) {
            return new PhotoZQuality(runId, algorithm, sample, magCut, 0, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN);
        }
        double[] dz = new double[n];
        int outliers = 0;
        for (int i = 0; i < n; i++) {
            dz[i] = (zPhot[i] - zSpec[i]) / (1 + zSpec[i]);
            if (Math.abs(dz[i]) > OUTLIER_LIMIT) {
                outliers++;
            }
        }
        double[] sorted = dz.clone();
        java.util.Arrays.sort(sorted);
        double median = percentile(sorted, 0.5);
        double[] absDev = new double[n];
        for (int i = 0; i < n; i++) {
            absDev[i] = Math.abs(dz[i] - median);
        }
        java.util.Arrays.sort(absDev);
        double[] pits = pit.clone();
        java.util.Arrays.sort(pits);
        double ks = 0;
        for (int i = 0; i < n; i++) {
            ks = Math.max(ks, Math.max((i + 1.0) / n - pits[i], pits[i] - (double) i / n));
        }
        return new PhotoZQuality(runId, algorithm, sample, magCut, n, median,
                (percentile(sorted, 0.84) - percentile(sorted, 0.16)) / 2, 1.4826 * percentile(absDev, 0.5),
                outliers / (double) n, ks);
    }

    /** Linear interpolation between order statistics (the "R-7" definition, NumPy's default). */
    static double percentile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
