// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql.ast;

import java.util.Objects;

/** {@code NULL}. */
public record NullLiteral(Span span) implements Expr {
    public NullLiteral {
        Objects.requireNonNull(span, "span");
    }

    @Override
    public <R> R accept(AstVisitor<R> visitor) {
        return visitor.visitNullLiteral(this);
    }
}
