// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every lyonetia ADQL 2.1 validation query is accepted or rejected as its file says. */
class ConformanceTest {

    static Stream<ConformanceQueries.Case> cases() throws Exception {
        return ConformanceQueries.all().stream();
    }

    @Test
    void queriesArePresent() throws Exception {
        assumeTrue(ConformanceQueries.present(), "../shared/adql-conformance is absent");
        assumeTrue(ConformanceQueries.all().size() > 150);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void acceptedOrRejectedAsTheFileSays(ConformanceQueries.Case c) throws Exception {
        if (c.valid()) {
            AdqlParser.parseQuery(c.adql());
        } else {
            assertThrows(AdqlException.class, () -> AdqlParser.parseQuery(c.adql()));
        }
    }
}
