// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Locale;

/**
 * One line of a benchmark's result table: one system measured on one workload. Times are in
 * seconds (wall) and milliseconds (per-request percentiles); a field that does not apply is NaN
 * (or -1 for counts). Appended as CSV to {@code bench/results/WORKLOAD.csv}, which {@link Report}
 * prints.
 *
 * @param cold the first (cold) run's wall time, shown apart from the warm median
 */
public record Measurement(String workload, String system, long n, double wallSeconds, double cold,
                          double rate, String rateUnit, double p50Ms, double p99Ms, double peakRssMb,
                          long resultCount) {
    static final String HEADER = "workload,system,n,wall_s,cold_s,rate,rate_unit,p50_ms,p99_ms,peak_rss_mb,result_count";

    String csv() {
        return String.format(Locale.ROOT, "%s,%s,%d,%.6f,%.6f,%.3f,%s,%.4f,%.4f,%.1f,%d", workload, system, n,
                wallSeconds, cold, rate, rateUnit, p50Ms, p99Ms, peakRssMb, resultCount);
    }

    static Measurement parse(String line) {
        String[] f = line.split(",", -1);
        return new Measurement(f[0], f[1], Long.parseLong(f[2]), Double.parseDouble(f[3]), Double.parseDouble(f[4]),
                Double.parseDouble(f[5]), f[6], Double.parseDouble(f[7]), Double.parseDouble(f[8]),
                Double.parseDouble(f[9]), Long.parseLong(f[10]));
    }

    /** Appends this line to {@code file}, writing the header first when the file is new. */
    void appendTo(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        String text = (Files.exists(file) ? "" : HEADER + "\n") + csv() + "\n";
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** The value at quantile {@code q} (0..1) of {@code sortedMs}, nearest rank. */
    static double percentile(double[] sortedMs, double q) {
        if (sortedMs.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(q * sortedMs.length);
        return sortedMs[Math.max(0, Math.min(sortedMs.length - 1, rank - 1))];
    }

    /** The median of {@code values} (not modified). */
    static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
