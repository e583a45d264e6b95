// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql.ast;

import java.util.Objects;

/** An unsigned numeric literal, kept as written (ADQL 2.1 §2.1.4: exact, approximate with exponent, or hexadecimal). */
public record NumericLiteral(Span span, String text, NumericKind kind) implements Expr {
    public NumericLiteral {
        Objects.requireNonNull(span, "span");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(kind, "kind");
    }

    @Override
    public <R> R accept(AstVisitor<R> visitor) {
        return visitor.visitNumericLiteral(this);
    }
}
