// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.server;

import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.http.HttpServlet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.DefaultServlet;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.resource.ResourceFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.pzvo.adql.feature.Features;
import org.pzvo.db.ConnectionPools;
import org.pzvo.db.Metadata;
import org.pzvo.db.RowCountEstimates;
import org.pzvo.sql.SqlDialects;
import org.pzvo.tap.Capabilities;
import org.pzvo.tap.Examples;
import org.pzvo.tap.QueryRunner;
import org.pzvo.tap.SyncServlet;
import org.pzvo.tap.TapQuery;
import org.pzvo.tap.TapService;
import org.pzvo.tap.Vosi;
import org.pzvo.tap.VosiServlet;

/**
 * The HTTP server: Jetty with one servlet per endpoint of DESIGN.md's endpoint table. The
 * servlets are thin; they hand validated parameters to the capability services.
 */
public final class PzvoServer implements AutoCloseable {
    private final Server jetty;
    private final ServerConnector connector;

    private PzvoServer(Server jetty, ServerConnector connector) {
        this.jetty = jetty;
        this.connector = connector;
    }

    /** Builds and starts the server; returns once it accepts connections. */
    public static PzvoServer start(ServerConfig config, Metadata metadata, ConnectionPools pools, Path webappDir)
            throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool(200, 8);
        threads.setName("pzvo-http");
        Server jetty = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        ServerConnector connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
        connector.setHost(config.http().host());
        connector.setPort(config.http().port());
        jetty.addConnector(connector);

        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        ErrorHandler errors = new ErrorHandler();
        errors.setShowStacks(false);
        errors.setShowMessageInTitle(false);
        context.setErrorHandler(errors);
        context.setMaxFormContentSize((int) Math.min(Integer.MAX_VALUE, config.http().maxRequestBytes()));

        TapService tap = tapService(config, metadata, pools);
        Vosi vosi = vosi(config, pools);
        vosi.refreshRowCounts();

        ServletHolder sync = new ServletHolder(new SyncServlet(tap));
        Path uploads = Files.createDirectories(config.storage().dataDir().resolve("tmp"));
        sync.getRegistration().setMultipartConfig(new MultipartConfigElement(uploads.toString(),
                config.http().maxRequestBytes(), config.http().maxRequestBytes(), 1 << 20));
        context.addServlet(sync, "/tap/sync");
        add(context, new VosiServlet(VosiServlet.Kind.CAPABILITIES, tap, vosi), "/tap/capabilities");
        add(context, new VosiServlet(VosiServlet.Kind.AVAILABILITY, tap, vosi), "/tap/availability");
        add(context, new VosiServlet(VosiServlet.Kind.EXAMPLES, tap, vosi), "/tap/examples");
        VosiServlet tables = new VosiServlet(VosiServlet.Kind.TABLES, tap, vosi);
        add(context, tables, "/tap/tables");
        add(context, tables, "/tap/tables/*");

        if (Files.isDirectory(webappDir)) {
            context.setBaseResource(ResourceFactory.of(context).newResource(webappDir));
            ServletHolder files = new ServletHolder("webapp", DefaultServlet.class);
            files.setInitParameter("dirAllowed", "false");
            context.addServlet(files, "/");
        }
        jetty.setHandler(context);
        jetty.setStopAtShutdown(true);
        jetty.start();
        return new PzvoServer(jetty, connector);
    }

    private static void add(ServletContextHandler context, HttpServlet servlet, String path) {
        context.addServlet(new ServletHolder(servlet), path);
    }

    private static TapService tapService(ServerConfig config, Metadata metadata, ConnectionPools pools) {
        var dialect = SqlDialects.of(pools.engine());
        var tapLimits = config.tap();
        QueryRunner sync = new QueryRunner(new QueryRunner.Settings(pools.sync(), dialect, config.db().fetchSize(),
                tapLimits.syncTimeoutSeconds()));
        QueryRunner async = new QueryRunner(new QueryRunner.Settings(pools.async(), dialect, config.db().fetchSize(),
                tapLimits.syncTimeoutSeconds()));
        return new TapService(metadata, new TapQuery.Limits(tapLimits.defaultMaxrec(), tapLimits.hardMaxrec(),
                config.http().maxQueryChars()), sync, async);
    }

    private static Vosi vosi(ServerConfig config, ConnectionPools pools) {
        var t = config.tap();
        Capabilities caps = new Capabilities(Features.all(),
                new Capabilities.Limits(t.defaultMaxrec(), t.hardMaxrec(), t.syncTimeoutSeconds(),
                        t.syncTimeoutSeconds(), t.syncTimeoutSeconds(), 86_400, 86_400 * 7),
                List.of());
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
        jetty.stop();
    }
}
