// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql;

import org.pzvo.adql.ast.Query;
import org.pzvo.adql.parse.ParseDriver;

/**
 * The ADQL 2.1 parser façade: text in, immutable {@link Query} out, or an {@link AdqlException}
 * for the first syntax error (with line, column and what was expected). Parsing checks syntax
 * only; names, types and optional features are checked by {@code org.pzvo.adql.check.Checker}.
 * Thread-safe and stateless.
 */
public final class AdqlParser {
    /** Longest query text accepted by {@link #parseQuery(String)}, in characters. */
    public static final int DEFAULT_MAX_LENGTH = 1_000_000;

    private AdqlParser() {
    }

    /** Parses a query of at most {@link #DEFAULT_MAX_LENGTH} characters. */
    public static Query parseQuery(String adql) throws AdqlException {
        return ParseDriver.parse(adql, DEFAULT_MAX_LENGTH);
    }

    /** Parses a query of at most {@code maxLength} characters. */
    public static Query parseQuery(String adql, int maxLength) throws AdqlException {
        return ParseDriver.parse(adql, maxLength);
    }
}
