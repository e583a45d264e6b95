// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pzvo.adql.ast.AstEquality;
import org.pzvo.adql.ast.Query;
import org.pzvo.adql.feature.Features;
import org.pzvo.adql.feature.LanguageFeature;
import org.pzvo.adql.print.AdqlPrinter;

/**
 * Every lyonetia ADQL 2.1 validation query is accepted or rejected as its file says, by the parser
 * plus the declared-feature check (which is what rejects {@code my_undefined_function}). Valid
 * queries also survive a print/parse round trip.
 *
 * <p>One documented exception ({@link #EXCEPTIONS}): 2_from.xml marks
 * {@code SELECT * FROM t1 INNER JOIN t2} invalid, but the ADQL 2.1 BNF makes the join
 * specification optional ({@code <qualified_join> ::= <table_reference> [NATURAL] [<join_type>] JOIN
 * <table_reference> [<join_specification>]}) and the GAVO validation queries of the same project
 * mark spec-less joins ({@code t1 JOIN t2}, {@code t1 LEFT OUTER JOIN t2}, ...) valid. We follow the
 * BNF: such a join is a cross join.
 *
 * <p>The X1 file holds queries written for the ESO TAP service, which declares the UDFs
 * {@code ESO_INTERSECTION} and {@code eso_dateadd_sec}; they are declared here as that service
 * would, on top of pzvo's own features.
 */
class ConformanceTest {
    private static final List<LanguageFeature> DECLARED = declared();
    /** File and UUID of the queries whose expected outcome we knowingly differ from (see the class comment). */
    static final java.util.Set<String> EXCEPTIONS = java.util.Set.of("2_from.xml d4c3a72c-4458-11e6-96e2-28b2bdcff70b");

    private static List<LanguageFeature> declared() {
        List<LanguageFeature> all = new ArrayList<>(Features.supported());
        all.add(new LanguageFeature(Features.UDF, "eso_intersection(a POLYGON, b POLYGON) -> DOUBLE", "ESO"));
        all.add(new LanguageFeature(Features.UDF, "eso_dateadd_sec(s DOUBLE, t TIMESTAMP) -> TIMESTAMP", "ESO"));
        return all;
    }

    /** Skips (rather than fails) the parameterized tests when the shared folder is absent. */
    static Stream<ConformanceQueries.Case> cases() throws Exception {
        assumeTrue(ConformanceQueries.present(), "../shared/adql-conformance is absent");
        return ConformanceQueries.all().stream();
    }

    static Stream<ConformanceQueries.Case> validCases() throws Exception {
        return cases().filter(ConformanceQueries.Case::valid);
    }

    private static Query accept(String adql) throws AdqlException {
        Query query = AdqlParser.parseQuery(adql);
        Features.check(query, DECLARED);
        return query;
    }

    private static boolean isAccepted(String adql) {
        try {
            accept(adql);
            return true;
        } catch (AdqlException e) {
            return false;
        }
    }

    @Test
    void atMostThreeExceptions() {
        assertTrue(EXCEPTIONS.size() <= 3);
    }

    @Test
    void queriesArePresent() throws Exception {
        assumeTrue(ConformanceQueries.present(), "../shared/adql-conformance is absent");
        assertTrue(ConformanceQueries.all().size() > 150);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void acceptedOrRejectedAsTheFileSays(ConformanceQueries.Case c) throws Exception {
        if (EXCEPTIONS.contains(c.file() + " " + c.uuid())) {
            assertEquals(!c.valid(), isAccepted(c.adql()), "documented exception no longer applies");
            return;
        }
        if (c.valid()) {
            accept(c.adql());
        } else {
            assertThrows(AdqlException.class, () -> accept(c.adql()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validCases")
    void printedFormParsesToTheSameTree(ConformanceQueries.Case c) throws Exception {
        Query query = AdqlParser.parseQuery(c.adql());
        String printed = AdqlPrinter.print(query);
        Query again = AdqlParser.parseQuery(printed);
        assertTrue(AstEquality.equalsIgnoringSpans(query, again), () -> "printed: " + printed);
        assertEquals(printed, AdqlPrinter.print(again));
    }
}
