// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.server;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServlet;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Supplier;
import java.util.Optional;
import org.eclipse.jetty.ee10.servlet.DefaultServlet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.resource.ResourceFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import java.time.Clock;
import org.pzvo.adql.feature.Features;
import org.pzvo.auth.AccessKeys;
import org.pzvo.datalink.CutoutServlet;
import org.pzvo.datalink.PreviewServlet;
import org.pzvo.datalink.DatalinkVosiServlet;
import org.pzvo.datalink.LinksServlet;
import org.pzvo.auth.AuthFilter;
import org.pzvo.auth.Identity;
import org.pzvo.auth.TokenFile;
import org.pzvo.dali.ErrorDocument;
import org.pzvo.db.ConnectionPools;
import org.pzvo.obscore.ProductGate;
import org.pzvo.products.ProductService;
import org.pzvo.products.ProductSettings;
import org.pzvo.products.ProductsServlet;
import org.pzvo.files.FilesServlet;
import org.pzvo.obscore.ObsCore;
import org.pzvo.db.Metadata;
import org.pzvo.db.RowCountEstimates;
import org.pzvo.scs.ConeSearch;
import org.pzvo.scs.ScsServlet;
import org.pzvo.sia.SiaServlet;
import org.pzvo.sql.SqlDialects;
import org.pzvo.tap.AsyncQueryRunner;
import org.pzvo.tap.Capabilities;
import org.pzvo.tap.upload.UploadLimits;
import org.pzvo.tap.upload.UploadSession;
import org.pzvo.tap.DaliJobErrors;
import org.pzvo.tap.Examples;
import org.pzvo.tap.QueryRunner;
import org.pzvo.tap.SyncServlet;
import org.pzvo.tap.TapQuery;
import org.pzvo.tap.TapService;
import org.pzvo.tap.Vosi;
import org.pzvo.tap.VosiServlet;
import org.pzvo.uws.JobStore;
import org.pzvo.uws.UwsConfig;
import org.pzvo.uws.UwsService;
import org.pzvo.uws.http.UwsServlet;
import org.pzvo.xmatch.CrossMatchEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server: Jetty with one servlet per endpoint of DESIGN.md's endpoint table. The
 * servlets are thin; they hand validated parameters to the capability services.
 */
public final class PzvoServer implements AutoCloseable {
    /** The service version, sent in the Server header. */
    public static final String VERSION = "0.1";
    /** The ObsCore 1.1 data model identifier declared in the TAP capabilities. */
    public static final String OBSCORE_1_1 = "ivo://ivoa.net/std/ObsCore#core-1.1";
    /** STIL logs routine temporary-file events through java.util.logging; keep them out of the server log. */
    private static final Logger LOG = LoggerFactory.getLogger(PzvoServer.class);
    private static final java.util.logging.Logger STIL_LOG = java.util.logging.Logger.getLogger("uk.ac.starlink");

    static {
        STIL_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    private static final java.util.Set<String> ALLOWED_METHODS = java.util.Set.of("GET", "HEAD", "POST", "DELETE",
            "OPTIONS", "PATCH");

    private final Server jetty;
    private final ServerConnector connector;
    private final UwsService uws;

    private PzvoServer(Server jetty, ServerConnector connector, UwsService uws) {
        this.jetty = jetty;
        this.connector = connector;
        this.uws = uws;
    }

    /** Builds and starts the server; returns once it accepts connections. */
    public static PzvoServer start(ServerConfig config, Metadata metadata, ConnectionPools pools, Path webappDir)
            throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool(config.http().maxThreads(), 8);
        threads.setName("pzvo-http");
        Server jetty = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        ServerConnector connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
        connector.setHost(config.http().host());
        connector.setPort(config.http().port());
        // Slow-client protection: a connection on which nothing is read or written for this long
        // is closed (a client that stops reading a streamed result, or trickles its request).
        connector.setIdleTimeout(config.http().idleTimeoutSeconds() * 1000L);
        jetty.addConnector(connector);

        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        // Errors Jetty answers itself come out as DALI error documents too, without internals.
        context.setErrorHandler(new DaliErrorHandler());
        jetty.setErrorHandler(new DaliErrorHandler());
        // CORS on every endpoint, before any servlet: preflight requests are answered here.
        context.addFilter(new FilterHolder(new CorsFilter(config.http().cors())), "/*",
                EnumSet.of(DispatcherType.REQUEST));
        context.setMaxFormContentSize((int) Math.min(Integer.MAX_VALUE, config.http().maxRequestBytes()));

        // Identify ourselves (taplint and operators like to know) without Jetty's version number.
        Filter serverHeader = (req, resp, chain) -> {
            ((HttpServletResponse) resp).setHeader("Server", "pzvo/" + VERSION);
            chain.doFilter(req, resp);
        };
        context.addFilter(new FilterHolder(serverHeader), "/*", EnumSet.of(DispatcherType.REQUEST));
        // Only the methods the protocols use: no TRACE echo (cross-site tracing), no 501 for others.
        Filter methods = (req, resp, chain) -> {
            HttpServletRequest r = (HttpServletRequest) req;
            if (!ALLOWED_METHODS.contains(r.getMethod())) {
                HttpServletResponse w = (HttpServletResponse) resp;
                w.setStatus(405);
                w.setHeader("Allow", String.join(", ", ALLOWED_METHODS));
                w.setContentType(ErrorDocument.CONTENT_TYPE);
                ErrorDocument.write(w.getOutputStream(), DaliErrorHandler.describe(405, r.getMethod(),
                        r.getRequestURI()));
                return;
            }
            chain.doFilter(req, resp);
        };
        context.addFilter(new FilterHolder(methods), "/*", EnumSet.of(DispatcherType.REQUEST));

        // Identity and access (issue 9): every request is authenticated before any servlet runs;
        // servlets read the result with Identity.of(request).
        TokenFile tokens = TokenFile.open(config.auth().tokensFile(), Clock.systemUTC(), Duration.ofSeconds(2));
        context.addFilter(new FilterHolder(new AuthFilter(tokens)), "/*", EnumSet.of(DispatcherType.REQUEST));

        // DataLink URL for service descriptors on TAP results: known once the connector is bound.
        Supplier<String> links = () -> Launch.publicBaseUrl(config, connector.getLocalPort()) + ObsCore.LINKS_PATH;
        TapService tap = tapService(config, metadata, pools, links);
        Vosi vosi = vosi(config, pools);
        vosi.refreshRowCounts();
        UwsService uws = uwsService(config, pools, tap, tokens);

        ServletHolder sync = new ServletHolder(new SyncServlet(tap));
        Path uploads = Files.createDirectories(config.storage().dataDir().resolve("tmp"));
        sync.getRegistration().setMultipartConfig(new MultipartConfigElement(uploads.toString(),
                config.http().maxRequestBytes(), config.http().maxRequestBytes(), 1 << 20));
        context.addServlet(sync, "/tap/sync");
        // A job belongs to the user of the request that made it; anybody else gets 404.
        ServletHolder async = new ServletHolder(new UwsServlet(uws, req -> Identity.of(req).owner(),
                new DaliJobErrors()));
        // WAIT blocks asynchronously instead of holding an HTTP thread.
        async.setAsyncSupported(true);
        async.getRegistration().setMultipartConfig(UwsServlet.multipartConfig(uploads, config.http().maxRequestBytes()));
        context.addServlet(async, "/tap/async");
        context.addServlet(async, "/tap/async/*");
        add(context, new TapRootServlet(), "/tap");
        add(context, new TapRootServlet(), "/tap/");
        add(context, new VosiServlet(VosiServlet.Kind.CAPABILITIES, tap, vosi), "/tap/capabilities");
        add(context, new VosiServlet(VosiServlet.Kind.AVAILABILITY, tap, vosi), "/tap/availability");
        add(context, new VosiServlet(VosiServlet.Kind.EXAMPLES, tap, vosi), "/tap/examples");
        VosiServlet tables = new VosiServlet(VosiServlet.Kind.TABLES, tap, vosi);
        add(context, tables, "/tap/tables");
        add(context, tables, "/tap/tables/*");

        // Simple Cone Search 1.03: /scs/{schema.table}, with /capabilities and /availability.
        add(context, new ScsServlet(new ConeSearch(tap), tap.syncDataSource(), config.http().baseUrl()), "/scs/*");
        // SIA 2.0 over ivoa.obscore: /sia/query, /sia/capabilities, /sia/availability.
        add(context, new SiaServlet(tap, config.http().baseUrl()), "/sia");
        add(context, new SiaServlet(tap, config.http().baseUrl()), "/sia/*");
        // DataLink services of map and catalog products: /datalink/preview (PNG), /datalink/cutout (SODA-style).
        add(context, new PreviewServlet(tap, config.storage().dataDir()), "/datalink/preview");
        add(context, new CutoutServlet(tap), "/datalink/cutout");
        // DataLink {links} and its VOSI resources (/datalink/links, /datalink/capabilities,
        // /datalink/availability) and the registered file products (/files/...), issue 7.
        String authority = config.service().authority();
        // User products (issue 11): the publishing API /products; /files and DataLink hide the
        // products not shared with the requesting user.
        ProductService products = productService(config, pools, tap, uws);
        ServletHolder productsServlet = new ServletHolder(new ProductsServlet(products, uploads,
                config.http().baseUrl()));
        productsServlet.getRegistration().setMultipartConfig(ProductsServlet.multipartConfig(uploads,
                config.products().maxFileBytes()));
        context.addServlet(productsServlet, ProductsServlet.PATH);
        context.addServlet(productsServlet, ProductsServlet.PATH + "/*");
        ProductGate gate = products::maySee;
        add(context, new LinksServlet(pools.sync(), authority, config.http().baseUrl(), metadata, gate),
                "/datalink/links");
        add(context, new DatalinkVosiServlet(DatalinkVosiServlet.Kind.CAPABILITIES, pools.sync(),
                config.http().baseUrl()), "/datalink/capabilities");
        add(context, new DatalinkVosiServlet(DatalinkVosiServlet.Kind.AVAILABILITY, pools.sync(),
                config.http().baseUrl()), "/datalink/availability");
        add(context, new FilesServlet(pools.sync(), config.storage().dataDir(), metadata, gate),
                FilesServlet.PATH + "/*");

        if (Files.isDirectory(webappDir)) {
            context.setBaseResource(ResourceFactory.of(context).newResource(webappDir));
            ServletHolder files = new ServletHolder("webapp", DefaultServlet.class);
            files.setInitParameter("dirAllowed", "false");
            context.addServlet(files, "/");
        }
        jetty.setHandler(context);
        jetty.setStopAtShutdown(true);
        try {
            jetty.start();
        } catch (Exception e) {
            uws.close();
            jetty.stop();
            if (e instanceof java.net.BindException || e.getCause() instanceof java.net.BindException) {
                throw new StartupException("Cannot listen on " + config.http().host() + ":" + config.http().port()
                        + " (" + e.getMessage() + "). Another program uses this port: choose another one with"
                        + " --port or server.port (0 picks a free port).", e);
            }
            throw e;
        }
        return new PzvoServer(jetty, connector, uws);
    }

    private static void add(ServletContextHandler context, HttpServlet servlet, String path) {
        context.addServlet(new ServletHolder(servlet), path);
    }

    private static TapService tapService(ServerConfig config, Metadata metadata, ConnectionPools pools,
                                         Supplier<String> links) {
        var dialect = SqlDialects.of(pools.engine());
        var tapLimits = config.tap();
        // Cross-match engine: positional joins between catalogs and uploads (issue 6).
        var engine = Optional.of(new CrossMatchEngine(config.storage().dataDir().resolve("index"), metadata));
        try (Connection c = pools.async().getConnection()) {
            // Upload tables of requests a crash interrupted (issue 6).
            UploadSession.dropLeftovers(c);
            engine.get().prepare(c);
        } catch (SQLException e) {
            LOG.warn("Could not clear TAP_UPLOAD or prepare the cross-match position indexes: {}", e.getMessage());
        }
        QueryRunner sync = new QueryRunner(new QueryRunner.Settings(pools.sync(), dialect, config.db().fetchSize(),
                tapLimits.syncTimeoutSeconds(), links), engine);
        // No statement timeout for jobs: the UWS engine aborts them at their execution duration,
        // which cancels the statement.
        QueryRunner async = new QueryRunner(new QueryRunner.Settings(pools.async(), dialect, config.db().fetchSize(), 0,
                links), engine);
        var u = config.upload();
        return new TapService(metadata, Features.udfs(), new TapQuery.Limits(tapLimits.defaultMaxrec(),
                tapLimits.hardMaxrec(), config.http().maxQueryChars()),
                new UploadLimits(u.maxRows(), u.maxBytes(), u.allowPrivateUrls(), u.urlTimeoutSeconds()), sync, async,
                new TapService.SyncCapacity(tapLimits.syncMaxConcurrent(), tapLimits.syncQueueWaitSeconds() * 1000L));
    }

    private static UwsService uwsService(ServerConfig config, ConnectionPools pools, TapService tap,
                                         TokenFile tokens) {
        var u = config.uws();
        UwsConfig uwsConfig = new UwsConfig(Duration.ofSeconds(u.defaultExecutionSeconds()),
                Duration.ofSeconds(u.maxExecutionSeconds()), Duration.ofDays(u.defaultDestructionDays()),
                Duration.ofDays(u.maxDestructionDays()), u.maxConcurrent(), u.maxConcurrentPerOwner(), u.maxQueued(),
                u.maxQueuedPerOwner(),
                Duration.ofSeconds(u.maxWaitSeconds()), config.storage().dataDir(), Duration.ofMinutes(1));
        JobStore store = new JobStore(pools.async(), pools.engine());
        store.createSchema();
        UwsService service = new UwsService(uwsConfig, store, new AsyncQueryRunner(tap,
                owner -> AccessKeys.of(owner, tokens.groupsOf(owner))));
        service.start();
        return service;
    }

    private static ProductService productService(ServerConfig config, ConnectionPools pools, TapService tap,
                                                 UwsService uws) throws java.io.IOException, java.sql.SQLException {
        var p = config.products();
        Path projectSchemas = config.storage().metadataDir();
        ProductService service = ProductService.create(pools.async(), pools.engine(), Metadata.load(projectSchemas),
                projectSchemas, config.storage().dataDir(), config.service().authority(), tap::reload, uws,
                new ProductSettings(p.quotaRows(), p.quotaBytes(), p.maxFileBytes(), p.adminGroups()));
        service.refresh();
        return service;
    }

    private static Vosi vosi(ServerConfig config, ConnectionPools pools) {
        var t = config.tap();
        var u = config.uws();
        Capabilities caps = new Capabilities(Features.supported(),
                new Capabilities.Limits(t.defaultMaxrec(), t.hardMaxrec(), u.defaultExecutionSeconds(),
                        u.maxExecutionSeconds(), u.defaultDestructionDays() * 86_400, u.maxDestructionDays() * 86_400,
                        config.upload().maxRows()),
                // ivoa.obscore (tap-schema/ivoa.yaml) implements ObsCore 1.1 (ObsCore 1.1 §4.1 identifier).
                List.of(OBSCORE_1_1));
        return new Vosi(config.http().baseUrl(), pools.sync(), caps, Examples.load(),
                c -> RowCountEstimates.estimate(c, pools.engine()));
    }

    /** The port actually bound (differs from the configured one when that was 0). */
    public int port() {
        return connector.getLocalPort();
    }

    public void join() throws InterruptedException {
        jetty.join();
    }

    @Override
    public void close() throws Exception {
        try {
            jetty.stop();
        } finally {
            uws.close();
        }
    }
}
