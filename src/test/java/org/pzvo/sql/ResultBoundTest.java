// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pzvo.adql.AdqlParser;

class ResultBoundTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "SELECT COUNT(*) FROM t | 1",
        "SELECT AVG(x), MAX(y) FROM t WHERE x > 1 | 1",
        "SELECT TOP 0 COUNT(*) FROM t | 0",
        "SELECT TOP 5 x FROM t | 5",
        "SELECT x FROM t | -1",
        "SELECT x, COUNT(*) FROM t GROUP BY x | -1",
        "SELECT TOP 3 x, COUNT(*) FROM t GROUP BY x | 3",
        "SELECT x, (SELECT COUNT(*) FROM u) FROM t | -1",
        "SELECT ivo_histogram(x, 0, 1, 10) FROM t | 1",
        "WITH c AS (SELECT x FROM t) SELECT COUNT(*) FROM c | 1",
        "SELECT x FROM t UNION SELECT COUNT(*) FROM u | -1",
    })
    void boundsFollowTopAndUngroupedAggregates(String adql, long expected) throws Exception {
        assertEquals(expected, ResultBound.of(AdqlParser.parseQuery(adql)));
    }
}
