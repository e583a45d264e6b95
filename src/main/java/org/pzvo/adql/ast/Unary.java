// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql.ast;

import java.util.Objects;

/** A prefix operator applied to an operand ({@code -x}, {@code +x}, {@code ~x}). */
public record Unary(Span span, UnaryOperator operator, Expr operand) implements Expr {
    public Unary {
        Objects.requireNonNull(span, "span");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(operand, "operand");
    }

    @Override
    public <R> R accept(AstVisitor<R> visitor) {
        return visitor.visitUnary(this);
    }
}
