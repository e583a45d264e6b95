// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.bench;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * W9: {@code jobs} UWS jobs submitted at once to a TAP service, alternately a cross-match of an
 * uploaded table ({@code upload=FILE}, as TAP_UPLOAD.up) and a query with a varied literal; each
 * job is polled every {@code pollMs} until it ends, then its result is downloaded and its rows
 * counted. Reports the makespan (median of {@code runs} after a cold run) and job completion
 * p50/p99 as one line, and the latency of the status polls as another. Usage:
 * {@code AsyncLoad workload=W system=S url=TAP_BASE xmatch=ADQL query=ADQL upload=FILE [jobs=20]
 * [runs=3] [pollMs=100] out=CSV}; {@code {x}} in query is replaced per job.
 */
public final class AsyncLoad {
    private AsyncLoad() {
    }

    private record Outcome(double completedMs, long rows) {
    }

    public static void main(String[] argv) throws Exception {
        Args args = Args.parse(argv);
        int jobs = args.getInt("jobs", 20);
        int runs = args.getInt("runs", 3);
        byte[] upload = Files.readAllBytes(Path.of(args.get("upload")));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        ExecutorService pool = Executors.newFixedThreadPool(jobs);
        ConcurrentLinkedQueue<Double> polls = new ConcurrentLinkedQueue<>(); // warm runs only
        double cold = Double.NaN;
        double[] makespans = new double[runs];
        List<Double> completions = new ArrayList<>();
        long rows = -1;
        try {
            for (int run = 0; run <= runs; run++) {
                long t0 = System.nanoTime();
                List<Future<Outcome>> futures = new ArrayList<>();
                for (int j = 0; j < jobs; j++) {
                    String adql = j % 2 == 0 ? args.get("xmatch") : args.get("query").replace("{x}",
                            String.format(Locale.ROOT, "%.3f", 18 + 6.0 * ((run * jobs + j) % 97) / 97));
                    byte[] table = j % 2 == 0 ? upload : null;
                    ConcurrentLinkedQueue<Double> pollSink = run == 0 ? new ConcurrentLinkedQueue<>() : polls;
                    futures.add(pool.submit(() -> runJob(http, args, adql, table, t0, pollSink)));
                }
                long total = 0;
                double makespan = 0;
                List<Double> mine = new ArrayList<>();
                for (Future<Outcome> f : futures) {
                    Outcome o = f.get();
                    total += o.rows();
                    makespan = Math.max(makespan, o.completedMs());
                    mine.add(o.completedMs());
                }
                System.err.printf(Locale.ROOT, "  %s %s run %d: makespan %.2f s, %d rows%n", args.get("workload"),
                        args.get("system"), run, makespan / 1000, total);
                if (run == 0) {
                    cold = makespan / 1000;
                } else {
                    makespans[run - 1] = makespan / 1000;
                    completions.addAll(mine);
                    if (run == 1) {
                        rows = total;
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
        double[] done = completions.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double makespan = Measurement.median(makespans);
        Path out = Path.of(args.get("out"));
        new Measurement(args.get("workload"), args.get("system"), jobs, makespan, cold, jobs / makespan, "jobs/s",
                Measurement.percentile(done, 0.5), Measurement.percentile(done, 0.99), Double.NaN, rows).appendTo(out);
        double[] p = polls.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        new Measurement(args.get("workload") + " polls", args.get("system"), p.length, Double.NaN, Double.NaN, Double.NaN,
                "req/s", Measurement.percentile(p, 0.5), Measurement.percentile(p, 0.99), Double.NaN, -1).appendTo(out);
    }

    private static Outcome runJob(HttpClient http, Args args, String adql, byte[] upload, long t0,
                                  ConcurrentLinkedQueue<Double> polls) throws Exception {
        String base = args.get("url");
        HttpRequest create;
        if (upload == null) {
            String form = "REQUEST=doQuery&LANG=ADQL&PHASE=RUN&MAXREC=10000000&QUERY="
                    + URLEncoder.encode(adql, StandardCharsets.UTF_8);
            create = HttpRequest.newBuilder(URI.create(base + "/async"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        } else {
            String boundary = "pzvo-bench-" + System.nanoTime();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            for (String[] field : new String[][] {{"REQUEST", "doQuery"}, {"LANG", "ADQL"}, {"PHASE", "RUN"},
                {"MAXREC", "10000000"}, {"UPLOAD", "up,param:up"}, {"QUERY", adql}}) {
                body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field[0]
                        + "\"\r\n\r\n" + field[1] + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"up\"; filename=\"up.vot\"\r\n"
                    + "Content-Type: application/x-votable+xml\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(upload);
            body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            create = HttpRequest.newBuilder(URI.create(base + "/async"))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        }
        HttpResponse<String> created = http.send(create, HttpResponse.BodyHandlers.ofString());
        String job = created.headers().firstValue("Location").orElseThrow(() -> new IllegalStateException(
                "no job created: HTTP " + created.statusCode() + " " + created.body()));
        URI jobUri = URI.create(base + "/async").resolve(job);
        HttpRequest phase = HttpRequest.newBuilder(URI.create(jobUri + "/phase")).GET().build();
        int pollMs = args.getInt("pollMs", 100);
        boolean runSent = false;
        while (true) {
            long s = System.nanoTime();
            String p = http.send(phase, HttpResponse.BodyHandlers.ofString()).body().trim();
            polls.add((System.nanoTime() - s) / 1e6);
            if (p.equals("COMPLETED")) {
                break;
            }
            if (p.equals("PENDING") && !runSent) {
                // UWS 1.1 lets PHASE=RUN come with the creation; DaCHS ignores it there and waits
                // for it on the job's phase.
                http.send(HttpRequest.newBuilder(URI.create(jobUri + "/phase"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("PHASE=RUN")).build(),
                        HttpResponse.BodyHandlers.discarding());
                runSent = true;
            }
            if (p.equals("ERROR") || p.equals("ABORTED")) {
                String error = http.send(HttpRequest.newBuilder(URI.create(jobUri + "/error")).GET().build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                throw new IllegalStateException("job " + jobUri + " ended in " + p + ": " + error);
            }
            Thread.sleep(pollMs);
        }
        double completedMs = (System.nanoTime() - t0) / 1e6;
        HttpRequest result = HttpRequest.newBuilder(URI.create(jobUri + "/results/result")).GET().build();
        HttpResponse<InputStream> r = http.send(result, HttpResponse.BodyHandlers.ofInputStream());
        if (r.statusCode() == 303 || r.statusCode() == 302) {
            r = http.send(HttpRequest.newBuilder(jobUri.resolve(r.headers().firstValue("Location").orElseThrow())).GET()
                    .build(), HttpResponse.BodyHandlers.ofInputStream());
        }
        long rows;
        try (InputStream in = r.body()) {
            rows = HttpLoad.countRows(in);
        }
        http.send(HttpRequest.newBuilder(jobUri).DELETE().build(), HttpResponse.BodyHandlers.discarding());
        return new Outcome(completedMs, rows);
    }
}
