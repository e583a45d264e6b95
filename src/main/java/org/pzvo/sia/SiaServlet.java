// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.sia;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.pzvo.auth.AccessKeys;
import org.pzvo.auth.Identity;
import org.pzvo.auth.SecurityMethods;
import org.pzvo.dali.DaliException;
import org.pzvo.dali.DaliParams;
import org.pzvo.dali.DaliResponses;
import org.pzvo.dali.OutputFormat;
import org.pzvo.tap.TapQuery;
import org.pzvo.tap.TapService;
import org.pzvo.dali.BaseUrl;
import org.pzvo.tap.Vosi;
import org.pzvo.tap.Xml;

/**
 * SIA 2.0 at {@code /sia}: {@code /sia/query} (GET or POST; the parameters of {@link SiaParams}
 * plus MAXREC and RESPONSEFORMAT, DALI 1.1 §3.2; TABLEDATA VOTable unless asked otherwise),
 * {@code /sia/capabilities} and
 * {@code /sia/availability} (VOSI 1.1); {@code /sia} itself answers the capabilities. The query
 * runs over {@code ivoa.obscore} through the TAP runner and streams. Errors are DALI 1.1 §4.2
 * error documents: 400 for a bad parameter, 404 for an unknown resource. Completes every
 * response itself.
 */
public final class SiaServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient TapService tap;
    private final String configuredBaseUrl;
    private final transient Instant upSince = Instant.now();

    public SiaServlet(TapService tap, String configuredBaseUrl) {
        this.tap = tap;
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
        String path = req.getPathInfo() == null ? "" : req.getPathInfo().replaceFirst("^/", "").replaceFirst("/$", "");
        String base = BaseUrl.of(req, configuredBaseUrl) + "/sia";
        try {
            switch (path) {
                case "query" -> query(req, resp);
                case "", "capabilities" -> sendXml(resp, capabilities(base));
                case "availability" -> sendXml(resp, Vosi.availability(tap.syncDataSource(), upSince));
                default -> throw new DaliException(404, "No resource '" + path + "' under " + base + "; there are "
                        + base + "/query, " + base + "/capabilities and " + base + "/availability");
            }
        } catch (DaliException e) {
            DaliResponses.sendError(resp, e);
        } catch (IOException | RuntimeException e) {
            DaliResponses.sendUnexpected(resp, e);
        }
    }

    private void query(HttpServletRequest req, HttpServletResponse resp) throws DaliException, IOException {
        DaliParams params = DaliParams.of(req);
        String adql = SiaParams.adql(params);
        // TABLEDATA by default, as for cone search: SIA answers are small, and every VOTable reader knows it.
        OutputFormat format = OutputFormat.VOTABLE_TABLEDATA;
        Optional<String> formatName = params.single("RESPONSEFORMAT");
        if (formatName.isPresent() && !formatName.get().isBlank()) {
            format = OutputFormat.of(formatName.get()).orElseThrow(() -> DaliException.badRequest(
                    "Unsupported RESPONSEFORMAT=" + formatName.get() + "; supported: " + OutputFormat.acceptedNames()));
        }
        long maxrec = Math.min(params.nonNegativeLong("MAXREC", tap.limits().defaultMaxrec()), tap.limits().hardMaxrec());
        tap.runProtocolQuery(new TapQuery(adql, format, maxrec, null), AccessKeys.of(Identity.of(req)),
                UnaryOperator.identity(), f -> {
            resp.setStatus(200);
            resp.setContentType(f.contentType());
            return resp.getOutputStream();
        });
    }

    /** VOSI 1.1 capabilities with the SIA 2.0 query capability (SIA 2.0 §2.3). */
    static String capabilities(String base) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<vosi:capabilities xmlns:vosi=\"http://www.ivoa.net/xml/VOSICapabilities/v1.0\"")
                .append(" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"")
                .append(" xmlns:vs=\"http://www.ivoa.net/xml/VODataService/v1.1\">\n")
                .append("<capability standardID=\"ivo://ivoa.net/std/SIA#query-2.0\">\n")
                .append("<interface xsi:type=\"vs:ParamHTTP\" role=\"std\" version=\"2.0\">")
                .append("<accessURL use=\"base\">").append(Xml.text(base + "/query")).append("</accessURL>\n")
                .append("<queryType>GET</queryType>")
                .append("<resultType>application/x-votable+xml</resultType>\n");
        sb.append("</interface>\n</capability>\n");
        for (String[] c : new String[][] {{"ivo://ivoa.net/std/VOSI#capabilities", "/capabilities"},
                {"ivo://ivoa.net/std/VOSI#availability", "/availability"}}) {
            sb.append("<capability standardID=\"").append(c[0]).append("\"><interface xsi:type=\"vs:ParamHTTP\">")
                    .append("<accessURL use=\"full\">").append(Xml.text(base + c[1]))
                    .append("</accessURL></interface></capability>\n");
        }
        return SecurityMethods.withTokenInterfaces(sb.append("</vosi:capabilities>\n").toString());
    }

    private static void sendXml(HttpServletResponse resp, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        resp.setStatus(200);
        resp.setContentType("text/xml;charset=UTF-8");
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
    }
}
