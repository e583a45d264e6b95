// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql.ast;

import java.util.List;
import java.util.Objects;

/** {@code COALESCE(a [, b]...)} with at least one argument. */
public record Coalesce(Span span, List<Expr> args) implements Expr {
    public Coalesce {
        Objects.requireNonNull(span, "span");
        args = List.copyOf(args);
    }

    @Override
    public <R> R accept(AstVisitor<R> visitor) {
        return visitor.visitCoalesce(this);
    }
}
