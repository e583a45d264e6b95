// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql.ast;

import java.util.Objects;

/** A subquery in FROM with its mandatory correlation name (ADQL 2.1 §2.2.2). */
public record DerivedTable(Span span, Query query, Identifier alias) implements FromItem {
    public DerivedTable {
        Objects.requireNonNull(span, "span");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(alias, "alias");
    }

    @Override
    public <R> R accept(AstVisitor<R> visitor) {
        return visitor.visitDerivedTable(this);
    }
}
