// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.uws.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pzvo.db.Engine;
import org.pzvo.uws.Job;
import org.pzvo.uws.JobStore;
import org.pzvo.uws.TestRunner;
import org.pzvo.uws.UwsConfig;
import org.pzvo.uws.UwsService;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The UWS 1.1 HTTP binding on a real Jetty server on a random loopback port, with the engine on
 * an H2 file database. The owner is taken from the X-Test-User header (absent = anonymous).
 */
class UwsServletTest {

    static final String UWS = "http://www.ivoa.net/xml/UWS/v1.0";
    static final Pattern ISO_Z = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");

    @TempDir
    Path dataDir;

    HikariDataSource pool;
    TestRunner runner;
    UwsService service;
    Server server;
    String base;
    HttpClient http;

    @BeforeEach
    void start() throws Exception {
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl("jdbc:h2:file:" + dataDir.resolve("service").toAbsolutePath());
        pool = new HikariDataSource(hc);
        JdbcDataSource data = new JdbcDataSource();
        data.setURL("jdbc:h2:mem:httpdata" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        runner = new TestRunner(data);
        UwsConfig config = new UwsConfig(Duration.ofSeconds(60), Duration.ofSeconds(600),
                Duration.ofHours(1), Duration.ofDays(3), 2, 1, 50, 3, Duration.ofSeconds(2), dataDir,
                Duration.ofSeconds(1));
        service = new UwsService(config, new JobStore(pool, Engine.H2), runner);
        service.start();
        server = new Server(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        ServletContextHandler context = new ServletContextHandler("/");
        ServletHolder holder = new ServletHolder(new UwsServlet(service,
                req -> req.getHeader("X-Test-User"), ErrorWriter.plainText()));
        holder.setAsyncSupported(true);
        holder.getRegistration().setMultipartConfig(
                UwsServlet.multipartConfig(dataDir, 10_000_000));
        context.addServlet(holder, "/tap/async/*");
        server.setHandler(context);
        server.start();
        base = "http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort()
                + "/tap/async";
        http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @AfterEach
    void stop() throws Exception {
        runner.release();
        server.stop();
        service.close();
        pool.close();
    }

    // ---- helpers ----

    HttpResponse<String> get(String url, String user) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).GET();
        if (user != null) {
            b.header("X-Test-User", user);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String url, String user, String... form) throws Exception {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < form.length; i += 2) {
            body.append(body.length() == 0 ? "" : "&").append(URLEncoder.encode(form[i], StandardCharsets.UTF_8))
                    .append('=').append(URLEncoder.encode(form[i + 1], StandardCharsets.UTF_8));
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (user != null) {
            b.header("X-Test-User", user);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> delete(String url, String user) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).DELETE();
        if (user != null) {
            b.header("X-Test-User", user);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Creates a job and returns its URL (asserting the 303). */
    String create(String user, String... form) throws Exception {
        HttpResponse<String> r = post(base, user, form);
        assertEquals(303, r.statusCode(), r.body());
        String location = r.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(base + "/"), location);
        return location;
    }

    static Document xml(HttpResponse<String> r) throws Exception {
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/xml"));
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)));
    }

    static String text(Document d, String element) {
        Node n = d.getElementsByTagNameNS(UWS, element).item(0);
        return n == null ? null : n.getTextContent();
    }

    static List<String> childNames(Element e) {
        List<String> names = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c) {
                names.add(c.getLocalName());
            }
        }
        return names;
    }

    Document awaitFinal(String jobUrl, String user) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            Document d = xml(get(jobUrl + "?WAIT=2", user));
            String phase = text(d, "phase");
            if (List.of("COMPLETED", "ERROR", "ABORTED").contains(phase) || System.nanoTime() > deadline) {
                return d;
            }
        }
    }

    static void assertRefused(HttpResponse<String> r, int status, String messagePart) {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.body().contains(messagePart), "expected '" + messagePart + "' in: " + r.body());
        assertFalse(r.body().contains("Exception"), r.body());
        assertFalse(r.body().contains("\tat "), r.body());
    }

    // ---- tests ----

    @Test
    void fullLifecycleWithResultDownload() throws Exception {
        String job = create("alice", "MODE", "write", "TEXT", "résultat", "RUNID", "r-1", "PHASE", "RUN");
        Document d = awaitFinal(job, "alice");
        Element root = d.getDocumentElement();
        assertEquals(UWS, root.getNamespaceURI());
        assertEquals("job", root.getLocalName());
        assertEquals("1.1", root.getAttribute("version"));
        assertEquals(List.of("jobId", "runId", "ownerId", "phase", "quote", "creationTime", "startTime",
                "endTime", "executionDuration", "destruction", "parameters", "results", "jobInfo"),
                childNames(root));
        assertEquals("COMPLETED", text(d, "phase"));
        assertTrue(job.endsWith("/" + text(d, "jobId")));
        assertEquals("alice", text(d, "ownerId"));
        assertEquals("r-1", text(d, "runId"));
        for (String t : List.of("creationTime", "startTime", "endTime", "destruction")) {
            assertTrue(ISO_Z.matcher(text(d, t)).matches(), t + " " + text(d, t));
        }
        assertEquals("60", text(d, "executionDuration"));
        Element result = (Element) d.getElementsByTagNameNS(UWS, "result").item(0);
        assertEquals("result", result.getAttribute("id"));
        assertEquals(job + "/results/result",
                result.getAttributeNS("http://www.w3.org/1999/xlink", "href"));
        assertEquals("text/plain;charset=UTF-8", result.getAttribute("mime-type"));
        byte[] expected = "résultat".getBytes(StandardCharsets.UTF_8);
        assertEquals(Integer.toString(expected.length), result.getAttribute("size"));

        HttpResponse<byte[]> file = http.send(HttpRequest.newBuilder(URI.create(job + "/results/result"))
                .header("X-Test-User", "alice").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, file.statusCode());
        assertTrue("text/plain;charset=UTF-8".equalsIgnoreCase(
                file.headers().firstValue("Content-Type").orElseThrow().replace(" ", "")));
        assertEquals(Long.toString(expected.length), file.headers().firstValue("Content-Length").orElseThrow());
        assertEquals("résultat", new String(file.body(), StandardCharsets.UTF_8));

        Document results = xml(get(job + "/results", "alice"));
        assertEquals("results", results.getDocumentElement().getLocalName());
        assertEquals(1, results.getElementsByTagNameNS(UWS, "result").getLength());
        Document params = xml(get(job + "/parameters", "alice"));
        assertEquals("parameters", params.getDocumentElement().getLocalName());
        assertEquals(3, params.getElementsByTagNameNS(UWS, "parameter").getLength());

        assertPlain(get(job + "/phase", "alice"), "COMPLETED");
        assertPlain(get(job + "/executionduration", "alice"), "60");
        assertPlain(get(job + "/owner", "alice"), "alice");
        assertPlain(get(job + "/quote", "alice"), "");
        assertTrue(ISO_Z.matcher(get(job + "/destruction", "alice").body()).matches());
        assertRefused(get(job + "/error", "alice"), 404, "no error summary");
    }

    static void assertPlain(HttpResponse<String> r, String body) {
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        assertEquals(body, r.body());
    }

    @Test
    void pendingJobIsConfiguredThenRunLikeTaplintDoes() throws Exception {
        String job = create(null, "MODE", "write", "RUNID", "TAPLINT-001");
        assertPlain(get(job + "/phase", null), "PENDING");
        Document d = xml(get(job, null));
        assertEquals("true", ((Element) d.getElementsByTagNameNS(UWS, "ownerId").item(0))
                .getAttributeNS("http://www.w3.org/2001/XMLSchema-instance", "nil"));
        assertEquals(303, post(job + "/parameters", null, "runId", "TAPLINT-002").statusCode());
        Document updated = xml(get(job, null));
        assertEquals("TAPLINT-002", text(updated, "runId"));
        assertEquals(1, updated.getElementsByTagNameNS(UWS, "parameter").getLength() - 1);
        assertEquals(303, post(job + "/executionduration", null, "EXECUTIONDURATION", "30").statusCode());
        assertPlain(get(job + "/executionduration", null), "30");
        assertEquals(303, post(job + "/executionduration", null, "EXECUTIONDURATION", "99999999999999999999999")
                .statusCode());
        assertPlain(get(job + "/executionduration", null), "600");
        String when = Instant.now().plusSeconds(3600).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        assertEquals(303, post(job + "/destruction", null, "DESTRUCTION", when).statusCode());
        assertPlain(get(job + "/destruction", null), when);
        HttpResponse<String> run = post(job + "/phase", null, "PHASE", "RUN");
        assertEquals(303, run.statusCode());
        assertEquals(job, run.headers().firstValue("Location").orElseThrow());
        assertEquals("COMPLETED", text(awaitFinal(job, null), "phase"));
        assertRefused(post(job + "/parameters", null, "QUERY", "x"), 409, "PENDING");
        assertRefused(post(job + "/executionduration", null, "EXECUTIONDURATION", "5"), 409, "PENDING");
    }

    @Test
    void badInputGetsFourHundredsWithClearMessages() throws Exception {
        String job = create("carl", "MODE", "write");
        assertRefused(post(job + "/phase", "carl", "PHASE", "FOO"), 400, "PHASE must be RUN or ABORT");
        assertRefused(post(job + "/phase", "carl"), 400, "Missing parameter PHASE");
        assertRefused(post(job + "/executionduration", "carl", "EXECUTIONDURATION", "-5"), 400, "non-negative");
        assertRefused(post(job + "/executionduration", "carl", "EXECUTIONDURATION", "ten"), 400, "integer");
        assertRefused(post(job + "/destruction", "carl", "DESTRUCTION", "2001-01-01T00:00:00Z"), 400, "future");
        assertRefused(post(job + "/destruction", "carl", "DESTRUCTION", "next tuesday"), 400, "ISO 8601");
        assertRefused(get(job + "?WAIT=abc", "carl"), 400, "WAIT must be an integer");
        assertRefused(get(job + "?WAIT=-7", "carl"), 400, "WAIT must be -1");
        assertRefused(get(job + "?WAIT=1&PHASE=NOPE", "carl"), 400, "PHASE must be");
        assertRefused(get(base + "?PHASE=DONE", "carl"), 400, "PHASE must be one of");
        assertRefused(get(base + "?LAST=0", "carl"), 400, "LAST must be a positive");
        assertRefused(get(base + "?LAST=x", "carl"), 400, "LAST must be an integer");
        assertRefused(get(base + "?AFTER=yesterday", "carl"), 400, "AFTER must be an ISO 8601");
        assertRefused(get(base + "?AFTER=%2B999999-01-01T00:00:00Z", "carl"), 400, "between the years");
        assertRefused(get(base + "?LAST=99999999999999999999999", "carl"), 400, "LAST must be an integer");
        assertRefused(post(base, "carl", "QUERY", "a\0b"), 400, "NUL");
        assertRefused(post(base, "carl", "RUNID", "r".repeat(5000)), 400, "RUNID");
        assertRefused(post(job + "/destruction", "carl", "DESTRUCTION", "+10000-01-01T00:00:00Z"), 400,
                "between the years");
        assertRefused(post(job, "carl"), 400, "ACTION=DELETE");
        assertRefused(post(job, "carl", "ACTION", "EXPLODE"), 400, "ACTION=DELETE");
        assertRefused(post(base, "carl", "MODE", "write", "BAD", "1"), 400, "Parameter BAD is not allowed");
        assertRefused(post(base, "carl", "MODE", "write", "PHASE", "ABORT"), 400, "must be RUN");
        assertRefused(post(base, "carl", "EXECUTIONDURATION", "-1"), 400, "negative");
        assertRefused(post(base, "carl", "DESTRUCTION", "1999-01-01"), 400, "future");
        assertRefused(get(base + "/0123456789abcdef0123", "carl"), 404, "No job");
        HttpResponse<String> traversal = get(base + "/..%2F..%2Fetc%2Fpasswd", "carl");
        assertTrue(traversal.statusCode() == 400 || traversal.statusCode() == 404, traversal.body());
        assertFalse(traversal.body().contains("root:"), traversal.body());
        assertRefused(get(job + "/nonsense", "carl"), 404, "No such job resource");
        assertRefused(get(job + "/results/result", "carl"), 404, "has no result");
        assertRefused(get(job + "/results/../../x", "carl"), 404, "");
        assertRefused(get(job + "/a/b/c", "carl"), 404, "No such resource");
        assertRefused(delete(job + "/phase", "carl"), 400, "not supported");
        HttpResponse<String> badForm = http.send(HttpRequest.newBuilder(URI.create(base))
                .header("Content-Type", "multipart/form-data; boundary=zzz")
                .POST(HttpRequest.BodyPublishers.ofString("garbage")).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(badForm.statusCode() == 400, badForm.statusCode() + " " + badForm.body());
        assertEquals(1, service.list("carl", org.pzvo.uws.JobFilter.ALL).size());
    }

    @Test
    void ownersCannotSeeOrTouchOtherOwnersJobs() throws Exception {
        String alices = create("alice", "MODE", "write");
        String anonymous = create(null, "MODE", "write");
        assertRefused(get(alices, "bob"), 404, "No job");
        assertRefused(get(alices, null), 404, "No job");
        assertRefused(get(anonymous, "bob"), 404, "No job");
        assertRefused(post(alices + "/phase", "bob", "PHASE", "RUN"), 404, "No job");
        assertRefused(post(alices + "/phase", "bob", "PHASE", "FOO"), 404, "No job");
        assertRefused(delete(alices, "bob"), 404, "No job");
        assertRefused(post(alices, "bob", "ACTION", "DELETE"), 404, "No job");
        assertRefused(get(alices + "/parameters", "bob"), 404, "No job");
        assertEquals(0, xml(get(base, "bob")).getElementsByTagNameNS(UWS, "jobref").getLength());
        Document anon = xml(get(base, null));
        assertEquals(1, anon.getElementsByTagNameNS(UWS, "jobref").getLength());
        assertTrue(anonymous.endsWith(((Element) anon.getElementsByTagNameNS(UWS, "jobref").item(0)).getAttribute("id")));
        assertEquals("PENDING", text(xml(get(alices, "alice")), "phase"));
    }

    @Test
    void jobListIsAUwsDocumentAndFilters() throws Exception {
        String j1 = create("dora", "MODE", "write");
        Thread.sleep(5);
        String j2 = create("dora", "MODE", "write", "PHASE", "RUN");
        Thread.sleep(5);
        String j3 = create("dora", "MODE", "block", "RUNID", "r3");
        awaitFinal(j2, "dora");
        assertEquals(303, post(j3 + "/phase", "dora", "PHASE", "ABORT").statusCode());
        Document all = xml(get(base, "dora"));
        assertEquals("jobs", all.getDocumentElement().getLocalName());
        assertEquals("1.1", all.getDocumentElement().getAttribute("version"));
        List<String> hrefs = new ArrayList<>();
        for (int i = 0; i < all.getElementsByTagNameNS(UWS, "jobref").getLength(); i++) {
            Element ref = (Element) all.getElementsByTagNameNS(UWS, "jobref").item(i);
            hrefs.add(ref.getAttributeNS("http://www.w3.org/1999/xlink", "href"));
            assertEquals("phase", childNames(ref).get(0));
        }
        assertEquals(List.of(j3, j2, j1), hrefs);
        assertEquals(List.of(j1), refs(base + "?PHASE=PENDING"));
        assertEquals(List.of(j3, j2), refs(base + "?PHASE=COMPLETED&PHASE=ABORTED"));
        assertEquals(List.of(j3), refs(base + "?LAST=1"));
        assertEquals(List.of(j2), refs(base + "?PHASE=COMPLETED&LAST=5"));
        String after = text(xml(get(j1, "dora")), "creationTime");
        assertEquals(List.of(j3, j2), refs(base + "?AFTER=" + after));
        assertEquals(List.of(), refs(base + "?PHASE=ARCHIVED"));
    }

    private List<String> refs(String url) throws Exception {
        Document d = xml(get(url, "dora"));
        List<String> hrefs = new ArrayList<>();
        for (int i = 0; i < d.getElementsByTagNameNS(UWS, "jobref").getLength(); i++) {
            hrefs.add(((Element) d.getElementsByTagNameNS(UWS, "jobref").item(i))
                    .getAttributeNS("http://www.w3.org/1999/xlink", "href"));
        }
        return hrefs;
    }

    @Test
    void deleteAndActionDeleteRedirectToTheList() throws Exception {
        String j1 = create("eve", "MODE", "write", "PHASE", "RUN");
        awaitFinal(j1, "eve");
        HttpResponse<String> r = delete(j1, "eve");
        assertEquals(303, r.statusCode());
        assertEquals(base, r.headers().firstValue("Location").orElseThrow());
        assertRefused(get(j1, "eve"), 404, "No job");
        assertRefused(get(j1 + "/results/result", "eve"), 404, "No job");
        String j2 = create("eve", "MODE", "block", "PHASE", "RUN");
        r = post(j2, "eve", "action", "delete");
        assertEquals(303, r.statusCode());
        assertEquals(base, r.headers().firstValue("Location").orElseThrow());
        assertRefused(get(j2, "eve"), 404, "No job");
    }

    @Test
    void waitBlocksUntilChangeAndIsCapped() throws Exception {
        String job = create("fred", "MODE", "block");
        long t0 = System.nanoTime();
        assertEquals("PENDING", text(xml(get(job + "?WAIT=-1", "fred")), "phase"));
        long waitedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        assertTrue(waitedMs >= 1800 && waitedMs < 5000, "WAIT=-1 should block for the 2 s cap: " + waitedMs);
        t0 = System.nanoTime();
        assertEquals("PENDING", text(xml(get(job + "?WAIT=30&PHASE=EXECUTING", "fred")), "phase"));
        assertTrue(System.nanoTime() - t0 < TimeUnit.MILLISECONDS.toNanos(1000));
        assertEquals(303, post(job + "/phase", "fred", "PHASE", "RUN").statusCode());
        t0 = System.nanoTime();
        Thread aborter = new Thread(() -> {
            try {
                Thread.sleep(500);
                post(job + "/phase", "fred", "PHASE", "ABORT");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        aborter.start();
        String phase = text(xml(get(job + "?WAIT=2", "fred")), "phase");
        while (!phase.equals("ABORTED") && System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(5)) {
            phase = text(xml(get(job + "?WAIT=2", "fred")), "phase");
        }
        aborter.join();
        assertEquals("ABORTED", phase);
        assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(4));
    }

    @Test
    void errorsAreReportedThroughTheErrorWriter() throws Exception {
        String job = create("gina", "MODE", "fail", "TEXT", "no such column foo", "PHASE", "RUN");
        Document d = awaitFinal(job, "gina");
        assertEquals("ERROR", text(d, "phase"));
        Element summary = (Element) d.getElementsByTagNameNS(UWS, "errorSummary").item(0);
        assertEquals("fatal", summary.getAttribute("type"));
        assertEquals("true", summary.getAttribute("hasDetail"));
        assertEquals("bad input: no such column foo", text(d, "message"));
        HttpResponse<String> error = get(job + "/error", "gina");
        assertEquals(200, error.statusCode());
        assertEquals("bad input: no such column foo\n", error.body());

        String crash = create("gina", "MODE", "crash", "PHASE", "RUN");
        Document c = awaitFinal(crash, "gina");
        assertFalse(text(c, "message").contains(TestRunner.SECRET));
        assertFalse(get(crash + "/error", "gina").body().contains(TestRunner.SECRET));
    }

    @Test
    void customErrorWriterIsUsed() throws Exception {
        ErrorWriter votable = new ErrorWriter() {
            @Override
            public void writeJobError(Job job, HttpServletResponse response) throws IOException {
                response.setContentType("application/x-votable+xml");
                response.getWriter().write("<VOTABLE>" + job.error().message() + "</VOTABLE>");
            }

            @Override
            public void writeRequestError(int status, String message, HttpServletResponse response)
                    throws IOException {
                response.setStatus(status);
                response.setContentType("application/x-votable+xml");
                response.getWriter().write("<VOTABLE>ERROR " + message + "</VOTABLE>");
            }
        };
        ServletContextHandler context = new ServletContextHandler("/");
        context.addServlet(new ServletHolder(new UwsServlet(service, req -> null, votable)), "/other/*");
        server.stop();
        server.setHandler(context);
        server.start();
        String other = "http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort()
                + "/other";
        HttpResponse<String> r = get(other + "/0123456789abcdef0123", null);
        assertEquals(404, r.statusCode());
        assertEquals("<VOTABLE>ERROR No job with id '0123456789abcdef0123'</VOTABLE>", r.body());
        HttpResponse<String> created = post(other, null, "MODE", "fail", "TEXT", "t", "PHASE", "RUN");
        String job = created.headers().firstValue("Location").orElseThrow();
        assertTrue(job.startsWith(other + "/"));
        awaitFinal(job, null);
        String pending = post(other, null, "MODE", "write").headers().firstValue("Location").orElseThrow();
        long t0 = System.nanoTime();
        assertEquals("PENDING", text(xml(get(pending + "?WAIT=1", null)), "phase"));
        assertTrue(System.nanoTime() - t0 >= TimeUnit.MILLISECONDS.toNanos(900), "blocking WAIT without async");
        assertEquals("<VOTABLE>bad input: t</VOTABLE>", get(job + "/error", null).body());
    }

    @Test
    void multipartCreationWithInlineFile() throws Exception {
        String boundary = "b0undary";
        String body = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"MODE\"\r\n\r\nupload\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"PHASE\"\r\n\r\nRUN\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"t1\"; filename=\"t1.xml\"\r\n"
                + "Content-Type: text/xml\r\n\r\n<VOTABLE>inline</VOTABLE>\r\n"
                + "--" + boundary + "--\r\n";
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(303, r.statusCode(), r.body());
        String job = r.headers().firstValue("Location").orElseThrow();
        Document d = awaitFinal(job, null);
        assertEquals("COMPLETED", text(d, "phase"), String.valueOf(text(d, "message")));
        assertEquals("<VOTABLE>inline</VOTABLE>", get(job + "/results/result", null).body());
        assertNotNull(text(d, "parameters"));
        assertEquals(1, d.getElementsByTagNameNS(UWS, "parameter").getLength());
    }

    @Test
    void fullPerOwnerQueueGives503WithRetryAfterAndOthersStillQueue() throws Exception {
        String running = create("quinn", "MODE", "block", "PHASE", "RUN");
        runner.startedLatch(running.substring(running.lastIndexOf('/') + 1)).await(10, TimeUnit.SECONDS);
        for (int i = 0; i < 3; i++) {
            create("quinn", "MODE", "write", "PHASE", "RUN");
        }
        String pending = create("quinn", "MODE", "write");
        HttpResponse<String> refused = post(pending + "/phase", "quinn", "PHASE", "RUN");
        assertRefused(refused, 503, "limit per user");
        assertEquals("30", refused.headers().firstValue("Retry-After").orElseThrow());
        assertPlain(get(pending + "/phase", "quinn"), "PENDING");
        assertRefused(post(base, "quinn", "MODE", "write", "PHASE", "RUN"), 503, "limit per user");
        assertEquals(5, xml(get(base, "quinn")).getElementsByTagNameNS(UWS, "jobref").getLength(),
                "a job refused at creation is not kept");
        String other = create("rita", "MODE", "write", "PHASE", "RUN");
        assertEquals("COMPLETED", text(awaitFinal(other, "rita"), "phase"));
    }

    @Test
    void largeResultIsStreamedWithExactLengthAndHeadWorks() throws Exception {
        String job = create("sam", "MODE", "big", "PHASE", "RUN");
        Document d = awaitFinal(job, "sam");
        assertEquals("COMPLETED", text(d, "phase"));
        assertEquals("80 blocks written", d.getElementsByTagNameNS(null, "progress").item(0).getTextContent());
        HttpResponse<byte[]> file = http.send(HttpRequest.newBuilder(URI.create(job + "/results/result"))
                .header("X-Test-User", "sam").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, file.statusCode());
        assertEquals(80 * 65536, file.body().length);
        assertEquals(Long.toString(80 * 65536L), file.headers().firstValue("Content-Length").orElseThrow());
        assertEquals((byte) 200, file.body()[65536 * 79 + 200]);
        HttpResponse<String> head = http.send(HttpRequest.newBuilder(URI.create(job + "/results/result"))
                .header("X-Test-User", "sam").method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, head.statusCode());
        assertEquals(Long.toString(80 * 65536L), head.headers().firstValue("Content-Length").orElseThrow());
    }

    @Test
    void hostileRequestsGetOnlyFourHundreds() throws Exception {
        String job = create("tom", "MODE", "write");
        String id = job.substring(job.lastIndexOf('/') + 1);
        String[][] requests = {
            {"GET", "/%00"}, {"GET", "/" + id + "%00"}, {"GET", "/" + id.toUpperCase()},
            {"GET", "/" + id + "/results/%2e%2e"}, {"GET", "/" + id + "/results/.hidden"},
            {"GET", "/" + id + "/results/" + "x".repeat(300)}, {"GET", "/" + "f".repeat(5000)},
            {"GET", "/" + id + "?WAIT=999999999999999999999"}, {"GET", "/" + id + "?WAIT=1e3"},
            {"GET", "/" + id + "?WAIT=-1-1"}, {"GET", "?PHASE=%3Cscript%3E"}, {"GET", "?AFTER=%27%20OR%201=1--"},
            {"GET", "?LAST=-1"}, {"GET", "?LAST=1.5"}, {"GET", "?PHASE="}, {"GET", "/" + id + "/phase/extra"},
            {"GET", "/" + id + "/%2e%2e/%2e%2e/etc/passwd"}, {"GET", "/'%20OR%20'1'='1"},
            {"POST", "/" + id + "/phase", "PHASE=%00"}, {"POST", "/" + id + "/phase", "PHASE=" + "R".repeat(10000)},
            {"POST", "/" + id + "/executionduration", "EXECUTIONDURATION=1e9"},
            {"POST", "/" + id + "/executionduration", "EXECUTIONDURATION=-99999999999999999999999"},
            {"POST", "/" + id + "/executionduration", "EXECUTIONDURATION=0x10"},
            {"POST", "/" + id + "/executionduration", "EXECUTIONDURATION="},
            {"POST", "/" + id + "/destruction", "DESTRUCTION=%25%25%25"},
            {"POST", "/" + id + "/destruction", "DESTRUCTION=-999999999-01-01T00:00:00Z"},
            {"POST", "/" + id + "/destruction", "DESTRUCTION=2030-02-30T00:00:00Z"},
            {"POST", "/" + id + "/parameters", "QUERY=%00"}, {"POST", "/" + id + "/parameters", "BAD=1"},
            {"POST", "/" + id + "/quote", "QUOTE=now"}, {"POST", "/" + id + "/owner", "OWNER=root"},
            {"POST", "/" + id + "/results", ""}, {"POST", "/" + id, "ACTION=%00"},
            {"POST", "", "PHASE=RUN&PHASE=ABORT"}, {"POST", "", "PHASE=%00"}, {"POST", "", "%=%"},
            {"POST", "", "RUNID=" + "%F0%9F".repeat(10)}, {"POST", "", "EXECUTIONDURATION=abc"},
            {"POST", "", "DESTRUCTION=tomorrow"}, {"POST", "", "x".repeat(300) + "=1"},
            {"DELETE", ""}, {"DELETE", "/" + id + "/results/result"}, {"DELETE", "/0123456789abcdef0123"},
        };
        int checked = 0;
        for (String[] r : requests) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + r[1])).header("X-Test-User", "tom");
            if (r[0].equals("POST")) {
                b.header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(r[2]));
            } else {
                b.method(r[0], HttpRequest.BodyPublishers.noBody());
            }
            HttpResponse<String> resp = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            String what = r[0] + " " + r[1] + " -> " + resp.statusCode() + " " + resp.body();
            assertTrue(resp.statusCode() >= 400 && resp.statusCode() < 500, what);
            assertFalse(resp.body().contains("\tat ") || resp.body().contains("Exception"), what);
            checked++;
        }
        assertEquals(requests.length, checked);
        assertPlain(get(job + "/phase", "tom"), "PENDING");
    }
}
