// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql.ast;

import java.util.Objects;
import java.util.Optional;

/** A select-list expression with an optional alias ({@code expr [AS] alias}). */
public record DerivedColumn(Span span, Expr expr, Optional<Identifier> alias) implements SelectItem {
    public DerivedColumn {
        Objects.requireNonNull(span, "span");
        Objects.requireNonNull(expr, "expr");
        Objects.requireNonNull(alias, "alias");
    }

    @Override
    public <R> R accept(AstVisitor<R> visitor) {
        return visitor.visitDerivedColumn(this);
    }
}
