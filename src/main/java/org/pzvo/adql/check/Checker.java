// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql.check;

import org.pzvo.adql.AdqlException;
import org.pzvo.adql.ast.Query;

/**
 * Checks a parsed query against a {@link Catalog} and returns the resolved tree (DESIGN.md
 * "check" stage; CONTRACTS.md "Identifiers end to end"):
 * <ul>
 *   <li>table references become {@link org.pzvo.adql.ast.ResolvedTable} (catalog table, with its
 *       {@code PositionIndex}) or {@link org.pzvo.adql.ast.CteTable}, each with a correlation name
 *       unique in its FROM clause; column references become
 *       {@link org.pzvo.adql.ast.ResolvedColumn} with canonical names;</li>
 *   <li>{@code *} and {@code t.*} are expanded; every select item carries its unique output name
 *       as a delimited alias; ORDER BY aliases and ordinals become
 *       {@link org.pzvo.adql.ast.OutputColumnRef};</li>
 *   <li>argument types of operators and functions are checked, UDFs must be declared (by the
 *       catalog or {@link org.pzvo.adql.feature.Features}), and geometry in a frame other than
 *       ICRS is refused.</li>
 * </ul>
 * Errors are {@link AdqlException}s with the span of the offending node and a message from
 * {@link org.pzvo.adql.Messages}. Thread-safe: each call keeps its state to itself; the catalog is
 * only read.
 */
public final class Checker {
    private Checker() {
    }

    /**
     * Resolves and checks {@code query}, a tree from the parser (not an already checked tree); the
     * result's columns describe the output, in order.
     */
    public static CheckedQuery check(Query query, Catalog catalog) throws AdqlException {
        try {
            QueryResolver.Resolved r = new QueryResolver(catalog).top(query);
            return new CheckedQuery(r.query(), r.columns());
        } catch (CheckFailure failure) {
            throw failure.error;
        }
    }
}
