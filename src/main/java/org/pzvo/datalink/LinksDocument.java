// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.datalink;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import uk.ac.starlink.votable.VOSerializer;

/**
 * Writes a DataLink 1.1 {links} VOTable (DataLink 1.1 §3): a {@code results} RESOURCE with
 * QUERY_STATUS=OK and one TABLEDATA table of the standard columns (§3.2, with their UCDs), then
 * the service descriptors (§4). Does not close the writer.
 */
final class LinksDocument {
    /** The content type of a {links} response (DataLink 1.1 §3.3). */
    static final String CONTENT_TYPE = "application/x-votable+xml;content=datalink";

    private static final String[][] FIELDS = {
        // name, datatype, ucd, extra attributes
        {"ID", "char", "meta.id;meta.main", " arraysize=\"*\""},
        {"access_url", "char", "meta.ref.url", " arraysize=\"*\""},
        {"service_def", "char", "meta.ref", " arraysize=\"*\""},
        {"error_message", "char", "meta.code.error", " arraysize=\"*\""},
        {"semantics", "char", "meta.code", " arraysize=\"*\""},
        {"description", "char", "meta.note", " arraysize=\"*\""},
        {"content_type", "char", "meta.code.mime", " arraysize=\"*\""},
        {"content_length", "long", "phys.size;meta.file", " unit=\"byte\""},
        {"content_qualifier", "char", "meta.code.class", " arraysize=\"*\""},
    };

    private LinksDocument() {
    }

    static void write(List<Link> links, List<ServiceDescriptor> services, Writer w) throws IOException {
        w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        w.write("<VOTABLE version=\"1.4\" xmlns=\"http://www.ivoa.net/xml/VOTable/v1.3\""
                + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n");
        w.write("<RESOURCE type=\"results\">\n<INFO name=\"QUERY_STATUS\" value=\"OK\"/>\n");
        w.write("<INFO name=\"standardID\" value=\"ivo://ivoa.net/std/DataLink#links-1.1\"/>\n<TABLE>\n");
        for (String[] f : FIELDS) {
            w.write("<FIELD name=\"" + f[0] + "\" datatype=\"" + f[1] + "\"" + f[3] + " ucd=\"" + f[2] + "\"/>\n");
        }
        w.write("<DATA><TABLEDATA>\n");
        for (Link l : links) {
            w.write("<TR>");
            cell(w, l.id());
            cell(w, l.accessUrl());
            cell(w, l.serviceDef());
            cell(w, l.errorMessage());
            cell(w, l.semantics());
            cell(w, l.description());
            cell(w, l.contentType());
            cell(w, l.contentLength() == null ? null : l.contentLength().toString());
            cell(w, l.contentQualifier());
            w.write("</TR>\n");
        }
        w.write("</TABLEDATA></DATA>\n</TABLE>\n</RESOURCE>\n");
        for (ServiceDescriptor s : services) {
            descriptor(s, w);
        }
        w.write("</VOTABLE>\n");
        w.flush();
    }

    private static void descriptor(ServiceDescriptor s, Writer w) throws IOException {
        w.write("<RESOURCE type=\"meta\" utype=\"adhoc:service\"" + VOSerializer.formatAttribute("ID", s.resourceId())
                + " name=\"cutout\">\n");
        w.write("<DESCRIPTION>Cutout of the map inside a circle or polygon (SODA-style parameters, ICRS degrees):"
                + " a partial HEALPix map FITS file.</DESCRIPTION>\n");
        w.write("<PARAM name=\"standardID\" datatype=\"char\" arraysize=\"*\""
                + VOSerializer.formatAttribute("value", ServiceDescriptor.SODA_SYNC) + "/>\n");
        w.write("<PARAM name=\"accessURL\" datatype=\"char\" arraysize=\"*\" ucd=\"meta.ref.url\""
                + VOSerializer.formatAttribute("value", s.accessUrl()) + "/>\n");
        w.write("<GROUP name=\"inputParams\">\n");
        w.write("<PARAM name=\"ID\" datatype=\"char\" arraysize=\"*\" ucd=\"meta.id;meta.dataset\""
                + VOSerializer.formatAttribute("value", s.did()) + "/>\n");
        w.write("<PARAM name=\"CIRCLE\" datatype=\"double\" arraysize=\"3\" xtype=\"circle\" unit=\"deg\""
                + " ucd=\"obs.field\" value=\"\"><DESCRIPTION>Circle to cut out: ra dec radius"
                + " (deg)</DESCRIPTION></PARAM>\n");
        w.write("<PARAM name=\"POLYGON\" datatype=\"double\" arraysize=\"*\" xtype=\"polygon\" unit=\"deg\""
                + " ucd=\"obs.field\" value=\"\"><DESCRIPTION>Polygon to cut out: ra1 dec1 ra2 dec2 ra3 dec3 ..."
                + " (deg)</DESCRIPTION></PARAM>\n");
        w.write("</GROUP>\n</RESOURCE>\n");
    }

    private static void cell(Writer w, String value) throws IOException {
        if (value == null) {
            w.write("<TD/>");
        } else {
            w.write("<TD>" + VOSerializer.formatText(value) + "</TD>");
        }
    }
}
