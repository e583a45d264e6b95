// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.bench;

import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * End-to-end rate of a sync query: request sent to last byte received, best of three runs per
 * format. Usage: HttpStream SYNC_URL ADQL FORMAT...
 */
public final class HttpStream {
    private HttpStream() {
    }

    public static void main(String[] args) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (int f = 2; f < args.length; f++) {
            long bestNs = Long.MAX_VALUE;
            long bytes = 0;
            for (int run = 0; run < 3; run++) {
                String form = "LANG=ADQL&MAXREC=1000000&RESPONSEFORMAT=" + URLEncoder.encode(args[f], StandardCharsets.UTF_8)
                        + "&QUERY=" + URLEncoder.encode(args[1], StandardCharsets.UTF_8);
                HttpRequest req = HttpRequest.newBuilder(URI.create(args[0]))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build();
                long t0 = System.nanoTime();
                HttpResponse<InputStream> resp = http.send(req, HttpResponse.BodyHandlers.ofInputStream());
                byte[] buf = new byte[1 << 16];
                long n = 0;
                try (InputStream in = resp.body()) {
                    for (int r; (r = in.read(buf)) > 0; ) {
                        n += r;
                    }
                }
                bestNs = Math.min(bestNs, System.nanoTime() - t0);
                bytes = n;
            }
            System.out.printf("pzvo end to end (%s): %,.0f rows/s, %,d bytes, best of 3 %.2f s%n", args[f],
                    1e6 / (bestNs / 1e9), bytes, bestNs / 1e9);
        }
    }
}
