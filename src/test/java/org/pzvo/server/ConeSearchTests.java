// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pzvo.sky.Spherical;
import uk.ac.starlink.table.RowSequence;
import uk.ac.starlink.table.StarTable;

/** Simple Cone Search 1.03 at /scs/{schema.table} over HTTP. */
interface ConeSearchTests extends ServedDemo {
    double RA = 53.13;
    double DEC = -28.10;

    @Test
    default void coneReturnsTheRowsInsideWithScsUcds() throws Exception {
        double sr = 0.2;
        HttpResponse<byte[]> r = get("/scs/lsst.object", Map.of("RA", Double.toString(RA), "DEC", Double.toString(DEC),
                "SR", Double.toString(sr)));
        assertEquals(200, r.statusCode(), ServedDemo.text(r));
        StarTable t = ServedDemo.table(r, "votable");
        assertEquals(List.of("ID_MAIN", "POS_EQ_RA_MAIN", "POS_EQ_DEC_MAIN"), List.of(t.getColumnInfo(0).getUCD(),
                t.getColumnInfo(1).getUCD(), t.getColumnInfo(2).getUCD()));
        assertEquals("objectId", t.getColumnInfo(0).getName());
        assertEquals(Double.class, t.getColumnInfo(1).getContentClass());
        long n = 0;
        try (RowSequence rows = t.getRowSequence()) {
            while (rows.next()) {
                double d = Spherical.distanceDeg(RA, DEC, ((Number) rows.getCell(1)).doubleValue(),
                        ((Number) rows.getCell(2)).doubleValue());
                assertTrue(d <= sr, "row at " + d + " deg");
                n++;
            }
        }
        HttpResponse<byte[]> count = get("/tap/sync", Map.of("LANG", "ADQL", "RESPONSEFORMAT", "csv", "QUERY",
                "SELECT COUNT(*) FROM lsst.object WHERE DISTANCE(POINT(coord_ra, coord_dec), POINT(" + RA + ", " + DEC
                        + ")) <= " + sr));
        assertEquals(ServedDemo.text(count).strip().split("\n")[1].strip(), Long.toString(n));
        assertTrue(n > 0);
    }

    @Test
    default void verbosityChoosesTheColumns() throws Exception {
        List<Integer> counts = new ArrayList<>();
        for (String verb : List.of("1", "2", "3")) {
            HttpResponse<byte[]> r = get("/scs/pz.photoz", Map.of("RA", "53.13", "DEC", "-28.1", "SR", "0.1",
                    "VERB", verb));
            assertEquals(200, r.statusCode(), ServedDemo.text(r));
            counts.add(ServedDemo.table(r, "votable").getColumnCount());
        }
        assertEquals(3, counts.get(0));
        assertTrue(counts.get(0) < counts.get(1) && counts.get(1) < counts.get(2), counts.toString());
    }

    @Test
    default void zeroRadiusGivesTheColumnsOnly() throws Exception {
        HttpResponse<byte[]> r = get("/scs/spec.specz?RA=10&DEC=20&SR=0");
        assertEquals(200, r.statusCode(), ServedDemo.text(r));
        StarTable t = ServedDemo.table(r, "votable");
        assertEquals(0, ServedDemo.rows(t));
        assertTrue(t.getColumnCount() >= 3);
        assertTrue(!ServedDemo.text(r).contains("OVERFLOW"), ServedDemo.text(r));
    }

    @Test
    default void maxrecCutsAndSaysSo() throws Exception {
        HttpResponse<byte[]> r = get("/scs/lsst.object?RA=53.13&DEC=-28.1&SR=1&MAXREC=2&RESPONSEFORMAT=votable");
        assertEquals(200, r.statusCode(), ServedDemo.text(r));
        assertEquals(2, ServedDemo.rows(ServedDemo.table(r, "votable")));
        assertTrue(ServedDemo.text(r).contains("<INFO name=\"QUERY_STATUS\" value=\"OVERFLOW\"/>"));
    }

    @Test
    default void queryErrorsAreScsErrorDocuments() throws Exception {
        for (String[] c : new String[][] {
                {"DEC=1&SR=1", "Missing parameter RA"},
                {"RA=1&DEC=91&SR=1", "DEC=91.0 is out of range"},
                {"RA=1&DEC=1&SR=-1", "SR=-1.0 is out of range"},
                {"RA=1&DEC=1&SR=11", "maxSR"},
                {"RA=abc&DEC=1&SR=1", "Bad value of RA: 'abc'"},
                {"RA=1&DEC=1&SR=1&VERB=4", "VERB=4 is not understood"},
                {"RA=1&DEC=1&SR=1&RESPONSEFORMAT=csv", "RESPONSEFORMAT=csv is not served"}}) {
            HttpResponse<byte[]> r = get("/scs/lsst.object?" + c[0]);
            String body = ServedDemo.text(r);
            assertEquals(200, r.statusCode(), body);
            assertTrue(body.contains("<INFO name=\"Error\" value=\"") && body.contains(c[1]), c[0] + ": " + body);
        }
        HttpResponse<byte[]> unknown = get("/scs/lsst.nothing?RA=1&DEC=1&SR=1");
        assertEquals(404, unknown.statusCode());
        assertTrue(ServedDemo.text(unknown).contains("/scs/lsst.object"), ServedDemo.text(unknown));
        // A table without a position has no cone search.
        assertEquals(404, get("/scs/pz.run?RA=1&DEC=1&SR=1").statusCode());
    }

    @Test
    default void scsCapabilitiesAndAvailability() throws Exception {
        HttpResponse<byte[]> caps = get("/scs/lsst.object/capabilities");
        String body = ServedDemo.text(caps);
        assertEquals(200, caps.statusCode(), body);
        assertTrue(body.contains("standardID=\"ivo://ivoa.net/std/ConeSearch\" xsi:type=\"cs:ConeSearch\""), body);
        assertTrue(body.contains("<maxSR>10.0</maxSR>") && body.contains("<verbosity>true</verbosity>"), body);
        assertTrue(body.contains("<accessURL use=\"base\">" + base() + "/scs/lsst.object?</accessURL>"), body);
        String test = body.substring(body.indexOf("<testQuery>"));
        String ra = test.substring(test.indexOf("<ra>") + 4, test.indexOf("</ra>"));
        String dec = test.substring(test.indexOf("<dec>") + 5, test.indexOf("</dec>"));
        HttpResponse<byte[]> testQuery = get("/scs/lsst.object?RA=" + ra + "&DEC=" + dec + "&SR=0.01");
        assertTrue(ServedDemo.rows(ServedDemo.table(testQuery, "votable")) > 0, "the testQuery finds nothing");
        HttpResponse<byte[]> avail = get("/scs/lsst.object/availability");
        assertEquals(200, avail.statusCode());
        assertTrue(ServedDemo.text(avail).contains("<avail:available>true</avail:available>"));
        assertEquals(404, get("/scs/lsst.object/tables").statusCode());
    }
}
