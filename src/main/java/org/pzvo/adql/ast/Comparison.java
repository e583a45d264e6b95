// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql.ast;

import java.util.Objects;

/** {@code left op right}. */
public record Comparison(Span span, ComparisonOperator operator, Expr left, Expr right) implements Predicate {
    public Comparison {
        Objects.requireNonNull(span, "span");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(right, "right");
    }

    @Override
    public <R> R accept(AstVisitor<R> visitor) {
        return visitor.visitComparison(this);
    }
}
