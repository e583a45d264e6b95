// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pzvo.adql.AdqlException;
import org.pzvo.adql.AdqlParser;
import org.pzvo.adql.ast.Query;
import org.pzvo.adql.ast.SelectQuery;
import org.pzvo.adql.check.CheckedQuery;
import org.pzvo.adql.check.Checker;

/** Each rewriting pass on its own: what it changes, and that it returns the same instance otherwise. */
class PassesTest {
    private static CheckedQuery checked(String adql) throws AdqlException {
        return Checker.check(AdqlParser.parseQuery(adql), SkyCatalog.INSTANCE);
    }

    private static String render(Query q, SqlDialect dialect) throws AdqlException {
        return new SqlRenderer(dialect).render(GeometryFunctions.apply(q));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT id, name FROM sky.src WHERE mag < 20 ORDER BY id",
        "SELECT s.id FROM sky.src AS s JOIN sky.ref AS r ON s.id = r.id WHERE s.ra > r.ra",
        "SELECT id FROM sky.src WHERE CONTAINS(POINT(ra, dec), CIRCLE(1, 2, 3)) = 0",
        "SELECT id FROM TAP_UPLOAD.mine WHERE CONTAINS(POINT(ra, dec), CIRCLE(1, 2, 3)) = 1",
        "SELECT r.id FROM sky.ref AS r LEFT OUTER JOIN sky.src AS s ON CONTAINS(POINT(s.ra, s.dec), CIRCLE(r.ra, r.dec, 1)) = 1",
        "SELECT id FROM sky.src WHERE CONTAINS(POINT(ra + 1, dec), CIRCLE(1, 2, 3)) = 1",
        "SELECT id FROM sky.src WHERE CONTAINS(POINT(ra, dec), CIRCLE(ra, 2, 3)) = 1",
        "SELECT id FROM sky.src WHERE CONTAINS(POINT(ra, dec), CIRCLE(1, 2, 3)) = 1 OR id = 3",
        "SELECT id FROM sky.src UNION SELECT id FROM sky.ref",
    })
    void passesWithNothingToDoReturnTheSameInstance(String adql) throws AdqlException {
        CheckedQuery c = checked(adql);
        Query q = c.resolved();
        assertSame(q, Support.check(q, SqlDialects.POSTGRESQL));
        assertSame(q, Regions.apply(q));
        assertSame(q, JoinColumns.apply(q));
        assertSame(q, RowLimit.apply(q, -1, c.columns()));
        assertSame(q, SpatialIndex.apply(q, SqlDialects.H2));
        assertSame(q, SpatialIndex.apply(q, SqlDialects.POSTGRESQL));
        assertSame(q, HealpixIndexColumn.apply(q));
    }

    @Test
    void rowLimitCapsOnlyTheOutermostQuery() throws AdqlException {
        CheckedQuery c = checked("SELECT TOP 5 id FROM sky.src WHERE id IN (SELECT TOP 500 id FROM sky.ref)");
        SelectQuery capped = (SelectQuery) RowLimit.apply(c.resolved(), 3, c.columns());
        assertEquals(3, capped.top());
        assertTrue(render(capped, SqlDialects.POSTGRESQL).contains("LIMIT 500) LIMIT 3"));
        assertSame(c.resolved(), RowLimit.apply(c.resolved(), 10, c.columns()));
        SelectQuery unlimited = (SelectQuery) checked("SELECT id FROM sky.src").resolved();
        assertEquals(7, ((SelectQuery) RowLimit.apply(unlimited, 7, List.of())).top());
    }

    @Test
    void rowLimitWrapsASetOperationAndKeepsItsOrderAndOffsetOutside() throws AdqlException {
        CheckedQuery c = checked("SELECT id FROM sky.src UNION SELECT id FROM sky.ref ORDER BY 1 DESC OFFSET 2");
        SelectQuery wrapped = (SelectQuery) RowLimit.apply(c.resolved(), 10, c.columns());
        assertEquals("SELECT \"pzvo_set\".\"id\" AS \"id\" FROM ((SELECT \"src\".\"id\" AS \"id\" FROM \"sky\".\"src\" AS \"src\")"
                + " UNION (SELECT \"ref\".\"id\" AS \"id\" FROM \"sky\".\"ref\" AS \"ref\")) AS \"pzvo_set\""
                + " ORDER BY 1 DESC LIMIT 10 OFFSET 2", render(wrapped, SqlDialects.POSTGRESQL));
    }

    @Test
    void spatialIndexPicksFreshCorrelationNames() throws AdqlException {
        CheckedQuery c = checked("SELECT pzvo_k1.id FROM sky.src AS pzvo_k1, sky.ref AS pzvo_c2"
                + " WHERE DISTANCE(POINT(pzvo_k1.ra, pzvo_k1.dec), POINT(pzvo_c2.ra, pzvo_c2.dec)) < 0.1");
        Query q = SpatialIndex.apply(c.resolved(), SqlDialects.POSTGRESQL);
        assertNotSame(c.resolved(), q);
        String sql = render(q, SqlDialects.POSTGRESQL);
        assertTrue(sql.contains("AS \"pzvo_c1\", generate_series(1, 9) AS \"pzvo_k2\"(\"k\")"), sql);
    }

    @Test
    void constantsFollowSqlIntegerDivision() throws AdqlException {
        String sql = Translator.of(SkyCatalog.INSTANCE, SqlDialects.POSTGRESQL)
                .translate("SELECT id FROM sky.src WHERE CONTAINS(POINT(ra, dec), CIRCLE(10, 20, 1/3600)) = 1", -1).sql();
        // 1/3600 is 0 in SQL: a point-sized cone, still indexed (cover of a 1e-6 deg cone).
        assertTrue(sql.contains("\"hpx29\" >="), sql);
        assertTrue(sql.contains("(1 / 3600)"), sql);
    }

    @Test
    void healpixIndexOfAnotherPositionStaysAFunction() throws AdqlException {
        CheckedQuery c = checked("SELECT ivo_healpix_index(5, ra, dec) FROM TAP_UPLOAD.mine");
        assertSame(c.resolved(), HealpixIndexColumn.apply(c.resolved()));
        CheckedQuery own = checked("SELECT ivo_healpix_index(29 - 19, ra, dec) FROM sky.src");
        assertTrue(render(HealpixIndexColumn.apply(own.resolved()), SqlDialects.H2)
                .startsWith("SELECT (\"src\".\"hpx29\" / 274877906944)"));
    }
}
