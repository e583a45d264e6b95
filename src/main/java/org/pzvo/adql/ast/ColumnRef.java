// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql.ast;

import java.util.List;
import java.util.Objects;

/** A column reference as written: optional qualifier parts ({@code [[catalog.]schema.]table} or a correlation name) and the column name. */
public record ColumnRef(Span span, List<Identifier> qualifier, Identifier column) implements Expr {
    public ColumnRef {
        Objects.requireNonNull(span, "span");
        qualifier = List.copyOf(qualifier);
        Objects.requireNonNull(column, "column");
    }

    @Override
    public <R> R accept(AstVisitor<R> visitor) {
        return visitor.visitColumnRef(this);
    }
}
