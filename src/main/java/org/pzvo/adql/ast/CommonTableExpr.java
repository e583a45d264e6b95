// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql.ast;

import java.util.List;
import java.util.Objects;

/** One common table expression {@code name [(col, ...)] AS (query)}. */
public record CommonTableExpr(Span span, Identifier name, List<Identifier> columns, Query query) implements Node {
    public CommonTableExpr {
        Objects.requireNonNull(span, "span");
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        Objects.requireNonNull(query, "query");
    }

    @Override
    public <R> R accept(AstVisitor<R> visitor) {
        return visitor.visitCommonTableExpr(this);
    }
}
