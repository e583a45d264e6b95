// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pzvo.adql.AdqlException;

/** Errors the translator adds to the parser's and checker's, as (query, exact message with line and column). */
class TranslatorErrorTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            SELECT CAST(name AS POINT) FROM sky.src | line 1, column 8: CAST of a string to POINT is not supported; write the shape with POINT, CIRCLE or POLYGON
            SELECT id FROM sky.src WHERE CONTAINS(CIRCLE(ra, dec, 1), CIRCLE(10, 20, 5)) = 1 | line 1, column 39: CONTAINS supports a point as its first argument (or as either argument of INTERSECTS); comparing two circles or polygons is not supported
            SELECT REGION('UNION (CIRCLE 1 2 3)') FROM sky.src | line 1, column 8: REGION supports the STC-S shapes POSITION, CIRCLE, BOX and POLYGON in ICRS, not 'UNION (CIRCLE 1 2 3)'
            SELECT REGION('CIRCLE 1 2') FROM sky.src | line 1, column 8: REGION supports the STC-S shapes POSITION, CIRCLE, BOX and POLYGON in ICRS, not 'CIRCLE 1 2'
            SELECT id FROM sky.src WHERE\\n  CONTAINS(POINT(ra, dec), REGION(name)) = 1 | line 2, column 28: REGION needs a constant STC-S string
            """)
    void refusesWithPosition(String adql, String message) {
        AdqlException e = assertThrows(AdqlException.class,
                () -> Translator.of(SkyCatalog.INSTANCE, SqlDialects.POSTGRESQL).translate(adql.replace("\\n", "\n"), -1));
        assertEquals(message, e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            SELECT s.id FROM sky.src AS s FULL OUTER JOIN sky.ref AS r ON s.id = r.id | line 1, column 18: FULL OUTER JOIN is not supported by this service's database (H2); combine a LEFT and a RIGHT OUTER JOIN with UNION instead
            """)
    void refusesOnH2Only(String adql, String message) throws AdqlException {
        AdqlException e = assertThrows(AdqlException.class,
                () -> Translator.of(SkyCatalog.INSTANCE, SqlDialects.H2).translate(adql, -1));
        assertEquals(message, e.getMessage());
        Translator.of(SkyCatalog.INSTANCE, SqlDialects.POSTGRESQL).translate(adql, -1);
    }
}
