// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * CorsFilter on a real Jetty server on a random loopback port: one context with a listed origin,
 * one with {@code *}, each in front of a servlet that answers like the TAP endpoints do (200 body,
 * 303 to a job, 400 error document).
 */
class CorsFilterTest {
    private static final String PORTAL = "https://portal.example.org";
    private static final String OTHER = "https://evil.example.com";

    private static Server jetty;
    private static String listedBase;
    private static String anyBase;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        jetty.addConnector(connector);
        var contexts = new org.eclipse.jetty.server.handler.ContextHandlerCollection();
        contexts.addHandler(context("/listed", CorsPolicy.parse(PORTAL + ", http://localhost:3000", 900)));
        contexts.addHandler(context("/any", CorsPolicy.parse("*", 600)));
        jetty.setHandler(contexts);
        jetty.start();
        String base = "http://127.0.0.1:" + connector.getLocalPort();
        listedBase = base + "/listed";
        anyBase = base + "/any";
    }

    private static ServletContextHandler context(String path, CorsPolicy policy) {
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath(path);
        context.addFilter(new FilterHolder(new CorsFilter(policy)), "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(new Endpoint()), "/*");
        return context;
    }

    @AfterAll
    static void stop() throws Exception {
        jetty.stop();
    }

    /** Stands in for a TAP endpoint: /ok 200, /job 303 to a job URL, /bad 400. */
    private static final class Endpoint extends HttpServlet {
        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            switch (req.getPathInfo()) {
                case "/job" -> {
                    resp.setStatus(303);
                    resp.setHeader("Location", req.getRequestURL() + "/42");
                }
                case "/bad" -> {
                    resp.setStatus(400);
                    resp.setContentType("text/xml");
                    resp.getWriter().write("<VOTABLE/>");
                }
                default -> {
                    resp.setContentType("text/plain");
                    resp.getWriter().write(req.getMethod() + " ok");
                }
            }
        }
    }

    private static HttpResponse<String> send(String method, String url, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).method(method, HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            b.headers(headers);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> corsHeaders(HttpHeaders h) {
        return h.map().keySet().stream().filter(k -> k.toLowerCase().startsWith("access-control-")).toList();
    }

    @Test
    void listedOriginGetsItsOriginCredentialsAndExposedHeaders() throws Exception {
        HttpResponse<String> r = send("GET", listedBase + "/ok", "Origin", PORTAL);
        assertEquals(200, r.statusCode());
        assertEquals("GET ok", r.body());
        assertEquals(PORTAL, r.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
        assertEquals("true", r.headers().firstValue("Access-Control-Allow-Credentials").orElseThrow());
        assertEquals("Location, Content-Disposition", r.headers().firstValue("Access-Control-Expose-Headers").orElseThrow());
        assertTrue(r.headers().allValues("Vary").stream().anyMatch(v -> v.contains("Origin")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/job", "/bad"})
    void headersAreOnRedirectsAndErrorsToo(String path) throws Exception {
        HttpResponse<String> r = send("POST", listedBase + path, "Origin", "http://localhost:3000");
        assertEquals(path.equals("/job") ? 303 : 400, r.statusCode());
        assertEquals("http://localhost:3000", r.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
        assertEquals("Location, Content-Disposition", r.headers().firstValue("Access-Control-Expose-Headers").orElseThrow());
    }

    @Test
    void otherOriginGetsNoCorsHeadersButItsAnswer() throws Exception {
        HttpResponse<String> r = send("GET", listedBase + "/ok", "Origin", OTHER);
        assertEquals(200, r.statusCode());
        assertEquals("GET ok", r.body());
        assertEquals(List.of(), corsHeaders(r.headers()));
        assertTrue(r.headers().allValues("Vary").stream().anyMatch(v -> v.contains("Origin")),
                "caches must not serve this answer to a listed origin");
    }

    @Test
    void sameOriginRequestWithoutOriginIsUntouched() throws Exception {
        HttpResponse<String> r = send("GET", listedBase + "/ok");
        assertEquals(200, r.statusCode());
        assertEquals(List.of(), corsHeaders(r.headers()));
    }

    @Test
    void preflightFromListedOriginIsAnsweredWithoutReachingTheServlet() throws Exception {
        HttpResponse<String> r = send("OPTIONS", listedBase + "/job", "Origin", PORTAL,
                "Access-Control-Request-Method", "DELETE", "Access-Control-Request-Headers", "authorization");
        assertEquals(204, r.statusCode());
        assertEquals("", r.body());
        HttpHeaders h = r.headers();
        assertEquals(PORTAL, h.firstValue("Access-Control-Allow-Origin").orElseThrow());
        assertEquals("true", h.firstValue("Access-Control-Allow-Credentials").orElseThrow());
        assertTrue(h.firstValue("Access-Control-Allow-Methods").orElseThrow().contains("DELETE"));
        assertTrue(h.firstValue("Access-Control-Allow-Methods").orElseThrow().contains("POST"));
        assertTrue(h.firstValue("Access-Control-Allow-Headers").orElseThrow().contains("Authorization"));
        assertEquals("900", h.firstValue("Access-Control-Max-Age").orElseThrow());
    }

    @Test
    void preflightFromOtherOriginIsRefusedWithoutCorsHeaders() throws Exception {
        HttpResponse<String> r = send("OPTIONS", listedBase + "/ok", "Origin", OTHER,
                "Access-Control-Request-Method", "POST");
        assertEquals(403, r.statusCode());
        assertEquals(List.of(), corsHeaders(r.headers()));
    }

    @Test
    void plainOptionsWithoutPreflightHeadersReachesTheServlet() throws Exception {
        HttpResponse<String> r = send("OPTIONS", listedBase + "/ok", "Origin", PORTAL);
        assertEquals(200, r.statusCode());
        assertEquals("OPTIONS ok", r.body());
    }

    @Test
    void wildcardAllowsEveryOriginWithoutCredentials() throws Exception {
        HttpResponse<String> r = send("GET", anyBase + "/ok", "Origin", OTHER);
        assertEquals("*", r.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
        assertFalse(r.headers().firstValue("Access-Control-Allow-Credentials").isPresent());
        assertTrue(r.headers().firstValue("Access-Control-Expose-Headers").orElseThrow().contains("Location"));
        assertFalse(r.headers().allValues("Vary").stream().anyMatch(v -> v.contains("Origin")));

        HttpResponse<String> pre = send("OPTIONS", anyBase + "/ok", "Origin", OTHER,
                "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "authorization,content-type");
        assertEquals(204, pre.statusCode());
        assertEquals("*", pre.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
        assertFalse(pre.headers().firstValue("Access-Control-Allow-Credentials").isPresent());
        assertTrue(pre.headers().firstValue("Access-Control-Allow-Headers").orElseThrow().contains("Authorization"));
        assertEquals("600", pre.headers().firstValue("Access-Control-Max-Age").orElseThrow());
    }

    @Test
    void policyNormalisesOriginsAndRejectsWhatIsNotAnOrigin() {
        CorsPolicy p = CorsPolicy.parse(" HTTPS://Portal.Example.org:443  http://localhost:8080 ", 60);
        assertEquals(Set.of("https://portal.example.org", "http://localhost:8080"), p.allowedOrigins());
        assertEquals(CorsPolicy.Grant.CREDENTIALS, p.grant("https://portal.example.org"));
        assertEquals(CorsPolicy.Grant.NONE, p.grant("http://localhost:8081"));
        assertEquals(CorsPolicy.Grant.NONE, p.grant(null));
        assertFalse(CorsPolicy.parse("", 60).enabled());
        for (String bad : List.of("portal.example.org", "ftp://x.org", "https://x.org/tap", "null", "https://x.org?a=1")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CorsPolicy.parse(bad, 60));
            assertTrue(e.getMessage().startsWith("Expected an origin such as"), e.getMessage());
            assertTrue(e.getMessage().endsWith("actual '" + bad + "'"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> CorsPolicy.parse("*", -1));
    }
}
