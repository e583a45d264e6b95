// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql.ast;

import java.util.Objects;

/** An infix arithmetic, bitwise or concatenation operator. */
public record Binary(Span span, BinaryOperator operator, Expr left, Expr right) implements Expr {
    public Binary {
        Objects.requireNonNull(span, "span");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(right, "right");
    }

    @Override
    public <R> R accept(AstVisitor<R> visitor) {
        return visitor.visitBinary(this);
    }
}
