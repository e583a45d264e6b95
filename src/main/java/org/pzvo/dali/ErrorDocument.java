// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.dali;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import uk.ac.starlink.votable.VOSerializer;

/** The DALI 1.1 §4.2 error document: a VOTable whose results RESOURCE has QUERY_STATUS=ERROR. */
public final class ErrorDocument {
    public static final String CONTENT_TYPE = "application/x-votable+xml;charset=UTF-8";

    private ErrorDocument() {
    }

    /** Writes the document; does not close {@code out}. */
    public static void write(OutputStream out, String message) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write(text(message));
        w.flush();
    }

    public static String text(String message) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<VOTABLE version=\"1.4\" xmlns=\"http://www.ivoa.net/xml/VOTable/v1.3\""
                + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n"
                + "<RESOURCE type=\"results\">\n"
                + "<INFO name=\"QUERY_STATUS\" value=\"ERROR\">" + VOSerializer.formatText(message) + "</INFO>\n"
                + "</RESOURCE>\n</VOTABLE>\n";
    }
}
