// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.ac.starlink.table.RowSequence;
import uk.ac.starlink.table.StarTable;

/** SIA 2.0 at /sia over the demo's ivoa.obscore rows. */
interface SiaTests extends ServedDemo {
    String FIELD = "CIRCLE 53.13 -28.10 0.5";

    /** The rows of a SIA query (status 200 expected). */
    default StarTable sia(String query) throws Exception {
        HttpResponse<byte[]> r = get("/sia/query?" + query);
        assertEquals(200, r.statusCode(), ServedDemo.text(r));
        assertTrue(ServedDemo.contentType(r).startsWith("application/x-votable+xml"), ServedDemo.contentType(r));
        return ServedDemo.table(r, "votable");
    }

    default long count(String query) throws Exception {
        return ServedDemo.rows(sia(query));
    }

    /** The number of obscore rows matching an ADQL condition, through TAP. */
    default long tapCount(String where) throws Exception {
        HttpResponse<byte[]> r = get("/tap/sync", Map.of("LANG", "ADQL", "RESPONSEFORMAT", "csv", "QUERY",
                "SELECT COUNT(*) FROM ivoa.obscore" + (where.isEmpty() ? "" : " WHERE " + where)));
        assertEquals(200, r.statusCode(), ServedDemo.text(r));
        return Long.parseLong(ServedDemo.text(r).strip().split("\n")[1].strip());
    }

    static String q(String name, String value) {
        return ServedDemo.form(Map.of(name, value));
    }

    @Test
    default void positionSelectsTheProductsOverlappingTheShape() throws Exception {
        long all = tapCount("");
        long field = count(q("POS", FIELD));
        assertEquals(tapCount("1 = INTERSECTS(s_region, CIRCLE(53.13, -28.10, 0.5))"), field);
        // Multi-field products have a convex-hull s_region, so most rows reach every field.
        assertTrue(field > 10 && field <= all, field + " of " + all);
        assertEquals(0, count(q("POS", "CIRCLE 200 60 0.5")));
        assertEquals(field, count(q("POS", "RANGE 52.5 53.7 -28.5 -27.7")));
        assertEquals(field, count(q("POS", "POLYGON 52.6 -28.5 53.6 -28.5 53.6 -27.7 52.6 -27.7")));
        // The whole sky constrains nothing.
        assertEquals(all, count(q("POS", "RANGE 0 360 -90 90")));
        assertEquals(all, count(q("POS", "RANGE -Inf +Inf -Inf +Inf")));
        // A band of declination all around the sky (four polygons) holds the field's products.
        long band = count(q("POS", "RANGE 0 360 -28.3 -27.9"));
        assertTrue(band >= field, band + " in the band, " + field + " in the field");
        assertEquals(band, count(q("POS", "RANGE 0 180 -28.3 -27.9") + "&" + q("POS", "RANGE 180 360 -28.3 -27.9")));
    }

    @Test
    default void repeatedParametersAreOredAndDifferentOnesAnded() throws Exception {
        long images = count(q("DPTYPE", "image"));
        long measurements = count(q("DPTYPE", "measurements"));
        assertEquals(tapCount("dataproduct_type = 'image'"), images);
        assertEquals(images + measurements, count(q("DPTYPE", "image") + "&" + q("DPTYPE", "measurements")));
        long imagesInField = count(q("DPTYPE", "image") + "&" + q("POS", FIELD));
        assertEquals(tapCount("dataproduct_type = 'image' AND 1 = INTERSECTS(s_region, CIRCLE(53.13, -28.10, 0.5))"),
                imagesInField);
        long twoFields = count(q("POS", FIELD) + "&" + q("POS", "CIRCLE 6.02 -72.08 0.5"));
        assertEquals(tapCount("1 = INTERSECTS(s_region, CIRCLE(53.13, -28.10, 0.5))"
                + " OR 1 = INTERSECTS(s_region, CIRCLE(6.02, -72.08, 0.5))"), twoFields);
    }

    @Test
    default void numericIntervalsOverlapTheColumns() throws Exception {
        // i band (about 690-820 nm): the i-band maps plus every all-band product.
        long iBand = count(q("BAND", "7.5e-7 7.6e-7"));
        assertEquals(tapCount("em_min <= 7.6e-7 AND em_max >= 7.5e-7"), iBand);
        assertEquals(iBand, count(q("BAND", "7.55e-7")));
        assertTrue(iBand > 0 && iBand < tapCount(""));
        assertEquals(tapCount("em_max >= 7.5e-7"), count(q("BAND", "7.5e-7 +Inf")));
        assertEquals(tapCount("t_min <= 60700 AND t_max >= 60600"), count(q("TIME", "60600 60700")));
        assertEquals(0, count(q("TIME", "50000 50001")));
        assertEquals(tapCount("s_fov >= 1 AND s_fov <= 200"), count(q("FOV", "1 200")));
        assertEquals(tapCount("s_resolution <= 300"), count(q("SPATRES", "-Inf 300")));
        assertEquals(tapCount("t_exptime >= 0"), count(q("EXPTIME", "0 +Inf")));
    }

    @Test
    default void textParametersMatchExactly() throws Exception {
        StarTable one = sia(q("POS", FIELD) + "&MAXREC=1");
        String did;
        int didColumn = column(one, "obs_publisher_did");
        try (RowSequence rows = one.getRowSequence()) {
            assertTrue(rows.next());
            did = (String) rows.getCell(didColumn);
        }
        assertEquals(1, count(q("ID", did)));
        assertEquals(0, count(q("ID", did + "x")));
        for (String[] p : List.of(new String[] {"COLLECTION", "obs_collection"},
                new String[] {"FACILITY", "facility_name"}, new String[] {"INSTRUMENT", "instrument_name"},
                new String[] {"TARGET", "target_name"}, new String[] {"FORMAT", "access_format"})) {
            String value = firstValue(p[1]);
            assertEquals(tapCount(p[1] + " = '" + value.replace("'", "''") + "'"), count(q(p[0], value)), p[0]);
        }
        assertEquals(tapCount("calib_level = 3"), count(q("CALIB", "3")));
        assertEquals(tapCount("pol_states LIKE '%/I/%'"), count(q("POL", "I")));
    }

    @Test
    default void maxrecAndFormats() throws Exception {
        HttpResponse<byte[]> r = get("/sia/query?MAXREC=2");
        assertEquals(2, ServedDemo.rows(ServedDemo.table(r, "votable")));
        assertTrue(ServedDemo.text(r).contains("<INFO name=\"QUERY_STATUS\" value=\"OVERFLOW\"/>"));
        HttpResponse<byte[]> csv = post("/sia/query", new LinkedHashMap<>(Map.of("POS", FIELD, "RESPONSEFORMAT", "csv")));
        assertEquals(200, csv.statusCode(), ServedDemo.text(csv));
        assertTrue(ServedDemo.text(csv).startsWith("dataproduct_type,"), ServedDemo.text(csv));
    }

    @Test
    default void badParametersAreDaliErrors() throws Exception {
        for (String[] c : new String[][] {
                {q("POS", "CIRCLE 1 2"), "CIRCLE takes 3 numbers"},
                {q("POS", "BOX 1 2 3 4"), "CIRCLE, RANGE or POLYGON"},
                {q("POS", "CIRCLE 1 95 1"), "-90 &lt;= dec"},
                {q("POS", "RANGE 10 5 0 1"), "RANGE needs"},
                {q("BAND", "abc"), "BAND=abc is not an interval"},
                {q("BAND", "2 1"), "lower bound is above"},
                {q("TIME", "1 2 3"), "TIME=1 2 3 is not an interval"},
                {q("CALIB", "9"), "CALIB=9"},
                {q("POL", "Z"), "POL=Z"},
                {q("MAXREC", "-1"), "MAXREC"},
                {q("RESPONSEFORMAT", "text/nothing"), "Unsupported RESPONSEFORMAT"},
                {q("ID", ""), "ID is empty"}}) {
            HttpResponse<byte[]> r = get("/sia/query?" + c[0]);
            String body = ServedDemo.text(r);
            assertEquals(400, r.statusCode(), c[0] + ": " + body);
            assertTrue(body.contains("<INFO name=\"QUERY_STATUS\" value=\"ERROR\">") && body.contains(c[1]),
                    c[0] + ": " + body);
        }
        assertEquals(404, get("/sia/nothing").statusCode());
    }

    @Test
    default void siaCapabilitiesAndAvailability() throws Exception {
        HttpResponse<byte[]> caps = get("/sia/capabilities");
        String body = ServedDemo.text(caps);
        assertEquals(200, caps.statusCode(), body);
        assertTrue(body.contains("standardID=\"ivo://ivoa.net/std/SIA#query-2.0\""), body);
        assertTrue(body.contains("<accessURL use=\"base\">" + base() + "/sia/query</accessURL>"), body);
        assertEquals(body, ServedDemo.text(get("/sia")));
        assertTrue(ServedDemo.text(get("/sia/availability")).contains("<avail:available>true</avail:available>"));
    }

    private static int column(StarTable t, String name) {
        for (int i = 0; i < t.getColumnCount(); i++) {
            if (t.getColumnInfo(i).getName().equals(name)) {
                return i;
            }
        }
        throw new AssertionError("no column " + name);
    }

    private String firstValue(String column) throws Exception {
        HttpResponse<byte[]> r = get("/tap/sync", Map.of("LANG", "ADQL", "RESPONSEFORMAT", "csv", "QUERY",
                "SELECT TOP 1 " + column + " FROM ivoa.obscore WHERE " + column + " IS NOT NULL ORDER BY " + column));
        String value = ServedDemo.text(r).strip().split("\n", 2)[1].strip();
        return value.startsWith("\"") ? value.substring(1, value.length() - 1).replace("\"\"", "\"") : value;
    }
}
