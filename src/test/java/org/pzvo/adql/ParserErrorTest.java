// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Syntax errors as data: (query, exact message with line and column). {@code \n} in a query is a newline. */
class ParserErrorTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
        SELECT FROM t                      | line 1, column 8: mismatched input 'FROM'; expecting an expression
        SELECT a FROM                      | line 1, column 14: unexpected end of query; expecting a name or '('
        SELECT a FROM t WHERE              | line 1, column 22: unexpected end of query; expecting a condition
        SELECT a, FROM t                   | line 1, column 11: mismatched input 'FROM'; expecting an expression
        SELECT a FROM t WHERE a = 1 AND    | line 1, column 32: unexpected end of query; expecting a condition
        SELECT distance FROM stars         | line 1, column 17: mismatched input 'FROM'; expecting '(' ('distance' is a reserved word; write "distance" to use it as a name)
        SELECT size FROM stars             | line 1, column 8: mismatched input 'size'; expecting an expression ('size' is a reserved word; write "size" to use it as a name)
        SELECT a FROM t INNER JOIN         | line 1, column 27: unexpected end of query; expecting a name or '('
        SELECT TOP -1 a FROM t             | line 1, column 12: mismatched input '-'; expecting an unsigned integer
        SELECT a FROM t OFFSET 1.5         | line 1, column 24: mismatched input '1.5'; expecting an unsigned integer
        SELECT a FROM t GROUP a            | line 1, column 23: mismatched input 'a'; expecting BY
        SELECT a\\nFROM t\\nWHERE b = = 2  | line 3, column 11: mismatched input '='; expecting an expression
        SELECT ABS(1, 2) FROM t            | line 1, column 8: ABS takes 1 argument, not 2
        SELECT PI(1) FROM t                | line 1, column 8: PI takes 0 arguments, not 1
        SELECT ROUND(1, 2, 3) FROM t       | line 1, column 8: ROUND takes 1 or 2 arguments, not 3
        SELECT DISTANCE(1, 2, 3) FROM t    | line 1, column 8: DISTANCE takes 2 or 4 arguments, not 3
        SELECT CIRCLE('ICRS', 1, 2) FROM t | line 1, column 23: expecting a point (POINT(...) or a point-valued column), not a number
        SELECT POINT('QUARK', 1, 2) FROM t | line 1, column 14: unknown coordinate system 'QUARK'; expecting an STC-S frame such as 'ICRS', or ''
        SELECT POINT(1, 2) + 1 FROM t      | line 1, column 8: a geometry cannot be an operand of +
        SELECT POINT(1, 2, 3) FROM t       | line 1, column 14: expecting a coordinate system string, not a number
        SELECT POLYGON(1, 2, 3, 4) FROM t  | line 1, column 16: expecting a point (POINT(...) or a point-valued column), not a number
        SELECT CAST(a AS FLOAT) FROM t     | line 1, column 18: mismatched input 'FLOAT'; expecting BIGINT, CHAR, CIRCLE, DOUBLE, INTEGER, POINT, POLYGON, REAL, SMALLINT, TIMESTAMP or VARCHAR
        SELECT COALESCE() FROM t           | line 1, column 17: mismatched input ')'; expecting an expression
        SELECT a FROM (SELECT b FROM u)    | line 1, column 32: unexpected end of query; expecting AS or a name
        SELECT a FROM t WHERE a IN ()      | line 1, column 29: mismatched input ')'; expecting an expression
        SELECT a.b.c.d.e FROM t            | line 1, column 8: too many qualifiers in 'a.b.c.d.e'
        SELECT a FROM a.b.c.d              | line 1, column 15: too many qualifiers in 'a.b.c.d'
        SELECT a FROM (t)                  | line 1, column 16: expecting a JOIN inside the parentheses
        SELECT a FROM t WHERE a LIKE 'x' ESCAPE '!' | line 1, column 34: mismatched input 'ESCAPE'; expecting end of query
        WITH x AS (SELECT a FROM t) SELECT * FROM (WITH y AS (SELECT 1 FROM t) SELECT * FROM y) AS q | line 1, column 44: mismatched input 'WITH'; expecting a name or '('
        SELECT 'abc FROM t                 | line 1, column 8: unterminated string literal: the closing ' is missing
        SELECT "abc FROM t                 | line 1, column 8: unterminated delimited identifier: the closing " is missing
        SELECT "" FROM t                   | line 1, column 8: unterminated delimited identifier: the closing " is missing
        SELECT a FROM t;                   | line 1, column 16: unexpected character ';' (an ADQL query is one statement, without a terminating semicolon)
        SELECT _a FROM t                   | line 1, column 8: unexpected character '_'
        SELECT TOP 99999999999999999999 a FROM t | line 1, column 12: number too large: 99999999999999999999
        ``                                 | line 1, column 1: empty query
        -- just a comment                  | line 1, column 18: empty query
        """)
    void syntaxErrors(String adql, String message) {
        String query = adql.replace("\\n", "\n");
        AdqlException e = assertThrows(AdqlException.class, () -> AdqlParser.parseQuery(query));
        assertEquals(message, e.getMessage());
    }

    @Test
    void exceptionExposesPositionAndMessageSeparately() {
        AdqlException e = assertThrows(AdqlException.class, () -> AdqlParser.parseQuery("SELECT a\n  FROM t WHERE"));
        assertEquals(2, e.line());
        assertEquals(15, e.column());
        assertEquals("unexpected end of query; expecting a condition", e.userMessage());
        assertEquals(2, e.span().startLine());
    }

    @Test
    void spansCountCodePointsAndCoverMultiLineTokens() throws AdqlException {
        org.pzvo.adql.ast.SelectQuery q = (org.pzvo.adql.ast.SelectQuery)
                AdqlParser.parseQuery("SELECT '\uD83D\uDE00x\ny' AS a, b FROM t");
        assertEquals(new org.pzvo.adql.ast.Span(1, 8, 2, 2), ((org.pzvo.adql.ast.DerivedColumn) q.items().get(0))
                .expr().span());
        assertEquals(new org.pzvo.adql.ast.Span(2, 10, 2, 10), q.items().get(1).span());
        AdqlException e = assertThrows(AdqlException.class,
                () -> AdqlParser.parseQuery("SELECT '\uD83D\uDE00' FROM t WHERE \u0000"));
        assertEquals("line 1, column 25: unexpected character U+0000", e.getMessage());
    }

    @Test
    void lengthLimitIsEnforced() {
        AdqlException e = assertThrows(AdqlException.class, () -> AdqlParser.parseQuery("SELECT a FROM t", 10));
        assertEquals("line 1, column 1: query too long: 15 characters, at most 10 allowed", e.getMessage());
    }
}
