// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.tap.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pzvo.dali.DaliException;
import uk.ac.starlink.table.RowSequence;
import uk.ac.starlink.table.StarTable;

/**
 * XML external entities and entity expansion in uploaded VOTables (issue 9, OWASP XXE): refused
 * with a 400 before STIL's parser sees them, quickly, without reading the referenced file or URL;
 * ordinary VOTables, with or without the VOTable DTD, still load.
 */
class UploadXmlSafetyTest {
    private static final String TABLE = "<VOTABLE version=\"1.3\" xmlns=\"http://www.ivoa.net/xml/VOTable/v1.3\">"
            + "<RESOURCE><TABLE><FIELD name=\"a\" datatype=\"char\" arraysize=\"*\"/><DATA><TABLEDATA>"
            + "<TR><TD>%s</TD></TR></TABLEDATA></DATA></TABLE></RESOURCE></VOTABLE>";

    @TempDir
    Path dir;

    private Path write(String name, String xml) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, xml, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void billionLaughsIsRefusedAtOnce() throws Exception {
        StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE VOTABLE [\n<!ENTITY l0 \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">\n");
        }
        Path f = write("laughs.xml", dtd + "]>\n" + TABLE.formatted("&l9;"));
        DaliException e = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThrows(DaliException.class, () -> UploadReader.open("t", f)));
        assertEquals(400, e.httpStatus());
        assertTrue(e.getMessage().contains("entit"), e.getMessage());
    }

    @Test
    void externalEntitiesAreNeverRead() throws Exception {
        Path secret = write("secret.txt", "TOP-SECRET-CONTENT");
        String[] docs = {
            "<?xml version=\"1.0\"?><!DOCTYPE VOTABLE [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
                    + TABLE.formatted("&x;"),
            "<?xml version=\"1.0\"?><!DOCTYPE VOTABLE [<!ENTITY % p SYSTEM \"" + secret.toUri() + "\"> %p;]>"
                    + TABLE.formatted("a"),
            "<?xml version=\"1.0\"?><!DOCTYPE VOTABLE SYSTEM \"" + secret.toUri() + "\">" + TABLE.formatted("a"),
            "<?xml version=\"1.0\"?><!DOCTYPE VOTABLE SYSTEM \"http://127.0.0.1:9/VOTable.dtd\">" + TABLE.formatted("a"),
            "<?xml version=\"1.0\"?>\n<!-- c -->\n<!doctype votable [ <!entity x system \"" + secret.toUri() + "\"> ]>"
                    + TABLE.formatted("&x;"),
        };
        for (String doc : docs) {
            Path f = write("xxe.xml", doc);
            DaliException e = assertThrows(DaliException.class, () -> UploadReader.open("t", f), doc);
            assertEquals(400, e.httpStatus());
            assertFalse(e.getMessage().contains("TOP-SECRET") || e.getMessage().contains(dir.toString()), e.getMessage());
        }
        Path utf16 = dir.resolve("xxe16.xml");
        Files.writeString(utf16, docs[0].replace("version=\"1.0\"?>", "version=\"1.0\" encoding=\"UTF-16\"?>"),
                StandardCharsets.UTF_16LE);
        assertThrows(DaliException.class, () -> UploadReader.open("t", utf16));
    }

    @Test
    void ordinaryVotablesStillLoad() throws Exception {
        String plain = "<?xml version=\"1.0\"?>\n" + TABLE.formatted("plain &amp; simple");
        assertEquals("plain & simple", firstCell(UploadReader.open("t", write("ok.xml", plain))));
        String withDtd = "<?xml version=\"1.0\"?>\n<!DOCTYPE VOTABLE SYSTEM \"http://us-vo.org/xml/VOTable.dtd\">\n"
                + "<VOTABLE version=\"1.0\"><RESOURCE><TABLE><FIELD name=\"a\" datatype=\"char\" arraysize=\"*\"/>"
                + "<DATA><TABLEDATA><TR><TD>old</TD></TR></TABLEDATA></DATA></TABLE></RESOURCE></VOTABLE>";
        assertEquals("old", firstCell(UploadReader.open("t", write("old.xml", withDtd))));
    }

    private static Object firstCell(StarTable t) throws Exception {
        try (RowSequence rows = t.getRowSequence()) {
            assertTrue(rows.next());
            return rows.getCell(0);
        }
    }
}
