// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql.ast;

import java.util.Objects;

/** {@code value [NOT] BETWEEN low AND high}. */
public record Between(Span span, boolean negated, Expr value, Expr low, Expr high) implements Predicate {
    public Between {
        Objects.requireNonNull(span, "span");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(low, "low");
        Objects.requireNonNull(high, "high");
    }

    @Override
    public <R> R accept(AstVisitor<R> visitor) {
        return visitor.visitBetween(this);
    }
}
