// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.sql;

import org.pzvo.adql.ast.Query;
import org.pzvo.adql.ast.SelectQuery;
import org.pzvo.adql.ast.WithQuery;
import org.pzvo.adql.check.Aggregates;

/**
 * An upper bound on the rows a checked query returns, known before running it: an aggregate
 * query without GROUP BY gives at most one row, and TOP n (after the row limit of {@link RowLimit})
 * at most n. The runner uses it to let PostgreSQL run small results without a cursor, since a
 * query read through a cursor never gets a parallel plan (PostgreSQL manual, "When Can Parallel
 * Query Be Used?").
 */
public final class ResultBound {
    /** No bound is known. */
    public static final long UNKNOWN = -1;

    private ResultBound() {
    }

    /** The bound of {@code query}, or {@link #UNKNOWN}. */
    public static long of(Query query) {
        if (query instanceof WithQuery w) {
            return of(w.body());
        }
        if (query instanceof SelectQuery s) {
            long bound = Aggregates.singleGroup(s) ? 1 : UNKNOWN;
            if (s.top() >= 0) {
                bound = bound == UNKNOWN ? s.top() : Math.min(bound, s.top());
            }
            return bound;
        }
        return UNKNOWN;
    }
}
