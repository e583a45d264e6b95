// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.scs;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.pzvo.auth.AccessKeys;
import org.pzvo.auth.Identity;
import org.pzvo.dali.DaliException;
import org.pzvo.dali.DaliParams;
import org.pzvo.db.PositionMeta;
import org.pzvo.db.SqlNames;
import org.pzvo.db.TableMeta;
import org.pzvo.dali.BaseUrl;
import org.pzvo.tap.Vosi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.ac.starlink.votable.VOSerializer;

/**
 * {@code /scs/{schema.table}} (Simple Cone Search 1.03): GET or POST with RA, DEC, SR, VERB and
 * optionally MAXREC and RESPONSEFORMAT; {@code /scs/{schema.table}/capabilities} and
 * {@code /availability} (VOSI 1.1). Completes every response itself. Errors in the query follow
 * SCS 1.03 §3: HTTP 200 and a VOTable whose root carries {@code INFO name="Error"} (plus the DALI
 * {@code QUERY_STATUS=ERROR} in the RESOURCE for DALI-aware clients); an unknown table is a 404
 * with the same document.
 */
public final class ScsServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ScsServlet.class);
    private static final String VOTABLE_TYPE = "application/x-votable+xml;charset=UTF-8";

    private final transient ConeSearch cones;
    private final transient DataSource dataSource;
    private final String configuredBaseUrl;
    private final transient Instant upSince = Instant.now();
    /** A position with rows per table, for the capabilities' testQuery; looked up once. */
    private final transient Map<String, double[]> testPositions = new ConcurrentHashMap<>();

    public ScsServlet(ConeSearch cones, DataSource dataSource, String configuredBaseUrl) {
        this.cones = cones;
        this.dataSource = dataSource;
        this.configuredBaseUrl = configuredBaseUrl;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        handle(req, resp);
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        handle(req, resp);
    }

    private void handle(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo() == null ? "" : req.getPathInfo().replaceFirst("^/", "");
        String name = path;
        String resource = "";
        int slash = path.indexOf('/');
        if (slash >= 0) {
            name = path.substring(0, slash);
            resource = path.substring(slash + 1);
        }
        TableMeta table = cones.table(name, AccessKeys.of(Identity.of(req))).orElse(null);
        if (table == null) {
            sendError(resp, 404, (name.isEmpty() ? "No table named in the URL" : "No cone search on '" + name + "'")
                    + "; the cone-search services are /scs/" + cones.tables(AccessKeys.of(Identity.of(req))).stream().map(TableMeta::qualifiedName)
                    .collect(Collectors.joining(", /scs/")));
            return;
        }
        String serviceUrl = BaseUrl.of(req, configuredBaseUrl) + "/scs/" + table.qualifiedName();
        try {
            switch (resource) {
                case "" -> cone(req, resp, table);
                case "capabilities" -> {
                    double[] test = testPositions.computeIfAbsent(table.qualifiedName(), k -> testPosition(table));
                    sendXml(resp, ConeCapabilities.document(table, serviceUrl, cones.hardMaxrec(), test[0], test[1]));
                }
                case "availability" -> sendXml(resp, Vosi.availability(dataSource, upSince));
                default -> sendError(resp, 404, "No resource '" + resource + "' under " + serviceUrl
                        + "; there are " + serviceUrl + ", " + serviceUrl + "/capabilities and " + serviceUrl
                        + "/availability");
            }
        } catch (RuntimeException e) {
            LOG.error("Cone search failed unexpectedly", e);
            sendError(resp, 500, "The service failed unexpectedly (" + e.getClass().getSimpleName()
                    + "); the failure is logged. Please report it with the time of the request.");
        }
    }

    private void cone(HttpServletRequest req, HttpServletResponse resp, TableMeta table) throws IOException {
        try {
            ConeRequest cone = ConeRequest.parse(DaliParams.of(req), ConeSearch.MAX_SR_DEG, cones.defaultMaxrec(),
                    cones.hardMaxrec());
            cones.search(table, cone, AccessKeys.of(Identity.of(req)), format -> {
                resp.setStatus(200);
                resp.setContentType(format.contentType());
                return resp.getOutputStream();
            });
        } catch (DaliException e) {
            if (e.httpStatus() >= 500) {
                LOG.error("Cone search failed: {}", e.getMessage(), e.getCause());
            }
            // SCS 1.03 §3: a query error is a normal response carrying the Error INFO.
            sendError(resp, e.httpStatus() >= 500 ? e.httpStatus() : 200, e.getMessage());
        }
    }

    /** A position of some row (the first by the HEALPix index), else the origin. */
    private double[] testPosition(TableMeta table) {
        PositionMeta pos = table.position().orElseThrow();
        String sql = "SELECT " + SqlNames.quote(pos.ra()) + ", " + SqlNames.quote(pos.dec()) + " FROM "
                + SqlNames.table(table) + " ORDER BY " + SqlNames.quote(pos.healpix()) + " FETCH FIRST 1 ROWS ONLY";
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            if (rs.next()) {
                return new double[] {rs.getDouble(1), rs.getDouble(2)};
            }
        } catch (SQLException e) {
            LOG.warn("No test position for {}: {}", table.qualifiedName(), e.toString());
        }
        return new double[] {0, 0};
    }

    /** The SCS 1.03 §3 error document; sent only when nothing was written yet. */
    static void sendError(HttpServletResponse resp, int status, String message) throws IOException {
        if (resp.isCommitted()) {
            LOG.warn("Cannot report an error after the response started: {}", message);
            return;
        }
        resp.reset();
        resp.setStatus(status);
        resp.setContentType(VOTABLE_TYPE);
        Writer w = new OutputStreamWriter(resp.getOutputStream(), StandardCharsets.UTF_8);
        w.write(errorDocument(message));
        w.flush();
    }

    static String errorDocument(String message) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<VOTABLE version=\"1.4\" xmlns=\"http://www.ivoa.net/xml/VOTable/v1.3\""
                + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n"
                + "<INFO name=\"Error\"" + VOSerializer.formatAttribute("value", message) + "/>\n"
                + "<RESOURCE type=\"results\">\n"
                + "<INFO name=\"QUERY_STATUS\" value=\"ERROR\">" + VOSerializer.formatText(message) + "</INFO>\n"
                + "</RESOURCE>\n</VOTABLE>\n";
    }

    private static void sendXml(HttpServletResponse resp, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        resp.setStatus(200);
        resp.setContentType("text/xml;charset=UTF-8");
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
    }
}
