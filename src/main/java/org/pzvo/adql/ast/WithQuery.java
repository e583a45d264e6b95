// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql.ast;

import java.util.List;
import java.util.Objects;

/** {@code WITH cte [, cte]... body}: common table expressions (ADQL 2.1 §2.2.4); only allowed at the top level. */
public record WithQuery(Span span, List<CommonTableExpr> ctes, Query body) implements Query {
    public WithQuery {
        Objects.requireNonNull(span, "span");
        ctes = List.copyOf(ctes);
        Objects.requireNonNull(body, "body");
    }

    @Override
    public <R> R accept(AstVisitor<R> visitor) {
        return visitor.visitWithQuery(this);
    }
}
