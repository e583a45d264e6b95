// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pzvo.adql.ast.AstEquality;
import org.pzvo.adql.ast.Nodes;
import org.pzvo.adql.ast.Query;
import org.pzvo.adql.ast.StringLiteral;
import org.pzvo.adql.ast.Identifier;
import org.pzvo.adql.print.AdqlPrinter;

/**
 * Hostile input gives either a tree whose printed form is safe and faithful, or a clean
 * {@link AdqlException}; never another exception (in particular no StackOverflowError).
 */
class HostileTextTest {

    static Stream<String> hostile() {
        String deepParens = "SELECT " + "(".repeat(10_000) + "1" + ")".repeat(10_000) + " FROM t";
        String deepUnary = "SELECT " + "- ".repeat(50_000) + "1 FROM t";
        String deepNot = "SELECT a FROM t WHERE " + "NOT ".repeat(50_000) + "a = 1";
        String longSum = "SELECT " + IntStream.range(0, 30_000).mapToObj(i -> "a").collect(Collectors.joining("+"))
                + " FROM t";
        String deepSubqueries = "SELECT a FROM t WHERE a IN " + "(SELECT a FROM t WHERE a IN ".repeat(150) + "(1)"
                + ")".repeat(150);
        String deepCase = "SELECT " + "CASE WHEN a = 1 THEN ".repeat(3000) + "1" + " END".repeat(3000) + " FROM t";
        return Stream.of(
                "SELECT a FROM t; DROP TABLE t",
                "SELECT a FROM t WHERE b = 'x'; DELETE FROM t --'",
                "SELECT a FROM t WHERE b = 'x'' OR ''1''=''1'",
                "SELECT \"a\"\"; DROP TABLE t; --\" FROM t",
                "SELECT a FROM t -- ; DROP TABLE t",
                "SELECT a FROM t /* comment */",
                "SELECT a FROM t WHERE b = 'a\u0000b'",
                "SELECT a\u0000 FROM t",
                "SELECT а FROM t",
                "SELECT a FROM t WHERE b = ‘x’",
                "SELECT a FROM t WHERE b ＝ 1",
                "SELECT \"а\" FROM t",
                "SELECT a FROM t WHERE b = '\uD83D\uDE00'",
                "SELECT a FROM t\r\nWHERE b = 1\r",
                "SELECT\u00A0a FROM t",
                "SELECT a FROM t WHERE b = '",
                "SELECT a FROM \"t",
                "\"",
                "'",
                "(((",
                ")))",
                "SELECT",
                "\uFEFFSELECT a FROM t",
                "SELECT a FROM t WHERE a = 1e999999",
                "SELECT a FROM t WHERE a = 0x",
                "SELECT TOP 9223372036854775808 a FROM t",
                "SELECT CAST(a AS CHAR(99999999999)) FROM t",
                deepParens, deepUnary, deepNot, longSum, deepSubqueries, deepCase);
    }

    @ParameterizedTest(name = "[{index}]")
    @MethodSource("hostile")
    void givesATreeOrACleanError(String adql) {
        try {
            Query q = AdqlParser.parseQuery(adql);
            String printed = AdqlPrinter.print(q);
            assertTrue(AstEquality.equalsIgnoringSpans(q, AdqlParser.parseQuery(printed)), printed);
        } catch (AdqlException e) {
            assertTrue(e.line() >= 1 && e.column() >= 1, e.getMessage());
            assertTrue(e.getMessage().startsWith("line "), e.getMessage());
        }
    }

    @Test
    void quotesInNamesAndLiteralsSurviveAsData() throws AdqlException {
        Query q = AdqlParser.parseQuery("SELECT \"a\"\"; DROP TABLE t; --\" FROM t WHERE b = 'x'' OR ''1''=''1'");
        String printed = AdqlPrinter.print(q);
        assertEquals("SELECT \"a\"\"; DROP TABLE t; --\" FROM t WHERE b = 'x'' OR ''1''=''1'", printed);
        boolean[] seen = new boolean[2];
        Nodes.walk(q, n -> {
            if (n instanceof StringLiteral s) {
                seen[0] = s.value().equals("x' OR '1'='1");
            }
        });
        assertTrue(seen[0]);
        Identifier column = ((org.pzvo.adql.ast.ColumnRef) ((org.pzvo.adql.ast.DerivedColumn)
                ((org.pzvo.adql.ast.SelectQuery) q).items().get(0)).expr()).column();
        assertEquals("a\"; DROP TABLE t; --", column.text());
        assertTrue(column.delimited());
    }

    @Test
    void tenThousandNestedParenthesesAreRefusedAsTooDeep() {
        String adql = "SELECT " + "(".repeat(10_000) + "1" + ")".repeat(10_000) + " FROM t";
        AdqlException e = assertThrows(AdqlException.class, () -> AdqlParser.parseQuery(adql));
        assertEquals("line 1, column 208: query too deep to parse", e.getMessage());
    }

    @Test
    void nulIsRefusedWithItsPosition() {
        AdqlException e = assertThrows(AdqlException.class,
                () -> AdqlParser.parseQuery("SELECT a\nFROM t WHERE b = 'a\u0000b'"));
        assertEquals("line 2, column 20: unexpected character U+0000", e.getMessage());
    }

    @Test
    void aHundredKilobyteInListParsesAndALongOrChainStaysShallow() throws AdqlException {
        String in = "SELECT a FROM t WHERE a IN (" + IntStream.range(0, 20_000).mapToObj(String::valueOf)
                .collect(Collectors.joining(", ")) + ")";
        assertTrue(in.length() > 100_000);
        AdqlParser.parseQuery(in);
        String or = "SELECT a FROM t WHERE " + IntStream.range(0, 10_000).mapToObj(i -> "a = " + i)
                .collect(Collectors.joining(" OR "));
        assertTrue(or.length() > 100_000);
        Query q = AdqlParser.parseQuery(or);
        assertTrue(Nodes.depth(q) < 30, "depth " + Nodes.depth(q));
        assertTrue(AstEquality.equalsIgnoringSpans(q, AdqlParser.parseQuery(AdqlPrinter.print(q))));
    }
}
