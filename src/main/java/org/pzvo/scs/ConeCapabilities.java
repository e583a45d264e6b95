// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.scs;

import org.pzvo.auth.SecurityMethods;
import org.pzvo.db.TableMeta;
import org.pzvo.tap.Xml;

/**
 * The VOSI 1.1 capabilities document of one cone-search service: the {@code cs:ConeSearch}
 * capability of the ConeSearch 1.0 VOResource extension (maxSR, maxRecords, verbosity,
 * testQuery) with its ParamHTTP interface, plus the VOSI capabilities and availability.
 */
final class ConeCapabilities {
    private ConeCapabilities() {
    }

    /**
     * @param serviceUrl  the cone-search URL of the table, {@code .../scs/schema.table}
     * @param testRaDeg   centre of a cone that returns rows
     */
    static String document(TableMeta table, String serviceUrl, long maxRecords, double testRaDeg, double testDecDeg) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<vosi:capabilities xmlns:vosi=\"http://www.ivoa.net/xml/VOSICapabilities/v1.0\"")
                .append(" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"")
                .append(" xmlns:vr=\"http://www.ivoa.net/xml/VOResource/v1.0\"")
                .append(" xmlns:vs=\"http://www.ivoa.net/xml/VODataService/v1.1\"")
                .append(" xmlns:cs=\"http://www.ivoa.net/xml/ConeSearch/v1.0\">\n")
                .append("<capability standardID=\"ivo://ivoa.net/std/ConeSearch\" xsi:type=\"cs:ConeSearch\">\n")
                .append("<description>").append(Xml.text("Cone search on " + table.qualifiedName() + ": "
                        + table.description())).append("</description>\n")
                .append("<interface xsi:type=\"vs:ParamHTTP\" role=\"std\" version=\"1.03\">\n")
                .append("<accessURL use=\"base\">").append(Xml.text(serviceUrl + "?")).append("</accessURL>\n")
                .append("<queryType>GET</queryType>\n<resultType>application/x-votable+xml</resultType>\n");
        param(sb, "RA", "Right ascension of the cone centre (ICRS)", "deg", "pos.eq.ra", "double", true);
        param(sb, "DEC", "Declination of the cone centre (ICRS)", "deg", "pos.eq.dec", "double", true);
        param(sb, "SR", "Cone radius; 0 returns the columns only", "deg", "pos.angDistance", "double", true);
        param(sb, "VERB", "Columns: 1 identifier and position, 2 principal columns, 3 all", null, null, "int", false);
        param(sb, "MAXREC", "Most rows to return", null, null, "int", false);
        param(sb, "RESPONSEFORMAT", "votable (BINARY2), votable/b or votable/td (default)", null, null, "char", false);
        sb.append("</interface>\n")
                .append("<maxSR>").append(ConeSearch.MAX_SR_DEG).append("</maxSR>\n")
                .append("<maxRecords>").append(Math.min(maxRecords, Integer.MAX_VALUE)).append("</maxRecords>\n")
                .append("<verbosity>true</verbosity>\n")
                .append("<testQuery><ra>").append(testRaDeg).append("</ra><dec>").append(testDecDeg)
                .append("</dec><sr>0.01</sr></testQuery>\n")
                .append("</capability>\n");
        simple(sb, "ivo://ivoa.net/std/VOSI#capabilities", serviceUrl + "/capabilities");
        simple(sb, "ivo://ivoa.net/std/VOSI#availability", serviceUrl + "/availability");
        return SecurityMethods.withTokenInterfaces(sb.append("</vosi:capabilities>\n").toString());
    }

    private static void param(StringBuilder sb, String name, String description, String unit, String ucd,
                              String dataType, boolean required) {
        sb.append("<param std=\"true\" use=\"").append(required ? "required" : "optional").append("\">")
                .append("<name>").append(name).append("</name>")
                .append("<description>").append(Xml.text(description)).append("</description>");
        if (unit != null) {
            sb.append("<unit>").append(unit).append("</unit>");
        }
        if (ucd != null) {
            sb.append("<ucd>").append(ucd).append("</ucd>");
        }
        sb.append(dataType.equals("char") ? "<dataType arraysize=\"*\">" : "<dataType>").append(dataType)
                .append("</dataType></param>\n");
    }

    private static void simple(StringBuilder sb, String standardId, String url) {
        sb.append("<capability standardID=\"").append(standardId).append("\">")
                .append("<interface xsi:type=\"vs:ParamHTTP\"><accessURL use=\"full\">").append(Xml.text(url))
                .append("</accessURL></interface></capability>\n");
    }
}
