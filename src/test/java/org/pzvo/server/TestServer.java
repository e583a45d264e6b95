// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.server;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.pzvo.auth.DemoTokens;

/**
 * A real pzvo server with the demo data on loopback, for tests: started with configuration
 * overrides, answering plain HTTP requests with or without a bearer token. Closing stops it and
 * deletes its data directory.
 */
final class TestServer implements AutoCloseable {
    final Path dataDir;
    final Launch.Running running;
    final String base;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    /** Demo tokens by user name (from demo-tokens.txt). */
    final Map<String, String> tokens = new HashMap<>();

    private TestServer(Path dataDir, Launch.Running running) throws IOException {
        this.dataDir = dataDir;
        this.running = running;
        this.base = "http://127.0.0.1:" + running.server().port();
        for (String line : Files.readAllLines(dataDir.resolve(DemoTokens.FILE_NAME))) {
            String[] f = line.split(" ");
            tokens.put(f[0], f[1]);
        }
    }

    /** Starts a server on a fresh data directory with {@code rows} demo objects. */
    static TestServer start(Map<String, String> extra, long rows) throws Exception {
        Path dataDir = Files.createTempDirectory("pzvo-test-");
        return start(dataDir, extra, rows);
    }

    /** Starts a server on {@code dataDir} (which may already hold tokens). */
    static TestServer start(Path dataDir, Map<String, String> extra, long rows) throws Exception {
        Map<String, String> overrides = new LinkedHashMap<>();
        overrides.put("server.port", "0");
        overrides.put("server.host", "127.0.0.1");
        overrides.put("data.dir", dataDir.toString());
        overrides.putAll(extra);
        Path home = Path.of("").toAbsolutePath();
        ServerConfig cfg = ServerConfig.load(home, home.resolve("conf/pzvo.properties"), Map.of(), overrides);
        return new TestServer(dataDir, Launch.start(cfg, home, rows));
    }

    HttpResponse<byte[]> get(String pathAndQuery, String token) throws IOException, InterruptedException {
        return send(request(pathAndQuery, token).GET().build());
    }

    HttpResponse<byte[]> post(String path, Map<String, String> form, String token)
            throws IOException, InterruptedException {
        return send(request(path, token).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(form))).build());
    }

    HttpRequest.Builder request(String pathAndQuery, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    /**
     * Sends a request. A pooled connection that the server closed after an earlier answer (it
     * closes after refusing an oversized body) fails before any byte: that attempt is retried
     * once on a new connection.
     */
    HttpResponse<byte[]> send(HttpRequest request) throws IOException, InterruptedException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            if (e.getMessage() == null || !e.getMessage().contains("received no bytes")) {
                throw e;
            }
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
        }
    }

    /** A synchronous ADQL query as GET, answered as TSV. */
    HttpResponse<byte[]> sync(String adql, String token) throws IOException, InterruptedException {
        return get("/tap/sync?" + form(Map.of("LANG", "ADQL", "QUERY", adql, "RESPONSEFORMAT", "tsv")), token);
    }

    static String form(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    /** The values of the first column of a TSV result, in order (header skipped). */
    static List<String> firstColumn(HttpResponse<byte[]> r) {
        return text(r).lines().skip(1).map(l -> l.split("\t", -1)[0]).toList();
    }

    @Override
    public void close() throws Exception {
        try {
            running.close();
        } finally {
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
