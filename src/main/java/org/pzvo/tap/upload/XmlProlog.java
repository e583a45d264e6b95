// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.tap.upload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;
import org.pzvo.dali.DaliException;

/**
 * Protection of the XML reading of uploads against external entities and entity expansion
 * (XXE, "billion laughs"; OWASP XXE prevention): STIL's parser would resolve a DTD's entities, so
 * an uploaded XML document is refused before parsing if its prolog declares an internal DTD
 * subset or any entity, or names a DTD other than the VOTable DTD by its standard name. VOTable
 * never needs entities, so no valid VOTable is refused.
 */
final class XmlProlog {
    /** A prolog longer than this is refused: comments that long serve no VOTable. */
    private static final int MAX_PROLOG_BYTES = 65_536;
    /** The only DOCTYPE accepted: VOTable 1.0/1.1's DTD, which STIL resolves from its own jar. */
    private static final Pattern VOTABLE_DOCTYPE = Pattern.compile(
            "<!DOCTYPE\\s+VOTABLE\\s+SYSTEM\\s+[\"']http://(us-vo\\.org|www\\.ivoa\\.net)/xml/VOTable(/VOTable)?"
                    + "(-1\\.[01])?\\.dtd[\"']\\s*>", Pattern.CASE_INSENSITIVE);

    private XmlProlog() {
    }

    /** Refuses {@code file} if it is XML with a DTD that could declare or fetch entities. */
    static void check(String name, Path file) throws IOException, DaliException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(MAX_PROLOG_BYTES);
        }
        // UTF-16 documents are rare; decoding as Latin-1 and dropping NULs reads their ASCII markup too.
        String text = new String(head, StandardCharsets.ISO_8859_1).replace("\u0000", "");
        String upper = text.toUpperCase(Locale.ROOT);
        int doctype = upper.indexOf("<!DOCTYPE");
        int entity = upper.indexOf("<!ENTITY");
        int root = rootElement(text);
        if (entity >= 0 && (root < 0 || entity < root)) {
            throw refused(name, "declares an XML entity");
        }
        if (doctype < 0 || (root >= 0 && doctype > root)) {
            if (root < 0 && text.stripLeading().startsWith("<") && head.length == MAX_PROLOG_BYTES) {
                throw refused(name, "has an XML prolog longer than " + MAX_PROLOG_BYTES + " bytes");
            }
            return;
        }
        int end = text.indexOf('>', doctype);
        if (end < 0 || !VOTABLE_DOCTYPE.matcher(text.substring(doctype, end + 1)).matches()) {
            throw refused(name, "declares a document type (DTD) other than the VOTable DTD");
        }
    }

    /** The offset of the first element start tag, or -1 if none in {@code text}. */
    private static int rootElement(String text) {
        for (int i = text.indexOf('<'); i >= 0 && i + 1 < text.length(); i = text.indexOf('<', i + 1)) {
            char c = text.charAt(i + 1);
            if (c != '?' && c != '!') {
                return i;
            }
        }
        return -1;
    }

    private static DaliException refused(String name, String what) {
        return DaliException.badRequest("UPLOAD: table '" + name + "' " + what + "; this service reads no DTD"
                + " entities (protection against XML external entities and entity expansion). VOTable needs"
                + " none: remove the DOCTYPE and ENTITY declarations.");
    }
}
