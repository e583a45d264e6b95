// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql.ast;

import java.util.Objects;

/** {@code IN_UNIT(value, 'unit')} (ADQL 2.1 unit operations). */
public record InUnit(Span span, Expr value, StringLiteral unit) implements Expr {
    public InUnit {
        Objects.requireNonNull(span, "span");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(unit, "unit");
    }

    @Override
    public <R> R accept(AstVisitor<R> visitor) {
        return visitor.visitInUnit(this);
    }
}
