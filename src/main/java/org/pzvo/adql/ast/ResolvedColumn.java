// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.adql.ast;

import java.util.Objects;
import java.util.Optional;
import org.pzvo.adql.check.ColumnInfo;

/** Checker output: a column reference carrying canonical names. {@code correlation} is empty only for a column merged by JOIN USING/NATURAL, which must be rendered unqualified. */
public record ResolvedColumn(Span span, Optional<String> correlation, String column, ColumnInfo info) implements Expr {
    public ResolvedColumn {
        Objects.requireNonNull(span, "span");
        Objects.requireNonNull(correlation, "correlation");
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(info, "info");
    }

    @Override
    public <R> R accept(AstVisitor<R> visitor) {
        return visitor.visitResolvedColumn(this);
    }
}
