// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.TableSink;
import uk.ac.starlink.votable.VOTableBuilder;

/**
 * A {@link Load} of sync TAP queries over HTTP/1.1 keep-alive connections, one per client:
 * latency is from sending the request to the last byte of the response; the rows are then counted
 * by parsing the VOTable with STIL (outside the timing). Usage:
 * {@code HttpLoad workload=W system=S url=SYNC_URL query=ADQL [format=MIME] [n= clients= runs= pid= ...] out=CSV}.
 */
public final class HttpLoad {
    private HttpLoad() {
    }

    public static void main(String[] argv) throws Exception {
        Args args = Args.parse(argv);
        URI sync = URI.create(args.get("url"));
        String format = args.get("format", "application/x-votable+xml;serialization=BINARY2");
        new Load(args).run(() -> new Load.Client() {
            private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

            @Override
            public long execute(String query) throws Exception {
                String form = "REQUEST=doQuery&LANG=ADQL&MAXREC=10000000&RESPONSEFORMAT="
                        + URLEncoder.encode(format, StandardCharsets.UTF_8) + "&QUERY="
                        + URLEncoder.encode(query, StandardCharsets.UTF_8);
                HttpRequest req = HttpRequest.newBuilder(sync)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build();
                HttpResponse<byte[]> resp = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
                if (resp.statusCode() != 200) {
                    throw new IllegalStateException("HTTP " + resp.statusCode() + " for " + query + ": "
                            + new String(resp.body(), 0, Math.min(600, resp.body().length), StandardCharsets.UTF_8));
                }
                return countRows(resp.body());
            }

            @Override
            public void close() {
                // Java 17's HttpClient has no close(); its connections go with the process.
            }
        });
    }

    /** Rows of the first table of a VOTable document. */
    static long countRows(byte[] votable) throws Exception {
        try (InputStream in = new ByteArrayInputStream(votable)) {
            return countRows(in);
        }
    }

    /** Rows of the first table of a VOTable stream, read to its end without keeping rows. */
    static long countRows(InputStream votable) throws Exception {
        long[] rows = new long[1];
        TableSink counter = new TableSink() {
            @Override
            public void acceptMetadata(StarTable meta) {
            }

            @Override
            public void acceptRow(Object[] row) {
                rows[0]++;
            }

            @Override
            public void endRows() {
            }
        };
        new VOTableBuilder().streamStarTable(new BufferedInputStream(votable), counter, "0");
        return rows[0];
    }
}
