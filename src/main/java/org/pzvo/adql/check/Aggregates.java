// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql.check;

import org.pzvo.adql.ast.Aggregate;
import org.pzvo.adql.ast.DerivedColumn;
import org.pzvo.adql.ast.Node;
import org.pzvo.adql.ast.Nodes;
import org.pzvo.adql.ast.Query;
import org.pzvo.adql.ast.SelectQuery;
import org.pzvo.adql.ast.UdfCall;
import org.pzvo.adql.feature.Features;

/** Where aggregates are (ADQL 2.1 §2.2.5: set functions, and the aggregate UDFs such as ivo_histogram). */
public final class Aggregates {
    private Aggregates() {
    }

    /** Whether {@code node} contains an aggregate outside nested subqueries. */
    public static boolean in(Node node) {
        if (isAggregate(node)) {
            return true;
        }
        for (Node child : Nodes.children(node)) {
            if (!(child instanceof Query) && in(child)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code node} itself is an aggregate call. */
    static boolean isAggregate(Node node) {
        return node instanceof Aggregate || node instanceof UdfCall u && Features.isAggregateUdf(u.name());
    }

    /**
     * Whether {@code select} is an aggregate query without grouping, which gives at most one row
     * (SQL: the whole table is one group).
     */
    public static boolean singleGroup(SelectQuery select) {
        return select.groupBy().isEmpty()
                && (select.having().isPresent() || select.items().stream()
                .anyMatch(i -> i instanceof DerivedColumn d && in(d.expr())));
    }
}
