// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.datalink;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.pzvo.auth.SecurityMethods;
import org.pzvo.dali.BaseUrl;
import org.pzvo.obscore.Products;

/**
 * {@code GET /datalink/capabilities} and {@code /datalink/availability}: the VOSI 1.1 resources
 * of the DataLink service (DataLink 1.1 §2, VOSI 1.1 §3.1 and §3.2). Handles the whole response.
 */
public final class DatalinkVosiServlet extends HttpServlet {
    /** Which resource the servlet serves. */
    public enum Kind { CAPABILITIES, AVAILABILITY }

    private final Kind kind;
    private final transient DataSource dataSource;
    private final String configuredBaseUrl;

    public DatalinkVosiServlet(Kind kind, DataSource dataSource, String configuredBaseUrl) {
        this.kind = kind;
        this.dataSource = dataSource;
        this.configuredBaseUrl = configuredBaseUrl;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String base = BaseUrl.of(req, configuredBaseUrl) + "/datalink";
        // Each interface anonymous and with bearer tokens (issue 9).
        String body = kind == Kind.CAPABILITIES ? SecurityMethods.withTokenInterfaces(capabilities(base))
                : availability();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        resp.setContentType("text/xml;charset=UTF-8");
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
    }

    static String capabilities(String base) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<vosi:capabilities xmlns:vosi=\"http://www.ivoa.net/xml/VOSICapabilities/v1.0\""
                + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
                + " xmlns:vs=\"http://www.ivoa.net/xml/VODataService/v1.1\">\n"
                + "<capability standardID=\"ivo://ivoa.net/std/DataLink#links-1.1\">\n"
                + "<interface xsi:type=\"vs:ParamHTTP\" role=\"std\" version=\"1.1\">"
                + "<accessURL use=\"base\">" + xml(base + "/links") + "</accessURL>"
                + "<queryType>GET</queryType><queryType>POST</queryType>"
                + "<resultType>" + LinksDocument.CONTENT_TYPE + "</resultType>"
                + "<param std=\"true\"><name>ID</name><description>Identifier of a product (obs_publisher_did of"
                + " ivoa.obscore); may repeat</description><ucd>meta.id;meta.main</ucd>"
                + "<dataType>string</dataType></param>"
                + "<param std=\"true\"><name>RESPONSEFORMAT</name><description>Only " + LinksDocument.CONTENT_TYPE
                + "</description><dataType>string</dataType></param>"
                + "</interface>\n</capability>\n"
                + "<capability standardID=\"ivo://ivoa.net/std/VOSI#capabilities\"><interface xsi:type=\"vs:ParamHTTP\">"
                + "<accessURL use=\"full\">" + xml(base + "/capabilities") + "</accessURL></interface></capability>\n"
                + "<capability standardID=\"ivo://ivoa.net/std/VOSI#availability\"><interface xsi:type=\"vs:ParamHTTP\">"
                + "<accessURL use=\"full\">" + xml(base + "/availability") + "</accessURL></interface></capability>\n"
                + "</vosi:capabilities>\n";
    }

    private String availability() {
        String note;
        boolean up;
        try (Connection c = dataSource.getConnection()) {
            Products.find(c, "ivo://availability-probe");
            up = true;
            note = "The product registry answers.";
        } catch (SQLException e) {
            up = false;
            note = "The product registry cannot be read.";
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<vosi:availability xmlns:vosi=\"http://www.ivoa.net/xml/VOSIAvailability/v1.0\">"
                + "<vosi:available>" + up + "</vosi:available><vosi:note>" + note + "</vosi:note>"
                + "</vosi:availability>\n";
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
