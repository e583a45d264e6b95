// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql.ast;

import java.util.Objects;

/** {@code CAST(value AS type[(length)])} (ADQL 2.1 type operations); {@code length} is -1 when absent. */
public record Cast(Span span, Expr value, CastType type, int length) implements Expr {
    public Cast {
        Objects.requireNonNull(span, "span");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(type, "type");
    }

    @Override
    public <R> R accept(AstVisitor<R> visitor) {
        return visitor.visitCast(this);
    }
}
