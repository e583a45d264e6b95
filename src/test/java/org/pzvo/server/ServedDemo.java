// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.server;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import uk.ac.starlink.table.RowSequence;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.StarTableFactory;
import uk.ac.starlink.util.ByteArrayDataSource;

/**
 * A started pzvo server with the demo data, seen over HTTP: what the product-service test
 * interfaces ({@link ConeSearchTests}, {@link SiaTests}, {@link DataLinkServiceTests}) need.
 */
interface ServedDemo {
    /** {@code http://127.0.0.1:PORT}. */
    String base();

    HttpClient http();

    /** The identifier of a registered product: map {@code depth_i_dp1_o10}, bitmask, or catalog lsst.object. */
    String did(String relativePath);

    default HttpResponse<byte[]> get(String pathAndQuery) throws IOException, InterruptedException {
        return http().send(HttpRequest.newBuilder(URI.create(base() + pathAndQuery)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    default HttpResponse<byte[]> get(String path, Map<String, String> params) throws IOException, InterruptedException {
        return get(path + "?" + form(params));
    }

    default HttpResponse<byte[]> post(String path, Map<String, String> params) throws IOException, InterruptedException {
        return http().send(HttpRequest.newBuilder(URI.create(base() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(params))).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static String form(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    static StarTable table(HttpResponse<byte[]> r, String stilFormat) throws IOException {
        return new StarTableFactory(true).makeStarTable(new ByteArrayDataSource("result", r.body()), stilFormat);
    }

    static long rows(StarTable t) throws IOException {
        long n = 0;
        try (RowSequence rows = t.getRowSequence()) {
            while (rows.next()) {
                n++;
            }
        }
        return n;
    }

    static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    static String contentType(HttpResponse<byte[]> r) {
        return r.headers().firstValue("Content-Type").orElse("");
    }
}
