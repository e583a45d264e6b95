// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints the result table of one or more workload CSV files and checks that every system of a
 * workload returned the same number of results (exit 1 otherwise: a faster wrong answer is not a
 * result). The ratio column is pzvo's cost over the best peer's (below 1: pzvo is faster).
 * Usage: Report FILE.csv...
 */
public final class Report {
    private Report() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, List<Measurement>> byWorkload = new LinkedHashMap<>();
        for (String file : args) {
            for (String line : Files.readAllLines(Path.of(file))) {
                if (!line.isBlank() && !line.startsWith("workload,")) {
                    Measurement m = Measurement.parse(line);
                    byWorkload.computeIfAbsent(m.workload(), k -> new ArrayList<>()).add(m);
                }
            }
        }
        boolean agree = true;
        System.out.printf("%-26s %-22s %10s %9s %9s %14s %9s %9s %8s %12s %7s%n", "workload", "system", "n", "wall s",
                "cold s", "rate", "p50 ms", "p99 ms", "RSS MB", "results", "ratio");
        for (var entry : byWorkload.entrySet()) {
            List<Measurement> rows = entry.getValue();
            for (Measurement m : rows) {
                String ratio = m.system().startsWith("pzvo") ? ratio(m, rows) : "";
                System.out.printf("%-26s %-22s %10d %9s %9s %14s %9s %9s %8s %12s %7s%n", m.workload(), m.system(), m.n(),
                        fmt(m.wallSeconds()), fmt(m.cold()), Double.isNaN(m.rate()) ? "" : String.format("%,.0f %s",
                                m.rate(), m.rateUnit()), fmt(m.p50Ms()), fmt(m.p99Ms()), fmt(m.peakRssMb()),
                        m.resultCount() < 0 ? "" : String.format("%,d", m.resultCount()), ratio);
            }
            long distinct = rows.stream().mapToLong(Measurement::resultCount).filter(c -> c >= 0).distinct().count();
            if (distinct > 1) {
                System.out.println("  !! result counts differ between systems in " + entry.getKey());
                agree = false;
            }
        }
        System.exit(agree ? 0 : 1);
    }

    /**
     * pzvo's cost over the best peer's, so that below 1 means pzvo is faster: for request
     * workloads (req/s) on p50 latency, for throughput workloads on rate (best rate / pzvo rate),
     * else on wall time.
     */
    private static String ratio(Measurement pzvo, List<Measurement> rows) {
        List<Measurement> peers = rows.stream().filter(m -> !m.system().startsWith("pzvo")).toList();
        double best;
        double ours;
        if ("req/s".equals(pzvo.rateUnit()) && peers.stream().anyMatch(m -> !Double.isNaN(m.p50Ms()))) {
            best = peers.stream().mapToDouble(Measurement::p50Ms).filter(v -> !Double.isNaN(v)).min().orElseThrow();
            ours = pzvo.p50Ms();
        } else if (!Double.isNaN(pzvo.rate()) && peers.stream().anyMatch(m -> !Double.isNaN(m.rate()))) {
            best = 1 / peers.stream().mapToDouble(Measurement::rate).filter(v -> !Double.isNaN(v)).max().orElseThrow();
            ours = 1 / pzvo.rate();
        } else if (!peers.isEmpty()) {
            best = peers.stream().mapToDouble(Measurement::wallSeconds).min().orElseThrow();
            ours = pzvo.wallSeconds();
        } else {
            return "";
        }
        return String.format("%.2f", ours / best);
    }

    private static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        return v >= 100 ? String.format("%,.0f", v) : String.format("%.3f", v);
    }
}
