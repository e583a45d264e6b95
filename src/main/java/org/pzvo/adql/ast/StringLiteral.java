// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql.ast;

import java.util.Objects;

/** A character string literal; {@code value} is unescaped (a doubled quote is one quote). */
public record StringLiteral(Span span, String value) implements Expr {
    public StringLiteral {
        Objects.requireNonNull(span, "span");
        Objects.requireNonNull(value, "value");
    }

    @Override
    public <R> R accept(AstVisitor<R> visitor) {
        return visitor.visitStringLiteral(this);
    }
}
