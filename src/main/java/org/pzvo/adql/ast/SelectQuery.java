// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql.ast;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One {@code SELECT} query specification (ADQL 2.1 §2.2). {@code top} and {@code offset} are -1 when absent. */
public record SelectQuery(Span span, boolean distinct, long top, List<SelectItem> items, List<FromItem> from, Optional<Predicate> where, List<Expr> groupBy, Optional<Predicate> having, List<OrderItem> orderBy, long offset) implements Query {
    public SelectQuery {
        Objects.requireNonNull(span, "span");
        items = List.copyOf(items);
        from = List.copyOf(from);
        Objects.requireNonNull(where, "where");
        groupBy = List.copyOf(groupBy);
        Objects.requireNonNull(having, "having");
        orderBy = List.copyOf(orderBy);
    }

    @Override
    public <R> R accept(AstVisitor<R> visitor) {
        return visitor.visitSelectQuery(this);
    }
}
