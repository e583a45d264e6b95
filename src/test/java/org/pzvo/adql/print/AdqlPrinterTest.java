// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql.print;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pzvo.adql.AdqlException;
import org.pzvo.adql.AdqlParser;
import org.pzvo.adql.ast.AstEquality;
import org.pzvo.adql.ast.Query;

/** Normalised printing: (query, expected normalised text), and parse(print(q)) equals q ignoring spans. */
class AdqlPrinterTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', textBlock = """
        select   a ,b from t => SELECT a, b FROM t
        select distinct top 5 * from s.t as x => SELECT DISTINCT TOP 5 * FROM s.t AS x
        SELECT x.* , y.a AS "B b" FROM t x, u y => SELECT x.*, y.a AS "B b" FROM t AS x, u AS y
        SELECT -(-1), - -1, 1 - -1, (a+b)*c, a-(b-c), a-b-c => SELECT -(-1), -(-1), 1 - -1, (a + b) * c, a - (b - c), a - b - c FROM t
        SELECT a || (b || c), a & b | c ^ d, ~a FROM t => SELECT a || (b || c), a & b | c ^ d, ~a FROM t
        SELECT 'it''s' FROM t WHERE a != 1 AND b <> 2 => SELECT 'it''s' FROM t WHERE a <> 1 AND b <> 2
        SELECT a FROM t WHERE a = 1 OR (b = 2 OR c = 3) AND d = 4 => SELECT a FROM t WHERE a = 1 OR (b = 2 OR c = 3) AND d = 4
        SELECT a FROM t WHERE a = 1 OR (b = 2 OR c = 3) OR d = 4 => SELECT a FROM t WHERE a = 1 OR b = 2 OR c = 3 OR d = 4
        SELECT a FROM t WHERE (a = 1 OR b = 2) AND NOT (c = 3 AND d = 4) => SELECT a FROM t WHERE (a = 1 OR b = 2) AND NOT (c = 3 AND d = 4)
        SELECT a FROM t WHERE NOT a = 1 => SELECT a FROM t WHERE NOT a = 1
        SELECT CIRCLE('ICRS', ra, dec, 1), CIRCLE(POINT(1, 2), 3), CIRCLE(p, 3) FROM t => SELECT CIRCLE('ICRS', ra, dec, 1), CIRCLE(1, 2, 3), CIRCLE(p, 3) FROM t
        SELECT POLYGON(1,2,3,4,5,6), POLYGON(POINT('ICRS',1,2),POINT(3,4),p) FROM t => SELECT POLYGON(1, 2, 3, 4, 5, 6), POLYGON(POINT('ICRS', 1, 2), POINT(3, 4), p) FROM t
        SELECT DISTANCE(ra, dec, 1, 2), box(NULL, 1, 2, 3, 4) FROM t => SELECT DISTANCE(POINT(ra, dec), POINT(1, 2)), BOX(NULL, 1, 2, 3, 4) FROM t
        SELECT a FROM t JOIN u USING (a) LEFT JOIN (v NATURAL JOIN w) ON x = y => SELECT a FROM t INNER JOIN u USING (a) LEFT OUTER JOIN (v NATURAL INNER JOIN w) ON x = y
        SELECT a FROM t UNION SELECT b FROM u ORDER BY 1 => SELECT a FROM t UNION SELECT b FROM u ORDER BY 1
        (SELECT TOP 1 a FROM t ORDER BY a) UNION ALL (SELECT b FROM u ORDER BY b DESC) => (SELECT TOP 1 a FROM t ORDER BY a) UNION ALL (SELECT b FROM u ORDER BY b DESC)
        SELECT a FROM t UNION (SELECT a FROM u UNION SELECT a FROM v) => SELECT a FROM t UNION (SELECT a FROM u UNION SELECT a FROM v)
        SELECT a FROM t UNION SELECT a FROM u INTERSECT SELECT a FROM v => SELECT a FROM t UNION SELECT a FROM u INTERSECT SELECT a FROM v
        (SELECT a FROM t UNION SELECT a FROM u) INTERSECT SELECT a FROM v => (SELECT a FROM t UNION SELECT a FROM u) INTERSECT SELECT a FROM v
        WITH x (a, b) AS (SELECT 1, 2 FROM t) SELECT * FROM x => WITH x(a, b) AS (SELECT 1, 2 FROM t) SELECT * FROM x
        SELECT CASE a WHEN 1 THEN 'x' END, CASE WHEN a IS NULL THEN 0 ELSE 1 END FROM t => SELECT CASE a WHEN 1 THEN 'x' END, CASE WHEN a IS NULL THEN 0 ELSE 1 END FROM t
        SELECT cast(a as double precision), CAST(a AS varchar(3)), in_unit(a, 'm'), coalesce(a, 1) FROM t => SELECT CAST(a AS DOUBLE PRECISION), CAST(a AS VARCHAR(3)), IN_UNIT(a, 'm'), COALESCE(a, 1) FROM t
        SELECT count(*), count(distinct a), sum(all b) FROM t GROUP BY c HAVING count(*) > 1 => SELECT COUNT(*), COUNT(DISTINCT a), SUM(b) FROM t GROUP BY c HAVING COUNT(*) > 1
        SELECT a FROM t WHERE a NOT IN (SELECT b FROM u) AND NOT EXISTS (SELECT 1 FROM v) AND c NOT ILIKE 'x%' => SELECT a FROM t WHERE a NOT IN (SELECT b FROM u) AND NOT EXISTS (SELECT 1 FROM v) AND c NOT ILIKE 'x%'
        SELECT a FROM t WHERE ivo_hasword(a, 'x') AND TRUE => SELECT a FROM t WHERE ivo_hasword(a, 'x') AND TRUE
        SELECT a FROM t WHERE b = 'qua' -- comment\\n 'tsch' => SELECT a FROM t WHERE b = 'quatsch'
        SELECT 0x1f, 1E5, .5, 5., 1.5e-3 FROM t OFFSET 10 => SELECT 0x1f, 1E5, .5, 5., 1.5e-3 FROM t OFFSET 10
        """)
    void printsNormalisedAdqlThatParsesBack(String adql, String expected) throws AdqlException {
        adql = adql.replace("\\n", "\n");
        String query = adql.toUpperCase(java.util.Locale.ROOT).contains(" FROM ") ? adql : adql + " FROM t";
        Query q = AdqlParser.parseQuery(query);
        assertEquals(expected, AdqlPrinter.print(q));
        assertTrue(AstEquality.equalsIgnoringSpans(q, AdqlParser.parseQuery(expected)));
    }

    @Test
    void equalityIgnoringSpansStillSeesDifferences() throws AdqlException {
        Query a = AdqlParser.parseQuery("SELECT a FROM t WHERE x = 1");
        Query b = AdqlParser.parseQuery("SELECT  a  FROM  t  WHERE  x  =  1");
        Query c = AdqlParser.parseQuery("SELECT a FROM t WHERE x = 2");
        assertFalse(a.equals(b));
        assertTrue(AstEquality.equalsIgnoringSpans(a, b));
        assertFalse(AstEquality.equalsIgnoringSpans(a, c));
        assertFalse(AstEquality.equalsIgnoringSpans(AdqlParser.parseQuery("SELECT \"a\" FROM t"), a));
    }
}
