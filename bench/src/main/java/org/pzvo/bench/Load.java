// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a request workload: {@code n} requests from a query template over {@code clients}
 * concurrent clients, once cold and then {@code runs} warm times, each run with other literals
 * (a seeded random per run and request, identical for every system, so that result counts can be
 * compared and no cache sees a repeated query). Placeholders: {@code {ra}}, {@code {dec}} drawn in
 * the {@code ra=LO:HI} and {@code dec=LO:HI} boxes, {@code {x}} in {@code x=LO:HI}, {@code {id}} in
 * {@code 1..ids}. The result count is that of the first warm run's first {@code counted} requests
 * (default: all {@code n}), so that systems run with different {@code n} can still be compared.
 */
final class Load {
    /** One client's way of executing a request; returns the number of result rows. */
    interface Client extends AutoCloseable {
        long execute(String query) throws Exception;
    }

    interface ClientFactory {
        Client open() throws Exception;
    }

    private final Args args;
    private final String template;

    Load(Args args) {
        this.args = args;
        this.template = args.get("query");
    }

    /** The query of request {@code i} of run {@code run}. */
    String query(int run, int i) {
        SplittableRandom r = new SplittableRandom(Long.parseLong(args.get("seed", "20261123")) * 1_000_003L + run * 1_000_000_007L + i);
        double[] ra = range("ra", "1:29");
        double[] dec = range("dec", "-9:9");
        double[] x = range("x", "0:1");
        long ids = Long.parseLong(args.get("ids", "1000000"));
        return template.replace("{ra}", String.format(Locale.ROOT, "%.6f", ra[0] + (ra[1] - ra[0]) * r.nextDouble()))
                .replace("{dec}", String.format(Locale.ROOT, "%.6f", dec[0] + (dec[1] - dec[0]) * r.nextDouble()))
                .replace("{x}", String.format(Locale.ROOT, "%.6f", x[0] + (x[1] - x[0]) * r.nextDouble()))
                .replace("{id}", Long.toString(1 + r.nextLong(ids)));
    }

    private double[] range(String key, String fallback) {
        String[] p = args.get(key, fallback).split(":");
        return new double[] {Double.parseDouble(p[0]), Double.parseDouble(p[1])};
    }

    /** Runs the workload and appends its measurement to {@code out=FILE}. */
    void run(ClientFactory factory) throws Exception {
        int n = args.getInt("n", 10_000);
        int clients = args.getInt("clients", 1);
        int runs = args.getInt("runs", 5);
        int counted = Math.min(n, args.getInt("counted", n));
        List<Client> open = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            open.add(factory.open());
        }
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            double cold = Double.NaN;
            double[] walls = new double[runs];
            double[] latencies = new double[runs * n];
            long results = -1;
            for (int run = 0; run <= runs; run++) {
                double[] lat = new double[n];
                long[] rows = new long[1];
                long[] firstRows = new long[n];
                long t0 = System.nanoTime();
                AtomicInteger next = new AtomicInteger();
                List<Future<Long>> done = new ArrayList<>();
                for (Client client : open) {
                    final int thisRun = run;
                    done.add(pool.submit(() -> {
                        long mine = 0;
                        for (int i; (i = next.getAndIncrement()) < n; ) {
                            String q = query(thisRun, i);
                            long s = System.nanoTime();
                            long got = client.execute(q);
                            lat[i] = (System.nanoTime() - s) / 1e6;
                            firstRows[i] = got;
                            mine += got;
                        }
                        return mine;
                    }));
                }
                for (Future<Long> f : done) {
                    rows[0] += f.get();
                }
                double wall = (System.nanoTime() - t0) / 1e9;
                if (run == 0) {
                    cold = wall;
                } else {
                    walls[run - 1] = wall;
                    System.arraycopy(lat, 0, latencies, (run - 1) * n, n);
                    if (run == 1) {
                        results = Arrays.stream(firstRows, 0, counted).sum();
                    }
                }
                System.err.printf(Locale.ROOT, "  %s %s run %d: %.2f s, %d rows%n", args.get("workload"),
                        args.get("system"), run, wall, rows[0]);
            }
            Arrays.sort(latencies);
            double wall = Measurement.median(walls);
            new Measurement(args.get("workload"), args.get("system"), n, wall, cold, n / wall, "req/s",
                    Measurement.percentile(latencies, 0.5), Measurement.percentile(latencies, 0.99),
                    peakRssMb(args.get("pid", "")), results).appendTo(Path.of(args.get("out")));
        } finally {
            pool.shutdownNow();
            for (Client c : open) {
                c.close();
            }
        }
    }

    /** VmHWM of process {@code pid} in MB, or NaN when unknown. */
    static double peakRssMb(String pid) {
        if (pid.isBlank()) {
            return Double.NaN;
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (Exception e) {
            return Double.NaN;
        }
        return Double.NaN;
    }
}
