// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.server;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * The whole configuration of a pzvo server: parsed once at start-up from conf/pzvo.properties,
 * environment variables and command-line overrides, validated, then immutable.
 */
public record ServerConfig(Http http, Storage storage, Db db, Tap tap, Uws uws, Service service, Upload upload,
                           Auth auth, UserProducts products) {

    public ServerConfig {
        Objects.requireNonNull(http);
        Objects.requireNonNull(storage);
        Objects.requireNonNull(db);
        Objects.requireNonNull(tap);
        Objects.requireNonNull(uws);
        Objects.requireNonNull(service);
        Objects.requireNonNull(upload);
        Objects.requireNonNull(auth);
        Objects.requireNonNull(products);
    }

    /**
     * User products (issue 11): per-user quota of rows and bytes over all of a user's products,
     * the largest uploaded file, and the groups whose members may flag products as official.
     */
    public record UserProducts(long quotaRows, long quotaBytes, long maxFileBytes, java.util.Set<String> adminGroups) {}

    /**
     * HTTP listener. {@code baseUrl} is empty when it derives from the bound port.
     * {@code idleTimeoutSeconds} closes a connection on which nothing moved for that long (a
     * client that stops reading or sending); {@code maxThreads} bounds the request threads.
     */
    public record Http(String host, int port, String baseUrl, long maxRequestBytes, int maxQueryChars,
                       CorsPolicy cors, int idleTimeoutSeconds, int maxThreads) {}

    public record Storage(Path dataDir, Path metadataDir) {}

    /** Database connection; {@code url} is already resolved (H2 default filled in). */
    public record Db(String url, String user, String password, int syncPoolSize, int asyncPoolSize, int fetchSize) {}

    /**
     * TAP limits (TAP 1.1 §2.7.4 and TAPRegExt outputLimit/executionDuration). At most
     * {@code syncMaxConcurrent} synchronous queries run at once; one more waits up to
     * {@code syncQueueWaitSeconds} for a slot and is then answered 503 with Retry-After.
     */
    public record Tap(long defaultMaxrec, long hardMaxrec, int syncTimeoutSeconds, int syncMaxConcurrent,
                      int syncQueueWaitSeconds) {}

    /** Bearer tokens (issue 9): the tokens file, re-read when it changes. */
    public record Auth(Path tokensFile) {}

    /** Asynchronous job limits (UWS 1.1; advertised as TAPRegExt executionDuration/retentionPeriod). */
    public record Uws(int defaultExecutionSeconds, int maxExecutionSeconds, int defaultDestructionDays,
                      int maxDestructionDays, int maxConcurrent, int maxConcurrentPerOwner, int maxQueued,
                      int maxQueuedPerOwner, int maxWaitSeconds) {}

    public record Service(String title, String publisher, String authority) {}

    /**
     * TAP_UPLOAD limits (TAP 1.1 §2.5.2; advertised as TAPRegExt uploadLimit): rows and bytes per
     * uploaded table, whether UPLOAD URLs may reach loopback/link-local/private addresses, and the
     * time allowed to fetch one URL.
     */
    public record Upload(long maxRows, long maxBytes, boolean allowPrivateUrls, int urlTimeoutSeconds) {}

    /**
     * Loads and validates; every error names the key, the value and what is allowed. Relative
     * paths are resolved against {@code home} (the installation directory).
     */
    public static ServerConfig load(Path home, Path file, Map<String, String> env, Map<String, String> overrides) {
        ConfigSource src = ConfigSource.load(file, env, overrides);
        Http http = new Http(
                src.string("server.host"),
                src.intIn("server.port", 0, 65535),
                baseUrl(src),
                src.longIn("server.max-request-bytes", 1024, Long.MAX_VALUE),
                src.intIn("server.max-query-chars", 100, 10_000_000),
                cors(src),
                src.intIn("server.idle-timeout-seconds", 1, 3600),
                src.intIn("server.max-threads", 16, 10_000));
        Path dataDir = home.resolve(src.string("data.dir")).toAbsolutePath().normalize();
        Storage storage = new Storage(dataDir, home.resolve(src.string("metadata.dir")).toAbsolutePath().normalize());
        String url = src.string("db.url");
        if (url.isEmpty()) {
            // Lazy execution lets H2 stream a result instead of building it in memory first;
            // WRITE_DELAY=0 writes every commit at once, so a kill -9 loses no committed job;
            // QUERY_CACHE_SIZE keeps the parsed statements of that many SQL texts per connection
            // (queries of one shape share a text: their literals are parameters, BoundSql);
            // CACHE_SIZE gives H2's page cache a quarter of the heap instead of its fixed 64 MB, so
            // that cones spread over a catalog of millions of rows find its pages decoded.
            url = "jdbc:h2:file:" + dataDir.resolve("pzvo") + ";LAZY_QUERY_EXECUTION=TRUE;WRITE_DELAY=0;QUERY_CACHE_SIZE=64"
                    + ";CACHE_SIZE=" + h2CacheKb(Runtime.getRuntime().maxMemory());
        } else if (!url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
            throw src.bad("db.url", url, "empty (embedded H2), a jdbc:h2: URL or a jdbc:postgresql: URL");
        }
        Db db = new Db(url, src.string("db.user"), src.string("db.password"),
                src.intIn("db.pool.sync", 1, 200), src.intIn("db.pool.async", 1, 200),
                src.intIn("db.fetch-size", 1, 1_000_000));
        long defaultMaxrec = src.longIn("tap.maxrec.default", 0, Long.MAX_VALUE);
        long hardMaxrec = src.longIn("tap.maxrec.hard", 1, Long.MAX_VALUE);
        if (defaultMaxrec > hardMaxrec) {
            throw src.bad("tap.maxrec.default", Long.toString(defaultMaxrec),
                    "at most tap.maxrec.hard (" + hardMaxrec + ")");
        }
        Tap tap = new Tap(defaultMaxrec, hardMaxrec, src.intIn("tap.sync.timeout-seconds", 1, 86_400),
                src.intIn("tap.sync.max-concurrent", 1, 10_000), src.intIn("tap.sync.queue-wait-seconds", 0, 600));
        Uws uws = uws(src, db.asyncPoolSize());
        Service service = new Service(src.string("service.title"), src.string("service.publisher"),
                authority(src));
        String tokens = src.string("auth.tokens-file").trim();
        Auth auth = new Auth(tokens.isEmpty() ? dataDir.resolve("tokens") : home.resolve(tokens).toAbsolutePath().normalize());
        return new ServerConfig(http, storage, db, tap, uws, service, upload(src), auth, products(src));
    }

    private static Upload upload(ConfigSource src) {
        String allowPrivate = src.string("upload.url.allow-private").trim();
        if (!allowPrivate.equals("true") && !allowPrivate.equals("false")) {
            throw src.bad("upload.url.allow-private", allowPrivate, "true or false");
        }
        return new Upload(src.longIn("upload.max-rows", 1, Long.MAX_VALUE),
                src.longIn("upload.max-bytes", 1024, Long.MAX_VALUE), Boolean.parseBoolean(allowPrivate),
                src.intIn("upload.url.timeout-seconds", 1, 3600));
    }

    private static UserProducts products(ConfigSource src) {
        String groups = src.string("products.admin-groups").strip();
        java.util.Set<String> admins = new java.util.LinkedHashSet<>();
        for (String g : groups.isEmpty() ? new String[0] : groups.split("[,\\s]+")) {
            if (!g.matches("[A-Za-z0-9_.-]{1,128}")) {
                throw src.bad("products.admin-groups", groups, "group names (letters, digits, _ . -) separated by commas");
            }
            admins.add(g);
        }
        return new UserProducts(src.longIn("products.quota.max-rows", 1, Long.MAX_VALUE),
                src.longIn("products.quota.max-bytes", 1024, Long.MAX_VALUE),
                src.longIn("products.max-file-bytes", 1024, Long.MAX_VALUE), admins);
    }

    /** H2's page cache in KB: a quarter of the heap, never less than H2's own default of 64 MB. */
    static long h2CacheKb(long maxHeapBytes) {
        return Math.max(64 * 1024, maxHeapBytes / 4 / 1024);
    }

    private static CorsPolicy cors(ConfigSource src) {
        String value = src.string("cors.allowed-origins");
        int maxAge = src.intIn("cors.max-age-seconds", 0, 86_400);
        try {
            return CorsPolicy.parse(value, maxAge);
        } catch (IllegalArgumentException e) {
            throw src.bad("cors.allowed-origins", value, e.getMessage());
        }
    }

    private static Uws uws(ConfigSource src, int asyncPoolSize) {
        int maxExecution = src.intIn("uws.execution.max-seconds", 1, 30 * 86_400);
        int defaultExecution = src.intIn("uws.execution.default-seconds", 1, maxExecution);
        int maxDestruction = src.intIn("uws.destruction.max-days", 1, 3650);
        int defaultDestruction = src.intIn("uws.destruction.default-days", 1, maxDestruction);
        int maxConcurrent = src.intIn("uws.max-concurrent", 1, asyncPoolSize);
        int maxQueued = src.intIn("uws.max-queued", 1, 1_000_000);
        return new Uws(defaultExecution, maxExecution, defaultDestruction, maxDestruction, maxConcurrent,
                src.intIn("uws.max-concurrent-per-owner", 1, maxConcurrent),
                maxQueued, src.intIn("uws.max-queued-per-owner", 1, maxQueued),
                src.intIn("uws.max-wait-seconds", 0, 3600));
    }

    private static String baseUrl(ConfigSource src) {
        String value = src.string("server.base-url");
        if (!value.isEmpty() && !value.matches("https?://[^\\s/]+(/[^\\s]*)?")) {
            throw src.bad("server.base-url", value, "empty or an http(s) URL such as https://pz.example.org/pzvo");
        }
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }

    private static String authority(ConfigSource src) {
        String value = src.string("service.authority");
        if (!value.matches("[A-Za-z0-9][A-Za-z0-9._~-]{2,}")) {
            throw src.bad("service.authority", value, "an IVOA authority such as pzvo.example (letters, digits, . _ ~ -)");
        }
        return value;
    }

    /** The engine the database URL points at. */
    public org.pzvo.db.Engine engine() {
        return org.pzvo.db.Engine.ofJdbcUrl(db.url());
    }
}
