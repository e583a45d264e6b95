// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.sia;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.pzvo.adql.AdqlParser;
import org.pzvo.dali.DaliException;
import org.pzvo.dali.DaliParams;

/** SIA 2.0 parameters to ADQL: the text, its validity for the ADQL parser, and the refusals. */
class SiaParamsTest {
    private static String adql(Map<String, List<String>> params) throws DaliException {
        Map<String, String[]> raw = new LinkedHashMap<>();
        params.forEach((k, v) -> raw.put(k, v.toArray(new String[0])));
        String adql = SiaParams.adql(DaliParams.of(raw));
        try {
            AdqlParser.parseQuery(adql);
        } catch (Exception e) {
            throw new AssertionError("not ADQL: " + adql, e);
        }
        return adql;
    }

    @Test
    void noParameterSelectsEverything() throws Exception {
        assertEquals("SELECT * FROM \"ivoa\".\"obscore\"", adql(Map.of()));
    }

    @Test
    void repeatedValuesAreOredAndParametersAnded() throws Exception {
        Map<String, List<String>> p = new LinkedHashMap<>();
        p.put("dptype", List.of("image", "cube"));
        p.put("CALIB", List.of("3"));
        assertEquals("SELECT * FROM \"ivoa\".\"obscore\" WHERE (\"dataproduct_type\" = 'image' OR"
                + " \"dataproduct_type\" = 'cube') AND \"calib_level\" = 3", adql(p));
    }

    @Test
    void intervalsWithOpenEnds() throws Exception {
        assertEquals("SELECT * FROM \"ivoa\".\"obscore\" WHERE (\"em_min\" <= 0.000002 AND \"em_max\" >= 0.000001)",
                adql(Map.of("BAND", List.of("1e-6 2e-6"))));
        assertEquals("SELECT * FROM \"ivoa\".\"obscore\" WHERE (\"t_max\" >= 60000)",
                adql(Map.of("TIME", List.of("60000 +Inf"))));
        assertEquals("SELECT * FROM \"ivoa\".\"obscore\" WHERE (\"s_fov\" <= 2)", adql(Map.of("FOV", List.of("-Inf 2"))));
        assertEquals("SELECT * FROM \"ivoa\".\"obscore\" WHERE (\"t_exptime\" >= 30 AND \"t_exptime\" <= 30)",
                adql(Map.of("EXPTIME", List.of("30"))));
    }

    @Test
    void shapesIntersectTheRegion() throws Exception {
        assertEquals("SELECT * FROM \"ivoa\".\"obscore\" WHERE 1 = INTERSECTS(\"s_region\", CIRCLE(10.5, (-20), 0.25))",
                adql(Map.of("POS", List.of("CIRCLE 10.5 -20 0.25"))));
        assertEquals("SELECT * FROM \"ivoa\".\"obscore\" WHERE 1 = INTERSECTS(\"s_region\", POLYGON(1, 2, 3, 2, 3, 4))",
                adql(Map.of("POS", List.of("polygon 1 2 3 2 3 4"))));
        String range = adql(Map.of("POS", List.of("RANGE 0 360 -10 10")));
        assertEquals(4, range.split("POLYGON").length - 1, range);
        assertTrue(adql(Map.of("POS", List.of("RANGE 10 20 80 +Inf"))).contains("90"));
        assertEquals("SELECT * FROM \"ivoa\".\"obscore\"", adql(Map.of("POS", List.of("RANGE -Inf +Inf -Inf +Inf"))));
    }

    @Test
    void quotesCannotEscapeTheLiteral() throws Exception {
        assertEquals("SELECT * FROM \"ivoa\".\"obscore\" WHERE \"target_name\" = 'x'' OR 1=1 --'",
                adql(Map.of("TARGET", List.of("x' OR 1=1 --"))));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "POS|CIRCLE 1 2|POS=CIRCLE 1 2 is not understood: CIRCLE takes 3 numbers: ra dec radius",
        "POS|CIRCLE 1 2 0|radius must be in (0, 180]",
        "POS|POLYGON 1 2 3 4|at least 3 vertices",
        "POS|RANGE 1 2 3|RANGE takes 4 numbers",
        "POS|CIRCLE 1 2 NaN|is not an interval",
        "POS|CIRCLE 1 2 1d|is not an interval",
        "BAND|1 2 3|BAND=1 2 3 is not an interval",
        "BAND|2 1|the lower bound is above the upper bound",
        "CALIB|x|CALIB=x is not a calibration level",
        "POL|IQ|POL=IQ is not a polarization state",
    })
    void badValuesAreNamed(String name, String value, String fragment) {
        DaliException e = assertThrows(DaliException.class, () -> adql(Map.of(name, List.of(value))));
        assertEquals(400, e.httpStatus());
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }
}
