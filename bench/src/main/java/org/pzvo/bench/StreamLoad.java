// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.bench;

import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/**
 * W4: one large sync result streamed over HTTP: time to first byte and to last byte, once cold
 * and then {@code runs} warm times (median reported; rate = rows / median wall). The bytes are
 * read and discarded while timed; the rows are counted in one more, untimed request parsed by STIL.
 * Usage: {@code StreamLoad workload=W system=S url=SYNC_URL query=ADQL [format=MIME] [runs=3] [pid=]
 * out=CSV}.
 */
public final class StreamLoad {
    private StreamLoad() {
    }

    public static void main(String[] argv) throws Exception {
        Args args = Args.parse(argv);
        int runs = args.getInt("runs", 3);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String form = "REQUEST=doQuery&LANG=ADQL&MAXREC=20000000&RESPONSEFORMAT="
                + URLEncoder.encode(args.get("format", "application/x-votable+xml;serialization=BINARY2"),
                StandardCharsets.UTF_8) + "&QUERY=" + URLEncoder.encode(args.get("query"), StandardCharsets.UTF_8);
        HttpRequest req = HttpRequest.newBuilder(URI.create(args.get("url")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        double cold = Double.NaN;
        double[] walls = new double[runs];
        double[] firstByteMs = new double[runs];
        for (int run = 0; run <= runs; run++) {
            long t0 = System.nanoTime();
            HttpResponse<InputStream> resp = http.send(req, HttpResponse.BodyHandlers.ofInputStream());
            long first = -1;
            long bytes = 0;
            byte[] buf = new byte[1 << 16];
            try (InputStream in = resp.body()) {
                for (int r; (r = in.read(buf)) > 0; ) {
                    if (first < 0) {
                        first = System.nanoTime();
                    }
                    bytes += r;
                }
            }
            if (resp.statusCode() != 200) {
                throw new IllegalStateException(args.get("system") + ": HTTP " + resp.statusCode());
            }
            double wall = (System.nanoTime() - t0) / 1e9;
            System.err.printf(Locale.ROOT, "  %s %s run %d: %.2f s, first byte %.1f ms, %,d bytes%n",
                    args.get("workload"), args.get("system"), run, wall, (first - t0) / 1e6, bytes);
            if (run == 0) {
                cold = wall;
            } else {
                walls[run - 1] = wall;
                firstByteMs[run - 1] = (first - t0) / 1e6;
            }
        }
        long rows;
        try (InputStream in = http.send(req, HttpResponse.BodyHandlers.ofInputStream()).body()) {
            rows = HttpLoad.countRows(in);
        }
        double wall = Measurement.median(walls);
        // p50 here is the median time to first byte; p99 is not meaningful for a handful of runs.
        new Measurement(args.get("workload"), args.get("system"), runs, wall, cold, rows / wall, "rows/s",
                Measurement.median(firstByteMs), Double.NaN, Load.peakRssMb(args.get("pid", "")), rows)
                .appendTo(Path.of(args.get("out")));
    }
}
