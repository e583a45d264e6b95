// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql.ast;

import java.util.List;
import java.util.Objects;

/** A set operation {@code left op [ALL] right} (ADQL 2.1 §2.3); a trailing ORDER BY/OFFSET applies to the whole result. {@code offset} is -1 when absent. */
public record SetQuery(Span span, SetOperator operator, boolean all, Query left, Query right, List<OrderItem> orderBy, long offset) implements Query {
    public SetQuery {
        Objects.requireNonNull(span, "span");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(right, "right");
        orderBy = List.copyOf(orderBy);
    }

    @Override
    public <R> R accept(AstVisitor<R> visitor) {
        return visitor.visitSetQuery(this);
    }
}
