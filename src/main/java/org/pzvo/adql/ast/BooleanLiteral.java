// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql.ast;

import java.util.Objects;

/** {@code TRUE} or {@code FALSE}. */
public record BooleanLiteral(Span span, boolean value) implements Expr {
    public BooleanLiteral {
        Objects.requireNonNull(span, "span");
    }

    @Override
    public <R> R accept(AstVisitor<R> visitor) {
        return visitor.visitBooleanLiteral(this);
    }
}
