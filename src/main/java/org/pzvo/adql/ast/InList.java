// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql.ast;

import java.util.List;
import java.util.Objects;

/** {@code value [NOT] IN (v1, ...)}. */
public record InList(Span span, boolean negated, Expr value, List<Expr> values) implements Predicate {
    public InList {
        Objects.requireNonNull(span, "span");
        Objects.requireNonNull(value, "value");
        values = List.copyOf(values);
    }

    @Override
    public <R> R accept(AstVisitor<R> visitor) {
        return visitor.visitInList(this);
    }
}
