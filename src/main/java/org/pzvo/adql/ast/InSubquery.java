// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql.ast;

import java.util.Objects;

/** {@code value [NOT] IN (subquery)}. */
public record InSubquery(Span span, boolean negated, Expr value, Query query) implements Predicate {
    public InSubquery {
        Objects.requireNonNull(span, "span");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(query, "query");
    }

    @Override
    public <R> R accept(AstVisitor<R> visitor) {
        return visitor.visitInSubquery(this);
    }
}
