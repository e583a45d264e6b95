// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pzvo.adql.AdqlException;
import org.pzvo.adql.check.ResultColumn;
import org.pzvo.db.Engine;

/** The façade: output columns and normalised ADQL next to the SQL, and the dialect of each engine. */
class TranslatorTest {
    @Test
    void returnsColumnsAndNormalizedAdql() throws AdqlException {
        TranslatedQuery t = Translator.of(SkyCatalog.INSTANCE, SqlDialects.H2)
                .translate("select top 3 ra, POINT(ra, dec) as p, distance(ra, dec, 1, 2) from sky.src", 100);
        List<String> names = t.columns().stream().map(ResultColumn::name).toList();
        assertEquals(List.of("ra", "p", "distance"), names);
        assertEquals("point", t.columns().get(1).xtype());
        assertEquals("deg", t.columns().get(2).unit());
        assertEquals("SELECT \"src\".\"ra\" AS \"ra\", CAST(ARRAY[\"src\".\"ra\", \"src\".\"dec\"] AS DOUBLE PRECISION ARRAY)"
                + " AS \"p\", pzvo_distance(\"src\".\"ra\", \"src\".\"dec\", 1, 2) AS \"distance\" FROM \"sky\".\"src\" AS \"src\""
                + " FETCH FIRST 3 ROWS ONLY", t.sql());
        assertEquals(t.normalizedAdql(), Translator.of(SkyCatalog.INSTANCE, SqlDialects.H2)
                .translate(t.normalizedAdql(), 100).normalizedAdql());
    }

    @Test
    void boundsTheRowsAfterTheRowLimit() throws AdqlException {
        Translator t = Translator.of(SkyCatalog.INSTANCE, SqlDialects.POSTGRESQL);
        assertEquals(1, t.translate("SELECT COUNT(*), AVG(ra) FROM sky.src", 100_001).maxRows());
        assertEquals(50, t.translate("SELECT ra FROM sky.src", 50).maxRows());
        assertEquals(3, t.translate("SELECT TOP 3 ra FROM sky.src", 50).maxRows());
        assertEquals(ResultBound.UNKNOWN, t.translate("SELECT ra FROM sky.src", -1).maxRows());
    }

    @Test
    void dialectsByEngine() {
        assertSame(SqlDialects.H2, SqlDialects.of(Engine.H2));
        assertSame(SqlDialects.POSTGRESQL, SqlDialects.of(Engine.POSTGRESQL));
        assertEquals(Engine.POSTGRESQL, Translator.of(SkyCatalog.INSTANCE, SqlDialects.POSTGRESQL).dialect().engine());
    }
}
