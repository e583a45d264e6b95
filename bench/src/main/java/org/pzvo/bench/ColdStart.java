// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * W10: time from starting a server process to its first answered sync query (HTTP 200 with a
 * row), polled every 5 ms; the first run is reported as cold, the median of the next {@code runs}
 * as warm. Usage: {@code ColdStart workload=W system=S start=SHELL [stop=SHELL] url=SYNC_URL
 * query=ADQL [runs=5] out=CSV}. Without {@code stop}, the started process tree is killed.
 */
public final class ColdStart {
    private ColdStart() {
    }

    public static void main(String[] argv) throws Exception {
        Args args = Args.parse(argv);
        int runs = args.getInt("runs", 5);
        String form = "REQUEST=doQuery&LANG=ADQL&QUERY=" + URLEncoder.encode(args.get("query"), StandardCharsets.UTF_8);
        HttpRequest probe = HttpRequest.newBuilder(URI.create(args.get("url")))
                .header("Content-Type", "application/x-www-form-urlencoded").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        double[] warm = new double[runs];
        double cold = Double.NaN;
        long rows = -1;
        runStop(args);
        for (int run = 0; run <= runs; run++) {
            long t0 = System.nanoTime();
            Process server = new ProcessBuilder("bash", "-c", args.get("start"))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            // A new client per run: no connection to the previous server may be reused.
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
            rows = firstAnswer(http, probe, t0, args.get("system"));
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.err.printf(Locale.ROOT, "  %s %s start %d: %.3f s%n", args.get("workload"), args.get("system"), run, seconds);
            if (run == 0) {
                cold = seconds;
            } else {
                warm[run - 1] = seconds;
            }
            stop(args, server);
        }
        double median = Measurement.median(warm);
        new Measurement(args.get("workload"), args.get("system"), runs, median, cold, Double.NaN, "", Double.NaN,
                Double.NaN, Double.NaN, rows).appendTo(Path.of(args.get("out")));
    }

    /** Polls until the server answers the probe with HTTP 200; returns the rows of the answer. */
    private static long firstAnswer(HttpClient http, HttpRequest probe, long t0, String system) throws Exception {
        while (true) {
            try {
                HttpResponse<byte[]> r = http.send(probe, HttpResponse.BodyHandlers.ofByteArray());
                if (r.statusCode() == 200) {
                    return HttpLoad.countRows(r.body());
                }
            } catch (java.io.IOException notYet) {
                // not listening yet
            }
            if (System.nanoTime() - t0 > 120_000_000_000L) {
                throw new IllegalStateException(system + " did not answer within 120 s");
            }
            Thread.sleep(5);
        }
    }

    /** Runs the {@code stop} command, if any (a daemon started by a previous run or by someone else). */
    private static void runStop(Args args) throws Exception {
        String stop = args.get("stop", "");
        if (!stop.isBlank()) {
            new ProcessBuilder("bash", "-c", stop).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        }
    }

    private static void stop(Args args, Process server) throws Exception {
        runStop(args);
        server.descendants().forEach(ProcessHandle::destroy);
        server.destroy();
        server.waitFor();
        Thread.sleep(500);
    }
}
