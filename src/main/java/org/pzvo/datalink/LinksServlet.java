// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.datalink;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import javax.sql.DataSource;
import org.pzvo.dali.BaseUrl;
import org.pzvo.dali.DaliException;
import org.pzvo.obscore.ProductAccess;
import org.pzvo.obscore.ProductGate;
import org.pzvo.db.Metadata;
import org.pzvo.auth.AccessKeys;
import org.pzvo.auth.Identity;
import org.pzvo.dali.DaliParams;
import org.pzvo.dali.DaliResponses;

/**
 * {@code GET|POST /datalink/links?ID=...}: the DataLink 1.1 {links} resource (DataLink 1.1 §3)
 * for file products (CONTRACTS.md identifiers). Handles the whole response.
 *
 * <p>ID may repeat (§3.1, at most {@value #MAX_IDS} per request): each identifier gets its rows
 * ({@link ProductLinks}), an unknown or malformed one an error row, in request order. Without ID
 * the answer is a 400 DALI error document; RESPONSEFORMAT, when given, must ask for the DataLink
 * VOTable (§3.3). The database is read once per request through one pooled connection.
 */
public final class LinksServlet extends HttpServlet {
    /** Most identifiers answered in one request. */
    public static final int MAX_IDS = 1000;

    private final transient DataSource dataSource;
    private final transient ProductLinks products;
    private final transient Metadata metadata;
    private final transient ProductGate gate;
    private final String configuredBaseUrl;

    /**
     * @param authority         IVOA authority of product identifiers (service.authority)
     * @param configuredBaseUrl server.base-url, or empty to derive URLs from each request
     * @param metadata          the published tables, for products derived from restricted ones
     */
    public LinksServlet(DataSource dataSource, String authority, String configuredBaseUrl, Metadata metadata) {
        this(dataSource, authority, configuredBaseUrl, metadata, ProductGate.OPEN);
    }

    /** @param gate hides user products not shared with the requesting identity (issue 11), like unknown ones */
    public LinksServlet(DataSource dataSource, String authority, String configuredBaseUrl, Metadata metadata,
                        ProductGate gate) {
        this.dataSource = dataSource;
        this.metadata = metadata;
        this.products = new ProductLinks(authority);
        this.configuredBaseUrl = configuredBaseUrl;
        this.gate = gate;
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
        try {
            DaliParams params = DaliParams.of(req);
            checkFormat(params);
            List<String> ids = params.all("ID");
            if (ids.isEmpty()) {
                throw new DaliException(400, "UsageFault: missing ID parameter; give one or more product identifiers,"
                        + " e.g. /datalink/links?ID=ivo://AUTHORITY/pzvo?maps/footprint_dp1_o10.fits (the"
                        + " obs_publisher_did values of ivoa.obscore)");
            }
            if (ids.size() > MAX_IDS) {
                throw new DaliException(400, "UsageFault: " + ids.size() + " ID values; at most " + MAX_IDS
                        + " per request");
            }
            String base = BaseUrl.of(req, configuredBaseUrl);
            List<Link> links = new ArrayList<>();
            List<ServiceDescriptor> services = new ArrayList<>();
            try (Connection c = dataSource.getConnection()) {
                Identity who = Identity.of(req);
                Set<String> groups = AccessKeys.of(who);
                for (String id : ids) {
                    products.add(c, id.strip(), base, p -> ProductAccess.visible(p, metadata, groups)
                            && gate.maySee(who, p), links, services);
                }
            } catch (SQLException e) {
                throw new DaliException(503, "The product registry cannot be read now; retry later", e);
            }
            resp.setStatus(200);
            resp.setContentType(LinksDocument.CONTENT_TYPE);
            LinksDocument.write(links, services, new BufferedWriter(new OutputStreamWriter(resp.getOutputStream(),
                    StandardCharsets.UTF_8)));
        } catch (DaliException e) {
            DaliResponses.sendError(resp, e);
        } catch (RuntimeException e) {
            DaliResponses.sendUnexpected(resp, e);
        }
    }

    private static void checkFormat(DaliParams params) throws DaliException {
        var format = params.single("RESPONSEFORMAT");
        if (format.isEmpty()) {
            return;
        }
        String f = format.get().toLowerCase(Locale.ROOT).replace(" ", "");
        if (!(f.equals("votable") || f.equals("application/x-votable+xml")
                || f.equals("application/x-votable+xml;content=datalink") || f.equals("text/xml"))) {
            throw new DaliException(400, "UsageFault: RESPONSEFORMAT " + format.get() + " is not supported; use "
                    + LinksDocument.CONTENT_TYPE);
        }
    }
}
