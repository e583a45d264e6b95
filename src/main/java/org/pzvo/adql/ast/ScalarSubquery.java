// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql.ast;

import java.util.Objects;

/** A subquery used as a value. */
public record ScalarSubquery(Span span, Query query) implements Expr {
    public ScalarSubquery {
        Objects.requireNonNull(span, "span");
        Objects.requireNonNull(query, "query");
    }

    @Override
    public <R> R accept(AstVisitor<R> visitor) {
        return visitor.visitScalarSubquery(this);
    }
}
