// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.scs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pzvo.adql.AdqlParser;
import org.pzvo.dali.DaliException;
import org.pzvo.dali.DaliParams;
import org.pzvo.dali.OutputFormat;
import org.pzvo.db.Metadata;
import org.pzvo.db.TableMeta;

/** The cone as ADQL, the columns of each verbosity and the parameter checks (SCS 1.03 §2). */
class ConeSearchTest {
    private static TableMeta table(String name) throws Exception {
        return Metadata.load(Path.of("tap-schema")).requireTable(name);
    }

    private static ConeRequest parse(Map<String, String> params) throws DaliException {
        Map<String, String[]> raw = new LinkedHashMap<>();
        params.forEach((k, v) -> raw.put(k, new String[] {v}));
        return ConeRequest.parse(DaliParams.of(raw), 10, 1000, 5000);
    }

    @Test
    void coneIsAContainsQueryOnThePositionColumns() throws Exception {
        String adql = ConeSearch.adql(table("lsst.object"), parse(Map.of("RA", "-349.5", "DEC", "-28.1", "SR", "0.25",
                "VERB", "1")));
        assertEquals("SELECT \"objectId\", \"coord_ra\", \"coord_dec\" FROM \"lsst\".\"object\" WHERE 1 = CONTAINS("
                + "POINT(\"coord_ra\", \"coord_dec\"), CIRCLE(10.5, (-28.1), 0.25))", adql);
        AdqlParser.parseQuery(adql);
        assertEquals("SELECT \"objectId\", \"coord_ra\", \"coord_dec\" FROM \"lsst\".\"object\" WHERE 1 = 0",
                ConeSearch.adql(table("lsst.object"), parse(Map.of("RA", "1", "DEC", "2", "SR", "0", "VERB", "1"))));
    }

    @Test
    void verbosityAddsPrincipalThenAllColumns() throws Exception {
        TableMeta photoz = table("pz.photoz");
        List<String> v1 = ConeSearch.columns(photoz, 1);
        List<String> v2 = ConeSearch.columns(photoz, 2);
        List<String> v3 = ConeSearch.columns(photoz, 3);
        assertEquals(List.of("object_id", "ra", "dec"), v1);
        assertEquals(v1, v2.subList(0, 3));
        assertTrue(v2.size() < v3.size() && v3.size() == photoz.columns().size(), v2 + " / " + v3);
    }

    @Test
    void defaults() throws Exception {
        ConeRequest c = parse(Map.of("ra", "1", "dec", "2", "sr", "0.1"));
        assertEquals(ConeRequest.DEFAULT_VERB, c.verb());
        assertEquals(1000, c.maxrec());
        assertEquals(OutputFormat.VOTABLE_TABLEDATA, c.format());
        assertEquals(5000, parse(Map.of("RA", "1", "DEC", "2", "SR", "0.1", "MAXREC", "99999")).maxrec());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "DEC=1|SR=1|Missing parameter RA",
        "RA=400|SR=1|RA=400.0 is out of range",
        "RA=1|SR=x|Missing parameter DEC",
        "RA=NaN|SR=1|Bad value of RA: 'NaN'",
        "RA=1|SR=10.5|maxSR",
    })
    void badParametersAreNamed(String a, String b, String fragment) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String kv : List.of(a, b)) {
            params.put(kv.split("=")[0], kv.split("=")[1]);
        }
        params.putIfAbsent("DEC", "0");
        if (fragment.contains("DEC")) {
            params.remove("DEC");
        }
        DaliException e = assertThrows(DaliException.class, () -> parse(params));
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }
}
