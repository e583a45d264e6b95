// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which positional joins the translator hands to the cross-match engine ({@link EnginePairs}),
 * what it asks of the engine, and the SQL that reads the pairs on each engine. Pair sets
 * themselves are checked end to end against STILTS and a brute force (CrossMatchStiltsTest).
 */
class EnginePairsTest {
    /** The engine knows the two sky tables by their integer id. */
    private static final MatchPlanner SKY = table -> table.schema().equals("sky") && table.position().isPresent()
            ? Optional.of("id") : Optional.empty();

    private static TranslatedQuery h2(String adql) throws Exception {
        return Translator.of(SkyCatalog.INSTANCE, SqlDialects.of(org.pzvo.db.Engine.H2)).translate(adql, -1, SKY);
    }

    private static TranslatedQuery postgres(String adql) throws Exception {
        return Translator.of(SkyCatalog.INSTANCE, SqlDialects.of(org.pzvo.db.Engine.POSTGRESQL))
                .translate(adql, -1, SKY);
    }

    @Test
    void containsJoinBecomesPairsWithTheConditionMovedToKeys() throws Exception {
        String adql = "SELECT r.id, s.mag FROM sky.ref AS r JOIN sky.src AS s"
                + " ON CONTAINS(POINT(s.ra, s.dec), CIRCLE(r.ra, r.dec, 0.05)) = 1 WHERE s.mag < 20";
        TranslatedQuery h2 = h2(adql);
        PairRequest p = h2.pairs().orElseThrow();
        assertEquals("src", p.first().table().name(), "the point is the first DISTANCE argument");
        assertEquals("ref", p.second().table().name());
        assertEquals(0.05, p.radiusDeg());
        assertTrue(p.radiusColumn().isEmpty() && !p.strict());
        assertTrue(h2.sql().startsWith("SELECT \"r\".\"id\" AS \"id\", \"s\".\"mag\" AS \"mag\" FROM pzvo_pairs(?) AS"
                + " \"pzvo_pairs\", \"sky\".\"ref\" AS \"r\" INNER JOIN \"sky\".\"src\" AS \"s\" ON 1 = 1 WHERE"), h2.sql());
        assertTrue(h2.sql().contains("\"s\".\"id\" = \"pzvo_pairs\".\"k1\" AND \"r\".\"id\" = \"pzvo_pairs\".\"k2\""),
                h2.sql());
        assertTrue(h2.sql().contains("\"s\".\"mag\" < 20"), h2.sql());
        assertTrue(!h2.sql().contains("pzvo_contains") && !h2.sql().contains("pzvo_cone_cells"), h2.sql());
        assertTrue(postgres(adql).sql().contains("FROM UNNEST(CAST(? AS BIGINT[]), CAST(? AS BIGINT[])) AS"
                + " \"pzvo_pairs\"(\"k1\", \"k2\")"), postgres(adql).sql());
    }

    /** As {@link #SKY}, and the engine can hand over the rows of the table named {@code supplied}. */
    private static MatchPlanner supplying(String supplied) {
        return new MatchPlanner() {
            @Override
            public Optional<String> keyColumn(org.pzvo.adql.check.TableInfo table) {
                return SKY.keyColumn(table);
            }

            @Override
            public boolean suppliesRows(org.pzvo.adql.check.TableInfo table) {
                return table.name().equals(supplied);
            }
        };
    }

    @Test
    void suppliedRowsReplaceTheTableAndItsKeyJoin() throws Exception {
        String adql = "SELECT r.id, s.mag FROM sky.ref AS r JOIN sky.src AS s"
                + " ON CONTAINS(POINT(s.ra, s.dec), CIRCLE(r.ra, r.dec, 0.05)) = 1 WHERE r.id < 20";
        TranslatedQuery t = Translator.of(SkyCatalog.INSTANCE, SqlDialects.of(org.pzvo.db.Engine.H2))
                .translate(adql, -1, supplying("ref"));
        PairRequest p = t.pairs().orElseThrow();
        assertEquals(PairRequest.Rows.SECOND, p.rows(), "ref, the circle's table, is the second side");
        String spec = PairRowColumns.spec(SkyCatalog.REF.columns());
        assertTrue(t.sql().startsWith("SELECT \"r\".\"id\" AS \"id\", \"s\".\"mag\" AS \"mag\" FROM pzvo_pair_rows(?, '"
                + "BIGINT _pzvo_pair_key;" + spec + "') AS \"r\" INNER JOIN \"sky\".\"src\" AS \"s\" ON 1 = 1 WHERE"), t.sql());
        assertTrue(t.sql().contains("\"r\".\"id\" < 20") && t.sql().contains("\"s\".\"id\" = \"r\".\"_pzvo_pair_key\""),
                t.sql());
        assertTrue(!t.sql().contains("\"sky\".\"ref\"") && !t.sql().contains("pzvo_pairs("), t.sql());
        // src has an array column (pos), which the engine cannot hand over: plain pairs.
        TranslatedQuery src = Translator.of(SkyCatalog.INSTANCE, SqlDialects.of(org.pzvo.db.Engine.H2))
                .translate(adql, -1, supplying("src"));
        assertEquals(PairRequest.Rows.NONE, src.pairs().orElseThrow().rows());
        assertTrue(src.sql().contains("pzvo_pairs(?)"), src.sql());
    }

    @Test
    void distanceFormsKeepTheirStrictnessAndPerRowRadius() throws Exception {
        PairRequest less = h2("SELECT r.id FROM sky.src AS s, sky.ref AS r"
                + " WHERE DISTANCE(POINT(r.ra, r.dec), POINT(s.ra, s.dec)) < r.r_deg").pairs().orElseThrow();
        assertTrue(less.strict());
        assertEquals("ref", less.first().table().name());
        assertEquals(Optional.of(new PairRequest.RadiusColumn(true, "r_deg")), less.radiusColumn());
        assertTrue(Double.isNaN(less.radiusDeg()));
        PairRequest atMost = h2("SELECT r.id FROM sky.src AS s, sky.ref AS r"
                + " WHERE 0.1 >= DISTANCE(POINT(r.ra, r.dec), POINT(s.ra, s.dec))").pairs().orElseThrow();
        assertTrue(!atMost.strict());
        assertEquals(0.1, atMost.radiusDeg());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // radius computed from both tables: SQL
        "SELECT r.id FROM sky.ref AS r JOIN sky.src AS s ON CONTAINS(POINT(s.ra, s.dec), CIRCLE(r.ra, r.dec, r.r_deg * 2)) = 1",
        // outer join: the condition does not filter the result, SQL
        "SELECT r.id FROM sky.ref AS r LEFT JOIN sky.src AS s ON CONTAINS(POINT(s.ra, s.dec), CIRCLE(r.ra, r.dec, 0.1)) = 1",
        // a table the engine does not know
        "SELECT r.id FROM TAP_UPLOAD.mine AS r JOIN sky.src AS s ON DISTANCE(POINT(r.ra, r.dec), POINT(s.ra, s.dec)) < 0.1",
        // inside a subquery
        "SELECT r.id FROM sky.ref AS r WHERE EXISTS (SELECT s.id FROM sky.src AS s, sky.ref AS q"
            + " WHERE CONTAINS(POINT(s.ra, s.dec), CIRCLE(q.ra, q.dec, 0.1)) = 1)",
        // positions written as expressions
        "SELECT r.id FROM sky.ref AS r JOIN sky.src AS s ON CONTAINS(POINT(s.ra + 0, s.dec), CIRCLE(r.ra, r.dec, 0.1)) = 1",
        // = 0 keeps the far pairs
        "SELECT r.id FROM sky.ref AS r JOIN sky.src AS s ON CONTAINS(POINT(s.ra, s.dec), CIRCLE(r.ra, r.dec, 0.1)) = 0"})
    void otherShapesStaySql(String adql) throws Exception {
        TranslatedQuery t = h2(adql);
        assertTrue(t.pairs().isEmpty(), t.sql());
        assertTrue(!t.sql().contains("pzvo_pairs"), t.sql());
    }

    @Test
    void withoutAPlannerNothingChanges() throws Exception {
        String adql = "SELECT r.id FROM sky.ref AS r JOIN sky.src AS s"
                + " ON CONTAINS(POINT(s.ra, s.dec), CIRCLE(r.ra, r.dec, 0.05)) = 1";
        TranslatedQuery plain = Translator.of(SkyCatalog.INSTANCE, SqlDialects.of(org.pzvo.db.Engine.H2))
                .translate(adql, -1);
        assertTrue(plain.pairs().isEmpty() && plain.sql().contains("pzvo_cone_cells"), plain.sql());
    }
}
